// Builds the real application for a test file on its own database, and a typed executor
// that calls it through yoga.fetch exactly as an HTTP client would.
import type { ExecutionResult } from 'graphql';
import pg from 'pg';
import { inject } from 'vitest';
import { createApp, type App, type CreateAppOptions } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import type { TypedDocumentString } from '../gql/graphql.js';
import { cloneTestDatabase } from './database.js';

export interface TestApp extends App {
  config: Config;
  execute<TResult, TVariables>(
    document: TypedDocumentString<TResult, TVariables>,
    variables?: TVariables,
  ): Promise<ExecutionResult<TResult>>;
  /** POST any GraphQL text (for operations that codegen cannot type, e.g. invalid ones). */
  executeRaw(query: string, variables?: Record<string, unknown>): Promise<ExecutionResult<Record<string, unknown>>>;
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
    /**
     * Tests of similarity search itself: on a target without pgvector (the local PostgreSQL),
     * use a fresh, migrated embedded database instead.
     */
    needsVector?: boolean;
  } = {},
): Promise<TestApp> {
  const fresh = options.needsVector === true && !(await targetOffersVector());
  const database = fresh
    ? { config: { kind: 'embedded' as const, dataDir: 'memory://' }, loadDataDir: undefined, drop: async () => undefined }
    : await cloneTestDatabase(inject('testDatabase'));
  const base = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...options.env });
  const config: Config = {
    ...base,
    database: database.config,
    migrateOnStart: fresh,
    seedOnStart: options.seedDemo ?? false,
  };
  const app = await createApp(config, { ...options, loadDataDir: database.loadDataDir });
  const executeRaw = async (query: string, variables?: Record<string, unknown>) => {
    const response = await app.yoga.fetch('http://parley.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as ExecutionResult<Record<string, unknown>>;
  };
  return {
    ...app,
    config,
    executeRaw,
    execute: (document, variables) =>
      executeRaw(document.toString(), variables as Record<string, unknown> | undefined) as never,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
