import { Kind, parse, type OperationDefinitionNode } from 'graphql';

import type { QueryLimits } from '../../../../src/config/config';
import { fragmentsOf } from '../../../../src/http/limits/fragment-walk';
import * as costModule from '../../../../src/http/limits/operation-cost';
import { operationCost } from '../../../../src/http/limits/operation-cost';
import { checkOperationCost, memoisedCostCheck } from '../../../../src/http/limits/query-limits';
import { schema } from './harness';

function cost(query: string, variables: Record<string, unknown> = {}, defaultListSize = 10): number {
  const doc = parse(query);
  const op = doc.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  return operationCost(schema, op, fragmentsOf(doc), variables, { defaultListSize });
}

describe('operationCost', () => {
  it('charges 1 per object field and 0 per scalar', () => {
    expect(cost('{ person(id: 1) { id name } }')).toBe(1);
    expect(cost('{ __typename }')).toBe(0);
  });

  it('multiplies a list by its size argument, or hands a connection size to edges/nodes', () => {
    expect(cost('{ keyPlayers(limit: 20) { id } }')).toBe(20);
    expect(cost('{ persons(first: 100) { totalCount nodes { id } } }')).toBe(1 + 100);
    expect(cost('{ persons(first: 100) { edges { node { id } } } }')).toBe(1 + 100 * 2);
    // Argument default (50) when the query leaves `first` out.
    expect(cost('{ persons { nodes { id } } }')).toBe(1 + 50);
  });

  it('uses the default list size for lists without a size, and the ids list length', () => {
    expect(cost('{ person(id: 1) { phones { number } } }')).toBe(1 + 10);
    expect(cost('{ person(id: 1) { phones { number } } }', {}, 3)).toBe(1 + 3);
    expect(cost('{ nodes(ids: [1, 2, 3]) { id } }')).toBe(3);
  });

  it('multiplies nested lists: pages of 1000 inside pages of 1000 explode', () => {
    const q = 'query($n: Int) { persons(first: $n) { nodes { groups(first: $n) { nodes { members(first: $n) { nodes { id } } } } } } }';
    expect(cost(q, { n: 10 })).toBe(1 + 10 * (1 + 1 + 10 * (1 + 1 + 10)));
    expect(cost(q, { n: 1000 })).toBeGreaterThan(1e9);
  });

  it('reads sizes from variables and honours @skip/@include', () => {
    expect(cost('query($n: Int) { keyPlayers(limit: $n) { id } }', { n: 7 })).toBe(7);
    expect(cost('query($s: Boolean!) { keyPlayers(limit: 9) @skip(if: $s) { id } }', { s: true })).toBe(0);
    expect(cost('query($s: Boolean!) { keyPlayers(limit: 9) @include(if: $s) { id } }', { s: true })).toBe(9);
  });

  it('takes the dearest branch of type conditions, not their sum', () => {
    const q = '{ nodes(ids: [1]) { id ... on Person { phones { id } } ... on Group { members(first: 40) { nodes { id } } } } }';
    expect(cost(q)).toBe(1 * (1 + Math.max(10, 1 + 40)));
  });

  it('uses a declared per-field cost', () => {
    expect(cost('{ expensive { id } }')).toBe(100);
    expect(cost('{ a: expensive { id } b: expensive { id } }')).toBe(200);
  });

  it('follows fragments (each computed once)', () => {
    expect(cost('{ persons(first: 5) { ...N } } fragment N on PersonConnection { nodes { phones { id } } }')).toBe(1 + 5 * (1 + 10));
  });
});

describe('checkOperationCost', () => {
  const limits: QueryLimits = { maxDepth: 12, maxAliases: 50, maxDirectives: 50, maxTokens: 10000, maxCost: 1000, defaultListSize: 10 };
  it('throws MSHT_QUERY_TOO_COMPLEX with the cost, as an HTTP 400', () => {
    const doc = parse('query($n: Int) { persons(first: $n) { nodes { phones { id } } } }');
    const op = doc.definitions[0] as OperationDefinitionNode;
    expect(checkOperationCost(schema, doc, op, { n: 10 }, limits)).toBe(111);
    try {
      checkOperationCost(schema, doc, op, { n: 1000 }, limits);
      throw new Error('expected a refusal');
    } catch (e) {
      expect((e as { extensions: unknown }).extensions).toEqual({ code: 'MSHT_QUERY_TOO_COMPLEX', cost: 11001, maxCost: 1000, http: { status: 400 } });
    }
  });
});

describe('memoisedCostCheck', () => {
  const limits: QueryLimits = { maxDepth: 12, maxAliases: 50, maxDirectives: 50, maxTokens: 10000, maxCost: 1000, defaultListSize: 10 };
  const doc = parse(`query($n: Int, $m: Int = 5, $ids: [String!]!, $name: String, $deep: Boolean!) {
    persons(first: $n, filter: { name: $name }) { nodes { id phones { id } } }
    nodes(ids: $ids) { id }
    again: persons(first: $m) { nodes { ...Deep } }
  }
  fragment Deep on Person { phones @include(if: $deep) { id } }`);
  const op = doc.definitions[0] as OperationDefinitionNode;
  afterEach(() => jest.restoreAllMocks());

  it('answers as checkOperationCost does, estimating once per value of the variables the cost reads', () => {
    const spy = jest.spyOn(costModule, 'operationCost');
    const check = memoisedCostCheck(limits);
    const requests: Record<string, unknown>[] = [
      { n: 10, ids: ['a', 'b'], name: 'x', deep: true },
      { n: 10, ids: ['c', 'd'], name: 'y', deep: true },
      { n: 20, ids: ['c', 'd'], name: 'y', deep: true },
      { n: 20, ids: ['c'], name: 'y', deep: true },
      { n: 20, ids: ['c'], name: 'y', deep: false },
      { n: 20, m: 7, ids: ['c'], deep: false },
      { n: 20, m: null, ids: ['c'], deep: false },
    ];
    for (const v of requests) expect(check(schema, doc, op, v)).toBe(checkOperationCost(schema, doc, op, v, limits));
    // 7 requests checked directly, and 6 estimates by the memo: the second request differs only in
    // an id list of the same length and a name, which the cost does not read.
    expect(spy).toHaveBeenCalledTimes(7 + 6);
  });

  it('refuses every time, never remembering a refusal as a cost', () => {
    const check = memoisedCostCheck(limits);
    const v = { n: 1000, ids: [], deep: true };
    for (let i = 0; i < 2; i++) expect(() => check(schema, doc, op, v)).toThrow(/estimated cost/);
  });
});
