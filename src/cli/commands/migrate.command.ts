import { parseArgs } from 'node:util';

import { loadConfig } from '../../config/config';
import { openDatabase } from '../../graph/database';
import { Migrator } from '../../graph/migrations/migrator';
import { createLogger } from '../../logging/logger';

/** `msht migrate [--status]`: applies pending migrations on the configured (or embedded) Neo4j. */
export async function migrateCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, strict: true, options: { status: { type: 'boolean', default: false } } });
  const config = loadConfig();
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const db = await openDatabase(config, log);
  try {
    const migrator = new Migrator(db.graph, log);
    if (values.status) {
      const s = await migrator.status();
      for (const id of s.applied) process.stdout.write(`applied  ${id}${s.changed.includes(id) ? '  (file changed since)' : ''}\n`);
      for (const id of s.pending) process.stdout.write(`pending  ${id}\n`);
      return s.pending.length === 0 ? 0 : 1;
    }
    const applied = await migrator.migrate();
    process.stdout.write(applied.length ? applied.map((id) => `applied  ${id}\n`).join('') : 'migrations up to date\n');
    return 0;
  } finally {
    await db.close();
  }
}
