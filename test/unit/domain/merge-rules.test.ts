import { mergedProps, undoneProps, type TypedProp } from '../../../src/domain/merge-rules';

const s = (k: string, v: string): TypedProp => ({ k, t: 'STRING NOT NULL', v });
const byKey = (list: TypedProp[]) => Object.fromEntries(list.map((p) => [p.k, p.v]));

describe('undoing a merge (undoneProps)', () => {
  const kept = [s('id', 'p1'), s('name', 'Nguyen Van A'), s('handling', 'H1'), s('ukHandling', 'P'), { k: 'consent', t: 'BOOLEAN NOT NULL', v: true }];
  const merged = [s('id', 'p2'), s('name', 'Nguyễn Văn A'), s('handling', 'H2'), s('ukHandling', 'P'), s('gender', 'MALE'), { k: 'consent', t: 'BOOLEAN NOT NULL', v: true }];
  const after = mergedProps(kept, merged);

  it('gives back the kept record as it was when nothing changed since the merge', () => {
    expect(byKey(undoneProps(kept, merged, after))).toEqual(byKey(kept));
  });

  it('keeps an edit made after the merge, to a value the merge did not touch or did', () => {
    const edited = after.map((p) => (p.k === 'name' ? s('name', 'Nguyen Van An') : p.k === 'gender' ? s('gender', 'FEMALE') : p));
    expect(byKey(undoneProps(kept, merged, [...edited, s('notes', 'seen in Leeds')]))).toEqual({
      ...byKey(kept),
      name: 'Nguyen Van An', // edited since: stays
      gender: 'FEMALE', // added by the merge, then edited: stays
      notes: 'seen in Leeds', // new since the merge: stays
    });
  });

  it('takes back a raised handling code only if nobody set it since', () => {
    expect(byKey(undoneProps(kept, merged, after)).handling).toBe('H1');
    const raised = after.map((p) => (p.k === 'handling' ? s('handling', 'H3') : p));
    expect(byKey(undoneProps(kept, merged, raised)).handling).toBe('H3');
  });

  it('removes the alias the merge added, unless the aliases were edited since', () => {
    expect(byKey(after).aliases).toEqual(['Nguyễn Văn A']);
    expect(byKey(undoneProps(kept, merged, after)).aliases).toBeUndefined();
    const more = after.map((p) => (p.k === 'aliases' ? { ...p, v: ['Nguyễn Văn A', 'Anh'] } : p));
    expect(byKey(undoneProps(kept, merged, more)).aliases).toEqual(['Nguyễn Văn A', 'Anh']);
  });
});
