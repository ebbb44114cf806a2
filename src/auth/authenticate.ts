// Who is calling: a bearer JWT (people) or an API key (servers), from the Authorization
// header, on HTTP and in graphql-ws connection_init alike. The role comes from the user's or
// key's current state (src/auth/principals.ts), not from the token, so a demotion, a removal
// or a revocation holds within the principal cache's few seconds (at once on this instance).
import type { Viewer } from '../domain/use-case-context.js';
import type { AppServices } from '../services.js';
import { parseApiKey, secretMatches } from './api-keys.js';
import type { PrincipalState } from './principals.js';
import { InvalidTokenError, type VerifiedToken } from './tokens.js';

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

/**
 * A caller authenticated once (request, or WebSocket connection_init), with what a later check
 * of a live connection needs without authenticating again: the principal, and for a token its
 * expiry; for an API key the secret hash it matched.
 */
export interface Authenticated {
  viewer: Viewer;
  principal: { kind: 'user'; token: VerifiedToken } | { kind: 'apikey'; id: string; secretHash: string };
}

const userState = (services: AppServices, userId: string) =>
  services.principals.get('user', userId, async () => {
    const row = await services.prisma.user.findUnique({ where: { id: userId }, select: { accountId: true, role: true } });
    return row && { accountId: row.accountId, role: row.role };
  });

const apiKeyState = (services: AppServices, keyId: string) =>
  services.principals.get('apikey', keyId, async () => {
    const row = await services.prisma.apiKey.findUnique({ where: { id: keyId }, select: { accountId: true, role: true, revokedAt: true, secretHash: true } });
    return row && { accountId: row.accountId, role: row.role, revokedAt: row.revokedAt?.toISOString() ?? null, secretHash: row.secretHash };
  });

export async function authenticate(services: AppServices, authorization: string | null | undefined): Promise<Authenticated> {
  if (!authorization) {
    throw new AuthenticationError('Authentication required: send "Authorization: Bearer <token or API key>".');
  }
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw new AuthenticationError('The Authorization header must be "Bearer <token or API key>".');
  const credential = match[1]!;

  if (credential.startsWith('pk_')) {
    const parsed = parseApiKey(credential);
    const key = parsed && (await apiKeyState(services, parsed.id));
    if (!parsed || !key || key.revokedAt || !key.secretHash || !secretMatches(parsed.secret, key.secretHash)) {
      throw new AuthenticationError('Invalid or revoked API key.');
    }
    // Best effort: a lost update of the last-used time is harmless.
    void services.prisma.apiKey.update({ where: { id: parsed.id }, data: { lastUsedAt: services.now() } }).catch(() => undefined);
    return {
      viewer: { accountId: key.accountId, actor: `apikey:${parsed.id}`, role: key.role, userId: null },
      principal: { kind: 'apikey', id: parsed.id, secretHash: key.secretHash },
    };
  }

  let token;
  try {
    token = await services.tokens.verify(credential);
  } catch (error) {
    if (error instanceof InvalidTokenError) throw new AuthenticationError(`Invalid token: ${error.message}.`, error.expired);
    throw error;
  }
  const user: PrincipalState | null = await userState(services, token.userId);
  if (!user || user.accountId !== token.accountId) throw new AuthenticationError(USER_GONE);
  return {
    viewer: { accountId: user.accountId, actor: `user:${token.userId}`, role: user.role, userId: token.userId },
    principal: { kind: 'user', token },
  };
}

const USER_GONE = 'Invalid token: the user does not exist (any more).';

/**
 * Why a credential that authenticated a live connection no longer holds, or undefined while
 * it does: expired (reconnect with a fresh token), refused (revoked key, removed user), or
 * the role changed (reconnect, and the new role applies).
 */
export type CredentialLapse = { reason: 'EXPIRED' | 'REVOKED' | 'ROLE_CHANGED'; message: string };

/**
 * Re-checks an authenticated caller from cached state only (the principal cache, the token's
 * expiry): the signature and the API key's secret were checked once, at authentication.
 */
export async function credentialLapse(services: AppServices, { viewer, principal }: Authenticated): Promise<CredentialLapse | undefined> {
  let now: PrincipalState | null;
  if (principal.kind === 'user') {
    if (services.tokens.hasExpired(principal.token)) return { reason: 'EXPIRED', message: 'The token has expired: reconnect with a fresh token.' };
    now = await userState(services, principal.token.userId);
    if (!now || now.accountId !== viewer.accountId) return { reason: 'REVOKED', message: `The credential is no longer valid: ${USER_GONE}` };
  } else {
    const key = await apiKeyState(services, principal.id);
    // A key whose secret changed no longer matches the secret this connection presented.
    if (!key || key.revokedAt || key.secretHash !== principal.secretHash) {
      return { reason: 'REVOKED', message: 'The credential is no longer valid: Invalid or revoked API key.' };
    }
    now = key;
  }
  if (now.role !== viewer.role || now.accountId !== viewer.accountId) {
    return { reason: 'ROLE_CHANGED', message: `Your role changed from ${viewer.role} to ${now.role}: reconnect.` };
  }
  return undefined;
}
