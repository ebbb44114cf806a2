// Builds the real application for a test file on its own database, and a typed executor
// that calls it through yoga.fetch exactly as an HTTP client would.
import type { ExecutionResult } from 'graphql';
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

export async function createTestApp(
  options: CreateAppOptions & { env?: Record<string, string>; seedDemo?: boolean } = {},
): Promise<TestApp> {
  const database = await cloneTestDatabase(inject('testDatabase'));
  const base = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JOBS_RUN_WORKER: 'false', ...options.env });
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
