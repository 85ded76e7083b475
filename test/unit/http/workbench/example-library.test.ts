import fs from 'node:fs';
import path from 'node:path';

import { buildSchema, Kind, parse, validate, type OperationDefinitionNode } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';

import { buildExampleLibrary, loadExampleLibrary } from '../../../../src/http/workbench/example-library';

const FRAGMENT = `fragment Ids on Subgraph {
  nodes {
    id
  }
}
`;

describe('buildExampleLibrary', () => {
  it('finds the question an operation answers in its leading comment, continuation lines included', () => {
    const lib = buildExampleLibrary([
      {
        file: 'a.graphql',
        text: `${FRAGMENT}
# Analyst question 8: businesses that share an address
# but sit in no operation yet.
query Untargeted {
  x
}

# Analyst question 2, for a set: how are these connected?
query Connect($ids: [ID!]!, $maxHops: Int = 6) {
  n(ids: $ids) {
    ...Ids
  }
}

query Plain($id: ID!) {
  y(id: $id)
}
`,
      },
    ]);
    const byName = new Map(lib.operations.map((o) => [o.name, o]));
    expect(byName.get('Untargeted')).toMatchObject({ question: 8, description: 'Analyst question 8: businesses that share an address but sit in no operation yet.' });
    expect(byName.get('Connect')).toMatchObject({ question: 2, variables: [{ name: 'ids', type: '[ID!]!', required: true }, { name: 'maxHops', type: 'Int', required: false }] });
    expect(byName.get('Plain')!.question).toBeUndefined();
    // Questions first, in order; then the rest.
    expect(lib.operations.map((o) => o.name)).toEqual(['Connect', 'Untargeted', 'Plain']);
  });

  it('lists every question of the domain note, with nothing where no operation answers it yet', () => {
    const lib = buildExampleLibrary([{ file: 'a.graphql', text: '# Analyst question 1: a phone\nquery P { x }\n' }]);
    expect(lib.questions.map((q) => q.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(lib.questions[0]).toMatchObject({ operations: ['P'] });
    expect(lib.questions.slice(1).every((q) => q.operations.length === 0)).toBe(true);
    expect(lib.questions[2]!.text).toMatch(/key players/);
  });

  it('makes each document runnable on its own: the comment, the operation and the fragments it spreads, from any file', () => {
    const lib = buildExampleLibrary([
      { file: 'fragments.graphql', text: FRAGMENT },
      { file: 'q.graphql', text: '# Analyst question 3: who holds it together\nquery K { n { ...Ids } }\n' },
    ]);
    const doc = lib.operations[0]!.document;
    expect(doc.startsWith('# Analyst question 3: who holds it together\nquery K')).toBe(true);
    expect(doc).toContain('fragment Ids on Subgraph');
    expect(() => parse(doc)).not.toThrow();
  });

  it('reads example variables from a comment line and keeps them out of the description', () => {
    const lib = buildExampleLibrary([{ file: 'a.graphql', text: '# Routes into the UK.\n# Example variables: {"origin": "VN"}\nquery R($origin: String!) { r(o: $origin) }\n' }]);
    expect(lib.operations[0]).toMatchObject({ description: 'Routes into the UK.', exampleVariables: { origin: 'VN' } });
  });

  it('reports a file that does not parse and keeps the others', () => {
    const lib = buildExampleLibrary([
      { file: 'broken.graphql', text: 'query {' },
      { file: 'ok.graphql', text: 'query Ok { x }' },
    ]);
    expect(lib.problems).toEqual([expect.stringMatching(/^broken\.graphql: Syntax Error/)]);
    expect(lib.operations.map((o) => o.name)).toEqual(['Ok']);
  });
});

describe('loadExampleLibrary', () => {
  const schema = buildSchema(fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'schema', 'schema.graphql'), 'utf8'));
  const lib = loadExampleLibrary();

  it('reads the project operations: questions 1, 2, 8 and 9 are answered', () => {
    expect(lib.problems).toEqual([]);
    const answered = Object.fromEntries(lib.questions.filter((q) => q.operations.length).map((q) => [q.number, q.operations]));
    expect(answered[1]).toContain('PhoneNetwork');
    expect(answered[2]).toEqual(expect.arrayContaining(['ShortestChains', 'ConnectingNetwork']));
    expect(answered[8]).toContain('UntargetedLinkedBusinesses');
    expect(answered[9]).toContain('DuplicateCandidates');
  });

  it('gives documents that validate against the schema', () => {
    for (const op of lib.operations) expect([op.name, validate(schema, parse(op.document))]).toEqual([op.name, []]);
  });

  it('gives example variables that the operation accepts (the audit trail lists its exports)', () => {
    const withExamples = lib.operations.filter((op) => op.exampleVariables);
    expect(withExamples.map((op) => op.name)).toContain('AuditEvents');
    for (const op of withExamples) {
      const definition = parse(op.document).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
      const coerced = getVariableValues(schema, definition.variableDefinitions ?? [], op.exampleVariables!);
      expect([op.name, coerced.errors ?? []]).toEqual([op.name, []]);
    }
  });
});
