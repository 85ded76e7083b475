/**
 * Splits a Cypher script into statements, as cypher-shell does: at each `;` that is outside a
 * string ('...' or "...", with backslash escapes), a back-quoted name and a comment (// to the
 * end of the line, or /* ... *\/). Comments are dropped; each statement is trimmed and given
 * without its `;`; empty ones are left out. For partners who run an export script through a
 * driver, one statement per transaction.
 */
export function splitCypherScript(text: string): string[] {
  const statements: string[] = [];
  let current = '';
  let i = 0;
  const flush = () => {
    const s = current.trim();
    if (s !== '') statements.push(s);
    current = '';
  };
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end + 1;
      current += '\n';
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 2;
      current += ' ';
    } else if (c === "'" || c === '"') {
      const start = i++;
      while (i < text.length && text[i] !== c) i += text[i] === '\\' ? 2 : 1;
      current += text.slice(start, ++i);
    } else if (c === '`') {
      const start = i++;
      // a back-quote inside a name is written doubled
      while (i < text.length && !(text[i] === '`' && text[i + 1] !== '`')) i += text[i] === '`' ? 2 : 1;
      current += text.slice(start, ++i);
    } else if (c === ';') {
      flush();
      i++;
    } else {
      current += c;
      i++;
    }
  }
  flush();
  return statements;
}
