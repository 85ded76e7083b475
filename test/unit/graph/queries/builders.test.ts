import { listQuery, countQuery, SORT_BY_ID } from '../../../../src/graph/queries/list.query';
import { nodesByIdsQuery } from '../../../../src/graph/queries/node.query';
import { ParamBag } from '../../../../src/graph/queries/params';
import { relatedQuery } from '../../../../src/graph/queries/related.query';

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
    expect(countQuery('Person', [], new ParamBag())).toMatchSnapshot();
  });

  it('relatedQuery batches many parents and filters every item by visibility', () => {
    const q = relatedQuery(['per-1', 'per-2'], { type: 'MEMBER_OF', direction: 'OUT', targets: ['OrganisedCrimeGroup'] }, { first: 10, withCount: true });
    expect(q.cypher).toContain('UNWIND $ids AS pid');
    expect(q).toMatchSnapshot();
  });

  it('never puts a parameter value into the query text', () => {
    const hostile = "x'}) DETACH DELETE n //";
    for (const q of [
      nodesByIdsQuery([hostile]),
      listQuery({ label: 'Person', where: [], bag: new ParamBag(), sort: SORT_BY_ID, first: 1, after: { key: hostile, id: hostile } }),
      relatedQuery([hostile], { type: 'NATIONAL_OF', direction: 'OUT' }, { first: 1, after: hostile }),
    ]) {
      expect(q.cypher).not.toContain(hostile);
      expect(JSON.stringify(q.params)).toContain('DETACH DELETE');
    }
  });
});
