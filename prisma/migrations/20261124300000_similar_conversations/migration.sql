-- CreateEnum
CREATE TYPE "ConversationOutcome" AS ENUM ('NONE', 'REPLIED', 'MEETING_BOOKED', 'WON', 'LOST', 'UNSUBSCRIBED');

-- AlterTable
ALTER TABLE "conversations" ADD COLUMN     "outcome" "ConversationOutcome" NOT NULL DEFAULT 'NONE',
ADD COLUMN     "outcome_at" TIMESTAMPTZ(3);

-- AlterTable: the text column becomes the enum, keeping its values.
ALTER TABLE "conversation_embeddings" ALTER COLUMN "outcome" DROP DEFAULT,
ALTER COLUMN "outcome" TYPE "ConversationOutcome" USING ("outcome"::"ConversationOutcome"),
ALTER COLUMN "outcome" SET DEFAULT 'NONE';

-- HNSW needs one fixed dimension per index, while the column is a plain `vector` shared by
-- every embedder. So each embedder gets a partial expression index over its own rows, cast to
-- its dimension; queries use the same cast and predicate (src/vector/sql.ts) so the planner
-- picks it. m and ef_construction are pgvector's defaults; bench/vector.ts measured them
-- (bench/RESULTS.md, "Vector search"). Without pgvector there is no column to index.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'vector') THEN
    ALTER TABLE "conversation_embeddings" ADD CONSTRAINT "conversation_embeddings_dimensions_check"
      CHECK ("embedding" IS NULL OR vector_dims("embedding") = "dimensions");
    CREATE INDEX "conversation_embeddings_offline_hash_256_hnsw_idx" ON "conversation_embeddings"
      USING hnsw (("embedding"::vector(256)) vector_cosine_ops) WITH (m = 16, ef_construction = 64)
      WHERE "embedder" = 'offline-hash-256';
    CREATE INDEX "conversation_embeddings_text_embedding_3_small_hnsw_idx" ON "conversation_embeddings"
      USING hnsw (("embedding"::vector(1536)) vector_cosine_ops) WITH (m = 16, ef_construction = 64)
      WHERE "embedder" = 'text-embedding-3-small';
  END IF;
END
$$;
