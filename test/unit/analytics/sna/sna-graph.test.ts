import { compiled, compileGraph } from '../../../../src/analytics/sna/sna-graph';
import { AppError } from '../../../../src/errors/app-error';

function neighbours(g: ReturnType<typeof compileGraph>, id: string, which: 'outAdj' | 'inAdj' = 'outAdj'): [string, number][] {
  const u = g.indexOf.get(id)!;
  const adj = g[which];
  const list: [string, number][] = [];
  for (let e = adj.offsets[u]; e < adj.offsets[u + 1]; e++) list.push([g.ids[adj.targets[e]], adj.weights[e]]);
  return list;
}

function failure(run: () => unknown): AppError {
  try {
    run();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe('compileGraph', () => {
  it('merges parallel edges (both directions when undirected) by summing weights and drops self-loops', () => {
    const g = compileGraph({
      nodes: ['a', 'b', 'c'],
      edges: [
        { source: 'a', target: 'b', weight: 2 },
        { source: 'b', target: 'a', weight: 0.5 },
        { source: 'c', target: 'c', weight: 9 },
        { source: 'c', target: 'a' },
      ],
      directed: false,
    });
    expect(g.edgeCount).toBe(2);
    expect(neighbours(g, 'a')).toEqual([
      ['b', 2.5],
      ['c', 1],
    ]);
    expect(neighbours(g, 'c')).toEqual([['a', 1]]);
    expect(g.inAdj).toBe(g.outAdj);
  });

  it('keeps both directions apart when directed, with successors and predecessors', () => {
    const g = compileGraph({
      nodes: ['a', 'b', 'c'],
      edges: [
        { source: 'a', target: 'b', weight: 2 },
        { source: 'b', target: 'a', weight: 3 },
        { source: 'a', target: 'b', weight: 1 },
        { source: 'c', target: 'b' },
      ],
      directed: true,
    });
    expect(g.edgeCount).toBe(3);
    expect(neighbours(g, 'a')).toEqual([['b', 3]]);
    expect(neighbours(g, 'b', 'inAdj')).toEqual([
      ['a', 3],
      ['c', 1],
    ]);
  });

  it('lists neighbours in the order their edges first appear (networkx adjacency order)', () => {
    const g = compileGraph({
      nodes: ['x', 'a', 'b', 'c'],
      edges: [
        { source: 'c', target: 'x' },
        { source: 'x', target: 'a' },
        { source: 'b', target: 'x' },
        { source: 'x', target: 'c' },
      ],
      directed: false,
    });
    expect(neighbours(g, 'x').map(([id]) => id)).toEqual(['c', 'a', 'b']);
  });

  it('rejects unknown endpoints, repeated ids and weights that are not positive numbers', () => {
    const nodes = ['a', 'b'];
    const unknown = failure(() => compileGraph({ nodes, edges: [{ source: 'a', target: 'z' }], directed: false }));
    expect(unknown.code).toBe('BAD_USER_INPUT');
    expect(unknown.extensions.field).toBe('graph.edges');
    expect(unknown.message).toMatch(/unknown node "z"/);
    expect(failure(() => compileGraph({ nodes: ['a', 'a'], edges: [], directed: false })).extensions.field).toBe('graph.nodes');
    for (const weight of [0, -1, Number.NaN, Infinity]) {
      expect(failure(() => compileGraph({ nodes, edges: [{ source: 'a', target: 'b', weight }], directed: false })).message).toMatch(/positive and finite/);
    }
  });

  it('hands a compiled graph back as it is', () => {
    const g = compileGraph({ nodes: ['a'], edges: [], directed: false });
    expect(compiled(g)).toBe(g);
  });
});
