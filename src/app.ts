// Builds the whole application from a config: database (migrated and seeded when asked),
// services and the GraphQL handler. The server and every test go through createApp.
import { conversationAIFromConfig } from './ai/conversation-ai.js';
import type { Config } from './config.js';
import { hasVectorExtension, openDatabase, type OpenDatabaseOptions } from './db/client.js';
import { migrate } from './db/migrate.js';
import { seedDemoData } from './db/seed-demo.js';
import { createRateLimiter } from './domain/rate-limit.js';
import { createEventBus } from './events/bus.js';
import { createLogger, type Logger } from './logger.js';
import type { AppServices } from './services.js';
import { createParleyYoga, type ParleyYoga } from './yoga.js';

export interface App {
  services: AppServices;
  yoga: ParleyYoga;
  close(): Promise<void>;
}

export interface CreateAppOptions extends Pick<OpenDatabaseOptions, 'loadDataDir' | 'logQueries'> {
  logger?: Logger;
  now?: () => Date;
}

export async function createApp(config: Config, options: CreateAppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const database = await openDatabase(config.database, { ...options, logger });
  try {
    const { prisma } = database;
    if (config.migrateOnStart) {
      const result = await migrate(database.url);
      if (result.applied.length > 0) logger.info({ applied: result.applied }, 'database migrated');
    }
    if (config.seedOnStart && (await prisma.account.count()) === 0) {
      const seeded = await seedDemoData(prisma, { slug: config.devAccountSlug });
      logger.info(seeded, 'empty database seeded with demo data');
    }
    const devAccount = await prisma.account.upsert({
      where: { slug: config.devAccountSlug },
      update: {},
      create: { slug: config.devAccountSlug, name: 'Development account' },
    });
    const vectorSearchAvailable = await hasVectorExtension(prisma);
    if (!vectorSearchAvailable) {
      logger.warn('pgvector is not installed in this database: similarity search is unavailable, everything else works');
    }
    const now = options.now ?? (() => new Date());
    const services: AppServices = {
      config,
      logger,
      database,
      prisma,
      vectorSearchAvailable,
      devAccountId: devAccount.id,
      events: createEventBus(),
      ai: conversationAIFromConfig(config.ai, logger),
      rateLimiter: createRateLimiter(now),
      now,
    };
    const yoga = createParleyYoga(services);
    return { services, yoga, close: () => database.close() };
  } catch (error) {
    await database.close();
    throw error;
  }
}
