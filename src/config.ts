// The one reader of process.env: environment variables become a typed, validated config.
import { z } from 'zod';

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);
const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());
const optionalUrl = z.preprocess(emptyAsUndefined, z.url().optional());
// Exactly "true" or "false" (lower case), as the README documents; anything else is a typed config error.
const boolean = z.stringbool({ truthy: ['true'], falsy: ['false'], case: 'sensitive' });
const optionalBoolean = z.preprocess(emptyAsUndefined, boolean.optional());

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: optionalString,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: optionalUrl,
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  PARLEY_DATA_DIR: z.string().default('.parley-data'),
  PARLEY_MIGRATE_ON_START: optionalBoolean,
  PARLEY_SEED_ON_START: optionalBoolean,
  PARLEY_DEV_ACCOUNT: z.string().default('demo'),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  // Email (Postmark, or the local outbox when no token is set)
  POSTMARK_SERVER_TOKEN: optionalString,
  POSTMARK_API_URL: optionalUrl,
  POSTMARK_MESSAGE_STREAM: z.string().default('outbound'),
  EMAIL_FROM_ADDRESS: z.email().default('sales@parley.example.com'),
  EMAIL_FROM_NAME: z.string().default('Parley Sales'),
  INBOUND_EMAIL_DOMAIN: z.string().default('inbound.parley.example.com'),
  EMAIL_LOOKUP_WINDOW_MS: z.coerce.number().int().min(0).default(15 * 60_000),
  // Every send waits this long, cancellable, before it goes (an account may set its own).
  SEND_UNDO_WINDOW_SECONDS: z.coerce.number().int().min(0).max(3600).default(5),
  POSTMARK_WEBHOOK_USERNAME: optionalString,
  POSTMARK_WEBHOOK_PASSWORD: optionalString,
  WEBHOOK_MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(60 * 1024 * 1024),
  INBOUND_STORE_ATTACHMENT_CONTENT: boolean.default(false),
  // Privacy (docs/privacy.md)
  PRIVACY_HASH_KEY: z.string().min(16).default('parley-suppression-v1-default-key'),
  PRIVACY_EXPORT_MAX_BYTES: z.coerce.number().int().min(1024).default(32 * 1024 * 1024),
  // Outbound webhooks (docs/webhooks.md)
  WEBHOOKS_ALLOW_HTTP: boolean.default(false),
  WEBHOOKS_ALLOW_PRIVATE_ADDRESSES: boolean.default(false),
  WEBHOOKS_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  WEBHOOKS_DISABLE_AFTER_FAILURES: z.coerce.number().int().min(1).default(5),
  WEBHOOKS_DISABLE_AFTER_MS: z.coerce.number().int().min(0).default(5 * 24 * 3600_000),
  // Background jobs
  JOBS_RUN_WORKER: boolean.default(true),
  JOBS_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  JOBS_POLL_INTERVAL_MS: z.coerce.number().int().min(10).default(1000),
  JOBS_RETRY_BASE_DELAY_MS: z.coerce.number().int().min(1).default(2000),
  // Live events: how long the durable event log keeps them for replay (conversationEvents(since:))
  EVENT_LOG_RETENTION_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(7 * 24),
  // AI (OpenAI or any OpenAI-compatible server; the offline provider when no key is set)
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalUrl,
  AI_ANALYSIS_MODEL: z.string().default('gpt-4o-mini'),
  AI_DRAFT_MODEL: z.string().default('gpt-4o-mini'),
  AI_PREMIUM_MODEL: z.string().default('gpt-4o'),
  AI_PREMIUM_MIN_LEAD_VALUE: z.coerce.number().min(0).default(5000),
  AI_EMBEDDING_MODEL: z.string().default('text-embedding-3-small'),
  AI_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  AI_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  AI_OFFER_FACTS: optionalString,
  // Authentication and API limits
  AUTH_JWT_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32, 'must be at least 32 characters').optional()),
  AUTH_JWKS_URL: optionalUrl,
  AUTH_JWT_ISSUER: z.string().default('parley'),
  AUTH_JWT_AUDIENCE: z.string().default('parley-api'),
  AUTH_TOKEN_MAX_LIFETIME_SECONDS: z.coerce.number().int().min(60).max(7 * 24 * 3600).default(24 * 3600),
  AUTH_DEV_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).default(8 * 3600),
  AUTH_CACHE_TTL_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
  AUTH_RECHECK_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(5_000),
  CORS_ORIGINS: optionalString,
  HTML_REMOTE_IMAGES: z.enum(['keep', 'block']).default('keep'),
  GRAPHIQL: optionalBoolean,
  GRAPHQL_INTROSPECTION: optionalBoolean,
  GRAPHQL_REQUEST_REPLAY: optionalBoolean,
  MAX_REQUEST_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(15_000),
  // How long a transaction may wait for a connection (default: 60 s embedded, 2 s PostgreSQL)
  DATABASE_TRANSACTION_MAX_WAIT_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).optional()),
  // false behind a pooler that cannot keep prepared statements (PgBouncer transaction mode before 1.21)
  DATABASE_PREPARED_STATEMENTS: z.preprocess(emptyAsUndefined, boolean.default(true)),
  // Events across instances, and WebSocket keep-alive
  REDIS_URL: optionalUrl,
  WS_HEARTBEAT_MS: z.coerce.number().int().min(50).default(30_000),
  // Observability
  METRICS_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(16, 'must be at least 16 characters').optional()),
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl,
  OTEL_SERVICE_NAME: z.string().default('parley'),
});

export type DatabaseConfig =
  | { kind: 'postgres'; url: string; poolSize: number; statementTimeoutMs?: number; preparedStatements?: boolean; transactionMaxWaitMs?: number }
  | { kind: 'embedded'; dataDir: string; transactionMaxWaitMs?: number };

export class ConfigError extends Error {}

/** Development-only webhook credentials (README documents them). */
export const DEV_WEBHOOK_USERNAME = 'postmark';
export const DEV_WEBHOOK_PASSWORD = 'parley-dev-webhook';
/** Development-only JWT secret: tokens signed with it are refused in production. */
export const DEV_JWT_SECRET = 'parley-development-jwt-secret-not-for-production';

/**
 * CORS_ORIGINS: comma-separated origins ("https://app.example.com"). Unset: none in
 * production; outside production, pages served from loopback (any port).
 */
function parseOrigins(value: string | undefined, env: string): string[] {
  if (value === undefined) return env === 'production' ? [] : ['http://localhost', 'http://127.0.0.1', 'http://[::1]'].flatMap((o) => [o, `${o}:*`]);
  const origins = value.split(',').map((o) => o.trim()).filter((o) => o.length > 0);
  for (const origin of origins) {
    if (!/^https?:\/\/[^/\s*]+(:(\d+|\*))?$/.test(origin)) throw new ConfigError(`Invalid configuration: CORS_ORIGINS: "${origin}" is not an origin like https://app.example.com`);
  }
  return origins;
}

/**
 * The environment, validated, turned into the configuration the app reads. Config is inferred
 * from it (one source of truth); the comments on the fields below are what an editor shows.
 */
const configSchema = envSchema.transform((e) => {
  if (e.NODE_ENV === 'production' && !e.AUTH_JWT_SECRET && !e.AUTH_JWKS_URL) {
    throw new ConfigError('Invalid configuration: AUTH_JWT_SECRET or AUTH_JWKS_URL is required in production');
  }
  const embedded = e.DATABASE_URL === undefined;
  const database: DatabaseConfig = embedded
    ? { kind: 'embedded', dataDir: e.PARLEY_DATA_DIR, transactionMaxWaitMs: e.DATABASE_TRANSACTION_MAX_WAIT_MS }
    : {
        kind: 'postgres',
        url: e.DATABASE_URL!,
        poolSize: e.DATABASE_POOL_SIZE,
        statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
        preparedStatements: e.DATABASE_PREPARED_STATEMENTS,
        transactionMaxWaitMs: e.DATABASE_TRANSACTION_MAX_WAIT_MS,
      };
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    // Loopback outside production: a development server (with its OWNER token) is not for the network.
    host: e.HOST ?? (e.NODE_ENV === 'production' ? '0.0.0.0' : '127.0.0.1'),
    logLevel: e.LOG_LEVEL,
    database,
    /** Apply pending migrations at start-up (always on for the embedded database). */
    migrateOnStart: embedded || (e.PARLEY_MIGRATE_ON_START ?? false),
    /** Seed the demo account when the database holds no account yet. */
    seedOnStart: e.PARLEY_SEED_ON_START ?? embedded,
    /** Outside production: the development account, whose OWNER token is printed at start-up. */
    devAccountSlug: e.PARLEY_DEV_ACCOUNT,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    email: {
      /** Unset: the local outbox stores what would be sent. */
      postmarkServerToken: e.POSTMARK_SERVER_TOKEN,
      /** Another Postmark API host (EU endpoint, tests). */
      postmarkApiUrl: e.POSTMARK_API_URL,
      messageStream: e.POSTMARK_MESSAGE_STREAM,
      fromAddress: e.EMAIL_FROM_ADDRESS,
      fromName: e.EMAIL_FROM_NAME,
      /** Replies go to replies+HASH@inboundDomain, which Postmark routes to the inbound webhook. */
      inboundDomain: e.INBOUND_EMAIL_DOMAIN,
      /** After a send with an unknown outcome, how long the provider's search is trusted to catch up (src/email/deliver.ts). */
      lookupWindowMs: e.EMAIL_LOOKUP_WINDOW_MS,
      /** Seconds every send waits, cancellable, for an account that has not set its own undo window. */
      undoWindowSeconds: e.SEND_UNDO_WINDOW_SECONDS,
    },
    webhooks: {
      /**
       * Basic-auth credentials Postmark must send. Outside production they default to
       * postmark / parley-dev-webhook; in production, unset means every webhook call is refused.
       */
      username: e.POSTMARK_WEBHOOK_USERNAME ?? (e.NODE_ENV === 'production' ? undefined : DEV_WEBHOOK_USERNAME),
      password: e.POSTMARK_WEBHOOK_PASSWORD ?? (e.NODE_ENV === 'production' ? undefined : DEV_WEBHOOK_PASSWORD),
      /** Largest webhook body accepted, in bytes (Postmark inbound JSON can reach ~50 MB). */
      maxBodyBytes: e.WEBHOOK_MAX_BODY_BYTES,
      /** Keep inbound attachments' base64 content (otherwise only name, type and size). */
      storeAttachmentContent: e.INBOUND_STORE_ATTACHMENT_CONTENT,
    },
    privacy: {
      /**
       * Key of the HMAC that keeps an erased lead's address as a hash (suppressed_addresses).
       * Changing it forgets every suppression made before.
       */
      hashKey: e.PRIVACY_HASH_KEY,
      /**
       * Largest lead export (exportLeadData), in bytes of the stored text it would carry
       * (messages and their sent copies), measured before anything is read: EXPORT_TOO_LARGE beyond.
       */
      exportMaxBytes: e.PRIVACY_EXPORT_MAX_BYTES,
    },
    outboundWebhooks: {
      /** Endpoints may be http:// (development, tests); otherwise https only. */
      allowHttp: e.WEBHOOKS_ALLOW_HTTP,
      /** Endpoints may resolve to private, loopback, link-local... addresses (development, tests); otherwise refused (SSRF). */
      allowPrivateAddresses: e.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES,
      /** One delivery attempt, connect to answer. */
      timeoutMs: e.WEBHOOKS_TIMEOUT_MS,
      /** An endpoint is disabled after this many deliveries in a row failed (every attempt)... */
      disableAfterFailures: e.WEBHOOKS_DISABLE_AFTER_FAILURES,
      /** ...or when a delivery fails for good and its deliveries have been failing for this long. */
      disableAfterMs: e.WEBHOOKS_DISABLE_AFTER_MS,
    },
    jobs: {
      /** Run the background job worker in this process. */
      runWorker: e.JOBS_RUN_WORKER,
      concurrency: e.JOBS_CONCURRENCY,
      pollIntervalMs: e.JOBS_POLL_INTERVAL_MS,
      retryBaseDelayMs: e.JOBS_RETRY_BASE_DELAY_MS,
    },
    events: {
      /** How long the event log keeps events for replay; a `since` older than this must refetch. */
      logRetentionHours: e.EVENT_LOG_RETENTION_HOURS,
    },
    ai: {
      /** Unset: the offline analyser and drafter. */
      openaiApiKey: e.OPENAI_API_KEY,
      openaiBaseUrl: e.OPENAI_BASE_URL,
      analysisModel: e.AI_ANALYSIS_MODEL,
      draftModel: e.AI_DRAFT_MODEL,
      premiumModel: e.AI_PREMIUM_MODEL,
      /** Leads worth at least this much get the premium drafting model. */
      premiumMinLeadValue: e.AI_PREMIUM_MIN_LEAD_VALUE,
      embeddingModel: e.AI_EMBEDDING_MODEL,
      timeoutMs: e.AI_TIMEOUT_MS,
      maxRetries: e.AI_MAX_RETRIES,
      /** What we sell, in plain sentences (prices, links, terms): the only such facts a draft may state. */
      offerFacts: e.AI_OFFER_FACTS,
    },
    redisUrl: e.REDIS_URL,
    /** WebSocket ping interval; a peer that misses one ping is dropped. */
    wsHeartbeatMs: e.WS_HEARTBEAT_MS,
    auth: {
      /** HS256 secret for bearer JWTs; outside production a fixed development secret. */
      jwtSecret: e.AUTH_JWT_SECRET ?? (e.NODE_ENV === 'production' || e.AUTH_JWKS_URL ? undefined : DEV_JWT_SECRET),
      /** Verify JWTs against this JWKS instead (RS256/ES256 from an identity provider). */
      jwksUrl: e.AUTH_JWKS_URL,
      issuer: e.AUTH_JWT_ISSUER,
      audience: e.AUTH_JWT_AUDIENCE,
      /** Longest a token may live (exp - iat), in seconds; longer tokens are refused. */
      maxTokenLifetimeSeconds: e.AUTH_TOKEN_MAX_LIFETIME_SECONDS,
      /** Lifetime of the development OWNER token printed at start-up. */
      devTokenTtlSeconds: Math.min(e.AUTH_DEV_TOKEN_TTL_SECONDS, e.AUTH_TOKEN_MAX_LIFETIME_SECONDS),
      /** How long a user's role and existence (and an API key's state) are remembered; 0: never. */
      principalCacheTtlMs: e.AUTH_CACHE_TTL_MS,
      /** How often a live subscription checks that its credential still holds. */
      recheckIntervalMs: e.AUTH_RECHECK_INTERVAL_MS,
    },
    observability: {
      /** Bearer token Prometheus sends to scrape /metrics; unset: /metrics is off (404). */
      metricsToken: e.METRICS_TOKEN,
      /** OTLP/HTTP collector base URL (traces go to <url>/v1/traces); unset: no tracing at all. */
      otlpEndpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT,
      serviceName: e.OTEL_SERVICE_NAME,
    },
    /** Origins allowed to call the API from a browser (CORS); empty: none. */
    corsOrigins: parseOrigins(e.CORS_ORIGINS, e.NODE_ENV),
    /** Remote images in sanitised HTML bodies: kept, or removed (they can track that an email was read). */
    htmlRemoteImages: e.HTML_REMOTE_IMAGES,
    graphql: {
      graphiql: e.GRAPHIQL ?? e.NODE_ENV !== 'production',
      introspection: e.GRAPHQL_INTROSPECTION ?? e.NODE_ENV !== 'production',
      /** Largest GraphQL request body, in bytes. */
      maxRequestBytes: e.MAX_REQUEST_BYTES,
      /** Repeated compiled reads answered without Yoga's per-request work (src/compiled-read/replay.ts). */
      requestReplay: e.GRAPHQL_REQUEST_REPLAY ?? true,
    },
  };
});

export type Config = z.infer<typeof configSchema>;

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}

/** Read once at import: the schema builder needs it before any config object exists. */
export const isProduction = process.env.NODE_ENV === 'production';
