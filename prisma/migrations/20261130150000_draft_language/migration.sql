-- The lead's language a draft answers in, and why a person must write the reply when no draft was written.
ALTER TABLE "ai_suggestions" ADD COLUMN "language" TEXT;
ALTER TABLE "ai_suggestions" ADD COLUMN "human_writer_reason" TEXT;
