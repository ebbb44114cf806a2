// The GraphQL HTTP handler: schema, context, GraphiQL, error masking, health and readiness.
import { GraphQLError, NoSchemaIntrospectionCustomRule } from 'graphql';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { createYoga, useErrorHandler, useReadinessCheck, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { useGraphQLArmor, useRequestSizeLimit } from './limits/graphql-limits.js';
import { useBodyFieldLimit } from './limits/cost.js';
import { useStorableStrings } from './limits/storable-strings.js';
import { corsFor, mayEmbedDevToken } from './browser-access.js';
import { buildContext, requestIdFor, type AuthenticatedConnection, type GraphQLContext } from './context.js';
import { DomainError, ValidationError } from './domain/errors.js';
import { schema } from './schema/index.js';
import type { AppServices } from './services.js';
import { useWebhooks } from './webhooks/plugin.js';

export type ParleyYoga = YogaServerInstance<Record<string, unknown>, GraphQLContext>;

export const exampleQuery = /* GraphQL */ `# Welcome to Parley. Press the play button to list the conversations
# that need a person's review, with the drafted reply waiting for each.
query ConversationsNeedingReview {
  conversations(first: 10, filter: { status: [NEEDS_REVIEW] }) {
    totalCount
    edges {
      node {
        id
        subject
        status
        lastMessageAt
        lead { name email company }
        lastMessage { direction textBody }
        pendingSuggestion { subject body confidence analysis { intent sentiment } }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
  conversationStats {
    conversations { total open archived }
    email { sent received responseRate }
    ai { approvalRate meanConfidence }
  }
}
`;

/** Expected failures keep their message and carry a machine-readable code; the rest are masked. */
function exposeDomainError(error: unknown): GraphQLError | undefined {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (!(original instanceof DomainError)) return undefined;
  const gqlError = error instanceof GraphQLError ? error : undefined;
  return new GraphQLError(original.message, {
    nodes: gqlError?.nodes,
    path: gqlError?.path,
    extensions: {
      code: original.code,
      ...(original instanceof ValidationError && original.issues.length > 0 ? { issues: original.issues } : {}),
    },
  });
}

export function createParleyYoga(services: AppServices): ParleyYoga {
  const { logger, config } = services;
  return createYoga<Record<string, unknown>, GraphQLContext>({
    schema,
    context: (initial) => buildContext(services, initial.request, initial, (initial as { connection?: AuthenticatedConnection }).connection),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    cors: corsFor(config.corsOrigins),
    graphiql: config.graphql.graphiql
      ? (request) => ({
          title: 'Parley',
          defaultQuery: exampleQuery,
          subscriptionsProtocol: 'WS',
          // The development token, so GraphiQL works at once, only in a page this machine's own
          // browser asked for at a loopback address; everyone else pastes their own.
          headers: JSON.stringify(services.devToken && mayEmbedDevToken(request) ? { Authorization: `Bearer ${services.devToken}` } : {}),
        })
      : false,
    logging: {
      debug: (...args) => logger.debug({ args }, 'yoga'),
      info: (...args) => logger.info({ args }, 'yoga'),
      warn: (...args) => logger.warn({ args }, 'yoga'),
      error: (...args) => logger.error({ args }, 'yoga'),
    },
    maskedErrors: {
      maskError: (error, message, isDev) => {
        const exposed = exposeDomainError(error);
        if (exposed) return exposed;
        const gqlError = error instanceof GraphQLError ? error : undefined;
        // Errors raised on purpose as GraphQLErrors (bad arguments, validation) pass through.
        if (gqlError && !gqlError.originalError) return gqlError;
        if (gqlError?.originalError instanceof GraphQLError) return gqlError;
        return new GraphQLError(message, {
          nodes: gqlError?.nodes,
          path: gqlError?.path,
          extensions: { code: 'INTERNAL_SERVER_ERROR', ...(isDev ? { originalError: String(gqlError?.originalError ?? error) } : {}) },
        });
      },
    },
    plugins: [
      useRequestSizeLimit(config.graphql.maxRequestBytes),
      useWebhooks(services),
      // A cross-site page can only send "simple" requests: those need this header (JSON bodies pass).
      useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf'] }),
      useGraphQLArmor(config.env === 'production'),
      useStorableStrings(),
      useBodyFieldLimit(),
      // On every validation, so over WebSocket too (whose operations never pass onRequestParse,
      // where Yoga's useDisableIntrospection decides).
      ...(config.graphql.introspection ? [] : [{ onValidate: ({ addValidationRule }) => addValidationRule(NoSchemaIntrospectionCustomRule) } satisfies Plugin]),
      useReadinessCheck({
        endpoint: '/ready',
        check: async () => {
          await services.prisma.$queryRaw`SELECT 1`;
        },
      }),
      useErrorHandler(({ errors, context }) => {
        const requestId = (context as Partial<GraphQLContext>).requestId;
        for (const error of errors) {
          const original = error instanceof GraphQLError ? error.originalError : error;
          if (original && !(original instanceof DomainError) && !(original instanceof GraphQLError)) {
            logger.error({ err: original, requestId, path: (error as GraphQLError).path }, 'unexpected error in resolver');
          }
        }
      }),
      {
        onResponse({ request, response }) {
          response.headers.set('x-request-id', requestIdFor(request));
        },
      },
    ],
  });
}
