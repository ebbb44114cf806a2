// The composition root: builds the whole application from a config, in order: open the
// database, start-up work on it (src/bootstrap.ts), the services (src/wiring.ts), the GraphQL
// handler (Yoga, with the request replay in front of it), and the background work
// (src/background/work.ts). It runs no domain work itself. The server and every test go
// through createApp.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startBackgroundWork } from './background/work.js';
import { ensureDevelopmentAccess, prepareDatabase } from './bootstrap.js';
import { createTokenVerifier } from './auth/tokens.js';
import type { Config } from './config.js';
import { openDatabase, type OpenDatabaseOptions } from './db/client.js';
import type { RecoveryReport } from './domain/sending/index.js';
import type { DeliveryPolicy } from './email/deliver.js';
import type { JobHandlers, JobWorker, WorkerOptions } from './jobs/worker.js';
import type { RateLimits } from './limits/rate-limits.js';
import { createLogger, type Logger } from './logger.js';
import type { Metrics } from './metrics.js';
import type { AppServices } from './services.js';
import { buildServices } from './wiring.js';
import { createParleyYoga, type ParleyYoga } from './yoga.js';
import { createRequestReplay } from './compiled-read/index.js';

export interface App {
  services: AppServices;
  yoga: ParleyYoga;
  /** The node HTTP handler: repeated compiled reads replayed (src/compiled-read/replay.ts), the rest to Yoga. */
  handle(request: IncomingMessage, response: ServerResponse): void;
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

export async function createApp(config: Config, options: CreateAppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const database = await openDatabase(config.database, { ...options, logger, ...(config.seedOnStart ? { seedDemoAs: config.devAccountSlug } : {}) });
  try {
    const { seededNow } = await prepareDatabase(database, config, logger);
    const now = options.now ?? (() => new Date());
    const tokens = createTokenVerifier(config.auth, () => now().getTime());
    const dev =
      config.env === 'production' ? undefined : await ensureDevelopmentAccess(database.prisma, tokens, config.devAccountSlug, config.auth.devTokenTtlSeconds);
    const { services, tracing } = await buildServices(config, database, { ...options, logger, now, tokens, dev });
    // The demo's conversations get embedded when the demo was seeded now, or came already
    // seeded in the embedded template (then seededNow is false).
    const demoSeeded = seededNow || (config.seedOnStart && config.database.kind === 'embedded');
    const background = startBackgroundWork(services, { ...options, demo: demoSeeded ? dev : undefined });
    // A demo seeded just now is embedded before the app is handed over, so similarConversations
    // finds the demo conversations from the first request (tests and README examples rely on it;
    // about 2 s of CPU). A demo that came seeded in the embedded template is embedded in the
    // background instead, not to hold up npm start's /ready: its first searches for a few
    // seconds may find fewer matches.
    if (seededNow) await background.demoEmbedding;
    // Not with tracing on: a replayed request would have no span.
    const replay = tracing || !config.graphql.requestReplay ? undefined : createRequestReplay({ services, database });
    const yoga = createParleyYoga(services, { extraPlugins: tracing ? [tracing.plugin] : [], replay });
    const handle = replay ? replay.handlerFor(yoga) : yoga;
    return {
      services,
      yoga,
      handle: (request, response) => void handle(request, response),
      worker: background.worker,
      startupRecovery: background.startupRecovery,
      close: async () => {
        await background.stop();
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
