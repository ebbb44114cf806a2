// Postmark's inbound JSON read into Parley's InboundEmail: parsed, made storable, validated and
// mapped. Runs in a text-work thread (src/cpu/text-work.ts, inboundEmailFrom), not on the event
// loop: JSON.parse of a 5 MiB email and the scans over it held the loop for tens of ms (issue 13).
// So this module imports nothing that opens a database or a server.
import { createHash } from 'node:crypto';
import { constants, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { isMailbox } from '../email/addresses.js';
import type { CompressedOriginal } from '../email/originals.js';
import type { InboundEmail } from '../domain/inbound/index.js';
import { parseMessageIds } from '../email/threading.js';
import { inboundBody } from '../ai/email-text.js';
import { looksLikeInjection } from '../ai/injection.js';
import { latestReplyText } from '../ai/text.js';
import { clipForTextWork } from '../cpu/pool.js';
import { sanitiseEmailHtml, type RemoteImages } from '../email/safe-html.js';
import { storableJson } from './storable.js';

const Address = z.object({
  Email: z.string(),
  Name: z.string().optional(),
  MailboxHash: z.string().optional(),
});

/** The fields of Postmark's inbound JSON that Parley reads; others are ignored. */
export const PostmarkInboundSchema = z
  .object({
    MessageID: z.string().min(1, 'is required'),
    From: z.string().optional(),
    FromName: z.string().optional(),
    FromFull: Address.optional(),
    To: z.string().optional(),
    ToFull: z.array(Address).default([]),
    Cc: z.string().optional(),
    CcFull: z.array(Address).default([]),
    OriginalRecipient: z.string().optional(),
    Subject: z.string().default(''),
    Date: z.string().optional(),
    TextBody: z.string().default(''),
    HtmlBody: z.string().default(''),
    StrippedTextReply: z.string().optional(),
    MailboxHash: z.string().optional(),
    Headers: z.array(z.object({ Name: z.string(), Value: z.string() })).default([]),
    Attachments: z
      .array(
        z.object({
          Name: z.string(),
          ContentType: z.string(),
          ContentLength: z.number().int().nonnegative(),
          Content: z.string().optional(),
        }),
      )
      .default([]),
  })
  // Internationalised addresses (jürgen@bücher.example) are mailboxes too: z.email() is ASCII only.
  .refine((p) => isMailbox(p.FromFull?.Email ?? p.From ?? ''), {
    message: 'must hold the sender address',
    path: ['FromFull', 'Email'],
  });

export type PostmarkInbound = z.infer<typeof PostmarkInboundSchema>;

/** An InboundEmail whose bodies are still text (readInboundEmail encodes them last). */
type TextInboundEmail = InboundEmail & { textBody: string; htmlBody?: string; strippedText?: string };

export function toInboundEmail(payload: PostmarkInbound, storeAttachmentContent: boolean): TextInboundEmail {
  const header = (name: string) => payload.Headers.find((h) => h.Name.toLowerCase() === name.toLowerCase())?.Value;
  const to: z.infer<typeof Address>[] =
    payload.ToFull.length > 0 ? payload.ToFull : (payload.To ?? '').split(',').filter(Boolean).map((Email) => ({ Email: Email.trim() }));
  return {
    providerMessageId: payload.MessageID,
    from: { email: (payload.FromFull?.Email ?? payload.From)!, name: payload.FromFull?.Name ?? payload.FromName },
    to: to.map((a) => ({ email: a.Email, name: a.Name })),
    cc: payload.CcFull.map((a) => a.Email),
    originalRecipient: payload.OriginalRecipient,
    subject: payload.Subject,
    textBody: payload.TextBody,
    htmlBody: payload.HtmlBody,
    strippedText: payload.StrippedTextReply,
    mailboxHash: payload.MailboxHash || to.find((a) => a.MailboxHash)?.MailboxHash || undefined,
    messageIdHeader: parseMessageIds(header('Message-ID'))[0],
    inReplyTo: parseMessageIds(header('In-Reply-To'))[0],
    references: parseMessageIds(header('References')),
    // Postmark gives the Cc line as its own field; kept as a header so display names survive
    // (a referral's name comes from them).
    headers: [
      ...payload.Headers.map((h) => ({ name: h.Name, value: h.Value })),
      ...(payload.Cc && !payload.Headers.some((h) => h.Name.toLowerCase() === 'cc') ? [{ name: 'Cc', value: payload.Cc }] : []),
    ],
    attachments: payload.Attachments.map((a) => ({
      name: a.Name,
      contentType: a.ContentType,
      size: a.ContentLength,
      ...(storeAttachmentContent && a.Content ? { content: a.Content } : {}),
    })),
  };
}

/** Why a body is refused with 400: the same answers readJsonBody gives (request.ts). */
export type InboundPayloadRefusal =
  | { error: 'MALFORMED_JSON' }
  | { error: 'INVALID_PAYLOAD'; issues: { path: string[]; message: string }[] };

export interface ReadInboundEmail {
  email: InboundEmail & {
    textBody: Uint8Array<ArrayBuffer>;
    htmlBody?: Uint8Array<ArrayBuffer>;
    strippedText?: Uint8Array<ArrayBuffer>;
    original: CompressedOriginal;
    injectionSuspected: boolean;
    safeHtmlBody: Uint8Array<ArrayBuffer> | null;
  };
  providerMessageId: string;
}

/**
 * The inbound email a posted body holds, or why it is refused. The original is compressed and
 * hashed here too (the exact bytes, whatever the text columns had to replace).
 */
export function readInboundEmail(
  raw: Uint8Array,
  options: { storeAttachmentContent: boolean; htmlRemoteImages: RemoteImages },
): ReadInboundEmail | InboundPayloadRefusal {
  const bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  let value: unknown;
  try {
    // Invalid UTF-8 decodes to U+FFFD here; the original keeps the bytes.
    value = storableJson(JSON.parse(bytes.toString('utf8')));
  } catch {
    return { error: 'MALFORMED_JSON' };
  }
  const parsed = PostmarkInboundSchema.safeParse(value);
  if (!parsed.success) {
    return { error: 'INVALID_PAYLOAD', issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })) };
  }
  const email = toInboundEmail(parsed.data, options.storeAttachmentContent);
  const original: CompressedOriginal = {
    // Gzip at a fast level, as compressOriginal (src/email/originals.ts): same bytes, same level.
    content: gzipSync(bytes, { level: constants.Z_BEST_SPEED + 2 }) as Buffer<ArrayBuffer>,
    sizeBytes: bytes.byteLength,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
  // The injection detector's verdict on the whole email (an instruction hidden at its end must
  // be seen), read here where the whole email already is, so that the drafting job reads only
  // the bounded prefix it prepares (pool.ts). The same input the job gave the detector before
  // (conversation-ai.ts, injectionIn), as the message will be stored and the job prepares it
  // (src/domain/suggestions/draft.ts, loadReplyContext): the prepared new text, then the whole text body.
  const prepared = latestReplyText(clipForTextWork(inboundBody({ textBody: email.textBody, strippedText: email.strippedText || null })));
  const injectionSuspected = looksLikeInjection({ subject: email.subject, text: `${prepared}\n${email.textBody}`, html: email.htmlBody || null });
  // Sanitised here too (sanitize-html took ~15 ms of the event loop on a 5 MiB HTML body).
  const safeHtmlBody = email.htmlBody ? sanitiseEmailHtml(email.htmlBody, options.htmlRemoteImages) : null;
  // The bodies leave as UTF-8 bytes, which the pool moves to the event loop's thread without a
  // copy (text-work.ts) and pg sends as they are (receive.ts): as strings they were copied in
  // and then UTF-8-encoded by pg on the event loop, ~4 x 5 MiB for a 5 MiB email (issue 13).
  // Empty optional bodies are absent, as the statement stores `'' || null`. A body equal to
  // another is the same bytes (one array, which the statement then sends once, receive.ts):
  // the stripped reply is often the whole text, and sanitising often changes nothing.
  const textBody = utf8(email.textBody);
  const htmlBody = email.htmlBody ? utf8(email.htmlBody) : undefined;
  return {
    email: {
      ...email,
      textBody,
      htmlBody,
      strippedText: email.strippedText ? (email.strippedText === email.textBody ? textBody : utf8(email.strippedText)) : undefined,
      original,
      injectionSuspected,
      safeHtmlBody: safeHtmlBody === null ? null : htmlBody && safeHtmlBody === email.htmlBody ? htmlBody : utf8(safeHtmlBody),
    },
    providerMessageId: email.providerMessageId,
  };
}

const encoder = new TextEncoder();

/**
 * A text's UTF-8 bytes, in an ArrayBuffer of their own (never Buffer's shared pool), so that
 * they can be moved to another thread. The text is already storable (storableJson): no NUL, no
 * lone surrogate, which PostgreSQL would refuse in binary input as it does in text input.
 */
function utf8(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text);
}
