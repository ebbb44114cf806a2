// Moving one email to another conversation of the account, or (no target) splitting it into a
// conversation of its own with the same lead: a reply that belongs to another thread. The
// drafts written in answer to it, its analysis and its delivery record move with it; both
// threads' last message is set again from what they hold.
import { randomUUID } from 'node:crypto';
import { embedConversationJob } from '../../jobs/definitions.js';
import { enqueue } from '../../jobs/queue.js';
import { newReplyHash } from '../../email/threading.js';
import type { ScopedTransaction } from '../../db/scoped.js';
import { recordAudits } from '../audit.js';
import { InvalidStateError, NotFoundError, ValidationError } from '../errors.js';
import { inTransaction } from '../transitions.js';
import type { DomainContext } from '../use-case-context.js';
import { lockConversation } from './lock.js';

/** "Re: Fwd: Pricing" -> "Pricing": the new thread's subject. */
const threadSubject = (subject: string) => subject.replace(/^\s*((re|fw|fwd|aw|wg|sv|vs|antw|tr|rv)\s*(\[\d+\])?\s*:\s*)+/i, '').trim() || '(no subject)';

/** Points the conversation at its newest message again (none: no last message). */
async function refreshLastMessage(tx: ScopedTransaction, conversationId: string): Promise<void> {
  const last = await tx.conversationMessage.findFirst({
    where: { conversationId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true, createdAt: true, receivedAt: true, sentAt: true },
  });
  await tx.conversation.update({
    where: { id: conversationId },
    data: last ? { lastMessageId: last.id, lastMessageAt: last.receivedAt ?? last.sentAt ?? last.createdAt } : { lastMessageId: null },
  });
}

export async function moveMessage(
  ctx: DomainContext,
  input: { messageId: string; toConversationId?: string | null },
): Promise<{ messageId: string; conversationId: string; fromConversationId: string }> {
  const { viewer, services } = ctx;
  const accountId = viewer.accountId;
  // inTransaction: the MESSAGE_MOVED event is logged (and its webhooks written) with the move.
  const result = await inTransaction(ctx, async (tx, events) => {
    const message = await tx.conversationMessage.findUnique({
      where: { id: input.messageId },
      select: { id: true, conversationId: true, subject: true, direction: true, deliveryStatus: true, createdAt: true, receivedAt: true, sentAt: true },
    });
    if (!message) throw new NotFoundError('ConversationMessage', input.messageId);
    const fromId = message.conversationId;
    if (input.toConversationId === fromId) {
      throw ValidationError.fromIssues([{ path: ['input', 'toConversationId'], message: 'the message is already in this conversation' }]);
    }
    const newId = input.toConversationId ?? randomUUID();
    for (const id of [fromId, ...(input.toConversationId ? [input.toConversationId] : [])].sort()) {
      if (!(await lockConversation(tx, accountId, id))) throw new NotFoundError('Conversation', id);
    }
    if (message.deliveryStatus === 'QUEUED' || message.deliveryStatus === 'UNCERTAIN') {
      throw new InvalidStateError('The email is still being sent; move it once it is sent.', message.deliveryStatus);
    }
    const from = await tx.conversation.findUniqueOrThrow({ where: { id: fromId } });
    if (!input.toConversationId) {
      await tx.conversation.create({
        data: {
          id: newId,
          accountId,
          leadId: from.leadId,
          subject: threadSubject(message.subject),
          status: message.direction === 'INBOUND' ? 'NEEDS_REVIEW' : 'WAITING_FOR_LEAD',
          replyHash: newReplyHash(),
          lastMessageAt: message.receivedAt ?? message.sentAt ?? message.createdAt,
        },
        select: { id: true },
      });
    }
    // Pointers at the message from the thread it leaves (unique last message, suggested action).
    await tx.conversation.updateMany({ where: { id: fromId, lastMessageId: message.id }, data: { lastMessageId: null } });
    await tx.conversation.updateMany({
      where: { id: fromId, suggestedActionMessageId: message.id },
      data: { suggestedAction: null, suggestedActionReason: null, suggestedActionConfidence: null, suggestedActionMessageId: null, suggestedActionAt: null },
    });
    await tx.conversationMessage.update({ where: { id: message.id }, data: { conversationId: newId } });
    await tx.messageAnalysis.updateMany({ where: { messageId: message.id }, data: { conversationId: newId } });
    await tx.outboundEmail.updateMany({ where: { messageId: message.id }, data: { conversationId: newId } });
    // Its drafts go with it; one PENDING per conversation, so the target's own pending one stays.
    const targetPending = await tx.aISuggestion.count({ where: { conversationId: newId, status: 'PENDING' } });
    const drafts = await tx.aISuggestion.findMany({ where: { inReplyToId: message.id, conversationId: fromId }, select: { id: true, status: true } });
    const superseded = targetPending > 0 ? drafts.filter((d) => d.status === 'PENDING').map((d) => d.id) : [];
    if (superseded.length > 0) {
      await tx.aISuggestion.updateMany({ where: { id: { in: superseded } }, data: { status: 'SUPERSEDED', decidedAt: services.now() } });
    }
    await tx.aISuggestion.updateMany({ where: { id: { in: drafts.map((d) => d.id) } }, data: { conversationId: newId } });
    await refreshLastMessage(tx, fromId);
    await refreshLastMessage(tx, newId);
    for (const conversationId of [fromId, newId]) {
      await enqueue(tx, embedConversationJob, { accountId, payload: { conversationId } });
    }
    await recordAudits(tx, viewer, [
      { action: 'message.moved', entityType: 'ConversationMessage', entityId: message.id, details: { fromConversationId: fromId, toConversationId: newId } },
      ...superseded.map((id) => ({ action: 'suggestion.superseded' as const, entityType: 'AISuggestion', entityId: id, fromStatus: 'PENDING', toStatus: 'SUPERSEDED', details: { reason: 'moved' } })),
      ...(input.toConversationId
        ? []
        : [{ action: 'conversation.split' as const, entityType: 'Conversation', entityId: newId, toStatus: message.direction === 'INBOUND' ? 'NEEDS_REVIEW' : 'WAITING_FOR_LEAD', details: { fromConversationId: fromId, messageId: message.id } }]),
    ]);
    events.publish({
      type: 'MESSAGE_MOVED',
      accountId,
      conversationId: newId,
      messageId: message.id,
      fromConversationId: fromId,
      split: !input.toConversationId,
      at: services.now().toISOString(),
    });
    return { messageId: message.id, conversationId: newId, fromConversationId: fromId };
  });
  services.jobs.wake();
  return result;
}
