// A fresh, migrated database for one test file, cloned from the run's template.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import type { DatabaseConfig } from '../../src/config.js';
import type { EmbeddedPostgresThread } from '../../src/db/embedded.js';

export type TestDatabaseTarget =
  | { kind: 'embedded'; templateFile: string }
  /** run: this test run's id; its databases are named parley_t_<run>_..., so a run's clean-up
   * drops its own and never another run's on the same server. */
  | { kind: 'postgres'; serverUrl: string; template: string; run?: string };

/** Databases made outside a run's template (tests that need the local server) use this process's id. */
const processRun = randomBytes(4).toString('hex');

function newDatabaseName(target: { run?: string }): string {
  return `parley_t_${target.run ?? processRun}_${randomBytes(6).toString('hex')}`;
}

export function databaseUrlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export interface TestDatabase {
  config: DatabaseConfig;
  loadDataDir?: Blob;
  /** An embedded database already running (the app connects to it instead of starting one). */
  embedded?: EmbeddedPostgresThread;
  drop(): Promise<void>;
}

/**
 * The embedded databases this test worker keeps between uses. Starting one from the template
 * (a thread, PGlite's WebAssembly, the 40 MB data directory) costs about 2 s of CPU, and the
 * suite makes well over a hundred apps: a database an app has closed is emptied and handed to
 * the next one instead (resetEmbedded), in the template's state again. One still in use is never
 * shared: a test that holds two apps at once gets two databases, as before.
 */
interface PooledEmbedded {
  thread: EmbeddedPostgresThread;
  /** The schema as the template made it; a test that changed it leaves a database nobody reuses. */
  schema: string;
}
const IDLE_EMBEDDED_KEPT = 2;
const pool: { idle: PooledEmbedded[] } = ((globalThis as { __parleyTestEmbedded?: { idle: PooledEmbedded[] } }).__parleyTestEmbedded ??= {
  idle: [],
});

// Every table, column, index, constraint, function and extension: what TRUNCATE leaves alone.
const SCHEMA_FINGERPRINT = `
  SELECT md5(concat_ws('|',
    (SELECT string_agg(format('%s.%s:%s:%s', table_name, column_name, data_type, column_default), ',' ORDER BY table_name, column_name)
       FROM information_schema.columns WHERE table_schema NOT IN ('pg_catalog', 'information_schema')),
    (SELECT string_agg(indexdef, ',' ORDER BY indexdef) FROM pg_indexes WHERE schemaname NOT IN ('pg_catalog', 'information_schema')),
    (SELECT string_agg(conname || ':' || pg_get_constraintdef(oid), ',' ORDER BY conname, pg_get_constraintdef(oid)) FROM pg_constraint WHERE connamespace = 'public'::regnamespace),
    (SELECT string_agg(proname, ',' ORDER BY proname) FROM pg_proc WHERE pronamespace = 'public'::regnamespace),
    (SELECT string_agg(extname || extversion, ',' ORDER BY extname) FROM pg_extension),
    (SELECT string_agg(migration_name || coalesce(finished_at::text, ''), ',' ORDER BY migration_name) FROM _prisma_migrations)
  )) AS fingerprint`;

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Back to the template's state: every table emptied (the template's only rows are the
 * migrations'), and the session's state (PGlite is one session for every connection: settings,
 * prepared statements, advisory locks, LISTEN) discarded. False when the schema is no longer the
 * template's (a test renamed a table, say): then the database is not reused.
 */
async function resetEmbedded(database: PooledEmbedded): Promise<boolean> {
  return withClient(database.thread.url, async (client) => {
    if ((await client.query<{ fingerprint: string }>(SCHEMA_FINGERPRINT)).rows[0]!.fingerprint !== database.schema) return false;
    const { rows } = await client.query<{ name: string }>(
      `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    );
    if (rows.length > 0) await client.query(`TRUNCATE ${rows.map((r) => r.name).join(', ')} RESTART IDENTITY CASCADE`);
    await client.query('DISCARD ALL');
    return true;
  });
}

async function startPooledEmbedded(templateFile: string): Promise<PooledEmbedded> {
  const { startEmbeddedPostgresThread } = await import('../../src/db/embedded.js');
  const thread = await startEmbeddedPostgresThread({ dataDir: 'memory://', loadDataDir: new Blob([readFileSync(templateFile)]) });
  const schema = await withClient(thread.url, async (client) => (await client.query<{ fingerprint: string }>(SCHEMA_FINGERPRINT)).rows[0]!.fingerprint);
  return { thread, schema };
}

/**
 * A migrated database in the template's state for one app: on the embedded target, one this
 * worker kept (emptied) or a new one; on PostgreSQL, a clone of the run's template.
 */
export async function acquireTestDatabase(target: TestDatabaseTarget): Promise<TestDatabase> {
  if (target.kind !== 'embedded') return cloneTestDatabase(target);
  let database: PooledEmbedded | undefined;
  while (!database && pool.idle.length > 0) {
    const candidate = pool.idle.pop()!;
    const reset = await resetEmbedded(candidate).catch(() => false);
    if (reset) database = candidate;
    else await candidate.thread.stop().catch(() => undefined);
  }
  database ??= await startPooledEmbedded(target.templateFile);
  const taken = database;
  let dropped = false;
  return {
    config: { kind: 'embedded', dataDir: 'memory://' },
    // The app's close leaves the database running: drop() hands it back.
    embedded: { url: taken.thread.url, stop: async () => undefined },
    drop: async () => {
      if (dropped) return;
      dropped = true;
      if (pool.idle.length < IDLE_EMBEDDED_KEPT) pool.idle.push(taken);
      else await taken.thread.stop();
    },
  };
}

export async function cloneTestDatabase(target: TestDatabaseTarget): Promise<TestDatabase> {
  if (target.kind === 'embedded') {
    return {
      config: { kind: 'embedded', dataDir: 'memory://' },
      loadDataDir: new Blob([readFileSync(target.templateFile)]),
      drop: async () => undefined,
    };
  }
  const name = newDatabaseName(target);
  const admin = new pg.Client({ connectionString: target.serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${target.template}`);
  } finally {
    await admin.end();
  }
  return {
    config: { kind: 'postgres', url: databaseUrlFor(target.serverUrl, name), poolSize: 5 },
    drop: async () => {
      const client = new pg.Client({ connectionString: target.serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** An empty database (no migrations applied) on the run's target, for migration tests. */
export async function createEmptyDatabase(target: TestDatabaseTarget): Promise<{ url: string; drop(): Promise<void> }> {
  if (target.kind === 'embedded') {
    const { startEmbeddedPostgres } = await import('../../src/db/embedded.js');
    const embedded = await startEmbeddedPostgres({ dataDir: 'memory://' });
    return { url: embedded.url, drop: () => embedded.stop() };
  }
  const name = newDatabaseName(target);
  const admin = new pg.Client({ connectionString: target.serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    url: databaseUrlFor(target.serverUrl, name),
    drop: async () => {
      const client = new pg.Client({ connectionString: target.serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export const LOCAL_POSTGRES_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';

/**
 * A migrated database on the machine's PostgreSQL server, whatever the suite's target: for
 * tests that need what PGlite cannot give (real concurrent transactions, two API instances
 * sharing one database).
 */
export async function createLocalPostgresDatabase(poolSize = 12): Promise<TestDatabase & { url: string }> {
  const { migrate } = await import('../../src/db/migrate.js');
  const empty = await createEmptyDatabase({ kind: 'postgres', serverUrl: LOCAL_POSTGRES_URL, template: 'template1' });
  await migrate(empty.url);
  return { url: empty.url, config: { kind: 'postgres', url: empty.url, poolSize }, drop: empty.drop };
}
