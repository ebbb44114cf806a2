// A reply a person wrote themselves, sent through the same pipeline as an approved draft.
import { sanitiseEmailHtml } from '../../email/safe-html.js';
import type { DomainContext } from '../use-case-context.js';
import { bodySchema, htmlBodySchema, idempotencyKeySchema, subjectSchema, validateFields } from './input.js';
import { sendThroughPipeline } from './pipeline.js';

export interface SendReplyInput {
  conversationId: string;
  subject: string;
  body: string;
  bodyHtml?: string | null;
  idempotencyKey?: string | null;
  /** Send at this time instead of after the undo window (future, at most SEND_AT_MAX_DAYS ahead). */
  sendAt?: Date | null;
}

export async function sendReply(
  ctx: DomainContext,
  input: SendReplyInput,
): Promise<{ conversationId: string; messageId: string; scheduledFor: Date | null }> {
  const text = validateFields<{ subject: string; body: string; bodyHtml?: string | null; key?: string | null }>({
    subject: { path: ['input', 'subject'], schema: subjectSchema, value: input.subject },
    body: { path: ['input', 'body'], schema: bodySchema, value: input.body },
    bodyHtml: { path: ['input', 'bodyHtml'], schema: htmlBodySchema.nullish(), value: input.bodyHtml },
    key: { path: ['input', 'idempotencyKey'], schema: idempotencyKeySchema.nullish(), value: input.idempotencyKey },
  });
  // What is sent (and stored) is the sanitised HTML: the same policy as for inbound email.
  const bodyHtml = text.bodyHtml ? sanitiseEmailHtml(text.bodyHtml, ctx.services.config.htmlRemoteImages) : null;
  const result = await sendThroughPipeline(ctx, {
    conversationId: input.conversationId,
    suggestionId: null,
    idempotencyKey: text.key,
    fingerprint: {
      op: 'sendReply',
      conversationId: input.conversationId,
      subject: text.subject,
      body: text.body,
      bodyHtml,
      sendAt: input.sendAt?.toISOString() ?? null,
    },
    sendAt: input.sendAt,
    tag: 'custom-reply',
    claim: async () => ({ subject: text.subject, textBody: text.body, htmlBody: bodyHtml }),
  });
  // Ids: the API loads each object with the fields its client asked for.
  return { conversationId: result.conversationId, messageId: result.messageId, scheduledFor: result.scheduledFor };
}
