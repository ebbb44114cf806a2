// Per-request GraphQL context: who is asking, and a database client that can only see
// their account's rows.
import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { authenticate, AuthenticationError } from './auth/authenticate.js';
import { scopeToAccount } from './db/scoped.js';
import { RateLimitedError } from './domain/errors.js';
import type { DomainContext, Viewer } from './domain/context.js';
import type { AppServices } from './services.js';

export interface GraphQLContext extends DomainContext {
  requestId: string;
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

const requestIds = new WeakMap<Request, string>();

/**
 * One id per request, shared by the context, the logs and the X-Request-Id response header.
 * A caller's X-Request-Id is honoured when it is sane, so logs join up across services.
 */
export function requestIdFor(request: Request): string {
  let id = requestIds.get(request);
  if (id === undefined) {
    const given = request.headers.get('x-request-id');
    id = given && REQUEST_ID.test(given) ? given : randomUUID();
    requestIds.set(request, id);
  }
  return id;
}

/** The caller's address, where the transport knows it (node http and WebSocket upgrades). */
export function clientAddress(serverContext: unknown): string {
  const req = (serverContext as { req?: { socket?: { remoteAddress?: string } } } | undefined)?.req;
  return req?.socket?.remoteAddress ?? 'unknown';
}

/**
 * Authenticates the request and builds its context. Failures end the request with 401 (or
 * 429 once an address has failed too often), before any resolver runs.
 */
export async function buildContext(
  services: AppServices,
  request: Request,
  serverContext?: unknown,
  connectionAuthorization?: string,
): Promise<GraphQLContext> {
  let viewer: Viewer;
  try {
    viewer = await authenticate(services, connectionAuthorization ?? request.headers.get('authorization'));
  } catch (error) {
    if (!(error instanceof AuthenticationError)) throw error;
    // Failures are counted per address (valid requests cost nothing extra); past the limit
    // the answer is 429 with Retry-After instead of 401.
    try {
      await services.rateLimits.consume('authenticationFailure', clientAddress(serverContext));
    } catch (limited) {
      if (!(limited instanceof RateLimitedError)) throw limited;
      throw new GraphQLError(`Too many failed authentication attempts; try again in ${limited.retryAfterSeconds} s.`, {
        extensions: {
          code: 'RATE_LIMITED',
          retryAfterSeconds: limited.retryAfterSeconds,
          http: { status: 429, headers: { 'retry-after': String(limited.retryAfterSeconds) } },
        },
      });
    }
    throw new GraphQLError(error.message, {
      extensions: { code: error.code, http: { status: 401, headers: { 'www-authenticate': 'Bearer' } } },
    });
  }
  return {
    requestId: requestIdFor(request),
    viewer,
    db: scopeToAccount(services.prisma, viewer.accountId),
    services,
  };
}
