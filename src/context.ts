// Per-request GraphQL context: who is asking, and a database client that can only see
// their account's rows.
import { randomUUID } from 'node:crypto';
import { scopeToAccount } from './db/scoped.js';
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

export function buildContext(services: AppServices, request: Request): GraphQLContext {
  const viewer: Viewer = { accountId: services.devAccountId, actor: 'dev' };
  return {
    requestId: requestIdFor(request),
    viewer,
    db: scopeToAccount(services.prisma, viewer.accountId),
    services,
  };
}
