// A person who leaves the team (removed, or made a VIEWER) can no longer own conversations:
// theirs become unassigned, audited, in the transaction that changes the person.
import type { ScopedTransaction } from '../../db/scoped.js';
import type { ConversationEvent } from '../../events/bus.js';
import { recordAudits } from '../audit.js';
import type { Viewer } from '../use-case-context.js';

/** Unassigns every conversation of the user; returns the events to publish after the commit. */
export async function unassignConversationsOf(
  tx: ScopedTransaction,
  viewer: Pick<Viewer, 'accountId' | 'actor'>,
  input: { userId: string; reason: string; at: Date },
): Promise<ConversationEvent[]> {
  const changed = await tx.conversation.updateManyAndReturn({ where: { assigneeId: input.userId }, data: { assigneeId: null }, select: { id: true } });
  await recordAudits(
    tx,
    viewer,
    changed.map(({ id }) => ({
      action: 'conversation.assigned' as const,
      entityType: 'Conversation',
      entityId: id,
      details: { assigneeId: null, previousAssigneeId: input.userId, reason: input.reason },
    })),
  );
  return changed.map(({ id }) => ({
    type: 'ASSIGNED' as const,
    accountId: viewer.accountId,
    conversationId: id,
    assigneeId: null,
    previousAssigneeId: input.userId,
    at: input.at.toISOString(),
  }));
}
