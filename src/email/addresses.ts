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
