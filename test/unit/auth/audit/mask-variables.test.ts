import { MASK, maskVariables } from '../../../../src/auth/audit/mask-variables';

describe('maskVariables', () => {
  it("masks a victim's personal data wherever it sits, keeping ids, enums and numbers", () => {
    const masked = maskVariables({
      input: {
        name: 'Maria Ionescu',
        aliases: ['Mariana', 'M. I.'],
        dateOfBirth: '2001-05-05',
        birthYear: 2001,
        gender: 'FEMALE',
        roles: ['VICTIM'],
        nationalities: ['RO'],
        provenance: { reportId: 'rep-123', gradeSource: 2, handling: 'H2', consent: true },
      },
      id: 'person-01J9Z',
      first: 50,
      after: 'WzEsInAtMSJd',
    });
    expect(masked).toEqual({
      input: {
        name: MASK,
        aliases: [MASK, MASK],
        dateOfBirth: MASK,
        birthYear: MASK,
        gender: 'FEMALE',
        roles: ['VICTIM'],
        nationalities: ['RO'],
        provenance: { reportId: 'rep-123', gradeSource: 2, handling: 'H2', consent: true },
      },
      id: 'person-01J9Z',
      first: 50,
      after: 'WzEsInAtMSJd',
    });
  });

  it('masks identifier values, free text, search terms and secrets by key', () => {
    expect(
      maskVariables({
        identifier: { kind: 'PHONE', value: '+447700900123' },
        passportNumber: 'X1234',
        note: 'seen at',
        q: 'Ionescu',
        searchText: 'Maria',
        token: 'abc',
        email: 'a@b.example',
        firstName: 'Ana',
      }),
    ).toEqual({ identifier: { kind: 'PHONE', value: MASK }, passportNumber: MASK, note: MASK, q: MASK, searchText: MASK, token: MASK, email: MASK, firstName: MASK });
  });

  it('masks other strings that are long or contain spaces, whatever their key', () => {
    expect(maskVariables({ code: 'VN', label: 'Maria Ionescu', blob: 'x'.repeat(40), when: '2024-01-01T00:00:00Z', nothing: null })).toEqual({
      code: 'VN',
      label: MASK,
      blob: MASK,
      when: '2024-01-01T00:00:00Z',
      nothing: null,
    });
  });

  it('never leaves a masked value visible in the JSON', () => {
    const text = JSON.stringify(maskVariables({ people: [{ person: { name: 'Maria Ionescu', alias: 'Mimi' } }], input: { nested: { deep: { fullName: 'Maria' } } } }));
    expect(text).not.toMatch(/Maria|Mimi|Ionescu/);
  });
});
