import { checkPlanShape, externalEnds, relKey } from '../../../src/ingestion/check-plan';
import { emptyPlan, formatBadRow, type ImportPlan, type PlannedNode, type PlannedRel } from '../../../src/ingestion/import-plan';

const prov = { reportId: 'rep-1' };
const node = (id: string, label: PlannedNode['label'], line: number, props: Record<string, unknown> = {}): PlannedNode => ({ id, label, props, roles: [], prov, source: { file: 'n.csv', line } });
const rel = (type: PlannedRel['type'], from: string, to: string, line: number, props: Record<string, unknown> = {}): PlannedRel => ({ type, from, to, props, prov, source: { file: 'r.csv', line } });

function plan(nodes: PlannedNode[], rels: PlannedRel[] = []): ImportPlan {
  return { ...emptyPlan('csv', ['n.csv', 'r.csv']), nodes, rels };
}

describe('checkPlanShape', () => {
  it('refuses malformed ids, ids of another kind, repeated ids and repeated identifier values', () => {
    const bad = checkPlanShape(
      plan([
        node('per-1', 'Person', 2),
        node('has space', 'Person', 3),
        node('ocg-1', 'Person', 4),
        node('per-1', 'Person', 5),
        node('phone-1', 'Phone', 6, { value: '+447812345678' }),
        node('phone-2', 'Phone', 7, { value: '+447812345678' }),
      ]),
    ).map(formatBadRow);
    expect(bad).toEqual([
      'n.csv:3: id "has space" is not a valid id (a prefix such as per-, then letters, digits, _ . : or -)',
      'n.csv:4: id ocg-1 of a Person must start with per-',
      'n.csv:5: id per-1 repeats line 2',
      "n.csv:7: value of Phone phone-2 is the same as phone-1's (line 6): one Phone per value",
    ]);
  });

  it('refuses two reports with one reference (their natural key); an identifier with the same text is no conflict', () => {
    const bad = checkPlanShape(
      plan([
        node('rep-1', 'IntelligenceReport', 2, { reference: 'NCA/1' }),
        node('rep-2', 'IntelligenceReport', 3, { reference: 'NCA/2' }),
        node('rep-3', 'IntelligenceReport', 4, { reference: 'NCA/1' }),
        node('handle-1', 'OnlineHandle', 5, { value: 'NCA/2' }),
      ]),
    ).map(formatBadRow);
    expect(bad).toEqual(["n.csv:4: reference of IntelligenceReport rep-3 is the same as rep-1's (line 2): one IntelligenceReport per reference"]);
  });

  it('refuses relationships between the wrong kinds and the same relationship twice (key properties count)', () => {
    const bad = checkPlanShape(
      plan(
        [node('per-1', 'Person', 2), node('ocg-1', 'OrganisedCrimeGroup', 3), node('biz-1', 'Business', 4)],
        [rel('MEMBER_OF', 'per-1', 'ocg-1', 2, { role: 'LEADER' }), rel('MEMBER_OF', 'per-1', 'ocg-1', 3, { role: 'RECRUITER' }), rel('MEMBER_OF', 'per-1', 'ocg-1', 4, { role: 'LEADER' }), rel('MEMBER_OF', 'biz-1', 'ocg-1', 5)],
      ),
    ).map(formatBadRow);
    expect(bad).toEqual(['r.csv:4: MEMBER_OF from per-1 to ocg-1 repeats line 2', 'r.csv:5: a MEMBER_OF goes from Person to OrganisedCrimeGroup; its start biz-1 is a Business']);
  });

  it('names the ends the graph must already hold', () => {
    expect(externalEnds(plan([node('per-1', 'Person', 2)], [rel('NATIONAL_OF', 'per-1', 'country-AL', 2)]))).toEqual(['country-AL']);
    expect(relKey({ type: 'TRANSFERRED_TO', from: 'a', to: 'b', props: { amount: 1, date: '2024-01-01' } })).not.toBe(relKey({ type: 'TRANSFERRED_TO', from: 'a', to: 'b', props: { amount: 2, date: '2024-01-01' } }));
  });
});
