import { GraphQLDateTime } from 'graphql-scalars';
import { Field, InputType } from 'type-graphql';

import { AuditOutcomeEnum } from '../types/audit-outcome.enum';

@InputType({ description: 'Every given condition must hold' })
export class AuditFilterInput {
  @Field(() => String, { nullable: true })
  subject?: string | null;

  @Field(() => String, { nullable: true })
  agency?: string | null;

  @Field(() => String, { nullable: true })
  operationName?: string | null;

  @Field(() => AuditOutcomeEnum, { nullable: true })
  outcome?: AuditOutcomeEnum | null;

  @Field(() => String, { nullable: true, description: 'Events whose caller received this error code' })
  errorCode?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: only events whose `export` is set: requests that produced an export (its manifest: recipient, format, counts, what was withheld) and downloads of an export file (`{exportId, download: true, …}`); false: only the others',
  })
  hasExport?: boolean | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'At or after this instant' })
  from?: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'Before this instant' })
  to?: Date | null;
}
