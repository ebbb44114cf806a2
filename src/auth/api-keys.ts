// Server-to-server API keys: "pk_<key id>_<secret>". Only a SHA-256 of the secret is stored;
// the secret is 32 random bytes, so a fast hash is enough (no dictionary to slow down).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const KEY = /^pk_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

export function newApiKeySecret(): string {
  return randomBytes(32).toString('base64url');
}

export function formatApiKey(id: string, secret: string): string {
  return `pk_${id.replaceAll('-', '')}_${secret}`;
}

/** The key id (a UUID) and secret of a well-formed key, or undefined. */
export function parseApiKey(key: string): { id: string; secret: string } | undefined {
  const match = KEY.exec(key);
  if (!match) return undefined;
  const hex = match[1]!;
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { id, secret: match[2]! };
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
