import { maxAliasesRule } from '../../../../src/http/limits/max-aliases.rule';
import { limitErrors } from './harness';

describe('maxAliasesRule', () => {
  it('counts aliases and refuses past the limit with MSHT_TOO_MANY_ALIASES', () => {
    const q = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `p${i}: person(id: ${i}) { id }`).join(' ')} }`;
    expect(limitErrors(maxAliasesRule(50), q(50))).toEqual([]);
    expect(limitErrors(maxAliasesRule(50), q(500))).toEqual([{ code: 'MSHT_TOO_MANY_ALIASES', aliases: 500, maxAliases: 50, http: { status: 400 } }]);
  });

  it("counts a fragment's aliases once per spread, nested spreads multiplied", () => {
    const q = `{ a: persons { ...C } b: persons { ...C } }
      fragment C on PersonConnection { nodes { ...P ...P } }
      fragment P on Person { x: id y: name }`;
    // 2 top-level + 2 spreads of C x 2 spreads of P x 2 aliases.
    expect(limitErrors(maxAliasesRule(9), q)[0]).toMatchObject({ aliases: 10 });
  });
});
