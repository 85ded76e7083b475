import type { EntityRecord, RelRecord } from '../domain/entity-record';
import { checkDatePairs, checkProps, dateKeys, NODE_PROPS, REL_PROPS, type WritableLabel } from '../domain/entity-props';
import { isNodeLabel, RELATIONSHIP_TYPES, type NodeLabel, type RelationshipType } from '../domain/graph-model';
import { hasOwnPrefix, ID_PATTERN, ID_PREFIX, newId } from '../domain/ids';
import { BIRTH_YEAR_DISAGREES, birthYearDisagrees } from '../domain/person-rules';
import { isOrdered, REL_KEYS } from '../domain/rel-keys';
import { provenanceProps, type ProvenanceInput } from '../domain/provenance-input';
import { AppError, badInput, notFound } from '../errors/app-error';
import { resolveProvenances } from './provenance.reader';
import { deleteNodeQuery, hiddenLinksQuery, linkQuery, lockNodeLinksQuery, naturalKeyQuery, nodeKindsQuery, replaceLinksQuery, reportCitedQuery, replaceOrderedLinksQuery, unlinkQuery, upsertNodeQuery, victimHeldQuery } from './queries/write.query';
import type { GraphTx } from './run-query';
import type { ScopedGraph } from './scoped-graph';
import { lockRecords, type LockedRecord } from './write-locks';

export interface LinkSet {
  type: RelationshipType;
  direction: 'OUT' | 'IN';
  targetLabels: readonly NodeLabel[];
  ids: readonly string[];
  /** Input path for errors, e.g. `input.nationalities`. */
  field: string;
}

export interface UpsertRequest {
  label: WritableLabel;
  /** Update this id (or create it with this id when absent). */
  id?: string | null;
  /** Or match on a natural key (identifier value, report reference). */
  naturalKey?: { key: 'value' | 'reference'; value: string };
  /** Raw property input; undefined = leave as is, null = clear. Checked against NODE_PROPS. */
  props: Record<string, unknown>;
  /** Properties derived by the caller (already checked), e.g. an identifier's normalised value. */
  derived?: Record<string, unknown>;
  addLabels?: readonly string[];
  removeLabels?: readonly string[];
  /** Relationship sets to make exactly these targets (replace semantics), when given. */
  links?: LinkSet[];
  /** Ordered links replaced as a whole (a route's stops), when given. */
  orderedLinks?: { type: RelationshipType; targetLabels: readonly NodeLabel[]; items: { id: string; props: Record<string, unknown> }[]; field: string };
  provenance: ProvenanceInput;
  /** Input path prefix for errors. */
  field?: string;
}

export interface UpsertResult {
  node: EntityRecord;
  created: boolean;
}

/**
 * Refuses to write over an id of another kind, reference data, or a record the caller cannot see.
 * The last says only that the id (or value) is in use: nothing of the record.
 */
function guardExisting(e: LockedRecord | undefined, label: NodeLabel, field: string, what = 'id'): void {
  if (!e) return;
  if (!e.visible) throw new AppError('MSHT_CONFLICT', `${field}: this ${what} is already in use`, { field });
  if (e.labels.includes('Reference')) throw badInput(field, 'names reference data, which cannot be changed here');
  if (!e.labels.includes(label)) throw badInput(field, `names a ${e.labels.find(isNodeLabel) ?? 'different kind of record'}, not a ${label}`);
}

/**
 * A victim's data (name, aliases, birth, the values of the identifiers it holds) is shown only
 * to callers with victim-data rights; a write that would show it to everyone (taking the role
 * away, taking an identifier from a victim, deleting a victim, whose identifiers would no
 * longer be victim-held, undoing the merge that made a record a victim) is theirs alone, and so
 * is deleting a victim or an identifier a victim holds, which would remove it unseen. (Writing
 * over a victim's protected values through an update is not refused: README.md.)
 */
export function refuseVictimData(field: string, what: string): never {
  throw new AppError('FORBIDDEN', `${field}: ${what}, which would show or remove victim data; only a writer with victim-data rights (VICTIM_DATA_OFFICER) may`, { field });
}

/** Creates or updates one entity and its relationship sets in the given transaction. */
export async function upsertEntityInTx(tx: GraphTx, req: UpsertRequest, now: Date, victimData = false): Promise<UpsertResult> {
  const field = req.field ?? 'input';
  const [prov] = await resolveProvenances(tx, [{ field: `${field}.provenance`, input: req.provenance }], now);
  if (req.id !== undefined && req.id !== null && !ID_PATTERN.test(req.id)) {
    throw badInput(`${field}.id`, 'must look like kind-identifier (letters, digits, . _ : -), at most 120 characters after the prefix');
  }
  // By natural key, the node holding it (not visible either when a victim holds the value and the
  // caller may not know it, as the look-up by value does not find it); else by id.
  let old = req.naturalKey ? ((await tx.run(naturalKeyQuery(req.label, req.naturalKey.key, req.naturalKey.value)))[0] as unknown as LockedRecord | undefined) : undefined;
  const matchId = old?.id ?? req.id ?? null;
  const guardField = req.naturalKey ? `${field}.${req.naturalKey.key}` : `${field}.id`;
  const what = req.naturalKey ? req.naturalKey.key : 'id';
  if (matchId) {
    // A record found by a value it may not be shown is refused before anything is locked.
    if (old && !old.visible) guardExisting(old, req.label, guardField, what);
    // The links this write replaces, then the record, locked before anything is written; the
    // record is tested as it is once locked.
    const linkTypes = [...(req.links ?? []).map((l) => l.type), ...(req.orderedLinks ? [req.orderedLinks.type] : [])];
    const locked = (await lockRecords(tx, [matchId], linkTypes)).get(matchId);
    old = locked && req.naturalKey ? { ...locked, visible: locked.visible && locked.shown === true } : locked;
    guardExisting(old, req.label, guardField, what);
    if (old && !victimData && old.labels.includes('Victim') && req.removeLabels?.includes('Victim')) refuseVictimData(`${field}.roles`, 'would take the victim role from a victim');
  }
  // A new record's id takes its kind's prefix, as an analyst's CSV file must (check-plan.ts): a
  // Person given `country-ZZ` would read as a country wherever an id is shown.
  if (!old && req.id && !hasOwnPrefix(req.label, req.id)) throw badInput(`${field}.id`, `a new ${req.label}'s id must start with ${ID_PREFIX[req.label]}-`);
  const table = NODE_PROPS[req.label];
  const checked = checkProps(table, req.props, field, now, !old);
  checkDatePairs(req.label, { ...(old?.props ?? {}), ...checked }, field);
  // A birth year as updated is the year of the date of birth the record keeps (person-rules.ts).
  if (req.label === 'Person' && old) {
    const after = { ...old.props, ...checked };
    if (birthYearDisagrees({ dateOfBirth: after.dateOfBirth, victim: old.labels.includes('Victim') }, after.birthYear, victimData)) throw badInput(`${field}.birthYear`, BIRTH_YEAR_DISAGREES);
  }
  const dkeys = dateKeys(table);
  const dates: Record<string, string | null> = {};
  const props: Record<string, unknown> = { ...(req.derived ?? {}) };
  for (const [k, v] of Object.entries(checked)) {
    if (dkeys.includes(k)) dates[k] = v as string | null;
    else props[k] = v;
  }
  const id = matchId ?? newId(req.label);
  const rows = await tx.run(
    upsertNodeQuery({
      label: req.label,
      addLabels: req.addLabels,
      removeLabels: req.removeLabels,
      match: req.naturalKey && !old ? { key: req.naturalKey.key, value: req.naturalKey.value } : { key: 'id', value: id },
      newId: id,
      props,
      dates,
      prov: provenanceProps(prov!),
    }),
  );
  const node = rows[0]!.node as EntityRecord;
  const created = rows[0]!.created as boolean;
  for (const set of req.links ?? []) {
    const found = await tx.run(replaceLinksQuery(node.id, set.type, set.direction, set.targetLabels, set.ids, provenanceProps(prov!)));
    if ((found[0]?.found as number) !== new Set(set.ids).size) {
      throw badInput(set.field, `names a record that does not exist or is not a ${set.targetLabels.join(' or ')}`);
    }
  }
  if (req.orderedLinks) {
    const o = req.orderedLinks;
    // Replacing an order the caller sees only part of would drop or misplace the rest.
    if (!created && (await hiddenLinks(tx, node.id, o.type, 'OUT')) > 0) {
      throw new AppError('FORBIDDEN', `${o.field}: this record has ${o.type} links above your clearance; a writer cleared for them must change them`, { field: o.field });
    }
    const found = await tx.run(replaceOrderedLinksQuery(node.id, o.type, o.targetLabels, o.items, provenanceProps(prov!)));
    if ((found[0]?.found as number) !== o.items.length) {
      throw badInput(o.field, `names a record that does not exist or is not a ${o.targetLabels.join(' or ')}`);
    }
  }
  return { node, created };
}

async function hiddenLinks(tx: GraphTx, id: string, type?: RelationshipType, direction?: 'OUT'): Promise<number> {
  return ((await tx.run(hiddenLinksQuery([id], type, direction)))[0]?.hidden as number | undefined) ?? 0;
}

export function upsertEntity(g: ScopedGraph, req: UpsertRequest, now: Date): Promise<UpsertResult> {
  return g.writeTx((tx) => upsertEntityInTx(tx, req, now, g.access.victimData));
}

export { REL_KEYS };

export interface LinkRequest {
  type: RelationshipType;
  from: string;
  to: string;
  props: Record<string, unknown>;
  provenance: ProvenanceInput;
  field?: string;
}

/** Checks that the ends exist, are visible, and fit the relationship type in the registry. */
async function checkEnds(tx: GraphTx, type: RelationshipType, from: string, to: string, field: string): Promise<Map<string, LockedRecord>> {
  const ends = await lockRecords(tx, [from, to]);
  const spec = RELATIONSHIP_TYPES[type];
  for (const [id, allowed, f] of [
    [from, spec.from, `${field}.from`],
    [to, spec.to, `${field}.to`],
  ] as const) {
    const e = ends.get(id);
    if (!e || !e.visible) throw notFound('record', id);
    const label = e.labels.find(isNodeLabel)!;
    if (!(allowed as readonly string[]).includes(label)) throw badInput(f, `a ${type} link goes from ${spec.from.join('/')} to ${spec.to.join('/')}; ${id} is a ${label}`);
  }
  return ends;
}

/**
 * The reference data's own report is issued by MSHT, and what the gazetteer, agencies and
 * vocabularies cite: its ISSUED_BY link is not changed here, as the report itself is not
 * (report.writer.ts). Other links of reference data (a force's region) may be.
 */
function refuseReferenceIssuer(type: RelationshipType, from: LockedRecord, field: string): void {
  if (type === 'ISSUED_BY' && from.labels.includes('Reference')) throw badInput(field, 'names the reference data’s report, whose issuer cannot be changed here');
}

/**
 * An ordered link (a route's stop: `order` is one of its keys) is written or removed only by a
 * writer given every link of that kind of its start: one not given them all reads the order less
 * the ones before it withheld (projection.ts), so the number it sends would name another place in
 * the stored order (a second stop at a hidden one's number, or the wrong visit removed).
 */
async function refuseOrderedOverHidden(tx: GraphTx, type: RelationshipType, from: string, field: string): Promise<void> {
  if (!isOrdered(type)) return;
  if ((await hiddenLinks(tx, from, type, 'OUT')) > 0) {
    throw new AppError('FORBIDDEN', `${field}: this record has ${type} links above your clearance, so its order numbers are not yours to write; a writer cleared for them must change them`, { field });
  }
}

export async function linkInTx(tx: GraphTx, req: LinkRequest, now: Date): Promise<{ rel: RelRecord; created: boolean }> {
  const field = req.field ?? 'input';
  // The links between the two it may update, locked before its ends are (existing).
  await tx.run(lockNodeLinksQuery(req.from, [req.type], req.to));
  const ends = await checkEnds(tx, req.type, req.from, req.to, field);
  refuseReferenceIssuer(req.type, ends.get(req.from)!, `${field}.from`);
  await refuseOrderedOverHidden(tx, req.type, req.from, `${field}.properties.order`);
  const [prov] = await resolveProvenances(tx, [{ field: `${field}.provenance`, input: req.provenance }], now);
  const table = REL_PROPS[req.type];
  const checked = checkProps(table, req.props, `${field}.properties`, now, true);
  checkDatePairs('__rel', checked, `${field}.properties`);
  const dkeys = dateKeys(table);
  const keys = (REL_KEYS[req.type] ?? []).filter((k) => checked[k] !== undefined && checked[k] !== null);
  const keyProps = Object.fromEntries(keys.map((k) => [k, checked[k]]));
  const dates: Record<string, string | null> = {};
  const props: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(checked)) {
    if (keys.includes(k)) continue;
    if (dkeys.includes(k)) dates[k] = v as string | null;
    else props[k] = v;
  }
  const rows = await tx.run(linkQuery({ type: req.type, from: req.from, to: req.to, keyProps, keyDates: keys.filter((k) => dkeys.includes(k)), props, dates, prov: provenanceProps(prov!) }));
  // One date given, against the other as the link holds it (the transaction is rolled back).
  // Only when a date is given: a link already out of order (written before this check) may still be updated otherwise.
  const given = [checked.until, checked.since].some((v) => v !== undefined && v !== null);
  if (given && rows[0]!.misdated === true) throw badInput(`${field}.properties.${checked.until !== undefined && checked.until !== null ? 'until' : 'since'}`, "would leave the link's until before its since, as the link holds the other");
  return { rel: rows[0]!.rel as RelRecord, created: rows[0]!.created as boolean };
}

export function link(g: ScopedGraph, req: LinkRequest, now: Date) {
  return g.writeTx((tx) => linkInTx(tx, req, now));
}

export async function unlink(g: ScopedGraph, type: RelationshipType, from: string, to: string, keyInput: Record<string, unknown>, now: Date): Promise<number> {
  return g.writeTx(async (tx) => {
    // The links it may remove, locked before their ends are (existing).
    await tx.run(lockNodeLinksQuery(from, [type], to));
    const ends = await checkEnds(tx, type, from, to, 'input');
    if (type === 'HAS_IDENTIFIER' && !g.access.victimData && ends.get(from)!.labels.includes('Victim')) refuseVictimData('input.from', 'would take an identifier from a victim');
    refuseReferenceIssuer(type, ends.get(from)!, 'input.from');
    await refuseOrderedOverHidden(tx, type, from, 'input.properties.order');
    const table = REL_PROPS[type];
    const checked = checkProps(table, keyInput, 'input.properties', now, false);
    const keys = (REL_KEYS[type] ?? []).filter((k) => checked[k] !== undefined && checked[k] !== null);
    const rows = await tx.run(unlinkQuery(type, from, to, Object.fromEntries(keys.map((k) => [k, checked[k]])), keys.filter((k) => dateKeys(table).includes(k))));
    return rows[0]!.removed as number;
  });
}

/**
 * Refuses to delete or merge away an intelligence report that facts cite: they name it by id as
 * their source (its grading and handling are their floor), and would be left citing nothing. The
 * refusal does not say how many cite it, nor which (some may be hidden from the caller).
 */
export async function refuseCitedReport(tx: GraphTx, reportId: string, field: string): Promise<void> {
  const [row] = await tx.run(reportCitedQuery(reportId));
  if (row?.cited === true) throw badInput(field, 'names an intelligence report that records cite as their source; it cannot be deleted or merged away while they do');
}

export async function deleteEntity(g: ScopedGraph, id: string): Promise<{ id: string; relationshipsRemoved: number }> {
  return g.writeTx(async (tx) => {
    // Refused at once when hidden or reference data; else its links, then the record, locked
    // before anything is written (lockRecords), and tested as they are once locked.
    const [kind] = await tx.run(nodeKindsQuery([id]));
    if (!kind || kind.visible !== true) throw notFound('record', id);
    if ((kind.labels as string[]).includes('Reference')) throw badInput('id', 'names reference data, which cannot be deleted');
    const e = (await lockRecords(tx, [id], null)).get(id);
    if (!e || !e.visible) throw notFound('record', id);
    if (e.labels.includes('Reference')) throw badInput('id', 'names reference data, which cannot be deleted');
    if (!g.access.victimData && e.labels.includes('Victim')) refuseVictimData('id', 'would delete a victim');
    if (!g.access.victimData && e.labels.includes('Identifier') && (await tx.run(victimHeldQuery(id)))[0]?.held === true) refuseVictimData('id', 'would delete an identifier a victim holds');
    // Deleting the record would delete its links with it, those above the caller's clearance too.
    if ((await hiddenLinks(tx, id)) > 0) throw new AppError('FORBIDDEN', 'this record has links above your clearance; a writer cleared for them must delete it');
    if (e.labels.includes('IntelligenceReport')) await refuseCitedReport(tx, id, 'id');
    const rows = await tx.run(deleteNodeQuery(id));
    return { id, relationshipsRemoved: rows[0]!.rels as number };
  });
}
