// Runs queued jobs in the background: claims a batch, runs each job's handler as the job's
// account, then marks it done or schedules a retry. Polls, and wakes at once when this
// process enqueues work. When the database goes away under a running job, the job's outcome
// (done, or handed back without counting the attempt) is kept in memory and written as soon
// as the database answers again: the job runs again within a poll of its return, not after
// its 5-minute lease.
import { randomUUID } from 'node:crypto';
import type { AppServices } from '../services.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { claimJobs, completeJob, failJob, releaseJob, renewLease, type ClaimedJob, type RetryPolicy } from './queue.js';

/** What a handler is told about the job's caller: it acts for the job's account, as `actor`. */
export interface JobContext {
  services: AppServices;
  accountId: string;
  /** "system:job:<kind>", for the audit trail. */
  actor: string;
}

export type JobHandler = (ctx: JobContext, payload: unknown, job: ClaimedJob) => Promise<void>;
export type JobHandlers = Record<string, JobHandler>;

export interface WorkerOptions extends RetryPolicy {
  concurrency: number;
  pollIntervalMs: number;
  /**
   * A claim older than this is taken to be from a dead worker, and the job runs again. A
   * running job's lease is renewed every leaseMs / 3, so only a dead worker's lease runs out.
   */
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
  // Outcomes the database could not take when they happened, by job id.
  const unrecorded = new Map<string, { job: ClaimedJob; outcome: 'complete' | 'release' }>();
  let databaseLost = false;
  let stopped = false;
  // A wake-up that comes while the loop is claiming, not sleeping, must not be lost: the claim
  // may have read the queue before the new job committed, and the job would then wait a poll.
  let wokenWhileAwake = false;
  let endSleep: () => void = () => undefined;
  const wakeUp = () => {
    wokenWhileAwake = true;
    endSleep();
  };

  /** Renews the job's lease every leaseMs / 3 while `work` runs. */
  async function withHeartbeat(job: ClaimedJob, work: () => Promise<void>): Promise<void> {
    const heartbeat = setInterval(() => {
      renewLease(prisma, job, workerId).catch((err: unknown) =>
        logger.warn({ err, jobId: job.id }, 'could not renew the job lease; it stands until it runs out'),
      );
    }, options.leaseMs / 3);
    try {
      await work();
    } finally {
      clearInterval(heartbeat);
    }
  }

  async function run(job: ClaimedJob): Promise<void> {
    const handler = handlers[job.kind];
    const ctx: JobContext = { services, accountId: job.accountId, actor: `system:job:${job.kind}` };
    try {
      if (!handler) throw new Error(`No handler for job kind "${job.kind}"`);
      await withHeartbeat(job, () => handler(ctx, job.payload, job));
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        unrecorded.set(job.id, { job, outcome: 'release' });
        noteDatabaseLost(error);
        return;
      }
      services.metrics.jobs.inc({ kind: job.kind, outcome: 'failed' });
      try {
        const outcome = await failJob(prisma, job, workerId, error, options);
        logger.warn({ err: error, jobId: job.id, kind: job.kind, attempts: job.attempts, outcome }, 'job failed');
      } catch (err) {
        if (isDatabaseUnavailable(err)) {
          unrecorded.set(job.id, { job, outcome: 'release' });
          noteDatabaseLost(err);
        } else {
          logger.error({ err, jobId: job.id }, 'could not record the job failure; it runs again when its lease expires');
        }
      }
      return;
    }
    services.metrics.jobs.inc({ kind: job.kind, outcome: 'succeeded' });
    try {
      await completeJob(prisma, job, workerId);
    } catch (err) {
      if (!isDatabaseUnavailable(err)) throw err;
      unrecorded.set(job.id, { job, outcome: 'complete' });
      noteDatabaseLost(err);
    }
  }

  function noteDatabaseLost(err: unknown) {
    if (databaseLost) return;
    databaseLost = true;
    logger.warn({ err }, 'job worker lost the database; running jobs are handed back as soon as it returns');
  }

  /** Writes the outcomes the database missed; false while it is still away. */
  async function recordMissedOutcomes(): Promise<boolean> {
    for (const [id, { job, outcome }] of unrecorded) {
      try {
        if (outcome === 'complete') await completeJob(prisma, job, workerId);
        else await releaseJob(prisma, job, workerId);
        unrecorded.delete(id);
      } catch (err) {
        if (isDatabaseUnavailable(err)) return false;
        unrecorded.delete(id);
        logger.error({ err, jobId: id }, 'could not hand the job back; it runs again when its lease expires');
      }
    }
    return true;
  }

  async function loop(): Promise<void> {
    while (!stopped) {
      wokenWhileAwake = false;
      const free = options.concurrency - running.size;
      let claimed: ClaimedJob[] = [];
      const recorded = unrecorded.size === 0 || (await recordMissedOutcomes());
      if (free > 0 && recorded) {
        try {
          claimed = await claimJobs(prisma, workerId, free, options.leaseMs, services.now());
          if (databaseLost) {
            databaseLost = false;
            logger.info('job worker reached the database again');
          }
        } catch (err) {
          if (isDatabaseUnavailable(err)) noteDatabaseLost(err);
          else if (!stopped) logger.error({ err }, 'claiming jobs failed');
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
