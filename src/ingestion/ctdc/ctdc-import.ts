import path from 'node:path';

import { ID_PREFIX } from '../../domain/ids';
import type { ProvenanceInput, ReportDefaults } from '../../domain/provenance-input';
import { CsvSyntaxError, parseCsvLines } from '../csv';
import { emptyPlan, presentOnly, reasonOf, type ImportPlan } from '../import-plan';
import { CTDC_COLUMNS, mapCtdcRow, type CtdcRecord } from './ctdc-row';

/**
 * The CTDC k-anonymised victim file as a plan (README.md#ctdc): each row a pseudonymous
 * Victim (`per-<dataset>-<line>`) and the Exploitation it records (`expl-<dataset>-<line>`),
 * linked to the shared vocabularies (nationality and country of exploitation to Country,
 * exploitation types, means of control, recruitment). Ids come from the dataset and the line,
 * so importing the same file again finds every row where it left it. Every item cites one
 * IntelligenceReport for the release, issued by the agency CTDC.
 */

export interface CtdcRelease {
  key: string;
  /** How a victim's pseudonymous reference starts: `CTDC 2017 #1234`. */
  shortName: string;
  title: string;
  /** ISO date of publication, where known. */
  releasedOn: string | null;
  /** For a release not known by its checksum: `-` and its first 8 hex digits, part of its key and report reference. */
  version?: string;
}

/** Releases we know by their SHA-256 (shared/data/ctdc/README.md). */
export const KNOWN_CTDC_RELEASES: Readonly<Record<string, CtdcRelease>> = {
  '4e9fa144e961b6af8d4b013c94d91aa4064e5a25892946b85bf25813c00ad689': {
    key: 'ctdc2017',
    shortName: 'CTDC 2017',
    title: 'Counter-Trafficking Data Collaborative: global victim dataset, k-anonymised (release of 27 November 2017)',
    releasedOn: '2017-11-27',
  },
};

/** CTDC's data as a source: victims' case records from counter-trafficking organisations, open. */
export const CTDC_REPORT_DEFAULTS: ReportDefaults = { agency: 'CTDC', gradeSource: 2, gradeIntel: 'B', ukHandling: 'P', handling: 'H0', consent: true };

export function ctdcRelease(fileName: string, sha256: string): CtdcRelease {
  const known = KNOWN_CTDC_RELEASES[sha256];
  if (known) return known;
  const base = path.basename(fileName).replace(/\.[^.]*$/, '');
  // The file's own checksum is part of the key: records are numbered by line (the dataset has no
  // ids), so another file under the same name must make other records, never overwrite these
  // with other victims' data. The same file imported again keeps its key.
  const version = /^[0-9a-f]{64}$/.test(sha256) ? `-${sha256.slice(0, 8)}` : '';
  const key = `${base.toLowerCase().replace(/[^a-z0-9]+/g, '').slice(0, 31) || 'ctdc'}${version}`;
  return { key, shortName: `CTDC ${key}`, title: `Counter-Trafficking Data Collaborative: ${base}`, releasedOn: null, version };
}

export interface CtdcPlanOptions {
  /** The name bad rows are reported under (the path as given). */
  name: string;
  sha256: string;
  now: Date;
}

export function planCtdc(text: string, opts: CtdcPlanOptions): ImportPlan {
  const plan = emptyPlan('ctdc', [opts.name]);
  const release = ctdcRelease(opts.name, opts.sha256);
  const reportId = `${ID_PREFIX.IntelligenceReport}-${release.key}`;
  const recordedAt = release.releasedOn ? new Date(`${release.releasedOn}T00:00:00Z`) : opts.now;
  const prov: ProvenanceInput = { reportId, recordedAt };
  plan.reports.set(reportId, CTDC_REPORT_DEFAULTS);
  const src = (line: number) => ({ file: opts.name, line });

  let lines;
  try {
    lines = parseCsvLines(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    plan.bad.push({ ...src(e instanceof CsvSyntaxError ? e.line : 1), reason: reasonOf(e) });
    return plan;
  }
  const [head, ...rows] = lines;
  const index = CTDC_COLUMNS.map((c) => head?.fields.indexOf(c) ?? -1);
  const missing = CTDC_COLUMNS.filter((_, k) => index[k] === -1);
  if (!head || missing.length > 0) {
    plan.bad.push({ ...src(head?.line ?? 1), reason: `not a CTDC victim file: missing columns ${missing.join(', ')}` });
    return plan;
  }

  plan.nodes.push({
    label: 'IntelligenceReport',
    id: reportId,
    // A report's reference is unique: another file under the same name is another report.
    props: presentOnly({ reference: `CTDC/${path.basename(opts.name)}${release.version ? `#${release.version.slice(1)}` : ''}`, title: release.title, reportedOn: release.releasedOn }),
    roles: [],
    prov,
    source: src(head.line),
  });
  plan.rels.push({ type: 'ISSUED_BY', from: reportId, to: `${ID_PREFIX.Agency}-CTDC`, props: {}, prov, source: src(head.line) });

  for (const row of rows) {
    plan.rows++;
    const source = src(row.line);
    if (row.fields.length !== head.fields.length) {
      plan.bad.push({ ...source, reason: `has ${row.fields.length} fields, the header ${head.fields.length}` });
      continue;
    }
    let v;
    try {
      v = mapCtdcRow(Object.fromEntries(CTDC_COLUMNS.map((c, k) => [c, row.fields[index[k]!]!])) as CtdcRecord);
    } catch (e) {
      plan.bad.push({ ...source, reason: reasonOf(e) });
      continue;
    }
    const person = `${ID_PREFIX.Person}-${release.key}-${row.line}`;
    const expl = `${ID_PREFIX.Exploitation}-${release.key}-${row.line}`;
    plan.nodes.push({
      label: 'Person',
      id: person,
      // A pseudonymous reference, not a name: the dataset has none.
      props: presentOnly({ name: `${release.shortName} #${row.line}`, gender: v.gender, ageGroup: v.ageGroup, ageBand: v.ageBand }),
      roles: ['Victim'],
      prov,
      source,
    });
    plan.nodes.push({ label: 'Exploitation', id: expl, props: presentOnly({ year: v.year, dataSource: v.dataSource, forms: v.forms }), roles: [], prov, source });
    const rel = (type: ImportPlan['rels'][number]['type'], from: string, to: string) => plan.rels.push({ type, from, to, props: {}, prov, source });
    rel('EXPLOITED', expl, person);
    if (v.citizenship) rel('NATIONAL_OF', person, `${ID_PREFIX.Country}-${v.citizenship}`);
    if (v.exploitationCountry) rel('OCCURRED_AT', expl, `${ID_PREFIX.Country}-${v.exploitationCountry}`);
    for (const t of v.types) rel('OF_TYPE', expl, `${ID_PREFIX.ExploitationType}-${t}`);
    for (const c of v.controls) rel('USED_CONTROL', expl, `${ID_PREFIX.ControlMethod}-${c}`);
    for (const m of v.recruitment) rel('USED_RECRUITMENT', expl, `${ID_PREFIX.RecruitmentMethod}-${m}`);
  }
  return plan;
}
