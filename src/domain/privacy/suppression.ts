// Erased leads' addresses are kept only as a keyed hash: HMAC-SHA256(PRIVACY_HASH_KEY, the
// address key) in hex. A send to an address whose hash is kept is refused (claim.ts), so an
// erased lead is never emailed again, while the address itself is not stored anywhere.
import { createHmac } from 'node:crypto';
import type { Config } from '../../config.js';
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
