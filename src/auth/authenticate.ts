// Who is calling: a bearer JWT (people) or an API key (servers), from the Authorization
// header, on HTTP and in graphql-ws connection_init alike.
import type { Viewer } from '../domain/context.js';
import type { AppServices } from '../services.js';
import { parseApiKey, secretMatches } from './api-keys.js';
import { InvalidTokenError } from './tokens.js';

export class AuthenticationError extends Error {
  readonly code = 'UNAUTHENTICATED';
}

export async function authenticate(services: AppServices, authorization: string | null | undefined): Promise<Viewer> {
  if (!authorization) {
    throw new AuthenticationError('Authentication required: send "Authorization: Bearer <token or API key>".');
  }
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw new AuthenticationError('The Authorization header must be "Bearer <token or API key>".');
  const credential = match[1]!;

  if (credential.startsWith('pk_')) {
    const parsed = parseApiKey(credential);
    const key = parsed && (await services.prisma.apiKey.findUnique({ where: { id: parsed.id } }));
    if (!parsed || !key || key.revokedAt || !secretMatches(parsed.secret, key.secretHash)) {
      throw new AuthenticationError('Invalid or revoked API key.');
    }
    // Best effort: a lost update of the last-used time is harmless.
    void services.prisma.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: services.now() } }).catch(() => undefined);
    return { accountId: key.accountId, actor: `apikey:${key.id}`, role: key.role, userId: null };
  }

  try {
    const identity = await services.tokens.verify(credential);
    return { accountId: identity.accountId, actor: `user:${identity.userId}`, role: identity.role, userId: identity.userId };
  } catch (error) {
    if (error instanceof InvalidTokenError) throw new AuthenticationError(`Invalid token: ${error.message}.`);
    throw error;
  }
}
