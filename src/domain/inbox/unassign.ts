// A person who leaves the team (removed, or made a VIEWER) can no longer own conversations:
// theirs become unassigned, audited, in the transaction that changes the person.
import type { ScopedTransaction } from '../../db/scoped.js';
import type { PendingEvents } from '../transitions.js';
import { recordAudits } from '../audit.js';
import type { Viewer } from '../use-case-context.js';

/** Unassigns every conversation of the user, audited, each with its ASSIGNED event. */
export async function unassignConversationsOf(
  tx: ScopedTransaction,
  viewer: Pick<Viewer, 'accountId' | 'actor'>,
  events: PendingEvents,
  input: { userId: string; reason: string; at: Date },
): Promise<void> {
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
  for (const { id } of changed) {
    events.publish({ type: 'ASSIGNED', accountId: viewer.accountId, conversationId: id, assigneeId: null, previousAssigneeId: input.userId, at: input.at.toISOString() });
  }
}
