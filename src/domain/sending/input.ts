// What a person may send, checked before anything is claimed: the limits on subject, body and
// idempotency key (documented in README.md), and one ValidationError listing every bad field.
import { z } from 'zod';
import { wireAddress } from '../../email/addresses.js';
import { InvalidStateError, ValidationError, type FieldIssue } from '../errors.js';

// Postmark itself takes up to 10 MB per email; these keep replies to what a sales email is,
// and requests small.
export const SUBJECT_MAX_LENGTH = 500;
/** Characters of plain-text body. */
export const BODY_MAX_LENGTH = 100_000;
/** Characters of HTML body. */
export const HTML_BODY_MAX_LENGTH = 500_000;
export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;

export const subjectSchema = z
  .string()
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(SUBJECT_MAX_LENGTH, { message: `must be at most ${SUBJECT_MAX_LENGTH} characters` })
  .refine((s) => !/[\r\n]/.test(s), { message: 'must be a single line' });

export const bodySchema = z
  .string()
  .max(BODY_MAX_LENGTH, { message: `must be at most ${BODY_MAX_LENGTH} characters` })
  .refine((s) => s.trim().length > 0, { message: 'must not be empty' });

export const htmlBodySchema = z
  .string()
  .max(HTML_BODY_MAX_LENGTH, { message: `must be at most ${HTML_BODY_MAX_LENGTH} characters` })
  .refine((s) => s.trim().length > 0, { message: 'must not be empty' });

export const idempotencyKeySchema = z
  .string()
  .min(1, { message: 'must not be empty' })
  .max(IDEMPOTENCY_KEY_MAX_LENGTH, { message: `must be at most ${IDEMPOTENCY_KEY_MAX_LENGTH} characters` })
  .regex(/^[\x21-\x7e]+$/, { message: 'must be printable ASCII without spaces (a UUID is a good key)' });

export const emailAddressSchema = z.email();

/**
 * The lead's address as the email provider takes it (email/addresses.ts, wireAddress): an IDN
 * domain in punycode. A non-ASCII local part (EAI) has no form Postmark accepts: refused with
 * InvalidStateError ADDRESS_NOT_SENDABLE before anything is queued; text that is no address at
 * all is a ValidationError on the lead's email.
 */
export function sendableAddress(address: string): string {
  const wire = wireAddress(address);
  if (wire.ok) return wire.address;
  if (wire.reason === 'NOT_SENDABLE') {
    throw new InvalidStateError(
      `The lead's address "${address}" cannot be sent to: the email provider (Postmark) takes only ASCII addresses, and its ` +
        'part before the @ has characters outside them. Ask the lead for another address.',
      'ADDRESS_NOT_SENDABLE',
    );
  }
  throw ValidationError.fromIssues([{ path: ['lead', 'email'], message: `"${address}" is not a valid email address` }]);
}

/** The furthest ahead a send can be scheduled (sendAt). */
export const SEND_AT_MAX_DAYS = 30;

/** A sendAt must be a real time in the future and at most SEND_AT_MAX_DAYS ahead of `now`. */
export function checkSendAt(sendAt: Date | null | undefined, now: Date, path: string[]): Date | null {
  if (sendAt == null) return null;
  const at = sendAt.getTime();
  const message = Number.isNaN(at)
    ? 'must be a valid date and time'
    : at <= now.getTime()
      ? 'must be in the future'
      : at > now.getTime() + SEND_AT_MAX_DAYS * 86_400_000
        ? `must be at most ${SEND_AT_MAX_DAYS} days ahead`
        : null;
  if (message) throw ValidationError.fromIssues([{ path, message }]);
  return sendAt;
}

/**
 * What validateFields needs of a schema: its safeParse. Typed as this small interface rather
 * than z.ZodType<T> because comparing a zod schema to z.ZodType<T> makes TypeScript expand
 * zod's whole class structure at each call (a third of the project's type-check time).
 */
interface FieldParser<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { message: string }[] } };
}

/** Parses each value with its schema; every failure becomes one ValidationError with field paths. */
export function validateFields<T extends Record<string, unknown>>(
  fields: { [K in keyof T]: { path: string[]; schema: FieldParser<T[K]>; value: unknown } },
): T {
  const issues: FieldIssue[] = [];
  const out: Record<string, unknown> = {};
  for (const [name, { path, schema, value }] of Object.entries(fields) as [string, { path: string[]; schema: FieldParser<unknown>; value: unknown }][]) {
    const parsed = schema.safeParse(value);
    if (parsed.success) out[name] = parsed.data;
    else for (const issue of parsed.error.issues) issues.push({ path, message: issue.message });
  }
  if (issues.length > 0) throw ValidationError.fromIssues(issues);
  return out as T;
}
