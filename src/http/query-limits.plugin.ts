import type { ApolloServerPlugin } from '@apollo/server';

import type { QueryLimits } from '../config/config';
import type { GraphQLContext } from '../graphql/context';
import { memoisedCostCheck } from './limits/query-limits';

/**
 * The cost limit, checked per request once the operation is resolved and before it executes
 * (Apollo answers an error thrown here with its `extensions.http` status, 400). Depth, aliases
 * and directives are validation rules instead (limits/query-limits.ts).
 */
export function queryCostPlugin(limits: QueryLimits): ApolloServerPlugin<GraphQLContext> {
  const checkCost = memoisedCostCheck(limits);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (operation) checkCost(schema, document, operation, request.variables);
        },
      };
    },
  };
}
