// Builds the whole application from a config: database (migrated and seeded when asked),
// services and the GraphQL handler. The server and every test go through createApp.
import { conversationAIFromConfig } from './ai/conversation-ai.js';
import type { Config } from './config.js';
import { createPrincipalCache } from './auth/principals.js';
import { createTokenVerifier, type TokenVerifier } from './auth/tokens.js';
import { hasVectorExtension, openDatabase, type OpenDatabaseOptions, type PrismaClient } from './db/client.js';
import { createRateLimits, type RateLimits } from './limits/rate-limits.js';
import { migrate } from './db/migrate.js';
import { seedDemoData } from './db/seed-demo.js';
import { RECOVERY_ACTOR, recoverQueuedEmails, type RecoveryReport } from './domain/sending/index.js';
import { defaultDeliveryPolicy, type DeliveryPolicy } from './email/deliver.js';
import { createEmailSender } from './email/index.js';
import { createEventBus } from './events/bus.js';
import { createJobHandlers } from './background/job-registry.js';
import { defaultWorkerOptions, startJobWorker, type JobHandlers, type JobWorker, type WorkerOptions } from './jobs/worker.js';
import { createLogger, type Logger } from './logger.js';
import type { AppServices } from './services.js';
import { embedMissingConversations } from './domain/suggestions/index.js';
import { scopeToAccount } from './db/scoped.js';
import { createEmbedder } from './vector/index.js';
import { createParleyYoga, type ParleyYoga } from './yoga.js';
import { createMetrics, observeEventLag, type Metrics } from './metrics.js';
import { DEV_USER } from './dev-user.js';
import { startTracing } from './telemetry.js';

export interface App {
  services: AppServices;
  yoga: ParleyYoga;
  /** The background job worker, when this process runs one (config.jobs.runWorker). */
  worker?: JobWorker;
  /** Start-up recovery of queued emails, running in the background; undefined if it failed (logged). */
  startupRecovery: Promise<RecoveryReport | undefined>;
  close(): Promise<void>;
}

export interface CreateAppOptions extends Pick<OpenDatabaseOptions, 'loadDataDir' | 'logQueries' | 'embedded'> {
  logger?: Logger;
  now?: () => Date;
  /** Replace the job handlers (tests of the queue itself). */
  jobHandlers?: JobHandlers;
  workerOptions?: Partial<WorkerOptions>;
  rateLimits?: RateLimits;
  /** Retries, timeouts and lease of email delivery (tests shorten the backoff). */
  emailPolicy?: Partial<DeliveryPolicy>;
  metrics?: Metrics;
}

export { DEV_USER } from './dev-user.js';
const RECOVERY_INTERVAL_MS = 5 * 60_000;

/**
 * Outside production: the development account (the demo data's), an OWNER user in it, and a
 * token for that user, printed at start-up and pre-filled in GraphiQL.
 */
async function ensureDevelopmentAccess(prisma: PrismaClient, tokens: TokenVerifier, slug: string, ttlSeconds: number) {
  const account = await prisma.account.upsert({ where: { slug }, update: {}, create: { slug, name: 'Development account' } });
  const user = await prisma.user.upsert({
    where: { accountId_email: { accountId: account.id, email: DEV_USER.email } },
    update: { role: 'OWNER' },
    create: { accountId: account.id, email: DEV_USER.email, name: DEV_USER.name, role: 'OWNER' },
  });
  const token = await tokens.sign({ userId: user.id, accountId: account.id, role: 'OWNER' }, ttlSeconds);
  return { accountId: account.id, userId: user.id, token };
}

export async function createApp(config: Config, options: CreateAppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const database = await openDatabase(config.database, { ...options, logger, ...(config.seedOnStart ? { seedDemoAs: config.devAccountSlug } : {}) });
  try {
    const { prisma } = database;
    if (config.migrateOnStart) {
      const result = await migrate(database.url);
      if (result.applied.length > 0) logger.info({ applied: result.applied }, 'database migrated');
    }
    let seededNow = false;
    if (config.seedOnStart && (await prisma.account.count()) === 0) {
      const seeded = await seedDemoData(prisma, { slug: config.devAccountSlug });
      logger.info(seeded, 'empty database seeded with demo data');
      seededNow = true;
    }
    const now = options.now ?? (() => new Date());
    const tokens = createTokenVerifier(config.auth, () => now().getTime());
    const dev =
      config.env === 'production' ? undefined : await ensureDevelopmentAccess(prisma, tokens, config.devAccountSlug, config.auth.devTokenTtlSeconds);
    const vectorSearchAvailable = await hasVectorExtension(prisma);
    if (!vectorSearchAvailable) {
      logger.warn('pgvector is not installed in this database: similarity search is unavailable, everything else works');
    }
    const emailPolicy = { ...defaultDeliveryPolicy, lookupWindowMs: config.email.lookupWindowMs, ...options.emailPolicy };
    const metrics = options.metrics ?? createMetrics();
    const tracing = await startTracing(config.observability);
    const email = createEmailSender(config.email, { prisma, logger, requestTimeoutMs: emailPolicy.requestTimeoutMs });
    logger.info({ sender: email.name }, email.name === 'outbox' ? 'no POSTMARK_SERVER_TOKEN: emails go to the local outbox' : 'emails are sent through Postmark');
    const services: AppServices = {
      config,
      logger,
      database,
      prisma,
      vectorSearchAvailable,
      devAccountId: dev?.accountId ?? '',
      devToken: dev?.token,
      tokens,
      principals: createPrincipalCache({
        ttlMs: config.auth.principalCacheTtlMs,
        redisUrl: config.redisUrl,
        now: () => now().getTime(),
        onError: (err) => logger.warn({ err }, 'principal cache: Redis unavailable, reading the database'),
      }),
      rateLimits: options.rateLimits ?? createRateLimits({ redisUrl: config.redisUrl, logger }),
      events: createEventBus({ redisUrl: config.redisUrl, logger, onDelivered: (event) => observeEventLag(metrics, event) }),
      jobs: { wake: () => undefined },
      email,
      emailPolicy,
      ai: conversationAIFromConfig(config.ai, logger),
      embedder: createEmbedder(config.ai),
      metrics,
      now,
    };
    metrics.observe({ prisma, activeSubscriptions: () => services.events.activeSubscriptions() });
    const worker = config.jobs.runWorker
      ? startJobWorker(services, options.jobHandlers ?? createJobHandlers(), {
          ...defaultWorkerOptions,
          concurrency: config.jobs.concurrency,
          pollIntervalMs: config.jobs.pollIntervalMs,
          baseDelayMs: config.jobs.retryBaseDelayMs,
          ...options.workerOptions,
        })
      : undefined;
    if (worker) services.jobs.wake = () => worker.wake();
    // In the background, not holding /ready: similarConversations embeds on demand what is not
    // embedded yet, so nothing waits for this; it only makes the demo's first searches fast. Also
    // when the demo came already seeded in the template (then seededNow is false); on a restart
    // it finds nothing missing in one query. A failing embedder (e.g. OpenAI unreachable) must
    // not stop the server.
    const demoEmbedding =
      (seededNow || (config.seedOnStart && config.database.kind === 'embedded')) && vectorSearchAvailable && dev
        ? embedMissingConversations({
            viewer: { accountId: dev.accountId, actor: 'system:seed', role: 'OWNER' as const },
            db: scopeToAccount(prisma, dev.accountId),
            services,
          }).then(
            (embedded) => logger.info({ embedded, embedder: services.embedder.name }, 'demo conversations embedded'),
            (err: unknown) => logger.warn({ err }, 'demo conversations could not be embedded'),
          )
        : Promise.resolve();
    const yoga = createParleyYoga(services, { extraPlugins: tracing ? [tracing.plugin] : [] });
    // In the background: a slow or unreachable provider must not hold up start-up.
    const startupRecovery = recoverQueuedEmails({ services, actor: RECOVERY_ACTOR }).catch((err: unknown) => {
      logger.error({ err }, 'recovering queued emails failed; they stay queued for the next run');
      return undefined;
    });
    // Where jobs run, emails whose outcome stayed unknown are settled periodically too (each
    // is leased, so several instances doing this never send one twice).
    const recoveryTimer = worker
      ? setInterval(() => void recoverQueuedEmails({ services, actor: RECOVERY_ACTOR }).catch((err: unknown) => logger.error({ err }, 'periodic email recovery failed')), RECOVERY_INTERVAL_MS)
      : undefined;
    recoveryTimer?.unref();
    return {
      services,
      yoga,
      worker,
      startupRecovery,
      close: async () => {
        clearInterval(recoveryTimer);
        await demoEmbedding;
        await startupRecovery;
        await worker?.stop();
        await services.events.close();
        await services.rateLimits.close();
        await tracing?.shutdown();
        await services.principals.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
