// The first email to a lead: a new conversation, and its first message sent through the same
// exactly-once pipeline as every reply (pipeline.ts), with the conversation's Reply-To
// (replies+<replyHash>@...) so the lead's answer threads back into it.
import { createHash, randomUUID } from 'node:crypto';
import { newReplyHash } from '../../email/threading.js';
import { recordAudit } from '../audit.js';
import { InvalidStateError, NotFoundError, ValidationError } from '../errors.js';
import type { DomainContext } from '../use-case-context.js';
import { sanitiseEmailHtml } from '../../email/safe-html.js';
import { renderTemplateForLead } from '../templates/index.js';
import { bodySchema, htmlBodySchema, idempotencyKeySchema, sendableAddress, subjectSchema, validateFields } from './input.js';
import { sendThroughPipeline } from './pipeline.js';

/** The text of a first email or reply: written out, or a template rendered for the lead. */
export interface EmailContentInput {
  subject?: string | null;
  body?: string | null;
  bodyHtml?: string | null;
  templateId?: string | null;
}

/**
 * The text to send, validated: either subject and body (and optional HTML, sanitised with the
 * inbound policy), or a template rendered for the lead, never both.
 */
export async function emailContent(
  ctx: DomainContext,
  input: EmailContentInput & { leadId: string },
): Promise<{ subject: string; body: string; bodyHtml: string | null }> {
  if (input.templateId) {
    const mixed = (['subject', 'body', 'bodyHtml'] as const).filter((f) => input[f] != null);
    if (mixed.length > 0) {
      throw ValidationError.fromIssues(mixed.map((f) => ({ path: ['input', f], message: 'must be omitted when templateId is given' })));
    }
    return renderTemplateForLead(ctx, { templateId: input.templateId, leadId: input.leadId, path: ['input', 'templateId'] });
  }
  const text = validateFields<{ subject: string; body: string; bodyHtml?: string | null }>({
    subject: { path: ['input', 'subject'], schema: subjectSchema, value: input.subject },
    body: { path: ['input', 'body'], schema: bodySchema, value: input.body },
    bodyHtml: { path: ['input', 'bodyHtml'], schema: htmlBodySchema.nullish(), value: input.bodyHtml },
  });
  return {
    subject: text.subject,
    body: text.body,
    bodyHtml: text.bodyHtml ? sanitiseEmailHtml(text.bodyHtml, ctx.services.config.htmlRemoteImages) : null,
  };
}

export interface StartConversationInput extends EmailContentInput {
  leadId: string;
  idempotencyKey?: string | null;
  /** Send at this time instead of after the undo window (future, at most SEND_AT_MAX_DAYS ahead). */
  sendAt?: Date | null;
}

/**
 * The conversation a keyed request opens: derived from the account and the key, so a retried
 * request (or its concurrent twin) finds the conversation the first one opened instead of
 * opening a second, and the pipeline's own key check then answers with the first send.
 */
function conversationIdFor(accountId: string, key: string): string {
  const h = createHash('sha256').update(`start-conversation\u0000${accountId}\u0000${key}`).digest();
  // A well-formed UUID (version 8: custom; RFC 9562) from the first 16 bytes.
  h[6] = (h[6]! & 0x0f) | 0x80;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export async function startConversation(
  ctx: DomainContext,
  input: StartConversationInput,
): Promise<{ conversationId: string; messageId: string; scheduledFor: Date | null }> {
  const { viewer, services } = ctx;
  const key = validateFields<{ key?: string | null }>({
    key: { path: ['input', 'idempotencyKey'], schema: idempotencyKeySchema.nullish(), value: input.idempotencyKey },
  }).key;
  const text = await emailContent(ctx, input);
  const conversationId = key ? conversationIdFor(viewer.accountId, key) : randomUUID();
  const opened = await ctx.db.$transaction(async (tx) => {
    // The lead row is locked so that do-not-contact, set concurrently, is seen here or after.
    const [lead] = await tx.$queryRaw<{ id: string; do_not_contact: boolean; email: string }[]>`
      SELECT id, do_not_contact, email FROM leads WHERE id = ${input.leadId}::uuid AND account_id = ${viewer.accountId}::uuid FOR UPDATE`;
    if (!lead) throw new NotFoundError('Lead', input.leadId);
    const existing = await tx.conversation.findUnique({ where: { id: conversationId }, select: { leadId: true } });
    if (existing) {
      if (existing.leadId !== lead.id) {
        throw ValidationError.fromIssues([
          { path: ['input', 'idempotencyKey'], message: 'was already used for a different request; use a new key for a new email' },
        ]);
      }
      return false;
    }
    if (lead.do_not_contact) throw new InvalidStateError('The lead is marked do-not-contact: Parley sends them no email.', 'DO_NOT_CONTACT');
    // An address the provider cannot take (ADDRESS_NOT_SENDABLE): refused before a conversation is opened.
    sendableAddress(lead.email);
    const now = services.now();
    await tx.conversation.create({
      data: {
        id: conversationId,
        accountId: viewer.accountId,
        leadId: lead.id,
        subject: text.subject,
        status: 'ACTIVE',
        replyHash: newReplyHash(),
        lastMessageAt: now,
        createdAt: now,
      },
      select: { id: true },
    });
    await recordAudit(tx, viewer, {
      action: 'conversation.started',
      entityType: 'Conversation',
      entityId: conversationId,
      fromStatus: null,
      toStatus: 'ACTIVE',
      details: { leadId: lead.id, templateId: input.templateId ?? null },
    });
    return true;
  });
  try {
    const result = await sendThroughPipeline(ctx, {
      conversationId,
      suggestionId: null,
      idempotencyKey: key,
      fingerprint: {
        op: 'startConversation',
        leadId: input.leadId,
        subject: text.subject,
        body: text.body,
        bodyHtml: text.bodyHtml,
        sendAt: input.sendAt?.toISOString() ?? null,
      },
      sendAt: input.sendAt,
      tag: 'first-email',
      claim: async () => ({ subject: text.subject, textBody: text.body, htmlBody: text.bodyHtml }),
    });
    return { conversationId: result.conversationId, messageId: result.messageId, scheduledFor: result.scheduledFor };
  } catch (error) {
    // Refused before anything was queued (the lead became do-not-contact, its address cannot
    // be sent to): the conversation this call opened holds nothing, so it goes again. A
    // delivery failure leaves its FAILED message, and the conversation stays with it.
    if (opened) await ctx.db.conversation.deleteMany({ where: { id: conversationId, messages: { none: {} } } });
    throw error;
  }
}
