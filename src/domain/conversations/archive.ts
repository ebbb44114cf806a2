// Archiving finishes a conversation: it takes no replies until it is unarchived, and its
// pending draft is withdrawn (unarchiving does not bring it back; regenerate for a new one).
import type { ConversationStatus } from '../../db/enums.js';
import { recordAudit, recordAudits, type AuditRecord } from '../audit.js';
import type { DomainContext } from '../use-case-context.js';
import { InvalidStateError, NotFoundError } from '../errors.js';

export const ARCHIVE_REASON_MAX = 500;

/** Ids of what archiving changed: the API loads each with the fields its client asked for. */
export interface ArchiveResult {
  conversationId: string;
  /** The draft that was waiting for review, now WITHDRAWN. */
  withdrawnSuggestionId: string | null;
}

export async function archiveConversation(
  { db, viewer, services }: DomainContext,
  input: { conversationId: string; reason?: string | null },
): Promise<ArchiveResult> {
  return db.$transaction(async (tx) => {
    const current = await tx.conversation.findUnique({ where: { id: input.conversationId } });
    if (!current) throw new NotFoundError('Conversation', input.conversationId);
    // Conditional update: of two concurrent archives, exactly one changes the row.
    const { count } = await tx.conversation.updateMany({
      where: { id: current.id, status: { not: 'ARCHIVED' } },
      data: { status: 'ARCHIVED', archivedAt: services.now(), archiveReason: input.reason ?? null },
    });
    if (count === 0) throw new InvalidStateError('The conversation is already archived.', 'ARCHIVED');
    // At most one draft is PENDING per conversation (a partial unique index).
    const withdrawn = await tx.aISuggestion.updateManyAndReturn({
      where: { conversationId: current.id, status: 'PENDING' },
      data: { status: 'WITHDRAWN' },
      select: { id: true },
    });
    await recordAudits(tx, viewer, [
      {
        action: 'conversation.archived',
        entityType: 'Conversation',
        entityId: current.id,
        fromStatus: current.status,
        toStatus: 'ARCHIVED',
        details: input.reason ? { reason: input.reason } : undefined,
      },
      ...withdrawn.map(({ id }): AuditRecord => ({
        action: 'suggestion.withdrawn',
        entityType: 'AISuggestion',
        entityId: id,
        fromStatus: 'PENDING',
        toStatus: 'WITHDRAWN',
        details: { reason: 'conversation archived' },
      })),
    ]);
    return { conversationId: current.id, withdrawnSuggestionId: withdrawn[0]?.id ?? null };
  });
}

/**
 * Back to the status the thread's contents imply: NEEDS_REVIEW when a draft waits,
 * WAITING_FOR_LEAD when we wrote last, ACTIVE otherwise.
 */
export async function unarchiveConversation(
  { db, viewer }: DomainContext,
  input: { conversationId: string },
): Promise<{ conversationId: string }> {
  return db.$transaction(async (tx) => {
    const current = await tx.conversation.findUnique({
      where: { id: input.conversationId },
      include: {
        lastMessage: { select: { direction: true } },
        suggestions: { where: { status: 'PENDING' }, select: { id: true }, take: 1 },
      },
    });
    if (!current) throw new NotFoundError('Conversation', input.conversationId);
    const status: ConversationStatus =
      current.suggestions.length > 0
        ? 'NEEDS_REVIEW'
        : current.lastMessage?.direction === 'OUTBOUND'
          ? 'WAITING_FOR_LEAD'
          : 'ACTIVE';
    const { count } = await tx.conversation.updateMany({
      where: { id: current.id, status: 'ARCHIVED' },
      data: { status, archivedAt: null, archiveReason: null },
    });
    if (count === 0) throw new InvalidStateError('Only an archived conversation can be unarchived.', current.status);
    await recordAudit(tx, viewer, {
      action: 'conversation.unarchived',
      entityType: 'Conversation',
      entityId: current.id,
      fromStatus: 'ARCHIVED',
      toStatus: status,
    });
    return { conversationId: current.id };
  });
}
