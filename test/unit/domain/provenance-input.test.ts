import { resolveProvenance, type ReportDefaults } from '../../../src/domain/provenance-input';
import { AppError } from '../../../src/errors/app-error';

const report: ReportDefaults = { agency: 'NCA', gradeSource: 2, gradeIntel: 'B', ukHandling: 'C', handling: 'H2', consent: false };
const now = new Date('2026-11-30T10:00:00Z');

function refusal(fn: () => unknown): { code: string; field?: string } {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return { code: (e as AppError).code, field: (e as AppError).extensions?.field as string | undefined };
  }
  throw new Error('expected a refusal');
}

describe('resolveProvenance', () => {
  it("takes the report's grading and handling where the fact gives none", () => {
    expect(resolveProvenance('input', { reportId: 'r' }, report, now)).toMatchObject({ reportId: 'r', agency: 'NCA', handling: 'H2', ukHandling: 'C', gradeSource: 2, gradeIntel: 'B', consent: false, recordedAt: now });
  });

  it('lets a fact be stricter than its report', () => {
    expect(resolveProvenance('input', { reportId: 'r', handling: 'H3' }, report, now).handling).toBe('H3');
    expect(resolveProvenance('input', { reportId: 'r', ukHandling: 'C' }, { ...report, ukHandling: 'P' }, now).ukHandling).toBe('C');
  });

  it('never lets a fact be looser than its report, naming the field', () => {
    expect(refusal(() => resolveProvenance('input.provenance', { reportId: 'r', handling: 'H1' }, report, now))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.provenance.handling' });
    expect(refusal(() => resolveProvenance('input.provenance', { reportId: 'r', handling: 'H0' }, report, now))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.provenance.handling' });
    expect(refusal(() => resolveProvenance('input.provenance', { reportId: 'r', ukHandling: 'P' }, report, now))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.provenance.ukHandling' });
  });
});
