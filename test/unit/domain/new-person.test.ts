import { checkPersonFields } from '../../../src/domain/new-person';
import { AppError } from '../../../src/errors/app-error';

const today = new Date('2026-11-28T12:00:00Z');

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('BAD_USER_INPUT');
    return (e as AppError).extensions.field as string;
  }
  throw new Error('expected BAD_USER_INPUT');
}

describe('checkPersonFields', () => {
  it('normalises and derives the birth year from the date of birth', () => {
    expect(checkPersonFields({ name: '  Ion Popescu ', aliases: ['Ionut', 'Ionut'], dateOfBirth: '1990-02-28', nationalities: ['ro'] }, today)).toMatchObject({
      name: 'Ion Popescu',
      aliases: ['Ionut'],
      birthYear: 1990,
      nationalities: ['RO'],
      roles: [],
    });
  });

  it.each([
    [{ name: '' }, 'input.name'],
    [{ name: 'A', dateOfBirth: '1990-02-30' }, 'input.dateOfBirth'],
    [{ name: 'A', dateOfBirth: '28/02/1990' }, 'input.dateOfBirth'],
    [{ name: 'A', dateOfBirth: '2030-01-01' }, 'input.dateOfBirth'],
    [{ name: 'A', birthYear: 1800 }, 'input.birthYear'],
    [{ name: 'A', dateOfBirth: '1990-01-01', birthYear: 1991 }, 'input.birthYear'],
    [{ name: 'A', nationalities: ['GB', 'Britain'] }, 'input.nationalities[1]'],
    [{ name: 'A', aliases: ['ok', ' '] }, 'input.aliases[1]'],
  ])('refuses %j naming %s', (input, field) => {
    expect(fieldOf(() => checkPersonFields(input, today))).toBe(field);
  });
});
