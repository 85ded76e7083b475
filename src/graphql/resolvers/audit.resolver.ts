import { GraphQLSafeInt } from 'graphql-scalars';
import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';

import type { AuditEvent as StoredAuditEvent } from '../../auth/audit/audit-event';
import { clearedForEverything } from '../../auth/access-policy';
import { badInput } from '../../errors/app-error';
import { readAuditPage, verifyAuditChain } from '../../graph/audit.reader';
import { decodeCursor, encodeCursor } from '../../graph/cursor';
import type { GraphQLContext } from '../context';
import { requireAuditor } from '../guards';
import { AuditFilterInput } from '../inputs/audit-filter.input';
import { checkFirst, PageArgs } from '../inputs/page.args';
import { AuditChainCheck } from '../types/audit-chain-check.type';
import { AuditEvent } from '../types/audit-event.type';
import { Connection } from '../types/connection';
import { toConnection } from './connection';

const AuditEventConnection = Connection(AuditEvent);

/** The audit trail, for supervisors and administrators. Both queries flush pending events first. */
@Resolver()
export class AuditResolver {
  @Query(() => AuditEventConnection, { description: 'GraphQL requests as the audit trail recorded them, newest first (SUPERVISOR or ADMIN)' })
  async auditEvents(
    @Arg('filter', () => AuditFilterInput, { nullable: true }) filter: AuditFilterInput | null,
    @Args() { first, after }: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    requireAuditor(ctx);
    const afterSeq = after ? seqOf(after) : undefined;
    await ctx.auditLog.flush();
    const f = filter ?? {};
    const page = await readAuditPage(
      ctx.graph,
      { ...f, from: f.from?.toISOString(), to: f.to?.toISOString() },
      checkFirst(first),
      afterSeq,
    );
    const withheld = !clearedForEverything(ctx.principal);
    return toConnection({
      rows: page.events.map((e) => ({ node: toGraphQL(e, withheld), cursor: encodeCursor({ key: e.seq, id: String(e.seq) }) })),
      hasNextPage: page.hasNextPage,
      totalCount: page.totalCount,
    });
  }

  @Query(() => AuditChainCheck, {
    description:
      'Re-computes the audit hash chain, or the events fromSeq to toSeq (inclusive; a range is anchored on the stored event before it): a changed, removed or inserted event shows as the first broken seq (SUPERVISOR or ADMIN)',
  })
  async verifyAuditChain(
    @Ctx() ctx: GraphQLContext,
    @Arg('fromSeq', () => GraphQLSafeInt, { nullable: true, description: 'The first event to check (default 1, the start of the chain)' }) fromSeq?: number | null,
    @Arg('toSeq', () => GraphQLSafeInt, { nullable: true, description: 'The last event to check (default: the last one written)' }) toSeq?: number | null,
  ): Promise<AuditChainCheck> {
    requireAuditor(ctx);
    if (fromSeq != null && fromSeq < 1) throw badInput('fromSeq', 'must be 1 or more');
    if (toSeq != null && toSeq < (fromSeq ?? 1)) throw badInput('toSeq', 'must not be below fromSeq (or 1)');
    await ctx.auditLog.flush();
    return verifyAuditChain(ctx.graph, { fromSeq: fromSeq ?? undefined, toSeq: toSeq ?? undefined });
  }
}

function seqOf(after: string): number {
  const c = decodeCursor('after', after);
  if (typeof c.key !== 'number' || !Number.isSafeInteger(c.key)) throw badInput('after', 'is not a cursor this API issued');
  return c.key;
}

/** What of an export's record an auditor not cleared for everything reads: which export, when, by and for whom. */
const EXPORT_KEYS_SHOWN = ['exportId', 'exportedAt', 'exportedBy', 'recipient', 'download', 'filename'] as const;

function toGraphQL(e: StoredAuditEvent, withheld: boolean): AuditEvent {
  const event = { ...e, at: new Date(e.at), detailsWithheld: withheld } as AuditEvent;
  if (!withheld) return event;
  if (e.export === null) return { ...event, variables: null };
  return { ...event, variables: null, records: null, export: JSON.stringify(pick(JSON.parse(e.export) as Record<string, unknown>, EXPORT_KEYS_SHOWN)) };
}

function pick(o: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));
}
