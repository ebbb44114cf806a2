// Every SQL statement that touches the vector column (Prisma cannot: it is Unsupported("vector")).
// Each statement takes the account id explicitly: the account-scoping extension does not see
// raw SQL.
//
// The column is a plain `vector` shared by all embedders; HNSW indexes need one dimension, so
// each embedder has a partial expression index (see migration 20261124300000):
//   USING hnsw ((embedding::vector(256)) vector_cosine_ops) WHERE embedder = 'offline-hash-256'
// The search below repeats that exact expression and predicate, with both inlined as literals
// rather than bound parameters, so the planner can match the index whatever plan it caches.
import { randomUUID } from 'node:crypto';
import { Prisma, type PrismaClient } from '../db/client.js';
import type { ConversationOutcome, Intent } from '../db/enums.js';

/** One embedder's vectors: its stored name and their dimension. */
export interface VectorSpace {
  name: string;
  dimensions: number;
}

/**
 * ef_search for HNSW queries: candidates kept while walking the graph. Chosen with
 * bench/vector.ts (recall@10 >= 0.95 at 100k clustered vectors, bench/RESULTS.md); raised to
 * the page size when a caller asks for more rows than that.
 */
export const DEFAULT_EF_SEARCH = 40;

const SPACE_NAME = /^[A-Za-z0-9._-]{1,100}$/;
// pgvector's `vector` type holds at most 16000 dimensions.
const MAX_DIMENSIONS = 16_000;

/** The cast and predicate of a space's index, as SQL fragments (validated: they are inlined). */
function spaceSql(space: VectorSpace) {
  if (!SPACE_NAME.test(space.name)) throw new Error(`invalid embedder name ${JSON.stringify(space.name)}`);
  if (!Number.isInteger(space.dimensions) || space.dimensions < 1 || space.dimensions > MAX_DIMENSIONS) {
    throw new Error(`invalid vector dimension ${space.dimensions}`);
  }
  return { type: Prisma.raw(`vector(${space.dimensions})`), name: Prisma.raw(`'${space.name}'`) };
}

/** pgvector's text form, '[0.1,0.2,...]'. */
export function vectorLiteral(vector: readonly number[]): string {
  for (const x of vector) if (!Number.isFinite(x)) throw new Error('a vector must hold finite numbers only');
  return `[${vector.join(',')}]`;
}

const parseVector = (text: string): number[] => JSON.parse(text) as number[];

export interface StoredEmbeddingState {
  content: string;
  intent: Intent | null;
  outcome: ConversationOutcome;
  hasVector: boolean;
}

/** What is stored for a conversation in a space, without the vector itself. */
export async function readEmbeddingState(
  prisma: PrismaClient,
  accountId: string,
  conversationId: string,
  space: VectorSpace,
): Promise<StoredEmbeddingState | null> {
  const rows = await prisma.$queryRaw<StoredEmbeddingState[]>`
    SELECT content, intent::text AS intent, outcome::text AS outcome, embedding IS NOT NULL AS "hasVector"
    FROM conversation_embeddings
    WHERE account_id = ${accountId}::uuid AND conversation_id = ${conversationId}::uuid
      AND embedder = ${space.name} AND dimensions = ${space.dimensions}`;
  return rows[0] ?? null;
}

/** A conversation's stored vector in a space, or null when it has none yet. */
export async function readEmbedding(
  prisma: PrismaClient,
  accountId: string,
  conversationId: string,
  space: VectorSpace,
): Promise<number[] | null> {
  const rows = await prisma.$queryRaw<{ embedding: string }[]>`
    SELECT embedding::text AS embedding
    FROM conversation_embeddings
    WHERE account_id = ${accountId}::uuid AND conversation_id = ${conversationId}::uuid
      AND embedder = ${space.name} AND dimensions = ${space.dimensions} AND embedding IS NOT NULL`;
  return rows[0] ? parseVector(rows[0].embedding) : null;
}

export interface EmbeddingRow {
  accountId: string;
  conversationId: string;
  intent: Intent | null;
  outcome: ConversationOutcome;
  content: string;
  vector: readonly number[];
  /** When the conversation was read; a row read later is never overwritten by this one. */
  readAt: Date;
}

/**
 * Insert or replace the (conversation, embedder) row. Returns false when a newer read of the
 * conversation was stored meanwhile (two refreshes raced and this one lost).
 */
export async function upsertEmbedding(prisma: PrismaClient, space: VectorSpace, row: EmbeddingRow): Promise<boolean> {
  if (row.vector.length !== space.dimensions) {
    throw new Error(`${space.name} vectors have ${space.dimensions} dimensions, got ${row.vector.length}`);
  }
  const written = await prisma.$executeRaw`
    INSERT INTO conversation_embeddings
      (id, account_id, conversation_id, embedder, dimensions, intent, outcome, content, embedding, updated_at)
    VALUES (${randomUUID()}::uuid, ${row.accountId}::uuid, ${row.conversationId}::uuid, ${space.name}, ${space.dimensions},
      ${row.intent}::"Intent", ${row.outcome}::"ConversationOutcome", ${row.content}, ${vectorLiteral(row.vector)}::vector,
      ${row.readAt})
    ON CONFLICT (conversation_id, embedder) DO UPDATE SET
      dimensions = EXCLUDED.dimensions, intent = EXCLUDED.intent, outcome = EXCLUDED.outcome,
      content = EXCLUDED.content, embedding = EXCLUDED.embedding, updated_at = EXCLUDED.updated_at
    WHERE conversation_embeddings.account_id = EXCLUDED.account_id
      AND conversation_embeddings.updated_at <= EXCLUDED.updated_at`;
  return written === 1;
}

export interface SimilarSearch {
  accountId: string;
  space: VectorSpace;
  vector: readonly number[];
  limit: number;
  excludeConversationId?: string;
  intent?: Intent | null;
  outcomes?: readonly ConversationOutcome[] | null;
  /** Defaults to DEFAULT_EF_SEARCH (at least `limit`). */
  efSearch?: number;
  /**
   * "index": the HNSW index (approximate). "exact": every row that passes the filters is
   * compared (the account's btree index still narrows the rows). Default: exact when an
   * intent or outcome filter is given, since those drop most candidates and the rows that pass
   * lie deep in the ranking, where an iterative HNSW scan finds them poorly: measured at 100k
   * rows and a 1-in-9 filter, recall@10 0.90 at ef_search 400 and 0.955 only at 800, where
   * the index was barely 2x faster than the exact scan (bench/RESULTS.md).
   */
  strategy?: 'index' | 'exact';
  /**
   * pgvector's iterative scan mode (default relaxed_order, re-sorted exactly afterwards):
   * relaxed_order finds more of the true neighbours when filters drop many candidates.
   */
  iterativeScan?: 'strict_order' | 'relaxed_order';
}

export interface SimilarRow {
  conversationId: string;
  /** Cosine similarity, -1..1 (1 = same direction). */
  similarity: number;
  intent: Intent | null;
  outcome: ConversationOutcome;
}

const strategyOf = (search: SimilarSearch) =>
  search.strategy ?? (search.intent || (search.outcomes?.length ?? 0) > 0 ? 'exact' : 'index');

function similarQuery(search: SimilarSearch): Prisma.Sql {
  const { type, name } = spaceSql(search.space);
  if (search.vector.length !== search.space.dimensions) {
    throw new Error(`${search.space.name} vectors have ${search.space.dimensions} dimensions, got ${search.vector.length}`);
  }
  const query = Prisma.sql`${vectorLiteral(search.vector)}::${type}`;
  // The index serves exactly `embedding::vector(N) <=> q`; the plain column's distance (the
  // same number) is an expression no index matches, which makes the scan exact.
  const distance =
    strategyOf(search) === 'index' ? Prisma.sql`e.embedding::${type} <=> ${query}` : Prisma.sql`e.embedding <=> ${query}`;
  const filters: Prisma.Sql[] = [];
  if (search.excludeConversationId) filters.push(Prisma.sql`AND e.conversation_id <> ${search.excludeConversationId}::uuid`);
  if (search.intent) filters.push(Prisma.sql`AND e.intent = ${search.intent}::"Intent"`);
  if (search.outcomes && search.outcomes.length > 0) {
    filters.push(Prisma.sql`AND e.outcome IN (${Prisma.join(search.outcomes.map((o) => Prisma.sql`${o}::"ConversationOutcome"`))})`);
  }
  // A relaxed iterative scan may return rows slightly out of order, so the materialised
  // result is sorted again.
  return Prisma.sql`
    WITH nearest AS MATERIALIZED (
      SELECT e.conversation_id, e.intent, e.outcome, ${distance} AS distance
      FROM conversation_embeddings e
      WHERE e.embedder = ${name} AND e.account_id = ${search.accountId}::uuid AND e.embedding IS NOT NULL
        ${filters.length > 0 ? Prisma.join(filters, ' ') : Prisma.empty}
      ORDER BY ${distance}
      LIMIT ${search.limit}
    )
    SELECT conversation_id::text AS "conversationId", intent::text AS intent, outcome::text AS outcome,
           (1 - distance)::float8 AS similarity
    FROM nearest
    ORDER BY distance, conversation_id`;
}

// Settings for one transaction. Iterative scans (pgvector 0.8) keep walking the graph until
// enough rows pass the account filter, instead of filtering ef_search candidates down to too few.
function searchSettings(prisma: PrismaClient, search: SimilarSearch) {
  const efSearch = Math.max(search.efSearch ?? DEFAULT_EF_SEARCH, search.limit);
  return prisma.$queryRaw`SELECT set_config('hnsw.ef_search', ${String(efSearch)}, true),
                                 set_config('hnsw.iterative_scan', ${search.iterativeScan ?? 'relaxed_order'}, true)`;
}

/** The nearest conversations by cosine distance, nearest first. */
export async function searchSimilar(prisma: PrismaClient, search: SimilarSearch): Promise<SimilarRow[]> {
  const sql = similarQuery(search);
  if (strategyOf(search) === 'exact') return prisma.$queryRaw<SimilarRow[]>(sql);
  const [, rows] = await prisma.$transaction([searchSettings(prisma, search), prisma.$queryRaw<SimilarRow[]>(sql)]);
  return rows;
}

/**
 * The plan searchSimilar runs, as EXPLAIN prints it. With forceIndex, scans that need a sort
 * are priced out (the only plan without one is the HNSW index scan), so on a table of any
 * size a plan without the HNSW index means the query cannot use it at all.
 */
export async function explainSimilar(
  prisma: PrismaClient,
  search: SimilarSearch,
  options: { forceIndex?: boolean; analyze?: boolean } = {},
): Promise<string> {
  const sql = similarQuery(search);
  const explain = options.analyze ? Prisma.sql`EXPLAIN (ANALYZE) ${sql}` : Prisma.sql`EXPLAIN ${sql}`;
  // Every plan has the outer re-sort, so with sorts priced out the cheapest plan is the one
  // whose inner order comes from the HNSW index, when the query can use it.
  const [, , rows] = await prisma.$transaction([
    searchSettings(prisma, search),
    prisma.$queryRaw`SELECT set_config('enable_seqscan', ${options.forceIndex ? 'off' : 'on'}, true),
                            set_config('enable_sort', ${options.forceIndex ? 'off' : 'on'}, true)`,
    prisma.$queryRaw<{ 'QUERY PLAN': string }[]>(explain),
  ]);
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}
