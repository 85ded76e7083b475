import { createHash } from 'node:crypto';
import path from 'node:path';

import { ID_PREFIX } from '../../domain/ids';
import { periodKey, QUARTERS, type Quarter } from '../../domain/nrm-statistic';
import type { ProvenanceInput, ReportDefaults } from '../../domain/provenance-input';
import { findPoliceForce } from '../../domain/reference/police-forces';
import { CsvSyntaxError, parseCsvLines, type CsvLine } from '../csv';
import { emptyPlan, presentOnly, reasonOf, type ImportPlan, type SourceRef } from '../import-plan';
import { mapNrmNationality } from '../reference/nationalities';
import { NRM_TOTAL } from '../reference/nrm-files';
import { mapNrmAgeGroup, mapNrmExploitationType, mapNrmGender } from '../reference/nrm-levels';

/**
 * The Home Office NRM quarterly tables (shared/data/nrm: referrals by first responder, and by
 * police force) as NRMStatistic nodes (README.md#nrm).
 *
 * The tables carry a `Total` level in every dimension and subtotal responders (`Police total`,
 * ...), so summing every row double-counts. We store only the cells: rows of one individual
 * responder with no dimension `Total`. Summing `people` over any selection of cells is then
 * right (referrals per force and quarter = the sum over that force's cells). Every other row is
 * a total; it is not stored but checked: it must equal the sum of the cells it totals (a subtotal
 * responder totals the cells of its responder type in the same file), or the file is refused
 * with that row named. A total whose cells are in another file (the first-responder file's
 * `Police total`, detailed in the police file) cannot be checked and is skipped.
 */

export const NRM_COLUMNS = ['Year', 'Quarter', 'First responder type', 'First responder', 'Exploitation type', 'Age at exploitation', 'Gender', 'Nationality', 'People'] as const;
type NrmColumn = (typeof NRM_COLUMNS)[number];
const DIMENSIONS = ['Exploitation type', 'Age at exploitation', 'Gender', 'Nationality'] as const;

/** Official statistics: reliable, known directly, open. */
export const NRM_REPORT_DEFAULTS: ReportDefaults = { agency: 'HOSTATS', gradeSource: 1, gradeIntel: 'A', ukHandling: 'P', handling: 'H0', consent: true };

const isSubtotal = (responder: string) => / total$/i.test(responder.trim());

export interface NrmSource {
  name: string;
  text: string;
}

type Row = Record<NrmColumn, string> & { line: number };

function readRows(src: NrmSource, plan: ImportPlan): Row[] | null {
  let lines: CsvLine[];
  try {
    lines = parseCsvLines(src.text.replace(/^\uFEFF/, ''));
  } catch (e) {
    plan.bad.push({ file: src.name, line: e instanceof CsvSyntaxError ? e.line : 1, reason: reasonOf(e) });
    return null;
  }
  const [head, ...rest] = lines;
  const index = NRM_COLUMNS.map((c) => head?.fields.indexOf(c) ?? -1);
  const missing = NRM_COLUMNS.filter((_, k) => index[k] === -1);
  if (!head || missing.length > 0) {
    plan.bad.push({ file: src.name, line: head?.line ?? 1, reason: `not an NRM quarterly referrals table: missing columns ${missing.join(', ')}` });
    return null;
  }
  const rows: Row[] = [];
  for (const l of rest) {
    if (l.fields.length !== head.fields.length) {
      plan.bad.push({ file: src.name, line: l.line, reason: `has ${l.fields.length} fields, the header ${head.fields.length}` });
      continue;
    }
    rows.push({ line: l.line, ...(Object.fromEntries(NRM_COLUMNS.map((c, k) => [c, l.fields[index[k]!]!])) as Record<NrmColumn, string>) });
  }
  return rows;
}

/** The id of a cell: its period and a hash of its other dimension values, as written. */
export function nrmStatisticId(r: Pick<Row, NrmColumn>): string {
  const h = createHash('sha256')
    .update([r['First responder type'], r['First responder'], ...DIMENSIONS.map((d) => r[d])].join('\u001f'))
    .digest('hex')
    .slice(0, 16);
  return `${ID_PREFIX.NRMStatistic}-${r.Year.trim()}${r.Quarter.trim()}-${h}`;
}

/** A key for the cells a total row counts: its period, responder (or responder type) and each non-Total dimension. */
function totalKey(year: string, quarter: string, who: string, dims: readonly string[]): string {
  return JSON.stringify([year, quarter, who, ...dims]);
}

function reportFor(src: NrmSource): { id: string; reference: string; title: string } {
  const base = path.basename(src.name).replace(/\.[^.]*$/, '');
  const slug = base.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);
  return { id: `${ID_PREFIX.IntelligenceReport}-hostats-${slug}`, reference: `HOSTATS/NRM/${path.basename(src.name)}`, title: `Home Office, National Referral Mechanism statistics: ${base}` };
}

/** The day after the last quarter a file covers: when its figures were complete. */
function recordedAfter(rows: readonly Row[]): Date {
  let last = '';
  for (const r of rows) {
    const k = `${r.Year.trim()}${r.Quarter.trim()}`;
    if (/^\d{4}Q[1-4]$/.test(k) && k > last) last = k;
  }
  if (!last) return new Date(Date.UTC(2000, 0, 1));
  const year = Number(last.slice(0, 4));
  const q = Number(last.slice(5));
  return new Date(Date.UTC(q === 4 ? year + 1 : year, q === 4 ? 0 : q * 3, 1));
}

function addFile(plan: ImportPlan, src: NrmSource): void {
  const rows = readRows(src, plan);
  if (!rows) return;
  const report = reportFor(src);
  const prov: ProvenanceInput = { reportId: report.id, recordedAt: recordedAfter(rows) };
  plan.reports.set(report.id, NRM_REPORT_DEFAULTS);
  const at = (line: number): SourceRef => ({ file: src.name, line });
  plan.nodes.push({ label: 'IntelligenceReport', id: report.id, props: { reference: report.reference, title: report.title }, roles: [], prov, source: at(1) });
  plan.rels.push({ type: 'ISSUED_BY', from: report.id, to: `${ID_PREFIX.Agency}-HOSTATS`, props: {}, prov, source: at(1) });

  const sums = new Map<string, number>();
  const totals: Row[] = [];
  for (const r of rows) {
    plan.rows++;
    const source = at(r.line);
    const year = Number(r.Year.trim());
    const quarter = r.Quarter.trim();
    const people = Number(r.People.trim());
    if (!Number.isInteger(year) || year < 2000 || year > 2100) {
      plan.bad.push({ ...source, reason: `Year: must be a year, got ${JSON.stringify(r.Year)}` });
      continue;
    }
    if (!(QUARTERS as readonly string[]).includes(quarter)) {
      plan.bad.push({ ...source, reason: `Quarter: must be Q1-Q4, got ${JSON.stringify(r.Quarter)}` });
      continue;
    }
    if (!/^\d+$/.test(r.People.trim())) {
      plan.bad.push({ ...source, reason: `People: must be a whole number, got ${JSON.stringify(r.People)}` });
      continue;
    }
    const responder = r['First responder'].trim();
    if (isSubtotal(responder) || DIMENSIONS.some((d) => r[d].trim() === NRM_TOTAL)) {
      totals.push(r);
      plan.skipped++;
      continue;
    }
    // Every total this cell is part of: each subset of its dimensions set to Total, for its
    // responder and for its responder type's subtotal (whether or not its values map: the
    // totals check the table's own arithmetic).
    const dims = DIMENSIONS.map((d) => r[d]);
    for (let mask = 0; mask < 1 << DIMENSIONS.length; mask++) {
      const masked = dims.map((v, i) => ((mask >> i) & 1 ? NRM_TOTAL : v));
      for (const who of [`R:${responder}`, `T:${r['First responder type'].trim()}`]) {
        const k = totalKey(r.Year.trim(), quarter, who, masked);
        sums.set(k, (sums.get(k) ?? 0) + people);
      }
    }
    const nat = mapNrmNationality(r.Nationality);
    const categories = mapNrmExploitationType(r['Exploitation type']);
    const ageGroup = mapNrmAgeGroup(r['Age at exploitation']);
    const gender = mapNrmGender(r.Gender);
    const unmapped = [
      !nat || nat.status === 'TOTAL' ? `Nationality ${JSON.stringify(r.Nationality)}` : null,
      !categories ? `Exploitation type ${JSON.stringify(r['Exploitation type'])}` : null,
      !ageGroup ? `Age at exploitation ${JSON.stringify(r['Age at exploitation'])}` : null,
      !gender ? `Gender ${JSON.stringify(r.Gender)}` : null,
    ].filter(Boolean);
    if (unmapped.length > 0) {
      plan.bad.push({ ...source, reason: `no mapping for ${unmapped.join(', ')} (src/ingestion/reference)` });
      continue;
    }
    const id = nrmStatisticId(r);
    const forceCode = r['First responder type'].trim() === 'Police' ? findPoliceForce(responder)?.code : undefined;
    plan.nodes.push({
      label: 'NRMStatistic',
      id,
      props: presentOnly({
        year,
        quarter,
        period: periodKey(year, quarter as Quarter),
        responderType: r['First responder type'].trim(),
        responder,
        forceCode,
        exploitationLevel: r['Exploitation type'].trim(),
        exploitationCategories: categories,
        ageGroup,
        gender,
        nationality: r.Nationality.trim(),
        nationalityCodes: nat!.codes,
        nationalityStatus: nat!.status,
        people,
        sourceFile: path.basename(src.name),
      }),
      roles: [],
      prov,
      source,
    });
    if (forceCode) plan.rels.push({ type: 'REFERRED_BY_FORCE', from: id, to: `${ID_PREFIX.PoliceForce}-${forceCode}`, props: {}, prov, source });
  }

  const typesWithCells = new Set([...sums.keys()].map((k) => (JSON.parse(k) as string[])[2]!));
  for (const t of totals) {
    const responder = t['First responder'].trim();
    const who = isSubtotal(responder) ? `T:${t['First responder type'].trim()}` : `R:${responder}`;
    if (!typesWithCells.has(who)) continue; // detailed in another file: not checkable here
    const expected = sums.get(totalKey(t.Year.trim(), t.Quarter.trim(), who, DIMENSIONS.map((d) => t[d]))) ?? 0;
    const said = Number(t.People.trim());
    if (expected !== said) plan.bad.push({ ...at(t.line), reason: `this Total row says ${said} people, but the rows it totals sum to ${expected}` });
  }
}

export function planNrm(sources: readonly NrmSource[]): ImportPlan {
  const plan = emptyPlan(
    'nrm',
    sources.map((s) => s.name),
  );
  for (const s of sources) addFile(plan, s);
  return plan;
}
