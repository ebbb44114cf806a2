// Owners manage the account's API keys: create (the secret shown once) and revoke.
import { randomUUID } from 'node:crypto';
import { formatApiKey, hashSecret, newApiKeySecret } from '../../auth/api-keys.js';
import type { Role } from '../../auth/tokens.js';
import { recordAudit } from '../audit.js';
import type { DomainContext } from '../use-case-context.js';
import { InvalidStateError, NotFoundError, ValidationError } from '../errors.js';

export async function createApiKey(
  { db, viewer }: DomainContext,
  input: { name: string; role: Role },
): Promise<{ apiKeyId: string; key: string }> {
  const id = randomUUID();
  const secret = newApiKeySecret();
  await db.$transaction(async (tx) => {
    await tx.apiKey.create({
      data: { id, accountId: viewer.accountId, name: input.name, role: input.role, secretHash: hashSecret(secret), createdBy: viewer.actor },
      select: { id: true },
    });
    await recordAudit(tx, viewer, { action: 'api_key.created', entityType: 'ApiKey', entityId: id, toStatus: input.role });
  });
  return { apiKeyId: id, key: formatApiKey(id, secret) };
}

export async function revokeApiKey({ db, viewer, services }: DomainContext, input: { apiKeyId: string }): Promise<{ apiKeyId: string }> {
  const revoked = await db.$transaction(async (tx) => {
    const key = await tx.apiKey.findUnique({ where: { id: input.apiKeyId } });
    if (!key) throw new NotFoundError('ApiKey', input.apiKeyId);
    const { count } = await tx.apiKey.updateMany({ where: { id: key.id, revokedAt: null }, data: { revokedAt: services.now() } });
    if (count === 0) throw new InvalidStateError('The key is already revoked.', 'REVOKED');
    await recordAudit(tx, viewer, { action: 'api_key.revoked', entityType: 'ApiKey', entityId: key.id, fromStatus: 'ACTIVE', toStatus: 'REVOKED' });
    return key.id;
  });
  await services.principals.invalidate('apikey', revoked);
  return { apiKeyId: revoked };
}
