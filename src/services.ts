// The services object every request and domain function draws on, built once at start-up.
import type { ConversationAI } from './ai/port.js';
import type { Config } from './config.js';
import type { Database, PrismaClient } from './db/client.js';
import type { RateLimiter } from './domain/rate-limit.js';
import type { EventBus } from './events/bus.js';
import type { Logger } from './logger.js';

export interface AppServices {
  config: Config;
  logger: Logger;
  database: Database;
  /** Unscoped client: start-up, migrations, jobs. Requests use the account-scoped one. */
  prisma: PrismaClient;
  /** Whether pgvector is installed; similarity search reports itself unavailable otherwise. */
  vectorSearchAvailable: boolean;
  /** The account every request acts as until authentication lands. */
  devAccountId: string;
  /** Conversation events for subscribers; publish only after the transaction commits. */
  events: EventBus;
  /** Analyses replies and drafts answers: the model when configured, the offline provider otherwise. */
  ai: ConversationAI;
  /** Per-viewer limits on costly mutations (regenerateSuggestion). */
  rateLimiter: RateLimiter;
  now(): Date;
}
