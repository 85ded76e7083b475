import type { CypherQuery } from '../../query';
import { visible } from '../access';

export interface DuplicateScope {
  /** Only pairs with at least one of these people (null: the whole visible graph). */
  ids: readonly string[] | null;
  /** Only pairs with at least one member of this group. */
  groupId: string | null;
  /** Pairs whose best possible score is below this are not returned. */
  minScore: number;
  limit: number;
  /** The scorer's evidence weights (analytics/duplicates.ts), for the bound Neo4j ranks by. */
  weights: Readonly<Record<string, number>>;
  /** The scorer's character folding (analytics/duplicates.ts, NAME_FOLD), for names Neo4j can tell apart. */
  nameFold: Readonly<Record<string, string>>;
}

/** The person fields the scorer compares, with victim-protected ones withheld as the projection does. */
function personFacts(v: string): string {
  return `{id: ${v}.id,
    name: CASE WHEN ${withheld(v)} THEN null ELSE ${v}.name END,
    aliases: CASE WHEN ${withheld(v)} THEN [] ELSE coalesce(${v}.aliases, []) END,
    dateOfBirth: CASE WHEN ${withheld(v)} THEN null ELSE toString(${v}.dateOfBirth) END,
    birthYear: CASE WHEN ${withheld(v)} THEN null ELSE ${v}.birthYear END,
    gender: ${v}.gender,
    nationalities: ${nationalities(v)}}`;
}

/** v is one of the people asked for, or a member of the group asked for (only the scopes given are written). */
function inScope(v: string, s: DuplicateScope): string {
  const parts: string[] = [];
  if (s.ids) parts.push(`${v}.id IN $ids`);
  if (s.groupId) parts.push(`EXISTS { MATCH (${v})-[__m:MEMBER_OF]->(__g:OrganisedCrimeGroup {id: $groupId}) WHERE ${visible('__m')} AND ${visible('__g')} }`);
  return `(${parts.join(' OR ')})`;
}

/**
 * `MATCH (v:Person) WHERE rest AND inScope(v)`, each person in scope once. People asked for by id
 * are found by the id index. A group's members are found from the group: as a test of each person
 * (inScope), the planner read every person (0.7 to 1.1 s at the bench's `large` world, 30 to 80 ms
 * from the group).
 */
function peopleInScope(v: string, s: DuplicateScope, rest: string): string {
  if (!s.groupId) return `MATCH (${v}:Person) WHERE ${rest} AND ${inScope(v, s)}`;
  const members = `MATCH (__g:OrganisedCrimeGroup {id: $groupId})<-[__m:MEMBER_OF]-(${v}:Person) WHERE ${visible('__m')} AND ${visible('__g')}`;
  const found = s.ids ? `MATCH (${v}:Person) WHERE ${v}.id IN $ids RETURN ${v}\n    UNION\n    ${members} RETURN ${v}` : `${members} RETURN DISTINCT ${v}`;
  return `CALL () {
    ${found}
  }
  WITH ${v} WHERE ${rest}`;
}

const LINK = 'HAS_IDENTIFIER|RESIDES_AT';
const SHARED_KINDS = "['Phone','Vehicle','BankAccount','TravelDocument','EmailAddress','OnlineHandle','Address']";

/** a and b linked to the same identifier or address, everything on the way visible. */
function shareSomething(a: string, b: string): string {
  return `EXISTS { MATCH (${a})-[__r1:${LINK}]->(__v)<-[__r2:${LINK}]-(${b}) WHERE ${visible('__r1')} AND ${visible('__r2')} AND ${visible('__v')} }`;
}

/** The ids of the identifiers and addresses v is visibly linked to. */
function linkedIds(v: string): string {
  return `[(${v})-[__r:${LINK}]->(__v) WHERE ${visible('__r')} AND ${visible('__v')} | __v.id]`;
}

/**
 * `a.id < b.id AND rest`, the id compared first: half the rows fail it, and the rest (visibility
 * tests) reads properties further down each record's chain. (In one WHERE the planner may test
 * the conjuncts in any order; a CASE tests its condition first.)
 */
function lowerIdFirst(a: string, b: string, rest: string): string {
  return `CASE WHEN ${a}.id < ${b}.id THEN ${rest} ELSE false END`;
}

function surname(v: string): string {
  return `toLower(last(split(trim(${v}.name), ' ')))`;
}

/** Name blocking: a named person with a birth year, never a victim for callers without victim-data rights. */
function blockable(v: string): string {
  return `${v}.birthYear IS NOT NULL AND ${v}.name IS NOT NULL AND ${visible(v)} AND (NOT ${v}:Victim OR $__victimData)`;
}

/** Blocks of more people than this are too common a name to be evidence (and too many pairs). */
const MAX_BLOCK = 50;

const SHARED = `collect(DISTINCT {kind: [l IN labels(v) WHERE l IN ${SHARED_KINDS}][0], id: v.id})`;

/** What the scorer is given of a person is withheld (a victim, for a caller without victim-data rights). */
function withheld(v: string): string {
  return `(${v}:Victim AND NOT $__victimData)`;
}

/**
 * The countries v is a national of through a visible link (the nodes, for pairBound: a pair shares
 * a nationality when a country is in both lists). The country is tested too: reference data cannot
 * be restricted today, but one that ever is must not count.
 */
function nationalOf(v: string): string {
  return `[(${v})-[__n:NATIONAL_OF]->(__c:Country) WHERE ${visible('__n')} AND ${visible('__c')} | __c]`;
}

/** The codes of v's visible nationalities. */
function nationalities(v: string): string {
  return `[(${v})-[__n:NATIONAL_OF]->(__c:Country) WHERE ${visible('__n')} AND ${visible('__c')} | __c.code]`;
}

/**
 * The highest score the scorer (analytics/duplicates.ts) could give a pair of people: its evidence
 * from what Neo4j compares exactly (shared records, dates of birth, birth years, nationalities),
 * read as personFacts shows them. Names count as the same name, the strongest name evidence,
 * unless their name keys (`aKeys`, `bKeys`: nameKeys) show they differ; then as a similar name.
 * Zero for different known dates of birth, as the scorer does.
 */
function pairBound(a: string, b: string, shared: string, aKeys: string, bKeys: string, aCountries: string, bCountries: string): string {
  const dob = (v: string) => `CASE WHEN ${withheld(v)} THEN null ELSE ${v}.dateOfBirth END`;
  const year = (v: string) => `CASE WHEN ${withheld(v)} THEN null ELSE ${v}.birthYear END`;
  const named = (v: string) => `(NOT ${withheld(v)} AND (${v}.name IS NOT NULL OR size(coalesce(${v}.aliases, [])) > 0))`;
  return `CASE WHEN ${dob(a)} <> ${dob(b)} THEN 0.0 ELSE 1.0 -
    reduce(p = 1.0, s IN ${shared} | p * (1.0 - coalesce($weights[s.kind], 0.0)))
    * CASE WHEN ${dob(a)} = ${dob(b)} THEN 1.0 - $weights.DOB_SAME
           WHEN ${year(a)} = ${year(b)} THEN 1.0 - $weights.BIRTH_YEAR_SAME
           ELSE 1.0 END
    * CASE WHEN any(__c IN ${aCountries} WHERE __c IN ${bCountries}) THEN 1.0 - $weights.NATIONALITY_SHARED ELSE 1.0 END
    * CASE WHEN NOT (${named(a)} AND ${named(b)}) THEN 1.0
           WHEN ${namesDiffer(aKeys, bKeys)} THEN 1.0 - $weights.NAME_SIMILAR
           ELSE 1.0 - $weights.NAME_SAME END
  END`;
}

/**
 * The name n folded character by character with `$nameFold` (analytics/duplicates.ts, NAME_FOLD:
 * accents removed, lower case, punctuation to spaces), characters the table does not know left as
 * they are. A name of plain letters, digits and spaces only needs lower case, which is quicker.
 */
function foldedName(n: string): string {
  return `CASE WHEN ${n} =~ '[A-Za-z0-9 ]*' THEN toLower(${n})
    ELSE reduce(__s = '', __c IN split(${n}, '') | __s + coalesce($nameFold[__c], __c)) END`;
}

/**
 * The keys of v's names (its name and aliases, as the scorer reads them): each name as the scorer
 * normalises it (analytics/duplicates.ts, normaliseName), its words sorted, where Neo4j can tell
 * for certain: a name that folds (foldedName) to lower-case letters, digits and spaces only, at
 * most 100 of them. Null in the list otherwise: such a name may normalise to the same as another.
 * Two names with different keys cannot be the same name to the scorer: at that length
 * Jaro-Winkler reaches its "same name" threshold (0.999) only for identical strings. (The
 * one-element list names the folded name once for the test and the words.)
 */
function nameKeys(v: string): string {
  return `[__n IN [${v}.name] + coalesce(${v}.aliases, []) WHERE __n IS NOT NULL AND __n <> '' |
    [__f IN [${foldedName('__n')}] | CASE WHEN __f =~ '[a-z0-9 ]{1,100}'
      THEN COLLECT { UNWIND split(__f, ' ') AS __w WITH __w WHERE __w <> '' RETURN __w ORDER BY __w }
    END][0]]`;
}

/**
 * No name of one can be the same name as a name of the other, to the scorer: both have names,
 * Neo4j keyed them all (nameKeys), and no key is in both.
 */
function namesDiffer(aKeys: string, bKeys: string): string {
  return `(size(${aKeys}) > 0 AND size(${bKeys}) > 0 AND none(__k IN ${aKeys} + ${bKeys} WHERE __k IS NULL) AND none(__k IN ${aKeys} WHERE __k IN ${bKeys}))`;
}

/**
 * pairBound for two entries of one name block ({dob, nationalities, keys}), which share nothing:
 * both named and shown, the same birth year. A same name is assumed unless the name keys show the
 * names differ; then a similar name is the best the names can give.
 */
function nameBlockBound(x: string, y: string): string {
  return `CASE WHEN ${x}.dob <> ${y}.dob THEN 0.0 ELSE 1.0 -
    CASE WHEN ${namesDiffer(`${x}.keys`, `${y}.keys`)} THEN 1.0 - $weights.NAME_SIMILAR ELSE 1.0 - $weights.NAME_SAME END
    * CASE WHEN ${x}.dob = ${y}.dob THEN 1.0 - $weights.DOB_SAME ELSE 1.0 - $weights.BIRTH_YEAR_SAME END
    * CASE WHEN any(c IN ${x}.nationalities WHERE c IN ${y}.nationalities) THEN 1.0 - $weights.NATIONALITY_SHARED ELSE 1.0 END
  END`;
}

/**
 * Whether minScore is above every name-block bound of two names Neo4j tells apart (a similar name
 * and the same birth year, at most): then only pairs whose names may be the same, or with the same
 * date of birth, reach it, a few of a block's pairs, and what each person is linked to is read for
 * those pairs only. Otherwise most pairs reach it, and it is read once for each person of a block.
 */
function fewBlockPairsPass(s: DuplicateScope): boolean {
  const w = s.weights;
  const highestOfDifferentNames = 1 - (1 - (w.NAME_SIMILAR ?? 0)) * (1 - (w.BIRTH_YEAR_SAME ?? 0)) * (1 - (w.NATIONALITY_SHARED ?? 0));
  return s.minScore > highestOfDifferentNames;
}

/** A pair's columns a, b, aId and bId, the lower id first. */
function lowerFirst(a: string, b: string): string {
  const low = `${a}.id < ${b}.id`;
  return `CASE WHEN ${low} THEN ${a} ELSE ${b} END AS a, CASE WHEN ${low} THEN ${b} ELSE ${a} END AS b,
    CASE WHEN ${low} THEN ${a}.id ELSE ${b}.id END AS aId, CASE WHEN ${low} THEN ${b}.id ELSE ${a}.id END AS bId`;
}

/**
 * The two sources of candidate pairs, each pair once, with its bound: (1) pairs that share a
 * visible identifier or address, with what they share; (2) pairs with the same birth year and
 * last name token that share nothing. Over the whole graph, (1) is grouped per person and (2) per
 * name block, so Neo4j never holds every pair at once (at the bench's `large` world there are
 * about two million), and in (2) what the bound needs of a person is read once, not once per pair.
 * In (1) a person's nationalities are read once as a list, not matched again for each pair. In (2)
 * a pair below minScore is dropped before anything else is read of it: when few pairs reach
 * minScore (fewPass, fewBlockPairsPass), what the two are linked to is read for those pairs only.
 */
function wholeGraphPairs(fewPass: boolean): string {
  return `MATCH (a:Person) WHERE ${visible('a')}
  CALL (a) {
    MATCH (a)-[r1:${LINK}]->(v)<-[r2:${LINK}]-(b:Person)
    WHERE ${visible('r1')} AND ${visible('v')} AND ${lowerIdFirst('a', 'b', `${visible('b')} AND ${visible('r2')}`)}
    WITH b, ${SHARED} AS shared
    RETURN collect({b: b, shared: shared}) AS partners
  }
  WITH a, partners WHERE size(partners) > 0
  WITH a, partners, ${nameKeys('a')} AS aKeys, ${nationalOf('a')} AS aCountries
  UNWIND partners AS partner
  WITH a, aKeys, aCountries, partner.b AS b, partner.shared AS shared
  WITH a, aKeys, aCountries, b, shared, ${nameKeys('b')} AS bKeys, ${nationalOf('b')} AS bCountries
  RETURN a, b, a.id AS aId, b.id AS bId, shared, ${pairBound('a', 'b', 'shared', 'aKeys', 'bKeys', 'aCountries', 'bCountries')} AS bound
  UNION ALL
  MATCH (a:Person) WHERE ${blockable('a')}
  WITH a.birthYear AS year, ${surname('a')} AS surname, collect(a) AS people
  WHERE size(people) > 1 AND size(people) <= ${MAX_BLOCK}
  CALL (people) {
    UNWIND people AS p
    WITH p ORDER BY p.id
    RETURN collect({person: p, id: p.id, dob: p.dateOfBirth, nationalities: ${nationalities('p')}${fewPass ? '' : `, links: ${linkedIds('p')}`}, keys: ${nameKeys('p')}}) AS block
  }
  UNWIND range(0, size(block) - 2) AS i
  UNWIND range(i + 1, size(block) - 1) AS j
  WITH block[i] AS x, block[j] AS y
  WITH x, y, ${nameBlockBound('x', 'y')} AS bound
  // Pairs below minScore go no further (the statement drops them anyway).
  WHERE bound >= $minScore${
    fewPass
      ? `
  WITH x, y, bound, x.person AS a, y.person AS b
  WITH x, y, bound, a, b, ${linkedIds('a')} AS aLinks, ${linkedIds('b')} AS bLinks
  WHERE NOT any(l IN aLinks WHERE l IN bLinks)`
      : ' AND NOT any(l IN x.links WHERE l IN y.links)'
  }
  RETURN x.person AS a, y.person AS b, x.id AS aId, y.id AS bId, [] AS shared, bound`;
}

/** The same two sources from the people in scope: a pair with both ends in scope is found from its lower id only. */
function scopedPairs(s: DuplicateScope): string {
  return `${peopleInScope('a', s, visible('a'))}
  CALL (a) {
    MATCH (a)-[r1:${LINK}]->(v)<-[r2:${LINK}]-(b:Person)
    WHERE b <> a AND ${visible('b')} AND ${visible('r1')} AND ${visible('r2')} AND ${visible('v')} AND (a.id < b.id OR NOT ${inScope('b', s)})
    RETURN b, ${SHARED} AS shared
  }
  WITH a, b, shared, ${nameKeys('a')} AS aKeys, ${nameKeys('b')} AS bKeys, ${nationalOf('a')} AS aCountries, ${nationalOf('b')} AS bCountries
  RETURN ${lowerFirst('a', 'b')}, shared, ${pairBound('a', 'b', 'shared', 'aKeys', 'bKeys', 'aCountries', 'bCountries')} AS bound
  UNION ALL
  ${peopleInScope('a', s, blockable('a'))}
  CALL (a) {
    MATCH (b:Person) WHERE b.birthYear = a.birthYear AND b <> a AND ${blockable('b')} AND ${surname('b')} = ${surname('a')}
    WITH collect(b) AS others
    WHERE size(others) < ${MAX_BLOCK}
    UNWIND others AS b
    WITH b WHERE (a.id < b.id OR NOT ${inScope('b', s)}) AND NOT ${shareSomething('a', 'b')}
    RETURN b
  }
  WITH a, b, {dob: a.dateOfBirth, nationalities: ${nationalities('a')}, keys: ${nameKeys('a')}} AS x, {dob: b.dateOfBirth, nationalities: ${nationalities('b')}, keys: ${nameKeys('b')}} AS y
  RETURN ${lowerFirst('a', 'b')}, [] AS shared, ${nameBlockBound('x', 'y')} AS bound`;
}

/**
 * Candidate pairs of probably-the-same person records, found by blocking (never all pairs), with
 * the scorer's facts of each person. Neo4j ranks every pair by the highest score it could reach
 * (pairBound) and keeps the `limit` highest: a bounded top-k, so memory stays flat however many
 * pairs there are. The scorer (analytics/duplicates.ts) computes their exact scores. Name-based
 * blocking skips victims for callers without victim-data rights.
 */
export function duplicateCandidatesQuery(s: DuplicateScope): CypherQuery {
  const pairs = s.ids || s.groupId ? scopedPairs(s) : wholeGraphPairs(fewBlockPairsPass(s));
  return {
    cypher: `CALL () {
  ${pairs}
}
WITH a, b, shared, bound, aId, bId
WHERE bound >= $minScore
ORDER BY bound DESC, aId, bId
LIMIT toInteger($limit)
RETURN ${personFacts('a')} AS a, ${personFacts('b')} AS b, shared, bound`,
    params: { ids: s.ids ? [...s.ids] : null, groupId: s.groupId, minScore: s.minScore, limit: s.limit, weights: { ...s.weights }, nameFold: { ...s.nameFold } },
  };
}
