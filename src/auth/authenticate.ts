// Who is calling: a bearer JWT (people) or an API key (servers), from the Authorization
// header, on HTTP and in graphql-ws connection_init alike. The role comes from the user's or
// key's current state (src/auth/principals.ts), not from the token, so a demotion, a removal
// or a revocation holds within the principal cache's few seconds (at once on this instance).
import type { Viewer } from '../domain/use-case-context.js';
import type { AppServices } from '../services.js';
import { parseApiKey, secretMatches } from './api-keys.js';
import type { PrincipalState } from './principals.js';
import { InvalidTokenError } from './tokens.js';

export class AuthenticationError extends Error {
  readonly code = 'UNAUTHENTICATED';
  constructor(
    message: string,
    /** The credential was good but has expired: the client should fetch a fresh one. */
    readonly expired = false,
  ) {
    super(message);
  }
}

export interface AuthenticateOptions {
  /** Record the API key's last use (a write); off for the periodic re-checks of live connections. */
  recordUse?: boolean;
}

export async function authenticate(
  services: AppServices,
  authorization: string | null | undefined,
  options: AuthenticateOptions = {},
): Promise<Viewer> {
  if (!authorization) {
    throw new AuthenticationError('Authentication required: send "Authorization: Bearer <token or API key>".');
  }
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw new AuthenticationError('The Authorization header must be "Bearer <token or API key>".');
  const credential = match[1]!;
  const { prisma, principals } = services;

  if (credential.startsWith('pk_')) {
    const parsed = parseApiKey(credential);
    const key =
      parsed &&
      (await principals.get('apikey', parsed.id, async () => {
        const row = await prisma.apiKey.findUnique({ where: { id: parsed.id }, select: { accountId: true, role: true, revokedAt: true, secretHash: true } });
        return row && { accountId: row.accountId, role: row.role, revokedAt: row.revokedAt?.toISOString() ?? null, secretHash: row.secretHash };
      }));
    if (!parsed || !key || key.revokedAt || !key.secretHash || !secretMatches(parsed.secret, key.secretHash)) {
      throw new AuthenticationError('Invalid or revoked API key.');
    }
    if (options.recordUse !== false) {
      // Best effort: a lost update of the last-used time is harmless.
      void prisma.apiKey.update({ where: { id: parsed.id }, data: { lastUsedAt: services.now() } }).catch(() => undefined);
    }
    return { accountId: key.accountId, actor: `apikey:${parsed.id}`, role: key.role, userId: null };
  }

  let identity;
  try {
    identity = await services.tokens.verify(credential);
  } catch (error) {
    if (error instanceof InvalidTokenError) throw new AuthenticationError(`Invalid token: ${error.message}.`, error.expired);
    throw error;
  }
  const user: PrincipalState | null = await principals.get('user', identity.userId, async () => {
    const row = await prisma.user.findUnique({ where: { id: identity.userId }, select: { accountId: true, role: true } });
    return row && { accountId: row.accountId, role: row.role };
  });
  if (!user || user.accountId !== identity.accountId) throw new AuthenticationError('Invalid token: the user does not exist (any more).');
  return { accountId: user.accountId, actor: `user:${identity.userId}`, role: user.role, userId: identity.userId };
}

/**
 * Why a credential that authenticated a live connection no longer holds, or undefined while
 * it does: expired (reconnect with a fresh token), refused (revoked key, removed user), or
 * the role changed (reconnect, and the new role applies).
 */
export type CredentialLapse = { reason: 'EXPIRED' | 'REVOKED' | 'ROLE_CHANGED'; message: string };

export async function credentialLapse(services: AppServices, authorization: string | null | undefined, viewer: Viewer): Promise<CredentialLapse | undefined> {
  let now: Viewer;
  try {
    now = await authenticate(services, authorization, { recordUse: false });
  } catch (error) {
    if (!(error instanceof AuthenticationError)) throw error;
    return error.expired
      ? { reason: 'EXPIRED', message: 'The token has expired: reconnect with a fresh token.' }
      : { reason: 'REVOKED', message: `The credential is no longer valid: ${error.message}` };
  }
  if (now.role !== viewer.role || now.accountId !== viewer.accountId) {
    return { reason: 'ROLE_CHANGED', message: `Your role changed from ${viewer.role} to ${now.role}: reconnect.` };
  }
  return undefined;
}
