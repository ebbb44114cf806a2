// A real HTTP + WebSocket server on an ephemeral loopback port, on a fresh test database.
import { inject } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import type { CreateAppOptions } from '../../src/app.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { acquireTestDatabase, type TestDatabase } from './database.js';

export interface TestServer {
  running: RunningServer;
  url: string;
  wsUrl: string;
  database: TestDatabase;
  close(): Promise<void>;
}

export async function startTestServer(
  options: { env?: Record<string, string>; database?: TestDatabase; config?: Partial<Config>; app?: Omit<CreateAppOptions, 'loadDataDir'> } = {},
): Promise<TestServer> {
  const database = options.database ?? (await acquireTestDatabase(inject('testDatabase')));
  const config: Config = {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1', JOBS_RUN_WORKER: 'false', SEND_UNDO_WINDOW_SECONDS: '0', ...options.env }),
    database: database.config,
    migrateOnStart: false,
    seedOnStart: false,
    ...options.config,
  };
  let running: RunningServer;
  try {
    running = await startServer(config, { ...options.app, loadDataDir: database.loadDataDir, ...(database.embedded ? { embedded: database.embedded } : {}) });
  } catch (error) {
    if (!options.database) await database.drop();
    throw error;
  }
  return {
    running,
    url: running.url,
    wsUrl: `${running.url.replace(/^http/, 'ws')}/graphql`,
    database,
    async close() {
      await running.stop();
      if (!options.database) await database.drop();
    },
  };
}
