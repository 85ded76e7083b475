// The peer: @neo4j/graphql 7 serving bench/systems/peer.graphql over the same Neo4j with its
// generated queries and Cypher, on Apollo Server's standalone HTTP server (as its documentation
// sets it up). It checks the same bearer token as our service (HS256 through jose) before it
// runs anything, and counts the Cypher statements each request sends (X-Cypher-Queries) by
// handing the library a counting driver per request. It has no access rules.
// Run as a child process by bench/run.ts; prints "BENCH_READY <url>".
import fs from 'node:fs';
import path from 'node:path';

import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { GraphQLError } from 'graphql';
import neo4j, { type Driver, type ManagedTransaction, type Session, type SessionConfig } from 'neo4j-driver';

type TransactionConfig = Parameters<Session['executeRead']>[1];

import { Authenticator } from '../../src/auth/authenticator';
import { projectRoot } from '../../src/util/project-root';

interface PeerContext {
  executionContext: unknown;
  stats: { queries: number };
}

/** Just what the library's Executor uses of a driver, counting each statement it runs. */
function countingDriver(driver: Driver, stats: { queries: number }) {
  const counted = (tx: ManagedTransaction) => ({
    run: (query: string, params?: Record<string, unknown>) => {
      stats.queries += 1;
      return tx.run(query, params);
    },
  });
  return {
    executeQueryBookmarkManager: driver.executeQueryBookmarkManager,
    session: (config: SessionConfig) => {
      const s: Session = driver.session(config);
      return {
        executeRead: <T>(work: (tx: ReturnType<typeof counted>) => Promise<T>, c?: TransactionConfig) => s.executeRead((tx) => work(counted(tx)), c),
        executeWrite: <T>(work: (tx: ReturnType<typeof counted>) => Promise<T>, c?: TransactionConfig) => s.executeWrite((tx) => work(counted(tx)), c),
        close: () => s.close(),
      };
    },
  };
}

async function main(): Promise<void> {
  const uri = process.env.BENCH_NEO4J_URI;
  const secret = process.env.BENCH_JWT_SECRET;
  if (!uri || !secret) throw new Error('BENCH_NEO4J_URI and BENCH_JWT_SECRET must be set');
  const driver = neo4j.driver(uri, undefined, { maxConnectionPoolSize: 100 });
  const typeDefs = fs.readFileSync(path.join(projectRoot(), 'bench', 'systems', 'peer.graphql'), 'utf8');
  const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
  const auth = new Authenticator({ issuer: 'msht-graph', audience: 'msht-graph' }, { secret });

  const server = new ApolloServer<PeerContext>({
    schema,
    introspection: false,
    plugins: [
      {
        async requestDidStart() {
          return {
            async willSendResponse({ response, contextValue }) {
              response.http.headers.set('x-cypher-queries', String(contextValue.stats.queries));
            },
          };
        },
      },
    ],
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async ({ req }) => {
      try {
        await auth.verify(req.headers.authorization);
      } catch {
        throw new GraphQLError('a valid bearer token is required', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
      }
      const stats = { queries: 0 };
      return { executionContext: countingDriver(driver, stats), stats };
    },
  });
  process.stdout.write(`BENCH_READY ${url}\n`);
  const stop = async () => {
    await server.stop();
    await driver.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
