import neo4j from 'neo4j-driver';

import { toPlain } from '../../../src/graph/records';

describe('toPlain', () => {
  it('turns driver values into plain JS inside maps and lists, converting those in place', () => {
    const when = new neo4j.types.DateTime(2026, 11, 28, 23, 11, 0, 0, 0);
    const node = new neo4j.types.Node(neo4j.int(1), ['Person', 'Entity'], { id: 'per-1', born: new neo4j.types.Date(1990, 1, 2) }, '4:x:1');
    const inner = { n: neo4j.int(42), missing: undefined as unknown, tags: ['a', neo4j.int(7)] };
    const row = { count: neo4j.int(3), at: when, person: node, inner, list: [inner, null] };

    const plain = toPlain(row) as Record<string, unknown>;

    expect(plain).toBe(row);
    expect(plain.inner).toBe(inner);
    expect(plain).toEqual({
      count: 3,
      at: new Date('2026-11-28T23:11:00Z'),
      person: { labels: ['Person', 'Entity'], id: 'per-1', born: '1990-01-02' },
      inner: { n: 42, missing: null, tags: ['a', 7] },
      list: [{ n: 42, missing: null, tags: ['a', 7] }, null],
    });
  });

  it('leaves scalars and JS dates as they are', () => {
    const d = new Date();
    expect(toPlain('x')).toBe('x');
    expect(toPlain(1.5)).toBe(1.5);
    expect(toPlain(undefined)).toBeNull();
    expect(toPlain(d)).toBe(d);
  });
});
