import { groupFilter, personFilter } from '../../../../src/graph/queries/filters/entity.filters';
import { listQuery, countQuery, pageWithCountQuery, SORT_BY_ID } from '../../../../src/graph/queries/list.query';
import { duplicateCandidatesQuery } from '../../../../src/graph/queries/network/duplicates.query';
import { neighbourhoodQuery } from '../../../../src/graph/queries/network/neighbourhood.query';
import { nodesByIdsQuery } from '../../../../src/graph/queries/node.query';
import { ParamBag } from '../../../../src/graph/queries/params';
import { projectNode, projectRel } from '../../../../src/graph/queries/projection';
import { relatedBatchQuery, relatedQuery } from '../../../../src/graph/queries/related.query';
import { searchQuery } from '../../../../src/graph/queries/search.query';

// Snapshots of the Cypher our builders emit: reviewers read these diffs like query files.
describe('query builders', () => {
  it('nodesByIdsQuery checks visibility and takes labels from the registry', () => {
    expect(nodesByIdsQuery(['per-1', 'per-2'], ['Person'])).toMatchSnapshot();
  });

  it('listQuery pages by keyset on id, never by SKIP', () => {
    const q = listQuery({ label: 'Person', where: [], bag: new ParamBag(), sort: SORT_BY_ID, first: 50, after: { key: 'per-1', id: 'per-1' } });
    expect(q.cypher).not.toMatch(/SKIP/);
    expect(q.cypher).toContain('n.id > $p0');
    expect(q).toMatchSnapshot();
  });

  it('listQuery pages by (sort key, id) for other sorts', () => {
    const q = listQuery({ label: 'Person', where: [], bag: new ParamBag(), sort: { expr: "coalesce(n.name, '')", direction: 'DESC' }, first: 10, after: { key: 'M', id: 'per-9' } });
    expect(q).toMatchSnapshot();
  });

  it('countQuery counts in the database with the same visibility rule', () => {
    expect(countQuery({ label: 'Person', where: [], bag: new ParamBag() })).toMatchSnapshot();
  });

  it('relatedQuery batches many parents and filters every item by visibility', () => {
    const q = relatedQuery(['per-1', 'per-2'], { type: 'MEMBER_OF', direction: 'OUT', targets: ['OrganisedCrimeGroup'] }, { first: 10, withCount: true });
    expect(q.cypher).toContain('UNWIND $ids AS pid');
    expect(q).toMatchSnapshot();
  });

  it('pageWithCountQuery counts and pages in one round trip, the count ignoring the cursor', () => {
    const q = pageWithCountQuery({ label: 'Person', where: [], bag: new ParamBag(), sort: SORT_BY_ID, first: 100, after: { key: 'per-1', id: 'per-1' }, keys: ['name'] });
    const [count, page] = q.cypher.split('CALL () {').slice(1);
    expect(count).not.toContain('n.id > $p0');
    expect(page).toContain('n.id > $p0');
    expect(q).toMatchSnapshot();
  });

  it('pageWithCountQuery runs a filter once: the matches are sorted, counted and collected, the page is the head after the cursor', () => {
    const bag = new ParamBag();
    const gender = `n.gender IN ${bag.add(['MALE'])}`;
    const q = pageWithCountQuery({ label: 'Person', where: [gender], bag, sort: SORT_BY_ID, first: 100, after: { key: 'per-1', id: 'per-1' }, keys: ['name'] });
    expect(q.cypher.split(gender)).toHaveLength(2);
    expect(q.cypher).toContain('WITH n ORDER BY n.id ASC\n');
    // Every match is counted; only those past the cursor are collected, in order, and the page is their head.
    expect(q.cypher).toMatch(/WITH count\(n\) AS total, collect\(CASE WHEN n\.id > \$p\d+ THEN n END\)\[0\.\.toInteger\(\$p\d+\)\] AS pageNodes/);
    // The list of matches is never unwound into a sort: only the page is.
    expect(q.cypher.match(/UNWIND/g)).toHaveLength(2);
    expect(q.cypher).toContain('UNWIND pageNodes AS n');
    expect(q.cypher).toContain('WITH total, rows');
  });

  it('a joined filter goes into the MATCH, its conditions among the predicates, and every query keeps each node once', () => {
    const bag = new ParamBag();
    const filter = personFilter({ nationalities: ['VN', 'RO'], gender: ['MALE'] }, bag);
    expect(filter.joins).toEqual(['(n)-[__r:NATIONAL_OF]->(__c:Country)']);
    expect(filter.where[0]).toBe('(__r.handling IN $__handling AND __r.ukHandling IN $__ukHandling)');
    expect(filter.where.join(' ')).not.toContain('EXISTS');
    const spec = { label: 'Person' as const, ...filter, bag, sort: SORT_BY_ID, first: 100, keys: ['name'] };
    const head = 'MATCH (n:Person), (n)-[__r:NATIONAL_OF]->(__c:Country)\n';
    const counted = pageWithCountQuery(spec).cypher;
    expect(counted.startsWith(head)).toBe(true);
    expect(counted).toContain('WITH DISTINCT n ORDER BY n.id ASC');
    const listed = listQuery(spec).cypher;
    expect(listed.startsWith(head)).toBe(true);
    expect(listed).toContain('WITH DISTINCT n ORDER BY n.id ASC');
    const count = countQuery(spec).cypher;
    expect(count.startsWith(head)).toBe(true);
    expect(count).toContain('RETURN count(DISTINCT n) AS total');
    // Group roles alone are not joined (they can seed the list, below); with a group id they are.
    expect(personFilter({ groupRoles: ['LEADER'] }, new ParamBag()).joins).toEqual([]);
    expect(personFilter({ groupId: 'ocg-1', groupRoles: ['LEADER'] }, new ParamBag()).joins).toEqual(['(n)-[__m:MEMBER_OF]->(__g:OrganisedCrimeGroup)']);
  });

  it('a seeded filter finds its nodes first, each once, then tests the other predicates once per node', () => {
    const bag = new ParamBag();
    const filter = groupFilter({ memberNationalities: ['VN'], forceAreas: ['WMP'], exploitationTypes: ['LABOUR'] }, bag);
    expect(filter.seed?.[0]?.pattern).toBe('(n)<-[__m:MEMBER_OF]-(__p:Person)-[__r:NATIONAL_OF]->(__c:Country)');
    expect(filter.seed?.[0]?.where).toEqual([
      '(__m.handling IN $__handling AND __m.ukHandling IN $__ukHandling)',
      '(__p.handling IN $__handling AND __p.ukHandling IN $__ukHandling)',
      '(__r.handling IN $__handling AND __r.ukHandling IN $__ukHandling)',
      '(__c.handling IN $__handling AND __c.ukHandling IN $__ukHandling)',
      '__c.code IN $p0',
    ]);
    // The force area, given second, and the type stay predicates over each group found.
    expect(filter.where.filter((w) => w.startsWith('EXISTS'))).toHaveLength(2);
    expect(filter.where.join(' ')).toContain('(__f:PoliceForce)');
    const spec = { label: 'OrganisedCrimeGroup' as const, ...filter, bag, sort: SORT_BY_ID, first: 50, keys: ['name'] };
    const head = `CALL () {
  MATCH (n:OrganisedCrimeGroup), (n)<-[__m:MEMBER_OF]-(__p:Person)-[__r:NATIONAL_OF]->(__c:Country)
  WHERE (__m.handling IN $__handling AND __m.ukHandling IN $__ukHandling) AND (__p.handling IN $__handling AND __p.ukHandling IN $__ukHandling) AND (__r.handling IN $__handling AND __r.ukHandling IN $__ukHandling) AND (__c.handling IN $__handling AND __c.ukHandling IN $__ukHandling) AND __c.code IN $p0
  RETURN DISTINCT n
}
WITH n
WHERE (n.handling IN $__handling AND n.ukHandling IN $__ukHandling)`;
    for (const q of [pageWithCountQuery(spec).cypher, listQuery(spec).cypher, countQuery(spec).cypher]) {
      expect(q.startsWith(head)).toBe(true);
      // Each node is already once: the seed's is the only DISTINCT.
      expect(q.match(/DISTINCT/g)).toHaveLength(1);
    }
    expect(pageWithCountQuery(spec).cypher).toContain('WITH n ORDER BY n.id ASC');
    // Without a nationality, the force area is the seed.
    expect(groupFilter({ forceAreas: ['WMP'] }, new ParamBag()).seed?.[0]?.pattern).toContain('(__f:PoliceForce)');
    // Neither given: no seed, predicates only.
    const plain = groupFilter({ exploitationTypes: ['LABOUR'] }, new ParamBag());
    expect(plain.seed).toBeUndefined();
    expect(plain.where[0]).toMatch(/^EXISTS \{ MATCH \(n\)-\[__x:PERPETRATED\]/);
  });

  it('a person list starts from a force area (two ways, each person once), else a type, else group roles, unless something is joined', () => {
    const bag = new ParamBag();
    const byForce = personFilter({ forceAreas: ['WMP'], exploitationTypes: ['SEXUAL'], gender: ['FEMALE'] }, bag);
    expect(byForce.joins).toEqual([]);
    expect(byForce.seed?.map((s) => s.pattern)).toEqual([
      '(n)-[__ra:RESIDES_AT]->(__ad:Address)-[__p1:PART_OF]->(__tw:Town)-[__p2:PART_OF]->(__f:PoliceForce)',
      '(n)-[__x:EXPLOITED|PERPETRATED]-(__e:Exploitation)-[__ia:IN_AREA]->(__f:PoliceForce)',
    ]);
    // The type stays a predicate beside the gender.
    expect(byForce.where.filter((w) => w.startsWith('EXISTS'))).toHaveLength(1);
    const q = listQuery({ label: 'Person', ...byForce, bag, sort: SORT_BY_ID, first: 10, keys: ['name'] }).cypher;
    expect(q).toMatch(/^CALL \(\) \{\n  MATCH \(n:Person\), \(n\)-\[__ra:RESIDES_AT\][^]*RETURN n\n  UNION\n  MATCH \(n:Person\), \(n\)-\[__x:EXPLOITED\|PERPETRATED\][^]*RETURN n\n\}\nWITH n\nWHERE /);
    // A type alone is the seed.
    const byType = personFilter({ exploitationTypes: ['LABOUR'] }, new ParamBag());
    expect(byType.seed?.map((s) => s.pattern)).toEqual(['(n)-[__x:EXPLOITED|PERPETRATED]-(__e:Exploitation)-[__o:OF_TYPE]->(__t:ExploitationType)']);
    expect(byType.where).toEqual([]);
    // Group roles alone are the seed; beside a type they are a predicate; with a group id, no seed.
    const byRoles = personFilter({ groupRoles: ['LEADER'], gender: ['MALE'] }, new ParamBag());
    expect(byRoles.seed?.map((s) => s.pattern)).toEqual(['(n)-[__m:MEMBER_OF]->(__g:OrganisedCrimeGroup)']);
    expect(byRoles.seed?.[0]?.where).toContain('__m.role IN $p0');
    expect(byRoles.where.filter((w) => w.startsWith('EXISTS'))).toEqual([]);
    const rolesAndType = personFilter({ groupRoles: ['LEADER'], exploitationTypes: ['LABOUR'] }, new ParamBag());
    expect(rolesAndType.seed?.map((s) => s.pattern)).toEqual(['(n)-[__x:EXPLOITED|PERPETRATED]-(__e:Exploitation)-[__o:OF_TYPE]->(__t:ExploitationType)']);
    expect(rolesAndType.where.join(' ')).toMatch(/EXISTS \{ MATCH \(n\)-\[__m:MEMBER_OF\][^]*__m\.role IN \$p0/);
    expect(personFilter({ groupId: 'ocg-1', groupRoles: ['LEADER'] }, new ParamBag()).seed).toBeUndefined();
    // With a join (a nationality), no seed: the force area is a predicate (either way).
    const joined = personFilter({ nationalities: ['RO'], forceAreas: ['WMP'] }, new ParamBag());
    expect(joined.seed).toBeUndefined();
    expect(joined.where.join(' ')).toMatch(/EXISTS \{ MATCH \(n\)-\[__ra:RESIDES_AT\][^]*\n    OR EXISTS \{ MATCH \(n\)-\[__x:EXPLOITED\|PERPETRATED\]/);
    expect(() => listQuery({ label: 'Person', where: [], joins: ['(n)-[__r:NATIONAL_OF]->(__c:Country)'], seed: byType.seed, bag: new ParamBag(), sort: SORT_BY_ID, first: 10 })).toThrow(/seed or joins/);
  });

  it('relatedBatchQuery asks several relationship fields in one round trip, each branch with its visibility rule', () => {
    const q = relatedBatchQuery([
      { parentIds: ['per-1', 'per-2'], spec: { type: 'MEMBER_OF', direction: 'OUT', targets: ['OrganisedCrimeGroup'] }, args: { first: 10, withCount: true, nodeKeys: ['name'], relKeys: ['role'] } },
      { parentIds: ['per-1'], spec: { type: 'NATIONAL_OF', direction: 'OUT', targets: ['Country'] }, args: { first: 20, nodeKeys: ['code', 'name'], relKeys: [] } },
    ]);
    expect(q.cypher.match(/UNION ALL/g)).toHaveLength(1);
    expect(q.params).toMatchObject({ ids0: ['per-1', 'per-2'], ids1: ['per-1'] });
    expect(q).toMatchSnapshot();
  });

  describe('projections that name their keys', () => {
    it('return only the keys asked for, the id and the labels', () => {
      expect(projectNode('n', ['gender', 'dateOfBirth'])).toMatchSnapshot();
      expect(projectRel('r', ['role', 'since'])).toMatchSnapshot();
      expect(projectNode('n', [])).toContain('ELSE n {.id, __labels: labels(n), __redacted: false}');
    });

    it("leave a link's type and element id out only when told its identity is not read", () => {
      expect(projectRel('r', ['role'], { ends: false })).toBe('r {.role, __type: type(r), __id: elementId(r)}');
      expect(projectRel('r', ['role'], { ends: false, identity: false })).toBe('r {.role}');
      expect(projectRel('r', ['role'], { identity: false })).toBe('r {.role, __from: startNode(r).id, __to: endNode(r).id}');
      const q = relatedQuery(['per-1'], { type: 'MEMBER_OF', direction: 'OUT' }, { first: 5, relKeys: ['role'], linkIdentity: false });
      expect(q.cypher).toContain('rel: r {.role}');
      expect(relatedQuery(['per-1'], { type: 'MEMBER_OF', direction: 'OUT' }, { first: 5, relKeys: ['role'] }).cypher).toContain('rel: r {.role, __type: type(r), __id: elementId(r)}');
    });

    it('keep the victim rule: a protected key asked for is nulled, one not asked for is absent', () => {
      const victim = projectNode('n', ['name', 'gender']).split('\n').find((l) => l.includes('WHEN n:Victim'))!;
      expect(victim).toContain('.gender');
      expect(victim).toContain('name: null');
      expect(victim).not.toContain('.name');
      expect(victim).not.toMatch(/aliases|dateOfBirth|birthYear/);
      const identifier = projectNode('n', ['value', 'display', 'kind']).split('\n').find((l) => l.includes('WHEN n:Identifier'))!;
      expect(identifier).toContain('value: null');
      expect(identifier).toContain('display: null');
      expect(identifier).not.toMatch(/\.value|\.display/);
      // Without keys: every property, the protected ones nulled as before.
      expect(projectNode('n')).toContain('n {.*, recordedAt: n.recordedAt.epochMillis, name: null, aliases: null, dateOfBirth: null, birthYear: null, __labels: labels(n), __redacted: true}');
    });

    it('send DATETIME properties as epoch milliseconds, with or without keys, after `.*` so they replace it', () => {
      for (const q of [projectNode('n'), projectNode('n', ['recordedAt', 'name'])]) {
        for (const branch of q.split('\n').filter((l) => l.includes('{'))) {
          expect(branch).toContain('recordedAt: n.recordedAt.epochMillis');
          expect(branch).not.toContain('.recordedAt,');
        }
      }
      expect(projectRel('r', undefined, { type: 'MEMBER_OF' })).toMatch(/^r \{\.\*, recordedAt: r\.recordedAt\.epochMillis, /);
      expect(projectRel('r', ['recordedAt', 'role'])).toContain('r {recordedAt: r.recordedAt.epochMillis, .role, ');
      expect(projectNode('n', ['name'])).not.toContain('recordedAt');
    });

    it('accept only stored property keys, never text from a request', () => {
      expect(() => projectNode('n', ['name} ) DETACH DELETE n //'])).toThrow(/not a stored property key/);
      expect(() => projectRel('r', ['__proto__'])).toThrow(/not a stored property key/);
      expect(() => searchQuery('x', null, 5, ['nope'])).toThrow(/not a stored property key/);
    });
  });

  it('duplicateCandidatesQuery never groups every pair at once: it groups per person and per name block, then keeps the top pairs by their bound', () => {
    const weights = { NAME_SAME: 0.6 };
    const whole = duplicateCandidatesQuery({ ids: null, groupId: null, minScore: 0.5, limit: 100, weights, nameFold: { A: 'a' } });
    const [pairs, tail] = whole.cypher.split('\n}\nWITH ');
    // Every aggregation over pairs sits inside a per-person or per-block subquery; the tail has none.
    expect(pairs).toMatch(/CALL \(a\) \{\n\s+MATCH \(a\)-\[r1:HAS_IDENTIFIER\|RESIDES_AT\]->\(v\)<-\[r2:HAS_IDENTIFIER\|RESIDES_AT\]-\(b:Person\)[^}]*collect\(DISTINCT/);
    expect(pairs).toMatch(/CALL \(people\) \{\n\s+UNWIND people AS p[^}]*collect\(/);
    expect(tail).not.toMatch(/collect\(/);
    expect(tail).toMatch(/WHERE bound >= \$minScore\nORDER BY bound DESC, aId, bId\nLIMIT toInteger\(\$limit\)/);
    expect(whole.params).toMatchObject({ ids: null, groupId: null, minScore: 0.5, limit: 100, weights });
    // A scope starts from the people in it, and names the scopes asked for only.
    const scoped = duplicateCandidatesQuery({ ids: ['per-1'], groupId: null, minScore: 0.5, limit: 100, weights, nameFold: {} }).cypher;
    expect(scoped).toContain('a.id IN $ids');
    expect(scoped).not.toContain('$groupId');
    // A group's members are found from the group, not by testing every person.
    const byGroup = duplicateCandidatesQuery({ ids: null, groupId: 'ocg-1', minScore: 0.5, limit: 100, weights, nameFold: {} }).cypher;
    expect(byGroup.match(/MATCH \(__g:OrganisedCrimeGroup \{id: \$groupId\}\)<-\[__m:MEMBER_OF\]-\(a:Person\)/g)).toHaveLength(2);
    expect(byGroup).not.toMatch(/MATCH \(a:Person\) WHERE/);
  });

  it('neighbourhoodQuery writes only the filters given, relationship types into the pattern', () => {
    const base = { ids: ['p1'], depth: 2, relationshipTypes: null, nodeTypes: null, since: null, until: null, limit: 100, expandReference: false };
    const plain = neighbourhoodQuery(base).cypher;
    expect(plain).toContain('MATCH (f)-[r]-(m:Entity)');
    expect(plain).not.toMatch(/\$since|\$until|\$nodeTypes|\$relTypes/);
    const filtered = neighbourhoodQuery({ ...base, relationshipTypes: ['TRANSFERRED_TO', 'HAS_IDENTIFIER'], nodeTypes: ['BankAccount'], since: '2024-01-01', until: null }).cypher;
    expect(filtered.match(/MATCH \(f\)-\[r:TRANSFERRED_TO\|HAS_IDENTIFIER\]-\(m:Entity\)/g)).toHaveLength(2);
    expect(filtered).toContain('MATCH (a)-[r:TRANSFERRED_TO|HAS_IDENTIFIER]->(b)');
    expect(filtered).toContain('date($since)');
    expect(filtered).toContain('l IN $nodeTypes');
  });

  it('never puts a parameter value into the query text', () => {
    const hostile = "x'}) DETACH DELETE n //";
    for (const q of [
      duplicateCandidatesQuery({ ids: [hostile], groupId: hostile, minScore: 0.5, limit: 1, weights: { [hostile]: 1 }, nameFold: { [hostile]: hostile } }),
      nodesByIdsQuery([hostile]),
      listQuery({ label: 'Person', where: [], bag: new ParamBag(), sort: SORT_BY_ID, first: 1, after: { key: hostile, id: hostile } }),
      relatedQuery([hostile], { type: 'NATIONAL_OF', direction: 'OUT' }, { first: 1, after: hostile }),
    ]) {
      expect(q.cypher).not.toContain(hostile);
      expect(JSON.stringify(q.params)).toContain('DETACH DELETE');
    }
  });
});
