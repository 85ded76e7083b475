/**
 * A small RFC 4180 reader for the source files we ingest: comma-separated, `"`-quoted fields
 * (a quote inside doubled), LF or CRLF line ends, a header row. Enough for the statistics files
 * in shared/data; not a general-purpose CSV library.
 */

/** A row of fields and the 1-based line of the text it starts on. */
export interface CsvLine {
  line: number;
  fields: string[];
}

/**
 * Splits CSV text into rows of fields, each with the line it starts on (a quoted field may span
 * lines). A final line without a newline is kept; empty lines are dropped.
 */
export function parseCsvLines(text: string): CsvLine[] {
  const rows: CsvLine[] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const endRow = () => {
    row.push(field);
    if (row.length > 1 || row[0] !== '') rows.push({ line: rowLine, fields: row });
    row = [];
    field = '';
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      i++;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      endRow();
      line++;
      rowLine = line;
    } else if (c !== '\r') field += c;
    i++;
  }
  if (quoted) throw new Error(`CSV ends inside a quoted field (opened on or after line ${rowLine})`);
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/** Splits CSV text into rows of fields. A final line without a newline is kept; empty lines are dropped. */
export function parseCsv(text: string): string[][] {
  return parseCsvLines(text).map((r) => r.fields);
}

/**
 * Rows as records of the named columns, found by header name, so a reordered or changed source
 * fails loudly (a missing column, a short row) instead of shifting values into the wrong field.
 */
export function csvRecords<C extends string>(text: string, columns: readonly C[], source = 'CSV'): Record<C, string>[] {
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
  if (!header) throw new Error(`${source}: no header row`);
  const index = columns.map((c) => header.indexOf(c));
  const missing = columns.filter((_, k) => index[k] === -1);
  if (missing.length > 0) throw new Error(`${source}: missing columns ${JSON.stringify(missing)} (found ${JSON.stringify(header)})`);
  return rows.map((fields, n) => {
    if (fields.length !== header.length) throw new Error(`${source}: row ${n + 2} has ${fields.length} fields, the header ${header.length}`);
    return Object.fromEntries(columns.map((c, k) => [c, fields[index[k]!]!])) as Record<C, string>;
  });
}
