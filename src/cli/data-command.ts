import type { Config } from '../config/config';
import { openDatabase, type Database } from '../graph/database';
import { Migrator } from '../graph/migrations/migrator';
import { ImportRefused } from '../ingestion/run-import';
import type { Logger } from '../logging/logger';

/**
 * The frame of a command that writes data (`msht seed`, `msht import`): the configured (or
 * embedded) Neo4j, migrated first when MSHT_MIGRATE_ON_START says so, closed afterwards. A
 * refused seed or import prints its reason and exits 1.
 */
export async function runDataCommand(config: Config, log: Logger, work: (db: Database) => Promise<number>): Promise<number> {
  const db = await openDatabase(config, log);
  try {
    if (config.migrateOnStart) await new Migrator(db.graph, log).migrate();
    return await work(db);
  } catch (e) {
    if (e instanceof ImportRefused) {
      process.stderr.write(`${e.message}\n`);
      return 1;
    }
    throw e;
  } finally {
    await db.close();
  }
}
