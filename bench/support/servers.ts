// The two servers every HTTP benchmark compares, on the same benchmark database: Parley
// (the real startServer) and the bare node:http + pg floor, each in its own process.
import { benchDatabaseUrl, BENCH_ACCOUNT, withBenchDatabase, type BenchDatabase } from '../generate.js';
import { spawnServer } from './spawn.js';

export interface ParleyInfo {
  url: string;
  /** The development account's OWNER token. */
  token: string;
  pid: number;
  accountId: string;
}

/** Parley's environment: no external service (local outbox, offline AI), no job worker unless asked. */
export function parleyEnv(target: BenchDatabase, overrides: Record<string, string> = {}): Record<string, string> {
  const databaseEnv: Record<string, string> =
    'embeddedDir' in target
      ? { PARLEY_DATA_DIR: target.embeddedDir, DATABASE_URL: '' }
      : { DATABASE_URL: benchDatabaseUrl(target.database), DATABASE_POOL_SIZE: '10' };
  return {
    ...databaseEnv,
    PARLEY_DEV_ACCOUNT: BENCH_ACCOUNT,
    JOBS_RUN_WORKER: 'false',
    PARLEY_SEED_ON_START: 'false',
    NODE_ENV: 'development',
    POSTMARK_SERVER_TOKEN: '',
    OPENAI_API_KEY: '',
    OPENAI_BASE_URL: '',
    ...overrides,
  };
}

export async function withParleyServer<T>(
  target: BenchDatabase,
  options: { env?: Record<string, string>; nodeArgs?: string[] },
  fn: (server: ParleyInfo) => Promise<T>,
): Promise<T> {
  const parley = await spawnServer<ParleyInfo>('bench/support/parley-server.ts', parleyEnv(target, options.env), options.nodeArgs);
  try {
    return await fn(parley.info);
  } finally {
    await parley.stop();
  }
}

/**
 * The floor on the same data and pool size. An embedded folder reaches it through a PGlite
 * socket of this process (a pool of one, as Parley has there), so it must run while no
 * Parley server holds the folder.
 */
export async function withBareServer<T>(target: BenchDatabase, fn: (url: string) => Promise<T>): Promise<T> {
  return withBenchDatabase(target, async (databaseUrl) => {
    const bare = await spawnServer<{ url: string }>('bench/support/bare-sql-server.ts', {
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: 'embeddedDir' in target ? '1' : '10',
      PARLEY_DEV_ACCOUNT: BENCH_ACCOUNT,
    });
    try {
      return await fn(bare.info.url);
    } finally {
      await bare.stop();
    }
  });
}
