import { ArgsType, Field, Int } from 'type-graphql';

import { badInput } from '../../errors/app-error';

export const MAX_PAGE_SIZE = 1000;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 50, description: `Rows per page, 1 to ${MAX_PAGE_SIZE}` })
  first!: number;

  @Field(() => String, { nullable: true, description: 'The `endCursor` of the previous page' })
  after?: string | null;
}

export function checkFirst(first: number, field = 'first'): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) throw badInput(field, `must be from 1 to ${MAX_PAGE_SIZE}, got ${first}`);
  return first;
}
