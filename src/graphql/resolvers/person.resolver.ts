import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';

import type { EntityRecord } from '../../domain/entity-record';
import { checkPersonFields } from '../../domain/new-person';
import { rolesFromLabels, type PersonRole } from '../../domain/person';
import { decodeCursor } from '../../graph/cursor';
import { readPage } from '../../graph/list.reader';
import { createPerson } from '../../graph/person.writer';
import { ParamBag } from '../../graph/queries/params';
import { SORT_BY_ID } from '../../graph/queries/list.query';
import { requireWriter } from '../guards';
import type { GraphQLContext } from '../context';
import { CreatePersonInput } from '../inputs/person.input';
import { checkFirst, PageArgs } from '../inputs/page.args';
import { Connection } from '../types/connection';
import { Country } from '../types/country.type';
import { Person } from '../types/person.type';
import { toConnection } from './connection';

const PersonConnection = Connection(Person);

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true })
  async person(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<EntityRecord | null> {
    const n = await ctx.loaders.nodeById.load(id);
    return n && n.__labels.includes('Person') ? n : null;
  }

  @Query(() => PersonConnection)
  async persons(@Args() { first, after }: PageArgs, @Ctx() ctx: GraphQLContext) {
    const page = await readPage(ctx.graph, {
      label: 'Person',
      where: [],
      bag: new ParamBag(),
      sort: SORT_BY_ID,
      first: checkFirst(first),
      after: after ? decodeCursor('after', after) : undefined,
    });
    return toConnection(page);
  }

  @Mutation(() => Person)
  createPerson(@Arg('input', () => CreatePersonInput) input: CreatePersonInput, @Ctx() ctx: GraphQLContext): Promise<EntityRecord> {
    requireWriter(ctx);
    const now = new Date();
    return createPerson(ctx.graph, checkPersonFields(input, now), input.provenance, now);
  }

  @FieldResolver(() => String)
  displayName(@Root() p: EntityRecord, @Ctx() ctx: GraphQLContext): string {
    return (p.name as string | null) ?? this.pseudonym(p, ctx) ?? p.id;
  }

  @FieldResolver(() => [String])
  roles(@Root() p: EntityRecord): PersonRole[] {
    return rolesFromLabels(p.__labels);
  }

  @FieldResolver(() => Boolean)
  redacted(@Root() p: EntityRecord): boolean {
    return p.__redacted;
  }

  @FieldResolver(() => String, { nullable: true })
  pseudonym(@Root() p: EntityRecord, @Ctx() ctx: GraphQLContext): string | null {
    return p.__labels.includes('Victim') ? ctx.pseudonyms.of(p.id) : null;
  }

  @FieldResolver(() => [Country], { description: 'Nationalities' })
  async nationalities(@Root() p: EntityRecord, @Ctx() ctx: GraphQLContext): Promise<EntityRecord[]> {
    const page = await ctx.loaders.related({ type: 'NATIONAL_OF', direction: 'OUT', targets: ['Country'] }, { first: 50 }, p.id);
    return page.edges.map((e) => e.node);
  }
}
