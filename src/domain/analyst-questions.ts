/**
 * The analysts' questions the service is built to answer (the domain note, "The analyst's
 * questions"). The workbench lists them with the named operations that answer each one; an
 * operation under schema/operations says which question it answers with a leading comment line
 * `# Analyst question N: ...`.
 */
export const ANALYST_QUESTIONS = [
  { number: 1, text: 'Everyone within two hops of this phone number, and the groups they belong to.' },
  { number: 2, text: 'The shortest chains of links between these two people, or these two groups.' },
  { number: 3, text: 'The people who hold this network together (brokers, key players), and its clusters.' },
  { number: 4, text: "This group's business model, stage by stage." },
  { number: 5, text: 'The routes from Vietnam (or Romania) to the UK: transit countries in order, modes, volumes.' },
  { number: 6, text: 'Victims and offenders by exploitation type, nationality and force area, month by month.' },
  { number: 7, text: 'Force areas with many victims and few live operations.' },
  { number: 8, text: 'Businesses that share an address, phone or account with known offenders but sit in no operation yet.' },
  { number: 9, text: 'Records that are probably the same person (shared passport, phone, name and birth year).' },
  { number: 10, text: 'The two-hop subgraph around this operation, for Europol: without H2/H3 material, victims pseudonymised, as GraphML and as an i2 Analyst\'s Notebook file.' },
] as const;

export type AnalystQuestion = (typeof ANALYST_QUESTIONS)[number];
