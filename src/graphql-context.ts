// Per-request GraphQL context: who is asking, and a database client that can only see
// their account's rows.
import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { authenticate, AuthenticationError, credentialLapse, type Authenticated, type CredentialLapse } from './auth/authenticate.js';
import { scopeToAccount } from './db/scoped.js';
import { RateLimitedError } from './domain/errors.js';
import type { ScopedClient } from './db/scoped.js';
import type { DomainContext, Viewer } from './domain/use-case-context.js';
import type { AppServices } from './services.js';

declare const domainHandle: unique symbol;

/**
 * The use cases' context, opaque in GraphQLContext's type: Pothos threads the context type
 * through the types of every field, and the Pothos docs warn that a Prisma client there slows
 * type-checking. Resolvers open it with domainOf, dbOf and servicesOf.
 */
export interface DomainHandle {
  readonly [domainHandle]: 'DomainContext';
}

export interface GraphQLContext {
  requestId: string;
  viewer: Viewer;
  domain: DomainHandle;
  /** The credential this request or connection was authenticated with, for live subscriptions to re-check. */
  credential: {
    /** Why it no longer holds, or undefined while it does (cheap: cached state). */
    lapse(): Promise<CredentialLapse | undefined>;
    /** Ends the transport's connection where it has one (WebSocket: close 4403). */
    end(lapse: CredentialLapse): void;
  };
}

/** The request's use-case context: its viewer, account-scoped client and services. */
export function domainOf(ctx: Pick<GraphQLContext, 'domain'>): DomainContext {
  return ctx.domain as unknown as DomainContext;
}

/** The request's account-scoped Prisma client. */
export function dbOf(ctx: Pick<GraphQLContext, 'domain'>): ScopedClient {
  return domainOf(ctx).db;
}

export function servicesOf(ctx: Pick<GraphQLContext, 'domain'>): AppServices {
  return domainOf(ctx).services;
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

const requestIds = new WeakMap<Request, string>();

/** A caller's X-Request-Id when it is sane, so logs join up across services; else a new one. */
export function requestIdFrom(given: string | string[] | null | undefined): string {
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/** One id per request, shared by the context, the logs and the X-Request-Id response header. */
export function requestIdFor(request: Request): string {
  let id = requestIds.get(request);
  if (id === undefined) {
    id = requestIdFrom(request.headers.get('x-request-id'));
    requestIds.set(request, id);
  }
  return id;
}

/** The caller's address, where the transport knows it (node http and WebSocket upgrades). */
export function clientAddress(serverContext: unknown): string {
  const req = (serverContext as { req?: { socket?: { remoteAddress?: string } } } | undefined)?.req;
  return req?.socket?.remoteAddress ?? 'unknown';
}

function rateLimitedError(limited: RateLimitedError): GraphQLError {
  return new GraphQLError(`Too many failed authentication attempts; try again in ${limited.retryAfterSeconds} s.`, {
    extensions: {
      code: 'RATE_LIMITED',
      retryAfterSeconds: limited.retryAfterSeconds,
      http: { status: 429, headers: { 'retry-after': String(limited.retryAfterSeconds) } },
    },
  });
}

/**
 * Authentication of one address, with the failure limit shared by HTTP, SSE and WebSocket:
 * while the address is over it, every attempt is refused (a correct credential too), so a
 * guesser learns nothing from a success; each failure counts. Throws RateLimitedError or
 * AuthenticationError.
 */
export async function authenticateFrom(services: AppServices, address: string, authorization: string | null | undefined): Promise<Authenticated> {
  await services.rateLimits.assertNotLimited('authenticationFailure', address);
  try {
    return await authenticate(services, authorization);
  } catch (error) {
    if (error instanceof AuthenticationError) await services.rateLimits.consume('authenticationFailure', address);
    throw error;
  }
}

/** A WebSocket connection, authenticated once at connection_init (src/ws.ts). */
export interface AuthenticatedConnection {
  authenticated: Authenticated;
  /** Ends the connection because its credential lapsed (close 4403). */
  end(lapse: CredentialLapse): void;
}

/**
 * Authenticates the request (or takes the WebSocket connection's viewer) and builds its
 * context. Failures end the request with 401 (or 429 while the address is limited), before
 * any resolver runs.
 */
export async function buildContext(
  services: AppServices,
  request: Request,
  serverContext?: unknown,
  connection?: AuthenticatedConnection,
): Promise<GraphQLContext> {
  let authenticated: Authenticated;
  if (connection) {
    authenticated = connection.authenticated;
  } else {
    try {
      authenticated = await authenticateFrom(services, clientAddress(serverContext), request.headers.get('authorization'));
    } catch (error) {
      if (error instanceof RateLimitedError) throw rateLimitedError(error);
      if (!(error instanceof AuthenticationError)) throw error;
      throw new GraphQLError(error.message, {
        extensions: { code: error.code, http: { status: 401, headers: { 'www-authenticate': 'Bearer' } } },
      });
    }
  }
  const { viewer } = authenticated;
  const domain: DomainContext = { viewer, db: scopeToAccount(services.prisma, viewer.accountId), services };
  return {
    requestId: requestIdFor(request),
    viewer,
    domain: domain as unknown as DomainHandle,
    credential: {
      lapse: () => credentialLapse(services, authenticated),
      end: (lapse) => connection?.end(lapse),
    },
  };
}
