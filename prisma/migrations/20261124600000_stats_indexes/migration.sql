-- conversationStats reads the window's outbound emails from the index alone (no heap
-- visits), and answers "did the lead write back after our email?" with one index probe per
-- conversation instead of a scan of every inbound email (bench/RESULTS.md has the figures).

-- CreateIndex
CREATE INDEX "conversation_messages_outbound_stats_idx" ON "conversation_messages"("account_id", "direction", "sent_at") INCLUDE ("conversation_id", "delivered_at", "first_opened_at", "first_clicked_at", "open_count", "click_count", "delivery_status");

-- CreateIndex
CREATE INDEX "conversation_messages_conversation_id_direction_received_at_idx" ON "conversation_messages"("conversation_id", "direction", "received_at");

-- The covering index above serves every query the plain one did.
DROP INDEX "conversation_messages_account_id_direction_sent_at_idx";
