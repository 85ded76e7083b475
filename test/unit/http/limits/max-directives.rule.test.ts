import { maxDirectivesRule } from '../../../../src/http/limits/max-directives.rule';
import { limitErrors } from './harness';

describe('maxDirectivesRule', () => {
  it('counts directives on the operation, fields, fragments and spreads', () => {
    const q = `query Q @a { persons @b { ...C @c ... on PersonConnection @d { totalCount @e } } } fragment C on PersonConnection @f { totalCount @g }`;
    expect(limitErrors(maxDirectivesRule(6), q)).toEqual([{ code: 'MSHT_TOO_MANY_DIRECTIVES', directives: 7, maxDirectives: 6, http: { status: 400 } }]);
    expect(limitErrors(maxDirectivesRule(7), q)).toEqual([]);
  });

  it('refuses hundreds of directives', () => {
    expect(limitErrors(maxDirectivesRule(50), `{ ${'expensive @include(if: true) { id } '.repeat(300)} }`)[0]).toMatchObject({ directives: 300 });
  });
});
