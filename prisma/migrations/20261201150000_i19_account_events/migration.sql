-- Issue 19: account-level events (a lead created or updated) belong to no conversation.
ALTER TABLE "event_log" ALTER COLUMN "conversation_id" DROP NOT NULL;
