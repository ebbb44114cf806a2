// Merging two conversations of an account (a reply that started a second thread, the same
// person writing from a second address): the source's messages, drafts, analyses and
// deliveries move into the target, and a tombstone (conversation_merges) keeps the source's
// id and reply hash leading to the target: node(id) and conversation(id) of the source answer
// the target, and a reply addressed to the source's reply address lands in the target.
//
// The leads may differ (same account): the target's lead stays the thread's lead; the source's
// lead keeps its other conversations. The source row is deleted rather than kept with a MERGED
// status, so no list, filter, count or figure has to learn to skip it.
import { embedConversationJob } from '../../jobs/definitions.js';
import { enqueue } from '../../jobs/queue.js';
import { recordAudit } from '../audit.js';
import { InvalidStateError, NotFoundError, ValidationError } from '../errors.js';
import { inTransaction, transitionConversationSuggestions } from '../transitions.js';
import type { DomainContext } from '../use-case-context.js';
import { lockConversation } from './lock.js';

/** The conversation an id names now: itself, or the one it was merged into; null if neither. */
export async function resolveConversationId(ctx: DomainContext, input: { conversationId: string }): Promise<string | null> {
  const merged = await ctx.db.conversationMerge.findUnique({ where: { id: input.conversationId }, select: { targetId: true } });
  return merged?.targetId ?? input.conversationId;
}

export async function mergeConversations(
  ctx: DomainContext,
  input: { sourceId: string; targetId: string },
): Promise<{ targetId: string; sourceId: string }> {
  const { viewer, services } = ctx;
  const accountId = viewer.accountId;
  if (input.sourceId === input.targetId) {
    throw ValidationError.fromIssues([{ path: ['input', 'targetId'], message: 'a conversation cannot be merged into itself' }]);
  }
  // inTransaction: the CONVERSATION_MERGED event is logged (and its webhooks written) with the merge.
  await inTransaction(ctx, async (tx, events) => {
    // Both locked, in id order (every writer of a thread locks it first; one order, no deadlock).
    for (const id of [input.sourceId, input.targetId].sort()) {
      if (!(await lockConversation(tx, accountId, id))) {
        throw new NotFoundError('Conversation', id);
      }
    }
    const source = await tx.conversation.findUniqueOrThrow({ where: { id: input.sourceId } });
    const target = await tx.conversation.findUniqueOrThrow({ where: { id: input.targetId } });
    // A send whose outcome is not settled yet is settled against its conversation: wait for it.
    const inFlight = await tx.conversationMessage.count({
      where: { conversationId: { in: [source.id, target.id] }, deliveryStatus: { in: ['QUEUED', 'UNCERTAIN'] } },
    });
    if (inFlight > 0) throw new InvalidStateError('An email of these conversations is still being sent; merge once it is sent.', 'SENDING');

    // One PENDING draft per conversation: when both have one, the target's stays.
    const targetPending = await tx.aISuggestion.count({ where: { conversationId: target.id, status: 'PENDING' } });
    let superseded: string[] = [];
    if (targetPending > 0) {
      superseded = await transitionConversationSuggestions(tx, viewer, {
        conversationId: source.id,
        from: ['PENDING'],
        to: 'SUPERSEDED',
        action: 'suggestion.superseded',
        details: { reason: 'merged', mergedInto: target.id },
      });
    }
    const moved = await tx.conversationMessage.updateMany({ where: { conversationId: source.id }, data: { conversationId: target.id } });
    await tx.aISuggestion.updateMany({ where: { conversationId: source.id }, data: { conversationId: target.id } });
    await tx.messageAnalysis.updateMany({ where: { conversationId: source.id }, data: { conversationId: target.id } });
    await tx.outboundEmail.updateMany({ where: { conversationId: source.id }, data: { conversationId: target.id } });
    await tx.conversationEmbedding.deleteMany({ where: { conversationId: source.id } });
    // Queued work for the source (a draft to write, an embedding) is the target's now.
    await tx.$executeRaw`
      UPDATE jobs SET payload = jsonb_set(payload, '{conversationId}', to_jsonb(${target.id}::text))
      WHERE account_id = ${accountId}::uuid AND status IN ('QUEUED', 'RUNNING') AND payload->>'conversationId' = ${source.id}`;
    // Earlier tombstones that led to the source lead to the target now (one hop, always).
    await tx.conversationMerge.updateMany({ where: { targetId: source.id }, data: { targetId: target.id } });

    const newest = source.lastMessageAt > target.lastMessageAt ? source : target;
    const needsReview = source.status === 'NEEDS_REVIEW' && target.status !== 'ARCHIVED';
    // The source's row goes (its last-message pointer first: it is unique and now the target's).
    await tx.conversation.update({ where: { id: source.id }, data: { lastMessageId: null, suggestedActionMessageId: null } });
    await tx.conversation.delete({ where: { id: source.id } });
    await tx.conversation.update({
      where: { id: target.id },
      data: {
        lastMessageAt: newest.lastMessageAt,
        lastMessageId: newest.lastMessageId ?? target.lastMessageId ?? source.lastMessageId,
        ...(needsReview ? { status: 'NEEDS_REVIEW' } : {}),
      },
    });
    await tx.conversationMerge.create({ data: { id: source.id, accountId, targetId: target.id, replyHash: source.replyHash, actor: viewer.actor } });
    await enqueue(tx, embedConversationJob, { accountId, payload: { conversationId: target.id }, dedupeKey: `merge:${source.id}` });
    await recordAudit(tx, viewer, {
      action: 'conversation.merged',
      entityType: 'Conversation',
      entityId: source.id,
      fromStatus: source.status,
      toStatus: 'MERGED',
      details: { targetId: target.id, messagesMoved: moved.count },
    });
    const at = services.now().toISOString();
    events.publish({
      type: 'CONVERSATION_MERGED',
      accountId,
      conversationId: target.id,
      sourceId: source.id,
      messagesMoved: moved.count,
      at,
    });
    // A client showing the source's draft learns it is gone, as for any other superseded draft.
    for (const suggestionId of superseded) events.publish({ type: 'SUGGESTION_SUPERSEDED', accountId, conversationId: target.id, at, suggestionId, reason: 'merged' });
  });
  services.jobs.wake();
  return { targetId: input.targetId, sourceId: input.sourceId };
}
