// Builds the whole application from a config: database (migrated and seeded when asked),
// services and the GraphQL handler. The server and every test go through createApp.
import type { Config } from './config.js';
import { hasVectorExtension, openDatabase, type OpenDatabaseOptions } from './db/client.js';
import { migrate } from './db/migrate.js';
import { seedDemoData } from './db/seed-demo.js';
import { recoverQueuedEmails, type RecoveryReport } from './domain/recover-emails.js';
import { defaultDeliveryPolicy, type DeliveryPolicy } from './email/deliver.js';
import { createEmailSender } from './email/index.js';
import { createEventBus } from './events/bus.js';
import { createLogger, type Logger } from './logger.js';
import type { AppServices } from './services.js';
import { createParleyYoga, type ParleyYoga } from './yoga.js';

export interface App {
  services: AppServices;
  yoga: ParleyYoga;
  /** Start-up recovery of queued emails, running in the background; undefined if it failed (logged). */
  startupRecovery: Promise<RecoveryReport | undefined>;
  close(): Promise<void>;
}

export interface CreateAppOptions extends Pick<OpenDatabaseOptions, 'loadDataDir' | 'logQueries'> {
  logger?: Logger;
  now?: () => Date;
  /** Retries, timeouts and lease of email delivery (tests shorten the backoff). */
  emailPolicy?: Partial<DeliveryPolicy>;
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
    const emailPolicy = { ...defaultDeliveryPolicy, ...options.emailPolicy };
    const email = createEmailSender(config.email, { prisma, logger, requestTimeoutMs: emailPolicy.requestTimeoutMs });
    logger.info({ sender: email.name }, email.name === 'outbox' ? 'no POSTMARK_SERVER_TOKEN: emails go to the local outbox' : 'emails are sent through Postmark');
    const services: AppServices = {
      config,
      logger,
      database,
      prisma,
      vectorSearchAvailable,
      devAccountId: devAccount.id,
      events: createEventBus(),
      email,
      emailPolicy,
      now: options.now ?? (() => new Date()),
    };
    const yoga = createParleyYoga(services);
    // In the background: a slow or unreachable provider must not hold up start-up.
    const startupRecovery = recoverQueuedEmails(services).catch((err: unknown) => {
      logger.error({ err }, 'recovering queued emails failed; they stay queued for the next run');
      return undefined;
    });
    return {
      services,
      yoga,
      startupRecovery,
      close: async () => {
        await startupRecovery;
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
