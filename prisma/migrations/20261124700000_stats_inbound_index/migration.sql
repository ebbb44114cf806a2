-- conversationStats groups the window's inbound emails per conversation from the index alone:
-- the plain (account, direction, received_at) index plus the conversation id. It replaces one
-- index probe per emailed conversation (bench/RESULTS.md has the figures).

-- CreateIndex
CREATE INDEX "conversation_messages_inbound_stats_idx" ON "conversation_messages"("account_id", "direction", "received_at") INCLUDE ("conversation_id");

-- The covering index above serves every query the plain one did.
DROP INDEX "conversation_messages_account_id_direction_received_at_idx";
