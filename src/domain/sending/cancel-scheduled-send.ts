// Taking back a send before it goes (the undo window, or a sendAt not reached yet). The email
// becomes CANCELLED (kept in the thread's history, audited), its delivery is closed so no job
// or recovery sends it, and an approved draft is PENDING again with the text as the person
// approved it kept in editedSubject/editedBody, so they continue from what they wrote. The
// conversation's status is untouched: a queued email never moved it (only a sent one does).
//
// Against the send job at the same instant exactly one wins: both are conditional updates of
// the delivery row. The job takes the lease only while completed_at is null; this closes the
// delivery only while its lease is still the claim's (locked_until = scheduled_for), which the
// first lease taken for sending changes for good.
import { lockConversation } from '../conversations/lock.js';
import { InvalidStateError, NotFoundError } from '../errors.js';
import { inTransaction, transitionMessage, transitionSuggestion } from '../transitions.js';
import type { DomainContext } from '../use-case-context.js';
import { SEND_TX_OPTIONS } from './transaction.js';

export interface CancelScheduledSendResult {
  messageId: string;
  conversationId: string;
  /** The draft that is PENDING again (or SUPERSEDED by a newer one), when the email came from one. */
  suggestionId: string | null;
}

export async function cancelScheduledSend(ctx: DomainContext, input: { messageId: string }): Promise<CancelScheduledSendResult> {
  const { db, viewer, services } = ctx;
  const message = await db.conversationMessage.findUnique({
    where: { id: input.messageId },
    select: { id: true, conversationId: true, direction: true },
  });
  if (!message || message.direction !== 'OUTBOUND') throw new NotFoundError('ConversationMessage', input.messageId);
  return inTransaction(
    ctx,
    async (tx, events) => {
      await lockConversation(tx, viewer.accountId, message.conversationId);
      const outbound = await tx.outboundEmail.findUnique({ where: { messageId: message.id } });
      const now = services.now();
      // The scoped client does not cover raw SQL: the account is in the WHERE.
      const closed = outbound?.scheduledFor
        ? await tx.$executeRaw`
            UPDATE outbound_emails SET completed_at = ${now}, last_error = 'cancelled by a person', updated_at = ${now}
            WHERE id = ${outbound.id}::uuid AND account_id = ${viewer.accountId}::uuid
              AND completed_at IS NULL AND uncertain_since IS NULL AND locked_until = scheduled_for`
        : 0;
      if (!outbound || closed === 0) {
        const current = await tx.conversationMessage.findUniqueOrThrow({ where: { id: message.id }, select: { deliveryStatus: true } });
        throw new InvalidStateError(
          outbound?.scheduledFor
            ? `The email is ${current.deliveryStatus} and can no longer be cancelled: it has gone out, or is going out now.`
            : `The email is ${current.deliveryStatus}; it was sent at once (no undo window), so there is nothing to cancel.`,
          current.deliveryStatus,
        );
      }
      await transitionMessage(tx, viewer, {
        id: message.id,
        from: ['QUEUED'],
        to: 'CANCELLED',
        action: 'message.cancelled',
        details: { scheduledFor: outbound.scheduledFor!.toISOString() },
      });
      let suggestionId: string | null = null;
      if (outbound.suggestionId) {
        const draft = await tx.aISuggestion.findFirst({
          where: { id: outbound.suggestionId, sentMessageId: message.id, status: { in: ['APPROVED', 'EDITED'] } },
          select: { id: true, status: true, confidence: true },
        });
        if (draft) {
          // At most one draft is PENDING: one drafted since (for a new reply) keeps its place.
          const newer = await tx.aISuggestion.count({ where: { conversationId: message.conversationId, status: 'PENDING' } });
          const reopened = newer === 0;
          await transitionSuggestion(tx, viewer, {
            id: draft.id,
            from: [draft.status],
            to: reopened ? 'PENDING' : 'SUPERSEDED',
            action: reopened ? 'suggestion.reopened' : 'suggestion.superseded',
            set: { sentMessageId: null, decidedAt: reopened ? null : now },
            details: { cancelledMessageId: message.id },
          });
          suggestionId = draft.id;
          if (reopened) {
            events.publish({ type: 'AI_READY', accountId: viewer.accountId, conversationId: message.conversationId, at: now.toISOString(), suggestionId: draft.id, confidence: draft.confidence });
          }
        }
      }
      return { messageId: message.id, conversationId: message.conversationId, suggestionId };
    },
    SEND_TX_OPTIONS,
  );
}
