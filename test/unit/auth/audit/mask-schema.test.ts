import fs from 'node:fs';
import path from 'node:path';

import { buildSchema, getNamedType, isEnumType, isInputObjectType, isObjectType, isScalarType, type GraphQLArgument, type GraphQLInputType } from 'graphql';

import { idKey, sensitiveKey } from '../../../../src/auth/audit/mask-variables';

/**
 * Every place in the schema where a client's variable can carry a string that the audit trail
 * keeps when it is short and has no spaces: an input whose key is neither masked (a word such as
 * `name`, `value`, `line`) nor an id. Such a place must not take personal data. The list is
 * reviewed: a new input that takes free text fails this test until it is named with a masked word
 * or reviewed here.
 */
const REVIEWED = [
  // Country, nationality, force and agency codes; codes of NRM statistics.
  'Mutation.exportSubgraph input.recipient.country',
  'Mutation.upsertIdentifier input.country',
  'Mutation.upsertIntelligenceReport input.agency',
  'Mutation.upsertNrmReferral input.forceArea',
  'Mutation.upsertOperation input.leadAgency',
  'Mutation.upsertPerson input.nationalities',
  'Mutation.upsertRoute input.stops.country',
  'Mutation.upsertTown input.forceCode',
  'Query.agencies filter.codes',
  'Query.controlMethods filter.codes',
  'Query.countries filter.codes',
  'Query.exploitationTypes filter.codes',
  'Query.policeForces filter.codes',
  'Query.recruitmentMethods filter.codes',
  'Query.regions filter.codes',
  'Query.towns filter.codes',
  'Query.auditEvents filter.agency',
  'Query.businessModels forceArea',
  'Query.businessModels originCountry',
  'Query.country code',
  'Query.exploitations filter.victimNationalities',
  'Query.intelligenceReports filter.agencies',
  'Query.nrmStatistics filter.forceCodes',
  'Query.nrmStatistics filter.nationalityCodes',
  'Query.nrmStatistics filter.periods',
  'Query.nrmStatistics filter.quarters',
  'Query.nrmStatistics filter.responderTypes',
  'Query.nrmStatistics filter.responders',
  'Query.operations filter.leadAgencies',
  'Query.organisedCrimeGroups filter.memberNationalities',
  'Query.persons filter.nationalities',
  'Query.routeList filter.destinationCountry',
  'Query.routeList filter.originCountry',
  'Query.routeList filter.viaCountry',
  'Query.routes destination',
  'Query.routes origin',
  // Dates, months and currencies.
  'Mutation.link properties.currency',
  'Mutation.link properties.date',
  'Mutation.upsertRoute input.currency',
  'Query.monthlyInsight month',
  // Vocabulary of links and identifiers (a role, a kind, a vehicle's make, a bank).
  'Mutation.link properties.channel',
  'Mutation.link properties.kind',
  'Mutation.link properties.mode',
  'Mutation.link properties.role',
  'Mutation.unlink properties.channel',
  'Mutation.unlink properties.currency',
  'Mutation.unlink properties.date',
  'Mutation.unlink properties.kind',
  'Mutation.unlink properties.mode',
  'Mutation.unlink properties.role',
  'Mutation.upsertIdentifier input.bank',
  'Mutation.upsertIdentifier input.colour',
  'Mutation.upsertIdentifier input.make',
  'Mutation.upsertIdentifier input.model',
  'Mutation.upsertNrmReferral input.firstResponder',
  // References of reports and groups (the agencies' own ids), the service's ids, a user's subject.
  'Mutation.exportSubgraph input.seeds',
  'Mutation.upsertIntelligenceReport input.reference',
  'Mutation.upsertOrganisedCrimeGroup input.reference',
  'Query.auditEvents filter.errorCode',
  'Query.auditEvents filter.subject',
  'Query.businesses filter.controlledByGroup',
  'Query.compareBusinessModels a',
  'Query.compareBusinessModels b',
  // The export's purpose (the same text is in the export's manifest, kept in the trail as it is).
  'Mutation.exportSubgraph input.purpose',
  // CSV text: never short and without spaces, commas or line breaks, so always masked.
  'Mutation.importBatch nodes',
  'Mutation.importBatch relationships',
];

/** Scalars whose values are not text: kept as they are unless a key masks them. */
const NOT_TEXT = new Set(['Int', 'Float', 'Boolean', 'SafeInt']);
/** Date bounds (`from`, `since`, `recordedTo`, ...): their values are dates, kept. */
const DATE_KEY = /^(from|to|since|until)$|(From|To|Date|On|At)$/;

function keptPlaces(schemaText: string): string[] {
  const schema = buildSchema(schemaText);
  const places = new Set<string>();
  const walk = (type: GraphQLInputType, keys: string[], where: string, depth: number): void => {
    const named = getNamedType(type);
    if (isEnumType(named) || keys.some(sensitiveKey)) return;
    if (isScalarType(named)) {
      const key = keys.at(-1)!;
      if (!NOT_TEXT.has(named.name) && !idKey(key) && !DATE_KEY.test(key) && key !== 'forceAreas') places.add(`${where} ${keys.join('.')}`);
      return;
    }
    if (isInputObjectType(named) && depth < 8) for (const f of Object.values(named.getFields())) walk(f.type, [...keys, f.name], where, depth + 1);
  };
  const args = (where: string, list: readonly GraphQLArgument[]) => list.forEach((a) => walk(a.type, [a.name], where, 0));
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) args(`${type.name}.${field.name}`, field.args);
  }
  return [...places].sort();
}

describe('the audit masking rule over the schema', () => {
  it('keeps short strings only at reviewed places that take codes, dates, vocabulary or references, never personal data', () => {
    const schemaText = fs.readFileSync(path.join(__dirname, '../../../../schema/schema.graphql'), 'utf8');
    expect(keptPlaces(schemaText)).toEqual([...REVIEWED].sort());
  });

  it('masks the free text of addresses, report titles and referrers by key', () => {
    for (const key of ['line1', 'line2', 'title', 'referredBy', 'name', 'value']) expect(sensitiveKey(key)).toBe(true);
    for (const key of ['reference', 'agency', 'country', 'purpose']) expect(sensitiveKey(key)).toBe(false);
  });
});
