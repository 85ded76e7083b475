import { brokerageRoles } from '../../../../src/analytics/sna/brokerage';
import type { SnaGraph } from '../../../../src/analytics/sna/sna-graph';
import { pairs } from '../../../fixtures/sna/small-graphs';

// Worked by hand from Gould and Fernandez's definitions. Groups: A, B, C in x; D, E in y; F in z.
// B's two-paths (in-neighbours A, D; out-neighbours C, E, F):
//   A->B->C  x x x  coordinator
//   A->B->E  x x y  representative
//   A->B->F  closed by A->F, not brokered
//   D->B->C  y x x  gatekeeper
//   D->B->E  y x y  itinerant
//   D->B->F  y x z  liaison
// E: B->E->D (B->D absent)  x y y  gatekeeper.   D: E->D->B (E->B absent)  y y x  representative.
const ROLES: SnaGraph = { nodes: ['A', 'B', 'C', 'D', 'E', 'F'], edges: pairs(['AB', 'BC', 'DB', 'BE', 'BF', 'AF', 'ED']), directed: true };
const GROUPS = { A: 'x', B: 'x', C: 'x', D: 'y', E: 'y', F: 'z' };

describe('brokerageRoles', () => {
  it('counts each brokered two-path under the role its groups give the broker', () => {
    const { nodes } = brokerageRoles(ROLES, GROUPS);
    const byId = Object.fromEntries(nodes.map(({ id, ...counts }) => [id, counts]));
    expect(byId.B).toEqual({ group: 'x', coordinator: 1, itinerant: 1, gatekeeper: 1, representative: 1, liaison: 1, total: 5 });
    expect(byId.E).toEqual({ group: 'y', coordinator: 0, itinerant: 0, gatekeeper: 1, representative: 0, liaison: 0, total: 1 });
    expect(byId.D).toEqual({ group: 'y', coordinator: 0, itinerant: 0, gatekeeper: 0, representative: 1, liaison: 0, total: 1 });
    for (const id of ['A', 'C', 'F']) expect(byId[id].total).toBe(0);
  });

  it('ranks nodes by each role and by the total', () => {
    const { rankings } = brokerageRoles(ROLES, new Map(Object.entries(GROUPS)));
    expect(rankings.total.top(3).map((e) => [e.id, e.value])).toEqual([
      ['B', 5],
      ['D', 1],
      ['E', 1],
    ]);
    expect(rankings.gatekeeper.top(2).map((e) => e.id)).toEqual(['B', 'E']);
    expect(rankings.liaison.get('B')).toEqual({ id: 'B', value: 1, rank: 1 });
  });

  it('reads an undirected tie both ways, so a-b-c counts from each end, and a triangle brokers nothing', () => {
    const path: SnaGraph = { nodes: ['a', 'b', 'c'], edges: pairs(['ab', 'bc']), directed: false };
    const node = brokerageRoles(path, { a: 'x', b: 'y', c: 'x' }).nodes.find((c) => c.id === 'b')!;
    expect(node.itinerant).toBe(2);
    expect(node.total).toBe(2);
    const triangle: SnaGraph = { nodes: ['a', 'b', 'c'], edges: pairs(['ab', 'bc', 'ca']), directed: false };
    expect(brokerageRoles(triangle, { a: 'x', b: 'y', c: 'z' }).nodes.every((c) => c.total === 0)).toBe(true);
  });

  it('needs a group for every node', () => {
    expect(() => brokerageRoles(ROLES, { A: 'x' })).toThrow(/node "B" has no group/);
    // A record's inherited keys are not groups.
    expect(() => brokerageRoles({ nodes: ['constructor'], edges: [], directed: true }, {})).toThrow(/no group/);
  });
});
