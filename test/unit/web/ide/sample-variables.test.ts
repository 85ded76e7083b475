import type { ExampleOperation } from '../../../../src/http/workbench/page-config';
import { exampleVariables, samplesFrom } from '../../../../web/ide/sample-variables';

const op = (variables: ExampleOperation['variables'], exampleVariables?: Record<string, unknown>): ExampleOperation => ({
  name: 'Op',
  kind: 'query',
  file: 'x.graphql',
  description: '',
  document: 'query Op { x }',
  variables,
  exampleVariables,
});

const samples = samplesFrom({
  organisedCrimeGroups: {
    nodes: [
      { id: 'ocg-1', name: 'A', members: { nodes: [{ id: 'per-1' }] } },
      { id: 'ocg-2', name: 'B', members: { nodes: [] } },
    ],
  },
  phones: {
    nodes: [
      { value: '+441', holders: { totalCount: 1 } },
      { value: '+442', holders: { totalCount: 3 } },
    ],
  },
  operations: { nodes: [{ id: 'op-1' }] },
});

describe('exampleVariables', () => {
  it('fills required variables from the graph: the busiest phone, two groups, an operation', () => {
    expect(samples.phone).toBe('+442');
    expect(
      exampleVariables(
        op([
          { name: 'phone', type: 'String!', required: true },
          { name: 'from', type: 'ID!', required: true },
          { name: 'to', type: 'ID!', required: true },
          { name: 'ids', type: '[ID!]!', required: true },
          { name: 'operationId', type: 'ID!', required: true },
          { name: 'personId', type: 'ID!', required: true },
        ]),
        samples,
      ),
    ).toEqual({ phone: '+442', from: 'ocg-1', to: 'ocg-2', ids: ['ocg-1', 'ocg-2'], operationId: 'op-1', personId: 'per-1' });
  });

  it('reads from and to as a date range when they are strings, and a month as the last one', () => {
    const today = new Date('2024-03-15T12:00:00Z');
    const vars = exampleVariables(
      op([
        { name: 'from', type: 'String!', required: true },
        { name: 'to', type: 'String!', required: true },
        { name: 'month', type: 'String!', required: true },
      ]),
      samples,
      today,
    );
    expect(vars).toEqual({ from: '2019-01-01', to: '2024-03-15', month: '2024-02' });
    expect(exampleVariables(op([{ name: 'a', type: 'ID!', required: true }, { name: 'b', type: 'ID!', required: true }]), samples)).toEqual({ a: 'ocg-1', b: 'ocg-2' });
  });

  it('leaves optional variables to their defaults and gives null where the graph has no sample', () => {
    expect(
      exampleVariables(
        op([
          { name: 'depth', type: 'Int', required: false },
          { name: 'routeId', type: 'ID!', required: true },
        ]),
        samples,
      ),
    ).toEqual({ routeId: null });
  });

  it('prefers the operation file’s own example variables', () => {
    expect(exampleVariables(op([{ name: 'phone', type: 'String!', required: true }], { phone: '+447700900001' }), samples)).toEqual({ phone: '+447700900001' });
  });

  it('works without samples (no token yet)', () => {
    expect(exampleVariables(op([{ name: 'from', type: 'ID!', required: true }]), undefined)).toEqual({ from: null });
  });
});

describe('samplesFrom with withheld values', () => {
  it('never picks a phone whose value was withheld (a victim holds it)', () => {
    const s = samplesFrom({ phones: { nodes: [{ value: null, holders: { totalCount: 5 } }, { value: '+447700900001', holders: { totalCount: 2 } }] } });
    expect(s.phone).toBe('+447700900001');
  });
});
