// Archiving finishes a conversation: it takes no replies until it is unarchived.
import type { Conversation } from '../db/client.js';
import type { ConversationStatus } from '../../prisma/generated/client/enums.js';
import { recordAudit } from './audit.js';
import type { DomainContext } from './context.js';
import { InvalidStateError, NotFoundError } from './errors.js';

export const ARCHIVE_REASON_MAX = 500;

export async function archiveConversation(
  { db, viewer, services }: DomainContext,
  input: { conversationId: string; reason?: string | null },
): Promise<Conversation> {
  return db.$transaction(async (tx) => {
    const current = await tx.conversation.findUnique({ where: { id: input.conversationId } });
    if (!current) throw new NotFoundError('Conversation', input.conversationId);
    // Conditional update: of two concurrent archives, exactly one changes the row.
    const { count } = await tx.conversation.updateMany({
      where: { id: current.id, status: { not: 'ARCHIVED' } },
      data: { status: 'ARCHIVED', archivedAt: services.now(), archiveReason: input.reason ?? null },
    });
    if (count === 0) throw new InvalidStateError('The conversation is already archived.', 'ARCHIVED');
    await recordAudit(tx, viewer, {
      action: 'conversation.archived',
      entityType: 'Conversation',
      entityId: current.id,
      fromStatus: current.status,
      toStatus: 'ARCHIVED',
      details: input.reason ? { reason: input.reason } : undefined,
    });
    return tx.conversation.findUniqueOrThrow({ where: { id: current.id } });
  });
}

/**
 * Back to the status the thread's contents imply: NEEDS_REVIEW when a draft waits,
 * WAITING_FOR_LEAD when we wrote last, ACTIVE otherwise.
 */
export async function unarchiveConversation(
  { db, viewer }: DomainContext,
  input: { conversationId: string },
): Promise<Conversation> {
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
    return tx.conversation.findUniqueOrThrow({ where: { id: current.id } });
  });
}
