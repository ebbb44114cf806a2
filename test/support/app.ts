// Builds the real application for a test file on its own database, and a typed executor
// that calls it through yoga.fetch exactly as an HTTP client would.
import type { ExecutionResult } from 'graphql';
import { inject } from 'vitest';
import { createApp, type App, type CreateAppOptions } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import type { TypedDocumentString } from '../gql/graphql.js';
import { migrate } from '../../src/db/migrate.js';
import { cloneTestDatabase, createEmptyDatabase, type TestDatabase } from './database.js';

/** The local PostgreSQL server, for tests that need real concurrent transactions on any run. */
export const LOCAL_POSTGRES_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';

/** A fresh, migrated database of its own on the local PostgreSQL server (PGlite is one connection). */
export async function createLocalPostgresDatabase(poolSize = 12): Promise<TestDatabase & { url: string }> {
  const empty = await createEmptyDatabase({ kind: 'postgres', serverUrl: LOCAL_POSTGRES_URL, template: 'unused' });
  await migrate(empty.url);
  return { url: empty.url, config: { kind: 'postgres', url: empty.url, poolSize }, drop: empty.drop };
}

export interface TestApp extends App {
  config: Config;
  execute<TResult, TVariables>(
    document: TypedDocumentString<TResult, TVariables>,
    variables?: TVariables,
  ): Promise<ExecutionResult<TResult>>;
  /** POST any GraphQL text (for operations that codegen cannot type, e.g. invalid ones). */
  executeRaw(query: string, variables?: Record<string, unknown>): Promise<ExecutionResult<Record<string, unknown>>>;
}

export async function createTestApp(
  options: CreateAppOptions & {
    env?: Record<string, string>;
    seedDemo?: boolean;
    /** Use this database instead of a clone of the run's template (dropped on close). */
    database?: TestDatabase;
  } = {},
): Promise<TestApp> {
  const database = options.database ?? (await cloneTestDatabase(inject('testDatabase')));
  const base = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...options.env });
  const config: Config = {
    ...base,
    database: database.config,
    migrateOnStart: false,
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
