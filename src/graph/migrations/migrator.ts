import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import type { Logger } from '../../logging/logger';
import { projectRoot } from '../../util/project-root';
import type { GraphClient } from '../run-query';

export interface MigrationFile {
  /** File name without extension, e.g. `0001-id-constraints`; the order is the name order. */
  id: string;
  checksum: string;
  statements: string[];
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
  /** Applied migrations whose file changed since (they are not run again). */
  changed: string[];
}

/**
 * A migration statement's timeout: it may read a whole label (0015 reads every audit event), so
 * not a request's (MSHT_QUERY_TIMEOUT_MS, 30 s), which on a large store would stop every start
 * at the same statement. The server's own limit still applies (MSHT_NEO4J_TX_TIMEOUT, 300 s, for
 * the embedded Neo4j).
 */
const MIGRATION_TIMEOUT_MS = 30 * 60_000;

export function migrationsDir(): string {
  return path.join(projectRoot(), 'neo4j', 'migrations');
}

/**
 * Splits a Cypher file into statements: a statement ends with `;` at the end of a line; `//`
 * comment lines are dropped. (Our files never put `;` at a line end inside a string.)
 */
export function splitStatements(text: string): string[] {
  const statements: string[] = [];
  let current: string[] = [];
  for (const line of text.split('\n')) {
    if (/^\s*\/\//.test(line)) continue;
    current.push(line);
    if (/;\s*$/.test(line)) {
      const stmt = current.join('\n').trim().replace(/;\s*$/, '').trim();
      if (stmt) statements.push(stmt);
      current = [];
    }
  }
  const rest = current.join('\n').trim();
  if (rest) statements.push(rest);
  return statements;
}

export function readMigrations(dir: string = migrationsDir()): MigrationFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}-[a-z0-9-]+\.cypher$/.test(f))
    .sort()
    .map((f) => {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      return {
        id: f.replace(/\.cypher$/, ''),
        checksum: createHash('sha256').update(text).digest('hex'),
        statements: splitStatements(text),
      };
    });
}

const BOOKKEEPING = 'CREATE CONSTRAINT msht_migration_id IF NOT EXISTS FOR (m:MshtMigration) REQUIRE m.id IS UNIQUE';

/**
 * Applies ordered, idempotent Cypher files from neo4j/migrations and records each in the graph as
 * `(:MshtMigration {id, checksum, appliedAt})`, so each runs once. Schema statements cannot share
 * a transaction with data writes, so every statement runs in its own.
 */
export class Migrator {
  constructor(
    private readonly graph: GraphClient,
    private readonly log: Logger,
    private readonly files: MigrationFile[] = readMigrations(),
  ) {}

  async status(): Promise<MigrationStatus> {
    const rows = await this.graph.read({ cypher: 'MATCH (m:MshtMigration) RETURN m.id AS id, m.checksum AS checksum', params: {} });
    const done = new Map(rows.map((r) => [r.id as string, r.checksum as string]));
    return {
      applied: this.files.filter((f) => done.has(f.id)).map((f) => f.id),
      pending: this.files.filter((f) => !done.has(f.id)).map((f) => f.id),
      changed: this.files.filter((f) => done.has(f.id) && done.get(f.id) !== f.checksum).map((f) => f.id),
    };
  }

  /** Applies what is pending; returns the ids applied. */
  async migrate(): Promise<string[]> {
    await this.graph.write({ cypher: BOOKKEEPING, params: {} });
    const status = await this.status();
    for (const id of status.changed) {
      this.log.warn({ migration: id }, 'an applied migration file changed since it ran; it is not run again (add a new migration instead)');
    }
    const applied: string[] = [];
    for (const file of this.files.filter((f) => status.pending.includes(f.id))) {
      const started = Date.now();
      for (const statement of file.statements) {
        await this.graph.writeTx((tx) => tx.run({ cypher: statement, params: {} }), {}, MIGRATION_TIMEOUT_MS);
      }
      await this.graph.write({
        cypher: 'MERGE (m:MshtMigration {id: $id}) SET m.checksum = $checksum, m.appliedAt = datetime()',
        params: { id: file.id, checksum: file.checksum },
      });
      applied.push(file.id);
      this.log.info({ migration: file.id, statements: file.statements.length, ms: Date.now() - started }, 'migration applied');
    }
    if (applied.length > 0) {
      // Indexes populate asynchronously; queries right after start must find them online.
      await this.graph.write({ cypher: 'CALL db.awaitIndexes(300)', params: {} });
    }
    return applied;
  }
}
