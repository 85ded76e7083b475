import neo4j from 'neo4j-driver';

/**
 * Neo4j values become plain JS at this boundary: integers to numbers (the driver is created with
 * `disableLosslessIntegers`; any stray Integer is converted here), DATE to "YYYY-MM-DD" strings,
 * DATETIME to JS Date, nodes and relationships to their property maps, lists and maps
 * recursively. Nothing outside graph/ sees a driver type.
 *
 * Maps and lists are converted in place: they are the driver's fresh values for one record,
 * held by nobody else, and a page of rows is mostly maps and lists, so copying them would double
 * what each response allocates (and the collector's work). They are tested first for the same
 * reason: a map is never one of the driver's classes.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = toPlain(value[i]);
    return value;
  }
  if (Object.getPrototypeOf(value) === Object.prototype) {
    const map = value as Record<string, unknown>;
    for (const k of Object.keys(map)) map[k] = toPlain(map[k]);
    return map;
  }
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (neo4j.isDate(value)) return value.toString();
  if (neo4j.isDateTime(value)) return new Date(value.toString());
  if (neo4j.isLocalDateTime(value)) return new Date(value.toString() + 'Z');
  if (neo4j.isDuration(value)) return value.toString();
  if (neo4j.isPoint(value)) return { x: value.x, y: value.y, srid: toPlain(value.srid) };
  if (neo4j.isNode(value)) return { labels: value.labels, ...(toPlain(value.properties) as object) };
  if (neo4j.isRelationship(value)) return { type: value.type, ...(toPlain(value.properties) as object) };
  if (value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = toPlain(v);
  return out;
}

export type Row = Record<string, unknown>;
