import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { execute, getVariableValues, type DocumentNode, type ExecutionResult, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

import { compiledSize } from './compiled-size';
import { fragmentsOf } from './limits/fragment-walk';

/** How many operations ran compiled, and how many through graphql-js. */
export interface ExecutionStats {
  compiled: number;
  interpreted: number;
}

/**
 * The largest operation compiled, in fields generated (compiled-size.ts). Compiling costs about
 * 0.1 ms a field, synchronously, so this bounds it near 50 ms; larger ones run through graphql-js.
 */
export const MAX_COMPILED_FIELDS = 500;

/**
 * What is known of one operation of a parsed document: how often it has run uncompiled, its
 * compiled form, or null when it is not to be compiled.
 */
type OperationState = number | CompiledQuery | null;

/**
 * Runs each operation as JavaScript compiled from it (graphql-jit) instead of through graphql-js's
 * interpreter, which collects fields, reads arguments and completes every value anew for each
 * object of each request. The compiled function calls the same resolvers with the same
 * arguments, context and resolve info; what it saves is the interpreting around them.
 *
 * - An operation is compiled once its document has run `compileAfterRuns` times (1 by default:
 *   on its second run), so a one-off query (typed in the IDE, say) never pays for compiling.
 *   Apollo keeps one parsed document per query text (its document store, which also saves
 *   parsing and validating it again), and the compiled form lives as long as that document does
 *   (a WeakMap over it).
 * - graphql-jit compiles a selection once for every object type it may meet, so nested interfaces
 *   multiply its work; an operation past MAX_COMPILED_FIELDS, or one it cannot compile, keeps
 *   running through graphql-js.
 * - Variables are coerced by graphql-js first, so a bad variable is refused with graphql-js's own
 *   message and node, which Apollo answers as BAD_USER_INPUT with HTTP 400, as before.
 *
 * Plugged in through Apollo's executor hook (the `gateway` option, a schema that never changes).
 */
export function compiledExecution(schema: GraphQLSchema, { compileAfterRuns = 1 }: { compileAfterRuns?: number } = {}): GatewayInterface & { stats: ExecutionStats } {
  const stats: ExecutionStats = { compiled: 0, interpreted: 0 };
  const byDocument = new WeakMap<DocumentNode, Map<string, OperationState>>();

  const compile = (document: DocumentNode, operation: OperationDefinitionNode, operationName: string | null): CompiledQuery | null => {
    if (compiledSize(schema, fragmentsOf(document), operation, MAX_COMPILED_FIELDS) > MAX_COMPILED_FIELDS) return null;
    const result = compileQuery(schema, document, operationName ?? undefined, { disablingCapturingStackErrors: true });
    return isCompiledQuery(result) ? result : null;
  };

  /** The compiled operation, once it has run often enough; null to interpret it. */
  const compiledFor = (document: DocumentNode, operation: OperationDefinitionNode, operationName: string | null): CompiledQuery | null => {
    let states = byDocument.get(document);
    if (!states) byDocument.set(document, (states = new Map()));
    const key = operationName ?? '';
    const state = states.get(key) ?? 0;
    if (typeof state !== 'number') return state;
    if (state < compileAfterRuns) {
      states.set(key, state + 1);
      return null;
    }
    const query = compile(document, operation, operationName);
    states.set(key, query);
    return query;
  };

  const executor: GatewayExecutor = async ({ document, operationName, operation, request, context }) => {
    const inputs = request.variables ?? {};
    const query = compiledFor(document, operation, operationName);
    if (!query) {
      stats.interpreted++;
      return (await execute({ schema, document, operationName, contextValue: context, variableValues: inputs })) as ExecutionResult;
    }
    stats.compiled++;
    const variables = getVariableValues(schema, operation.variableDefinitions ?? [], inputs, { maxErrors: 50 });
    if (variables.errors) return { errors: variables.errors };
    return (await query.query(undefined, context, inputs)) as ExecutionResult;
  };

  return {
    stats,
    load: async () => ({ executor }),
    onSchemaLoadOrUpdate: (callback) => {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    stop: async () => undefined,
  };
}
