import type { RelatedArgs, RelatedSpec } from '../../../src/graph/queries/related.query';
import { kindOf } from '../../../src/loaders/related.loader';

describe('kindOf (what makes two relationship loads one branch)', () => {
  const spec: RelatedSpec = { type: 'MEMBER_OF', direction: 'OUT', targets: ['OrganisedCrimeGroup'] };
  const args: RelatedArgs = { first: 10, withCount: true, nodeKeys: ['id', 'name'], relKeys: ['role'] };

  it('is the same for equal specs and arguments held in different objects, and again for the same objects', () => {
    const copy = (): [RelatedSpec, RelatedArgs] => [{ ...spec, targets: [...spec.targets!] }, { ...args, nodeKeys: [...args.nodeKeys!], relKeys: [...args.relKeys!] }];
    expect(kindOf(...copy())).toBe(kindOf(spec, args));
    expect(kindOf(spec, args)).toBe(kindOf(spec, args));
    expect(kindOf(spec, { ...args, edgeFilter: { role: ['LEADER'] } })).toBe(kindOf(spec, { ...args, edgeFilter: { role: ['LEADER'] } }));
  });

  it('differs when anything the branch is built from differs', () => {
    const variants: [RelatedSpec, RelatedArgs][] = [
      [{ ...spec, type: 'HAS_IDENTIFIER' }, args],
      [{ ...spec, direction: 'IN' }, args],
      [{ ...spec, targets: ['Person'] }, args],
      [{ type: spec.type, direction: spec.direction }, args],
      [spec, { ...args, first: 11 }],
      [spec, { ...args, after: 'k' }],
      [spec, { ...args, withCount: false }],
      [spec, { ...args, edgeFilter: { role: ['LEADER'] } }],
      [spec, { ...args, nodeKeys: ['id'] }],
      [spec, { ...args, nodeKeys: null }],
      [spec, { ...args, relKeys: [] }],
      [spec, { ...args, relKeys: null }],
      [spec, { ...args, linkIdentity: false }],
    ];
    const kinds = new Set([kindOf(spec, args), ...variants.map(([s, a]) => kindOf(s, a))]);
    expect(kinds.size).toBe(variants.length + 1);
  });

  it('takes an absent link identity as asked for (the default carries it)', () => {
    expect(kindOf(spec, { ...args, linkIdentity: true })).toBe(kindOf(spec, args));
  });
});
