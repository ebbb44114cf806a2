-- pgvector where the server offers it. Servers without it (plain PostgreSQL builds)
-- still take every migration; the vector column and index are then left out and the
-- API reports vector search as unavailable.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') THEN
    CREATE EXTENSION IF NOT EXISTS vector;
  END IF;
END
$$;

-- CreateEnum
CREATE TYPE "ConversationStatus" AS ENUM ('ACTIVE', 'NEEDS_REVIEW', 'WAITING_FOR_LEAD', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "MessageDirection" AS ENUM ('INBOUND', 'OUTBOUND');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('RECEIVED', 'QUEUED', 'SENT', 'DELIVERED', 'BOUNCED', 'FAILED');

-- CreateEnum
CREATE TYPE "SuggestionStatus" AS ENUM ('PENDING', 'APPROVED', 'EDITED', 'REJECTED', 'SUPERSEDED');

-- CreateEnum
CREATE TYPE "Sentiment" AS ENUM ('POSITIVE', 'NEUTRAL', 'NEGATIVE');

-- CreateEnum
CREATE TYPE "Intent" AS ENUM ('INTERESTED', 'MEETING_REQUEST', 'QUESTION', 'OBJECTION', 'NOT_INTERESTED', 'UNSUBSCRIBE', 'OUT_OF_OFFICE', 'REFERRAL', 'OTHER');

-- CreateEnum
CREATE TYPE "Urgency" AS ENUM ('LOW', 'MEDIUM', 'HIGH');

-- CreateEnum
CREATE TYPE "UserRole" AS ENUM ('OWNER', 'AGENT', 'VIEWER');

-- CreateTable
CREATE TABLE "accounts" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "UserRole" NOT NULL DEFAULT 'AGENT',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "leads" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "company" TEXT,
    "phone" TEXT,
    "source" TEXT,
    "source_url" TEXT,
    "estimated_value" DOUBLE PRECISION,
    "do_not_contact" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "leads_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "conversations" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "lead_id" UUID NOT NULL,
    "subject" TEXT NOT NULL,
    "status" "ConversationStatus" NOT NULL DEFAULT 'ACTIVE',
    "archived_at" TIMESTAMPTZ(3),
    "archive_reason" TEXT,
    "last_message_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_message_id" UUID,
    "reply_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "conversations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "conversation_messages" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "conversation_id" UUID NOT NULL,
    "direction" "MessageDirection" NOT NULL,
    "from_email" TEXT NOT NULL,
    "from_name" TEXT,
    "to_email" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text_body" TEXT NOT NULL,
    "html_body" TEXT,
    "stripped_text" TEXT,
    "message_id_header" TEXT,
    "in_reply_to" TEXT,
    "provider_message_id" TEXT,
    "idempotency_key" TEXT,
    "delivery_status" "DeliveryStatus" NOT NULL,
    "sent_at" TIMESTAMPTZ(3),
    "received_at" TIMESTAMPTZ(3),
    "delivered_at" TIMESTAMPTZ(3),
    "first_opened_at" TIMESTAMPTZ(3),
    "first_clicked_at" TIMESTAMPTZ(3),
    "open_count" INTEGER NOT NULL DEFAULT 0,
    "click_count" INTEGER NOT NULL DEFAULT 0,
    "error_code" TEXT,
    "error_message" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "conversation_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ai_suggestions" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "conversation_id" UUID NOT NULL,
    "in_reply_to_id" UUID,
    "sent_message_id" UUID,
    "status" "SuggestionStatus" NOT NULL DEFAULT 'PENDING',
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "edited_subject" TEXT,
    "edited_body" TEXT,
    "confidence" DOUBLE PRECISION NOT NULL,
    "sentiment" "Sentiment",
    "intent" "Intent",
    "urgency" "Urgency",
    "key_points" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "provider" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "prompt_version" TEXT,
    "tone" TEXT,
    "length" TEXT,
    "prompt_tokens" INTEGER,
    "completion_tokens" INTEGER,
    "latency_ms" INTEGER,
    "rejection_reason" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ai_suggestions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ai_suggestions_confidence_range" CHECK ("confidence" >= 0 AND "confidence" <= 1)
);

-- CreateTable
CREATE TABLE "conversation_embeddings" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "conversation_id" UUID NOT NULL,
    "embedder" TEXT NOT NULL,
    "dimensions" INTEGER NOT NULL,
    "intent" "Intent",
    "outcome" TEXT NOT NULL DEFAULT 'NONE',
    "content" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "conversation_embeddings_pkey" PRIMARY KEY ("id")
);

-- The embedding column needs pgvector's type; without the extension it is not created.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'vector') THEN
    ALTER TABLE "conversation_embeddings" ADD COLUMN "embedding" vector;
  END IF;
END
$$;

-- CreateIndex
CREATE UNIQUE INDEX "accounts_slug_key" ON "accounts"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "users_account_id_email_key" ON "users"("account_id", "email");

-- CreateIndex
CREATE INDEX "leads_account_id_created_at_idx" ON "leads"("account_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "leads_account_id_email_key" ON "leads"("account_id", "email");

-- CreateIndex
CREATE UNIQUE INDEX "conversations_last_message_id_key" ON "conversations"("last_message_id");

-- CreateIndex
CREATE UNIQUE INDEX "conversations_reply_hash_key" ON "conversations"("reply_hash");

-- CreateIndex
CREATE INDEX "conversations_account_id_last_message_at_id_idx" ON "conversations"("account_id", "last_message_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "conversations_account_id_created_at_id_idx" ON "conversations"("account_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "conversations_account_id_status_last_message_at_idx" ON "conversations"("account_id", "status", "last_message_at" DESC);

-- CreateIndex
CREATE INDEX "conversations_lead_id_idx" ON "conversations"("lead_id");

-- CreateIndex
CREATE INDEX "conversation_messages_conversation_id_created_at_id_idx" ON "conversation_messages"("conversation_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "conversation_messages_account_id_message_id_header_idx" ON "conversation_messages"("account_id", "message_id_header");

-- CreateIndex
CREATE INDEX "conversation_messages_account_id_direction_sent_at_idx" ON "conversation_messages"("account_id", "direction", "sent_at");

-- CreateIndex
CREATE INDEX "conversation_messages_account_id_direction_received_at_idx" ON "conversation_messages"("account_id", "direction", "received_at");

-- CreateIndex
CREATE UNIQUE INDEX "conversation_messages_account_id_idempotency_key_key" ON "conversation_messages"("account_id", "idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "conversation_messages_account_id_provider_message_id_key" ON "conversation_messages"("account_id", "provider_message_id");

-- CreateIndex
CREATE UNIQUE INDEX "ai_suggestions_in_reply_to_id_key" ON "ai_suggestions"("in_reply_to_id");

-- CreateIndex
CREATE UNIQUE INDEX "ai_suggestions_sent_message_id_key" ON "ai_suggestions"("sent_message_id");

-- CreateIndex
CREATE INDEX "ai_suggestions_conversation_id_created_at_idx" ON "ai_suggestions"("conversation_id", "created_at");

-- CreateIndex
CREATE INDEX "ai_suggestions_account_id_created_at_idx" ON "ai_suggestions"("account_id", "created_at");

-- CreateIndex
CREATE INDEX "ai_suggestions_conversation_id_status_idx" ON "ai_suggestions"("conversation_id", "status");

-- At most one PENDING suggestion per conversation: the workflow relies on it.
CREATE UNIQUE INDEX "ai_suggestions_one_pending_per_conversation" ON "ai_suggestions"("conversation_id") WHERE "status" = 'PENDING';

-- CreateIndex
CREATE UNIQUE INDEX "conversation_embeddings_conversation_id_embedder_key" ON "conversation_embeddings"("conversation_id", "embedder");

-- CreateIndex
CREATE INDEX "conversation_embeddings_account_id_embedder_idx" ON "conversation_embeddings"("account_id", "embedder");

-- Free-text search over subjects, lead names and emails, and message text uses ILIKE;
-- trigram indexes keep it off sequential scans where pg_trgm is offered.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE INDEX "conversations_subject_trgm_idx" ON "conversations" USING gin ("subject" gin_trgm_ops);
    CREATE INDEX "leads_name_trgm_idx" ON "leads" USING gin ("name" gin_trgm_ops);
    CREATE INDEX "leads_email_trgm_idx" ON "leads" USING gin ("email" gin_trgm_ops);
    CREATE INDEX "conversation_messages_text_body_trgm_idx" ON "conversation_messages" USING gin ("text_body" gin_trgm_ops);
  END IF;
END
$$;

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "leads" ADD CONSTRAINT "leads_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_lead_id_fkey" FOREIGN KEY ("lead_id") REFERENCES "leads"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_last_message_id_fkey" FOREIGN KEY ("last_message_id") REFERENCES "conversation_messages"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversation_messages" ADD CONSTRAINT "conversation_messages_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversation_messages" ADD CONSTRAINT "conversation_messages_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ai_suggestions" ADD CONSTRAINT "ai_suggestions_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ai_suggestions" ADD CONSTRAINT "ai_suggestions_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ai_suggestions" ADD CONSTRAINT "ai_suggestions_in_reply_to_id_fkey" FOREIGN KEY ("in_reply_to_id") REFERENCES "conversation_messages"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ai_suggestions" ADD CONSTRAINT "ai_suggestions_sent_message_id_fkey" FOREIGN KEY ("sent_message_id") REFERENCES "conversation_messages"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversation_embeddings" ADD CONSTRAINT "conversation_embeddings_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversation_embeddings" ADD CONSTRAINT "conversation_embeddings_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
