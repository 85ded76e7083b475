import { GraphQLDateTime, GraphQLSafeInt } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';

import { AuditOutcomeEnum } from './audit-outcome.enum';

@ObjectType({ description: 'One GraphQL request in the audit trail: who, when, what, with which outcome (README#audit-trail)' })
export class AuditEvent {
  @Field(() => GraphQLSafeInt, { description: 'Position in the hash chain, from 1, without gaps' })
  seq!: number;

  @Field(() => GraphQLDateTime, { description: 'When the request arrived' })
  at!: Date;

  @Field({ description: 'The X-Request-Id of the request (also in the Neo4j transaction metadata)' })
  requestId!: string;

  @Field({ description: "The token's subject, or `anonymous` when no valid token came" })
  subject!: string;

  @Field(() => String, { nullable: true })
  agency!: string | null;

  @Field(() => [String])
  roles!: string[];

  @Field(() => String, { nullable: true, description: 'Why authentication failed (failed logins only)' })
  failureReason!: string | null;

  @Field(() => String, { nullable: true })
  operationName!: string | null;

  @Field(() => String, { nullable: true, description: 'query or mutation' })
  operationType!: string | null;

  @Field(() => String, { nullable: true, description: 'SHA-256 (hex) of the document as sent' })
  documentHash!: string | null;

  @Field(() => String, { nullable: true, description: 'The variables as JSON, personal values masked as "***"; null when none were sent, the caller did not authenticate, or detailsWithheld' })
  variables!: string | null;

  @Field(() => AuditOutcomeEnum)
  outcome!: AuditOutcomeEnum;

  @Field(() => [String], { description: 'The error codes the caller received' })
  errorCodes!: string[];

  @Field(() => Int)
  httpStatus!: number;

  @Field(() => Int)
  durationMs!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Records handed out: distinct entities in the response, plus what resolvers reported; null when detailsWithheld and the event holds an export (its size is the export’s)',
  })
  records!: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The manifest of an export the request produced (or the record of a download of its file), as JSON; when detailsWithheld, only which export, when, by and for whom (exportId, exportedAt, exportedBy, recipient, download, filename)',
  })
  export!: string | null;

  @Field({
    description:
      'True when the reader is not cleared for everything (H3, UK code C and victims’ data): the variables and the export’s query, counts, handling and left-out counts are withheld, as they name records and material that clearance may not cover',
  })
  detailsWithheld!: boolean;

  @Field({ description: 'Hash of the event before (64 zeros for the first)' })
  prevHash!: string;

  @Field({ description: 'SHA-256 over this event and prevHash' })
  hash!: string;
}
