// The services object every request and domain function draws on, built once at start-up.
import type { Config } from './config.js';
import type { Database, PrismaClient } from './db/client.js';
import type { EventBus } from './events/bus.js';
import type { Logger } from './logger.js';
import type { Embedder } from './vector/embedder.js';

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
  /** The account every request acts as until authentication lands. */
  devAccountId: string;
  /** Conversation events for subscribers; publish only after the transaction commits. */
  events: EventBus;
  now(): Date;
}
