// Small formatting rules for email: display-name addresses, a plain HTML version of a text
// body, and RFC 5322 threading headers. Hand-written: each is a few lines, and a library
// (nodemailer's address formatter) would bring a whole mailer along.
import type { EmailAddress, EmailHeader } from './sender.js';

/** `"Name" <email>`, quoting the name so commas and quotes in it cannot split the address. */
export function formatAddress({ email, name }: EmailAddress): string {
  const clean = name?.replace(/[\r\n]+/g, ' ').trim();
  if (!clean) return email;
  return `"${clean.replace(/["\\]/g, (c) => `\\${c}`)}" <${email}>`;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * The HTML part sent with a plain-text reply: paragraphs and line breaks kept, everything
 * escaped. Open tracking needs an HTML part (Postmark tracks opens with a pixel in it).
 */
export function textToHtml(text: string): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => `<p>${p.replace(/[&<>"']/g, (c) => ESCAPES[c]!).replace(/\n/g, '<br>\n')}</p>`);
  return `<!DOCTYPE html>\n<html><body>\n${paragraphs.join('\n')}\n</body></html>\n`;
}

/** A Message-ID in angle brackets, however it was stored. */
export function normalizeMessageId(id: string): string {
  const trimmed = id.trim();
  return trimmed.startsWith('<') ? trimmed : `<${trimmed}>`;
}

/** Most References entries kept: the first (thread root) and the newest ones. */
export const MAX_REFERENCES = 10;

/**
 * In-Reply-To names the message we answer; References lists the thread up to it, so mail
 * clients put our reply in the lead's thread. `thread` is the Message-IDs oldest first,
 * ending with the one we answer.
 */
export function threadingHeaders(thread: string[]): EmailHeader[] {
  const ids = thread.map(normalizeMessageId);
  const parent = ids.at(-1);
  if (!parent) return [];
  const references = ids.length > MAX_REFERENCES ? [ids[0]!, ...ids.slice(-(MAX_REFERENCES - 1))] : ids;
  return [
    { name: 'In-Reply-To', value: parent },
    { name: 'References', value: references.join(' ') },
  ];
}
