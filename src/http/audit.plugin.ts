import type { ApolloServerPlugin } from '@apollo/server';
import { getOperationAST } from 'graphql';

import type { GraphQLContext } from '../graphql/context';

/**
 * Completes each request's audit record from inside Apollo: the operation once resolved, then
 * the error codes the client receives (after formatError, so limits and validation failures show
 * their own codes) and the records in `data`.
 */
export function auditPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart({ contextValue }) {
      // The client left before GraphQL had the request, and its event is written: run nothing.
      if (!contextValue.audit.began()) throw new Error('the client left before its request ran');
      return {
        // Parsed but not yet validated: name the operation even if validation refuses it.
        async validationDidStart({ document, request, contextValue }) {
          const op = getOperationAST(document, request.operationName);
          if (op) contextValue.audit.operation(op.operation, op.name?.value ?? null);
        },
        async didResolveOperation({ operation, operationName, contextValue }) {
          if (operation) contextValue.audit.operation(operation.operation, operationName ?? null);
        },
        async willSendResponse({ response, contextValue }) {
          const body = response.body;
          const result = body.kind === 'single' ? body.singleResult : body.initialResult;
          const codes = (result.errors ?? []).map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
          contextValue.audit.result(codes, result.data);
          contextValue.audit.ended();
        },
      };
    },
  };
}
