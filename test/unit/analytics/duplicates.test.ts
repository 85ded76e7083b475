import { certainFrom, duplicatePairsToScore } from '../../../src/analytics/network';
import { jaroWinkler, NAME_FOLD, normaliseName, rankDuplicates, scorePair } from '../../../src/analytics/duplicates';
import type { PersonFacts } from '../../../src/graph/network.reader';

const facts = (id: string, extra: Partial<PersonFacts> = {}): PersonFacts => ({
  id,
  name: null,
  aliases: [],
  dateOfBirth: null,
  birthYear: null,
  gender: null,
  nationalities: [],
  ...extra,
});

describe('duplicate scoring', () => {
  it('combines independent evidence as 1 - prod(1 - w), names compared without case, accents or word order', () => {
    expect(normaliseName('Nguyễn Văn A')).toBe('a nguyen van');
    const c = scorePair({
      a: facts('p1', { name: 'Nguyen Van A', birthYear: 1979, nationalities: ['VN'] }),
      b: facts('p2', { name: 'Nguyễn Văn A', birthYear: 1979, nationalities: ['VN'] }),
      shared: [{ kind: 'Phone', id: 'ph1' }, { kind: 'Phone', id: 'ph1' }],
      bound: 1,
    });
    expect(c.evidence.map((e) => e.kind)).toEqual(['Phone', 'NAME_SAME', 'BIRTH_YEAR_SAME', 'NATIONALITY_SHARED']);
    expect(c.score).toBeCloseTo(1 - 0.6 * 0.4 * 0.85 * 0.95, 3);
  });

  it('scores different known dates of birth 0, whatever else is shared', () => {
    const c = scorePair({
      a: facts('p1', { name: 'Ion Pop', dateOfBirth: '1990-01-01' }),
      b: facts('p2', { name: 'Ion Pop', dateOfBirth: '1990-01-02' }),
      shared: [{ kind: 'TravelDocument', id: 'd1' }],
      bound: 0,
    });
    expect(c.score).toBe(0);
  });

  it('ranks best first and drops pairs below the minimum score', () => {
    const row = (a: string, b: string, kind: string) => ({ a: facts(a), b: facts(b), shared: [{ kind, id: `${a}${b}` }], bound: 1 });
    const ranked = rankDuplicates([row('p1', 'p2', 'Vehicle'), row('p3', 'p4', 'TravelDocument'), row('p5', 'p6', 'Phone')], 0.3);
    expect(ranked.map((c) => [c.aId, c.score])).toEqual([
      ['p3', 0.9],
      ['p5', 0.4],
    ]);
  });

  it('hands the scorer MSHT_DUPLICATE_PAIRS pairs, or the limit when that is more', () => {
    expect(duplicatePairsToScore(10, 20_000)).toBe(20_000);
    expect(duplicatePairsToScore(2_000, 20_000)).toBe(20_000);
    expect(duplicatePairsToScore(50_000, 20_000)).toBe(50_000);
    expect(duplicatePairsToScore(3, 1)).toBe(3);
  });

  it('makes a place certain from the lowest bound kept, and every place certain when every pair was scored', () => {
    const rows = [{ bound: 0.9 }, { bound: 0.7 }, { bound: 0.8 }];
    expect(certainFrom(rows, 3)).toBe(0.7);
    expect(certainFrom(rows, 4)).toBe(-Infinity);
    expect(certainFrom([], 20_000)).toBe(-Infinity);
    // Rounded as scores are: a bound a float's width above 0.677 lets a score of 0.677 be certain.
    expect(certainFrom([{ bound: 1 - 0.4 * 0.85 * 0.95 + 1e-12 }], 1)).toBe(0.677);
  });

  /** The key of one name as the duplicates statement computes it in Neo4j (graph/queries/network/duplicates.query.ts). */
  const neo4jKey = (name: string): string[] | null => {
    const folded = [...name.split('')].map((c) => NAME_FOLD[c] ?? c).join('');
    if (!/^[a-z0-9 ]{1,100}$/.test(folded)) return null;
    return folded.split(' ').filter((w) => w !== '').sort();
  };

  it('folds names character by character in Neo4j exactly as the scorer normalises them, wherever it gives a key', () => {
    expect(NAME_FOLD['Ễ']).toBe('e');
    expect(NAME_FOLD['đ']).toBe('d');
    expect(NAME_FOLD['Ș']).toBe('s');
    expect(NAME_FOLD['Ł']).toBe('l');
    expect(NAME_FOLD['ß']).toBe('ss');
    expect(NAME_FOLD['\u0301']).toBe('');
    expect(NAME_FOLD['-']).toBe(' ');
    expect(NAME_FOLD['\u2019']).toBe(' ');
    expect(NAME_FOLD['7']).toBe('7');
    expect(NAME_FOLD['И']).toBeUndefined();
    expect(neo4jKey('Nguyễn  Văn A')).toEqual(['a', 'nguyen', 'van']);
    expect(neo4jKey('Jean-Paul Ionescu')).toEqual(['ionescu', 'jean', 'paul']);
    expect(neo4jKey("O’Brien-Łukasz 2")).toEqual(['2', 'brien', 'lukasz', 'o']);
    expect(neo4jKey('Иван Петров')).toBeNull();
    // Many names from Romanian, Vietnamese, Polish, German and plain letters, precomposed and
    // decomposed accents, punctuation and digits, and a few letters of other scripts.
    const letters = [...'aăâbcdđeêfghiîjklmnoôơpqrsștțuưvwxyzAĂÂBĐÊÎÔƠȘȚƯYàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵłŁøæßİı0123456789', '\u0301', '\u0303', '\u0323', ' ', ' ', ' ', '\u00a0', '\t', '-', "'", '\u2019', '.', ',', '(', 'ß', 'Ø', 'И', 'Ω'];
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    let keyed = 0;
    for (let i = 0; i < 5000; i++) {
      const name = Array.from({ length: 1 + Math.floor(next() * 30) }, () => letters[Math.floor(next() * letters.length)]).join('');
      const key = neo4jKey(name);
      if (key === null) continue;
      keyed++;
      expect(key.join(' ')).toBe(normaliseName(name));
    }
    expect(keyed).toBeGreaterThan(1000);
  });

  it('compares names in other scripts instead of emptying them, and never calls a name of punctuation alone the same', () => {
    expect(normaliseName('Иван ПЕТРОВ')).toBe('иван петров');
    const facts = (name: string) => ({ id: name, name, aliases: [], dateOfBirth: null, birthYear: null, gender: null, nationalities: [] });
    const names = (a: string, b: string) => scorePair({ a: facts(a), b: facts(b), shared: [], bound: 1 }).evidence.filter((e) => e.kind.startsWith('NAME')).map((e) => e.kind);
    expect(names('Иван Петров', 'Олег Смирнов')).toEqual([]);
    expect(names('Иван Петров', 'Петров  иван')).toEqual(['NAME_SAME']);
    expect(names('--', '??')).toEqual([]);
    expect(names('Łukasz Nowak', 'Lukasz Nowak')).toEqual(['NAME_SAME']);
    expect(names('Jean-Paul Ionescu', 'Jean Paul Ionescu')).toEqual(['NAME_SAME']);
  });

  it('calls two names of at most 100 letters the same name only when they are identical', () => {
    // The highest Jaro-Winkler two different strings reach: one letter added at the end, or two
    // swapped, after a shared four-letter prefix. At 100 letters that is still below 0.999.
    const base = 'a'.repeat(100);
    expect(jaroWinkler(base.slice(0, 99), base.slice(0, 99) + 'b')).toBeLessThan(0.999);
    expect(jaroWinkler(base.slice(0, 98) + 'ab', base.slice(0, 98) + 'ba')).toBeLessThan(0.999);
    expect(jaroWinkler(base.slice(0, 99) + 'b', base.slice(0, 99) + 'c')).toBeLessThan(0.999);
  });
});
