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

/** Text that is not RFC 4180 CSV, at the line where the reader met it. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * Splits CSV text into rows of fields, each with the line it starts on (a quoted field may span
 * lines). A final line without a newline is kept; empty lines are dropped.
 *
 * Strict where a lenient reader would guess: a quote opens quoting only at the start of a field,
 * a closing quote is followed by a comma or a line end, and a carriage return only by a line
 * feed. Read leniently, `Arben "Beni" Hoxha` lost its quotes, a stray `5"` swallowed the commas
 * and lines after it (the damage reported rows later, or at line 1), and a file with old Mac
 * line ends (CR alone) was one long row.
 */
export function parseCsvLines(text: string): CsvLine[] {
  const rows: CsvLine[] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  // At the start of a field (a quote may open it); just after a field's closing quote.
  let atStart = true;
  let closed = false;
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
        closed = true;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      i++;
      continue;
    }
    if (c === ',' || c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] !== '\n') throw new CsvSyntaxError(line, 'a carriage return without a line feed after it: save the file with LF or CRLF line ends');
      if (c === ',') {
        row.push(field);
        field = '';
      } else if (c === '\n') {
        endRow();
        line++;
        rowLine = line;
      }
      atStart = true;
      closed = false;
    } else if (closed) {
      throw new CsvSyntaxError(line, `text after the closing quote of a field (${JSON.stringify(field.slice(0, 20))} then ${JSON.stringify(c)}): a quoted field ends at a comma or a line end`);
    } else if (c === '"') {
      if (!atStart) throw new CsvSyntaxError(line, 'a quote inside a field that does not start with one: quote the whole field and double the quotes in it ("Arben ""Beni"" Hoxha")');
      quoted = true;
      atStart = false;
    } else {
      field += c;
      atStart = false;
    }
    i++;
  }
  if (quoted) throw new CsvSyntaxError(rowLine, `CSV ends inside a quoted field (opened on or after line ${rowLine})`);
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
