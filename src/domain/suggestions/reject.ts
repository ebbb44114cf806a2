// Rejecting a draft: nothing is sent, the reason is kept for measuring drafts.
import { recordAudit } from '../audit.js';
import type { DomainContext } from '../use-case-context.js';
import { InvalidStateError, NotFoundError } from '../errors.js';

export const REJECTION_REASON_MAX = 1000;

export async function rejectSuggestion(
  { db, viewer, services }: DomainContext,
  input: { suggestionId: string; reason?: string | null },
): Promise<{ conversationId: string; suggestionId: string }> {
  return db.$transaction(async (tx) => {
    const current = await tx.aISuggestion.findUnique({ where: { id: input.suggestionId } });
    if (!current) throw new NotFoundError('AISuggestion', input.suggestionId);
    const { count } = await tx.aISuggestion.updateMany({
      where: { id: current.id, status: 'PENDING' },
      data: { status: 'REJECTED', rejectionReason: input.reason || null, decidedAt: services.now() },
    });
    if (count === 0) {
      const now = await tx.aISuggestion.findUniqueOrThrow({ where: { id: current.id }, select: { status: true } });
      throw new InvalidStateError(`The suggestion is ${now.status}; only a PENDING suggestion can be rejected.`, now.status);
    }
    await recordAudit(tx, viewer, {
      action: 'suggestion.rejected',
      entityType: 'AISuggestion',
      entityId: current.id,
      fromStatus: 'PENDING',
      toStatus: 'REJECTED',
      details: input.reason ? { reason: input.reason } : undefined,
    });
    // Nothing waits for review any more; the lead still wrote last, so the thread is ACTIVE.
    const { count: reopened } = await tx.conversation.updateMany({
      where: { id: current.conversationId, status: 'NEEDS_REVIEW' },
      data: { status: 'ACTIVE' },
    });
    if (reopened > 0) {
      await recordAudit(tx, viewer, {
        action: 'conversation.reviewed',
        entityType: 'Conversation',
        entityId: current.conversationId,
        fromStatus: 'NEEDS_REVIEW',
        toStatus: 'ACTIVE',
        details: { rejectedSuggestionId: current.id },
      });
    }
    // Ids only: the payload's objects are loaded by Pothos with the client's selection.
    return { conversationId: current.conversationId, suggestionId: current.id };
  });
}
