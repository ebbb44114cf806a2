-- Issue 18, part A (the team inbox): read state per user, assignment, labels, priority,
-- the newest analysed intent, internal notes and the round-robin setting.

CREATE TYPE "Priority" AS ENUM ('LOW', 'NORMAL', 'HIGH', 'URGENT');
CREATE TYPE "AutoAssign" AS ENUM ('OFF', 'ROUND_ROBIN');

ALTER TABLE "conversations"
  ADD COLUMN "assignee_id" UUID,
  ADD COLUMN "priority" "Priority" NOT NULL DEFAULT 'NORMAL',
  ADD COLUMN "priority_set_at" TIMESTAMPTZ(3),
  ADD COLUMN "intent" "Intent",
  ADD COLUMN "last_inbound_message_id" UUID;

ALTER TABLE "conversations" ADD CONSTRAINT "conversations_assignee_id_fkey"
  FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE UNIQUE INDEX "conversations_last_inbound_message_id_key" ON "conversations"("last_inbound_message_id");
CREATE INDEX "conversations_account_id_priority_last_message_at_id_idx"
  ON "conversations"("account_id", "priority" DESC, "last_message_at" DESC, "id" DESC);
CREATE INDEX "conversations_account_id_assignee_id_last_message_at_idx"
  ON "conversations"("account_id", "assignee_id", "last_message_at" DESC);

-- Existing conversations: their newest inbound email (so they start unread for everyone) and
-- the intent its analysis found.
UPDATE "conversations" c SET "last_inbound_message_id" = (
  SELECT m."id" FROM "conversation_messages" m
  WHERE m."conversation_id" = c."id" AND m."direction" = 'INBOUND'
  ORDER BY m."created_at" DESC, m."id" DESC LIMIT 1
);
UPDATE "conversations" c SET "intent" = a."intent"
FROM "message_analyses" a WHERE a."message_id" = c."last_inbound_message_id";

CREATE TABLE "inbox_settings" (
  "account_id" UUID NOT NULL,
  "auto_assign" "AutoAssign" NOT NULL DEFAULT 'OFF',
  "assign_turn" INTEGER NOT NULL DEFAULT 0,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "inbox_settings_pkey" PRIMARY KEY ("account_id")
);
ALTER TABLE "inbox_settings" ADD CONSTRAINT "inbox_settings_account_id_fkey"
  FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- read_message_id has no foreign key on purpose: a marker outlives the reply it names, and is
-- then simply not current (see prisma/schema/inbox.prisma).
CREATE TABLE "conversation_reads" (
  "account_id" UUID NOT NULL,
  "conversation_id" UUID NOT NULL,
  "user_id" UUID NOT NULL,
  "read_message_id" UUID,
  "read_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "conversation_reads_pkey" PRIMARY KEY ("conversation_id", "user_id")
);
CREATE INDEX "conversation_reads_user_id_read_message_id_idx" ON "conversation_reads"("user_id", "read_message_id");
ALTER TABLE "conversation_reads" ADD CONSTRAINT "conversation_reads_account_id_fkey"
  FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "conversation_reads" ADD CONSTRAINT "conversation_reads_conversation_id_fkey"
  FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "conversation_reads" ADD CONSTRAINT "conversation_reads_user_id_fkey"
  FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "labels" (
  "id" UUID NOT NULL,
  "account_id" UUID NOT NULL,
  "name" TEXT NOT NULL,
  "color" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "labels_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "labels_color_hex" CHECK ("color" ~ '^#[0-9a-f]{6}$')
);
CREATE INDEX "labels_account_id_name_idx" ON "labels"("account_id", "name");
CREATE UNIQUE INDEX "labels_account_id_lower_name_key" ON "labels"("account_id", lower("name"));
ALTER TABLE "labels" ADD CONSTRAINT "labels_account_id_fkey"
  FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "conversation_labels" (
  "account_id" UUID NOT NULL,
  "conversation_id" UUID NOT NULL,
  "label_id" UUID NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "conversation_labels_pkey" PRIMARY KEY ("conversation_id", "label_id")
);
CREATE INDEX "conversation_labels_label_id_idx" ON "conversation_labels"("label_id");
ALTER TABLE "conversation_labels" ADD CONSTRAINT "conversation_labels_account_id_fkey"
  FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "conversation_labels" ADD CONSTRAINT "conversation_labels_conversation_id_fkey"
  FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "conversation_labels" ADD CONSTRAINT "conversation_labels_label_id_fkey"
  FOREIGN KEY ("label_id") REFERENCES "labels"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "conversation_notes" (
  "id" UUID NOT NULL,
  "account_id" UUID NOT NULL,
  "conversation_id" UUID NOT NULL,
  "author_id" UUID,
  "actor" TEXT NOT NULL,
  "body" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "conversation_notes_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "conversation_notes_conversation_id_created_at_id_idx" ON "conversation_notes"("conversation_id", "created_at", "id");
ALTER TABLE "conversation_notes" ADD CONSTRAINT "conversation_notes_account_id_fkey"
  FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "conversation_notes" ADD CONSTRAINT "conversation_notes_conversation_id_fkey"
  FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "conversation_notes" ADD CONSTRAINT "conversation_notes_author_id_fkey"
  FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
