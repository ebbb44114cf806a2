// The Yoga/envelop hook of the compiled read path: a query whose every field compiles (see
// compile.ts) runs as one SQL statement that builds its response; anything else, and any
// request where a check fails or the statement errs, runs on the resolver path unchanged.
import { complexityFromQuery } from '@pothos/plugin-complexity';
import type { DocumentNode, ExecutionArgs, ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';
import type { GraphQLContext } from '../graphql-context.js';
import { COST_LIMITS } from '../limits/cost.js';
import type { Database } from '../db/client.js';
import type { Logger } from '../logger.js';
import { compileOperation, renderStatement, type CompiledOperation } from './compile.js';
import { dataModelOf, type DataModel } from './data-model.js';

export interface CompiledReadOptions {
  database: Pick<Database, 'queryRead' | 'prisma'>;
  logger?: Pick<Logger, 'warn'>;
  /** Told which path each operation took (tests count them). */
  onPath?(path: 'compiled' | 'resolvers', operationName: string | undefined): void;
  /** Told why an operation was not compiled, or why a request took the resolvers. */
  onFallback?(reason: string): void;
}

/** Plans per parsed document (Yoga's parse cache hands the same document for the same text). */
const MAX_PLANS = 1_000;

export function useCompiledRead(options: CompiledReadOptions): Plugin {
  const models: DataModel | undefined = dataModelOf(options.database.prisma);
  if (!models) options.logger?.warn({}, "compiled reads off: this Prisma client's data model is not readable");
  const plans = new WeakMap<DocumentNode, LRUCache<string, { plan: CompiledOperation | null }>>();
  const planFor = (args: ExecutionArgs): CompiledOperation | null => {
    if (!models) return null;
    let perName = plans.get(args.document);
    if (!perName) plans.set(args.document, (perName = new LRUCache({ max: MAX_PLANS })));
    const key = args.operationName ?? '';
    let hit = perName.get(key);
    if (!hit) perName.set(key, (hit = { plan: compileOperation(args.schema, models, args.document, args.operationName, options.onFallback) }));
    return hit.plan;
  };

  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const plan = planFor(args);
      if (!plan) {
        options.onPath?.('resolvers', args.operationName ?? undefined);
        return;
      }
      setExecuteFn(async (execArgs: ExecutionArgs): Promise<ExecutionResult> => {
        const resolvers = () => {
          options.onPath?.('resolvers', execArgs.operationName ?? undefined);
          return executeFn(execArgs) as Promise<ExecutionResult>;
        };
        const ctx = execArgs.contextValue as Partial<GraphQLContext> | undefined;
        const viewer = ctx?.viewer;
        if (!viewer?.accountId) return resolvers();
        const variables = (execArgs.variableValues ?? {}) as Record<string, unknown>;
        // The cost limit, as plugin-complexity checks it on the resolver path (which then
        // answers QUERY_TOO_EXPENSIVE itself).
        try {
          const { complexity } = complexityFromQuery(execArgs.document, { schema: execArgs.schema, ctx, variables });
          if (complexity > COST_LIMITS.maxCost) {
            options.onFallback?.('cost');
            return resolvers();
          }
        } catch {
          return resolvers();
        }
        let statement;
        try {
          statement = renderStatement(execArgs.schema, plan, models!, variables, { accountId: viewer.accountId, userId: viewer.userId ?? null }, options.onFallback);
        } catch {
          statement = null;
        }
        if (!statement) return resolvers();
        let rows: { data: Record<string, unknown> }[];
        try {
          rows = await options.database.queryRead<{ data: Record<string, unknown> }>(statement);
        } catch (error) {
          options.onFallback?.(`statement failed: ${(error as Error).message}`);
          // An outage or anything unexpected: the resolver path reports it as it always has.
          return resolvers();
        }
        options.onPath?.('compiled', execArgs.operationName ?? undefined);
        return { data: rows[0]!.data };
      });
    },
  };
}
