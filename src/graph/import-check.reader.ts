import type { IdentifierLabel, RelationshipType } from '../domain/graph-model';
import type { ReportDefaults } from '../domain/provenance-input';
import { hiddenLinksQuery, nodeKindsQuery, storedBirthsQuery, storedDatesQuery } from './queries/write.query';
import { storedLinkDatesQuery } from './queries/bulk-write.query';
import { identifierHoldersQuery } from './queries/identifier.query';
import { reportDefaultsQuery, reportReferenceHoldersQuery } from './queries/report.query';
import type { ScopedGraph } from './scoped-graph';
import type { CypherQuery } from './query';

/**
 * The reads an importer makes before it writes anything: which ids exist (their labels, and
 * whether the importer may see them), who holds an identifier value or a report reference, and
 * the reports cited.
 * In batches, so a file of any size is checked with a few dozen statements.
 */
const BATCH = 10_000;

async function batched<T>(items: readonly T[], each: (chunk: T[]) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += BATCH) await each(items.slice(i, i + BATCH));
}

export interface ExistingNode {
  labels: string[];
  visible: boolean;
}

/** The stored dates of birth of these people the caller may see, and whether each is a victim. */
export async function readStoredBirths(g: ScopedGraph, ids: readonly string[]): Promise<Map<string, { dateOfBirth: string; victim: boolean }>> {
  const out = new Map<string, { dateOfBirth: string; victim: boolean }>();
  await batched([...new Set(ids)], async (chunk) => {
    for (const r of await g.read(storedBirthsQuery(chunk))) out.set(r.id as string, { dateOfBirth: r.dateOfBirth as string, victim: r.victim === true });
  });
  return out;
}

/** The stored dates (of `keys`) of these records the caller may see, as `YYYY-MM-DD`. */
export async function readStoredDates(g: ScopedGraph, ids: readonly string[], keys: readonly string[]): Promise<Map<string, Record<string, string>>> {
  const out = new Map<string, Record<string, string>>();
  await batched([...new Set(ids)], async (chunk) => {
    for (const r of await g.read(storedDatesQuery(chunk, keys))) out.set(r.id as string, Object.fromEntries(r.dates as [string, string][]));
  });
  return out;
}

/** For each row (`i`), the stored `since` and `until` of the link it would update (storedLinkDatesQuery). */
export async function readStoredLinkDates(g: ScopedGraph, type: RelationshipType, rows: Parameters<typeof storedLinkDatesQuery>[1]): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  await batched(rows, async (chunk) => {
    out.push(...(await g.read(storedLinkDatesQuery(type, chunk))));
  });
  return out;
}

/** Of these records, those with links of this type (outgoing) the caller is not given. */
export async function readWithheldLinks(g: ScopedGraph, type: RelationshipType, ids: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  await batched([...new Set(ids)], async (chunk) => {
    for (const r of await g.read(hiddenLinksQuery(chunk, type, 'OUT'))) if ((r.hidden as number) > 0) out.add(r.id as string);
  });
  return out;
}

export async function readExistingNodes(g: ScopedGraph, ids: readonly string[]): Promise<Map<string, ExistingNode>> {
  const out = new Map<string, ExistingNode>();
  await batched([...new Set(ids)], async (chunk) => {
    for (const r of await g.read(nodeKindsQuery(chunk))) out.set(r.id as string, { labels: r.labels as string[], visible: r.visible as boolean });
  });
  return out;
}

/** Who holds a natural key: its id, whether the caller may be told which, and (if so) whether it is reference data. */
export interface KeyHolder {
  id: string;
  shown: boolean;
  referenceData: boolean;
}

const holder = (r: Record<string, unknown>): KeyHolder => ({ id: r.id as string, shown: r.shown as boolean, referenceData: r.referenceData === true });

/** The holder of each key, read in batches with `queryOf` (the key in the row's `keyColumn`). */
async function readHolders(g: ScopedGraph, keys: readonly string[], queryOf: (chunk: string[]) => CypherQuery, keyColumn: string): Promise<Map<string, KeyHolder>> {
  const out = new Map<string, KeyHolder>();
  await batched([...new Set(keys)], async (chunk) => {
    for (const r of await g.read(queryOf(chunk))) out.set(r[keyColumn] as string, holder(r));
  });
  return out;
}

/** The node holding each value, and whether the caller may be told which (identifierHoldersQuery). */
export function readIdentifierHolders(g: ScopedGraph, label: IdentifierLabel, values: readonly string[]): Promise<Map<string, KeyHolder>> {
  return readHolders(g, values, (chunk) => identifierHoldersQuery(label, chunk), 'value');
}

/** The report holding each reference, and whether the caller may be told which (reportReferenceHoldersQuery). */
export function readReportReferenceHolders(g: ScopedGraph, references: readonly string[]): Promise<Map<string, KeyHolder>> {
  return readHolders(g, references, reportReferenceHoldersQuery, 'reference');
}

export async function readReportDefaults(g: ScopedGraph, ids: readonly string[]): Promise<Map<string, ReportDefaults>> {
  const out = new Map<string, ReportDefaults>();
  await batched([...new Set(ids)], async (chunk) => {
    for (const r of await g.read(reportDefaultsQuery(chunk))) out.set(r.id as string, r as unknown as ReportDefaults);
  });
  return out;
}
