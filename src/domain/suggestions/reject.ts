// Rejecting a draft: nothing is sent, the reason is kept for measuring drafts.
import type { DomainContext } from '../use-case-context.js';
import { InvalidStateError, NotFoundError } from '../errors.js';
import { inTransaction, transitionConversation, transitionSuggestion } from '../transitions.js';

export const REJECTION_REASON_MAX = 1000;

export async function rejectSuggestion(
  ctx: DomainContext,
  input: { suggestionId: string; reason?: string | null },
): Promise<{ conversationId: string; suggestionId: string }> {
  const { viewer, services } = ctx;
  return inTransaction(ctx, async (tx, events) => {
    const current = await tx.aISuggestion.findUnique({ where: { id: input.suggestionId } });
    if (!current) throw new NotFoundError('AISuggestion', input.suggestionId);
    const rejected = await transitionSuggestion(tx, viewer, {
      id: current.id,
      from: ['PENDING'],
      to: 'REJECTED',
      action: 'suggestion.rejected',
      set: { rejectionReason: input.reason || null, decidedAt: services.now() },
      details: input.reason ? { reason: input.reason } : undefined,
    });
    if (!rejected) {
      const now = await tx.aISuggestion.findUniqueOrThrow({ where: { id: current.id }, select: { status: true } });
      throw new InvalidStateError(`The suggestion is ${now.status}; only a PENDING suggestion can be rejected.`, now.status);
    }
    // Nothing waits for review any more; the lead still wrote last, so the thread is ACTIVE.
    await transitionConversation(tx, viewer, {
      id: current.conversationId,
      from: ['NEEDS_REVIEW'],
      to: 'ACTIVE',
      action: 'conversation.reviewed',
      details: { rejectedSuggestionId: current.id },
    });
    events.publish({
      type: 'SUGGESTION_REJECTED',
      accountId: viewer.accountId,
      conversationId: current.conversationId,
      at: services.now().toISOString(),
      suggestionId: current.id,
      reason: input.reason || null,
    });
    // Ids only: the payload's objects are loaded by Pothos with the client's selection.
    return { conversationId: current.conversationId, suggestionId: current.id };
  });
}
