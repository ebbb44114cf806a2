// POST /webhooks/postmark/inbound: Postmark's inbound email JSON.
// Postmark retries any non-200 for about ten hours and stops at once on a 403, so: 401 (never
// 403) for bad credentials, 400/413 for bodies it should not resend, 5xx for transient faults,
// and 200 only once the message and its job are committed. The AI work runs later, in a job.
import { z } from 'zod';
import { isMailbox } from '../domain/addresses.js';
import { compressOriginal } from '../domain/inbound-originals.js';
import { receiveInboundEmail, UnroutableEmailError, type InboundEmail } from '../domain/receive-inbound.js';
import { parseMessageIds } from '../domain/threading.js';
import { encodeParleyId } from '../schema/ids.js';
import type { AppServices } from '../services.js';
import { authenticate, readJsonBody } from './request.js';
import { json } from './http.js';

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

type PostmarkInbound = z.infer<typeof PostmarkInboundSchema>;

function toInboundEmail(payload: PostmarkInbound, storeAttachmentContent: boolean): InboundEmail {
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

export async function handlePostmarkInbound(services: AppServices, request: Request, url: URL, address: string): Promise<Response> {
  const refused = await authenticate(services, request, address);
  if (refused) return refused;
  const read = await readJsonBody(services, request, PostmarkInboundSchema);
  if (read instanceof Response) return read;
  const body = read.data;
  try {
    const email = { ...toInboundEmail(body, services.config.webhooks.storeAttachmentContent), original: await compressOriginal(read.raw) };
    const result = await receiveInboundEmail(services, email, { accountSlug: url.searchParams.get('account') ?? undefined });
    return json(200, {
      status: result.status,
      // Global IDs, as the GraphQL API shows them: usable with node(id:) and conversation(id:).
      messageId: encodeParleyId('ConversationMessage', result.messageId),
      conversationId: encodeParleyId('Conversation', result.conversationId),
      ...(result.threadedBy ? { threadedBy: result.threadedBy } : {}),
    });
  } catch (err) {
    if (err instanceof UnroutableEmailError) return json(422, { error: err.code, message: err.message });
    services.logger.error({ err, providerMessageId: body.MessageID }, 'inbound email not stored; Postmark will retry');
    return json(503, { error: 'UNAVAILABLE', message: 'Not stored; retry later.' });
  }
}
