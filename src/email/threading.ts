// Email threading rules: subject normalisation, reply-address hashes, Message-ID lists.
import { randomBytes } from 'node:crypto';

const REPLY_PREFIX = /^\s*((re|fw|fwd|aw|wg|sv|vs|antw|tr|rv)\s*(\[\d+\])?\s*:\s*)+/i;

/** "RE: Fwd:  Pricing  " and "pricing" are the same thread subject. */
export function normaliseSubject(subject: string): string {
  return subject.replace(REPLY_PREFIX, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The random token in replies+HASH@inbound-domain that routes a lead's answer back. */
export function newReplyHash(): string {
  return randomBytes(12).toString('hex');
}

/** "<a@x> <b@y>" (In-Reply-To, References) -> ["<a@x>", "<b@y>"]. */
export function parseMessageIds(header: string | undefined | null): string[] {
  return header?.match(/<[^<>\s]+>/g) ?? [];
}

/** The +HASH of "replies+HASH@domain", if the address has one. */
export function mailboxHashOf(address: string | undefined | null): string | undefined {
  const local = address?.split('@')[0] ?? '';
  const plus = local.indexOf('+');
  return plus >= 0 && plus < local.length - 1 ? local.slice(plus + 1) : undefined;
}
