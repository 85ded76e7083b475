import neo4j from 'neo4j-driver';

/**
 * Neo4j values become plain JS at this boundary: integers to numbers (the driver is created with
 * `disableLosslessIntegers`; any stray Integer is converted here), DATE to "YYYY-MM-DD" strings,
 * DATETIME to JS Date, nodes and relationships to their property maps, lists and maps
 * recursively. Nothing outside graph/ sees a driver type.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (typeof value !== 'object') return value;
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (neo4j.isDate(value)) return value.toString();
  if (neo4j.isDateTime(value)) return new Date(value.toString());
  if (neo4j.isLocalDateTime(value)) return new Date(value.toString() + 'Z');
  if (neo4j.isDuration(value)) return value.toString();
  if (neo4j.isPoint(value)) return { x: value.x, y: value.y, srid: toPlain(value.srid) };
  if (neo4j.isNode(value)) return { labels: value.labels, ...(toPlain(value.properties) as object) };
  if (neo4j.isRelationship(value)) return { type: value.type, ...(toPlain(value.properties) as object) };
  if (value instanceof Date) return value;
  if (Array.isArray(value)) return value.map(toPlain);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = toPlain(v);
  return out;
}

export type Row = Record<string, unknown>;
