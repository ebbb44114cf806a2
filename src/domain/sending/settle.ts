// Step 3 of the send pipeline (pipeline.ts): the message SENT (the conversation then waits for
// the lead, a custom reply replaces the waiting draft) or FAILED (the draft approvable again),
// audited in the same transaction, and SENT or ERROR published once committed.
import type { OutboundEmail } from '../../db/client.js';
import type { ConversationStatus } from '../../db/enums.js';
import { recordAudits, type AuditRecord } from '../audit.js';
import { lockConversation } from '../conversations/lock.js';
import { inTransaction, transitionConversationSuggestions, transitionMessage, transitionSuggestion } from '../transitions.js';
import type { DomainContext } from '../use-case-context.js';
import { SEND_TX_OPTIONS } from './transaction.js';

export async function markSent(
  ctx: DomainContext,
  outbound: OutboundEmail,
  accepted: { providerMessageId: string; messageIdHeader: string; acceptedAt?: Date },
  how: { foundByLookup: boolean; attempts: number; foundByProviderEvent?: string },
): Promise<boolean> {
  const { viewer, services } = ctx;
  const now = services.now();
  // Found later by lookup: it went out when the provider took it, not now.
  const sentAt = how.foundByLookup && accepted.acceptedAt ? accepted.acceptedAt : now;
  return inTransaction(ctx, async (tx, events) => {
    // Conversation first, as every writer of a thread locks it: no lock-order deadlocks.
    const locked = await lockConversation(tx, viewer.accountId, outbound.conversationId);
    const { count } = await tx.conversationMessage.updateMany({
      where: { id: outbound.messageId, deliveryStatus: { in: ['QUEUED', 'UNCERTAIN'] } },
      data: {
        deliveryStatus: 'SENT',
        providerMessageId: accepted.providerMessageId,
        messageIdHeader: accepted.messageIdHeader,
        sentAt,
      },
    });
    if (count === 0) return false;
    await tx.outboundEmail.update({
      where: { id: outbound.id },
      data: { completedAt: now, attempts: { increment: how.attempts }, lastError: null },
    });
    // The hot path of every send: the message's and the conversation's audit rows go out in one
    // statement at the end, so this writes them itself instead of through transitions.ts.
    const audit: AuditRecord[] = [
      {
        action: 'message.sent',
        entityType: 'ConversationMessage',
        entityId: outbound.messageId,
        fromStatus: outbound.uncertainSince ? 'UNCERTAIN' : 'QUEUED',
        toStatus: 'SENT',
        details: {
          via: outbound.provider,
          providerMessageId: accepted.providerMessageId,
          foundByLookup: how.foundByLookup,
          ...(how.foundByProviderEvent ? { foundByProviderEvent: how.foundByProviderEvent } : {}),
        },
      },
    ];
    // Only the newest message moves the thread on (a recovered email may predate a reply).
    if (locked && sentAt >= locked.last_message_at) {
      // An archived or snoozed thread stays so (waking restores the status the thread implies).
      const status: ConversationStatus = locked.status === 'ARCHIVED' || locked.status === 'SNOOZED' ? locked.status : 'WAITING_FOR_LEAD';
      await tx.conversation.update({
        where: { id: outbound.conversationId },
        data: { lastMessageAt: sentAt, lastMessageId: outbound.messageId, status },
      });
      if (status !== locked.status) {
        audit.push({
          action: 'conversation.replied',
          entityType: 'Conversation',
          entityId: outbound.conversationId,
          fromStatus: locked.status,
          toStatus: status,
          details: { messageId: outbound.messageId },
        });
      }
    }
    await recordAudits(tx, viewer, audit);
    if (!outbound.suggestionId) {
      // A custom reply answers the lead instead of the draft that was waiting.
      const reason = 'Replaced by a custom reply.';
      const rejected = await transitionConversationSuggestions(tx, viewer, {
        conversationId: outbound.conversationId,
        from: ['PENDING'],
        to: 'REJECTED',
        action: 'suggestion.rejected',
        set: { rejectionReason: reason, decidedAt: now },
        details: { replacedByMessageId: outbound.messageId },
      });
      for (const suggestionId of rejected) {
        events.publish({ type: 'SUGGESTION_REJECTED', accountId: viewer.accountId, conversationId: outbound.conversationId, at: now.toISOString(), suggestionId, reason });
      }
    }
    events.publish({
      type: 'SENT',
      accountId: viewer.accountId,
      conversationId: outbound.conversationId,
      at: sentAt.toISOString(),
      messageId: outbound.messageId,
      suggestionId: outbound.suggestionId,
    });
    return true;
  }, SEND_TX_OPTIONS);
}

/**
 * The provider reports an event (delivered, bounced, ...) about an email that is still QUEUED
 * or UNCERTAIN: it has the email, so the send happened. Settled as SENT, with its SENT event,
 * exactly as a search that found it would settle it, rather than waiting for the recovery's
 * next look-up. The send's time is not in the event: the last possible send (uncertainSince)
 * bounds it, else the event's own time. Returns whether this call settled it.
 */
export async function settleSentByProviderEvent(
  ctx: DomainContext,
  { messageId, event }: { messageId: string; event: { kind: string; providerMessageId: string; messageIdHeader: string; occurredAt: Date } },
): Promise<boolean> {
  const { db, services } = ctx;
  const outbound = await db.outboundEmail.findUnique({ where: { messageId } });
  if (!outbound || outbound.completedAt) return false;
  const acceptedAt = outbound.uncertainSince && outbound.uncertainSince < event.occurredAt ? outbound.uncertainSince : event.occurredAt;
  const settled = await markSent(
    ctx,
    outbound,
    { providerMessageId: event.providerMessageId, messageIdHeader: event.messageIdHeader, acceptedAt },
    { foundByLookup: true, attempts: 0, foundByProviderEvent: event.kind },
  );
  if (settled) services.logger.info({ messageId, providerMessageId: event.providerMessageId, event: event.kind }, 'email settled as SENT by a provider event');
  return settled;
}

export async function markFailed(
  ctx: DomainContext,
  outbound: OutboundEmail,
  failure: { code: string; providerMessage: string | null; human: string; attempts: number },
): Promise<void> {
  const { viewer, services } = ctx;
  const now = services.now();
  await inTransaction(ctx, async (tx, events) => {
    await lockConversation(tx, viewer.accountId, outbound.conversationId);
    const failed = await transitionMessage(tx, viewer, {
      id: outbound.messageId,
      from: ['QUEUED', 'UNCERTAIN'],
      to: 'FAILED',
      auditFrom: outbound.uncertainSince ? 'UNCERTAIN' : 'QUEUED',
      action: 'message.failed',
      set: { errorCode: failure.code, errorMessage: failure.providerMessage ?? failure.human },
      details: { code: failure.code, message: failure.providerMessage ?? failure.human },
    });
    if (!failed) return;
    await tx.outboundEmail.update({
      where: { id: outbound.id },
      data: { completedAt: now, attempts: { increment: failure.attempts }, lastError: failure.human },
    });
    if (outbound.suggestionId) {
      // Nothing was sent: the draft goes back to review (or yields to a newer one).
      const claimed = await tx.aISuggestion.findFirst({
        where: { id: outbound.suggestionId, sentMessageId: outbound.messageId, status: { in: ['APPROVED', 'EDITED'] } },
        select: { status: true },
      });
      if (claimed) {
        const newer = await tx.aISuggestion.count({
          where: { conversationId: outbound.conversationId, status: 'PENDING' },
        });
        const reopened = newer === 0;
        const changed = await transitionSuggestion(tx, viewer, {
          id: outbound.suggestionId,
          from: [claimed.status],
          to: reopened ? 'PENDING' : 'SUPERSEDED',
          action: reopened ? 'suggestion.reopened' : 'suggestion.superseded',
          set: { sentMessageId: null, editedSubject: null, editedBody: null, decidedAt: reopened ? null : now },
          details: { failedMessageId: outbound.messageId, code: failure.code },
        });
        // Reopened, it is announced by the ERROR below (its suggestion); superseded, on its own.
        if (changed && !reopened) {
          events.publish({
            type: 'SUGGESTION_SUPERSEDED',
            accountId: viewer.accountId,
            conversationId: outbound.conversationId,
            at: now.toISOString(),
            suggestionId: outbound.suggestionId,
            reason: 'its send failed and a newer draft waits',
          });
        }
      }
    }
    events.publish({
      type: 'ERROR',
      accountId: viewer.accountId,
      conversationId: outbound.conversationId,
      at: now.toISOString(),
      code: failure.code,
      message: failure.human,
      messageId: outbound.messageId,
      suggestionId: outbound.suggestionId,
    });
  }, SEND_TX_OPTIONS);
}
