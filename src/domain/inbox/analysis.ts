// What the analyser's reading of the newest reply sets on the inbox: the conversation's intent
// (for filters) and, until a person has set one, its priority from the reply's urgency.
import type { Priority, Urgency, Intent } from '../../db/enums.js';
import type { ScopedTransaction } from '../../db/scoped.js';
import { changeConversationFields } from '../transitions.js';
import type { Viewer } from '../use-case-context.js';

const PRIORITY_OF_URGENCY: Record<Urgency, Priority> = { LOW: 'LOW', MEDIUM: 'NORMAL', HIGH: 'HIGH' };

/**
 * Inside the drafting transaction (the conversation row is locked). Only the newest inbound
 * email's analysis counts. Returns the priority change, for the caller to announce after commit.
 */
export async function applyAnalysisToInbox(
  tx: ScopedTransaction,
  viewer: Pick<Viewer, 'accountId' | 'actor'>,
  conversation: { id: string; lastInboundMessageId: string | null; priority: Priority; prioritySetAt: Date | null; intent: Intent | null },
  analysis: { messageId: string; intent: Intent; urgency: Urgency },
): Promise<{ priority: Priority; previousPriority: Priority } | null> {
  if (conversation.lastInboundMessageId !== analysis.messageId) return null;
  if (conversation.intent !== analysis.intent) {
    await tx.conversation.updateMany({ where: { id: conversation.id }, data: { intent: analysis.intent } });
  }
  const priority = PRIORITY_OF_URGENCY[analysis.urgency];
  if (conversation.prioritySetAt !== null || conversation.priority === priority) return null;
  const changed = await changeConversationFields(tx, viewer, {
    id: conversation.id,
    expect: { priority: conversation.priority, prioritySetAt: null },
    set: { priority },
    audit: { action: 'conversation.priority_set', fromStatus: conversation.priority, toStatus: priority, details: { by: 'analysis', urgency: analysis.urgency } },
  });
  return changed ? { priority, previousPriority: conversation.priority } : null;
}
