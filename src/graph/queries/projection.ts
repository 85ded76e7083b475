/**
 * How a node leaves the database: one projection for every reader, so the victim rule cannot be
 * forgotten. A Victim's name, aliases, date and year of birth, and the value of any identifier a
 * Victim holds, come back null to callers without victim-data rights (`$__victimData`), flagged
 * `__redacted`, so the API can show a pseudonym instead. The values never leave Neo4j.
 */
export const VICTIM_PROTECTED_KEYS = ['name', 'aliases', 'dateOfBirth', 'birthYear'] as const;
export const IDENTIFIER_PROTECTED_KEYS = ['value', 'display'] as const;

export function projectNode(v: string): string {
  const nullPerson = VICTIM_PROTECTED_KEYS.map((k) => `${k}: null`).join(', ');
  const nullIdentifier = IDENTIFIER_PROTECTED_KEYS.map((k) => `${k}: null`).join(', ');
  return `CASE
    WHEN ${v}:Victim AND NOT $__victimData THEN ${v} {.*, ${nullPerson}, __labels: labels(${v}), __redacted: true}
    WHEN ${v}:Identifier AND NOT $__victimData AND EXISTS { (${v})<-[:HAS_IDENTIFIER]-(:Victim) } THEN ${v} {.*, ${nullIdentifier}, __labels: labels(${v}), __redacted: true}
    ELSE ${v} {.*, __labels: labels(${v}), __redacted: false}
  END`;
}

/** A relationship as a map with its type and its ends' ids. */
export function projectRel(r: string): string {
  return `${r} {.*, __type: type(${r}), __from: startNode(${r}).id, __to: endNode(${r}).id, __id: elementId(${r})}`;
}
