import { mergedProps, undoneProps, type TypedProp } from '../../../src/domain/merge-rules';

const s = (k: string, v: string): TypedProp => ({ k, t: 'STRING NOT NULL', v });
const b = (k: string, v: boolean): TypedProp => ({ k, t: 'BOOLEAN NOT NULL', v });
const byKey = (list: TypedProp[]) => Object.fromEntries(list.map((p) => [p.k, p.v]));
const edit = (list: TypedProp[], ...changes: TypedProp[]) => [...list.filter((p) => !changes.some((c) => c.k === p.k)), ...changes];

describe('undoing a merge (undoneProps)', () => {
  const kept = [s('id', 'p1'), s('name', 'Nguyen Van A'), s('handling', 'H0'), s('ukHandling', 'P'), b('consent', true), s('reportId', 'rep-open')];
  const merged = [s('id', 'p2'), s('name', 'Nguyễn Văn A'), s('handling', 'H2'), s('ukHandling', 'C'), s('gender', 'MALE'), b('consent', false), s('reportId', 'rep-secret')];
  const after = mergedProps(kept, merged);

  it('gives back the kept record as it was when nothing changed since the merge', () => {
    const undone = undoneProps(kept, merged, after);
    expect(undone.editedSince).toBe(false);
    expect(byKey(undone.props)).toEqual(byKey(kept));
  });

  it('keeps an edit made since, takes back what the merge gave and nobody changed, and never loosens access', () => {
    const edited = edit(after, s('name', 'Nguyen Van An'), s('notes', 'seen in Leeds'), s('reportId', 'rep-later'));
    const undone = undoneProps(kept, merged, edited);
    expect(undone.editedSince).toBe(true);
    expect(byKey(undone.props)).toEqual({
      id: 'p1',
      name: 'Nguyen Van An', // edited since: stays
      notes: 'seen in Leeds', // new since: stays
      reportId: 'rep-later',
      // gender, brought by the merge and untouched since, goes; the merge's alias goes;
      // handling, UK handling and consent stay as the merge left them (the edit may carry H2/C material)
      handling: 'H2',
      ukHandling: 'C',
      consent: false,
    });
  });

  it('keeps a value the merge brought and someone edited since', () => {
    const undone = undoneProps(kept, merged, edit(after, s('gender', 'FEMALE')));
    expect(byKey(undone.props).gender).toBe('FEMALE');
  });

  it('removes only the aliases the merge added, keeping those added since', () => {
    expect(byKey(after).aliases).toEqual(['Nguyễn Văn A']);
    const more = edit(after, { k: 'aliases', t: 'LIST<STRING NOT NULL> NOT NULL', v: ['Anh', 'Nguyễn Văn A'] });
    expect(byKey(undoneProps(kept, merged, more).props).aliases).toEqual(['Anh']);
    const withOwn = [...kept, { k: 'aliases', t: 'LIST<STRING NOT NULL> NOT NULL', v: ['Van'] }];
    const afterOwn = mergedProps(withOwn, merged);
    expect(byKey(undoneProps(withOwn, merged, edit(afterOwn, s('notes', 'x'))).props).aliases).toEqual(['Van']);
  });
});

describe('merging (mergedProps)', () => {
  it('never gives the kept record the merged one’s bookkeeping (the import run that created it)', () => {
    const kept = [s('id', 'p1'), s('name', 'A'), s('handling', 'H0'), s('ukHandling', 'P'), b('consent', true)];
    const merged = [s('id', 'p2'), s('name', 'A'), s('handling', 'H0'), s('ukHandling', 'P'), b('consent', true), s('__importRun', 'imp-1'), s('gender', 'MALE')];
    expect(byKey(mergedProps(kept, merged))).toEqual({ id: 'p1', name: 'A', handling: 'H0', ukHandling: 'P', consent: true, gender: 'MALE' });
  });
});
