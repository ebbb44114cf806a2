// The schema builder and its plugins. Types live in one file per domain type beside it.
import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import { DateTimeResolver, JSONObjectResolver } from 'graphql-scalars';
import { z } from 'zod';
import { getDatamodel, type PrismaTypes } from '../db/pothos-types.js';
import { isProduction } from '../config.js';
import { COST_LIMITS, costError, fieldCost } from '../limits/cost.js';
import { type GraphQLContext, dbOf, domainOf } from '../graphql-context.js';
import { resolveConversationId } from '../domain/conversations/index.js';
import { ForbiddenError, ValidationError } from '../domain/errors.js';
import { decodeParleyId, encodeParleyId } from './ids.js';
import { compiledSql, type SqlBuilder } from '../compiled-read/annotations.js';

/** resolveConversationId as SQL: a merged conversation's id leads to the one it joined. */
export const mergedConversationIdSql = (id: string, sql: SqlBuilder) =>
  `COALESCE((SELECT m.target_id FROM conversation_merges m WHERE m.id = ${id} AND m.account_id = ${sql.account}), ${id})`;

/** Largest page a connection serves; asking for more is an error, not a silent clamp. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

const pageSize = z
  .number()
  .int()
  .min(0, { message: 'must be 0 or more' })
  .max(MAX_PAGE_SIZE, { message: `must be at most ${MAX_PAGE_SIZE}; page through larger results with cursors` });

export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  PrismaTypes: PrismaTypes;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    JSONObject: { Input: Record<string, unknown>; Output: unknown };
    ID: { Input: string; Output: string };
  };
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: false;
  AuthScopes: { agent: boolean; owner: boolean };
}>({
  // Errors first so that an authorization failure (scope-auth, next) comes back as a typed
  // ForbiddenError on mutations; scope-auth before everything that loads data.
  plugins: [ErrorsPlugin, ScopeAuthPlugin, PrismaPlugin, RelayPlugin, ValidationPlugin, ComplexityPlugin],
  // Cost of a query before it runs: page sizes multiply, bodies weigh most (src/limits/cost.ts).
  complexity: {
    fieldComplexity: (args, _ctx, field) => fieldCost(args, field),
    limit: { complexity: COST_LIMITS.maxCost },
    complexityError: (kind, result) => costError(kind, result),
  },
  defaultFieldNullability: false,
  scopeAuth: {
    // Every request is authenticated before it gets here (src/graphql-context.ts); scopes are roles.
    authScopes: (ctx) => ({ agent: ctx.viewer.role !== 'VIEWER', owner: ctx.viewer.role === 'OWNER' }),
    authorizeOnSubscribe: true,
    unauthorizedError: (_parent, _ctx, info, result) => {
      // Name the role the field needs, even when the type-level check (agent) failed first.
      const fieldScopes = info.parentType.getFields()[info.fieldName]?.extensions?.pothosOptions as
        | { authScopes?: { owner?: boolean } }
        | undefined;
      const owner = fieldScopes?.authScopes?.owner === true || (result.failure.kind === 'AuthScope' && result.failure.scope === 'owner');
      return new ForbiddenError(`Your role does not allow this: ${owner ? 'owners only' : 'agents and owners only'}.`, owner ? 'OWNER' : 'AGENT');
    },
  },
  errors: {
    defaultTypes: [],
    // Bad input (validation, malformed ids) comes back as a typed ValidationError result on
    // mutations rather than a top-level error; it reveals nothing beyond the input itself.
    unsafelyHandleInputErrors: true,
    defaultUnionOptions: {
      name: ({ fieldName }) => `${fieldName.charAt(0).toUpperCase()}${fieldName.slice(1)}Result`,
      description: 'The payload on success, or the typed error that stopped the operation.',
    },
  },
  validation: {
    // Input validation failures become our ValidationError: a typed result on mutations
    // that list it, a VALIDATION_FAILED error with field paths on queries.
    validationError: (failure) =>
      ValidationError.fromIssues(
        failure.issues.map((issue) => ({
          path: (issue.path ?? []).map((p) => String(typeof p === 'object' ? p.key : p)),
          message: issue.message,
        })),
      ),
  },
  prisma: {
    client: (ctx) => dbOf(ctx),
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    onUnusedQuery: isProduction ? null : 'error',
    maxConnectionSize: MAX_PAGE_SIZE,
    defaultConnectionSize: DEFAULT_PAGE_SIZE,
  },
  relay: {
    clientMutationId: 'omit',
    mutationInputArgOptions: { description: 'The input of this mutation.' },
    cursorType: 'String',
    encodeGlobalID: encodeParleyId,
    decodeGlobalID: decodeParleyId,
    firstArgOptions: { validate: pageSize, description: `Page size, 0 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` },
    lastArgOptions: { validate: pageSize, description: `Page size from the end, 0 to ${MAX_PAGE_SIZE}.` },
    nodeQueryOptions: {
      description: 'Any object by its global ID; null when it does not exist in your account.',
      args: { id: { description: 'A global ID, as returned in any `id` field.' } },
      // A conversation merged into another answers as the one it joined (its tombstone).
      // plugin-relay's resolveNode loads `args.id` whatever it is given, so the id is swapped there.
      resolve: async (_root, args, ctx, _info, resolveNode) => {
        if (args.id.typename === 'Conversation') args.id.id = (await resolveConversationId(domainOf(ctx), { conversationId: args.id.id })) ?? args.id.id;
        return resolveNode(args.id);
      },
      // The compiled read path (src/compiled-read/): the same redirect of a merged conversation.
      extensions: compiledSql({ kind: 'rootNode', idSql: (typename, id, sql) => (typename === 'Conversation' ? mergedConversationIdSql(id, sql) : id) }),
    },
    nodesQueryOptions: false,
    nodeTypeOptions: { description: 'An object with a global ID, fetchable with node(id:).' },
    idFieldOptions: { description: 'Global ID, usable with node(id:).' },
    pageInfoTypeOptions: { description: 'Where a page sits in a connection.' },
    hasNextPageFieldOptions: { description: 'True when more items follow this page.' },
    hasPreviousPageFieldOptions: { description: 'True when items precede this page.' },
    startCursorFieldOptions: { description: 'Cursor of the first item; pass as `before` to page back.' },
    endCursorFieldOptions: { description: 'Cursor of the last item; pass as `after` to page on.' },
    afterArgOptions: { description: 'Return items after this cursor (an endCursor).' },
    beforeArgOptions: { description: 'Return items before this cursor (a startCursor).' },
    defaultConnectionTypeOptions: { description: 'A page of items, with cursors to fetch the next or previous page.' },
    defaultEdgeTypeOptions: { description: 'One item of a page, with its cursor.' },
    cursorFieldOptions: { description: 'Opaque position of this item; pass as `after` or `before`.' },
    nodeFieldOptions: { description: 'The item.' },
    edgesFieldOptions: { description: 'The items of this page.' },
    pageInfoFieldOptions: { description: 'Where this page sits, and the cursors to move on.' },
  },
});

builder.addScalarType('DateTime', DateTimeResolver, {});
builder.addScalarType('JSONObject', JSONObjectResolver, {
  description: 'A JSON object (keys to any JSON values).',
});

builder.queryType({ description: 'Read the conversations, leads and figures of your account.' });
// Mutations change things: agents and owners only; owner-only ones add { owner: true }.
builder.mutationType({
  description: 'Act on conversations: approve, reject, reply, regenerate, archive.',
  authScopes: { agent: true },
});
