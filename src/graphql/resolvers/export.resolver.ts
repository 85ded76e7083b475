import type { GraphQLResolveInfo } from 'graphql';
import { collectFields } from 'graphql/execution/collectFields';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Ctx, Field, ID, Info, InputType, Int, Mutation, ObjectType, registerEnumType, Resolver } from 'type-graphql';

import { hasRole } from '../../auth/principal';
import type { NodeLabel, RelationshipType } from '../../domain/graph-model';
import type { HandlingCode, UkHandling } from '../../domain/provenance';
import { AppError, badInput } from '../../errors/app-error';
import { EXPORT_FORMATS, RECIPIENT_KINDS, type ExportFormat, type RecipientKind } from '../../exports/export-package';
import { downloadAccessOf } from '../../exports/download-access';
import { exportSubgraph } from '../../exports/export-subgraph';
import type { GraphQLContext } from '../context';
import { enumOf, HandlingCodeEnum, NodeTypeEnum, RelationshipTypeEnum, UkHandlingEnum } from '../enums';

const ExportFormatEnum = enumOf(EXPORT_FORMATS);
registerEnumType(ExportFormatEnum, {
  name: 'ExportFormat',
  description: 'JSON (our versioned graph format), GRAPHML (Gephi, yEd, networkx), CSV (nodes and edges in a ZIP), ANX (i2 Analyst’s Notebook), CYPHER (a script for a partner’s Neo4j)',
});
const RecipientKindEnum = enumOf(RECIPIENT_KINDS);
registerEnumType(RecipientKindEnum, { name: 'RecipientKind' });

/** Inline content is returned for exports up to this size; larger ones only by download. */
const INLINE_LIMIT = 512 * 1024;

@InputType()
class RecipientInput {
  @Field(() => RecipientKindEnum)
  kind!: RecipientKind;

  @Field({ description: 'e.g. "Europol", "Policia Romana", "Border Force"' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'ISO code; required for a partner country' })
  country?: string | null;
}

@InputType({ description: 'What to export: seeds and a depth, or exactly these nodes; to whom, why, in which format' })
class ExportInput {
  @Field(() => [ID], { nullable: true })
  seeds?: string[] | null;

  @Field(() => Int, { nullable: true, defaultValue: 2 })
  depth?: number | null;

  @Field(() => [ID], { nullable: true, description: 'Exactly these nodes (e.g. the result of a network query) and the links among them' })
  nodeIds?: string[] | null;

  @Field(() => [RelationshipTypeEnum], { nullable: true })
  relationshipTypes?: RelationshipType[] | null;

  @Field(() => [NodeTypeEnum], { nullable: true })
  nodeTypes?: NodeLabel[] | null;

  @Field(() => RecipientInput)
  recipient!: RecipientInput;

  @Field()
  purpose!: string;

  @Field(() => ExportFormatEnum)
  format!: ExportFormat;
}

@ObjectType()
class LeftOut {
  @Field()
  reason!: string;

  @Field(() => Int)
  nodes!: number;

  @Field(() => Int)
  edges!: number;
}

@ObjectType()
class PackageHandling {
  @Field(() => HandlingCodeEnum)
  handling!: HandlingCode;

  @Field(() => UkHandlingEnum)
  ukHandling!: UkHandling;
}

@ObjectType({ description: 'An export, stored for download; its manifest travels inside the file too' })
class ExportResult {
  @Field(() => ID)
  exportId!: string;

  @Field(() => ExportFormatEnum)
  format!: ExportFormat;

  @Field()
  filename!: string;

  @Field()
  mediaType!: string;

  @Field(() => Int)
  size!: number;

  @Field({ description: 'SHA-256 of the file’s bytes' })
  sha256!: string;

  @Field({ description: 'SHA-256 of the content (the same in every format of the same package)' })
  contentSha256!: string;

  @Field({ description: 'GET this with the same bearer token to download the file' })
  downloadUrl!: string;

  @Field(() => Int)
  nodes!: number;

  @Field(() => Int)
  edges!: number;

  @Field(() => PackageHandling, { description: 'The most restrictive handling among the items' })
  packageHandling!: PackageHandling;

  @Field(() => [LeftOut], { description: 'What the handling rules left out, counted per reason' })
  leftOut!: LeftOut[];

  @Field()
  pseudonymised!: boolean;

  @Field(() => GraphQLJSONObject)
  manifest!: Record<string, unknown>;

  @Field(() => String, { nullable: true, description: 'The file as text (base64 for the CSV archive), when it is under 512 KB' })
  content!: string | null;
}

@Resolver()
export class ExportResolver {
  @Mutation(() => ExportResult, {
    description:
      'Export a subgraph for a partner (LIAISON role): H2/H3 and UK-C items without the provider’s consent stay out (counted in leftOut), victims are pseudonymised per recipient unless your role permits, and the package takes the most restrictive handling it contains. Recorded in the audit trail with its manifest: one export per request (an operation asking for several is refused, BAD_USER_INPUT, before any leaves).',
  })
  async exportSubgraph(@Arg('input', () => ExportInput) input: ExportInput, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo): Promise<ExportResult> {
    if (!hasRole(ctx.principal, 'LIAISON', 'ADMIN')) throw new AppError('FORBIDDEN', 'exporting needs the LIAISON role');
    // The request's audit event records one manifest: a second export in the same operation (an
    // aliased field) would replace the first's. Refused before anything leaves, every one of them.
    if (exportsInOperation(info) > 1) {
      throw badInput('input', 'one export per request: this operation asks for several; send each export as a request of its own, so that the audit trail records each');
    }
    const now = new Date();
    const { pkg, file } = await exportSubgraph({ graph: ctx.graph, limits: ctx.limits, pseudonyms: ctx.pseudonyms, principal: ctx.principal, now }, input);
    const stored = ctx.exports.save(file, ctx.principal.subject, now, downloadAccessOf(pkg, ctx.principal));
    ctx.audit.attachExport(file.manifest as unknown as Record<string, unknown>);
    ctx.audit.addRecords(file.manifest.counts.nodes + file.manifest.counts.edges);
    const textual = file.content.length <= INLINE_LIMIT;
    return {
      exportId: stored.exportId,
      format: input.format,
      filename: file.filename,
      mediaType: file.mediaType,
      size: file.content.length,
      sha256: file.sha256,
      contentSha256: file.manifest.sha256!,
      downloadUrl: `/exports/${stored.exportId}`,
      nodes: file.manifest.counts.nodes,
      edges: file.manifest.counts.edges,
      packageHandling: file.manifest.packageHandling,
      leftOut: file.manifest.leftOut,
      pseudonymised: file.manifest.pseudonymised,
      manifest: file.manifest as unknown as Record<string, unknown>,
      content: textual ? (input.format === 'CSV' ? file.content.toString('base64') : file.content.toString('utf8')) : null,
    };
  }
}

/** How many times the operation asks for this field at its root (aliases, fragments, @skip and @include applied). */
function exportsInOperation(info: GraphQLResolveInfo): number {
  const fields = collectFields(info.schema, info.fragments, info.variableValues, info.parentType, info.operation.selectionSet);
  return [...fields.values()].filter((nodes) => nodes[0]?.name.value === info.fieldName).length;
}
