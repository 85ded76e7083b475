import { AppError } from '../../../src/errors/app-error';
import { isoDate, textList } from '../../../src/domain/validation';

/** The field and message a check refuses with (BAD_USER_INPUT). */
function refusal(check: () => unknown): { code: unknown; field: unknown; message: string } {
  try {
    check();
  } catch (e) {
    if (e instanceof AppError) return { code: e.extensions.code, field: e.extensions.field, message: e.message };
    throw e;
  }
  throw new Error('not refused');
}

describe('input checks of values that come from files (any JSON type)', () => {
  it('refuses a date that is not text, a list of one date included, naming the field', () => {
    expect(refusal(() => isoDate('properties.dateOfBirth', ['1990-01-01'] as unknown as string))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'properties.dateOfBirth' });
    expect(refusal(() => isoDate('d', 19900101 as unknown as string)).message).toMatch(/must be a date YYYY-MM-DD/);
    expect(isoDate('d', '1990-01-01')).toBe('1990-01-01');
  });

  it('refuses a list item that is not text, naming the item', () => {
    expect(refusal(() => textList('properties.aliases', ['Ana', 5] as unknown as string[]))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'properties.aliases[1]', message: expect.stringMatching(/must be text/) });
    expect(textList('a', [' Ana ', 'Ana', 'Bo'])).toEqual(['Ana', 'Bo']);
  });
});
