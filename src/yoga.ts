// The GraphQL HTTP handler: schema, context, GraphiQL, error masking, health and readiness.
import { GraphQLError, NoSchemaIntrospectionCustomRule } from 'graphql';
import { createYoga, maskError, useErrorHandler, useReadinessCheck, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { graphiqlOptions } from './graphiql.js';
import { useMetrics } from './metrics-http.js';
import { useGraphQLArmor, useRequestSizeLimit } from './limits/graphql-limits.js';
import { useBodyFieldLimit } from './limits/cost.js';
import { useStorableStrings } from './limits/storable-strings.js';
import { corsFor, mayEmbedDevToken } from './browser-access.js';
import { buildContext, requestIdFor, type AuthenticatedConnection, type GraphQLContext } from './graphql-context.js';
import { isDatabaseUnavailable } from './db/unavailable.js';
import { DomainError, ValidationError } from './domain/errors.js';
import { schema } from './schema/index.js';
import type { AppServices } from './services.js';
import { useWebhooks } from './webhooks/plugin.js';
import { useCompiledRead, type RequestReplay } from './compiled-read/index.js';

export type ParleyYoga = YogaServerInstance<Record<string, unknown>, GraphQLContext>;

export { exampleQuery } from './graphiql.js';

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

/** Seconds a client should wait before retrying while the database is unavailable. */
const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/**
 * The database cannot answer now: a typed, retryable error, and HTTP 503 for the whole
 * response (never a 200 whose data is missing). A top-level error rather than a member of each
 * mutation's typed-error union: like a throttle, it is about the service, not the request.
 */
export function serviceUnavailable(error: unknown): GraphQLError | undefined {
  const gqlError = error instanceof GraphQLError ? error : undefined;
  if (!isDatabaseUnavailable(gqlError?.originalError ?? error)) return undefined;
  return new GraphQLError('The database is unavailable right now; nothing was lost. Retry in a few seconds.', {
    nodes: gqlError?.nodes,
    path: gqlError?.path,
    extensions: {
      code: 'SERVICE_UNAVAILABLE',
      retryable: true,
      retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS,
      http: { status: 503, headers: { 'retry-after': String(UNAVAILABLE_RETRY_AFTER_SECONDS) } },
    },
  });
}

export interface ParleyYogaOptions {
  extraPlugins?: Plugin[];
  /** false: every operation runs on the resolvers (tests compare the two paths). */
  compiledReads?: boolean;
  /** Told which path each operation took. */
  onReadPath?: (path: 'compiled' | 'resolvers', operationName: string | undefined) => void;
  /** Told why an operation took the resolvers (tests). */
  onReadFallback?: (reason: string) => void;
  /** Records compiled answers for the HTTP handler in front of Yoga to replay (src/compiled-read/replay.ts). */
  replay?: Pick<RequestReplay, 'plugin' | 'recordAnswer'>;
}

export function createParleyYoga(services: AppServices, options: ParleyYogaOptions = {}): ParleyYoga {
  const { logger, config } = services;
  return createYoga<Record<string, unknown>, GraphQLContext>({
    schema,
    context: (initial) => buildContext(services, initial.request, initial, (initial as { connection?: AuthenticatedConnection }).connection),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    // The body's size is bounded by useRequestSizeLimit from its declared length; Yoga's own
    // limiter would pipe every body through a counting stream on top.
    maxRequestBodySize: false,
    cors: corsFor(config.corsOrigins),
    // The development token, so GraphiQL works at once, only in a page this machine's own
    // browser asked for at a loopback address; everyone else pastes their own.
    graphiql: config.graphql.graphiql
      ? (request) => graphiqlOptions(services.devToken && mayEmbedDevToken(request) ? services.devToken : undefined)
      : false,
    // GraphiQL's scripts and styles come inside this npm package, not from a CDN: it works offline.
    // Imported when the page is first asked for: 9 MB of JavaScript that start-up does not need.
    renderGraphiQL: async (options) => (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(options),
    logging: {
      debug: (...args) => logger.debug({ args }, 'yoga'),
      info: (...args) => logger.info({ args }, 'yoga'),
      warn: (...args) => logger.warn({ args }, 'yoga'),
      error: (...args) => logger.error({ args }, 'yoga'),
    },
    // Domain errors and an unavailable database keep their message and code; everything else
    // goes to Yoga's own masking (GraphQLErrors raised on purpose pass, the rest become
    // INTERNAL_SERVER_ERROR, with the original only in development).
    maskedErrors: {
      maskError: (error, message, isDev) => exposeDomainError(error) ?? serviceUnavailable(error) ?? maskError(error, message, isDev),
    },
    plugins: [
      useRequestSizeLimit(config.graphql.maxRequestBytes),
      useWebhooks(services),
      useMetrics(services),
      // No CSRF-prevention plugin: CSRF rides on credentials a browser attaches by itself
      // (cookies, HTTP auth). Parley authenticates every request with an Authorization bearer
      // header only, which a cross-site form, link or image cannot set, and a cross-site
      // script cannot set without a CORS preflight that names it; an unauthenticated request
      // gets 401 before any operation runs. The plugin (which demands a custom header on GET
      // and on "simple" POSTs) so protected nothing here, and it broke clients on their
      // defaults, e.g. urql's GET queries. GET serves queries only: Yoga refuses mutations
      // over GET (405), so no link can change anything.
      useGraphQLArmor(config.env === 'production'),
      useStorableStrings(),
      useBodyFieldLimit(),
      // On every validation, so over WebSocket too (whose operations never pass onRequestParse,
      // where Yoga's useDisableIntrospection decides).
      ...(config.graphql.introspection ? [] : [{ onValidate: ({ addValidationRule }) => addValidationRule(NoSchemaIntrospectionCustomRule) } satisfies Plugin]),
      ...(options.extraPlugins ?? []),
      // Read queries made only of compilable fields run as one SQL statement (src/compiled-read/).
      ...(options.compiledReads === false
        ? []
        : [
            useCompiledRead({ database: services.database, logger, onPath: options.onReadPath, onFallback: options.onReadFallback, onAnswer: options.replay?.recordAnswer }),
            ...(options.replay ? [options.replay.plugin] : []),
          ]),
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
          if (original && isDatabaseUnavailable(original)) {
            logger.warn({ err: original, requestId, path: (error as GraphQLError).path }, 'database unavailable: answered SERVICE_UNAVAILABLE');
          } else if (original && !(original instanceof DomainError) && !(original instanceof GraphQLError)) {
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
