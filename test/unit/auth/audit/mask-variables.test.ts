import { parse } from 'graphql';

import { MASK, maskVariables, usagePaths } from '../../../../src/auth/audit/mask-variables';

describe('maskVariables', () => {
  it("masks a victim's personal data wherever it sits, keeping ids, enums and numbers", () => {
    const masked = maskVariables({
      input: {
        name: 'Maria Ionescu',
        aliases: ['Mariana', 'M. I.'],
        dateOfBirth: '2001-05-05',
        birthYear: 2001,
        gender: 'FEMALE',
        roles: ['VICTIM'],
        nationalities: ['RO'],
        provenance: { reportId: 'rep-123', gradeSource: 2, handling: 'H2', consent: true },
      },
      id: 'person-01J9Z',
      first: 50,
      after: 'WzEsInAtMSJd',
    });
    expect(masked).toEqual({
      input: {
        name: MASK,
        aliases: [MASK, MASK],
        dateOfBirth: MASK,
        birthYear: MASK,
        gender: 'FEMALE',
        roles: ['VICTIM'],
        nationalities: ['RO'],
        provenance: { reportId: 'rep-123', gradeSource: 2, handling: 'H2', consent: true },
      },
      id: 'person-01J9Z',
      first: 50,
      after: 'WzEsInAtMSJd',
    });
  });

  it('masks identifier values, free text, search terms and secrets by key', () => {
    expect(
      maskVariables({
        identifier: { kind: 'PHONE', value: '+447700900123' },
        passportNumber: 'X1234',
        note: 'seen at',
        q: 'Ionescu',
        searchText: 'Maria',
        token: 'abc',
        email: 'a@b.example',
        firstName: 'Ana',
      }),
    ).toEqual({ identifier: { kind: 'PHONE', value: MASK }, passportNumber: MASK, note: MASK, q: MASK, searchText: MASK, token: MASK, email: MASK, firstName: MASK });
  });

  it('masks other strings that are long or contain spaces, whatever their key', () => {
    expect(maskVariables({ code: 'VN', label: 'Maria Ionescu', blob: 'x'.repeat(40), when: '2024-01-01T00:00:00Z', nothing: null })).toEqual({
      code: 'VN',
      label: MASK,
      blob: MASK,
      when: '2024-01-01T00:00:00Z',
      nothing: null,
    });
  });

  it('never leaves a masked value visible in the JSON', () => {
    const text = JSON.stringify(maskVariables({ people: [{ person: { name: 'Maria Ionescu', alias: 'Mimi' } }], input: { nested: { deep: { fullName: 'Maria' } } } }));
    expect(text).not.toMatch(/Maria|Mimi|Ionescu/);
  });
});

describe('maskVariables with the request document: by where each variable is used', () => {
  const leak = `mutation M($n: String!, $d: String, $y: Int, $v: String!, $r: String) {
    upsertPerson(input: {name: $n, dateOfBirth: $d, birthYear: $y, roles: [VICTIM], provenance: {reportId: $r}}) { id }
    upsertIdentifier(input: {kind: Phone, value: $v, provenance: {reportId: $r}}) { id }
  }`;

  it('masks renamed scalar variables that feed a name, a date of birth, a birth year or an identifier value', () => {
    const vars = { n: 'Olena', d: '1991-07-08', y: 1991, v: '+447700900999', r: 'rep-1' };
    // By name alone all of it would be kept: this is the leak.
    expect(maskVariables(vars)).toEqual(vars);
    const masked = maskVariables(vars, leak);
    expect(masked).toEqual({ n: MASK, d: MASK, y: MASK, v: MASK, r: 'rep-1' });
    expect(JSON.stringify(masked)).not.toMatch(/Olena|1991|447700900999/);
  });

  it('takes the document parsed as well as text', () => {
    expect(maskVariables({ n: 'Olena' }, parse('mutation M($n: String!) { upsertPerson(input: {name: $n}) { id } }'))).toEqual({ n: MASK });
  });

  it('keeps ids that feed `id`, `ids` or `…Id`, page sizes, cursors and enums', () => {
    const doc = `query Q($p: ID!, $a: ID!, $b: ID!, $c: ID!, $k: Int, $cur: String, $role: Role) {
      person(id: $p) { id }
      many: people(ids: [$a, $b]) { id }
      linked(input: {personId: $c, role: $role}) { id }
      countries(first: $k, after: $cur) { nodes { id } }
    }`;
    const vars = { p: 'person 01J9Z with spaces', a: 'p-1', b: 'p-2', c: 'p-3', k: 50, cur: 'WzEsInAtMSJd', role: 'VICTIM' };
    expect(maskVariables(vars, doc)).toEqual(vars);
    // The same long id fed into a field that is not an id is masked: the key it flows into decides, not its name.
    expect(maskVariables({ id: 'person 01J9Z with spaces' }, 'query Q($id: String) { people(label: $id) { id } }')).toEqual({ id: MASK });
  });

  it('masks a variable used both as an id and as a name, and one used as an id and in a list of aliases', () => {
    expect(maskVariables({ x: 'p-1' }, 'mutation M($x: ID!) { person(id: $x) { id } upsertPerson(input: {name: $x}) { id } }')).toEqual({ x: MASK });
    expect(maskVariables({ x: 'p-1' }, 'mutation M($x: String!) { upsertPerson(input: {id: $x, aliases: ["a", $x]}) { id } }')).toEqual({ x: MASK });
  });

  it('masks a variable declared but never used, and one sent but not declared', () => {
    const doc = 'query Q($id: ID!, $unused: String, $count: Int) { person(id: $id) { id } }';
    expect(maskVariables({ id: 'p-1', unused: 'Olena', count: 3, extra: { name: 'x', first: 2 }, none: null }, doc)).toEqual({
      id: 'p-1',
      unused: MASK,
      count: MASK,
      extra: MASK,
      none: null,
    });
  });

  it('masks every variable when the document is unknown or does not parse', () => {
    expect(maskVariables({ id: 'p-1', n: 7 }, null)).toEqual({ id: MASK, n: MASK });
    expect(maskVariables({ id: 'p-1', n: 7 }, 'query Q($id: ID!) { person(id: $id) {')).toEqual({ id: MASK, n: MASK });
  });

  it('keeps the name rule: a variable whose own name is sensitive stays masked wherever it goes', () => {
    expect(maskVariables({ name: 'p-1', phone: 12 }, 'query Q($name: ID!, $phone: Int) { person(id: $name) { id } countries(first: $phone) { nodes { id } } }')).toEqual({
      name: MASK,
      phone: MASK,
    });
  });

  it('masks list variables and list items by the key of their list', () => {
    const doc = `mutation M($al: [String!]!, $nat: [String!]!, $one: String!, $ids: [ID!]!) {
      upsertPerson(input: {aliases: $al, nationalities: $nat, roles: [VICTIM]}) { id }
      other: upsertPerson(input: {aliases: ["x", $one]}) { id }
      people(ids: $ids) { id }
    }`;
    expect(maskVariables({ al: ['Lena', 'O.P.'], nat: ['UA'], one: 'Olenka', ids: ['p-1', 'p 2 long id'] }, doc)).toEqual({
      al: [MASK, MASK],
      nat: ['UA'],
      one: MASK,
      ids: ['p-1', 'p 2 long id'],
    });
  });

  it('masks through nested input objects, and keeps input-object variables masked by the keys inside them', () => {
    const doc = `mutation M($x: String!, $y: Int, $ref: ID!, $input: PersonInput!, $prov: ProvenanceInput) {
      a: upsertPerson(input: {contact: {phoneNumbers: [{digits: $x}]}, extra: {nested: {deep: {fullName: $x}}}}) { id }
      b: upsertPerson(input: {address: {houseNo: $y}, provenance: {reportId: $ref}}) { id }
      c: upsertPerson(input: $input) { id }
      d: upsertPerson(input: {provenance: $prov}) { id }
    }`;
    const input = { name: 'Maria Ionescu', dateOfBirth: '2001-05-05', roles: ['VICTIM'], nationalities: ['RO'], provenance: { reportId: 'rep-123', gradeSource: 2 } };
    expect(maskVariables({ x: 'Olena', y: 12, ref: 'rep-9', input, prov: { reportId: 'rep-7', note: 'seen' } }, doc)).toEqual({
      x: MASK,
      y: MASK,
      ref: 'rep-9',
      input: { name: MASK, dateOfBirth: MASK, roles: ['VICTIM'], nationalities: ['RO'], provenance: { reportId: 'rep-123', gradeSource: 2 } },
      prov: { reportId: 'rep-7', note: MASK },
    });
    // An input object used under a sensitive key is masked whole.
    expect(maskVariables({ o: { kind: 'PHONE', code: 'UA' } }, 'mutation M($o: In) { addNote(noteInput: $o) { id } }')).toEqual({ o: { kind: MASK, code: MASK } });
  });

  it('follows variables into nested field arguments, directives and fragments', () => {
    const doc = `query Q($id: ID!, $k: Int, $show: Boolean!, $s: String, $t: String, $f: Int) {
      person(id: $id) {
        identifiers(first: $k) @include(if: $show) { id }
        ...More
      }
    }
    fragment More on Person {
      links(filter: {label: $s}) { id }
      notes(filter: {text: $t}, first: $f) @skip(if: $show) { id }
    }`;
    expect(maskVariables({ id: 'p-1', k: 5, show: true, s: 'UA', t: 'Olena', f: 3 }, doc)).toEqual({ id: 'p-1', k: 5, show: true, s: 'UA', t: MASK, f: 3 });
    // Used only inside a fragment, as a name: masked.
    expect(maskVariables({ m: 'Olena' }, 'query Q($m: String) { ...F } fragment F on Query { people(filter: {name: $m}) { id } }')).toEqual({ m: MASK });
  });

  it('records every usage path of each variable', () => {
    const paths = usagePaths(parse('query Q($a: ID, $b: String) { x(id: $a, input: {list: [{name: $b}], id: $a}) @d(arg: {k: [$b]}) { y(z: $a) } }'));
    expect(Object.fromEntries(paths)).toEqual({
      a: [['id'], ['input', 'id'], ['z']],
      b: [['input', 'list', 'name'], ['arg', 'k']],
    });
  });
});
