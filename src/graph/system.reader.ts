import type { ScopedGraph } from './scoped-graph';

export async function readDatabaseInfo(g: ScopedGraph): Promise<{ name: string; version: string; edition: string }> {
  const rows = await g.read({ cypher: 'CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS version, edition', params: {} });
  const r = rows[0] ?? {};
  return { name: String(r.name), version: String(r.version), edition: String(r.edition) };
}

/** True when the graph holds any entity besides reference data (gazetteer, agencies, vocabularies). */
export async function hasData(g: ScopedGraph): Promise<boolean> {
  const rows = await g.read({ cypher: 'MATCH (n:Entity) WHERE NOT n:Reference RETURN n.id AS id LIMIT 1', params: {} });
  return rows.length > 0;
}
