// A reply a person wrote themselves, sent through the same pipeline as an approved draft.
import { NotFoundError } from '../errors.js';
import type { DomainContext } from '../use-case-context.js';
import { idempotencyKeySchema, validateFields } from './input.js';
import { sendThroughPipeline } from './pipeline.js';
import { emailContent, type EmailContentInput } from './start-conversation.js';

export interface SendReplyInput extends EmailContentInput {
  conversationId: string;
  idempotencyKey?: string | null;
  /** Send at this time instead of after the undo window (future, at most SEND_AT_MAX_DAYS ahead). */
  sendAt?: Date | null;
}

export async function sendReply(
  ctx: DomainContext,
  input: SendReplyInput,
): Promise<{ conversationId: string; messageId: string; scheduledFor: Date | null }> {
  const { key } = validateFields<{ key?: string | null }>({
    key: { path: ['input', 'idempotencyKey'], schema: idempotencyKeySchema.nullish(), value: input.idempotencyKey },
  });
  // A template is rendered for the conversation's lead.
  let leadId = '';
  if (input.templateId) {
    const conversation = await ctx.db.conversation.findUnique({ where: { id: input.conversationId }, select: { leadId: true } });
    if (!conversation) throw new NotFoundError('Conversation', input.conversationId);
    leadId = conversation.leadId;
  }
  // What is sent (and stored) is the sanitised HTML: the same policy as for inbound email.
  const { bodyHtml, ...text } = await emailContent(ctx, { ...input, leadId });
  const result = await sendThroughPipeline(ctx, {
    conversationId: input.conversationId,
    suggestionId: null,
    idempotencyKey: key,
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
