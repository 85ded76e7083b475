import { checkDatePairs, DATE_PAIRS, dateKeys, missingRequired, NODE_PROPS, storedProps, type WritableLabel } from '../domain/entity-props';
import { BIRTH_YEAR_DISAGREES, birthYearDisagrees } from '../domain/person-rules';
import { REL_PROPS } from '../domain/entity-props';
import { isOrdered } from '../domain/rel-keys';
import { RELATIONSHIP_TYPES, type IdentifierLabel, type RelationshipType } from '../domain/graph-model';
import { hasOwnPrefix, ID_PREFIX } from '../domain/ids';
import { INHERITED_FIELDS, resolveProvenance, type ReportDefaults } from '../domain/provenance-input';
import { mostRestrictive, mostRestrictiveUk, type Provenance } from '../domain/provenance';
import { readExistingNodes, readStoredLinkDates, readWithheldLinks, readIdentifierHolders, readReportDefaults, readReportReferenceHolders, readStoredBirths, readStoredDates, type ExistingNode } from '../graph/import-check.reader';
import { type BulkMode, type BulkNodeRow, type BulkRelRow, type StoredProvenanceRow } from '../graph/queries/bulk-write.query';
import type { ScopedGraph } from '../graph/scoped-graph';
import { checkPlanShape, entityLabelOf, externalEnds, isIdentifierLabel } from './check-plan';
import { reasonOf, type BadRow, type ImportPlan, type PlannedNode, type SourceRef } from './import-plan';

/**
 * Turns a plan into batches ready to write, after every check that needs the database: ids
 * already used by other kinds of record or by reference data, relationship ends that do not
 * exist, identifier values held by another node, report references held by another report,
 * reports that do not exist, provenance that does not resolve. Nothing is written here; a plan
 * with any bad row comes back as its list.
 *
 * An item citing a report already in the graph (not one the plan writes) is sent with
 * `fromReport`: the write statement reads that report again as it writes, refuses the row if the
 * caller may no longer see it (or if the row's own handling is now below the report's), and takes
 * its grading and handling as they are then (bulk-write.query.ts). The grading read here only
 * checks that the provenance resolves. A report the caller may not see is, to an import, one that
 * does not exist: a row citing it is refused as citing no report, whatever its format, so that
 * its fact never points at a report its writer may not see, and the refusal says nothing of it.
 */

/**
 * Rows of one label (or type) written the same way: `create` for ids new to the graph (and
 * relationships with a new end, which cannot exist yet), `upsert` for the rest, so that a first
 * import takes the fast path and a repeated one finds everything unchanged.
 */
export interface NodeGroup {
  label: WritableLabel;
  mode: BulkMode;
  rows: BulkNodeRow[];
}

export interface RelGroup {
  type: RelationshipType;
  mode: BulkMode;
  rows: BulkRelRow[];
}

export interface PreparedImport {
  plan: ImportPlan;
  nodes: NodeGroup[];
  rels: RelGroup[];
}

export type Prepared = { ok: true; prepared: PreparedImport } | { ok: false; bad: BadRow[] };

export function storedProvenance(p: Provenance): StoredProvenanceRow {
  return { ...p, recordedAt: p.recordedAt.toISOString() };
}

/** Splits checked properties into plain values and dates, as the bulk writer takes them. */
export function splitDates(props: Record<string, unknown>, dates: readonly string[]): { props: Record<string, unknown>; dates: Record<string, string> } {
  const plain: Record<string, unknown> = {};
  const ds: Record<string, string> = {};
  for (const [k, v] of Object.entries(props)) {
    if (dates.includes(k)) ds[k] = v as string;
    else plain[k] = v;
  }
  return { props: plain, dates: ds };
}

/**
 * Orders bad rows by file (in the plan's order) and line, so a long list reads top to bottom, and
 * tells each problem once. A row can stand for more than one item with the same provenance (a
 * report row is the report and the ISSUED_BY to its agency, both at the report row's line): a
 * problem of that provenance is the row's, said once at its line, not once per item.
 */
export function sortBadRows(files: readonly string[], bad: BadRow[]): BadRow[] {
  const rank = (f: string) => (files.indexOf(f) === -1 ? files.length : files.indexOf(f));
  const line = (s: SourceRef) => (typeof s.line === 'number' ? s.line : Number.MAX_SAFE_INTEGER);
  const seen = new Set<string>();
  const once = bad.filter((b) => {
    const key = JSON.stringify([b.file, b.line, b.reason]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return once.sort((a, b) => rank(a.file) - rank(b.file) || line(a) - line(b) || String(a.line).localeCompare(String(b.line)));
}

/**
 * A report items cite, and where its defaults come from: `plan`, a report the plan writes (its
 * items' provenance is written as resolved); `graph`, one in the graph the caller may see (read
 * again as each batch is written: `fromReport`); `file`, for a JSON export, one the graph does not
 * have (written as the file gives it while the graph still has none: `orAbsent`).
 */
interface CitedReport {
  defaults: ReportDefaults;
  from: 'plan' | 'graph' | 'file';
}

interface GraphCheck {
  /** The plan's nodes to write (an export's reference data, already in the graph, left out). */
  nodes: PlannedNode[];
  /** The plan's relationships to write (an export's reference data's issuer left out). */
  rels: ImportPlan['rels'];
  existing: Map<string, ExistingNode>;
  /** The reports items cite, by id (a report the caller may not see is not among them). */
  reports: Map<string, CitedReport>;
  bad: BadRow[];
}

/** A property as a bad row names it: `properties.k` in a JSON item, `k` in a CSV row. */
function propertyField(plan: ImportPlan, key: string): string {
  return plan.format === 'json' ? `properties.${key}` : key;
}

/**
 * The checks of a plan against the graph as the caller sees it now: ids, relationship ends,
 * identifier values, report references and cited reports. Before the write, and again after a
 * write refused rows the graph no longer allowed (rowsRefusedNow).
 */
async function checkAgainstGraph(g: ScopedGraph, plan: ImportPlan): Promise<GraphCheck> {
  const bad: BadRow[] = [];
  const existing = await readExistingNodes(g, [...plan.nodes.map((n) => n.id), ...externalEnds(plan)]);
  // An export carries the reference data its edges need (the report all reference data cites,
  // for one): it is in this graph already, and stays as it is.
  const nodes =
    plan.format === 'json'
      ? plan.nodes.filter((n) => {
          const e = existing.get(n.id);
          return !(e && e.visible && e.labels.includes('Reference') && e.labels.includes(n.label));
        })
      : plan.nodes;
  const planned = new Set(nodes.map((n) => n.id));

  // A report's issuer (ISSUED_BY) is what the API's upsertIntelligenceReport sets, and replaces:
  // one link, to the report's own agency. An import may not give a report another (it would have
  // two, or one that disagrees with the agency its facts take), whether the graph has the report
  // or the plan creates it; nor restate a report the graph has under another agency (its link
  // would stay on the old one); nor touch the reference data's report's issuer (an export's copy
  // of it is left out, as the report is).
  const referenceIssuer = (r: ImportPlan['rels'][number]) => r.type === 'ISSUED_BY' && existing.get(r.from)?.visible === true && existing.get(r.from)!.labels.includes('Reference');
  const rels = plan.format === 'json' ? plan.rels.filter((r) => !referenceIssuer(r)) : plan.rels;
  // The reports the graph has that the plan restates or links (read once: their handling is the
  // floor of a restatement, below).
  const inGraphReports = [...new Set([...plan.rels.filter((r) => r.type === 'ISSUED_BY').map((r) => r.from), ...plan.reports.keys()])].filter((id) => existing.get(id)?.visible === true);
  const storedReports = inGraphReports.length > 0 ? await readReportDefaults(g, inGraphReports) : new Map<string, ReportDefaults>();
  const nodeById = new Map(nodes.map((n) => [n.id, n]));
  const restatedElsewhere = new Set<string>();
  for (const [id, defaults] of plan.reports) {
    const stored = storedReports.get(id)?.agency;
    const node = nodeById.get(id);
    if (node && stored !== undefined && defaults.agency !== stored) {
      restatedElsewhere.add(id);
      bad.push({ ...node.source, reason: `${plan.format === 'json' ? 'provenance.agency' : 'agency'}: report ${id} is issued by ${stored} in the graph, and an import cannot change a report's issuer (upsertIntelligenceReport can)` });
    }
  }
  for (const r of plan.rels) {
    if (r.type !== 'ISSUED_BY') continue;
    if (referenceIssuer(r)) {
      if (plan.format !== 'json') bad.push({ ...r.source, reason: `ISSUED_BY from ${r.from}: names the reference data's report, whose issuer an import cannot change` });
      continue;
    }
    if (restatedElsewhere.has(r.from)) continue; // refused on the report's own row
    const agency = storedReports.get(r.from)?.agency ?? plan.reports.get(r.from)?.agency;
    if (agency !== undefined && r.to !== `${ID_PREFIX.Agency}-${agency}`) {
      const where = storedReports.has(r.from) ? 'in the graph' : 'in this import';
      bad.push({ ...r.source, reason: `ISSUED_BY: report ${r.from} is issued by ${agency} ${where}, and a report has one issuer, its own agency (upsertIntelligenceReport changes it)` });
    }
  }

  // A birth year given without a date of birth, for a person the graph has: the year of the date
  // it keeps, as upsertPerson holds it (person-rules.ts, with its victim exception).
  const yearsOnly = nodes.filter((n) => n.label === 'Person' && typeof n.props.birthYear === 'number' && n.props.dateOfBirth === undefined && existing.get(n.id)?.visible);
  if (yearsOnly.length > 0) {
    const births = await readStoredBirths(g, yearsOnly.map((n) => n.id));
    for (const n of yearsOnly) {
      const b = births.get(n.id);
      if (b && birthYearDisagrees(b, n.props.birthYear, g.access.victimData)) bad.push({ ...n.source, reason: `${propertyField(plan, 'birthYear')}: ${BIRTH_YEAR_DISAGREES}` });
    }
  }

  // Dates that come in pairs (an exploitation's start and end), as the record will hold them:
  // the graph's, with the row's over them, as an upsert checks them (entity.writer.ts). A row
  // that gives only an end before the stored start is refused as one giving both would be.
  const paired = nodes.filter((n) => existing.get(n.id)?.visible && (DATE_PAIRS[n.label] ?? []).some((pair) => pair.some((k) => n.props[k] !== undefined)));
  if (paired.length > 0) {
    const stored = await readStoredDates(g, paired.map((n) => n.id), [...new Set(paired.flatMap((n) => DATE_PAIRS[n.label]!.flat()))]);
    const prefix = plan.format === 'json' ? 'x.properties' : 'row';
    for (const n of paired) {
      // Only the pairs the row gives a date of: a record already holding another pair out of
      // order (written before these checks) may still be updated.
      const touched = new Set(DATE_PAIRS[n.label]!.filter((pair) => pair.some((k) => n.props[k] !== undefined)).flat());
      const storedTouched = Object.fromEntries(Object.entries(stored.get(n.id) ?? {}).filter(([k]) => touched.has(k)));
      try {
        checkDatePairs(n.label, { ...storedTouched, ...Object.fromEntries(Object.entries(n.props).filter(([k, v]) => v !== undefined && touched.has(k))) }, prefix);
      } catch (e) {
        bad.push({ ...n.source, reason: `${reasonOf(e, plan.format === 'json' ? 'x.' : 'row.')} (the record's other date as the graph holds it)` });
      }
    }
  }

  // Ids: new, or the same kind of record the caller may see (never reference data). A new one
  // takes its kind's prefix, as an analyst's CSV file's must (check-plan.ts) and the API's: a
  // Person created as `agency-FAKE` would read as an agency wherever an id is shown. (A withheld
  // record's pseudonym has been given its kind's prefix already: json-import.ts.)
  for (const n of nodes) {
    const e = existing.get(n.id);
    if (!e && !hasOwnPrefix(n.label, n.id)) bad.push({ ...n.source, reason: `id ${n.id}: a new ${n.label}'s id must start with ${ID_PREFIX[n.label]}-` });
    if (!e) continue;
    if (!e.visible) bad.push({ ...n.source, reason: `id ${n.id} is already in use` });
    else if (e.labels.includes('Reference')) bad.push({ ...n.source, reason: `id ${n.id} names reference data, which an import cannot change` });
    else if (!e.labels.includes(n.label)) bad.push({ ...n.source, reason: `id ${n.id} names a ${entityLabelOf(e.labels) ?? 'different kind of record'}, not a ${n.label}` });
  }

  // Ends the plan does not write must exist, and be of a kind the relationship allows.
  for (const r of rels) {
    const spec = RELATIONSHIP_TYPES[r.type];
    for (const [id, allowed, end] of [
      [r.from, spec.from, 'start'],
      [r.to, spec.to, 'end'],
    ] as const) {
      if (planned.has(id)) continue;
      const e = existing.get(id);
      if (!e || !e.visible) {
        bad.push({ ...r.source, reason: `${r.type} ${end} ${id} does not exist (neither in the import nor in the graph)` });
        continue;
      }
      const label = entityLabelOf(e.labels);
      if (!label || !(allowed as readonly string[]).includes(label)) bad.push({ ...r.source, reason: `a ${r.type} goes from ${spec.from.join('/')} to ${spec.to.join('/')}; its ${end} ${id} is a ${label}` });
    }
  }

  // A link's `since` or `until` given alone, against the other as the link the row updates holds
  // it (the pair given together is checked within the row), as the API's link checks it.
  for (const type of new Set(rels.map((r) => r.type))) {
    const table = REL_PROPS[type];
    if (!('since' in table && 'until' in table)) continue;
    const alone = rels.filter((r) => r.type === type && (r.props.since === undefined) !== (r.props.until === undefined) && existing.get(r.from)?.visible && existing.get(r.to)?.visible);
    if (alone.length === 0) continue;
    const stored = await readStoredLinkDates(g, type, alone.map((r, i) => ({ i, from: r.from, to: r.to, ...splitDates(r.props, dateKeys(table)) })));
    for (const row of stored) {
      const r = alone[Number(row.i)]!;
      const since = (r.props.since as string | undefined) ?? (row.since as string | null);
      const until = (r.props.until as string | undefined) ?? (row.until as string | null);
      if (since !== null && until !== null && since > until) {
        const given = r.props.since !== undefined ? 'since' : 'until';
        bad.push({ ...r.source, reason: `${propertyField(plan, given)}: would leave the link's until (${until}) before its since (${since}), as the link holds the other` });
      }
    }
  }

  // An ordered link (a route's stop) of a record in the graph with such links the caller is not
  // given: it reads their numbers shifted past the withheld ones (projection.ts), so the number
  // in its row would name another place in the stored order. Refused as the API refuses it.
  for (const type of new Set(rels.map((r) => r.type))) {
    if (!isOrdered(type)) continue;
    const rows = rels.filter((r) => r.type === type && existing.get(r.from)?.visible);
    if (rows.length === 0) continue;
    const withheld = await readWithheldLinks(g, type, rows.map((r) => r.from));
    for (const r of rows) {
      if (withheld.has(r.from)) bad.push({ ...r.source, reason: `${type} from ${r.from}: it has ${type} links above your clearance, so its order numbers are not yours to write; a writer cleared for them must import this row` });
    }
  }

  // Identifier values are natural keys: one node per value.
  const byLabel = new Map<IdentifierLabel, string[]>();
  for (const n of nodes) if (isIdentifierLabel(n.label) && typeof n.props.value === 'string') byLabel.set(n.label, [...(byLabel.get(n.label) ?? []), n.props.value]);
  for (const [label, values] of byLabel) {
    const holders = await readIdentifierHolders(g, label, values);
    for (const n of nodes) {
      if (n.label !== label) continue;
      const holder = holders.get(n.props.value as string);
      if (!holder || holder.id === n.id) continue;
      // Name the node only to a caller who may see it; anyone else learns only that the value is
      // taken. A row cannot update reference data (its id is refused above): it may link to it.
      const reason = !holder.shown
        ? `value: this ${label} value is already in use`
        : holder.referenceData
          ? `value: this ${label} is reference data, already in the graph as ${holder.id}, which an import cannot change; leave this row out and name ${holder.id} instead of ${n.id} in links (an import may link to reference data)`
          : `value: this ${label} is already in the graph as ${holder.id}; use that id`;
      bad.push({ ...n.source, reason });
    }
  }

  // A report's reference is its natural key too, and is told the same way.
  const reportNodes = nodes.filter((n) => n.label === 'IntelligenceReport' && typeof n.props.reference === 'string');
  if (reportNodes.length > 0) {
    const holders = await readReportReferenceHolders(g, reportNodes.map((n) => n.props.reference as string));
    for (const n of reportNodes) {
      const holder = holders.get(n.props.reference as string);
      if (!holder || holder.id === n.id) continue;
      const reason = !holder.shown
        ? 'reference: this IntelligenceReport reference is already in use'
        : holder.referenceData
          ? `reference: this IntelligenceReport is reference data, already in the graph as ${holder.id}, which an import cannot change; leave this row out and cite ${holder.id} instead of ${n.id} (an import may cite reference data)`
          : `reference: this IntelligenceReport is already in the graph as ${holder.id}; use that id`;
      bad.push({ ...n.source, reason });
    }
  }

  // Every item cites a report: one the plan writes, one in the graph the caller may see, or (an
  // export's item) one the graph does not have at all. One the caller may not see is answered as
  // one that does not exist, in every format.
  const items = [...nodes, ...rels];
  const reports = new Map<string, CitedReport>();
  for (const [id, defaults] of plan.reports) if (planned.has(id)) reports.set(id, { defaults, from: 'plan' });
  // A report the plan restates that the graph has keeps the graph's handling where it is stricter
  // (an update never loosens it), and so do the facts citing it: a file cannot restate an H2
  // report as H0 to write its facts at H0.
  for (const [id, report] of reports) {
    const graph = storedReports.get(id);
    if (!graph) continue;
    report.defaults = { ...report.defaults, handling: mostRestrictive([report.defaults.handling, graph.handling]), ukHandling: mostRestrictiveUk([report.defaults.ukHandling, graph.ukHandling]) };
  }
  const cited = [...new Set(items.map((i) => i.prov.reportId))].filter((id) => !reports.has(id));
  const inGraph = await readReportDefaults(g, cited);
  for (const [id, defaults] of inGraph) reports.set(id, { defaults, from: 'graph' });
  const notHeld = cited.filter((id) => !inGraph.has(id) && plan.citedNotHeld.has(id));
  const taken = notHeld.length > 0 ? await readExistingNodes(g, notHeld) : new Map<string, ExistingNode>();
  for (const id of notHeld) if (!taken.has(id)) reports.set(id, { defaults: plan.citedNotHeld.get(id)!, from: 'file' });
  for (const i of items) if (!reports.has(i.prov.reportId)) bad.push({ ...i.source, reason: `reportId: no intelligence report ${JSON.stringify(i.prov.reportId)}` });
  return { nodes, rels, existing, reports, bad };
}

/**
 * Resolves the provenance of every item against the report it cites (see CitedReport) and groups
 * the rows into batches; rows whose provenance does not resolve (a handling below the report's,
 * a grading out of range, a date in the future) come back as bad rows.
 */
function resolveRows(plan: ImportPlan, checked: GraphCheck, now: Date): { nodes: NodeGroup[]; rels: RelGroup[]; bad: BadRow[] } {
  const bad: BadRow[] = [];
  const { nodes, existing, reports } = checked;
  const planned = new Set(nodes.map((n) => n.id));

  // Provenance: every item cites a report (of the plan, or in the graph) and inherits its grading;
  // from a report in the graph, as the report is when the item is written (`fromReport`).
  const resolve = (item: { prov: ImportPlan['nodes'][number]['prov']; source: SourceRef }): StoredProvenanceRow | null => {
    const report = reports.get(item.prov.reportId);
    if (!report) return null; // a bad row already (checkAgainstGraph)
    try {
      // A report the graph does not have is known only from the items citing it, each with its
      // own codes (an export's items carry their full provenance): no floor to hold them to.
      const defaults: ReportDefaults = report.from === 'file' ? ({ ...report.defaults, handling: item.prov.handling ?? report.defaults.handling, ukHandling: item.prov.ukHandling ?? report.defaults.ukHandling } as ReportDefaults) : report.defaults;
      const stored = storedProvenance(resolveProvenance('provenance', item.prov, defaults, now));
      if (report.from === 'plan') return stored;
      const fromReport = INHERITED_FIELDS.filter((f) => item.prov[f] === undefined || item.prov[f] === null);
      return report.from === 'graph' ? { ...stored, fromReport } : { ...stored, fromReport, orAbsent: true };
    } catch (e) {
      bad.push({ ...item.source, reason: reasonOf(e, 'provenance.') });
      return null;
    }
  };

  const isNew = (id: string) => planned.has(id) && !existing.has(id);
  const nodeGroups = new Map<string, NodeGroup>();
  for (const n of nodes) {
    const prov = resolve(n);
    if (!prov) continue;
    const { props, dates } = splitDates(n.props, dateKeys(storedProps(n.label)));
    const mode: BulkMode = isNew(n.id) ? 'create' : 'upsert';
    // A row may leave out what its record already holds (a JSON item updates what it gives), but
    // one that creates the record must give what every such record has (CSV rows always must).
    // An identifier's value is not among them: a partner's export withholds a victim's.
    const missing = mode === 'create' ? missingRequired(NODE_PROPS[n.label], n.props) : [];
    if (missing.length > 0) {
      for (const key of missing) bad.push({ ...n.source, reason: `${propertyField(plan, key)}: is required to create a ${n.label}` });
      continue;
    }
    const group = nodeGroups.get(`${n.label}|${mode}`) ?? { label: n.label, mode, rows: [] };
    group.rows.push({ id: n.id, props, dates, prov, ...(n.roles.length ? { roles: n.roles } : {}) });
    nodeGroups.set(`${n.label}|${mode}`, group);
  }
  const relGroups = new Map<string, RelGroup>();
  for (const r of checked.rels) {
    const prov = resolve(r);
    if (!prov) continue;
    const { props, dates } = splitDates(r.props, dateKeys(REL_PROPS[r.type]));
    const mode: BulkMode = isNew(r.from) || isNew(r.to) ? 'create' : 'upsert';
    const group = relGroups.get(`${r.type}|${mode}`) ?? { type: r.type, mode, rows: [] };
    group.rows.push({ from: r.from, to: r.to, props, dates, prov });
    relGroups.set(`${r.type}|${mode}`, group);
  }
  return { nodes: [...nodeGroups.values()], rels: [...relGroups.values()], bad };
}

/**
 * The rows the graph refuses now, as the check before the write words them, in file order: for
 * an import whose write met a record or a cited report hidden from the caller, an id, value or
 * reference taken, or a cited report raised above a handling the row gives itself, since that
 * check (run-import.ts). Empty when the graph has changed back since.
 */
export async function rowsRefusedNow(g: ScopedGraph, plan: ImportPlan, now: Date = new Date()): Promise<BadRow[]> {
  const checked = await checkAgainstGraph(g, plan);
  return sortBadRows(plan.files, [...checked.bad, ...resolveRows(plan, checked, now).bad]);
}

export async function prepareImport(g: ScopedGraph, plan: ImportPlan, now: Date): Promise<Prepared> {
  const checked = await checkAgainstGraph(g, plan);
  plan.skipped += plan.nodes.length - checked.nodes.length + (plan.rels.length - checked.rels.length);
  const resolved = resolveRows(plan, checked, now);
  const bad: BadRow[] = [...plan.bad, ...checkPlanShape(plan), ...checked.bad, ...resolved.bad];
  if (bad.length > 0) return { ok: false, bad: sortBadRows(plan.files, bad) };
  return { ok: true, prepared: { plan, nodes: resolved.nodes, rels: resolved.rels } };
}
