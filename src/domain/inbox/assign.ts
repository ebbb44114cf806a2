// Who owns a conversation: one person of the account, at least an AGENT, or nobody.
import { InvalidStateError, NotFoundError } from '../errors.js';
import { changeConversationFields, inTransaction } from '../transitions.js';
import type { DomainContext } from '../use-case-context.js';
import { conversationOrThrow } from './common.js';

/** Assigns (or, with null, unassigns) the conversation. Assigning it to whom it already has changes nothing. */
export async function assignConversation(
  ctx: DomainContext,
  input: { conversationId: string; assigneeId: string | null },
): Promise<{ conversationId: string; changed: boolean }> {
  return inTransaction(ctx, async (tx, events) => {
    const current = await conversationOrThrow(tx, input.conversationId);
    if (input.assigneeId) {
      const user = await tx.user.findUnique({ where: { id: input.assigneeId }, select: { role: true } });
      if (!user) throw new NotFoundError('User', input.assigneeId);
      if (user.role === 'VIEWER') throw new InvalidStateError('A VIEWER cannot be assigned conversations: make them an AGENT first.', 'VIEWER');
    }
    if (current.assigneeId === input.assigneeId) return { conversationId: current.id, changed: false };
    const changed = await changeConversationFields(tx, ctx.viewer, {
      id: current.id,
      expect: { assigneeId: current.assigneeId },
      set: { assigneeId: input.assigneeId },
      audit: { action: 'conversation.assigned', details: { assigneeId: input.assigneeId, previousAssigneeId: current.assigneeId } },
    });
    if (!changed) throw new InvalidStateError('Someone else assigned the conversation at the same moment; look again and retry.', 'CHANGED');
    events.publish({
      type: 'ASSIGNED',
      accountId: ctx.viewer.accountId,
      conversationId: current.id,
      assigneeId: input.assigneeId,
      previousAssigneeId: current.assigneeId,
      at: ctx.services.now().toISOString(),
    });
    return { conversationId: current.id, changed: true };
  });
}
