// GraphQL over WebSocket (graphql-ws) on the same port and /graphql path as HTTP. Execution
// arguments come from yoga.getEnveloped, so every Yoga plugin, limit and the same context
// (viewer, account scoping) apply to WebSocket operations too.
import type { IncomingMessage, Server } from 'node:http';
import { GraphQLError, type ExecutionArgs } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { App } from './app.js';
import { AuthenticationError, credentialLapse } from './auth/authenticate.js';
import { credentialLapseError } from './auth/live-credential.js';
import { authenticateFrom, type AuthenticatedConnection } from './graphql-context.js';
import { RateLimitedError } from './domain/errors.js';
import { isDatabaseUnavailable } from './db/unavailable.js';
import { serviceUnavailable } from './yoga.js';

/** Documented limits (README): per connection, and for one message. */
export const MAX_SUBSCRIPTIONS_PER_CONNECTION = 50;
export const MAX_WS_MESSAGE_BYTES = 1024 * 1024;
const HEARTBEAT_MS = 30_000;
/** Closing code when a connection's credential lapses: graphql-ws clients reconnect (README). */
export const CREDENTIAL_LAPSED_CLOSE_CODE = 4403;
/** WebSocket's "try again later" (RFC 6455 registry): graphql-ws clients retry it. */
export const TRY_AGAIN_LATER_CLOSE_CODE = 1013;

function connectionAuthorization(ctx: { connectionParams?: Readonly<Record<string, unknown>>; extra: { request: IncomingMessage } }): string | undefined {
  const fromParams = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
  return typeof fromParams === 'string' ? fromParams : ctx.extra.request.headers.authorization;
}

export interface GraphQLWebSocketServer {
  close(): Promise<void>;
}

interface EnvelopedRoot {
  execute: (args: ExecutionArgs) => unknown;
  subscribe: (args: ExecutionArgs) => unknown;
}

export function attachGraphQLWebSocket(server: Server, app: App, options: { heartbeatMs?: number } = {}): GraphQLWebSocketServer {
  const wss = new WebSocketServer({ server, path: '/graphql', maxPayload: MAX_WS_MESSAGE_BYTES });
  const { yoga, services } = app;

  // Operations per connection, counted as they start (graphql-ws handles a connection's
  // messages in order), so the limit holds even for a burst of subscribe messages.
  const operations = new WeakMap<object, Set<string>>();
  const connections = new WeakMap<object, AuthenticatedConnection>();
  /** Connections whose credential could not be checked because the database was unavailable. */
  const unavailable = new WeakMap<object, unknown>();
  const operationsOf = (ctx: object) => {
    let ids = operations.get(ctx);
    if (!ids) operations.set(ctx, (ids = new Set()));
    return ids;
  };

  const disposable = useServer(
    {
      connectionInitWaitTimeout: 3_000,
      // The connection is authenticated once, at connection_init (connectionParams.authorization,
      // or the upgrade request's Authorization header); refusing it closes with 4403 Forbidden.
      // Failures count against the address's limit shared with HTTP and SSE; while it is over
      // the limit, every connection_init is refused.
      onConnect: async (ctx) => {
        const authorization = connectionAuthorization(ctx);
        try {
          const authenticated = await authenticateFrom(services, ctx.extra.request.socket.remoteAddress ?? 'unknown', authorization);
          const connection: AuthenticatedConnection = {
            authenticated,
            end: (lapse) => {
              // Reason text is capped at 123 bytes by the WebSocket protocol.
              if (ctx.extra.socket.readyState === ctx.extra.socket.OPEN) ctx.extra.socket.close(CREDENTIAL_LAPSED_CLOSE_CODE, lapse.reason);
            },
          };
          connections.set(ctx, connection);
          return true;
        } catch (error) {
          if (error instanceof AuthenticationError || error instanceof RateLimitedError) return false;
          // The credential could not be checked: the connection is acknowledged but holds no
          // principal, and its first operation ends with SERVICE_UNAVAILABLE (onSubscribe),
          // the typed, retryable error HTTP answers, rather than a 4500 close.
          if (isDatabaseUnavailable(error)) {
            services.logger.warn({ err: error }, 'database unavailable: WebSocket connection not authenticated; its operations answer SERVICE_UNAVAILABLE');
            unavailable.set(ctx, error);
            return true;
          }
          throw error;
        }
      },
      execute: (args) => (args.rootValue as EnvelopedRoot).execute(args) as never,
      subscribe: (args) => (args.rootValue as EnvelopedRoot).subscribe(args) as never,
      onComplete: (ctx, id) => void operationsOf(ctx).delete(id),
      onError: (ctx, id) => void operationsOf(ctx).delete(id),
      onSubscribe: async (ctx, id, params) => {
        if (unavailable.has(ctx)) {
          // Closed (1013, try again later) once the error has gone out, so that the client's
          // reconnect authenticates again; until then nothing runs on this connection.
          setImmediate(() => ctx.extra.socket.close(TRY_AGAIN_LATER_CLOSE_CODE, 'Database unavailable; retry'));
          return [serviceUnavailable(unavailable.get(ctx))!];
        }
        const connection = connections.get(ctx)!;
        // A new operation on a connection whose credential lapsed closes it with 4403 (the
        // client reconnects with fresh credentials), never with 4500. From cached state: the
        // credential itself was verified once, at connection_init.
        const lapse = await credentialLapse(services, connection.authenticated);
        if (lapse) {
          connection.end(lapse);
          return [credentialLapseError(lapse)];
        }
        const ids = operationsOf(ctx);
        if (ids.size >= MAX_SUBSCRIPTIONS_PER_CONNECTION) {
          return [new GraphQLError(`At most ${MAX_SUBSCRIPTIONS_PER_CONNECTION} operations per connection.`, { extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' } })];
        }
        ids.add(id);
        // A Fetch Request carrying the upgrade request's headers: the context is built from
        // it exactly as for HTTP.
        const headers = new Headers();
        for (const [name, value] of Object.entries(ctx.extra.request.headers)) {
          if (typeof value === 'string') headers.set(name, value);
        }
        const request = new Request(`http://localhost${ctx.extra.request.url ?? '/graphql'}`, { headers });
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          request,
          connection,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params,
        });
        let document;
        try {
          document = parse(params.query);
        } catch (error) {
          ids.delete(id);
          return [error as GraphQLError];
        }
        // graphql-armor's rules throw (rather than report) a document over the limits: either
        // way it fails this operation only, never the connection (which would close with 4500).
        let errors: readonly GraphQLError[];
        try {
          errors = validate(schema, document);
        } catch (error) {
          errors = [error instanceof GraphQLError ? error : new GraphQLError('The document could not be validated.')];
        }
        if (errors.length > 0) {
          ids.delete(id);
          return errors;
        }
        return {
          schema,
          operationName: params.operationName,
          document,
          variableValues: params.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
      },
    },
    wss,
    // graphql-ws's keep-alive: WebSocket pings every heartbeatMs; a peer that has not answered
    // one by the next (a dead network path) is terminated instead of holding its subscriptions forever.
    options.heartbeatMs ?? HEARTBEAT_MS,
  );

  return {
    async close() {
      for (const socket of wss.clients) socket.close(1001, 'Server shutting down');
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      services.logger.debug('WebSocket server closed');
    },
  };
}
