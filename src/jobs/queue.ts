// A durable job queue in a Postgres table, claimed with FOR UPDATE SKIP LOCKED.
// Ours and not pg-boss, decided by a measurement (`npm run bench:jobs`, bench/RESULTS.md "Job
// queue"; pg-boss 10, the last major that runs on Node 20). pg-boss could do the job: send()
// joins a Prisma interactive transaction through an executeSql adapter (rolled back, the job is
// gone), and it runs on PGlite's one connection through the same adapter. It is not clearly
// faster: enqueueing in a transaction costs the same 4 statements at 0.8-1.1x our rate; a woken
// worker starts a job as soon (p50 11-14 ms both); a backlog goes 1.1-1.3x faster on PostgreSQL
// (raw pg: see completeJob on our CPU a job) but 0.4x on PGlite, and only when each handler
// calls notifyWorker: as shipped its worker sleeps out its polling interval after every fetch,
// so 4 workers of one job do 8 jobs/s (0.07x). It sends 2.0 statements per job to our 1.5.
// Adopting it would cost, with no measured gain that matters here (a job is a model call of
// seconds, not 100 a second): a second schema outside prisma/migrations, installed at start
// (0.4-0.8 s on PostgreSQL, 3.5-4.3 s on PGlite; 12 statements to the first job against 4);
// and what pg-boss 10 lacks and the app relies on: jobs due by the app's clock (tests move time,
// dueBy below), a lease renewed while a handler runs (pg-boss fails it at expireIn), a dedupe key
// that holds for good (pg-boss's singleton keys hold in some states or time slots), account_id
// with its foreign key, and jobs written inside the inbound email's one statement
// (insertJobsSql in a CTE, domain/inbound/receive.ts).
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { Prisma, type PrismaClient } from '../db/client.js';
import type { ScopedTransaction } from '../db/scoped.js';
import type { JobDefinition } from './definitions.js';
import { backoffDelayMs } from '../retry/backoff.js';

export interface JobSpec {
  kind: string;
  accountId: string;
  payload: Prisma.InputJsonValue;
  /** Enqueueing the same (kind, dedupeKey) again is a no-op. */
  dedupeKey?: string;
  maxAttempts?: number;
  /** Not before this time (by the app's clock, as the worker claims by it); default now. */
  runAt?: Date;
}

export interface ClaimedJob {
  id: string;
  accountId: string;
  kind: string;
  payload: unknown;
  /** Including this one. */
  attempts: number;
  maxAttempts: number;
}

export interface RetryPolicy {
  /** First retry after this long; each later one waits twice as long (with jitter). */
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * A job of a defined kind, its payload checked against the definition's schema (a bad payload
 * throws here, where it is made, not later in the worker).
 */
export function jobOf<D extends JobDefinition>(
  definition: D,
  job: { accountId: string; payload: z.input<D['payload']>; dedupeKey?: string; runAt?: Date },
): JobSpec {
  return {
    kind: definition.kind,
    accountId: job.accountId,
    payload: definition.payload.parse(job.payload) as Prisma.InputJsonValue,
    maxAttempts: definition.maxAttempts,
    ...(job.dedupeKey === undefined ? {} : { dedupeKey: job.dedupeKey }),
    ...(job.runAt === undefined ? {} : { runAt: job.runAt }),
  };
}

/** Enqueues one job of a defined kind inside the caller's transaction (see enqueueJob). */
export async function enqueue<D extends JobDefinition>(
  tx: ScopedTransaction | PrismaClient,
  definition: D,
  job: { accountId: string; payload: z.input<D['payload']>; dedupeKey?: string; runAt?: Date },
): Promise<void> {
  await enqueueJobs(tx, [jobOf(definition, job)]);
}

/**
 * Enqueue inside the caller's transaction: the job exists exactly when the work that needs
 * it has committed, so a crash between the two can't lose it.
 */
export async function enqueueJob(tx: ScopedTransaction | PrismaClient, spec: JobSpec): Promise<void> {
  await enqueueJobs(tx, [spec]);
}

/** Several jobs in one statement (see enqueueJob). */
export async function enqueueJobs(tx: ScopedTransaction | PrismaClient, specs: JobSpec[]): Promise<void> {
  if (specs.length === 0) return;
  await tx.$executeRaw(insertJobsSql(specs));
}

/**
 * enqueueJobs' INSERT, for a caller that writes the jobs within a statement of its own (a
 * data-modifying CTE); `onlyIf` is a condition on that statement's other rows.
 */
export function insertJobsSql(specs: JobSpec[], onlyIf: Prisma.Sql = Prisma.sql`true`): Prisma.Sql {
  // Raw SQL rather than createMany({ skipDuplicates }), writing the same row and the same ON
  // CONFLICT: Prisma's query-plan cache leaves createMany out, so it compiled the insert anew
  // on every call, and that made enqueueing the costliest statement of an inbound webhook.
  const now = new Date();
  const rows = specs.map(
    (spec) => Prisma.sql`(${randomUUID()}::uuid, ${spec.accountId}::uuid, ${spec.kind}::text, ${JSON.stringify(spec.payload)}::jsonb,
      'QUEUED'::text, 0, ${spec.maxAttempts ?? 5}::int, ${spec.runAt ?? now}::timestamptz, ${spec.dedupeKey ?? null}::text, ${now}::timestamptz)`,
  );
  return Prisma.sql`
    INSERT INTO jobs (id, account_id, kind, payload, status, attempts, max_attempts, run_at, dedupe_key, created_at)
    SELECT * FROM (VALUES ${Prisma.join(rows)}) AS job WHERE ${onlyIf}
    ON CONFLICT DO NOTHING`;
}

/**
 * Claims up to `limit` runnable jobs: queued ones that are due, and running ones whose
 * worker's lease expired by the database's clock (it crashed or hung), which then run again.
 * A job is due when the database's clock or the app's (`dueBy`) has reached its run_at: they
 * agree in production, and a test that moves the app's clock forward sees scheduled work come
 * due without waiting.
 */
export async function claimJobs(
  prisma: PrismaClient,
  workerId: string,
  limit: number,
  leaseMs: number,
  dueBy: Date = new Date(),
): Promise<ClaimedJob[]> {
  return prisma.$queryRaw<ClaimedJob[]>`
    UPDATE jobs
    SET status = 'RUNNING', locked_at = now(), locked_by = ${workerId}, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM jobs
      WHERE (status = 'QUEUED' AND run_at <= GREATEST(now(), ${dueBy}::timestamptz))
         OR (status = 'RUNNING' AND locked_at < now() - make_interval(secs => ${leaseMs / 1000}))
      ORDER BY run_at
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, account_id AS "accountId", kind, payload, attempts, max_attempts AS "maxAttempts"`;
}

/**
 * Extends the lease of a job this worker is still running (the worker's heartbeat), so a long
 * handler is not taken for a dead one and run a second time. False when the job is no longer
 * this worker's (its lease ran out and another worker claimed it).
 */
export async function renewLease(prisma: PrismaClient, job: ClaimedJob, workerId: string): Promise<boolean> {
  // The database's clock, as claimJobs measures the lease by it.
  const count = await prisma.$executeRaw`
    UPDATE jobs SET locked_at = now() WHERE id = ${job.id}::uuid AND locked_by = ${workerId} AND status = 'RUNNING'`;
  return count > 0;
}

export async function completeJob(prisma: PrismaClient, job: ClaimedJob, workerId: string): Promise<void> {
  // Raw SQL, the same UPDATE updateMany wrote: Prisma's query builder was about half of a job's
  // CPU in this process (bench:jobs, "CPU ms per job": 1.46 ms a job before, 0.78 ms after).
  await prisma.$executeRaw`
    UPDATE jobs SET status = 'SUCCEEDED', finished_at = ${new Date()}::timestamptz, locked_at = NULL, last_error = NULL
    WHERE id = ${job.id}::uuid AND locked_by = ${workerId} AND status = 'RUNNING'`;
}

/**
 * Hands a claimed job back, due now, without counting the attempt: its worker lost the
 * database (the job's fault it was not), and the job runs again as soon as a worker claims it.
 */
export async function releaseJob(prisma: PrismaClient, job: ClaimedJob, workerId: string): Promise<void> {
  await prisma.job.updateMany({
    where: { id: job.id, lockedBy: workerId, status: 'RUNNING' },
    data: { status: 'QUEUED', lockedAt: null, lockedBy: null, attempts: { decrement: 1 }, runAt: new Date() },
  });
}

export function retryDelayMs(attempts: number, policy: RetryPolicy, random = Math.random): number {
  // Half fixed, half random: retries of many failed jobs spread out instead of stampeding.
  return Math.round(backoffDelayMs(attempts, { ...policy, jitter: 'half' }, random));
}

/** Schedules a retry with backoff, or gives up (FAILED) after the last attempt. */
export async function failJob(
  prisma: PrismaClient,
  job: ClaimedJob,
  workerId: string,
  error: unknown,
  policy: RetryPolicy,
): Promise<'retry' | 'failed'> {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const giveUp = job.attempts >= job.maxAttempts;
  await prisma.job.updateMany({
    where: { id: job.id, lockedBy: workerId, status: 'RUNNING' },
    data: giveUp
      ? { status: 'FAILED', finishedAt: new Date(), lockedAt: null, lastError: message.slice(0, 2000) }
      : {
          status: 'QUEUED',
          lockedAt: null,
          lockedBy: null,
          lastError: message.slice(0, 2000),
          runAt: new Date(Date.now() + retryDelayMs(job.attempts, policy)),
        },
  });
  return giveUp ? 'failed' : 'retry';
}
