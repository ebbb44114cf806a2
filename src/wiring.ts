// Builds the services every layer receives (AppServices) from the config and an open database.
// Construction only: no start-up work on the data (src/bootstrap.ts), nothing in the
// background (src/background/work.ts).
import { conversationAIFromConfig } from './ai/conversation-ai.js';
import { createPrincipalCache } from './auth/principals.js';
import type { TokenVerifier } from './auth/tokens.js';
import type { DevelopmentAccess } from './bootstrap.js';
import type { Config } from './config.js';
import { hasVectorExtension, type Database } from './db/client.js';
import { defaultDeliveryPolicy, type DeliveryPolicy } from './email/deliver.js';
import { createEmailSender } from './email/index.js';
import { createEventBus } from './events/bus.js';
import { createRateLimits, type RateLimits } from './limits/rate-limits.js';
import type { Logger } from './logger.js';
import { createMetrics, observeEventLag, type Metrics } from './metrics.js';
import type { AppServices } from './services.js';
import { startTracing, type Tracing } from './telemetry.js';
import { createEmbedder } from './vector/index.js';
import { createWebhookSender } from './outbound-webhooks/sender.js';

export interface WiringOptions {
  logger: Logger;
  now: () => Date;
  tokens: TokenVerifier;
  dev?: DevelopmentAccess;
  rateLimits?: RateLimits;
  emailPolicy?: Partial<DeliveryPolicy>;
  metrics?: Metrics;
}

export async function buildServices(config: Config, database: Database, options: WiringOptions): Promise<{ services: AppServices; tracing?: Tracing }> {
  const { logger, now, dev } = options;
  const { prisma } = database;
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
    tokens: options.tokens,
    principals: createPrincipalCache({
      ttlMs: config.auth.principalCacheTtlMs,
      redisUrl: config.redisUrl,
      now: () => now().getTime(),
      onError: (err) => logger.warn({ err }, 'principal cache: Redis unavailable, reading the database'),
    }),
    rateLimits: options.rateLimits ?? createRateLimits({ redisUrl: config.redisUrl, logger }),
    events: createEventBus({ redisUrl: config.redisUrl, logger, onDelivered: (event) => observeEventLag(metrics, event) }),
    // Set by the job worker when this process runs one (src/background/work.ts).
    jobs: { wake: () => undefined },
    email,
    emailPolicy,
    ai: conversationAIFromConfig(config.ai, logger),
    embedder: createEmbedder(config.ai),
    webhookSender: createWebhookSender(config.outboundWebhooks),
    metrics,
    now,
  };
  metrics.observe({ prisma, activeSubscriptions: () => services.events.activeSubscriptions() });
  return { services, tracing };
}
