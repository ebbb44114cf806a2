// One operation over many conversations. Each conversation is its own transaction through the
// same use case as the single mutation, so each item either happens whole or not at all, and
// one refused item (not found, wrong state) does not stop the others.
import type { Priority } from '../../db/enums.js';
import { archiveConversation, unarchiveConversation } from '../conversations/index.js';
import { DomainError, ValidationError } from '../errors.js';
import type { DomainContext } from '../use-case-context.js';
import { assignConversation } from './assign.js';
import { distinctIds, MAX_CONVERSATIONS_PER_CALL } from './common.js';
import { changeConversationLabels } from './labels.js';
import { setConversationPriority } from './priority.js';
import { markConversationsRead } from './read-state.js';

export type BulkOperation =
  | { kind: 'ARCHIVE' }
  | { kind: 'UNARCHIVE' }
  | { kind: 'ASSIGN'; assigneeId: string | null }
  | { kind: 'ADD_LABELS' | 'REMOVE_LABELS' | 'SET_LABELS'; labelIds: string[] }
  | { kind: 'MARK_READ' | 'MARK_UNREAD' }
  | { kind: 'SET_PRIORITY'; priority: Priority };

export interface BulkItemResult {
  conversationId: string;
  /** Null when the item succeeded. */
  error: DomainError | null;
}

async function applyOne(ctx: DomainContext, conversationId: string, operation: BulkOperation): Promise<void> {
  switch (operation.kind) {
    case 'ARCHIVE':
      await archiveConversation(ctx, { conversationId });
      return;
    case 'UNARCHIVE':
      await unarchiveConversation(ctx, { conversationId });
      return;
    case 'ASSIGN':
      await assignConversation(ctx, { conversationId, assigneeId: operation.assigneeId });
      return;
    case 'ADD_LABELS':
    case 'REMOVE_LABELS':
    case 'SET_LABELS':
      await changeConversationLabels(ctx, {
        conversationId,
        labelIds: operation.labelIds,
        change: operation.kind === 'ADD_LABELS' ? 'ADD' : operation.kind === 'REMOVE_LABELS' ? 'REMOVE' : 'SET',
      });
      return;
    case 'MARK_READ':
    case 'MARK_UNREAD':
      await markConversationsRead(ctx, { conversationIds: [conversationId], read: operation.kind === 'MARK_READ' });
      return;
    case 'SET_PRIORITY':
      await setConversationPriority(ctx, { conversationId, priority: operation.priority });
      return;
  }
}

/**
 * Applies the operation to each conversation in turn (one transaction each) and reports, per
 * id and in the order given, success or the typed error. Unexpected failures (the database
 * went away) stop the call: the items before it are done, and say so in the audit trail.
 */
export async function bulkUpdateConversations(
  ctx: DomainContext,
  input: { conversationIds: string[]; operation: BulkOperation },
): Promise<{ results: BulkItemResult[] }> {
  if (input.conversationIds.length === 0) throw ValidationError.fromIssues([{ path: ['input', 'conversationIds'], message: 'must name at least one conversation' }]);
  const ids = distinctIds(input.conversationIds, MAX_CONVERSATIONS_PER_CALL, 'conversationIds');
  const results: BulkItemResult[] = [];
  for (const conversationId of ids) {
    try {
      await applyOne(ctx, conversationId, input.operation);
      results.push({ conversationId, error: null });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      results.push({ conversationId, error });
    }
  }
  return { results };
}
