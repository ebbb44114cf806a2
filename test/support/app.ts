// Builds the real application for a test file on its own database, and a typed executor
// that calls it through yoga.fetch exactly as an HTTP client would.
import type { ExecutionResult } from 'graphql';
import pg from 'pg';
import { inject } from 'vitest';
import { createApp, type App, type CreateAppOptions } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import type { TypedDocumentString } from '../gql/graphql.js';
import { acquireTestDatabase, type TestDatabase } from './database.js';

export interface TestApp extends App {
  config: Config;
  /** Runs a typed operation as the development account's OWNER, or with `token` (null: none). */
  execute<TResult, TVariables>(
    document: TypedDocumentString<TResult, TVariables>,
    variables?: TVariables,
    token?: string | null,
  ): Promise<ExecutionResult<TResult>>;
  /** POST any GraphQL text (for operations that codegen cannot type, e.g. invalid ones). */
  executeRaw(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<ExecutionResult<Record<string, unknown>>>;
  /** The development account OWNER's bearer token. */
  token: string;
}

/** Whether the run's database target offers pgvector (the embedded one always does). */
export async function targetOffersVector(): Promise<boolean> {
  const target = inject('testDatabase');
  if (target.kind === 'embedded') return true;
  const client = new pg.Client({ connectionString: target.serverUrl });
  await client.connect();
  try {
    return (await client.query(`SELECT 1 FROM pg_available_extensions WHERE name = 'vector'`)).rowCount === 1;
  } finally {
    await client.end();
  }
}

export async function createTestApp(
  options: CreateAppOptions & {
    env?: Record<string, string>;
    seedDemo?: boolean;
    /** Use this database instead of a clone of the run's template (dropped on close). */
    database?: TestDatabase;
    /**
     * Tests of similarity search itself: on a target without pgvector (the local PostgreSQL),
     * use a fresh, migrated embedded database instead.
     */
    needsVector?: boolean;
  } = {},
): Promise<TestApp> {
  const fresh = options.needsVector === true && !(await targetOffersVector());
  const database =
    options.database ??
    (fresh
      ? { config: { kind: 'embedded' as const, dataDir: 'memory://' }, loadDataDir: undefined, drop: async () => undefined }
      : await acquireTestDatabase(inject('testDatabase')));
  // A PostgreSQL database is named by its URL, so every DATABASE_* setting (the test's own too)
  // goes through the same configuration path as in production.
  const databaseEnv =
    database.config.kind === 'postgres' ? { DATABASE_URL: database.config.url, DATABASE_POOL_SIZE: String(database.config.poolSize) } : {};
  // Sends go at once unless a test asks for an undo window (SEND_UNDO_WINDOW_SECONDS in env):
  // what most tests check is the send itself.
  const base = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JOBS_RUN_WORKER: 'false', SEND_UNDO_WINDOW_SECONDS: '0', ...databaseEnv, ...options.env });
  const config: Config = {
    ...base,
    database: database.config.kind === 'postgres' ? base.database : database.config,
    migrateOnStart: fresh,
    seedOnStart: options.seedDemo ?? false,
  };
  let app: App;
  try {
    app = await createApp(config, { ...options, loadDataDir: database.loadDataDir, ...(database.embedded ? { embedded: database.embedded } : {}) });
  } catch (error) {
    if (!options.database) await database.drop();
    throw error;
  }
  const token = app.services.devToken ?? '';
  const executeRaw = async (query: string, variables?: Record<string, unknown>, as: string | null = token) => {
    const body = JSON.stringify({ query, variables });
    const response = await app.yoga.fetch('http://parley.test/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        accept: 'application/graphql-response+json',
        ...(as ? { authorization: `Bearer ${as}` } : {}),
      },
      body,
    });
    return (await response.json()) as ExecutionResult<Record<string, unknown>>;
  };
  return {
    ...app,
    config,
    token,
    executeRaw,
    execute: (document, variables, as) =>
      executeRaw(document.toString(), variables as Record<string, unknown> | undefined, as) as never,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
