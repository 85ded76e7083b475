import { randomBytes } from 'node:crypto';

import { mergedProps, undoneProps } from '../domain/merge-rules';
import { isNodeLabel } from '../domain/graph-model';
import type { Principal } from '../auth/principal';
import { AppError, badInput, notFound } from '../errors/app-error';
import {
  attachRelsQuery,
  clearedForStoredQuery,
  createMergeRecordQuery,
  deleteMergedRelsQuery,
  detachDeleteQuery,
  markMergeUndoneQuery,
  mergeRecordQuery,
  nodeDumpQuery,
  recreateNodeQuery,
  setNodePropsQuery,
  noteAddedLabelsQuery,
  setRoleLabelsQuery,
  type DumpedRel,
  type TypedProp,
} from './queries/merge.query';
import type { GraphTx } from './run-query';
import type { ScopedGraph } from './scoped-graph';
import { refuseCitedReport, refuseVictimData } from './entity.writer';
import { lockRecords } from './write-locks';

interface Dump {
  labels: string[];
  props: TypedProp[];
  visible: boolean;
  rels: (DumpedRel & { visible: boolean })[];
}

/** Typed values as JSON can carry them (dates as ISO strings). */
function jsonSafe(props: TypedProp[]): TypedProp[] {
  return props.map((p) => ({ ...p, v: p.v instanceof Date ? p.v.toISOString() : p.v }));
}

/**
 * Locks the records a merge (or its undo) reads and rewrites, and their links the caller may see
 * (lockRecords, every link type), before anything is read for the merge: the dumps it takes are
 * what it re-creates and what it tests for hidden material, so a link or record raised while the
 * merge waited must be read as raised (and refused), not re-created from a read made before.
 */
const lockForMerge = (tx: GraphTx, ids: readonly string[]) => lockRecords(tx, ids, null);

async function dump(tx: GraphTx, id: string): Promise<Dump | null> {
  const rows = await tx.run(nodeDumpQuery(id));
  if (!rows[0]) return null;
  const d = rows[0] as unknown as Dump;
  return { ...d, props: jsonSafe(d.props), rels: d.rels.map((r) => ({ ...r, props: jsonSafe(r.props) })) };
}

export interface MergeOutcome {
  recordId: string;
  keptId: string;
  mergedId: string;
  relationshipsMoved: number;
}

/**
 * Merges `mergeId` into `keepId` in one transaction: every relationship of the merged record is
 * re-created on the kept one (with its own provenance, marked with the merge record), the kept
 * record gains what only the merged one knew, and a MergeRecord keeps everything needed to undo
 * it. The caller must be able to see both records and all their links: a merge never moves
 * material the caller is not cleared for.
 */
export function mergeEntities(g: ScopedGraph, keepId: string, mergeId: string, by: Principal, now: Date): Promise<MergeOutcome> {
  return g.writeTx(async (tx) => {
    if (keepId === mergeId) throw badInput('mergeId', 'must differ from keepId');
    await lockForMerge(tx, [keepId, mergeId]);
    const kept = await dump(tx, keepId);
    const merged = await dump(tx, mergeId);
    if (!kept || !kept.visible) throw notFound('record', keepId);
    if (!merged || !merged.visible) throw notFound('record', mergeId);
    const label = kept.labels.find(isNodeLabel);
    if (label !== merged.labels.find(isNodeLabel)) throw badInput('mergeId', `a ${merged.labels.find(isNodeLabel)} cannot be merged into a ${label}`);
    if (kept.labels.includes('Reference') || merged.labels.includes('Reference')) throw badInput('mergeId', 'reference data cannot be merged');
    if (label === 'IntelligenceReport') await refuseCitedReport(tx, mergeId, 'mergeId');
    if ([...kept.rels, ...merged.rels].some((r) => !r.visible)) {
      throw new AppError('FORBIDDEN', 'these records carry links above your clearance; a supervisor cleared for them must merge');
    }
    const recordId = `merge-${randomBytes(8).toString('hex')}`;
    const moving = movedByMerge(label, merged.rels, keepId, mergeId);
    // The records the moved links go to, locked and tested as they are now: one raised while the
    // merge waited is not linked to the kept record.
    if (!(await endsVisible(tx, moving))) throw new AppError('FORBIDDEN', 'these records are linked to records above your clearance; a supervisor cleared for them must merge');
    await tx.run(
      createMergeRecordQuery({
        id: recordId,
        label,
        keptId: keepId,
        mergedId: mergeId,
        mergedAt: now.toISOString(),
        mergedBy: by.subject,
        status: 'MERGED',
        mergedNode: JSON.stringify({ labels: merged.labels, props: merged.props }),
        mergedRels: JSON.stringify(merged.rels.map(({ visible: _v, ...r }) => r)),
        keptBefore: JSON.stringify(kept.props),
      }),
    );
    await tx.run(detachDeleteQuery(mergeId));
    const attached = moving.length ? ((await tx.run(attachRelsQuery(keepId, moving, recordId)))[0]?.attached as number) : 0;
    const roleLabels = merged.labels.filter((l) => ['Offender', 'Suspect', 'Victim'].includes(l) && !kept.labels.includes(l));
    await tx.run(setNodePropsQuery(keepId, mergedProps(kept.props, merged.props)));
    if (roleLabels.length) await tx.run(setRoleLabelsQuery(keepId, roleLabels, true));
    await tx.run(noteAddedLabelsQuery(recordId, roleLabels));
    return { recordId, keptId: keepId, mergedId: mergeId, relationshipsMoved: attached };
  });
}

/**
 * The merged record's links a merge moves onto the kept one: all but those between the two (and
 * the merged record's links to itself), and, for an intelligence report, its ISSUED_BY link, which
 * cites the report itself and says who issued it (the kept report has its own). Those not moved
 * stay saved in the merge record and come back with the merged record when it is undone.
 */
function movedByMerge<R extends DumpedRel>(label: string | undefined, rels: readonly R[], keptId: string, mergedId: string): R[] {
  return rels.filter((r) => r.other !== keptId && r.other !== mergedId && !(label === 'IntelligenceReport' && r.type === 'ISSUED_BY' && r.out));
}

/** Locks the records at the other ends of these links and tells whether the caller sees them all. */
async function endsVisible(tx: GraphTx, rels: readonly DumpedRel[]): Promise<boolean> {
  const ids = [...new Set(rels.map((r) => r.other))];
  const ends = await lockRecords(tx, ids, []);
  return ids.every((id) => ends.get(id)?.visible === true);
}

/** A link as a merge moved it, told apart from another by everything but the merge's mark. */
function movedLinkKey(r: DumpedRel): string {
  const props = r.props.filter((p) => p.k !== 'mergeRecord').sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  return JSON.stringify([r.type, r.out, r.other, props]);
}

/**
 * Whether the links a merge moved onto the kept record are still as it left them: none removed,
 * none changed (a handling raised, consent withdrawn, a new report) since. The undo re-creates the
 * merged record's links from what the merge saved, so it would otherwise bring back a removed
 * link, or lower a raised one.
 */
function movedLinksUnchanged(saved: readonly DumpedRel[], keptRels: readonly DumpedRel[], recordId: string): boolean {
  const now = keptRels.filter((r) => r.props.some((p) => p.k === 'mergeRecord' && p.v === recordId)).map(movedLinkKey).sort();
  const then = saved.map(movedLinkKey).sort();
  return now.length === then.length && now.every((k, i) => k === then[i]);
}

/**
 * Undoes a merge: the merged record comes back with its own links, and the kept one loses what
 * the merge gave it; on a record edited since the merge, values edited since stay, and so do its
 * handling, consent and the roles the merge added (`undoneProps`): an undo never loosens access.
 */
export function undoMerge(g: ScopedGraph, recordId: string, by: Principal): Promise<MergeOutcome> {
  return g.writeTx(async (tx) => {
    const row = (await tx.run(mergeRecordQuery(recordId)))[0];
    if (!row) throw notFound('merge record', recordId);
    const rec = row.record as Record<string, unknown>;
    const keptId = rec.keptId as string;
    const mergedId = rec.mergedId as string;
    await lockForMerge(tx, [keptId]);
    const kept = await dump(tx, keptId);
    // A merge whose kept record the caller may not see is, to that caller, no merge at all: the
    // same answer as a made-up id, whatever its state (a different one would tell the record is
    // there, hidden, and whether the merge was undone).
    if (kept && !kept.visible) throw notFound('merge record', recordId);
    if (rec.status !== 'MERGED') throw badInput('recordId', `this merge is ${String(rec.status).toLowerCase()}, not undoable`);
    if (!kept) throw badInput('recordId', 'the record this merge kept no longer exists');
    if (kept.rels.some((r) => !r.visible)) throw new AppError('FORBIDDEN', 'these records carry links above your clearance');
    const node = JSON.parse(rec.mergedNode as string) as { labels: string[]; props: TypedProp[] };
    const rels = JSON.parse(rec.mergedRels as string) as DumpedRel[];
    // A report merged before 2026-12-01 had its ISSUED_BY link moved too (marked, on the kept report).
    const movedIssuedBy = kept.rels.some((r) => r.type === 'ISSUED_BY' && r.props.some((p) => p.k === 'mergeRecord' && p.v === recordId));
    const moved = movedIssuedBy ? rels.filter((r) => r.other !== keptId && r.other !== mergedId) : movedByMerge(rec.label as string, rels, keptId, mergedId);
    // The merge may have been made by a supervisor cleared for more: undoing it brings back the
    // merged record and its links, so the caller must be cleared for every one of them (tested
    // first: what is said below of the links is only for a caller cleared for them).
    const cleared = (await tx.run(clearedForStoredQuery([node.props, ...rels.map((r) => r.props)])))[0]?.ok === true;
    if (!cleared) throw new AppError('FORBIDDEN', 'this merge moved material above your clearance; a supervisor cleared for it must undo it');
    // The records the merged one comes back linked to, locked and tested as they are now.
    const others = rels.filter((r) => r.other !== mergedId);
    const ends = await lockRecords(tx, [...new Set(others.map((r) => r.other))], []);
    if (others.some((r) => ends.get(r.other)?.visible === false)) throw new AppError('FORBIDDEN', 'the merged record was linked to records now above your clearance; a supervisor cleared for them must undo it');
    if (others.some((r) => !ends.get(r.other))) throw new AppError('MSHT_CONFLICT', 'some records the merged one was linked to no longer exist; the merge cannot be undone exactly');
    if (!movedLinksUnchanged(moved, kept.rels, recordId)) {
      throw new AppError('MSHT_CONFLICT', 'links this merge moved have been changed or removed since; the merge cannot be undone exactly (edit the kept record instead)');
    }
    const undone = undoneProps(JSON.parse(rec.keptBefore as string) as TypedProp[], node.props, kept.props);
    // A role the merge added stays on a record edited since: the edit may have set it again. On
    // one not edited since, taking a Victim role away would show what the record holds now (an
    // identifier linked since, say) to callers without victim-data rights: theirs alone to do.
    const added = (rec.addedLabels as string[] | undefined) ?? [];
    const removesRoles = added.length > 0 && !undone.editedSince;
    if (removesRoles && added.includes('Victim') && !g.access.victimData) refuseVictimData('recordId', 'would take the victim role the merge gave the kept record away');
    await tx.run(deleteMergedRelsQuery(keptId, recordId));
    await tx.run(setNodePropsQuery(keptId, undone.props));
    if (removesRoles) await tx.run(setRoleLabelsQuery(keptId, added, false));
    await tx.run(recreateNodeQuery(node.labels, node.props));
    // Links between the two records were not moved; they come back here, like every other.
    const restored = rels.length ? ((await tx.run(attachRelsQuery(mergedId, rels, null)))[0]?.attached as number) : 0;
    if (restored !== rels.length) throw new AppError('MSHT_CONFLICT', 'some records the merged one was linked to no longer exist; the merge cannot be undone exactly');
    await tx.run(markMergeUndoneQuery(recordId, by.subject));
    return { recordId, keptId, mergedId, relationshipsMoved: restored };
  });
}
