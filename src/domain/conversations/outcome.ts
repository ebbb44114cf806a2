// Recording how a conversation turned out: the signal similarity search and drafting learn from.
import type { ConversationOutcome } from '../../db/enums.js';
import { recordAudit } from '../audit.js';
import type { DomainContext } from '../use-case-context.js';
import { InvalidStateError, NotFoundError } from '../errors.js';
import { refreshConversationEmbedding } from '../suggestions/similar.js';
import { inTransaction } from '../transitions.js';

export async function setConversationOutcome(
  ctx: DomainContext,
  input: { conversationId: string; outcome: ConversationOutcome },
): Promise<{ conversationId: string }> {
  const { viewer, services } = ctx;
  const conversationId = await inTransaction(ctx, async (tx, events) => {
    const current = await tx.conversation.findUnique({ where: { id: input.conversationId } });
    if (!current) throw new NotFoundError('Conversation', input.conversationId);
    // Conditional update: of two concurrent identical changes, exactly one goes through.
    const { count } = await tx.conversation.updateMany({
      where: { id: current.id, outcome: { not: input.outcome } },
      data: { outcome: input.outcome, outcomeAt: input.outcome === 'NONE' ? null : services.now() },
    });
    if (count === 0) throw new InvalidStateError(`The conversation's outcome is already ${input.outcome}.`, input.outcome);
    // The stored copies filter searches: keep them right from the moment of the change.
    await tx.conversationEmbedding.updateMany({ where: { conversationId: current.id }, data: { outcome: input.outcome } });
    await recordAudit(tx, viewer, {
      action: 'conversation.outcome_set',
      entityType: 'Conversation',
      entityId: current.id,
      fromStatus: current.outcome,
      toStatus: input.outcome,
    });
    events.publish({
      type: 'OUTCOME_SET',
      accountId: viewer.accountId,
      conversationId: current.id,
      at: services.now().toISOString(),
      outcome: input.outcome,
      previousOutcome: current.outcome,
    });
    return current.id;
  });
  // After the commit. Until the job queue takes this over, a failed refresh is logged, not
  // reported: the outcome is recorded, and the stored copies above already carry it.
  try {
    await refreshConversationEmbedding(ctx, { conversationId });
  } catch (error) {
    services.logger.warn({ err: error, conversationId }, 'embedding refresh after outcome change failed');
  }
  return { conversationId };
}
