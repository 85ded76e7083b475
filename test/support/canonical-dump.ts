import type { GraphClient } from '../../src/graph/run-query';

/**
 * The graph's data (every node but reference data and bookkeeping, and every relationship that
 * touches one) in a canonical form to compare two graphs: nodes sorted by id with sorted labels
 * and properties, relationships sorted by their ends, type and properties. Keys starting with
 * `__` (an import's run mark) are left out; dates and date-times as ISO text.
 */
export interface CanonicalDump {
  nodes: string[];
  relationships: string[];
}

function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .filter((k) => !k.startsWith('__'))
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

export async function canonicalDump(client: GraphClient): Promise<CanonicalDump> {
  const nodes = await client.read({
    cypher: `MATCH (n:Entity) WHERE NOT n:Reference
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY id`,
    params: {},
  });
  const rels = await client.read({
    cypher: `MATCH (a:Entity)-[r]->(b:Entity) WHERE NOT (a:Reference AND b:Reference)
RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props`,
    params: {},
  });
  return {
    nodes: nodes.map((n) => JSON.stringify(canonical({ id: n.id, labels: [...(n.labels as string[])].sort(), props: n.props }))),
    relationships: rels.map((r) => JSON.stringify(canonical({ from: r.from, type: r.type, to: r.to, props: r.props }))).sort(),
  };
}
