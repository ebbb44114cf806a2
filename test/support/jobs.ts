// Runs the queue's due jobs once, in the test, by the app clock given: what the worker would
// do at that moment, without a worker, a poll interval or a wall-clock wait.
import { createJobHandlers } from '../../src/background/job-registry.js';
import { claimJobs, completeJob, failJob } from '../../src/jobs/queue.js';
import type { App } from '../../src/app.js';

const handlers = createJobHandlers();

/** Claims every job due by `now` (the app's clock) and runs it; returns the kinds run and how each ended. */
export async function runDueJobs(app: Pick<App, 'services'>, now: Date, workerId = 'test-worker'): Promise<{ kind: string; outcome: 'done' | 'failed'; error?: unknown }[]> {
  const { services } = app;
  const claimed = await claimJobs(services.prisma, workerId, 100, 60_000, now);
  const ran: { kind: string; outcome: 'done' | 'failed'; error?: unknown }[] = [];
  for (const job of claimed) {
    const handler = handlers[job.kind];
    if (!handler) throw new Error(`no handler for ${job.kind}`);
    try {
      await handler({ services, accountId: job.accountId, actor: `system:job:${job.kind}` }, job.payload, job);
      await completeJob(services.prisma, job, workerId);
      ran.push({ kind: job.kind, outcome: 'done' });
    } catch (error) {
      await failJob(services.prisma, job, workerId, error, { baseDelayMs: 1, maxDelayMs: 1 });
      ran.push({ kind: job.kind, outcome: 'failed', error });
    }
  }
  return ran;
}
