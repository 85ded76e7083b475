import type { ApolloServerPlugin } from '@apollo/server';

import type { QueryLimits } from '../config/config';
import type { GraphQLContext } from '../graphql/context';
import { checkOperationCost } from './limits/query-limits';

/**
 * The cost limit, checked per request once the operation is resolved and before it executes
 * (Apollo answers an error thrown here with its `extensions.http` status, 400). Depth, aliases
 * and directives are validation rules instead (limits/query-limits.ts).
 */
export function queryCostPlugin(limits: QueryLimits): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (operation) checkOperationCost(schema, document, operation, request.variables, limits);
        },
      };
    },
  };
}
