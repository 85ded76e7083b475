import { registerEnumType } from 'type-graphql';

import { SORT_KEYS } from '../../graph/queries/sorts';
import { enumOf } from '../enums';

export const SortKeyEnum = enumOf(Object.keys(SORT_KEYS) as (keyof typeof SORT_KEYS)[]);
registerEnumType(SortKeyEnum, {
  name: 'SortKey',
  description: 'What a list is ordered by (then by id). Keys that do not apply to a kind order it by id.',
});
