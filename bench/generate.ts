// Benchmark data: one account ("bench") with leads, conversations, messages and drafts,
// generated in SQL (generate_series) so a million messages take seconds, not minutes.
// `npm run bench:generate -- --size small|medium|large [--embedded DIR] [--database NAME]`
//   small: 1k conversations, 10k messages; medium: 10k / 100k; large: 100k / 1M
// Without --embedded it (re)creates the database `parley_bench` (or the caller's own name) on
// BENCH_PG_URL (default postgresql://postgres@127.0.0.1:5432/postgres).
import pg from 'pg';
import { startEmbeddedPostgres } from '../src/db/embedded.js';
import { migrate } from '../src/db/migrate.js';
import { benchOptions } from './support/args.js';

export const SIZES = {
  small: { leads: 100, conversations: 1_000, messagesPerConversation: 10 },
  medium: { leads: 1_000, conversations: 10_000, messagesPerConversation: 10 },
  large: { leads: 10_000, conversations: 100_000, messagesPerConversation: 10 },
} as const;
export type Size = keyof typeof SIZES;
export const BENCH_ACCOUNT = 'bench';
export const THREAD_MESSAGES = 50;

export const DEFAULT_BENCH_DATABASE = 'parley_bench';
const serverUrl = () => process.env.BENCH_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export function benchDatabaseUrl(database = DEFAULT_BENCH_DATABASE) {
  const url = new URL(serverUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

/** Where a benchmark's data lives: an embedded data folder, or a database on the PostgreSQL server. */
export type BenchDatabase = { embeddedDir: string } | { database: string };

export const describeBenchDatabase = (target: BenchDatabase) =>
  'embeddedDir' in target ? `embedded PGlite at ${target.embeddedDir}` : `PostgreSQL (${target.database})`;

/** Drops and recreates a PostgreSQL database, migrated; so each run starts from the same state. */
async function recreateDatabase(database: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
  } finally {
    await admin.end();
  }
  const url = benchDatabaseUrl(database);
  await migrate(url);
  return url;
}

/**
 * Runs fn with a URL of the benchmark database. An embedded folder is served for the call
 * only: PGlite is single-process, and the server under test opens the folder itself later.
 */
export async function withBenchDatabase<T>(target: BenchDatabase, fn: (url: string) => Promise<T>): Promise<T> {
  if (!('embeddedDir' in target)) return fn(benchDatabaseUrl(target.database));
  const embedded = await startEmbeddedPostgres({ dataDir: target.embeddedDir });
  try {
    return await fn(embedded.url);
  } finally {
    await embedded.stop();
  }
}

async function fill(url: string, size: Size): Promise<{ threadConversationId: string }> {
  const { leads, conversations, messagesPerConversation } = SIZES[size];
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const step = async (label: string, sql: string, params: unknown[] = []) => {
      const started = Date.now();
      const result = await client.query(sql, params);
      console.log(`  ${label}: ${result.rowCount ?? 0} rows in ${Date.now() - started} ms`);
    };
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO accounts (id, slug, name) VALUES (gen_random_uuid(), $1, 'Benchmark account') RETURNING id`,
      [BENCH_ACCOUNT],
    );
    const account = rows[0]!.id;
    await step('leads', `
      INSERT INTO leads (id, account_id, name, email, company, source, estimated_value, updated_at)
      SELECT gen_random_uuid(), $1, 'Lead ' || g, 'lead' || g || '@example.com', 'Company ' || (g % 500), 'craigslist', (g % 100) * 100, now()
      FROM generate_series(1, $2) g`, [account, leads]);
    await step('conversations', `
      WITH l AS (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM leads WHERE account_id = $1)
      INSERT INTO conversations (id, account_id, lead_id, subject, status, last_message_at, reply_hash, created_at, updated_at)
      SELECT gen_random_uuid(), $1, l.id, 'Website project ' || g,
             (ARRAY['ACTIVE','NEEDS_REVIEW','WAITING_FOR_LEAD','ARCHIVED'])[1 + g % 4]::"ConversationStatus",
             now() - make_interval(mins => g), md5(g::text || random()::text),
             now() - make_interval(mins => g) - interval '10 days', now()
      FROM generate_series(1, $2) g JOIN l ON l.rn = 1 + (g % $3)`, [account, conversations, leads]);
    await step('messages', `
      INSERT INTO conversation_messages (id, account_id, conversation_id, direction, from_email, to_email, subject, text_body,
        delivery_status, sent_at, received_at, delivered_at, first_opened_at, open_count, click_count, created_at)
      SELECT gen_random_uuid(), c.account_id, c.id,
             (CASE WHEN k % 2 = 1 THEN 'OUTBOUND' ELSE 'INBOUND' END)::"MessageDirection",
             'sales@parley.example.com', 'lead@example.com', 'Re: ' || c.subject,
             'Message ' || k || ' about ' || c.subject || '. Could we talk about pricing and timing next week?',
             (CASE WHEN k % 2 = 1 THEN 'DELIVERED' ELSE 'RECEIVED' END)::"DeliveryStatus",
             CASE WHEN k % 2 = 1 THEN c.last_message_at - make_interval(hours => $2 - k) END,
             CASE WHEN k % 2 = 0 THEN c.last_message_at - make_interval(hours => $2 - k) END,
             CASE WHEN k % 2 = 1 THEN c.last_message_at - make_interval(hours => $2 - k) + interval '1 minute' END,
             CASE WHEN k % 6 = 1 THEN c.last_message_at - make_interval(hours => $2 - k) + interval '1 hour' END,
             CASE WHEN k % 6 = 1 THEN 1 ELSE 0 END, 0,
             c.last_message_at - make_interval(hours => $2 - k)
      FROM conversations c CROSS JOIN generate_series(1, $2) k
      WHERE c.account_id = $1`, [account, messagesPerConversation]);
    await step('last message pointers', `
      UPDATE conversations c SET last_message_id = m.id
      FROM (SELECT DISTINCT ON (conversation_id) conversation_id, id FROM conversation_messages
            WHERE account_id = $1 ORDER BY conversation_id, created_at DESC, id DESC) m
      WHERE m.conversation_id = c.id`, [account]);
    await step('suggestions', `
      INSERT INTO ai_suggestions (id, account_id, conversation_id, status, subject, body, confidence, intent, sentiment, provider, model, created_at)
      SELECT gen_random_uuid(), c.account_id, c.id,
             (CASE WHEN c.status = 'NEEDS_REVIEW' THEN 'PENDING'
                   ELSE (ARRAY['APPROVED','EDITED','REJECTED','SUPERSEDED'])[1 + abs(hashtext(c.id::text)) % 4] END)::"SuggestionStatus",
             'Re: ' || c.subject, 'Thanks for your reply. Here is what we propose ...', 0.5 + (abs(hashtext(c.id::text)) % 50) / 100.0,
             'QUESTION'::"Intent", 'POSITIVE'::"Sentiment", 'offline', 'offline', c.last_message_at
      FROM conversations c WHERE c.account_id = $1`, [account]);
    // One long thread for the thread benchmark.
    const thread = await client.query<{ id: string }>(`SELECT id FROM conversations WHERE account_id = $1 ORDER BY last_message_at DESC LIMIT 1`, [account]);
    const threadId = thread.rows[0]!.id;
    await step('long thread', `
      INSERT INTO conversation_messages (id, account_id, conversation_id, direction, from_email, to_email, subject, text_body, delivery_status, received_at, created_at)
      SELECT gen_random_uuid(), $1, $2, 'INBOUND', 'lead@example.com', 'sales@parley.example.com', 'Re: thread', 'Earlier message ' || k, 'RECEIVED',
             now() - make_interval(days => 30 + k), now() - make_interval(days => 30 + k)
      FROM generate_series(1, $3) k`, [account, threadId, THREAD_MESSAGES - messagesPerConversation]);
    // As autovacuum would by the time anyone reads: statistics and the visibility map.
    await step('vacuum analyze', 'VACUUM ANALYZE');
    return { threadConversationId: threadId };
  } finally {
    await client.end();
  }
}

export async function generate(
  size: Size,
  embeddedDir?: string,
  database = DEFAULT_BENCH_DATABASE,
): Promise<{ url?: string; threadConversationId: string }> {
  const target: BenchDatabase = embeddedDir ? { embeddedDir } : { database };
  console.log(`Generating ${size} data set in ${describeBenchDatabase(target)}`);
  if (embeddedDir) {
    return withBenchDatabase(target, async (url) => {
      await migrate(url);
      return fill(url, size);
    });
  }
  const url = await recreateDatabase(database);
  return { url, ...(await fill(url, size)) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // --embedded DIR: fill an embedded (PGlite) data directory instead of the PostgreSQL server.
  const options = benchOptions({ size: { type: 'string', default: 'small' }, embedded: { type: 'string' }, database: { type: 'string', default: DEFAULT_BENCH_DATABASE } });
  const started = Date.now();
  const result = await generate(options.size as Size, options.embedded, options.database);
  console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(result)}`);
}
