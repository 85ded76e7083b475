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

  it('upsert a node batch: lock if visible, then classify each row, back up what changes and note what the run left, never loosen handling', () => {
    const q = bulkNodesQuery('Phone', 'upsert', [{ id: 'phone-1', props: { value: '+447812345678' }, dates: {}, prov }], 'imp-1');
    expect(q.cypher).toContain('CREATE (n:Phone:Entity:Identifier)');
    expect(q.cypher).toContain("WHEN NOT (seen AND coalesce((old.handling IN $__handling AND old.ukHandling IN $__ukHandling), false)) THEN 'hidden'");
    expect(q.cypher).toContain("WHEN NOT old:Phone OR old:Reference THEN 'conflict'");
    // The record is tested on a first read of its own (a variable the planner cannot cache `old`'s
    // properties from), locked only if visible, and tested again after the lock.
    // A caller cleared for everything locks it without that first read (nothing is hidden from it).
    const all = '(size($__handling) = 4 AND size($__ukHandling) = 2)';
    expect(q.cypher).toContain(
      `OPTIONAL MATCH (old:Entity {id: row.id})\nCALL (old) {\n  WITH old WHERE old IS NOT NULL AND ${all}\n  SET old.__lock = true REMOVE old.__lock\n}\nCALL (old) {\n  MATCH (__first) WHERE elementId(__first) = CASE WHEN ${all} THEN null ELSE elementId(old) END AND (__first.handling IN $__handling AND __first.ukHandling IN $__ukHandling)\n  SET __first.__lock = true REMOVE __first.__lock\n  RETURN count(*) > 0 OR ${all} AS seen\n}\nWITH row, prov, old, CASE`,
    );
    expect(q.cypher.indexOf('old.handling')).toBeGreaterThan(q.cypher.indexOf('AS seen'));
    // Before the change (once) and after it (every time), for a rollback to compare with.
    expect(q.cypher).toContain('WITH row, prov, old, properties(old) AS was, labels(old) AS wasLabels\n  SET old += row.props');
    // Found on the run-and-item index, named (the planner could take the run's alone and read every backup of the run per row).
    expect(q.cypher).toContain('OPTIONAL MATCH (found:ImportBackup) USING INDEX SEEK found:ImportBackup(__run, __of)\n    WHERE found.__run = $run AND found.__of = item');
    expect(q.cypher).toContain('CREATE (nb:ImportBackup {__run: $run, __of: item})\n      SET nb += was, nb.__labels = wasLabels)');
    expect(q.cypher).toContain('MATCH (b:ImportBackup) USING INDEX SEEK b:ImportBackup(__run, __of)\n    WHERE b.__run = $run AND b.__of = item');
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

  it('link only ends the caller may see, or that the same import writes, each tested, locked only if visible and tested again (a caller who sees every item: neither read nor locked first), in both modes', () => {
    const all = '(size($__handling) = 4 AND size($__ukHandling) = 2)';
    for (const mode of ['create', 'upsert'] as const) {
      const q = bulkRelsQuery('MEMBER_OF', mode, [member, { ...member, to: 'ocg-2' }], null, ['per-1', 'per-1']);
      for (const [v, seen, id] of [
        ['a', 'seenA', 'row.from'],
        ['b', 'seenB', 'row.to'],
      ] as const) {
        expect(q.cypher).toContain(
          `MATCH (${v}:Entity {id: ${id}})\nCALL (${v}) {\n  MATCH (__first) WHERE elementId(__first) = CASE WHEN ${all} THEN null ELSE elementId(${v}) END AND (__first.handling IN $__handling AND __first.ukHandling IN $__ukHandling)\n  SET __first.__lock = true REMOVE __first.__lock\n  RETURN count(*) > 0 OR ${all} AS ${seen}\n}\nWITH row, prov, ${v === 'a' ? 'a' : 'a, b'} WHERE (${seen} AND (${v}.handling IN $__handling AND ${v}.ukHandling IN $__ukHandling)) OR ${id} IN $own\n`,
        );
      }
      expect(q.params.own).toEqual(['per-1']);
    }
  });

  it('update only a link the caller may see, locked only if visible, read after its lock is taken', () => {
    const q = bulkRelsQuery('MEMBER_OF', 'upsert', [member], 'imp-1');
    const all = '(size($__handling) = 4 AND size($__ukHandling) = 2)';
    expect(q.cypher).toContain(
      `OPTIONAL MATCH (a)-[c:MEMBER_OF]->(b)\n    WHERE (row.props.role IS NULL OR c.role = row.props.role)\n  CALL (c) {\n    WITH c WHERE c IS NOT NULL AND ${all}\n    SET c.__lock = true REMOVE c.__lock\n  }\n  CALL (c) {\n    MATCH ()-[__first]->() WHERE elementId(__first) = CASE WHEN ${all} THEN null ELSE elementId(c) END AND (__first.handling IN $__handling AND __first.ukHandling IN $__ukHandling)\n    SET __first.__lock = true REMOVE __first.__lock\n    RETURN count(*) > 0 OR ${all} AS seen\n  }`,
    );
    expect(q.cypher).toContain('RETURN head(collect(CASE WHEN seen AND (c.handling IN $__handling AND c.ukHandling IN $__ukHandling) THEN c END)) AS old');
    expect(q.cypher).toContain('OPTIONAL MATCH (found:ImportBackup) USING INDEX SEEK found:ImportBackup(__run, __relId)\n    WHERE found.__run = $run AND found.__relId = item');
    expect(q.cypher).toContain('CREATE (nb:ImportBackup {__run: $run, __relId: item})');
  });

  it('lock the cited reports the caller may see first, in id order, before any record, and read them after', () => {
    for (const q of [bulkNodesQuery('Person', 'upsert', [person], null), bulkRelsQuery('MEMBER_OF', 'upsert', [member], null), bulkNodesQuery('Person', 'create', [person], null)]) {
      expect(q.cypher.startsWith(
        'CALL () {\n  UNWIND $provs AS p\n  WITH DISTINCT p.reportId AS id ORDER BY id\n  MATCH (rep:IntelligenceReport {id: id})\n  WHERE (rep.handling IN $__handling AND rep.ukHandling IN $__ukHandling)\n  SET rep.__lock = true REMOVE rep.__lock\n  RETURN collect(id) AS reports\n}\nWITH [p IN $provs |',
      )).toBe(true);
      expect(q.cypher.indexOf('RETURN collect(id) AS reports')).toBeLessThan(q.cypher.indexOf('UNWIND $rows AS row'));
    }
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
      // Locked (`reports`: visible at the first read), visible now, and not above what the row gives itself.
      expect(q.cypher).toContain(
        "MATCH (rep:IntelligenceReport {id: p.reportId})\n    WHERE rep.id IN reports AND (rep.handling IN $__handling AND rep.ukHandling IN $__ukHandling) AND (p.handling IS NULL OR p.handling >= rep.handling) AND (p.ukHandling IS NULL OR p.ukHandling = 'C' OR rep.ukHandling = 'P')\n    RETURN {reportId: p.reportId, agency: rep.agency,",
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

  it('write a row citing a report the same import writes as given, but not below that report as the graph has it, nor citing it hidden unless the row is above the caller too; the report’s own row exempt', () => {
    const plain = "CASE WHEN p.fromReport IS NULL THEN CASE WHEN NOT EXISTS {\n    MATCH (rep:IntelligenceReport {id: p.reportId})\n    WHERE NOT coalesce((p.handling IS NULL OR p.handling >= rep.handling) AND (p.ukHandling IS NULL OR p.ukHandling = 'C' OR rep.ukHandling = 'P') AND (rep.id IN reports AND (rep.handling IN $__handling AND rep.ukHandling IN $__ukHandling) OR NOT (p.handling IN $__handling AND p.ukHandling IN $__ukHandling)), false)\n  } THEN p END";
    const report = { id: 'rep-1', props: { reference: 'NCA/1' }, dates: {}, prov: { ...prov, reportId: 'rep-1' } };
    for (const q of [bulkNodesQuery('Person', 'create', [person], null), bulkNodesQuery('Person', 'upsert', [person], null), bulkRelsQuery('MEMBER_OF', 'upsert', [member], null), bulkNodesQuery('IntelligenceReport', 'upsert', [report], null)]) {
      expect(q.cypher).toContain(plain);
    }
    expect(bulkNodesQuery('Person', 'upsert', [person], null).cypher).toContain('WITH row, provs[toInteger(row.p)] AS prov\nWHERE prov IS NOT NULL\n');
    expect(bulkNodesQuery('IntelligenceReport', 'upsert', [report], null).cypher).toContain(
      'WITH row, CASE WHEN row.id = $provs[toInteger(row.p)].reportId THEN $provs[toInteger(row.p)] ELSE provs[toInteger(row.p)] END AS prov\nWHERE prov IS NOT NULL\n',
    );
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
  const created = [{ id: 'per-1', at: '2026-11-30T12:00:00.123Z' }];
  const merged = { 'per-2': true as const };
  it('restore and delete in batches, by the run id', () => {
    for (const q of [restoreNodesQuery('imp-1'), restoreRelsQuery('imp-1'), deleteCreatedRelsQuery('imp-1'), deleteNotedNodesQuery('imp-1', created, merged), deleteCreatedNodesQuery('imp-1')]) {
      expect(q.cypher).toContain('IN TRANSACTIONS OF 5000 ROWS');
      expect(q.params.run).toBe('imp-1');
    }
    expect(restoreNodesQuery('imp-1').params).toEqual({ run: 'imp-1', bookkeeping: expect.arrayContaining(['__run', '__of', '__labels']), kept: ['reportId', 'agency', 'recordedAt', 'gradeSource', 'gradeIntel', 'ukHandling', 'handling', 'consent'] });
    expect(restoreNodesQuery('imp-1')).toMatchSnapshot();
    expect(restoreRelsQuery('imp-1')).toMatchSnapshot();
    expect(deleteCreatedRelsQuery('imp-1')).toMatchSnapshot();
    expect(deleteNotedNodesQuery('imp-1', created, merged)).toMatchSnapshot();
  });

  it('lock each item before comparing it with what the run left, and keep provenance and later values on an item edited since', () => {
    const q = restoreNodesQuery('imp-1').cypher;
    expect(q.indexOf('SET found.__lock = true REMOVE found.__lock')).toBeGreaterThan(0);
    expect(q.indexOf('SET found.__lock = true REMOVE found.__lock')).toBeLessThan(q.indexOf('AS edited'));
    expect(q).toContain("WITH b, n, before, after WHERE edited\n    FOREACH (k IN [k IN before + after WHERE NOT k STARTS WITH '__' AND NOT k IN $kept");
    // A created node edited (its recordedAt), linked or merged into since is kept, unmarked.
    const noted = deleteNotedNodesQuery('imp-1', created, merged);
    expect(noted.cypher).toContain("WHEN $merged[id] IS NOT NULL OR EXISTS { (n)-[r]-() WHERE r.__importRun IS NULL OR r.__importRun <> $run } THEN 'CREATED_LINKED'");
    expect(noted.cypher).toContain('REMOVE n.__importRun');
    // The ids come as a parameter: a statement reading them from the notes buffered each note's whole list per row.
    expect(noted.cypher.startsWith('UNWIND $created AS x')).toBe(true);
    expect(noted.params).toEqual({ run: 'imp-1', created, merged });
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
