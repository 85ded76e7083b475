import { createHash } from 'node:crypto';

import { dateKeys, REL_PROPS, storedProps, type WritableLabel } from '../../domain/entity-props';
import type { RelationshipType } from '../../domain/graph-model';
import { addCounts, noCounts, writeNodeBatch, writeRelBatch, type WriteCounts } from '../../graph/bulk.writer';
import { createRun, finishRun, readRuns } from '../../graph/import-run.store';
import type { BulkMode, BulkNodeRow, BulkRelRow } from '../../graph/queries/bulk-write.query';
import type { ScopedGraph } from '../../graph/scoped-graph';
import { splitDates } from '../prepare-import';
import { SILENT_PROGRESS, type Progress } from '../progress';
import { ImportRefused, type RunHost } from '../run-import';
import type { SeedItem } from './seed-item';
import { WorldGenerator } from './world-generator';

/**
 * Writes a synthetic world through the same data layer as imports and the API (the bulk writer,
 * the property tables, provenance on every item). Items stream from the generator and are
 * written in transactions of `chunkItems`, nodes before the relationships that need them; the
 * next chunk is generated while the previous one is written.
 *
 * A seed is recorded as an ImportRun (`seed-<persons>-<seed>`). Into a graph without it, the
 * world is created (the fast path). With it (a second run, or one after an interrupted run), every
 * item is upserted instead: a finished world comes out unchanged, an interrupted one is completed.
 * A graph that holds another seed's world is refused unless `force`, since two worlds could
 * collide on identifier values.
 */

export interface SeedOptions {
  seed: number;
  scale: { name: string; persons: number };
  runHost: RunHost;
  chunkItems?: number;
  progress?: Progress;
  force?: boolean;
  clock?: () => Date;
}

export interface SeedSummary {
  runId: string;
  scale: string;
  seed: number;
  mode: BulkMode;
  nodes: WriteCounts;
  relationships: WriteCounts;
  seconds: number;
}

export const seedRunId = (persons: number, seed: number) => `seed-${persons}-${seed}`;

interface Chunk {
  nodes: Map<WritableLabel, BulkNodeRow[]>;
  rels: Map<RelationshipType, BulkRelRow[]>;
  size: number;
}

const newChunk = (): Chunk => ({ nodes: new Map(), rels: new Map(), size: 0 });

const dateKeysOf = new Map<string, string[]>();
function datesFor(key: string, table: () => Record<string, { kind: string }>): string[] {
  let d = dateKeysOf.get(key);
  if (!d) {
    d = dateKeys(table() as never);
    dateKeysOf.set(key, d);
  }
  return d;
}

function add(chunk: Chunk, item: SeedItem): void {
  chunk.size++;
  if (item.kind === 'node') {
    const { props, dates } = splitDates(item.props, datesFor(item.label, () => storedProps(item.label)));
    const rows = chunk.nodes.get(item.label) ?? [];
    rows.push({ id: item.id, props, dates, prov: item.prov, ...(item.roles ? { roles: item.roles } : {}) });
    chunk.nodes.set(item.label, rows);
  } else {
    const { props, dates } = splitDates(item.props, datesFor(`:${item.type}`, () => REL_PROPS[item.type]));
    const rows = chunk.rels.get(item.type) ?? [];
    rows.push({ from: item.from, to: item.to, props, dates, prov: item.prov });
    chunk.rels.set(item.type, rows);
  }
}

export async function runSeed(g: ScopedGraph, opts: SeedOptions): Promise<SeedSummary> {
  const clock = opts.clock ?? (() => new Date());
  const progress = opts.progress ?? SILENT_PROGRESS;
  const chunkItems = opts.chunkItems ?? 20_000;
  const started = clock();
  const runId = seedRunId(opts.scale.persons, opts.seed);
  const seeds = (await readRuns(g)).filter((r) => r.kind === 'SEED');
  const mine = seeds.find((r) => r.id === runId);
  const others = seeds.filter((r) => r.id !== runId);
  if (others.length > 0 && !opts.force) {
    throw new ImportRefused(
      `this graph already holds another synthetic world (${others.map((r) => `${r.source.join(', ')}`).join('; ')}); seed an empty graph (a new MSHT_DATA_DIR), or pass --force to add this one`,
    );
  }
  const mode: BulkMode = mine ? 'upsert' : 'create';
  if (!mine) {
    await createRun(g, {
      id: runId,
      kind: 'SEED',
      format: 'seed',
      source: [`scale ${opts.scale.name}`, `seed ${opts.seed}`],
      sha256: createHash('sha256').update(`${opts.scale.persons}:${opts.seed}`).digest('hex'),
      status: 'RUNNING',
      cleaned: true,
      host: opts.runHost.host,
      pid: opts.runHost.pid,
      persons: opts.scale.persons,
      seed: opts.seed,
    });
  }

  const nodes = noCounts();
  const relationships = noCounts();
  const write = async (chunk: Chunk) => {
    const c = await g.writeTx(async (tx) => {
      const n = noCounts();
      const r = noCounts();
      for (const [label, rows] of chunk.nodes) addCounts(n, await writeNodeBatch(tx, label, mode, rows, null));
      for (const [type, rows] of chunk.rels) addCounts(r, await writeRelBatch(tx, type, mode, rows, null));
      return { n, r };
    }, 600_000);
    addCounts(nodes, c.n);
    addCounts(relationships, c.r);
    const relCount = [...chunk.rels.values()].reduce((a, x) => a + x.length, 0);
    progress.advance({ nodes: chunk.size - relCount, relationships: relCount });
  };

  progress.start(`seed ${opts.scale.name} world (seed ${opts.seed}, ${mode === 'create' ? 'new' : 'checking an existing one'})`, { items: Math.round(opts.scale.persons * 17.5), rows: 0 });
  let chunk = newChunk();
  let inFlight: Promise<void> | null = null;
  try {
    for (const slice of new WorldGenerator({ seed: opts.seed, persons: opts.scale.persons }).generate()) {
      for (const item of slice) add(chunk, item);
      if (chunk.size >= chunkItems) {
        // One write at a time, in order: a chunk's relationships may need the previous chunk's nodes.
        await inFlight;
        const writing = write(chunk);
        writing.catch(() => undefined); // observed at the next await; this only keeps Node from calling it unhandled meanwhile
        inFlight = writing;
        chunk = newChunk();
      }
      // Let the driver's I/O run between slices, so the write proceeds while the next chunk is made.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await inFlight;
    if (chunk.size > 0) await write(chunk);
  } finally {
    progress.finish();
  }
  await finishRun(g, runId, {
    status: 'COMMITTED',
    nodesCreated: nodes.created,
    nodesUpdated: nodes.updated,
    nodesUnchanged: nodes.unchanged,
    relationshipsCreated: relationships.created,
    relationshipsUpdated: relationships.updated,
    relationshipsUnchanged: relationships.unchanged,
  });
  return { runId, scale: opts.scale.name, seed: opts.seed, mode, nodes, relationships, seconds: (clock().getTime() - started.getTime()) / 1000 };
}
