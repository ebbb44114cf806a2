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
import { compileOperation, constantData, renderStatement, type CompiledOperation, type Statement } from './compile.js';
import { dataModelOf, type DataModel } from './data-model.js';

export interface CompiledReadOptions {
  database: Pick<Database, 'queryRead' | 'prisma'>;
  logger?: Pick<Logger, 'warn'>;
  /** Told which path each operation took (tests count them). */
  onPath?(path: 'compiled' | 'resolvers', operationName: string | undefined): void;
  /** Told why an operation was not compiled, or why a request took the resolvers. */
  onFallback?(reason: string): void;
  /** Told how a request was answered on the compiled path (the request replay records it). */
  onAnswer?(context: unknown, answer: CompiledAnswer): void;
}

/** What answered a request on the compiled path: one statement, or data known from the schema alone. */
export type CompiledAnswer = { statement: Statement; operationName: string | undefined } | { constant: Record<string, unknown>; operationName: string | undefined };

/** Plans per parsed document (Yoga's parse cache hands the same document for the same text). */
const MAX_PLANS = 1_000;
/** Rendered statements per plan (one per distinct set of variables and user). */
const MAX_RENDERED = 200;
const MAX_CACHED_KEY = 2_048;

type Prepared = { statement: Statement; reason?: undefined } | { reason: string; statement?: undefined };

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

  const renderedStatements = new WeakMap<CompiledOperation, LRUCache<string, Prepared>>();
  const renderedFor = (plan: CompiledOperation) => {
    let cache = renderedStatements.get(plan);
    if (!cache) renderedStatements.set(plan, (cache = new LRUCache({ max: MAX_RENDERED })));
    return cache;
  };
  /** The cost check and the statement for one set of variables (or why the resolvers answer). */
  const prepare = (execArgs: ExecutionArgs, plan: CompiledOperation, variables: Record<string, unknown>, ctx: unknown, userId: string | null, accountId: string): Prepared => {
    // The cost limit, as plugin-complexity checks it on the resolver path (which then answers
    // QUERY_TOO_EXPENSIVE itself). Its field costs depend on the arguments only.
    try {
      const { complexity } = complexityFromQuery(execArgs.document, { schema: execArgs.schema, ctx: ctx as object, variables });
      if (complexity > COST_LIMITS.maxCost) return { reason: 'cost' };
    } catch {
      return { reason: 'cost check failed' };
    }
    let reason = 'not rendered';
    let statement: Statement | null = null;
    try {
      statement = renderStatement(execArgs.schema, plan, variables, { accountId, userId }, (why) => (reason = why));
    } catch (error) {
      reason = (error as Error).message;
    }
    return statement ? { statement } : { reason };
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
        const operationName = plan.operation.name?.value;
        const constant = constantData(plan);
        if (constant) {
          options.onPath?.('compiled', execArgs.operationName ?? undefined);
          options.onAnswer?.(execArgs.contextValue, { constant, operationName });
          return { data: constant };
        }
        const variables = (execArgs.variableValues ?? {}) as Record<string, unknown>;
        // The statement for these variables and this viewer, rendered once: the account id is
        // always its first parameter, everything else depends on the variables and the user.
        const rendered = renderedFor(plan);
        const key = `${viewer.userId ?? ''}\u0000${JSON.stringify(variables)}`;
        let entry = rendered.get(key);
        if (!entry) {
          entry = prepare(execArgs, plan, variables, ctx, viewer.userId ?? null, viewer.accountId);
          // Large variables are not kept: the cache holds ordinary pages, not anyone's payloads.
          if (key.length <= MAX_CACHED_KEY) rendered.set(key, entry);
        }
        if (entry.reason) {
          options.onFallback?.(entry.reason);
          return resolvers();
        }
        const statement = entry.statement && { text: entry.statement.text, values: [viewer.accountId, ...entry.statement.values.slice(1)] };
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
        options.onAnswer?.(execArgs.contextValue, { statement, operationName });
        return { data: rows[0]!.data };
      });
    },
  };
}
