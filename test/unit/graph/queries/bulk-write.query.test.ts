import { bulkNodesQuery, bulkRelsQuery, extraLabels, type BulkNodeRow, type BulkRelRow } from '../../../../src/graph/queries/bulk-write.query';
import { nrmStatisticFilter } from '../../../../src/graph/queries/filters/entity.filters';
import { identifierHoldersQuery } from '../../../../src/graph/queries/identifier.query';
import { reportReferenceHoldersQuery } from '../../../../src/graph/queries/report.query';
import { ParamBag } from '../../../../src/graph/queries/params';
import { nodeKindsQuery } from '../../../../src/graph/queries/write.query';
import { deleteCreatedNodesQuery, deleteCreatedRelsQuery, deleteNotedNodesQuery, restoreNodesQuery, restoreRelsQuery } from '../../../../src/graph/queries/import-run.query';

const prov = { reportId: 'rep-1', agency: 'NCA', recordedAt: '2024-01-01T00:00:00.000Z', gradeSource: 2, gradeIntel: 'B', ukHandling: 'P', handling: 'H1', consent: false };
const person: BulkNodeRow = { id: 'per-1', props: { name: 'A', birthYear: 1990 }, dates: { dateOfBirth: '1990-01-02' }, prov, roles: ['Victim'] };
const member: BulkRelRow = { from: 'per-1', to: 'ocg-1', props: { role: 'LEADER' }, dates: { since: '2020-01-01' }, prov };

// Snapshots of the batch writers' Cypher: reviewers read these diffs like query files.
describe('bulk write builders', () => {
  it('create a node batch: labels from the registry, ints and dates typed, roles from a fixed list', () => {
    const q = bulkNodesQuery('Person', 'create', [person], 'imp-1');
    expect(q.cypher).toContain('CREATE (n:Person:Entity)');
    expect(q.cypher).toContain('n.birthYear = toInteger(n.birthYear)');
    expect(q.cypher).toContain('n.dateOfBirth = date(row.dates.dateOfBirth)');
    expect(q).toMatchSnapshot();
  });

  it('upsert a node batch: lock, then classify each row, back up what changes and note what the run left, never loosen handling', () => {
    const q = bulkNodesQuery('Phone', 'upsert', [{ id: 'phone-1', props: { value: '+447812345678' }, dates: {}, prov }], 'imp-1');
    expect(q.cypher).toContain('CREATE (n:Phone:Entity:Identifier)');
    expect(q.cypher).toContain("WHEN NOT coalesce((old.handling IN $__handling AND old.ukHandling IN $__ukHandling), false) THEN 'hidden'");
    expect(q.cypher).toContain("WHEN NOT old:Phone OR old:Reference THEN 'conflict'");
    // The record's lock is taken before its visibility is read.
    expect(q.cypher).toContain('OPTIONAL MATCH (old:Entity {id: row.id})\nCALL (old) {\n  WITH old WHERE old IS NOT NULL\n  SET old.__lock = true REMOVE old.__lock\n}\nWITH row, prov, old, CASE');
    // Before the change (once) and after it (every time), for a rollback to compare with.
    expect(q.cypher).toContain('WITH row, prov, old, properties(old) AS was, labels(old) AS wasLabels\n  SET old += row.props');
    expect(q.cypher).toContain('MERGE (b:ImportBackup {__run: $run, __of: old.id})\n    ON CREATE SET b += was, b.__labels = wasLabels');
    expect(q.cypher).toContain("FOREACH (k IN keys(old) | SET b['__a.' + k] = old[k])");
    // The nodes it created, with the recordedAt each was given.
    expect(q.cypher).toContain('CREATE (:ImportBackup {__run: $run, __createdNodes: ids, __createdAt: [a IN ats | datetime(a)]})');
    expect(q).toMatchSnapshot();
  });

  it('create and upsert relationship batches, matching on the key properties of the type', () => {
    expect(bulkRelsQuery('MEMBER_OF', 'create', [member], null)).toMatchSnapshot();
    const q = bulkRelsQuery('TRANSFERRED_TO', 'upsert', [{ from: 'acct-1', to: 'acct-2', props: { amount: 10, currency: 'GBP' }, dates: { date: '2024-01-01' }, prov }], 'imp-1');
    expect(q.cypher).toContain('(row.dates.date IS NULL OR c.date = date(row.dates.date))');
    expect(q.cypher).toContain('(row.props.amount IS NULL OR c.amount = row.props.amount)');
    expect(q).toMatchSnapshot();
  });

  it('link only ends the caller may see, or that the same import writes, each locked before it is tested (unless the caller sees every item), in both modes', () => {
    const all = '(size($__handling) = 4 AND size($__ukHandling) = 2)';
    for (const mode of ['create', 'upsert'] as const) {
      const q = bulkRelsQuery('MEMBER_OF', mode, [member, { ...member, to: 'ocg-2' }], null, ['per-1', 'per-1']);
      expect(q.cypher).toContain(
        `MATCH (a:Entity {id: row.from})\nCALL (a) {\n  WITH a WHERE a IS NOT NULL AND NOT ${all}\n  SET a.__lock = true REMOVE a.__lock\n}\nWITH row, prov, a WHERE (a.handling IN $__handling AND a.ukHandling IN $__ukHandling) OR row.from IN $own\n`,
      );
      expect(q.cypher).toContain(
        `MATCH (b:Entity {id: row.to})\nCALL (b) {\n  WITH b WHERE b IS NOT NULL AND NOT ${all}\n  SET b.__lock = true REMOVE b.__lock\n}\nWITH row, prov, a, b WHERE (b.handling IN $__handling AND b.ukHandling IN $__ukHandling) OR row.to IN $own\n`,
      );
      expect(q.params.own).toEqual(['per-1']);
    }
  });

  it('update only a link the caller may see, read after its lock is taken', () => {
    const q = bulkRelsQuery('MEMBER_OF', 'upsert', [member], 'imp-1');
    expect(q.cypher).toContain('OPTIONAL MATCH (a)-[c:MEMBER_OF]->(b)\n    WHERE (row.props.role IS NULL OR c.role = row.props.role)\n  CALL (c) {');
    expect(q.cypher).toContain('RETURN head([x IN collect(c) WHERE (x.handling IN $__handling AND x.ukHandling IN $__ukHandling)]) AS old');
    expect(q.cypher).toContain('MERGE (b:ImportBackup {__run: $run, __relId: elementId(old)})');
  });

  it('write a row citing a report in the graph only if the caller sees that report as it writes, with the report’s grading where the row gives none, in every mode', () => {
    const cited = { ...prov, fromReport: ['gradeSource', 'handling', 'consent'] as ('gradeSource' | 'handling' | 'consent')[] };
    const queries = [
      bulkNodesQuery('Person', 'create', [{ ...person, prov: cited }, person], null),
      bulkNodesQuery('Person', 'upsert', [{ ...person, prov: cited }, person], null),
      bulkRelsQuery('MEMBER_OF', 'create', [{ ...member, prov: cited }, member], null),
      bulkRelsQuery('MEMBER_OF', 'upsert', [{ ...member, prov: cited }, member], null),
    ];
    for (const q of queries) {
      // Visible, and not above what the row gives itself (the report may have been raised since the check).
      expect(q.cypher).toContain(
        "MATCH (rep:IntelligenceReport {id: p.reportId})\n    WHERE (rep.handling IN $__handling AND rep.ukHandling IN $__ukHandling) AND (p.handling IS NULL OR p.handling >= rep.handling) AND (p.ukHandling IS NULL OR p.ukHandling = 'C' OR rep.ukHandling = 'P')\n    RETURN {reportId: p.reportId, agency: rep.agency,",
      );
      expect(q.cypher).toContain('handling: coalesce(p.handling, rep.handling)');
      expect(q.cypher).toContain('WITH row, provs[toInteger(row.p)] AS prov\nWHERE prov IS NOT NULL\n');
      // What the row gives itself is sent; what the report decides is null; a provenance as written is sent whole.
      expect(q.params.provs).toEqual([
        { reportId: 'rep-1', fromReport: true, gradeSource: null, gradeIntel: 'B', ukHandling: 'P', handling: null, consent: null },
        { reportId: 'rep-1', agency: 'NCA', gradeSource: 2, gradeIntel: 'B', ukHandling: 'P', handling: 'H1', consent: false },
      ]);
    }
  });

  it('write a JSON export’s row citing a report the graph did not have as given while it still has none, never beside a hidden one', () => {
    const absent = { ...prov, fromReport: [] as never[], orAbsent: true };
    const q = bulkNodesQuery('Person', 'create', [{ ...person, prov: absent }], null);
    expect(q.cypher).toContain(
      "CASE WHEN p.orAbsent AND NOT EXISTS { MATCH (:IntelligenceReport {id: p.reportId}) } THEN {reportId: p.reportId, agency: p.agency, gradeSource: p.gradeSource, gradeIntel: p.gradeIntel, ukHandling: p.ukHandling, handling: p.handling, consent: p.consent} END",
    );
    expect(q.params.provs).toEqual([{ reportId: 'rep-1', fromReport: true, orAbsent: true, agency: 'NCA', gradeSource: 2, gradeIntel: 'B', ukHandling: 'P', handling: 'H1', consent: false }]);
  });

  it('gives identifiers and places their extra labels', () => {
    expect(extraLabels('Phone')).toEqual(['Entity', 'Identifier']);
    expect(extraLabels('Town')).toEqual(['Entity', 'Location']);
    expect(extraLabels('Person')).toEqual(['Entity']);
  });

  it('never puts a value into the query text', () => {
    const hostile = "x'}) DETACH DELETE n //";
    const row = { ...person, id: hostile, props: { name: hostile } };
    for (const q of [bulkNodesQuery('Person', 'upsert', [row], hostile), bulkRelsQuery('MEMBER_OF', 'upsert', [{ ...member, from: hostile }], hostile), restoreNodesQuery(hostile), deleteCreatedNodesQuery(hostile)]) {
      expect(q.cypher).not.toContain(hostile);
      expect(JSON.stringify(q.params)).toContain('DETACH DELETE');
    }
  });
});

describe('import run undo statements', () => {
  it('restore and delete in batches, by the run id', () => {
    for (const q of [restoreNodesQuery('imp-1'), restoreRelsQuery('imp-1'), deleteCreatedRelsQuery('imp-1'), deleteNotedNodesQuery('imp-1'), deleteCreatedNodesQuery('imp-1')]) {
      expect(q.cypher).toContain('IN TRANSACTIONS OF 5000 ROWS');
      expect(q.params.run).toBe('imp-1');
    }
    expect(restoreNodesQuery('imp-1').params).toEqual({ run: 'imp-1', bookkeeping: expect.arrayContaining(['__run', '__of', '__labels']), kept: ['reportId', 'agency', 'recordedAt', 'gradeSource', 'gradeIntel', 'ukHandling', 'handling', 'consent'] });
    expect(restoreNodesQuery('imp-1')).toMatchSnapshot();
    expect(restoreRelsQuery('imp-1')).toMatchSnapshot();
    expect(deleteCreatedRelsQuery('imp-1')).toMatchSnapshot();
    expect(deleteNotedNodesQuery('imp-1')).toMatchSnapshot();
  });

  it('lock each item before comparing it with what the run left, and keep provenance and later values on an item edited since', () => {
    const q = restoreNodesQuery('imp-1').cypher;
    expect(q.indexOf('SET n.__lock = true REMOVE n.__lock')).toBeLessThan(q.indexOf('AS edited'));
    expect(q).toContain("WITH b, n, before, after WHERE edited\n    FOREACH (k IN [k IN before + after WHERE NOT k STARTS WITH '__' AND NOT k IN $kept");
    // A created node edited (its recordedAt), linked or merged into since is kept, unmarked.
    const created = deleteNotedNodesQuery('imp-1').cypher;
    expect(created).toContain("WHEN id IN merged OR EXISTS { (n)-[r]-() WHERE r.__importRun IS NULL OR r.__importRun <> $run } THEN 'CREATED_LINKED'");
    expect(created).toContain('REMOVE n.__importRun');
  });
});

describe('import check builders', () => {
  it('read kinds of ids (no properties) and identifier holders with the visibility rule', () => {
    const kinds = nodeKindsQuery(['per-1', 'per-1', 'ocg-2']);
    expect(kinds.params.ids).toEqual(['per-1', 'ocg-2']);
    expect(kinds).toMatchSnapshot();
    expect(identifierHoldersQuery('Phone', ['+447812345678'])).toMatchSnapshot();
  });

  it('read report reference holders (any report, and whether the caller may be told which) with the visibility rule', () => {
    const refs = reportReferenceHoldersQuery(['NCA/1', 'NCA/1', 'NCA/2']);
    expect(refs.params.references).toEqual(['NCA/1', 'NCA/2']);
    expect(refs).toMatchSnapshot();
  });

  it('filter NRM statistics cells by period, force, categories and nationality', () => {
    const bag = new ParamBag();
    expect({ where: nrmStatisticFilter({ periods: ['2023Q1'], forceCodes: ['KENT'], exploitationCategories: ['LABOUR'], nationalityCodes: ['AL'] }, bag), params: bag.params }).toMatchSnapshot();
  });
});
