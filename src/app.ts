// Builds the whole application from a config: database (migrated and seeded when asked),
// services and the GraphQL handler. The server and every test go through createApp.
import type { Config } from './config.js';
import { hasVectorExtension, openDatabase, type OpenDatabaseOptions } from './db/client.js';
import { migrate } from './db/migrate.js';
import { seedDemoData } from './db/seed-demo.js';
import { createEventBus } from './events/bus.js';
import { createLogger, type Logger } from './logger.js';
import type { AppServices } from './services.js';
import { embedMissingConversations } from './domain/similar.js';
import { scopeToAccount } from './db/scoped.js';
import { createEmbedder } from './vector/index.js';
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
    let seededNow = false;
    if (config.seedOnStart && (await prisma.account.count()) === 0) {
      const seeded = await seedDemoData(prisma, { slug: config.devAccountSlug });
      logger.info(seeded, 'empty database seeded with demo data');
      seededNow = true;
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
    const services: AppServices = {
      config,
      logger,
      database,
      prisma,
      vectorSearchAvailable,
      embedder: createEmbedder(config.ai),
      devAccountId: devAccount.id,
      events: createEventBus(),
      now: options.now ?? (() => new Date()),
    };
    if (seededNow && vectorSearchAvailable) {
      // So the demo answers similarConversations from the first request.
      const viewer = { accountId: devAccount.id, actor: 'system:seed' };
      // A failing embedder (e.g. OpenAI unreachable) must not stop the server; search then
      // embeds a conversation's text when it is asked about.
      await embedMissingConversations({ viewer, db: scopeToAccount(prisma, viewer.accountId), services }).then(
        (embedded) => logger.info({ embedded, embedder: services.embedder.name }, 'demo conversations embedded'),
        (err: unknown) => logger.warn({ err }, 'demo conversations could not be embedded'),
      );
    }
    const yoga = createParleyYoga(services);
    return { services, yoga, close: () => database.close() };
  } catch (error) {
    await database.close();
    throw error;
  }
}
