// The one row lock on a conversation: every writer of a thread (send claim, settlement,
// archive, drafting) takes it first, so concurrent writers take turns and lock in one order.
import type { ConversationStatus } from '../../db/enums.js';
import type { ScopedTransaction } from '../../db/scoped.js';

/** Locks the conversation for the rest of the transaction; undefined when it is not in this account. */
export async function lockConversation(
  tx: ScopedTransaction,
  accountId: string,
  conversationId: string,
): Promise<{ status: ConversationStatus; last_message_at: Date } | undefined> {
  // The scoped client confines model queries, not raw SQL: the account is in the WHERE.
  const rows = await tx.$queryRaw<{ status: ConversationStatus; last_message_at: Date }[]>`
    SELECT status, last_message_at FROM conversations
    WHERE id = ${conversationId}::uuid AND account_id = ${accountId}::uuid
    FOR UPDATE`;
  return rows[0];
}
