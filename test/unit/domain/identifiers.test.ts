import { phoneCountry } from '../../../src/domain/identifiers';

describe('phoneCountry', () => {
  it('names the country of the numbering range', () => {
    expect(phoneCountry('+447812345678')).toBe('GB');
    expect(phoneCountry('+447624123456')).toBe('IM');
    expect(phoneCountry('+40721234567')).toBe('RO');
    expect(phoneCountry('+355691234567')).toBe('AL');
  });

  it('falls back to the main country of the calling code for a number in no assigned range', () => {
    // UK 076 numbers are pagers, mostly unassigned: still a UK number to whoever reads it.
    expect(phoneCountry('+447610085888')).toBe('GB');
    expect(phoneCountry('+4070000000')).toBe('RO');
  });

  it('gives nothing for what is not a phone number', () => {
    expect(phoneCountry('+4476')).toBeNull();
    expect(phoneCountry('not a number')).toBeNull();
  });
});
