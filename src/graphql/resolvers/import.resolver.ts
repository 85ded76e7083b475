import { Arg, Ctx, ID, Mutation, Resolver, registerEnumType } from 'type-graphql';

import { importBatch } from '../../ingestion/import-batch';
import type { GraphQLContext } from '../context';
import { enumOf } from '../enums';
import { requireWriter } from '../guards';
import { ImportSummaryType } from '../types/import-summary.type';

export const ImportBatchFormatEnum = enumOf(['CSV', 'JSON'] as const);
registerEnumType(ImportBatchFormatEnum, {
  name: 'ImportBatchFormat',
  description: 'CSV: node and relationship files in the neo4j-admin style (README.md#csv); JSON: an msht-graph export document',
});

@Resolver()
export class ImportResolver {
  @Mutation(() => ImportSummaryType, {
    description:
      'Imports a small batch (at most 10,000 rows) in one transaction: all of it, or nothing. Bad rows are refused with BAD_USER_INPUT listing each as `file:line: reason` (in `extensions.rows`). INGEST role only.',
  })
  importBatch(
    @Arg('format', () => ImportBatchFormatEnum) format: 'CSV' | 'JSON',
    @Arg('nodes', { description: 'CSV: the node file (may be empty); JSON: the export document' }) nodes: string,
    @Arg('relationships', () => String, { nullable: true, description: 'CSV: the relationship file' }) relationships: string | null,
    @Arg('reportId', () => ID, { nullable: true, description: 'CSV: the report rows without a reportId cell cite' }) reportId: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    requireWriter(ctx);
    return importBatch(ctx.graph, { format, nodes, relationships, reportId }, new Date());
  }
}
