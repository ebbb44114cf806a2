// Read state per person. A conversation is unread for a user until they mark it read; it is
// read while their marker names the conversation's newest inbound email, so a new reply makes
// it unread for everyone without writing a row per user (prisma/schema/inbox.prisma). The
// marker is written from the conversation's row in the same statement, so a reply that lands
// while someone marks read is never swallowed: their marker names the previous email.
import { recordAudits } from '../audit.js';
import { NotFoundError } from '../errors.js';
import { inTransaction } from '../transitions.js';
import type { DomainContext } from '../use-case-context.js';
import { distinctIds, MAX_CONVERSATIONS_PER_CALL, personOf } from './common.js';

/**
 * Marks the conversations read (or unread) for the signed-in user; all or nothing. A
 * conversation the lead never wrote in has nothing to read and stays read. Returns the ids
 * whose state changed.
 */
export async function markConversationsRead(
  ctx: DomainContext,
  input: { conversationIds: string[]; read: boolean },
): Promise<{ conversationIds: string[]; changedIds: string[] }> {
  const userId = personOf(ctx.viewer);
  const ids = distinctIds(input.conversationIds, MAX_CONVERSATIONS_PER_CALL, 'conversationIds');
  const { accountId } = ctx.viewer;
  const changedIds = await inTransaction(ctx, async (tx, events) => {
    const found = await tx.conversation.findMany({ where: { id: { in: ids } }, select: { id: true } });
    const missing = ids.find((id) => !found.some((c) => c.id === id));
    if (missing) throw new NotFoundError('Conversation', missing);
    const now = ctx.services.now();
    // Raw SQL: the scoped client does not cover it, so the account is in every WHERE.
    const changed = input.read
      ? await tx.$queryRaw<{ conversation_id: string }[]>`
          INSERT INTO conversation_reads (account_id, conversation_id, user_id, read_message_id, read_at)
          SELECT account_id, id, ${userId}::uuid, last_inbound_message_id, ${now}::timestamptz FROM conversations
          WHERE account_id = ${accountId}::uuid AND id = ANY(${ids}::uuid[]) AND last_inbound_message_id IS NOT NULL
          ON CONFLICT (conversation_id, user_id) DO UPDATE
            SET read_message_id = EXCLUDED.read_message_id, read_at = EXCLUDED.read_at
            WHERE conversation_reads.read_message_id IS DISTINCT FROM EXCLUDED.read_message_id
          RETURNING conversation_id`
      : await tx.$queryRaw<{ conversation_id: string }[]>`
          DELETE FROM conversation_reads r USING conversations c
          WHERE r.account_id = ${accountId}::uuid AND r.user_id = ${userId}::uuid AND r.conversation_id = ANY(${ids}::uuid[])
            AND c.id = r.conversation_id AND c.account_id = ${accountId}::uuid AND c.last_inbound_message_id = r.read_message_id
          RETURNING r.conversation_id`;
    const changedIds = changed.map((row) => row.conversation_id);
    await recordAudits(
      tx,
      ctx.viewer,
      changedIds.map((id) => ({ action: input.read ? 'conversation.read' : 'conversation.unread', entityType: 'Conversation', entityId: id, details: { userId } })),
    );
    const at = now.toISOString();
    // Personal: only this user's subscriptions hear of it.
    for (const id of changedIds) events.publish({ type: 'READ_STATE_CHANGED', accountId, conversationId: id, forUserId: userId, read: input.read, at });
    return changedIds;
  });
  return { conversationIds: ids, changedIds };
}

