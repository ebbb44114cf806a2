// How urgently a conversation needs a person. Once a person sets it, the analyser's urgency
// no longer does (prioritySetAt).
import type { Priority } from '../../db/enums.js';
import { InvalidStateError } from '../errors.js';
import { changeConversationFields, inTransaction } from '../transitions.js';
import type { DomainContext } from '../use-case-context.js';
import { conversationOrThrow } from './common.js';

export async function setConversationPriority(
  ctx: DomainContext,
  input: { conversationId: string; priority: Priority },
): Promise<{ conversationId: string; changed: boolean }> {
  return inTransaction(ctx, async (tx, events) => {
    const current = await conversationOrThrow(tx, input.conversationId);
    const now = ctx.services.now();
    if (current.priority === input.priority) {
      // Still a person's choice from now on, but nothing visible changed: no audit, no event.
      await tx.conversation.updateMany({ where: { id: current.id, prioritySetAt: null }, data: { prioritySetAt: now } });
      return { conversationId: current.id, changed: false };
    }
    const changed = await changeConversationFields(tx, ctx.viewer, {
      id: current.id,
      expect: { priority: current.priority },
      set: { priority: input.priority, prioritySetAt: now },
      audit: { action: 'conversation.priority_set', fromStatus: current.priority, toStatus: input.priority },
    });
    if (!changed) throw new InvalidStateError('Someone else changed the priority at the same moment; look again and retry.', 'CHANGED');
    events.publish({
      type: 'PRIORITY_CHANGED',
      accountId: ctx.viewer.accountId,
      conversationId: current.id,
      priority: input.priority,
      previousPriority: current.priority,
      at: now.toISOString(),
    });
    return { conversationId: current.id, changed: true };
  });
}
