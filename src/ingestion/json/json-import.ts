import { checkDatePairs, checkProps, isWritableLabel, NODE_PROPS, REL_PROPS, storedProps } from '../../domain/entity-props';
import { isNodeLabel, REFERENCE_LABELS, type PersonRoleLabel } from '../../domain/graph-model';
import { handlePlatform, normaliseIdentifier, phoneCountry } from '../../domain/identifiers';
import { ID_PATTERN, ID_PREFIX } from '../../domain/ids';
import { ROLE_LABEL, type PersonRole } from '../../domain/person';
import { personBirthRules } from '../../domain/person-rules';
import type { Provenance } from '../../domain/provenance';
import type { ProvenanceInput, ReportDefaults } from '../../domain/provenance-input';
import type { Subgraph } from '../../domain/subgraph';
import { AppError } from '../../errors/app-error';
import { parseJsonExport } from '../../exports/json-export';
import { isIdentifierLabel } from '../check-plan';
import { emptyPlan, presentOnly, reasonOf, type ImportPlan } from '../import-plan';

/**
 * Our own graph JSON (src/exports/json-format.md, read by `parseJsonExport`) back into the graph:
 * a subgraph exported elsewhere comes back in with its ids, properties and provenance. Nodes of
 * reference kinds (countries, forces, agencies, vocabularies) are not written: they must already
 * be in the graph, as in every deployment of this service. A property that is `null` in the file
 * (withheld from the recipient, or unset) is left as it is in the graph; a redacted victim new to
 * the graph gets its pseudonym as its name. Every item keeps its provenance as the file gives it;
 * reports cited but not in the file are not created (the facts keep their reportId); one the graph
 * has must be visible to the importer, and its facts take its agency. Bad items are reported by
 * JSON path (`$.nodes[3]`).
 */

export interface JsonSource {
  name: string;
  text: string;
}

function provenanceInput(p: Provenance): ProvenanceInput {
  return { reportId: p.reportId, gradeSource: p.gradeSource, gradeIntel: p.gradeIntel, ukHandling: p.ukHandling, handling: p.handling, consent: p.consent, recordedAt: p.recordedAt };
}

const PREFIX = 'x.';

const defaultsOf = (p: Provenance): ReportDefaults => ({ agency: p.agency, gradeSource: p.gradeSource, gradeIntel: p.gradeIntel, ukHandling: p.ukHandling, handling: p.handling, consent: p.consent });

/** A withheld record's id as an export writes it: a victim's pseudonym (`V-7K2M4Q9X`), an identifier's (`Phone-7K2M4Q9X`). */
const PSEUDONYM_ID = /^[A-Z][A-Za-z]*-[0-9A-Z]{8}$/;

/**
 * A withheld record's pseudonymous id given a prefix of its kind (`per-V-7K2M4Q9X`), so it is an
 * id of this graph: the same record of the same package (pseudonyms are per recipient) comes in
 * as the same record again. Edges are re-pointed with it.
 */
function withOwnIds(sub: Subgraph): Subgraph {
  const ids = new Map<string, string>();
  for (const n of sub.nodes) {
    if (n.redacted && PSEUDONYM_ID.test(n.id) && !ID_PATTERN.test(n.id) && isNodeLabel(n.type)) ids.set(n.id, `${ID_PREFIX[n.type]}-${n.id}`);
  }
  if (ids.size === 0) return sub;
  return {
    ...sub,
    nodes: sub.nodes.map((n) => (ids.has(n.id) ? { ...n, id: ids.get(n.id)! } : n)),
    edges: sub.edges.map((e) => ({ ...e, source: ids.get(e.source) ?? e.source, target: ids.get(e.target) ?? e.target })),
  };
}

/** Adds a subgraph's items to a plan. Pure. */
export function addSubgraphToPlan(plan: ImportPlan, given: Subgraph, name: string, today: Date): void {
  const sub = withOwnIds(given);
  const reference = new Set<string>(REFERENCE_LABELS);
  // Every item carries its full provenance; a cited report's defaults (its agency above all) come
  // from the report itself when the file holds it, else from the graph when it has the report (it
  // must be one the importer may see: prepare-import.ts), else from the first item that cites it.
  for (const n of sub.nodes) if (n.type === 'IntelligenceReport') plan.reports.set(n.id, defaultsOf(n.provenance));
  for (const i of [...sub.nodes, ...sub.edges]) {
    const id = i.provenance.reportId;
    if (!plan.reports.has(id) && !plan.citedNotHeld.has(id)) plan.citedNotHeld.set(id, defaultsOf(i.provenance));
  }
  sub.nodes.forEach((n, i) => {
    plan.rows++;
    const source = { file: name, line: `$.nodes[${i}]` };
    if (reference.has(n.type)) {
      plan.skipped++;
      return;
    }
    try {
      if (!isNodeLabel(n.type) || !isWritableLabel(n.type)) throw new Error(`type ${n.type} is not a kind of record an import can write`);
      const label = n.type;
      const table = storedProps(label);
      const given: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(n.properties)) {
        if (!(k in table)) throw new Error(`properties.${k}: is not a property of a ${label}`);
        if (v !== null) given[k] = v;
      }
      const derived: Record<string, unknown> = {};
      if (isIdentifierLabel(label)) {
        // The natural key, normalised as the API stores it (a value typed another way is one node).
        if (typeof given.value === 'string') derived.value = normaliseIdentifier(label, given.value, 'x.properties.value');
        else if (given.value !== undefined) throw new Error('properties.value: must be text');
        // What the value gives, derived from it as the API and the CSV importer derive it (a
        // file's own countryCode was stored as given, unchecked); a withheld value gives nothing.
        delete given.value;
        delete given.countryCode;
        if (label === 'Phone' && typeof derived.value === 'string') derived.countryCode = phoneCountry(derived.value);
        if (label === 'OnlineHandle' && typeof derived.value === 'string') given.platform = handlePlatform(derived.value, given.platform, 'x.properties.platform');
      }
      if (label === 'Person' && given.name === undefined && n.redacted) given.name = n.label;
      // As the API and the CSV importer hold a person's birth: a date not in the future, the year its own.
      if (label === 'Person') Object.assign(given, personBirthRules(given as { dateOfBirth?: string; birthYear?: number }, today, 'x.properties'));
      const checked = checkProps(NODE_PROPS[label], given, 'x.properties', today, false);
      checkDatePairs(label, checked, 'x.properties');
      const roles: PersonRoleLabel[] = n.roles.map((r) => ROLE_LABEL[r as PersonRole]);
      plan.nodes.push({ label, id: n.id, props: presentOnly({ ...checked, ...derived }), roles, prov: provenanceInput(n.provenance), source });
    } catch (e) {
      plan.bad.push({ ...source, reason: reasonOf(e, PREFIX) });
    }
  });
  sub.edges.forEach((e, i) => {
    plan.rows++;
    const source = { file: name, line: `$.edges[${i}]` };
    try {
      const given = Object.fromEntries(Object.entries(e.properties).filter(([, v]) => v !== null));
      const checked = checkProps(REL_PROPS[e.type], given, 'x.properties', today, false);
      checkDatePairs('__rel', checked, 'x.properties');
      plan.rels.push({ type: e.type, from: e.source, to: e.target, props: presentOnly(checked), prov: provenanceInput(e.provenance), source });
    } catch (err) {
      plan.bad.push({ ...source, reason: reasonOf(err, PREFIX) });
    }
  });
}

export function planJson(sources: readonly JsonSource[], opts: { today: Date }): ImportPlan {
  const plan = emptyPlan(
    'json',
    sources.map((s) => s.name),
  );
  for (const s of sources) {
    let sub: Subgraph;
    try {
      sub = parseJsonExport(s.text).subgraph;
    } catch (e) {
      const field = e instanceof AppError ? (e.extensions.field as string | undefined) : undefined;
      plan.bad.push({ file: s.name, line: field ?? '$', reason: field ? reasonOf(e, `${field}: `) : reasonOf(e) });
      continue;
    }
    addSubgraphToPlan(plan, sub, s.name, opts.today);
  }
  return plan;
}
