import fs from 'node:fs';
import path from 'node:path';

import { VARIABLES } from '../../../src/config/variables';
import { ERROR_CODES } from '../../../src/errors/codes';

// The README's tables are documentation users rely on: keep them in step with the code
// (as fastify's errors test does for Errors.md).
const readme = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'README.md'), 'utf8');

function tableRows(heading: string): Map<string, string[]> {
  const section = readme.split(`## ${heading}\n`)[1]!.split('\n## ')[0]!;
  const rows = new Map<string, string[]>();
  for (const line of section.split('\n')) {
    const m = /^\| `([A-Z0-9_]+)` \| (.*) \|$/.exec(line);
    if (m) rows.set(m[1]!, m[2]!.split(' | '));
  }
  return rows;
}

describe('README', () => {
  it('opens with the two commands', () => {
    expect(readme).toMatch(/```sh\nnpm install && npm start .*\nnpm install && npm test /);
  });

  it('documents every environment variable with its default and meaning', () => {
    const rows = tableRows('Configuration');
    expect([...rows.keys()].sort()).toEqual(Object.keys(VARIABLES).sort());
    for (const [name, spec] of Object.entries(VARIABLES) as [string, { default?: string; doc: string }][]) {
      const [def, doc] = rows.get(name)!;
      expect(def).toBe(spec.default === undefined ? '(unset)' : spec.default === '' ? '(empty)' : `\`${spec.default}\``);
      expect(doc).toBe(spec.doc);
    }
  });

  it('documents every error code with its status and meaning', () => {
    const rows = tableRows('Error codes');
    expect([...rows.keys()].sort()).toEqual(Object.keys(ERROR_CODES).sort());
    for (const [code, spec] of Object.entries(ERROR_CODES)) expect(rows.get(code)).toEqual([spec.status, spec.doc]);
  });
});
