// A fresh, migrated database for one test file, cloned from the run's template.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import type { DatabaseConfig } from '../../src/config.js';

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
  drop(): Promise<void>;
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
