-- Issue 18 (part B): a durable, replayable log of every live event, and snoozed conversations.

-- A snoozed conversation is out of the default list until it wakes (snoozed_until, or earlier
-- when the lead replies). Not used by this migration, so it may run in its transaction.
ALTER TYPE "ConversationStatus" ADD VALUE IF NOT EXISTS 'SNOOZED';
ALTER TABLE conversations
  ADD COLUMN snoozed_until timestamptz(3),
  ADD COLUMN snooze_reason text;

-- Per account: the last cursor handed out, and the newest cursor pruned away. Writers take the
-- account's row lock (UPDATE ... RETURNING) at the very end of their transaction to number their
-- events, so cursors become visible to readers in the order they were given (see
-- src/events/log.ts for why); pruned_through tells a reader whose cursor is too old.
CREATE TABLE event_log_heads (
  account_id uuid PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  last_cursor bigint NOT NULL DEFAULT 0,
  pruned_through bigint NOT NULL DEFAULT 0
);

-- One row per published event, kept for the retention window (EVENT_LOG_RETENTION_HOURS).
CREATE TABLE event_log (
  account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  cursor bigint NOT NULL,
  conversation_id uuid NOT NULL,
  type text NOT NULL,
  payload jsonb NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, cursor)
);
CREATE INDEX event_log_created_at_idx ON event_log (created_at);
