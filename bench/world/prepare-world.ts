import type { BenchDatabase } from '../support/database';
import { writeBulkWorld } from './bulk-world';

/** Persons per named scale (as `msht seed --scale`: about 4 nodes and 15 relationships per person). */
export const SCALES = { tiny: 80, small: 1_050, medium: 25_000, large: 260_000 } as const;
export type ScaleName = keyof typeof SCALES;

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

const MARKER = 'MshtBenchWorld';

/**
 * The world the bench measures on: reused when the store already holds this scale and seed (the
 * marker node records which), written otherwise. A store that holds something else is refused:
 * the bench never mixes two worlds (use --fresh, or another --data-dir).
 */
export async function prepareWorld(db: BenchDatabase, scale: ScaleName, seed: number, say: (line: string) => void): Promise<WorldInfo> {
  const [marker] = await db.run(`MATCH (m:${MARKER} {id: 'world'}) RETURN m {.*} AS m`);
  const m = marker?.m as Record<string, unknown> | undefined;
  if (m) {
    if (m.scale !== scale || m.seed !== seed) throw new Error(`the bench store holds the ${String(m.scale)} world (seed ${String(m.seed)}), not ${scale} (seed ${seed}): pass --fresh or another --data-dir`);
    const counts = await countWorld(db);
    say(`reusing the ${scale} world (seed ${seed}): ${counts.persons.toLocaleString('en-GB')} persons, ${counts.nodes.toLocaleString('en-GB')} nodes, ${counts.relationships.toLocaleString('en-GB')} relationships`);
    return { scale, seed, ...counts, generator: String(m.generator), seedSeconds: Number(m.seconds), reused: true };
  }
  const [{ n }] = (await db.run('MATCH (p:Person) RETURN count(p) AS n')) as [{ n: number }];
  if (n > 0) throw new Error(`the bench store holds ${n} persons that no bench world put there: pass --fresh or another --data-dir`);

  say(`seeding the ${scale} world (${SCALES[scale].toLocaleString('en-GB')} persons, seed ${seed}) with the bench's bulk generator`);
  const summary = await writeBulkWorld((cypher, params) => db.run(cypher, params), { persons: SCALES[scale], seed, log: say });
  const generator = 'bench bulk Cypher (bench/world/bulk-world.ts)';
  await db.run(`MERGE (m:${MARKER} {id: 'world'}) SET m.scale = $scale, m.seed = $seed, m.generator = $generator, m.seconds = $seconds`, { scale, seed, generator, seconds: summary.seconds });
  const counts = await countWorld(db);
  say(`seeded in ${summary.seconds.toFixed(1)} s: ${counts.nodes.toLocaleString('en-GB')} nodes, ${counts.relationships.toLocaleString('en-GB')} relationships`);
  return { scale, seed, ...counts, generator, seedSeconds: summary.seconds, reused: false };
}

async function countWorld(db: BenchDatabase): Promise<{ persons: number; nodes: number; relationships: number }> {
  // Counts from the count store (label and type counts are O(1)).
  const [row] = await db.run(`CALL () { MATCH (p:Person) RETURN count(p) AS persons }
CALL () { MATCH (n:Entity) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN persons, nodes, relationships`);
  return row as { persons: number; nodes: number; relationships: number };
}
