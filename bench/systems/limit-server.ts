// The limit: each workload's questions as hand-written Cypher through neo4j-driver, behind the
// smallest HTTP endpoint node:http allows, so HTTP and JSON cost are counted as for the others.
//   POST /<workload>/<statement>  body: the statement's parameters as JSON  ->  the rows as JSON
// Run as a child process by bench/run.ts (env BENCH_NEO4J_URI); prints "BENCH_READY <url>".
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import neo4j from 'neo4j-driver';

import { toPlain } from '../../src/graph/records';
import { WORKLOADS } from '../workloads';
import { FULL_CLEARANCE } from './clearance';

const uri = process.env.BENCH_NEO4J_URI;
if (!uri) throw new Error('BENCH_NEO4J_URI is not set');
const driver = neo4j.driver(uri, undefined, { disableLosslessIntegers: true, maxConnectionPoolSize: 100 });

const statements = new Map<string, string>();
for (const w of WORKLOADS) for (const [name, cypher] of Object.entries(w.limit.statements)) statements.set(`/${w.key}/${name}`, cypher);

// The caller the bench compares as: cleared for every handling code (see clearance.ts).
const access = { handling: FULL_CLEARANCE.handling, ukHandling: FULL_CLEARANCE.ukHandling };

const server = http.createServer((req, res) => {
  const cypher = req.method === 'POST' ? statements.get(req.url ?? '') : undefined;
  if (!cypher) {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    void (async () => {
      const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
      try {
        const params = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
        // One auto-commit statement (RUN and PULL in one round trip), as our service reads.
        const rows = (await session.run(cypher, { ...params, ...access })).records.map((r) => toPlain(r.toObject()));
        const body = JSON.stringify(rows);
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-cypher-queries': '1' }).end(body);
      } catch (e) {
        const body = JSON.stringify({ error: (e as Error).message });
        res.writeHead(500, { 'content-type': 'application/json' }).end(body);
      } finally {
        await session.close();
      }
    })();
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`BENCH_READY http://127.0.0.1:${port}\n`);
});
const stop = () => server.close(() => void driver.close().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
