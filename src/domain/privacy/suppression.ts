// Erased leads' addresses are kept only as a keyed hash: HMAC-SHA256(PRIVACY_HASH_KEY, the
// address key) in hex. A send to an address whose hash is kept is refused (claim.ts), so an
// erased lead is never emailed again, while the address itself is not stored anywhere.
import { createHash, createHmac } from 'node:crypto';
import type { Config } from '../../config.js';
import { Prisma } from '../../db/client.js';
import type { ScopedTransaction } from '../../db/scoped.js';
import { addressKey } from '../../email/addresses.js';

/** The address's hash: the same for every spelling that reaches the same mailbox (case, IDN). */
export function addressHash(config: Pick<Config, 'privacy'>, address: string): string {
  const key = addressKey(address) ?? address.trim().toLowerCase();
  return createHmac('sha256', config.privacy.hashKey).update(key, 'utf8').digest('hex');
}

export async function isSuppressed(tx: ScopedTransaction, config: Pick<Config, 'privacy'>, address: string): Promise<boolean> {
  return (await tx.suppressedAddress.count({ where: { addressHash: addressHash(config, address) } })) > 0;
}

/**
 * Whether the lead's address is suppressed, as a boolean SQL expression over `leads.email_key`
 * (the address key addressHash hashes), for a caller that checks it inside a statement it runs
 * anyway: the send's claim, whose statements are budgeted (test/approve-statements.test.ts).
 * PostgreSQL has sha256() but no HMAC without pgcrypto, so the HMAC is built from it by its
 * definition (RFC 2104): sha256((K ^ opad) || sha256((K ^ ipad) || m)), with K's pads made here.
 */
export function suppressedLeadSql(config: Pick<Config, 'privacy'>, accountId: Prisma.Sql, emailKey: Prisma.Sql): Prisma.Sql {
  const BLOCK = 64;
  let key = Buffer.from(config.privacy.hashKey, 'utf8');
  if (key.length > BLOCK) key = createHash('sha256').update(key).digest();
  const padded = Buffer.concat([key, Buffer.alloc(BLOCK - key.length)]);
  const inner = Buffer.from(padded.map((byte) => byte ^ 0x36));
  const outer = Buffer.from(padded.map((byte) => byte ^ 0x5c));
  return Prisma.sql`EXISTS (
    SELECT 1 FROM suppressed_addresses sa
    WHERE sa.account_id = ${accountId}
      AND sa.address_hash = encode(sha256(${outer}::bytea || sha256(${inner}::bytea || convert_to(${emailKey}, 'UTF8'))), 'hex'))`;
}
