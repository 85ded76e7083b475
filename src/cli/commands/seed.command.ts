import { parseArgs } from 'node:util';

import { loadConfig } from '../../config/config';
import { StreamProgress } from '../../ingestion/progress';
import { parseScale } from '../../ingestion/seed/seed-item';
import { runSeed, type SeedSummary } from '../../ingestion/seed/seeder';
import { createLogger } from '../../logging/logger';
import { systemGraph } from '../../graph/system-graph';
import { runDataCommand } from '../data-command';
import { thisHost } from '../run-host';

export const SEED_USAGE = `  msht seed [--scale tiny|small|medium|large|PERSONS] [--seed N] [--force]
                                  load a synthetic world (deterministic for a seed; default small, seed 1)`;

const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');

export function describeSeed(s: SeedSummary): string {
  const nodes = s.nodes.created + s.nodes.updated + s.nodes.unchanged;
  const rels = s.relationships.created + s.relationships.updated + s.relationships.unchanged;
  const secs = Math.max(s.seconds, 0.001);
  return [
    `seeded the ${s.scale} world (seed ${s.seed}) in ${s.seconds.toFixed(1)} s${s.mode === 'upsert' ? ' (it was there already: checked item by item)' : ''}`,
    `  nodes:          ${fmt(nodes)} (created ${fmt(s.nodes.created)}, updated ${fmt(s.nodes.updated)}, unchanged ${fmt(s.nodes.unchanged)})`,
    `  relationships:  ${fmt(rels)} (created ${fmt(s.relationships.created)}, updated ${fmt(s.relationships.updated)}, unchanged ${fmt(s.relationships.unchanged)})`,
    `  throughput:     ${fmt(nodes / secs)} nodes/s, ${fmt(rels / secs)} relationships/s`,
    `  run:            ${s.runId}`,
    '',
  ].join('\n');
}

/** `msht seed`: writes a synthetic MSHT world (README.md#seeding-a-world). */
export async function seedCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      scale: { type: 'string', default: 'small' },
      seed: { type: 'string', default: '1' },
      force: { type: 'boolean', default: false },
      'chunk-size': { type: 'string', default: '20000' },
    },
  });
  let scale;
  try {
    scale = parseScale(values.scale!);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 2;
  }
  const seed = Number(values.seed);
  const chunkItems = Number(values['chunk-size']);
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 31 - 1) {
    process.stderr.write('--seed must be a whole number from 0 to 2147483647\n');
    return 2;
  }
  if (!Number.isInteger(chunkItems) || chunkItems < 100 || chunkItems > 200_000) {
    process.stderr.write('--chunk-size must be a whole number from 100 to 200000\n');
    return 2;
  }
  const config = loadConfig();
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  return runDataCommand(config, log, async (db) => {
    const summary = await runSeed(systemGraph(db.graph, 'seed'), { seed, scale, runHost: thisHost(), force: values.force, chunkItems, progress: new StreamProgress(process.stderr) });
    process.stdout.write(describeSeed(summary));
    return 0;
  });
}
