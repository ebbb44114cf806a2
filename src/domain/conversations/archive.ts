// Archiving finishes a conversation: it takes no replies until it is unarchived, and its
// pending draft is withdrawn (unarchiving does not bring it back; regenerate for a new one).
import type { ConversationStatus } from '../../db/enums.js';
import type { DomainContext } from '../use-case-context.js';
import { InvalidStateError, NotFoundError } from '../errors.js';
import type { ScopedTransaction } from '../../db/scoped.js';
import { inTransaction, transitionConversation, transitionConversationSuggestions } from '../transitions.js';

export const ARCHIVE_REASON_MAX = 500;

/** Ids of what archiving changed: the API loads each with the fields its client asked for. */
export interface ArchiveResult {
  conversationId: string;
  /** The draft that was waiting for review, now WITHDRAWN. */
  withdrawnSuggestionId: string | null;
}

export async function archiveConversation(
  ctx: DomainContext,
  input: { conversationId: string; reason?: string | null },
): Promise<ArchiveResult> {
  const { viewer, services } = ctx;
  return inTransaction(ctx, async (tx, events) => {
    const current = await tx.conversation.findUnique({ where: { id: input.conversationId } });
    if (!current) throw new NotFoundError('Conversation', input.conversationId);
    // Conditional: of two concurrent archives, exactly one changes the row.
    const archived = await transitionConversation(tx, viewer, {
      id: current.id,
      from: { not: 'ARCHIVED' },
      auditFrom: current.status,
      to: 'ARCHIVED',
      action: 'conversation.archived',
      // Archiving ends a snooze: the wake job then finds nothing to wake.
      set: { archivedAt: services.now(), archiveReason: input.reason ?? null, snoozedUntil: null, snoozeReason: null },
      details: input.reason ? { reason: input.reason } : undefined,
    });
    if (!archived) throw new InvalidStateError('The conversation is already archived.', 'ARCHIVED');
    // At most one draft is PENDING per conversation (a partial unique index).
    const withdrawn = await transitionConversationSuggestions(tx, viewer, {
      conversationId: current.id,
      from: ['PENDING'],
      to: 'WITHDRAWN',
      action: 'suggestion.withdrawn',
      details: { reason: 'conversation archived' },
    });
    const at = services.now().toISOString();
    const base = { accountId: viewer.accountId, conversationId: current.id, at };
    events.publish({ ...base, type: 'ARCHIVED', reason: input.reason ?? null });
    for (const suggestionId of withdrawn) events.publish({ ...base, type: 'SUGGESTION_WITHDRAWN', suggestionId, reason: 'conversation archived' });
    return { conversationId: current.id, withdrawnSuggestionId: withdrawn[0] ?? null };
  });
}

/**
 * The conversation with what its implied status needs (impliedStatus), or undefined when it
 * is not in the account.
 */
export function findWithImpliedStatus(tx: ScopedTransaction, conversationId: string) {
  return tx.conversation.findUnique({
    where: { id: conversationId },
    include: {
      lastMessage: { select: { direction: true } },
      suggestions: { where: { status: 'PENDING' }, select: { id: true }, take: 1 },
    },
  });
}

/**
 * The status the thread's contents imply, for a conversation coming back (unarchived, woken
 * from a snooze): NEEDS_REVIEW when a draft waits, WAITING_FOR_LEAD when we wrote last, ACTIVE
 * otherwise.
 */
export function impliedStatus(current: { suggestions: unknown[]; lastMessage: { direction: string } | null }): ConversationStatus {
  return current.suggestions.length > 0 ? 'NEEDS_REVIEW' : current.lastMessage?.direction === 'OUTBOUND' ? 'WAITING_FOR_LEAD' : 'ACTIVE';
}

/** Back to the status the thread's contents imply (impliedStatus). */
export async function unarchiveConversation(
  ctx: DomainContext,
  input: { conversationId: string },
): Promise<{ conversationId: string }> {
  const { viewer, services } = ctx;
  return inTransaction(ctx, async (tx, events) => {
    const current = await findWithImpliedStatus(tx, input.conversationId);
    if (!current) throw new NotFoundError('Conversation', input.conversationId);
    const status = impliedStatus(current);
    const unarchived = await transitionConversation(tx, viewer, {
      id: current.id,
      from: ['ARCHIVED'],
      to: status,
      action: 'conversation.unarchived',
      set: { archivedAt: null, archiveReason: null },
    });
    if (!unarchived) throw new InvalidStateError('Only an archived conversation can be unarchived.', current.status);
    events.publish({ type: 'UNARCHIVED', accountId: viewer.accountId, conversationId: current.id, at: services.now().toISOString(), status });
    return { conversationId: current.id };
  });
}
