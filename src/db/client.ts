// Opens the database the config names: real PostgreSQL at DATABASE_URL, or the embedded
// PGlite in PARLEY_DATA_DIR. Both are reached through @prisma/adapter-pg.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../../prisma/generated/client/client.js';
import type { DatabaseConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { startEmbeddedDatabase, type EmbeddedPostgresThread } from './embedded-thread.js';
import { createStatementNamer } from './statement-names.js';

export { PrismaClient };
export { startEmbeddedDatabase };
export { Prisma } from '../../prisma/generated/client/client.js';
export type { Account, AccountSettings, AISuggestion, ApiKey, AuditEntry, Conversation, ConversationMessage, Lead, MessageAnalysis, OutboundEmail, OutboxEmail, User } from '../../prisma/generated/client/client.js';

export interface Database {
  prisma: PrismaClient;
  /** Connection URL (the loopback socket for the embedded database). */
  url: string;
  kind: DatabaseConfig['kind'];
  /** The embedded PGlite (in its own thread), when there is one. */
  embedded?: EmbeddedPostgresThread;
  /**
   * Runs one raw statement through the adapter's own pg Pool (the same connections, the same
   * limits), not through Prisma. For statements that carry megabytes of parameters only:
   * Prisma 7 serialises raw-query parameters to JSON and parses them back before handing them
   * to pg (JSON.stringify + JSON.parse of every value on the main thread, ~120 ms of the
   * ~220 ms a 3 x 5 MiB inbound INSERT held the event loop in a CPU profile; bench/RESULTS.md).
   * Errors are pg's own (DatabaseError with the SQLSTATE in `code`), not Prisma's.
   */
  queryLarge<Row extends Record<string, unknown>>(statement: { text: string; values: unknown[] }): Promise<Row[]>;
  /**
   * Runs one read statement through the same pool, as a named prepared statement where Prisma's
   * are (PostgreSQL): the compiled read path (src/compiled-read/), whose statements are few
   * (one per operation shape) and run often.
   */
  queryRead<Row extends Record<string, unknown>>(statement: { text: string; values: unknown[] }): Promise<Row[]>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  logger?: Logger;
  /** Seed an embedded database from a migrated data-directory tarball (tests use this). */
  loadDataDir?: Blob;
  /** The account a start will seed with demo data if the database is empty (an empty folder then starts from the seeded template). */
  seedDemoAs?: string;
  /** Emit Prisma query events (statement counting in tests and benchmarks). */
  logQueries?: boolean;
  /** The embedded database, already started (startEmbeddedDatabase) while the caller loaded its modules. */
  embedded?: EmbeddedPostgresThread;
}

/**
 * How long a transaction may wait for a connection before it is refused. The embedded
 * database has one connection, so under a burst transactions queue behind each other: they
 * wait (a webhook answered late is fine; a 503 makes Postmark resend the whole email), as
 * statements outside transactions already do in pg's pool. PostgreSQL keeps Prisma's 2 s:
 * there a long wait means an exhausted pool, and failing fast sheds load.
 */
const defaultTransactionMaxWaitMs = { embedded: 60_000, postgres: 2_000 } as const;

export async function openDatabase(config: DatabaseConfig, options: OpenDatabaseOptions = {}): Promise<Database> {
  const embedded =
    config.kind === 'embedded' ? (options.embedded ?? (await startEmbeddedDatabase(config, options))) : undefined;
  const url = embedded ? embedded.url : (config as { url: string }).url;
  const poolSize = config.kind === 'postgres' ? config.poolSize : 1;
  // A runaway query is cancelled by the server instead of holding a connection forever.
  const statementTimeout = config.kind === 'postgres' ? config.statementTimeoutMs : undefined;
  // The pool is made here, not by the adapter, so that queryLarge can share it.
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    ...(statementTimeout ? { statement_timeout: statementTimeout } : {}),
    // PostgreSQL's JIT pays off for long analytic queries; for this API's statements its
    // compile time is pure cost (50 of conversationStats' 140 ms at 1M messages). PGlite has
    // no JIT. A DATABASE_URL that sets its own `options` keeps them.
    ...(config.kind === 'postgres' ? { options: '-c jit=off' } : {}),
    // The embedded database's one connection stays open: its prepared reads (below) are
    // prepared again only after a connection is lost.
    ...(config.kind === 'embedded' ? { idleTimeoutMillis: 0 } : {}),
  });
  const adapter = new PrismaPg(
    pool,
    {
      onPoolError: (err) => options.logger?.error({ err }, 'database pool error'),
      // PostgreSQL only: PGlite is one session that outlives its connections, so a new
      // connection would find the old one's statements and fail to prepare them again.
      // Past its bound the namer answers undefined, which pg runs as an unnamed statement;
      // the adapter's type says string only.
      ...(config.kind === 'postgres' && config.preparedStatements !== false
        ? { statementNameGenerator: createStatementNamer() as (query: { sql: string }) => string }
        : {}),
      // The pool is ours: the adapter ends it when Prisma disconnects, as it did its own.
      disposeExternalPool: true,
    },
  );
  const readNamer = config.kind === 'postgres' && config.preparedStatements !== false ? createStatementNamer() : undefined;
  // Compiled reads are prepared on the embedded database too: planning the thread's statement
  // takes as long as running it (0.33 and 0.34 ms on PostgreSQL), and preparing took the
  // embedded thread page from 1.9 to 0.71-0.84 ms of CPU (bench:http, three runs). PGlite is
  // one session that outlives its connections, so each connection names its statements apart
  // from those of any connection before it.
  const embeddedReadNamer = config.kind === 'embedded' ? createStatementNamer() : undefined;
  const connectionPrefixes = new WeakMap<pg.PoolClient, string>();
  let connections = 0;
  const prisma = new PrismaClient({
    adapter,
    transactionOptions: { maxWait: config.transactionMaxWaitMs ?? defaultTransactionMaxWaitMs[config.kind] },
    log: options.logQueries ? [{ emit: 'event', level: 'query' }] : [],
  });
  return {
    prisma,
    url,
    kind: config.kind,
    embedded,
    async queryLarge<Row extends Record<string, unknown>>(statement: { text: string; values: unknown[] }) {
      return (await pool.query<Row>(statement.text, statement.values)).rows;
    },
    async queryRead<Row extends Record<string, unknown>>(statement: { text: string; values: unknown[] }) {
      if (embeddedReadNamer) {
        const client = await pool.connect();
        let failed: Error | undefined;
        try {
          let prefix = connectionPrefixes.get(client);
          if (prefix === undefined) connectionPrefixes.set(client, (prefix = `c${++connections}_`));
          const name = embeddedReadNamer({ sql: statement.text });
          return (await client.query<Row>(name ? { name: prefix + name, text: statement.text, values: statement.values } : statement)).rows;
        } catch (error) {
          failed = error as Error;
          throw error;
        } finally {
          // As pool.query does: a connection that failed is not reused.
          client.release(failed);
        }
      }
      const name = readNamer?.({ sql: statement.text });
      return (await pool.query<Row>(name ? { name, text: statement.text, values: statement.values } : statement)).rows;
    },
    async close() {
      await prisma.$disconnect();
      await embedded?.stop();
    },
  };
}

/** True when the pgvector extension is installed in this database. */
export async function hasVectorExtension(prisma: PrismaClient): Promise<boolean> {
  const rows = await prisma.$queryRaw<{ present: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'vector') AS present`;
  return rows[0]?.present === true;
}
