// The one reader of process.env: environment variables become a typed, validated config.
import { z } from 'zod';

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);
const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());
const optionalUrl = z.preprocess(emptyAsUndefined, z.url().optional());

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: optionalUrl,
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  PARLEY_DATA_DIR: z.string().default('.parley-data'),
  PARLEY_MIGRATE_ON_START: z.preprocess(
    emptyAsUndefined,
    z.enum(['true', 'false']).optional().transform((v) => (v === undefined ? undefined : v === 'true')),
  ),
  PARLEY_SEED_ON_START: z.preprocess(
    emptyAsUndefined,
    z.enum(['true', 'false']).optional().transform((v) => (v === undefined ? undefined : v === 'true')),
  ),
  PARLEY_DEV_ACCOUNT: z.string().default('demo'),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  POSTMARK_SERVER_TOKEN: optionalString,
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalUrl,
  REDIS_URL: optionalUrl,
});

export type DatabaseConfig =
  | { kind: 'postgres'; url: string; poolSize: number }
  | { kind: 'embedded'; dataDir: string };

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  logLevel: string;
  database: DatabaseConfig;
  /** Apply pending migrations at start-up (always on for the embedded database). */
  migrateOnStart: boolean;
  /** Seed the demo account when the database holds no account yet. */
  seedOnStart: boolean;
  /** Slug of the account every request acts as until authentication lands. */
  devAccountSlug: string;
  shutdownTimeoutMs: number;
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const embedded = e.DATABASE_URL === undefined;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    database: embedded
      ? { kind: 'embedded', dataDir: e.PARLEY_DATA_DIR }
      : { kind: 'postgres', url: e.DATABASE_URL!, poolSize: e.DATABASE_POOL_SIZE },
    migrateOnStart: embedded || (e.PARLEY_MIGRATE_ON_START ?? false),
    seedOnStart: e.PARLEY_SEED_ON_START ?? embedded,
    devAccountSlug: e.PARLEY_DEV_ACCOUNT,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
  };
}

/** Read once at import: the schema builder needs it before any config object exists. */
export const isProduction = process.env.NODE_ENV === 'production';
