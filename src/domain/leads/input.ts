// What a lead may hold, checked the same way for createLead, updateLead and every row of
// importLeads: one set of zod schemas, so a CSV row and an API call fail alike.
import { z } from 'zod';
import { addressKey } from '../../email/addresses.js';

export const LEAD_NAME_MAX = 200;
export const LEAD_COMPANY_MAX = 200;
export const LEAD_SOURCE_MAX = 100;
/** Deal values beyond this are typing mistakes, not deals. */
export const LEAD_VALUE_MAX = 1e12;
/** customFields: keys, each key's length, nesting, and the whole object as JSON text. */
export const CUSTOM_FIELDS_MAX_KEYS = 50;
export const CUSTOM_FIELD_KEY_MAX = 100;
export const CUSTOM_FIELDS_MAX_DEPTH = 3;
export const CUSTOM_FIELDS_MAX_BYTES = 8 * 1024;

const singleLine = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `must be at most ${max} characters` })
    .refine((s) => !/[\r\n\u2028\u2029]/.test(s), { message: 'must be a single line' });

export const leadNameSchema = singleLine(LEAD_NAME_MAX).refine((s) => s.length > 0, { message: 'must not be empty' });
/** Empty text clears the field (null). */
export const leadCompanySchema = singleLine(LEAD_COMPANY_MAX).transform((s) => s || null);
export const leadSourceSchema = singleLine(LEAD_SOURCE_MAX).transform((s) => s || null);

export const leadValueSchema = z
  .number({ message: 'must be a number' })
  .finite({ message: 'must be a finite number' })
  .min(0, { message: 'must be 0 or more' })
  .max(LEAD_VALUE_MAX, { message: `must be at most ${LEAD_VALUE_MAX}` });

/**
 * The address as written (trimmed) and its matching key: inbound email's rules (src/email/
 * addresses.ts), so an internationalised address is accepted here exactly when an email from it
 * would be, and a lead is found by the key however its domain or case is spelled.
 */
export const leadEmailSchema = z
  .string()
  .trim()
  .transform((email, ctx) => {
    const key = addressKey(email);
    if (key === null) {
      ctx.addIssue({ code: 'custom', message: 'must be an email address (name@domain.example)' });
      return z.NEVER;
    }
    return { email, key };
  });

/** Whether objects and arrays nest deeper than `levels`; stops there, however deep the value goes. */
function nestsDeeperThan(value: unknown, levels: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (levels === 0) return true;
  for (const child of Array.isArray(value) ? value : Object.values(value)) if (nestsDeeperThan(child, levels - 1)) return true;
  return false;
}

/** A JSON object of bounded size: the GraphQL scalar has already made sure it is plain JSON. */
export const customFieldsSchema = z
  .record(z.string(), z.unknown(), { message: 'must be a JSON object' })
  .superRefine((fields, ctx) => {
    const keys = Object.keys(fields);
    if (keys.length > CUSTOM_FIELDS_MAX_KEYS) ctx.addIssue({ code: 'custom', message: `must have at most ${CUSTOM_FIELDS_MAX_KEYS} keys` });
    const longKey = keys.find((k) => k.trim().length === 0 || k.length > CUSTOM_FIELD_KEY_MAX);
    if (longKey !== undefined) ctx.addIssue({ code: 'custom', message: `keys must be 1 to ${CUSTOM_FIELD_KEY_MAX} characters` });
    // Counted before serialising: a deep value is refused without walking a huge text.
    if (nestsDeeperThan(fields, CUSTOM_FIELDS_MAX_DEPTH)) ctx.addIssue({ code: 'custom', message: `must nest at most ${CUSTOM_FIELDS_MAX_DEPTH} levels` });
    else if (Buffer.byteLength(JSON.stringify(fields)) > CUSTOM_FIELDS_MAX_BYTES) {
      ctx.addIssue({ code: 'custom', message: `must be at most ${CUSTOM_FIELDS_MAX_BYTES} bytes as JSON` });
    }
  });

/** A new lead's fields, validated; `email` as written, `emailKey` for matching. */
export interface LeadFields {
  name?: string;
  email?: { email: string; key: string };
  company?: string | null;
  estimatedValue?: number | null;
  source?: string | null;
  customFields?: Record<string, unknown> | null;
}

/** The name a lead without one gets: the address's local part, as inbound email does. */
export const defaultLeadName = (email: string) => email.slice(0, email.lastIndexOf('@')).slice(0, LEAD_NAME_MAX) || email;
