import { parse } from 'graphql';

import { fragmentsOf } from '../../../../src/http/limits/fragment-walk';
import { maxDepthRule, selectionDepth } from '../../../../src/http/limits/max-depth.rule';
import { limitErrors } from './harness';

const depth = (q: string) => {
  const doc = parse(q);
  const op = doc.definitions.find((d) => d.kind === 'OperationDefinition')!;
  return selectionDepth((op as { selectionSet: Parameters<typeof selectionDepth>[0] }).selectionSet, fragmentsOf(doc));
};

describe('selectionDepth', () => {
  it('counts nested fields: { a } is 1, { a { b } } is 2', () => {
    expect(depth('{ person(id: 1) { id } }')).toBe(2);
    expect(depth('{ persons { nodes { groups { nodes { id } } } } }')).toBe(5);
  });

  it('follows fragment spreads and inline fragments', () => {
    expect(depth('{ persons { ...P } } fragment P on PersonConnection { nodes { ... on Person { groups { nodes { id } } } } }')).toBe(5);
  });

  it('does not count ofType inside introspection, but counts fields/type', () => {
    expect(depth('{ __schema { types { fields { type { ofType { ofType { ofType { ofType { name } } } } } } } } }')).toBe(5);
    expect(depth('{ __schema { types { fields { type { fields { type { name } } } } } } }')).toBe(7);
  });

  it('survives fragment cycles (the spec rules refuse them)', () => {
    expect(depth('{ persons { ...A } } fragment A on PersonConnection { nodes { id } ...B } fragment B on PersonConnection { ...A }')).toBe(3);
  });
});

describe('maxDepthRule', () => {
  it('reports MSHT_QUERY_TOO_DEEP with the depth and the limit', () => {
    const q = `{ persons { nodes { groups { nodes { members(first: 1) { nodes { groups { nodes { id } } } } } } } } }`;
    expect(limitErrors(maxDepthRule(8), q)).toEqual([{ code: 'MSHT_QUERY_TOO_DEEP', depth: 9, maxDepth: 8, http: { status: 400 } }]);
    expect(limitErrors(maxDepthRule(9), q)).toEqual([]);
  });

  it('checks a 20-level query in linear time through a fragment spread many times', () => {
    const frags = Array.from({ length: 20 }, (_, i) => `fragment F${i} on PersonConnection { nodes { groups { nodes { members(first: 1) { ...F${i + 1} ...F${i + 1} } } } } }`).join('\n');
    const q = `{ persons { ...F0 } } ${frags} fragment F20 on PersonConnection { totalCount }`;
    const started = Date.now();
    expect(limitErrors(maxDepthRule(12), q)[0]).toMatchObject({ code: 'MSHT_QUERY_TOO_DEEP', depth: 82 });
    // 2^20 expansions if fragments were re-walked; the memo makes it instant (a bound, not a benchmark).
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
