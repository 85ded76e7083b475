import os from 'node:os';

import type { Logger } from '../../logging/logger';
import type { ScopedGraph } from '../../graph/scoped-graph';
import { hasData } from '../../graph/system.reader';
import { SCALES } from './seed-item';
import { runSeed, type SeedSummary } from './seeder';

/** The world a newcomer's empty graph gets at start-up. */
export const START_WORLD = { scale: 'small', seed: 1 } as const;

/**
 * At start-up (MSHT_SEED_ON_EMPTY): loads the small synthetic world into a graph that holds
 * nothing but reference data, so that the first queries a newcomer types return something, and
 * says so in the log. A graph with any data is left alone. Returns what it loaded, if anything.
 */
export async function seedIfEmpty(g: ScopedGraph, log: Logger): Promise<SeedSummary | null> {
  if (await hasData(g)) return null;
  log.info(START_WORLD, 'the graph is empty: loading the small synthetic world so that first queries return something (set MSHT_SEED_ON_EMPTY=false to start empty)');
  const summary = await runSeed(g, {
    seed: START_WORLD.seed,
    scale: { name: START_WORLD.scale, persons: SCALES[START_WORLD.scale] },
    runHost: { host: os.hostname(), pid: process.pid, isAlive: () => true },
  });
  log.info(
    { nodes: summary.nodes.created, relationships: summary.relationships.created, seconds: summary.seconds, run: summary.runId },
    'synthetic world loaded (made-up people and groups, proportions from the real NRM statistics)',
  );
  return summary;
}
