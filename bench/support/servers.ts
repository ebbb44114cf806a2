// The two servers every HTTP benchmark compares, on the same benchmark database: Parley
// (the real startServer) and the bare node:http + pg floor, each in its own process.
import { DEV_WEBHOOK_PASSWORD, DEV_WEBHOOK_USERNAME } from '../../src/config.js';
import { benchDatabaseUrl, BENCH_ACCOUNT, type BenchDatabase } from '../generate.js';
import { spawnServer } from './spawn.js';

/** Parley runs in production mode; benchmarks sign their tokens with this secret. */
export const BENCH_JWT_SECRET = 'parley-benchmark-secret-for-loopback-runs-only';

export interface ParleyInfo {
  url: string;
  /** An OWNER token for the benchmark account. */
  token: string;
  pid: number;
  accountId: string;
}

/**
 * Parley's environment: production mode, as deployed (no GraphiQL, no development checks),
 * the development webhook credentials, no external service (local outbox, offline AI), no
 * job worker unless asked.
 */
export function parleyEnv(target: BenchDatabase, overrides: Record<string, string> = {}): Record<string, string> {
  const databaseEnv: Record<string, string> =
    'embeddedDir' in target
      ? { PARLEY_DATA_DIR: target.embeddedDir, DATABASE_URL: '' }
      : { DATABASE_URL: benchDatabaseUrl(target.database), DATABASE_POOL_SIZE: '10' };
  return {
    ...databaseEnv,
    NODE_ENV: 'production',
    AUTH_JWT_SECRET: BENCH_JWT_SECRET,
    POSTMARK_WEBHOOK_USERNAME: DEV_WEBHOOK_USERNAME,
    POSTMARK_WEBHOOK_PASSWORD: DEV_WEBHOOK_PASSWORD,
    PARLEY_MIGRATE_ON_START: 'false',
    PARLEY_DEV_ACCOUNT: BENCH_ACCOUNT,
    JOBS_RUN_WORKER: 'false',
    PARLEY_SEED_ON_START: 'false',
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
 * The floor on the same data and pool size. An embedded folder is served to it by PGlite in a
 * process of its own (a pool of one, as Parley has there), so it must run while no Parley
 * server holds the folder. `pids`: the floor's processes (the server, and that PGlite).
 */
export async function withBareServer<T>(
  target: BenchDatabase,
  fn: (url: string, pids: number[]) => Promise<T>,
  options: { databaseUrl?: string; applicationName?: string } = {},
): Promise<T> {
  const database =
    'embeddedDir' in target
      ? await spawnServer<{ url: string; pid: number }>('bench/support/embedded-database.ts', { PARLEY_DATA_DIR: target.embeddedDir })
      : undefined;
  try {
    const bare = await spawnServer<{ url: string; pid: number }>('bench/support/bare-sql-server.ts', {
      DATABASE_URL: database ? database.info.url : (options.databaseUrl ?? benchDatabaseUrl((target as { database: string }).database)),
      DATABASE_POOL_SIZE: database ? '1' : '10',
      PARLEY_DEV_ACCOUNT: BENCH_ACCOUNT,
      ...(options.applicationName ? { BENCH_APPLICATION_NAME: options.applicationName } : {}),
    });
    try {
      return await fn(bare.info.url, [bare.info.pid, ...(database ? [database.info.pid] : [])]);
    } finally {
      await bare.stop();
    }
  } finally {
    await database?.stop();
  }
}
