import type { ListFilter, SeedPattern } from '../list.query';
import type { ParamBag } from '../params';
import { valueShown, visible, visiblePath } from '../access';
import { compact, existsVisible, inList, joinVisible, range, seedVisible, textContains, typeMatches } from './filter-parts';

/**
 * List filters, one builder per entity, over the node variable `n`. Inputs are plain objects
 * (from GraphQL inputs or the CLI); labels and property keys are ours; values go into the bag.
 */

const ROLE_LABELS: Record<string, string> = { OFFENDER: 'Offender', SUSPECT: 'Suspect', VICTIM: 'Victim' };

/** A victim's protected fields (names, birth dates) may only be filtered on with victim-data rights. */
const VICTIM_GUARD = '(NOT n:Victim OR $__victimData)';

export interface PersonFilterInput {
  roles?: string[] | null;
  nationalities?: string[] | null;
  name?: string | null;
  gender?: string[] | null;
  ageGroups?: string[] | null;
  birthYearFrom?: number | null;
  birthYearTo?: number | null;
  groupId?: string | null;
  groupRoles?: string[] | null;
  exploitationTypes?: string[] | null;
  forceAreas?: string[] | null;
  recordedFrom?: Date | null;
  recordedTo?: Date | null;
}

function recorded(bag: ParamBag, f: { recordedFrom?: Date | null; recordedTo?: Date | null }): string[] {
  return range(bag, 'n.recordedAt', f.recordedFrom?.toISOString(), f.recordedTo?.toISOString(), (p) => `datetime(${p})`);
}

/** A pattern from `n`, the variables whose visibility it needs, and its condition. */
interface Related {
  pattern: string;
  variables: string[];
  extra: string;
}

const exists = (r: Related) => existsVisible(r.pattern, r.variables, [r.extra]);
const seeded = (r: Related): SeedPattern => seedVisible(r.pattern, r.variables, [r.extra]);

/**
 * The person filter. A nationality or a group id is joined (list.query.ts, ListFilter): both name
 * one node by a unique key, and starting from it is what makes a filtered list of people cheap
 * (a country's people, not every person in a birth-year range tested one by one).
 *
 * Without a join, a force area, else an exploitation type, else group roles is the list's seed:
 * the people are found from the force (through the exploitation events there, and the addresses
 * in its towns), from the type or from the groups' memberships in those roles, each once, and
 * the other filters then test each of them. As predicates, each of the 260,000 people of the
 * bench's `large` world was tested: 3.5 to 5 s for a page of people linked to one force, 0.25 s
 * from the force.
 */
export function personFilter(f: PersonFilterInput, bag: ParamBag): ListFilter {
  const byName = textContains(bag, 'n', f.name, 'aliases');
  const years = range(bag, 'n.birthYear', f.birthYearFrom, f.birthYearTo);
  const joins: ReturnType<typeof joinVisible>[] = [];
  if (f.nationalities?.length) joins.push(joinVisible('(n)-[__r:NATIONAL_OF]->(__c:Country)', ['__r', '__c'], [inList(bag, '__c.code', f.nationalities)]));
  if (f.groupId) {
    joins.push(joinVisible('(n)-[__m:MEMBER_OF]->(__g:OrganisedCrimeGroup)', ['__m', '__g'], [`__g.id = ${bag.add(f.groupId)}`, inList(bag, '__m.role', f.groupRoles)]));
  }
  const inRoles: Related | null = !f.groupId && f.groupRoles?.length
    ? { pattern: '(n)-[__m:MEMBER_OF]->(__g:OrganisedCrimeGroup)', variables: ['__m', '__g'], extra: `__m.role IN ${bag.add([...f.groupRoles])}` }
    : null;
  const ofType: Related | null = f.exploitationTypes?.length
    ? { pattern: '(n)-[__x:EXPLOITED|PERPETRATED]-(__e:Exploitation)-[__o:OF_TYPE]->(__t:ExploitationType)', variables: ['__x', '__e', '__o', '__t'], extra: typeMatches(bag, '__t', f.exploitationTypes) }
    : null;
  const inForce = f.forceAreas?.length ? personInForce(bag, f.forceAreas) : null;
  // Where the list starts when nothing is joined: the force's ways in, else the type, else the roles.
  const start = joins.length > 0 ? null : (inForce ?? (ofType ? [ofType] : inRoles ? [inRoles] : null));
  const where = compact([
    f.roles && f.roles.length ? `(${f.roles.map((r) => `n:${ROLE_LABELS[r]}`).join(' OR ')})` : null,
    byName ? `(${VICTIM_GUARD} AND ${byName})` : null,
    inList(bag, 'n.gender', f.gender),
    inList(bag, 'n.ageGroup', f.ageGroups),
    years.length ? `(${VICTIM_GUARD} AND ${years.join(' AND ')})` : null,
    inRoles && !start?.includes(inRoles) ? exists(inRoles) : null,
    ofType && !start?.includes(ofType) ? exists(ofType) : null,
    inForce && start !== inForce ? `(${inForce.map(exists).join('\n    OR ')})` : null,
    ...recorded(bag, f),
  ]);
  return { joins: joins.flatMap((j) => j.joins), where: [...joins.flatMap((j) => j.where), ...where], ...(start ? { seed: start.map(seeded) } : {}) };
}

/** Linked to a force area: lives at an address there, or was exploited (or exploited others) there. */
function personInForce(bag: ParamBag, codes: readonly string[]): Related[] {
  const p = bag.add([...codes]);
  return [
    { pattern: '(n)-[__ra:RESIDES_AT]->(__ad:Address)-[__p1:PART_OF]->(__tw:Town)-[__p2:PART_OF]->(__f:PoliceForce)', variables: ['__ra', '__ad', '__p1', '__tw', '__p2', '__f'], extra: `__f.code IN ${p}` },
    { pattern: '(n)-[__x:EXPLOITED|PERPETRATED]-(__e:Exploitation)-[__ia:IN_AREA]->(__f:PoliceForce)', variables: ['__x', '__e', '__ia', '__f'], extra: `__f.code IN ${p}` },
  ];
}

export interface GroupFilterInput {
  name?: string | null;
  threatLevels?: string[] | null;
  memberNationalities?: string[] | null;
  exploitationTypes?: string[] | null;
  forceAreas?: string[] | null;
  targetedByOperation?: boolean | null;
  recordedFrom?: Date | null;
  recordedTo?: Date | null;
}

/**
 * The group filter. A member nationality and a force area each name a node by its unique key (a
 * country, a force). The first of them given is the list's seed (list.query.ts): the groups are
 * found from that node, each once, instead of testing every group's members or exploitation
 * events one by one; the other stays a predicate. At the bench's `large` world (13,000 groups)
 * the first page of groups with Vietnamese members came 5 times faster, with Romanian members 7
 * to 9 times, and of groups exploiting in the Met 2 to 3 times and in the West Midlands 10 times.
 * A filter that most groups pass (four common nationalities, 10,600 groups) is slower that way
 * (0.7 to 0.8 s against 0.4), because a predicate stops at a group's first match. An
 * exploitation type stays a predicate for that reason: most groups have some labour exploitation.
 */
export function groupFilter(f: GroupFilterInput, bag: ParamBag): ListFilter {
  const targeted = existsVisible('(n)<-[__t:TARGETS]-(__op:Operation)', ['__t', '__op']);
  const related: Related[] = [];
  if (f.memberNationalities?.length) {
    related.push({ pattern: '(n)<-[__m:MEMBER_OF]-(__p:Person)-[__r:NATIONAL_OF]->(__c:Country)', variables: ['__m', '__p', '__r', '__c'], extra: `__c.code IN ${bag.add([...f.memberNationalities])}` });
  }
  if (f.forceAreas?.length) {
    related.push({ pattern: '(n)-[__xf:PERPETRATED]->(__ef:Exploitation)-[__ia:IN_AREA]->(__f:PoliceForce)', variables: ['__xf', '__ef', '__ia', '__f'], extra: `__f.code IN ${bag.add([...f.forceAreas])}` });
  }
  const [first, ...rest] = related;
  const where = compact([
    textContains(bag, 'n', f.name, 'aliases'),
    inList(bag, 'n.threatLevel', f.threatLevels),
    ...rest.map(exists),
    f.exploitationTypes?.length
      ? existsVisible('(n)-[__x:PERPETRATED]->(__e:Exploitation)-[__o:OF_TYPE]->(__t:ExploitationType)', ['__x', '__e', '__o', '__t'], [typeMatches(bag, '__t', f.exploitationTypes)])
      : null,
    f.targetedByOperation === true ? targeted : f.targetedByOperation === false ? `NOT ${targeted}` : null,
    ...recorded(bag, f),
  ]);
  return first ? { where, seed: [seeded(first)] } : { where };
}

export interface OperationFilterInput {
  name?: string | null;
  statuses?: string[] | null;
  leadAgencies?: string[] | null;
  forceAreas?: string[] | null;
  crimeTypes?: string[] | null;
  startedFrom?: string | null;
  startedTo?: string | null;
}

export function operationFilter(f: OperationFilterInput, bag: ParamBag): string[] {
  return compact([
    textContains(bag, 'n', f.name),
    inList(bag, 'n.status', f.statuses),
    f.leadAgencies?.length ? existsVisible('(n)-[__l:LED_BY]->(__a:Agency)', ['__l', '__a'], [inList(bag, '__a.code', f.leadAgencies)]) : null,
    f.forceAreas?.length
      ? existsVisible('(n)-[__ia:IN_AREA]->(__f)', ['__ia', '__f'], [`(__f:PoliceForce OR __f:Region)`, `(__f.code IN ${bag.add(f.forceAreas)})`])
      : null,
    f.crimeTypes?.length ? `any(__c IN coalesce(n.crimeTypes, []) WHERE __c IN ${bag.add(f.crimeTypes)})` : null,
    ...range(bag, 'n.startDate', f.startedFrom, f.startedTo, (p) => `date(${p})`),
  ]);
}

export interface BusinessFilterInput {
  name?: string | null;
  types?: string[] | null;
  forceAreas?: string[] | null;
  controlledByGroup?: string | null;
  targetedByOperation?: boolean | null;
}

export function businessFilter(f: BusinessFilterInput, bag: ParamBag): string[] {
  const targeted = existsVisible('(n)<-[__t:TARGETS]-(__op:Operation)', ['__t', '__op']);
  return compact([
    textContains(bag, 'n', f.name),
    inList(bag, 'n.type', f.types),
    f.forceAreas?.length
      ? existsVisible('(n)-[__la:LOCATED_AT]->(__ad:Address)-[__p1:PART_OF]->(__tw:Town)-[__p2:PART_OF]->(__f:PoliceForce)', ['__la', '__ad', '__p1', '__tw', '__p2', '__f'], [inList(bag, '__f.code', f.forceAreas)])
      : null,
    f.controlledByGroup ? existsVisible('(n)<-[__c:CONTROLS]-(__g:OrganisedCrimeGroup)', ['__c', '__g'], [`__g.id = ${bag.add(f.controlledByGroup)}`]) : null,
    f.targetedByOperation === true ? targeted : f.targetedByOperation === false ? `NOT ${targeted}` : null,
  ]);
}

export interface RouteFilterInput {
  originCountry?: string | null;
  destinationCountry?: string | null;
  viaCountry?: string | null;
  modes?: string[] | null;
}

/**
 * A visible stop `__o` of the route `n` (over `__s`) in the given country, with conditions: a
 * Country stop is its own country (no hop), a town's is found up the hierarchy. The path is bound
 * and every link and node on it (the stop link, the stop, each PART_OF and place above it) must be
 * visible, so a stop never counts through a hidden item.
 */
function stopIn(bag: ParamBag, country: string, extra: readonly string[] = []): string {
  const conds = [visiblePath('__path'), `__cc.code = ${bag.add(country)}`, ...extra];
  return `EXISTS { MATCH __path = (n)-[__s:HAS_STOP]->(__o)-[:PART_OF*0..4]->(__cc:Country) WHERE ${conds.join(' AND ')} }`;
}

/** No visible stop of `n` comes before (`<`) or after (`>`) `__s`: `__s` is the first or last the caller sees. */
function noVisibleStop(direction: '<' | '>'): string {
  return `NOT EXISTS { MATCH (n)-[__s2:HAS_STOP]->(__o2) WHERE __s2.order ${direction} __s.order AND ${visible('__s2')} AND ${visible('__o2')} }`;
}

/**
 * Origin and destination are the first and last stops the caller sees (as a route's `origin`,
 * `destination` and `stops` show them): a hidden stop neither is one nor stops another being one.
 */
export function routeFilter(f: RouteFilterInput, bag: ParamBag): string[] {
  return compact([
    f.originCountry ? stopIn(bag, f.originCountry, [noVisibleStop('<')]) : null,
    f.destinationCountry ? stopIn(bag, f.destinationCountry, [noVisibleStop('>')]) : null,
    f.viaCountry ? stopIn(bag, f.viaCountry) : null,
    f.modes?.length ? existsVisible('(n)-[__s:HAS_STOP]->(__o)', ['__s', '__o'], [inList(bag, '__s.mode', f.modes)]) : null,
  ]);
}

export interface ExploitationFilterInput {
  types?: string[] | null;
  forceAreas?: string[] | null;
  from?: string | null;
  to?: string | null;
  victimNationalities?: string[] | null;
  groupId?: string | null;
}

export function exploitationFilter(f: ExploitationFilterInput, bag: ParamBag): string[] {
  return compact([
    f.types?.length ? existsVisible('(n)-[__o:OF_TYPE]->(__t:ExploitationType)', ['__o', '__t'], [typeMatches(bag, '__t', f.types)]) : null,
    f.forceAreas?.length ? existsVisible('(n)-[__ia:IN_AREA]->(__f:PoliceForce)', ['__ia', '__f'], [inList(bag, '__f.code', f.forceAreas)]) : null,
    ...range(bag, 'n.startDate', f.from, f.to, (p) => `date(${p})`),
    f.victimNationalities?.length
      ? existsVisible('(n)-[__x:EXPLOITED]->(__v:Person)-[__r:NATIONAL_OF]->(__c:Country)', ['__x', '__v', '__r', '__c'], [inList(bag, '__c.code', f.victimNationalities)])
      : null,
    f.groupId ? existsVisible('(n)<-[__x:PERPETRATED]-(__g:OrganisedCrimeGroup)', ['__x', '__g'], [`__g.id = ${bag.add(f.groupId)}`]) : null,
  ]);
}

export interface NrmReferralFilterInput {
  from?: string | null;
  to?: string | null;
  firstResponderTypes?: string[] | null;
  rgDecisions?: string[] | null;
  cgDecisions?: string[] | null;
  forceAreas?: string[] | null;
}

export function nrmReferralFilter(f: NrmReferralFilterInput, bag: ParamBag): string[] {
  return compact([
    ...range(bag, 'n.referredOn', f.from, f.to, (p) => `date(${p})`),
    inList(bag, 'n.firstResponderType', f.firstResponderTypes),
    inList(bag, 'n.rgDecision', f.rgDecisions),
    inList(bag, 'n.cgDecision', f.cgDecisions),
    f.forceAreas?.length ? existsVisible('(n)-[__ia:IN_AREA]->(__f:PoliceForce)', ['__ia', '__f'], [inList(bag, '__f.code', f.forceAreas)]) : null,
  ]);
}

export interface NrmStatisticFilterInput {
  periods?: string[] | null;
  years?: number[] | null;
  quarters?: string[] | null;
  forceCodes?: string[] | null;
  responderTypes?: string[] | null;
  responders?: string[] | null;
  exploitationCategories?: string[] | null;
  ageGroups?: string[] | null;
  genders?: string[] | null;
  nationalityCodes?: string[] | null;
}

/** NRM statistics cells; a list of categories or nationalities matches a cell that has any of them. */
export function nrmStatisticFilter(f: NrmStatisticFilterInput, bag: ParamBag): string[] {
  return compact([
    inList(bag, 'n.period', f.periods),
    inList(bag, 'n.year', f.years),
    inList(bag, 'n.quarter', f.quarters),
    inList(bag, 'n.forceCode', f.forceCodes),
    inList(bag, 'n.responderType', f.responderTypes),
    inList(bag, 'n.responder', f.responders),
    f.exploitationCategories?.length ? `any(__c IN coalesce(n.exploitationCategories, []) WHERE __c IN ${bag.add(f.exploitationCategories)})` : null,
    inList(bag, 'n.ageGroup', f.ageGroups),
    inList(bag, 'n.gender', f.genders),
    f.nationalityCodes?.length ? `any(__c IN coalesce(n.nationalityCodes, []) WHERE __c IN ${bag.add(f.nationalityCodes)})` : null,
  ]);
}

export interface AddressFilterInput {
  postcodePrefix?: string | null;
  forceAreas?: string[] | null;
  townId?: string | null;
}

export function addressFilter(f: AddressFilterInput, bag: ParamBag): string[] {
  return compact([
    f.postcodePrefix?.trim() ? `n.postcode STARTS WITH ${bag.add(f.postcodePrefix.trim().toUpperCase())}` : null,
    f.forceAreas?.length
      ? existsVisible('(n)-[__p1:PART_OF]->(__tw:Town)-[__p2:PART_OF]->(__f:PoliceForce)', ['__p1', '__tw', '__p2', '__f'], [inList(bag, '__f.code', f.forceAreas)])
      : null,
    f.townId ? existsVisible('(n)-[__p1:PART_OF]->(__tw:Town)', ['__p1', '__tw'], [`__tw.id = ${bag.add(f.townId)}`]) : null,
  ]);
}

export interface NamedFilterInput {
  name?: string | null;
  codes?: string[] | null;
}

export function namedFilter(f: NamedFilterInput, bag: ParamBag): string[] {
  return compact([textContains(bag, 'n', f.name), inList(bag, 'n.code', f.codes)]);
}

export interface ReportFilterInput {
  agencies?: string[] | null;
  handling?: string[] | null;
  from?: string | null;
  to?: string | null;
}

export function reportFilter(f: ReportFilterInput, bag: ParamBag): string[] {
  return compact([inList(bag, 'n.agency', f.agencies), inList(bag, 'n.handling', f.handling), ...range(bag, 'n.reportedOn', f.from, f.to, (p) => `date(${p})`)]);
}

export interface IdentifierFilterInput {
  value?: string | null;
}

export function identifierFilter(f: IdentifierFilterInput, bag: ParamBag): string[] {
  // Matching on a value is allowed (the caller already knows it) but a victim-held value matches only for victim-data officers.
  return compact([
    f.value ? `(n.value = ${bag.add(f.value)} AND ${valueShown('n')})` : null,
  ]);
}
