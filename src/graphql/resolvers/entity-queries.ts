import { Arg, Ctx, Query, Resolver } from 'type-graphql';

import type { EntityRecord } from '../../domain/entity-record';
import type { IdentifierLabel } from '../../domain/graph-model';
import { normaliseIdentifier } from '../../domain/identifiers';
import { countryCode, isoDate } from '../../domain/validation';
import { findIdentifier } from '../../graph/identifier.reader';
import {
  addressFilter,
  businessFilter,
  exploitationFilter,
  groupFilter,
  identifierFilter,
  namedFilter,
  nrmReferralFilter,
  nrmStatisticFilter,
  operationFilter,
  personFilter,
  reportFilter,
  routeFilter,
} from '../../graph/queries/filters/entity.filters';
import type { GraphQLContext } from '../context';
import { IdentifierKindEnum } from '../enums';
import {
  AddressFilter,
  BusinessFilter,
  ExploitationFilter,
  GroupFilter,
  IdentifierFilter,
  NamedFilter,
  NrmReferralFilter,
  NrmStatisticFilter,
  OperationFilter,
  PersonFilter,
  ReportFilter,
  RouteFilter,
} from '../inputs/filters.input';
import { Business } from '../types/business.type';
import { Exploitation } from '../types/exploitation.type';
import { BankAccount, EmailAddress, Identifier, OnlineHandle, Phone, TravelDocument, Vehicle } from '../types/identifier.types';
import { Address, Country, PoliceForce, Region, Town } from '../types/location.types';
import { NRMReferral } from '../types/nrm-referral.type';
import { NRMStatistic } from '../types/nrm-statistic.type';
import { Operation } from '../types/operation.type';
import { OrganisedCrimeGroup } from '../types/organised-crime-group.type';
import { Person } from '../types/person.type';
import { Agency, ControlMethod, ExploitationType, IntelligenceReport, RecruitmentMethod } from '../types/reference.types';
import { Route } from '../types/route.type';
import { entityQueries } from './entity-queries.factory';

/** Date fields of a filter, checked before they reach a Cypher date() call. */
function dates<F extends object>(f: F, keys: (keyof F & string)[]): F {
  for (const k of keys) isoDate(`filter.${k}`, f[k] as string | null | undefined);
  return f;
}

const codes = (f: { codes?: string[] | null }) => ({ ...f, codes: f.codes?.map((c) => c.trim().toUpperCase()) });
const countries = (field: string, list?: string[] | null) => list?.map((c, i) => countryCode(`filter.${field}[${i}]`, c));

function identifierQueries(label: IdentifierLabel, Type: Function, one: string, many: string) {
  return entityQueries({
    label,
    Type: Type as never,
    Filter: IdentifierFilter,
    one,
    many,
    description: `${label} identifiers; filter by value (normalised as stored)`,
    where: (f, bag) => identifierFilter({ value: f.value ? normaliseIdentifier(label, f.value, 'filter.value') : null }, bag),
  });
}

/** Every entity kind's `x(id)` and `xs(filter, sort, direction, first, after)` queries. */
export const ENTITY_QUERY_RESOLVERS = [
  entityQueries({
    label: 'Person',
    Type: Person,
    Filter: PersonFilter,
    one: 'person',
    many: 'persons',
    description: 'People, filtered by role, nationality, name, group, exploitation type, force area...',
    where: (f, bag) => personFilter({ ...f, nationalities: countries('nationalities', f.nationalities) }, bag),
  }),
  entityQueries({ label: 'OrganisedCrimeGroup', Type: OrganisedCrimeGroup, Filter: GroupFilter, one: 'organisedCrimeGroup', many: 'organisedCrimeGroups', description: 'Organised crime groups', where: (f, bag) => groupFilter({ ...f, memberNationalities: countries('memberNationalities', f.memberNationalities) }, bag) }),
  entityQueries({ label: 'Operation', Type: Operation, Filter: OperationFilter, one: 'operation', many: 'operations', description: 'Law-enforcement operations', where: (f, bag) => operationFilter(dates(f, ['startedFrom', 'startedTo']), bag) }),
  entityQueries({ label: 'Business', Type: Business, Filter: BusinessFilter, one: 'business', many: 'businesses', description: 'Businesses and venues', where: (f, bag) => businessFilter(f, bag) }),
  entityQueries({
    label: 'Route',
    Type: Route,
    Filter: RouteFilter,
    one: 'route',
    many: 'routeList',
    description: 'Routes (see `routes` for route patterns aggregated by country sequence)',
    where: (f, bag) =>
      routeFilter(
        {
          ...f,
          originCountry: f.originCountry ? countryCode('filter.originCountry', f.originCountry) : null,
          destinationCountry: f.destinationCountry ? countryCode('filter.destinationCountry', f.destinationCountry) : null,
          viaCountry: f.viaCountry ? countryCode('filter.viaCountry', f.viaCountry) : null,
        },
        bag,
      ),
  }),
  entityQueries({ label: 'Exploitation', Type: Exploitation, Filter: ExploitationFilter, one: 'exploitation', many: 'exploitations', description: 'Exploitation events', where: (f, bag) => exploitationFilter({ ...dates(f, ['from', 'to']), victimNationalities: countries('victimNationalities', f.victimNationalities) }, bag) }),
  entityQueries({ label: 'NRMReferral', Type: NRMReferral, Filter: NrmReferralFilter, one: 'nrmReferral', many: 'nrmReferrals', description: 'NRM referrals', where: (f, bag) => nrmReferralFilter(dates(f, ['from', 'to']), bag) }),
  entityQueries({
    label: 'NRMStatistic',
    Type: NRMStatistic,
    Filter: NrmStatisticFilter,
    one: 'nrmStatistic',
    many: 'nrmStatistics',
    description: 'Cells of the NRM quarterly statistics (msht import --format nrm); sum `people` over a selection for its referrals',
    where: (f, bag) => nrmStatisticFilter({ ...f, forceCodes: f.forceCodes?.map((c) => c.trim().toUpperCase()), nationalityCodes: countries('nationalityCodes', f.nationalityCodes) }, bag),
  }),
  entityQueries({ label: 'Address', Type: Address, Filter: AddressFilter, one: 'address', many: 'addresses', description: 'Addresses', where: (f, bag) => addressFilter(f, bag) }),
  entityQueries({ label: 'Town', Type: Town, Filter: NamedFilter, one: 'town', many: 'towns', description: 'Towns', where: (f, bag) => namedFilter(f, bag) }),
  entityQueries({ label: 'PoliceForce', Type: PoliceForce, Filter: NamedFilter, one: 'policeForce', many: 'policeForces', description: 'Police force areas', where: (f, bag) => namedFilter(codes(f), bag) }),
  entityQueries({ label: 'Region', Type: Region, Filter: NamedFilter, one: 'region', many: 'regions', description: 'Regions and their organised crime units', where: (f, bag) => namedFilter(codes(f), bag) }),
  entityQueries({ label: 'Country', Type: Country, Filter: NamedFilter, one: 'countryById', many: 'countries', description: 'Countries', where: (f, bag) => namedFilter(codes(f), bag) }),
  entityQueries({ label: 'Agency', Type: Agency, Filter: NamedFilter, one: 'agency', many: 'agencies', description: 'Agencies and forces', where: (f, bag) => namedFilter(codes(f), bag) }),
  entityQueries({ label: 'IntelligenceReport', Type: IntelligenceReport, Filter: ReportFilter, one: 'intelligenceReport', many: 'intelligenceReports', description: 'Intelligence reports', where: (f, bag) => reportFilter(dates(f, ['from', 'to']), bag) }),
  entityQueries({ label: 'ExploitationType', Type: ExploitationType, Filter: NamedFilter, one: 'exploitationType', many: 'exploitationTypes', description: 'Exploitation categories and offence types', where: (f, bag) => namedFilter(codes(f), bag) }),
  entityQueries({ label: 'ControlMethod', Type: ControlMethod, Filter: NamedFilter, one: 'controlMethod', many: 'controlMethods', description: 'Means of control', where: (f, bag) => namedFilter(codes(f), bag) }),
  entityQueries({ label: 'RecruitmentMethod', Type: RecruitmentMethod, Filter: NamedFilter, one: 'recruitmentMethod', many: 'recruitmentMethods', description: 'Recruitment methods', where: (f, bag) => namedFilter(codes(f), bag) }),
  identifierQueries('Phone', Phone, 'phone', 'phones'),
  identifierQueries('Vehicle', Vehicle, 'vehicle', 'vehicles'),
  identifierQueries('BankAccount', BankAccount, 'bankAccount', 'bankAccounts'),
  identifierQueries('TravelDocument', TravelDocument, 'travelDocument', 'travelDocuments'),
  identifierQueries('EmailAddress', EmailAddress, 'emailAddress', 'emailAddresses'),
  identifierQueries('OnlineHandle', OnlineHandle, 'onlineHandle', 'onlineHandles'),
];

@Resolver()
export class LookupResolver {
  @Query(() => Country, { nullable: true, description: 'A country by ISO 3166-1 alpha-2 code' })
  country(@Arg('code') code: string, @Ctx() ctx: GraphQLContext): Promise<EntityRecord | null> {
    return ctx.loaders.nodeById.load(`country-${countryCode('code', code)}`);
  }

  @Query(() => Identifier, { nullable: true, description: 'An identifier by kind and value as typed (normalised before the look-up)' })
  identifier(@Arg('kind', () => IdentifierKindEnum) kind: IdentifierLabel, @Arg('value') value: string, @Ctx() ctx: GraphQLContext): Promise<EntityRecord | null> {
    return findIdentifier(ctx.graph, kind, normaliseIdentifier(kind, value, 'value'));
  }
}
