// What every use case needs: who acts, a client confined to their account, and the services.
import type { ScopedClient } from '../db/scoped.js';
import type { AppServices } from '../services.js';

import type { Role } from '../auth/tokens.js';

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
