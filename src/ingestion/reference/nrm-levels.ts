import type { AgeGroup, Gender } from '../../domain/person';
import { EXPLOITATION_CATEGORIES, type ExploitationCategory } from '../../domain/vocabulary';

/**
 * The levels of the NRM statistics' dimensions (shared/data/nrm/README.md), mapped to our
 * vocabularies. `Total` is not a level here: callers select or skip it themselves.
 */

const NRM_EXPLOITATION_WORDS: Readonly<Record<string, ExploitationCategory>> = {
  labour: 'LABOUR',
  sexual: 'SEXUAL',
  criminal: 'CRIMINAL',
  domestic: 'DOMESTIC_SERVITUDE',
  'organ harvesting': 'ORGAN_HARVESTING',
  'not specified or unknown': 'UNKNOWN',
};

/**
 * The categories an NRM `Exploitation type` level names: "Criminal" -> [CRIMINAL], "Labour,
 * Domestic & Criminal" -> [LABOUR, CRIMINAL, DOMESTIC_SERVITUDE] (in EXPLOITATION_CATEGORIES
 * order, so one set has one spelling), "Not specified or unknown" -> [UNKNOWN]. Undefined for an
 * unknown word, and for `Total`.
 */
export function mapNrmExploitationType(level: string): ExploitationCategory[] | undefined {
  const words = level
    .toLowerCase()
    .split(/\s*(?:,|&)\s*/)
    .map((w) => w.trim());
  const found = new Set<ExploitationCategory>();
  for (const w of words) {
    const c = NRM_EXPLOITATION_WORDS[w];
    if (!c) return undefined;
    found.add(c);
  }
  if (found.has('UNKNOWN') && found.size > 1) return undefined;
  return EXPLOITATION_CATEGORIES.filter((c) => found.has(c));
}

/** A set of categories as one key, in vocabulary order: [CRIMINAL, LABOUR] -> "LABOUR+CRIMINAL". */
export function exploitationKey(categories: readonly ExploitationCategory[]): string {
  return EXPLOITATION_CATEGORIES.filter((c) => categories.includes(c)).join('+');
}

const NRM_AGE_GROUPS: Readonly<Record<string, AgeGroup>> = {
  'Adult (18 or over)': 'ADULT',
  'Child (17 or under)': 'CHILD',
  'Not specified or unknown': 'UNKNOWN',
};

/** An NRM `Age at exploitation` level as our age group; undefined for `Total` or anything else. */
export function mapNrmAgeGroup(level: string): AgeGroup | undefined {
  return NRM_AGE_GROUPS[level.trim()];
}

/** The police file writes `Unknown`, the first-responder file `Not Recorded`, for the same thing. */
const NRM_GENDERS: Readonly<Record<string, Gender>> = {
  female: 'FEMALE',
  male: 'MALE',
  other: 'OTHER',
  unknown: 'UNKNOWN',
  'not recorded': 'UNKNOWN',
  'not specified or unknown': 'UNKNOWN',
};

/** An NRM `Gender` level as our gender; undefined for `Total` or anything else. */
export function mapNrmGender(level: string): Gender | undefined {
  return NRM_GENDERS[level.trim().toLowerCase()];
}
