-- Issue 19, part B: scheduled sends with an undo window, cancelling them, and AI follow-ups.

-- A send a person took back before it went out (cancelScheduledSend).
ALTER TYPE "DeliveryStatus" ADD VALUE IF NOT EXISTS 'CANCELLED';

-- What an AI draft is: the answer to the lead's email, or a nudge after our email got no reply.
CREATE TYPE "SuggestionKind" AS ENUM ('REPLY', 'FOLLOW_UP');
ALTER TABLE "ai_suggestions" ADD COLUMN "kind" "SuggestionKind" NOT NULL DEFAULT 'REPLY';
-- FOLLOW_UP: our email it follows up. One follow-up per email of ours, whatever runs twice;
-- a regenerated one replaces its SUPERSEDED predecessor.
ALTER TABLE "ai_suggestions" ADD COLUMN "follow_up_of_message_id" UUID;
CREATE UNIQUE INDEX "ai_suggestions_one_follow_up_per_email" ON "ai_suggestions"("follow_up_of_message_id") WHERE "status" <> 'SUPERSEDED';

-- When a queued email goes out (the undo window or the sender's sendAt); null: at once.
ALTER TABLE "conversation_messages" ADD COLUMN "scheduled_for" TIMESTAMPTZ(3);
ALTER TABLE "outbound_emails" ADD COLUMN "scheduled_for" TIMESTAMPTZ(3);

-- An account's sending and follow-up settings; an account without a row has the defaults.
CREATE TABLE "account_settings" (
    "account_id" UUID NOT NULL,
    "undo_window_seconds" INTEGER,
    "send_scheduled_after_reply" BOOLEAN NOT NULL DEFAULT false,
    "follow_up_enabled" BOOLEAN NOT NULL DEFAULT false,
    "follow_up_after_days" INTEGER NOT NULL DEFAULT 3,
    "max_follow_ups" INTEGER NOT NULL DEFAULT 2,
    "follow_up_start_hour" INTEGER NOT NULL DEFAULT 0,
    "follow_up_end_hour" INTEGER NOT NULL DEFAULT 24,
    "follow_up_days" INTEGER[] DEFAULT ARRAY[1, 2, 3, 4, 5]::INTEGER[],
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "account_settings_pkey" PRIMARY KEY ("account_id"),
    CONSTRAINT "account_settings_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
