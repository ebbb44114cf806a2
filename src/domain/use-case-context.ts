// What every use case needs: who acts, a client confined to their account, and the services.
// Named apart from the GraphQL context (src/context.ts), which builds one of these per request.
import type { Role } from '../auth/tokens.js';
import { scopeToAccount, type ScopedClient } from '../db/scoped.js';
import type { AppServices } from '../services.js';

export interface Viewer {
  accountId: string;
  /** Who acts, as written in the audit trail: "user:<id>", "apikey:<id>", "system:<component>". */
  actor: string;
  /** What the caller may do; background jobs act as OWNER of the account they work for. */
  role: Role;
  userId?: string | null;
}

export interface DomainContext {
  viewer: Viewer;
  /** Account-scoped Prisma client: every model query is confined to viewer.accountId. */
  db: ScopedClient;
  services: AppServices;
}

/**
 * For the few entry points that run before an account is known and find it in their input
 * (an inbound email, a provider event) or work across accounts (email recovery): they build a
 * DomainContext with systemContext once they know the account.
 */
export interface UnscopedContext {
  services: AppServices;
  /** Who acts, as written in the audit trail: "system:<component>". */
  actor: string;
}

/** The context a system caller (job, webhook, recovery) acts in: the account's OWNER, as actor. */
export function systemContext(services: AppServices, accountId: string, actor: string): DomainContext {
  return { viewer: { accountId, actor, role: 'OWNER' }, db: scopeToAccount(services.prisma, accountId), services };
}
