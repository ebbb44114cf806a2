-- Issue 15 (understanding real replies): the language each inbound email is written in, and
-- an action the analyser suggests but may not take on its own (a person confirms or dismisses).

-- The language detected in the prepared text of an inbound email: en, es, de, fr, pt, other or
-- und (too short to tell); NULL until the email is analysed, and for outbound emails.
ALTER TABLE "conversation_messages" ADD COLUMN "language" TEXT;

-- CreateEnum
CREATE TYPE "SuggestedActionKind" AS ENUM ('MARK_DO_NOT_CONTACT');

-- One open suggestion per conversation: the newest reply's wins.
ALTER TABLE "conversations"
  ADD COLUMN "suggested_action" "SuggestedActionKind",
  ADD COLUMN "suggested_action_reason" TEXT,
  ADD COLUMN "suggested_action_confidence" DOUBLE PRECISION,
  ADD COLUMN "suggested_action_message_id" UUID,
  ADD COLUMN "suggested_action_at" TIMESTAMPTZ(3);

ALTER TABLE "conversations" ADD CONSTRAINT "conversations_suggested_action_message_id_fkey"
  FOREIGN KEY ("suggested_action_message_id") REFERENCES "conversation_messages"("id") ON DELETE SET NULL ON UPDATE CASCADE;
