import { isObjectType, type GraphQLSchema } from 'graphql';

import { buildGraphQLSchema } from '../../../src/graphql/schema';

describe('the built schema', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildGraphQLSchema();
  });

  const field = (type: string, name: string) => {
    const t = schema.getType(type);
    if (!isObjectType(t)) throw new Error(`${type} is not an object type`);
    const f = t.getFields()[name];
    if (!f) throw new Error(`${type}.${name} does not exist`);
    return f;
  };

  it('leaves plain fields to the default resolver, so a compiled query reads them inline', () => {
    for (const [type, name] of [
      ['Person', 'id'],
      ['Person', 'name'],
      ['Person', 'gender'],
      ['PageInfo', 'hasNextPage'],
      ['PersonEdge', 'cursor'],
      ['Country', 'code'],
      ['MembershipEdge', 'role'],
    ] as const) {
      expect([type, name, field(type, name).resolve]).toEqual([type, name, undefined]);
    }
  });

  it('keeps a resolver on every field resolver, and on a connection total that may be a promise', () => {
    for (const [type, name] of [
      ['Person', 'displayName'],
      ['Person', 'groups'],
      ['Person', 'nationalities'],
      ['OrganisedCrimeGroup', 'members'],
      ['Query', 'persons'],
      ['PersonConnection', 'totalCount'],
    ] as const) {
      expect([type, name, typeof field(type, name).resolve]).toEqual([type, name, 'function']);
    }
  });
});
