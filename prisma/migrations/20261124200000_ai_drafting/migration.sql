-- Regenerating a draft creates another suggestion answering the same inbound email, so the
-- link from suggestion to inbound message is one-to-many: the unique index becomes a plain one.

-- DropIndex
DROP INDEX "ai_suggestions_in_reply_to_id_key";

-- AlterTable
ALTER TABLE "ai_suggestions" ADD COLUMN     "fallback" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "estimated_cost" DOUBLE PRECISION,
ADD COLUMN     "custom_prompt" TEXT,
ADD COLUMN     "safety_flags" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "questions" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "next_step" TEXT,
ADD COLUMN     "note_to_name" TEXT,
ADD COLUMN     "note_to_email" TEXT,
ADD COLUMN     "note_subject" TEXT,
ADD COLUMN     "note_body" TEXT;

-- CreateTable
CREATE TABLE "message_analyses" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "conversation_id" UUID NOT NULL,
    "message_id" UUID NOT NULL,
    "sentiment" "Sentiment" NOT NULL,
    "intent" "Intent" NOT NULL,
    "urgency" "Urgency" NOT NULL,
    "intent_confidence" DOUBLE PRECISION NOT NULL,
    "key_points" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "questions" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "suggested_next_step" TEXT,
    "return_date" DATE,
    "referral_name" TEXT,
    "referral_email" TEXT,
    "injection_suspected" BOOLEAN NOT NULL DEFAULT false,
    "provider" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "prompt_version" TEXT NOT NULL,
    "prompt_tokens" INTEGER,
    "completion_tokens" INTEGER,
    "latency_ms" INTEGER,
    "estimated_cost" DOUBLE PRECISION,
    "fallback" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "message_analyses_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "message_analyses_intent_confidence_range" CHECK ("intent_confidence" >= 0 AND "intent_confidence" <= 1)
);

-- CreateIndex
CREATE INDEX "ai_suggestions_in_reply_to_id_idx" ON "ai_suggestions"("in_reply_to_id");

-- CreateIndex
CREATE UNIQUE INDEX "message_analyses_message_id_key" ON "message_analyses"("message_id");

-- CreateIndex
CREATE INDEX "message_analyses_account_id_created_at_idx" ON "message_analyses"("account_id", "created_at");

-- CreateIndex
CREATE INDEX "message_analyses_conversation_id_idx" ON "message_analyses"("conversation_id");

-- AddForeignKey
ALTER TABLE "message_analyses" ADD CONSTRAINT "message_analyses_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "message_analyses" ADD CONSTRAINT "message_analyses_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "message_analyses" ADD CONSTRAINT "message_analyses_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "conversation_messages"("id") ON DELETE CASCADE ON UPDATE CASCADE;
