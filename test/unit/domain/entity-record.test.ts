import { provenanceOf } from '../../../src/domain/entity-record';

describe('provenanceOf', () => {
  const stored = { reportId: 'rep-1', agency: 'NCA', gradeSource: 2, gradeIntel: 'B', ukHandling: 'P', handling: 'H1', consent: true };

  it('makes the Date from epoch milliseconds, as the projections send recordedAt', () => {
    const p = provenanceOf({ ...stored, recordedAt: Date.UTC(2023, 3, 14, 11, 0, 0, 123) });
    expect(p.recordedAt).toBeInstanceOf(Date);
    expect(p.recordedAt.toISOString()).toBe('2023-04-14T11:00:00.123Z');
    expect(p).toMatchObject(stored);
  });

  it('keeps a Date that comes as one', () => {
    const at = new Date('2024-01-02T03:04:05.006Z');
    expect(provenanceOf({ ...stored, recordedAt: at }).recordedAt).toBe(at);
  });
});
