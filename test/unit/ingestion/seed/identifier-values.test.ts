import { normaliseIdentifier } from '../../../../src/domain/identifiers';
import { IdentifierValues } from '../../../../src/ingestion/seed/identifier-values';

describe('IdentifierValues', () => {
  const v = new IdentifierValues(7);
  const many = <T>(n: number, f: () => T) => Array.from({ length: n }, f);

  it.each([
    ['phone GB', () => v.phone('GB'), 'Phone'],
    ['phone VN', () => v.phone('VN'), 'Phone'],
    ['vehicle', () => v.vehicle(), 'Vehicle'],
    ['UK account', () => v.ukAccount(), 'BankAccount'],
    ['IBAN RO', () => v.iban('RO'), 'BankAccount'],
    ['IBAN AL', () => v.iban('AL'), 'BankAccount'],
    ['passport GB', () => v.passport('GB'), 'TravelDocument'],
    ['passport VN', () => v.passport('VN'), 'TravelDocument'],
    ['passport AL', () => v.passport('AL'), 'TravelDocument'],
    ['passport RO', () => v.passport('RO'), 'TravelDocument'],
    ['passport SD', () => v.passport('SD'), 'TravelDocument'],
    ['email', () => v.email('Đặng', 'Thị Hồng'), 'EmailAddress'],
    ['handle', () => v.handle('ZALO', 'Minh'), 'OnlineHandle'],
  ] as const)('makes %s values that never repeat and are already in normal form', (_, make, kind) => {
    const values = many(60_000, make);
    expect(new Set(values).size).toBe(values.length);
    for (const x of values.slice(0, 2000)) expect(normaliseIdentifier(kind, x, 'value')).toBe(x);
  });

  it('never makes the same document number for two countries (values are unique per kind)', () => {
    const w = new IdentifierValues(3);
    const all = ['GB', 'RO', 'AL', 'VN', 'BA', 'SD'].flatMap((c) => many(20_000, () => w.passport(c)));
    expect(new Set(all).size).toBe(all.length);
  });
});
