// The services object every request and domain function draws on, built once at start-up.
import type { PrincipalCache } from './auth/principals.js';
import type { TokenVerifier } from './auth/tokens.js';
import type { Config } from './config.js';
import type { Database, PrismaClient } from './db/client.js';
import type { DeliveryPolicy } from './email/deliver.js';
import type { EmailSender } from './email/sender.js';
import type { ConversationAI } from './ai/port.js';
import type { EventBus } from './events/bus.js';
import type { Logger } from './logger.js';
import type { RateLimits } from './limits/rate-limits.js';
import type { Embedder } from './vector/embedder.js';
import type { Metrics } from './metrics.js';
import type { WebhookSender } from './outbound-webhooks/sender.js';

export interface AppServices {
  config: Config;
  logger: Logger;
  database: Database;
  /** Unscoped client: start-up, migrations, jobs. Requests use the account-scoped one. */
  prisma: PrismaClient;
  /** Whether pgvector is installed; similarity search reports itself unavailable otherwise. */
  vectorSearchAvailable: boolean;
  /** Turns conversations and search text into vectors: OpenAI when a key is set, offline otherwise. */
  embedder: Embedder;
  /** The development account (the demo data's); empty in production, where there is none. */
  devAccountId: string;
  /** An OWNER token for the development account, printed at start-up (not in production). */
  devToken?: string;
  tokens: TokenVerifier;
  /** Users' and API keys' current role and existence, remembered for seconds (src/auth/principals.ts). */
  principals: PrincipalCache;
  rateLimits: RateLimits;
  /** Conversation events for subscribers; publish only after the transaction commits. */
  events: EventBus;
  /** Nudges this process's job worker after enqueueing (a no-op where no worker runs). */
  jobs: { wake(): void };
  /** Sends email: Postmark with POSTMARK_SERVER_TOKEN, else the local outbox. */
  email: EmailSender;
  /** Retries, timeouts and the send lease (src/email/deliver.ts). */
  emailPolicy: DeliveryPolicy;
  /** Analyses replies and drafts answers: the model when configured, the offline provider otherwise. */
  ai: ConversationAI;
  /** Posts signed outbound webhooks, refusing non-public addresses unless configured (SSRF). */
  webhookSender: WebhookSender;
  /** Prometheus figures (served at /metrics when METRICS_TOKEN is set). */
  metrics: Metrics;
  now(): Date;
}
