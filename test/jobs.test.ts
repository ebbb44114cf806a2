// The durable job queue: retries with backoff, giving up, crash recovery through leases,
// de-duplication, and several workers never running one job twice.
import { afterEach, describe, expect, it } from 'vitest';
import { embedConversationJob } from '../src/jobs/definitions.js';
import { claimJobs, enqueue as enqueueDefined, enqueueJob, retryDelayMs } from '../src/jobs/queue.js';
import { startJobWorker, type JobHandlers } from '../src/jobs/worker.js';
import { createTestApp, type TestApp } from './support/app.js';

const fast = { baseDelayMs: 5, maxDelayMs: 50, pollIntervalMs: 20 };
let app: TestApp | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function appWithWorker(handlers: JobHandlers, leaseMs = 60_000) {
  app = await createTestApp({ env: { JOBS_RUN_WORKER: 'true' }, jobHandlers: handlers, workerOptions: { ...fast, leaseMs } });
  return app;
}

const enqueue = (a: TestApp, kind: string, payload: object, extra: { dedupeKey?: string; maxAttempts?: number } = {}) =>
  enqueueJob(a.services.prisma, { kind, accountId: a.services.devAccountId, payload, ...extra });

describe('job queue', () => {
  it('retries a job that fails twice, with backoff, until it succeeds', async () => {
    const seen: { attempts: number; account: string; payload: unknown }[] = [];
    const a = await appWithWorker({
      flaky: async (ctx, payload, job) => {
        seen.push({ attempts: job.attempts, account: ctx.accountId, payload });
        if (job.attempts <= 2) throw new Error(`AI down (attempt ${job.attempts})`);
      },
    });
    await enqueue(a, 'flaky', { n: 1 });
    await a.worker!.idle();
    const job = await a.services.prisma.job.findFirstOrThrow({ where: { kind: 'flaky' } });
    // Done: the failures' error cleared, the lease given up, the finish recorded.
    expect(job).toMatchObject({ status: 'SUCCEEDED', attempts: 3, lastError: null, lockedAt: null, finishedAt: expect.any(Date) });
    expect(seen.map((s) => s.attempts)).toEqual([1, 2, 3]);
    expect(seen.every((s) => s.account === a.services.devAccountId)).toBe(true);
    expect(seen[0]!.payload).toEqual({ n: 1 });
  });

  it('gives up after maxAttempts and keeps the last error', async () => {
    let calls = 0;
    const a = await appWithWorker({
      broken: async () => {
        calls++;
        throw new Error('still broken');
      },
    });
    await enqueue(a, 'broken', {}, { maxAttempts: 3 });
    await a.worker!.idle();
    const job = await a.services.prisma.job.findFirstOrThrow({ where: { kind: 'broken' } });
    expect(job).toMatchObject({ status: 'FAILED', attempts: 3, lastError: 'Error: still broken' });
    expect(calls).toBe(3);
  });

  it('doubles the backoff per attempt, within bounds, with jitter', () => {
    const policy = { baseDelayMs: 1000, maxDelayMs: 60_000 };
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, policy, () => 1))).toEqual([1000, 2000, 4000, 8000]);
    expect([1, 2, 3].map((n) => retryDelayMs(n, policy, () => 0))).toEqual([500, 1000, 2000]);
    expect(retryDelayMs(20, policy, () => 1)).toBe(60_000);
  });

  it('runs a job again when the worker that claimed it died (lease expired), and not before', async () => {
    const runs: number[] = [];
    app = await createTestApp();
    await enqueue(app, 'work', {});
    // A worker claims the job and "crashes": it never completes or fails it.
    expect(await claimJobs(app.services.prisma, 'crashed-worker', 10, 60_000)).toHaveLength(1);
    // While the lease holds, nobody else takes it.
    expect(await claimJobs(app.services.prisma, 'other-worker', 10, 60_000)).toHaveLength(0);
    // An hour later (the claim is dated back: time passes without a race against a short
    // lease), a new worker picks it up; its own lease outlasts the run, so it runs once more.
    await app.services.prisma.$executeRaw`UPDATE jobs SET locked_at = locked_at - interval '1 hour' WHERE locked_by = 'crashed-worker'`;
    const worker = startJobWorker(app.services, { work: async (_ctx, _p, job) => void runs.push(job.attempts) }, { ...fast, concurrency: 2, leaseMs: 60_000 });
    try {
      await worker.idle();
    } finally {
      await worker.stop();
    }
    expect(runs).toEqual([2]);
    expect(await app.services.prisma.job.findFirstOrThrow({ where: { kind: 'work' } })).toMatchObject({ status: 'SUCCEEDED' });
  });

  it('runs a job scheduled with runAt only once the app clock (or the database\'s) reaches it', async () => {
    app = await createTestApp();
    const runAt = new Date(Date.now() + 3_600_000);
    await enqueueJob(app.services.prisma, { kind: 'later', accountId: app.services.devAccountId, payload: {}, runAt });
    expect(await claimJobs(app.services.prisma, 'w', 10, 60_000, new Date(runAt.getTime() - 1))).toHaveLength(0);
    expect(await claimJobs(app.services.prisma, 'w', 10, 60_000, runAt)).toHaveLength(1);
  });

  it('keeps one job per (kind, dedupeKey)', async () => {
    app = await createTestApp();
    await enqueue(app, 'draft-reply', { a: 1 }, { dedupeKey: 'message-1' });
    await enqueue(app, 'draft-reply', { a: 2 }, { dedupeKey: 'message-1' });
    await enqueue(app, 'embed', { a: 3 }, { dedupeKey: 'message-1' });
    expect(await app.services.prisma.job.count()).toBe(2);
  });

  it('lets two workers share the queue without running any job twice', async () => {
    app = await createTestApp();
    const runs = new Map<string, number>();
    const handlers: JobHandlers = {
      count: async (_ctx, _payload, job) => {
        runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
        await new Promise((resolve) => setTimeout(resolve, 2));
      },
    };
    for (let i = 0; i < 30; i++) await enqueue(app, 'count', { i });
    const workers = [1, 2].map(() => startJobWorker(app!.services, handlers, { ...fast, concurrency: 3, leaseMs: 60_000 }));
    try {
      await Promise.all(workers.map((w) => w.idle()));
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
    expect(runs.size).toBe(30);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
    expect(await app.services.prisma.job.count({ where: { status: 'SUCCEEDED' } })).toBe(30);
  });

  it('does not lose a wake-up that comes while it is claiming', async () => {
    const a = (app = await createTestApp());
    let ran!: () => void;
    const done = new Promise<void>((resolve) => (ran = resolve));
    let worker: ReturnType<typeof startJobWorker> | undefined;
    let first = true;
    // The first claim finds nothing; as it returns, a job is enqueued and the worker woken.
    const prisma = new Proxy(a.services.prisma, {
      get(target, key, receiver) {
        const value: unknown = Reflect.get(target, key, receiver);
        if (key !== '$queryRaw' || typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          const claimed: unknown = await Reflect.apply(value, target, args);
          if (first) {
            first = false;
            await enqueue(a, 'late', {});
            worker!.wake();
          }
          return claimed;
        };
      },
    });
    // Polling would find the job only after the test's timeout: the wake-up alone can run it.
    worker = startJobWorker({ ...a.services, prisma }, { late: async () => ran() }, { ...fast, pollIntervalMs: 600_000, leaseMs: 60_000, concurrency: 1 });
    try {
      await done;
    } finally {
      await worker.stop();
    }
  });

  it('acknowledges an inbound email before its job has run', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const a = await appWithWorker({ 'draft-reply': () => released });
    const { inboundPayload, postWebhook } = await import('./support/postmark-payloads.js');
    let job;
    try {
      const response = await postWebhook(a, 'inbound', inboundPayload());
      expect(response.status).toBe(200);
      // The job may have been claimed, but it cannot have finished: the answer did not wait for it.
      job = await a.services.prisma.job.findFirstOrThrow({ where: { kind: 'draft-reply' } });
      expect(['QUEUED', 'RUNNING']).toContain(job.status);
    } finally {
      release();
    }
    await a.worker!.idle();
    expect(await a.services.prisma.job.findFirstOrThrow({ where: { id: job.id } })).toMatchObject({ status: 'SUCCEEDED' });
  });

  it('renews the lease of a running job every leaseMs / 3, so a long handler is not taken for a dead one', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    let runs = 0;
    // A lease of 300 ms given by the test (renewed every 100 ms); the handler holds the job until
    // the test releases it. One worker with room for one job: while it runs, nobody can claim it
    // again, so a loaded machine that delays a renewal past the lease cannot run it twice (what
    // an expired lease does is the test above). What this shows: the lease moves on by itself.
    app = await createTestApp({
      env: { JOBS_RUN_WORKER: 'true' },
      jobHandlers: {
        long: async () => {
          runs++;
          started();
          await released;
        },
      },
      workerOptions: { ...fast, concurrency: 1, leaseMs: 300 },
    });
    const a = app;
    await enqueue(a, 'long', {});
    a.worker!.wake();
    await running;
    const lockedAt = async () => (await a.services.prisma.job.findFirstOrThrow({ where: { kind: 'long' } })).lockedAt!.getTime();
    const claimedAt = await lockedAt();
    // Await the state, not a time: the lease is renewed (locked_at moves on) while it runs.
    let renewedAt = claimedAt;
    while (renewedAt === claimedAt) {
      await new Promise((resolve) => setImmediate(resolve));
      renewedAt = await lockedAt();
    }
    expect(renewedAt).toBeGreaterThan(claimedAt);
    expect(await a.services.prisma.job.findFirstOrThrow({ where: { kind: 'long' } })).toMatchObject({ status: 'RUNNING', attempts: 1 });
    release();
    await a.worker!.idle();
    expect(runs).toBe(1);
    expect(await a.services.prisma.job.findFirstOrThrow({ where: { kind: 'long' } })).toMatchObject({ status: 'SUCCEEDED', attempts: 1 });
  });

  it('enqueues a defined job only with a payload its schema accepts', async () => {
    const a = (app = await createTestApp());
    const accountId = a.services.devAccountId;
    await expect(enqueueDefined(a.services.prisma, embedConversationJob, { accountId, payload: { conversationId: 'not-a-uuid' } })).rejects.toThrow(/uuid/i);
    expect(await a.services.prisma.job.count()).toBe(0);
    const conversationId = '00000000-0000-4000-8000-000000000001';
    await enqueueDefined(a.services.prisma, embedConversationJob, { accountId, payload: { conversationId } });
    expect(await a.services.prisma.job.findFirstOrThrow()).toMatchObject({ kind: 'embed-conversation', payload: { conversationId }, maxAttempts: 5 });
  });
});
