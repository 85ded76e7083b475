import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'What a write did to items of one kind (nodes or relationships)' })
export class WriteCountsType {
  @Field(() => Int)
  created!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int, { description: 'Already in the graph exactly so: not written again' })
  unchanged!: number;
}

@ObjectType('ImportSummary', { description: 'The outcome of an import: it is written whole or not at all' })
export class ImportSummaryType {
  @Field()
  format!: string;

  @Field(() => ID, { nullable: true, description: 'The import run, for imports written in several transactions' })
  runId!: string | null;

  @Field(() => Int, { description: 'Source rows read' })
  rows!: number;

  @Field(() => Int, { description: 'Rows read and deliberately not stored' })
  skipped!: number;

  @Field(() => WriteCountsType)
  nodes!: WriteCountsType;

  @Field(() => WriteCountsType)
  relationships!: WriteCountsType;

  @Field(() => Int, { description: 'Bad rows (a batch with any is refused, so this is 0 on success)' })
  rejected!: number;

  @Field(() => Float)
  seconds!: number;
}
