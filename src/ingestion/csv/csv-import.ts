import { checkDatePairs, checkProps, isWritableLabel, NODE_PROPS, REL_PROPS, storedProps, type WritableLabel } from '../../domain/entity-props';
import { isRelationshipType, PERSON_ROLE_LABELS, REFERENCE_LABELS, SUPER_LABELS, type PersonRoleLabel } from '../../domain/graph-model';
import { handlePlatform, normaliseIdentifier, phoneCountry } from '../../domain/identifiers';
import { ID_PREFIX } from '../../domain/ids';
import { personBirthRules } from '../../domain/person-rules';
import type { ProvenanceInput } from '../../domain/provenance-input';
import { isIdentifierLabel } from '../check-plan';
import { CsvSyntaxError, parseCsvLines, type CsvLine } from '../csv';
import { emptyPlan, presentOnly, reasonOf, type ImportPlan, type SourceRef } from '../import-plan';
import { cellValue, CsvHeaderError, parseCsvHeader, PROVENANCE_COLUMNS, typeFits, type CsvColumn, type CsvHeader } from './csv-header';

/**
 * Analysts' own extracts as CSV (README.md#csv): node files and relationship files in the style
 * of `neo4j-admin database import`, checked row by row against the property tables. Every bad
 * row is reported with its file and line; nothing is written from a file with one (the importer
 * refuses the plan). Pure: text in, plan out.
 */

export interface CsvSource {
  /** The name bad rows are reported under (the path as given, or `nodes` in the API). */
  name: string;
  text: string;
}

export interface CsvPlanOptions {
  /** The report rows cite when they have no `reportId` cell. */
  defaultReportId?: string | null;
  today: Date;
}

const PREFIX = 'row.';

class RowError extends Error {}

function fail(reason: string): never {
  throw new RowError(reason);
}

/** Collects the provenance cells of a row; grading values are checked against the report later. */
function provenanceOf(cells: Map<string, string>, defaultReportId: string | null | undefined): ProvenanceInput {
  const reportId = cells.get('reportId') || defaultReportId;
  if (!reportId) fail('reportId: required (give a reportId column, or a default report)');
  const prov: ProvenanceInput = { reportId };
  const gs = cells.get('gradeSource');
  if (gs) {
    if (!/^[123]$/.test(gs)) fail(`gradeSource: must be 1, 2 or 3, got ${JSON.stringify(gs)}`);
    prov.gradeSource = Number(gs);
  }
  if (cells.get('gradeIntel')) prov.gradeIntel = cells.get('gradeIntel')!.toUpperCase();
  if (cells.get('ukHandling')) prov.ukHandling = cells.get('ukHandling')!.toUpperCase();
  if (cells.get('handling')) prov.handling = cells.get('handling')!.toUpperCase();
  const consent = cells.get('consent');
  if (consent) {
    if (!/^(true|false)$/i.test(consent)) fail(`consent: must be true or false, got ${JSON.stringify(consent)}`);
    prov.consent = /^true$/i.test(consent);
  }
  const at = cells.get('recordedAt');
  if (at) {
    const d = new Date(at);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(at) || Number.isNaN(d.getTime())) fail(`recordedAt: must be an ISO date-time such as 2024-05-01T09:30:00Z, got ${JSON.stringify(at)}`);
    prov.recordedAt = d;
  }
  return prov;
}

/** The non-empty property and provenance cells of a row, by column name. */
function cellsOf(header: CsvHeader, fields: string[]): { props: Map<CsvColumn, string>; prov: Map<string, string> } {
  const props = new Map<CsvColumn, string>();
  const prov = new Map<string, string>();
  for (const col of header.properties) {
    const v = fields[col.index]!.trim();
    if (v === '') continue;
    if ((PROVENANCE_COLUMNS as readonly string[]).includes(col.name)) prov.set(col.name, v);
    else props.set(col, v);
  }
  return { props, prov };
}

function labelsOf(cell: string): { label: WritableLabel; roles: PersonRoleLabel[] } {
  const words = cell
    .split(';')
    .map((w) => w.trim())
    .filter((w) => w !== '' && !(SUPER_LABELS as readonly string[]).includes(w));
  const roles = words.filter((w): w is PersonRoleLabel => (PERSON_ROLE_LABELS as readonly string[]).includes(w));
  const kinds = words.filter((w) => !roles.includes(w as PersonRoleLabel));
  if (kinds.length !== 1) fail(`:LABEL must name one kind of record (e.g. Person, Business, Phone), got ${JSON.stringify(cell)}`);
  const label = kinds[0]!;
  if ((REFERENCE_LABELS as readonly string[]).includes(label)) fail(`:LABEL ${label} is reference data, which an import cannot write (link to it by id instead)`);
  if (!isWritableLabel(label)) fail(`:LABEL ${JSON.stringify(label)} is not a kind of record an import can write`);
  if (roles.length > 0 && label !== 'Person') fail(`:LABEL roles (${roles.join(', ')}) are for a Person only`);
  return { label, roles };
}

function typedProps(cells: Map<CsvColumn, string>, table: ReturnType<typeof storedProps>, what: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [col, v] of cells) {
    const spec = table[col.name];
    if (!spec) fail(`${col.name}: is not a property of ${what}`);
    if (!typeFits(col, spec)) fail(`${col.name}: the header declares ${col.raw.slice(col.name.length + 1)}, but ${col.name} is a ${spec.kind}`);
    try {
      out[col.name] = cellValue(v, spec);
    } catch (e) {
      fail(`${col.name}: ${reasonOf(e)}`);
    }
  }
  return out;
}

function nodeRow(plan: ImportPlan, header: CsvHeader, row: CsvLine, source: SourceRef, opts: CsvPlanOptions): void {
  const id = row.fields[header.special.ID!.index]!.trim();
  if (!id) fail(':ID is empty');
  const { label, roles } = labelsOf(row.fields[header.special.LABEL!.index]!);
  const { props: cells, prov: provCells } = cellsOf(header, row.fields);
  const table = storedProps(label);
  const raw = typedProps(cells, table, `a ${label}`);
  const derived: Record<string, unknown> = {};
  if (isIdentifierLabel(label)) {
    if (typeof raw.value !== 'string') fail(`value: required for a ${label}`);
    const value = normaliseIdentifier(label, raw.value, `${PREFIX}value`);
    derived.value = value;
    delete raw.value;
    if (label === 'Phone') {
      delete raw.countryCode;
      derived.countryCode = phoneCountry(value);
    }
    if (label === 'OnlineHandle') raw.platform = handlePlatform(value, raw.platform, `${PREFIX}platform`);
  }
  if (label === 'Person') Object.assign(raw, personBirthRules(raw as { dateOfBirth?: string; birthYear?: number }, opts.today, 'row'));
  const checked = checkProps(NODE_PROPS[label], raw, 'row', opts.today, true);
  checkDatePairs(label, checked, 'row');
  if (label === 'IntelligenceReport') return reportRow(plan, id, presentOnly(checked), provCells, source);
  if (provCells.has('agency')) fail('agency: a fact takes the agency of its report; give it on IntelligenceReport rows only');
  plan.nodes.push({ label, id, props: presentOnly({ ...checked, ...derived }), roles, prov: provenanceOf(provCells, opts.defaultReportId), source });
}

/**
 * A report is its own source, as `upsertIntelligenceReport` makes it: its row gives the agency
 * and its grading and handling, which the facts citing it inherit; it is ISSUED_BY its agency.
 */
function reportRow(plan: ImportPlan, id: string, props: Record<string, unknown>, cells: Map<string, string>, source: SourceRef): void {
  const missing = ['agency', 'gradeSource', 'gradeIntel', 'ukHandling', 'handling'].filter((c) => !cells.get(c));
  if (missing.length > 0) fail(`an IntelligenceReport row is its own source: give ${missing.join(', ')}`);
  const reportId = cells.get('reportId');
  if (reportId && reportId !== id) fail(`reportId: an IntelligenceReport cites itself (${id})`);
  const prov = provenanceOf(new Map([...cells, ['reportId', id]]), id);
  const agency = cells.get('agency')!.toUpperCase();
  plan.reports.set(id, {
    agency,
    gradeSource: prov.gradeSource as 1 | 2 | 3,
    gradeIntel: prov.gradeIntel as 'A',
    ukHandling: prov.ukHandling as 'P',
    handling: prov.handling as 'H0',
    consent: prov.consent ?? false,
  });
  plan.nodes.push({ label: 'IntelligenceReport', id, props, roles: [], prov, source });
  plan.rels.push({ type: 'ISSUED_BY', from: id, to: `${ID_PREFIX.Agency}-${agency}`, props: {}, prov, source });
}

function relRow(plan: ImportPlan, header: CsvHeader, row: CsvLine, source: SourceRef, opts: CsvPlanOptions): void {
  const from = row.fields[header.special.START_ID!.index]!.trim();
  const to = row.fields[header.special.END_ID!.index]!.trim();
  const type = row.fields[header.special.TYPE!.index]!.trim();
  if (!from) fail(':START_ID is empty');
  if (!to) fail(':END_ID is empty');
  if (!isRelationshipType(type)) fail(`:TYPE ${JSON.stringify(type)} is not a relationship type of the graph model`);
  const { props: cells, prov: provCells } = cellsOf(header, row.fields);
  const table = REL_PROPS[type];
  const checked = checkProps(table, typedProps(cells, table, `a ${type}`), 'row', opts.today, true);
  checkDatePairs('__rel', checked, 'row');
  // As on a node row: a link's agency is its report's (an agency cell was read and dropped, unsaid).
  if (provCells.has('agency')) fail('agency: a fact takes the agency of its report; give it on IntelligenceReport rows only');
  plan.rels.push({ type, from, to, props: presentOnly(checked), prov: provenanceOf(provCells, opts.defaultReportId), source });
}

/** Adds one CSV file's rows to the plan: a node file or a relationship file, told by its header. */
export function addCsvToPlan(plan: ImportPlan, src: CsvSource, opts: CsvPlanOptions): void {
  let lines: CsvLine[];
  try {
    lines = parseCsvLines(src.text.replace(/^\uFEFF/, ''));
  } catch (e) {
    plan.bad.push({ file: src.name, line: e instanceof CsvSyntaxError ? e.line : 1, reason: reasonOf(e) });
    return;
  }
  const [head, ...rows] = lines;
  if (!head) {
    plan.bad.push({ file: src.name, line: 1, reason: 'the file is empty (it needs a header row)' });
    return;
  }
  let header: CsvHeader;
  try {
    header = parseCsvHeader(head.fields);
  } catch (e) {
    for (const p of e instanceof CsvHeaderError ? e.problems : [reasonOf(e)]) plan.bad.push({ file: src.name, line: head.line, reason: p });
    return;
  }
  for (const row of rows) {
    plan.rows++;
    const source = { file: src.name, line: row.line };
    try {
      if (row.fields.length !== head.fields.length) fail(`has ${row.fields.length} fields, the header ${head.fields.length}`);
      if (header.kind === 'nodes') nodeRow(plan, header, row, source, opts);
      else relRow(plan, header, row, source, opts);
    } catch (e) {
      plan.bad.push({ ...source, reason: reasonOf(e, PREFIX) });
    }
  }
}

export function planCsv(sources: readonly CsvSource[], opts: CsvPlanOptions): ImportPlan {
  const plan = emptyPlan(
    'csv',
    sources.map((s) => s.name),
  );
  for (const s of sources) addCsvToPlan(plan, s, opts);
  return plan;
}
