import { print } from 'graphql';

import { PersonListDocument } from '../../../src/sdk/generated';
import { TEST_PROVENANCE } from '../../support/bulk';
import { resetGraph } from '../../support/reset-graph';
import { startTestService, type TestService } from '../../support/test-service';

describe('no N+1: relationship fields batch through per-request loaders', () => {
  let svc: TestService;

  beforeAll(async () => {
    svc = await startTestService();
    await resetGraph(svc.graph);
    // 120 people, 12 groups, a phone each, two nationalities each.
    await svc.graph.write({
      cypher: `UNWIND range(0, 119) AS i
CREATE (p:Person:Entity:Offender {id: 'per-b' + toString(1000 + i), name: 'Batch ' + toString(i)})
SET p += $prov, p.recordedAt = datetime()
MERGE (g:OrganisedCrimeGroup:Entity {id: 'ocg-b' + toString(i % 12)})
ON CREATE SET g += $prov, g.recordedAt = datetime(), g.name = 'Group ' + toString(i % 12)
CREATE (p)-[m:MEMBER_OF {role: 'MEMBER'}]->(g) SET m += $prov, m.recordedAt = datetime()
CREATE (ph:Phone:Identifier:Entity {id: 'phone-b' + toString(i), value: '+4477009' + toString(10000 + i)})
SET ph += $prov, ph.recordedAt = datetime()
CREATE (p)-[h:HAS_IDENTIFIER]->(ph) SET h += $prov, h.recordedAt = datetime()
WITH p
MATCH (c:Country) WHERE c.code IN ['RO', 'VN']
CREATE (p)-[n:NATIONAL_OF]->(c) SET n += $prov, n.recordedAt = datetime()`,
      params: { prov: TEST_PROVENANCE },
    });
  });
  afterAll(() => svc.close());

  it('lists 100 people with groups, identifiers and nationalities in a handful of Cypher queries', async () => {
    const client = await svc.client({ roles: ['ANALYST'], clearance: 'H1' });
    const res = await client.rawRequest<{ persons: { totalCount: number; nodes: { groups: { edges: unknown[] }; identifiers: { edges: unknown[] }; nationalities: unknown[] }[] } }>(
      print(PersonListDocument),
      { first: 100 },
    );
    const people = res.data.persons.nodes;
    expect(people).toHaveLength(100);
    expect(res.data.persons.totalCount).toBe(120);
    expect(people.every((p) => p.groups.edges.length === 1 && p.identifiers.edges.length === 1 && p.nationalities.length === 2)).toBe(true);
    // list + count + groups + identifiers + nationalities: one query per relationship, not per person.
    const queries = Number(res.headers.get('x-cypher-queries'));
    expect(queries).toBeLessThanOrEqual(5);
  });

  it('costs the same number of queries for 10 people as for 100', async () => {
    const client = await svc.client({ roles: ['ANALYST'], clearance: 'H1' });
    const small = await client.rawRequest(print(PersonListDocument), { first: 10 });
    const large = await client.rawRequest(print(PersonListDocument), { first: 100 });
    expect(small.headers.get('x-cypher-queries')).toBe(large.headers.get('x-cypher-queries'));
  });
});
