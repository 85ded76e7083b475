import { thisHost } from '../../src/cli/run-host';
import { readRuns } from '../../src/graph/import-run.store';
import { systemGraph } from '../../src/graph/system-graph';
import { StreamProgress } from '../../src/ingestion/progress';
import { SCALES, type ScaleName } from '../../src/ingestion/seed/seed-item';
import { runSeed, seedRunId } from '../../src/ingestion/seed/seeder';
import type { BenchDatabase } from './database';

export interface WorldInfo {
  scale: ScaleName;
  seed: number;
  persons: number;
  nodes: number;
  relationships: number;
  generator: string;
  /** Seconds it took to write, when written by this run; the recorded figure when reused. */
  seedSeconds: number;
  reused: boolean;
}

const GENERATOR = 'the synthetic world seeder (src/ingestion/seed, as `msht seed`)';

/**
 * The world the bench measures on, written by the service's own seeder (`runSeed`, what
 * `msht seed --scale S --seed N` runs): reused when the store holds that seed's finished run,
 * seeded otherwise (an interrupted run is completed). A store that holds another world, or
 * persons no seed put there, is refused: the bench never mixes two worlds (use --fresh, or
 * another --data-dir).
 */
export async function prepareWorld(db: BenchDatabase, scale: ScaleName, seed: number, say: (line: string) => void): Promise<WorldInfo> {
  const g = systemGraph(db.graph, 'bench');
  const persons = SCALES[scale];
  const runId = seedRunId(persons, seed);
  const seeds = (await readRuns(g)).filter((r) => r.kind === 'SEED');
  const other = seeds.find((r) => r.id !== runId);
  if (other) throw new Error(`the bench store holds another world (${other.source.join(', ')}), not ${scale} with seed ${seed}: pass --fresh or another --data-dir`);
  const mine = seeds.find((r) => r.id === runId);
  if (mine?.status === 'COMMITTED') {
    const counts = await countWorld(db);
    say(`reusing the ${scale} world (seed ${seed}): ${fmt(counts.persons)} persons, ${fmt(counts.nodes)} nodes, ${fmt(counts.relationships)} relationships`);
    const seconds = mine.finishedAt ? (mine.finishedAt.getTime() - mine.startedAt.getTime()) / 1000 : NaN;
    return { scale, seed, ...counts, generator: GENERATOR, seedSeconds: Math.round(seconds * 10) / 10, reused: true };
  }
  if (!mine) {
    const [row] = await db.run('MATCH (p:Person) RETURN count(p) AS n');
    if (Number(row?.n) > 0) throw new Error(`the bench store holds ${String(row?.n)} persons that no seed put there: pass --fresh or another --data-dir`);
  }

  say(`seeding the ${scale} world (${fmt(persons)} persons, seed ${seed}) with the service's seeder${mine ? ' (completing an interrupted run)' : ''}`);
  const summary = await runSeed(g, { seed, scale: { name: scale, persons }, runHost: thisHost(), progress: new StreamProgress(process.stderr) });
  const counts = await countWorld(db);
  say(`seeded in ${summary.seconds.toFixed(1)} s: ${fmt(counts.nodes)} nodes, ${fmt(counts.relationships)} relationships`);
  return { scale, seed, ...counts, generator: GENERATOR, seedSeconds: summary.seconds, reused: false };
}

const fmt = (n: number) => n.toLocaleString('en-GB');

async function countWorld(db: BenchDatabase): Promise<{ persons: number; nodes: number; relationships: number }> {
  // Counts from the count store (label and type counts are O(1)).
  const [row] = await db.run(`CALL () { MATCH (p:Person) RETURN count(p) AS persons }
CALL () { MATCH (n:Entity) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN persons, nodes, relationships`);
  return row as { persons: number; nodes: number; relationships: number };
}
