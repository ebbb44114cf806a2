// Email addresses as they arrive, internationalised ones included (EAI, RFC 6531: UTF-8 local
// parts; IDN domains, RFC 5890). An address is stored as received and matched by its key.
import { domainToASCII } from 'node:url';

/** RFC 5321's limits, in octets: 64 for the local part, 254 for a whole forward path address. */
const MAX_LOCAL_OCTETS = 64;
const MAX_ADDRESS_OCTETS = 254;

// Characters no mailbox has, in either part: controls, whitespace, and the specials of RFC 5322
// outside quotes. Quoted local parts ("a b"@x) are legal but not seen from real senders here.
const FORBIDDEN = /[\p{Cc}\p{Z}\s<>()[\]\\,;:"]/u;

function split(address: string): { local: string; domain: string } | null {
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return null;
  return { local: address.slice(0, at), domain: address.slice(at + 1) };
}

/**
 * The matching key of a mailbox: the local part in NFC and lower case, the domain in its ASCII
 * (punycode) form, which node's WHATWG URL implementation computes with UTS #46 and lower-cases.
 * null when the text is not a mailbox.
 */
export function addressKey(address: string): string | null {
  const parts = split(address.trim());
  if (!parts) return null;
  const { local, domain } = parts;
  if (FORBIDDEN.test(local) || FORBIDDEN.test(domain) || local.includes('@')) return null;
  if (Buffer.byteLength(local) > MAX_LOCAL_OCTETS || Buffer.byteLength(address) > MAX_ADDRESS_OCTETS) return null;
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return null;
  const asciiDomain = domainToASCII(domain.replace(/\.$/, ''));
  // A domain needs two or more non-empty labels (no bare hosts) and is not an IP address.
  const labels = asciiDomain.split('.');
  if (labels.length < 2 || labels.some((label) => label === '') || /^[\d.]+$/.test(asciiDomain)) return null;
  return `${local.normalize('NFC').toLowerCase()}@${asciiDomain}`;
}

/** True for a mailbox address, ASCII or internationalised. */
export const isMailbox = (address: string): boolean => addressKey(address) !== null;

// Postmark takes ASCII addresses only: its API checks each part against these (support article
// "What does Error Code 300 mean?", https://postmarkapp.com/support/article/1180) and has no
// SMTPUTF8 (EAI). An IDN domain has an ASCII form (punycode); a non-ASCII local part has none.
const WIRE_LOCAL = /^[A-Za-z0-9.!#$%&'`*+\-/=^_{}|~]+$/;
const WIRE_DOMAIN = /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

export type WireAddress =
  | { ok: true; address: string }
  /** NOT_A_MAILBOX: not an address at all; NOT_SENDABLE: a mailbox the provider cannot take. */
  | { ok: false; reason: 'NOT_A_MAILBOX' | 'NOT_SENDABLE' };

/**
 * The address as it is sent (the provider's To): the local part as it is, the domain in its
 * ASCII (punycode) form. The address stays stored as received; only the wire form changes.
 */
export function wireAddress(address: string): WireAddress {
  const trimmed = address.trim();
  if (!isMailbox(trimmed)) return { ok: false, reason: 'NOT_A_MAILBOX' };
  const at = trimmed.lastIndexOf('@');
  const local = trimmed.slice(0, at);
  const domain = domainToASCII(trimmed.slice(at + 1).replace(/\.$/, ''));
  if (!WIRE_LOCAL.test(local) || !WIRE_DOMAIN.test(domain)) return { ok: false, reason: 'NOT_SENDABLE' };
  return { ok: true, address: `${local}@${domain}` };
}
