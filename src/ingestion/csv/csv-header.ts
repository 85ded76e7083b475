import type { PropSpec } from '../../domain/entity-props';

/**
 * The header of an import CSV, in the style of `neo4j-admin database import`: each column is a
 * property name with an optional `:type`, or one of the special columns `:ID` (also `id:ID`),
 * `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`. A node file has `:ID` and `:LABEL`; a relationship
 * file has `:START_ID`, `:END_ID` and `:TYPE` (README.md#csv).
 */

export const CSV_TYPES = ['string', 'int', 'long', 'float', 'double', 'boolean', 'date', 'datetime'] as const;
export type CsvType = (typeof CSV_TYPES)[number];

export type Special = 'ID' | 'LABEL' | 'START_ID' | 'END_ID' | 'TYPE';

export interface CsvColumn {
  index: number;
  /** The header cell as written. */
  raw: string;
  /** Property name (empty for a special column). */
  name: string;
  special?: Special;
  type?: CsvType;
  array: boolean;
}

export interface CsvHeader {
  kind: 'nodes' | 'relationships';
  columns: CsvColumn[];
  special: Partial<Record<Special, CsvColumn>>;
  properties: CsvColumn[];
}

/**
 * The provenance columns any row may carry; the rest of a fact's provenance comes from its
 * report. `agency` only on an IntelligenceReport row, which is its own source (README.md#csv).
 */
export const PROVENANCE_COLUMNS = ['reportId', 'agency', 'gradeSource', 'gradeIntel', 'ukHandling', 'handling', 'consent', 'recordedAt'] as const;

/** Parses a header row; throws with every problem at once. */
export function parseCsvHeader(cells: readonly string[]): CsvHeader {
  const problems: string[] = [];
  const columns: CsvColumn[] = [];
  const special: Partial<Record<Special, CsvColumn>> = {};
  const names = new Set<string>();
  cells.forEach((raw, index) => {
    const cell = raw.trim();
    const m = /^([A-Za-z_][A-Za-z0-9_]*)?(?::([A-Za-z_]+)(\[\])?(\(.*\))?)?$/.exec(cell);
    if (!m || cell === '') {
      problems.push(`column ${index + 1} ${JSON.stringify(raw)} is not a header (name, name:type, :ID, :LABEL, :START_ID, :END_ID or :TYPE)`);
      return;
    }
    const [, name = '', typeWord, arr, idSpace] = m;
    const upper = typeWord?.toUpperCase();
    if (upper && ['ID', 'LABEL', 'START_ID', 'END_ID', 'TYPE'].includes(upper)) {
      if (idSpace) problems.push(`column ${JSON.stringify(raw)}: id spaces are not supported; ids are global (per-..., ocg-...)`);
      if (name && !(upper === 'ID' && name === 'id')) problems.push(`column ${JSON.stringify(raw)}: only :${upper} or id:ID`);
      const col: CsvColumn = { index, raw, name: '', special: upper as Special, array: false };
      if (special[col.special!]) problems.push(`column :${upper} appears twice`);
      special[col.special!] = col;
      columns.push(col);
      return;
    }
    if (!name) {
      problems.push(`column ${index + 1} ${JSON.stringify(raw)} has no name`);
      return;
    }
    let type: CsvType | undefined;
    if (typeWord) {
      const t = typeWord.toLowerCase();
      if (!(CSV_TYPES as readonly string[]).includes(t)) problems.push(`column ${JSON.stringify(raw)}: type ${typeWord} is not one of ${CSV_TYPES.join(', ')}`);
      else type = t as CsvType;
    }
    if (names.has(name)) problems.push(`column ${name} appears twice`);
    names.add(name);
    columns.push({ index, raw, name, type, array: Boolean(arr) });
  });
  const isRel = Boolean(special.START_ID || special.END_ID || special.TYPE);
  const isNode = Boolean(special.ID || special.LABEL);
  if (isRel && isNode) problems.push('a file is either nodes (:ID, :LABEL) or relationships (:START_ID, :END_ID, :TYPE), not both');
  else if (isRel) {
    for (const s of ['START_ID', 'END_ID', 'TYPE'] as const) if (!special[s]) problems.push(`a relationship file needs a :${s} column`);
  } else if (isNode) {
    for (const s of ['ID', 'LABEL'] as const) if (!special[s]) problems.push(`a node file needs a${s === 'ID' ? 'n' : ''} :${s} column`);
  } else problems.push('the header has no :ID and :LABEL (a node file) nor :START_ID, :END_ID and :TYPE (a relationship file)');
  if (problems.length > 0) throw new CsvHeaderError(problems);
  return { kind: isRel ? 'relationships' : 'nodes', columns, special, properties: columns.filter((c) => !c.special) };
}

export class CsvHeaderError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'CsvHeaderError';
  }
}

/** Whether a declared column type fits a property's kind (an undeclared type always fits). */
export function typeFits(col: CsvColumn, spec: PropSpec): boolean {
  if (!col.type) return true;
  const list = spec.kind === 'textList' || spec.kind === 'enumList';
  if (col.array !== list) return false;
  switch (spec.kind) {
    case 'text':
    case 'enum':
    case 'textList':
    case 'enumList':
    case 'currency':
      return col.type === 'string';
    case 'int':
      return col.type === 'int' || col.type === 'long';
    case 'number':
    case 'latitude':
    case 'longitude':
      return ['int', 'long', 'float', 'double'].includes(col.type);
    case 'date':
      return col.type === 'date';
    case 'bool':
      return col.type === 'boolean';
  }
}

/** Array cells split on `;`, as neo4j-admin does by default. */
export const ARRAY_DELIMITER = ';';

/** A cell's text as the value a property of this kind takes; throws a reason on a bad cell. */
export function cellValue(cell: string, spec: PropSpec): unknown {
  const v = cell.trim();
  switch (spec.kind) {
    case 'textList':
    case 'enumList':
      return v
        .split(ARRAY_DELIMITER)
        .map((x) => x.trim())
        .filter((x) => x !== '');
    case 'int':
      if (!/^[-+]?\d+$/.test(v)) throw new Error(`must be an integer, got ${JSON.stringify(v)}`);
      return Number(v);
    case 'number':
    case 'latitude':
    case 'longitude': {
      const x = Number(v);
      if (v === '' || !Number.isFinite(x)) throw new Error(`must be a number, got ${JSON.stringify(v)}`);
      return x;
    }
    case 'bool':
      if (/^true$/i.test(v)) return true;
      if (/^false$/i.test(v)) return false;
      throw new Error(`must be true or false, got ${JSON.stringify(v)}`);
    default:
      return v;
  }
}
