// Runs queued jobs in the background: claims a batch, runs each job's handler as the job's
// account, then marks it done or schedules a retry. Polls, and wakes at once when this
// process enqueues work.
import { randomUUID } from 'node:crypto';
import { scopeToAccount } from '../db/scoped.js';
import type { DomainContext } from '../domain/context.js';
import type { AppServices } from '../services.js';
import { claimJobs, completeJob, failJob, type ClaimedJob, type RetryPolicy } from './queue.js';

export type JobHandler = (ctx: DomainContext, payload: unknown, job: ClaimedJob) => Promise<void>;
export type JobHandlers = Record<string, JobHandler>;

export interface WorkerOptions extends RetryPolicy {
  concurrency: number;
  pollIntervalMs: number;
  /** A claim older than this is taken to be from a dead worker, and the job runs again. */
  leaseMs: number;
}

export const defaultWorkerOptions: WorkerOptions = {
  concurrency: 4,
  pollIntervalMs: 1000,
  leaseMs: 5 * 60_000,
  baseDelayMs: 2000,
  maxDelayMs: 5 * 60_000,
};

export interface JobWorker {
  /** Look for work now instead of at the next poll. */
  wake(): void;
  /** Resolves once no job is running or queued (including retries waiting for backoff). */
  idle(): Promise<void>;
  /** Stop claiming, let running jobs finish. */
  stop(): Promise<void>;
}

export function startJobWorker(services: AppServices, handlers: JobHandlers, options: WorkerOptions): JobWorker {
  const workerId = `worker-${randomUUID().slice(0, 8)}`;
  const { prisma, logger } = services;
  const running = new Set<Promise<void>>();
  let stopped = false;
  // A wake-up that comes while the loop is claiming, not sleeping, must not be lost: the claim
  // may have read the queue before the new job committed, and the job would then wait a poll.
  let wokenWhileAwake = false;
  let endSleep: () => void = () => undefined;
  const wakeUp = () => {
    wokenWhileAwake = true;
    endSleep();
  };

  async function run(job: ClaimedJob): Promise<void> {
    const handler = handlers[job.kind];
    const ctx: DomainContext = {
      viewer: { accountId: job.accountId, actor: `system:job:${job.kind}`, role: 'OWNER' },
      db: scopeToAccount(prisma, job.accountId),
      services,
    };
    try {
      if (!handler) throw new Error(`No handler for job kind "${job.kind}"`);
      await handler(ctx, job.payload, job);
      await completeJob(prisma, job, workerId);
      services.metrics.jobs.inc({ kind: job.kind, outcome: 'succeeded' });
    } catch (error) {
      services.metrics.jobs.inc({ kind: job.kind, outcome: 'failed' });
      const outcome = await failJob(prisma, job, workerId, error, options).catch((err: unknown) => {
        logger.error({ err, jobId: job.id }, 'could not record the job failure; it runs again when its lease expires');
        return 'unknown';
      });
      logger.warn({ err: error, jobId: job.id, kind: job.kind, attempts: job.attempts, outcome }, 'job failed');
    }
  }

  async function loop(): Promise<void> {
    while (!stopped) {
      wokenWhileAwake = false;
      const free = options.concurrency - running.size;
      let claimed: ClaimedJob[] = [];
      if (free > 0) {
        try {
          claimed = await claimJobs(prisma, workerId, free, options.leaseMs);
        } catch (err) {
          if (!stopped) logger.error({ err }, 'claiming jobs failed');
        }
      }
      for (const job of claimed) {
        const task: Promise<void> = run(job).finally(() => {
          running.delete(task);
          wakeUp();
        });
        running.add(task);
      }
      if ((claimed.length > 0 && claimed.length === free) || wokenWhileAwake) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.pollIntervalMs);
        endSleep = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      endSleep = () => undefined;
    }
  }

  const looping = loop();
  return {
    wake: () => wakeUp(),
    async idle() {
      for (;;) {
        const pending = await prisma.job.count({ where: { status: { in: ['QUEUED', 'RUNNING'] } } });
        if (pending === 0 && running.size === 0) return;
        wakeUp();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async stop() {
      stopped = true;
      wakeUp();
      await looping;
      await Promise.allSettled([...running]);
    },
  };
}
