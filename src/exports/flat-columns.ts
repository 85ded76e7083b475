import { gradingLabel } from '../domain/provenance';
import type { JsonEdge, JsonNode, JsonPropertyValue, JsonProvenance } from './json-document';

/**
 * Items as flat rows of scalars, for the formats that cannot nest (GraphML data, CSV columns,
 * i2 attributes). One column per fixed field, then one per property key found in the items,
 * sorted. Values keep their type where the column has one (numbers, booleans); a list is written
 * as its JSON text (`["a","b"]`), so that no separator can be confused with a value; a null or
 * missing value is left empty. A property whose key is also a fixed column's name is written
 * as `property.<key>`.
 */
export type FlatKind = 'string' | 'long' | 'double' | 'boolean';
export type FlatValue = string | number | boolean;

export interface FlatColumn<T> {
  name: string;
  kind: FlatKind;
  /** The property key, for property columns. */
  property?: string;
  value(item: T): FlatValue | null;
}

type Fixed<T> = [name: string, kind: FlatKind, value: (item: T) => FlatValue | null];

const provenanceColumns = <T extends { provenance: JsonProvenance }>(): Fixed<T>[] => [
  ['reportId', 'string', (x) => x.provenance.reportId],
  ['agency', 'string', (x) => x.provenance.agency],
  ['recordedAt', 'string', (x) => x.provenance.recordedAt],
  ['gradeSource', 'long', (x) => x.provenance.gradeSource],
  ['gradeIntel', 'string', (x) => x.provenance.gradeIntel],
  ['ukHandling', 'string', (x) => x.provenance.ukHandling],
  ['handling', 'string', (x) => x.provenance.handling],
  ['consent', 'boolean', (x) => x.provenance.consent],
  ['grading', 'string', (x) => gradingLabel(x.provenance)],
];

const NODE_FIXED: Fixed<JsonNode>[] = [
  ['id', 'string', (n) => n.id],
  ['type', 'string', (n) => n.type],
  ['label', 'string', (n) => n.label],
  ['roles', 'string', (n) => (n.roles.length > 0 ? JSON.stringify(n.roles) : null)],
  ['redacted', 'boolean', (n) => n.redacted],
  ...provenanceColumns<JsonNode>(),
];

const EDGE_FIXED: Fixed<JsonEdge>[] = [
  ['id', 'string', (e) => e.id],
  ['type', 'string', (e) => e.type],
  ['source', 'string', (e) => e.source],
  ['target', 'string', (e) => e.target],
  ['from', 'string', (e) => e.from],
  ['to', 'string', (e) => e.to],
  ...provenanceColumns<JsonEdge>(),
];

export function nodeColumns(nodes: readonly JsonNode[]): FlatColumn<JsonNode>[] {
  return columns(NODE_FIXED, nodes);
}

export function edgeColumns(edges: readonly JsonEdge[]): FlatColumn<JsonEdge>[] {
  return columns(EDGE_FIXED, edges);
}

/** A property value as a flat scalar: lists as JSON text, null as null. */
export function flatValue(v: JsonPropertyValue): FlatValue | null {
  if (v === null) return null;
  return Array.isArray(v) ? JSON.stringify(v) : v;
}

/** A value as its column's type holds it (a number in a text column becomes its text). */
export function inKind(v: FlatValue, kind: FlatKind): FlatValue {
  return kind === 'string' && typeof v !== 'string' ? String(v) : v;
}

/** The narrowest type that holds every non-null value: boolean, long, double, else string. */
export function kindOf(values: readonly JsonPropertyValue[]): FlatKind {
  const present = values.filter((v) => v !== null);
  if (present.length === 0) return 'string';
  if (present.every((v) => typeof v === 'boolean')) return 'boolean';
  if (present.every((v) => typeof v === 'number')) return present.every((v) => Number.isSafeInteger(v)) ? 'long' : 'double';
  return 'string';
}

/** The wider of two kinds, for one name used with two types. */
export function widerKind(a: FlatKind, b: FlatKind): FlatKind {
  if (a === b) return a;
  if ((a === 'long' && b === 'double') || (a === 'double' && b === 'long')) return 'double';
  return 'string';
}

function columns<T extends { properties: Record<string, JsonPropertyValue> }>(fixed: Fixed<T>[], items: readonly T[]): FlatColumn<T>[] {
  const fixedNames = new Set(fixed.map(([name]) => name));
  const keys = [...new Set(items.flatMap((x) => Object.keys(x.properties)))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const props = keys.map((key): FlatColumn<T> => {
    const kind = kindOf(items.map((x) => x.properties[key] ?? null));
    return {
      name: fixedNames.has(key) ? `property.${key}` : key,
      kind,
      property: key,
      value: (x) => {
        const v = flatValue(x.properties[key] ?? null);
        return v === null ? null : inKind(v, kind);
      },
    };
  });
  return [...fixed.map(([name, kind, value]): FlatColumn<T> => ({ name, kind, value })), ...props];
}
