import type { DuplicateCandidateRow, PersonFacts } from '../graph/network.reader';

/**
 * Scores candidate pairs of person records (pure). Each piece of evidence has a weight, read as
 * an independent probability that the two records are the same person; they combine as
 * 1 - prod(1 - w). Weights are a documented judgement, tuned on the planted duplicates of the
 * synthetic world: a shared travel document is near-conclusive, a shared phone alone is not.
 */
export const EVIDENCE_WEIGHTS = {
  TravelDocument: 0.9,
  EmailAddress: 0.5,
  BankAccount: 0.45,
  Phone: 0.4,
  OnlineHandle: 0.4,
  Vehicle: 0.2,
  Address: 0.15,
  NAME_SAME: 0.6,
  NAME_SIMILAR: 0.35,
  DOB_SAME: 0.5,
  BIRTH_YEAR_SAME: 0.15,
  NATIONALITY_SHARED: 0.05,
} as const;

export type EvidenceKind = keyof typeof EVIDENCE_WEIGHTS;

export interface Evidence {
  kind: EvidenceKind;
  weight: number;
  detail: string;
  /** The shared record, where the evidence is a shared identifier or address. */
  sharedId?: string;
}

export interface DuplicateCandidate {
  aId: string;
  bId: string;
  score: number;
  evidence: Evidence[];
}

/**
 * Latin letters that carry no accent to remove (Unicode does not decompose them), written as
 * the plain letters they are usually spelled with: "Łukasz" = "Lukasz", "Søren" = "Soren".
 */
const PLAIN_LATIN: Readonly<Record<string, string>> = { đ: 'd', ð: 'd', ł: 'l', ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', þ: 'th', ı: 'i', ŋ: 'n', ħ: 'h', ŧ: 't', ŀ: 'l' };

/** Accents removed and lower case: the letter-by-letter part of normaliseName. */
function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[đðłøæœßþıŋħŧŀ]/g, (c) => PLAIN_LATIN[c]!);
}

/**
 * Lower case, accents removed, punctuation dropped, tokens sorted: "Nguyễn Văn A" = "a van nguyen",
 * "Jean-Paul" = "jean paul". Letters of every script are kept ("Иван Петров" = "иван петров"), so
 * two names in Cyrillic or Greek are compared, not both emptied.
 */
export function normaliseName(name: string): string {
  return fold(name)
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .sort()
    .join(' ');
}

/**
 * What normaliseName makes of each character it turns into plain lower-case letters, digits or
 * spaces, before it splits the words: "Ễ" → "e", "Ł" → "l", "A" → "a", "-" → " ", "7" → "7", a
 * combining accent → "". Neo4j folds a name character by character with this table
 * (graph/queries/network/duplicates.query.ts); normaliseName works character by character up to
 * the split, so a name made only of these characters folds the same way in both. Letters of other
 * scripts are not in it: Neo4j cannot tell such names apart, and assumes they may be the same.
 */
export const NAME_FOLD: Readonly<Record<string, string>> = (() => {
  const table: Record<string, string> = {};
  const ranges: [number, number][] = [
    [0x20, 0x7e], // ASCII letters, digits, spaces and punctuation
    [0xa0, 0x24f], // Latin-1 Supplement, Latin Extended-A and -B
    [0x300, 0x36f], // combining accents
    [0x1e00, 0x1eff], // Latin Extended Additional (Vietnamese)
    [0x2000, 0x206f], // General Punctuation: dashes, quotation marks, spaces
  ];
  for (const [from, to] of ranges) {
    for (let cp = from; cp <= to; cp++) {
      const c = String.fromCodePoint(cp);
      const f = fold(c).replace(/[^\p{L}\p{N}\s]/gu, ' ').replace(/\s/gu, ' ');
      if (/^[a-z0-9 ]*$/.test(f)) table[c] = f;
    }
  }
  return table;
})();

/** Jaro-Winkler similarity (0..1), prefix scale 0.1, up to 4 characters. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (!a.length || !b.length) return 0;
  const range = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatch = new Array<boolean>(a.length).fill(false);
  const bMatch = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - range); j < Math.min(b.length, i + range + 1); j++) {
      if (!bMatch[j] && a[i] === b[j]) {
        aMatch[i] = bMatch[j] = true;
        matches++;
        break;
      }
    }
  }
  if (!matches) return 0;
  let t = 0;
  for (let i = 0, k = 0; i < a.length; i++) {
    if (!aMatch[i]) continue;
    while (!bMatch[k]) k++;
    if (a[i] !== b[k]) t++;
    k++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - t / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

function bestNameSimilarity(a: PersonFacts, b: PersonFacts): number {
  // A name of punctuation alone normalises to nothing: nothing to compare, and never the same name.
  const names = (p: PersonFacts) => [p.name, ...p.aliases].filter((n): n is string => !!n).map(normaliseName).filter(Boolean);
  let best = 0;
  for (const x of names(a)) for (const y of names(b)) best = Math.max(best, jaroWinkler(x, y));
  return best;
}

export function scorePair(row: DuplicateCandidateRow): DuplicateCandidate {
  const evidence: Evidence[] = [];
  const seen = new Set<string>();
  for (const s of row.shared) {
    if (!s.kind || seen.has(s.id)) continue;
    seen.add(s.id);
    const kind = s.kind as EvidenceKind;
    if (kind in EVIDENCE_WEIGHTS) evidence.push({ kind, weight: EVIDENCE_WEIGHTS[kind], detail: `both linked to the same ${s.kind}`, sharedId: s.id });
  }
  const sim = bestNameSimilarity(row.a, row.b);
  if (sim >= 0.999) evidence.push({ kind: 'NAME_SAME', weight: EVIDENCE_WEIGHTS.NAME_SAME, detail: 'same name (or alias), ignoring case, accents, punctuation and word order' });
  else if (sim >= 0.88) evidence.push({ kind: 'NAME_SIMILAR', weight: EVIDENCE_WEIGHTS.NAME_SIMILAR, detail: `similar names (Jaro-Winkler ${sim.toFixed(3)})` });
  if (row.a.dateOfBirth && row.a.dateOfBirth === row.b.dateOfBirth) {
    evidence.push({ kind: 'DOB_SAME', weight: EVIDENCE_WEIGHTS.DOB_SAME, detail: `same date of birth ${row.a.dateOfBirth}` });
  } else if (row.a.birthYear && row.a.birthYear === row.b.birthYear) {
    evidence.push({ kind: 'BIRTH_YEAR_SAME', weight: EVIDENCE_WEIGHTS.BIRTH_YEAR_SAME, detail: `same birth year ${row.a.birthYear}` });
  }
  const nat = row.a.nationalities.filter((c) => row.b.nationalities.includes(c));
  if (nat.length) evidence.push({ kind: 'NATIONALITY_SHARED', weight: EVIDENCE_WEIGHTS.NATIONALITY_SHARED, detail: `same nationality ${nat.join(', ')}` });
  // Records with different known dates of birth are different people, whatever else they share.
  const conflict = row.a.dateOfBirth && row.b.dateOfBirth && row.a.dateOfBirth !== row.b.dateOfBirth;
  const score = conflict ? 0 : 1 - evidence.reduce((acc, e) => acc * (1 - e.weight), 1);
  return { aId: row.a.id, bId: row.b.id, score: Math.round(score * 1000) / 1000, evidence };
}

export function rankDuplicates(rows: DuplicateCandidateRow[], minScore: number): DuplicateCandidate[] {
  return rows
    .map(scorePair)
    .filter((c) => c.score >= minScore)
    .sort((x, y) => y.score - x.score || x.aId.localeCompare(y.aId) || x.bId.localeCompare(y.bId));
}
