// Work the app does in the background, never holding up start-up or /ready: the job worker,
// the recovery of emails whose sending outcome is unknown (at start and periodically), and the
// embedding of the demo conversations.
import type { DevelopmentAccess } from '../bootstrap.js';
import { RECOVERY_ACTOR, recoverQueuedEmails, type RecoveryReport } from '../domain/sending/index.js';
import { embedMissingConversations } from '../domain/suggestions/index.js';
import { FOLLOW_UP_SCAN_ACTOR, scanFollowUps } from '../domain/followups/index.js';
import { pruneEventLog } from '../domain/event-log/index.js';
import { systemContext } from '../domain/use-case-context.js';
import { defaultWorkerOptions, startJobWorker, type JobHandlers, type JobWorker, type WorkerOptions } from '../jobs/worker.js';
import type { AppServices } from '../services.js';
import { createJobHandlers } from './job-registry.js';

const RECOVERY_INTERVAL_MS = 5 * 60_000;
/** How often conversations that went quiet are looked for (follow-ups are due by the day). */
const FOLLOW_UP_SCAN_INTERVAL_MS = 10 * 60_000;

/** How often events older than the event log's window (config.events.logRetentionHours) are deleted. */
const EVENT_LOG_PRUNE_INTERVAL_MS = 60 * 60_000;

export interface BackgroundWork {
  /** The background job worker, when this process runs one (config.jobs.runWorker). */
  worker?: JobWorker;
  /** Start-up recovery of queued emails; undefined if it failed (logged). */
  startupRecovery: Promise<RecoveryReport | undefined>;
  /** The demo conversations' embedding (settles when done or failed, logged; at once without a demo). */
  demoEmbedding: Promise<void>;
  /** Stops the timer and the worker, once what is running has finished. */
  stop(): Promise<void>;
}

export interface BackgroundWorkOptions {
  jobHandlers?: JobHandlers;
  workerOptions?: Partial<WorkerOptions>;
  /** The demo data was seeded (now, or in the embedded template) and its account is this one. */
  demo?: DevelopmentAccess;
}

export function startBackgroundWork(services: AppServices, options: BackgroundWorkOptions): BackgroundWork {
  const { config, logger } = services;
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
  // Not holding /ready: similarConversations embeds on demand what is not embedded yet, so
  // nothing waits for this; it only makes the demo's first searches fast. On a restart it finds
  // nothing missing in one query. A failing embedder (e.g. OpenAI unreachable) must not stop the server.
  const demo = options.demo;
  const demoEmbedding =
    demo && services.vectorSearchAvailable
      ? embedMissingConversations(systemContext(services, demo.accountId, 'system:seed'), {}).then(
          (embedded: number) => logger.info({ embedded, embedder: services.embedder.name }, 'demo conversations embedded'),
          (err: unknown) => logger.warn({ err }, 'demo conversations could not be embedded'),
        )
      : Promise.resolve();
  // A slow or unreachable provider must not hold up start-up.
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
  // Where jobs run, quiet conversations get their follow-up jobs (deduplicated per email, so
  // every instance may scan).
  const followUpTimer = worker
    ? setInterval(() => void scanFollowUps({ services, actor: FOLLOW_UP_SCAN_ACTOR }, {}).catch((err: unknown) => logger.error({ err }, 'follow-up scan failed')), FOLLOW_UP_SCAN_INTERVAL_MS)
    : undefined;
  followUpTimer?.unref();
  // Where jobs run, the event log is kept to its window. Several instances pruning at once
  // delete the same rows; each row goes once and pruned_through only grows.
  const pruneTimer = worker
    ? setInterval(() => void pruneEventLog({ services, actor: 'system:event-log' }, {}).catch((err: unknown) => logger.error({ err }, 'pruning the event log failed')), EVENT_LOG_PRUNE_INTERVAL_MS)
    : undefined;
  pruneTimer?.unref();
  return {
    worker,
    startupRecovery,
    demoEmbedding,
    async stop() {
      clearInterval(recoveryTimer);
      clearInterval(followUpTimer);
      clearInterval(pruneTimer);
      await demoEmbedding;
      await startupRecovery;
      await worker?.stop();
    },
  };
}
