// `npm run bench:jobs`: our job queue (src/jobs/queue.ts + worker.ts) against pg-boss 10 (the
// last major that runs on Node 20), in the same run, on PostgreSQL and on embedded PGlite:
//   (a) enqueue inside an application transaction (a Prisma interactive transaction that also
//       writes a row): ours enqueue(tx, ...); pg-boss send(..., { db }) with an executeSql
//       adapter over the same transaction. A rolled-back transaction must leave no job behind;
//   (b) claim + complete of a backlog of no-op jobs with 4 running at a time;
//   (c) latency from the enqueueing transaction's commit to the handler's start, the worker
//       idle: by polling alone, and woken by the enqueueing process (ours: worker.wake(), as the
//       app does; pg-boss: notifyWorker);
//   (d) SQL statements sent per job, counted on pg's Client.query (no pg_stat_statements on the
//       shared server): every pool in this process goes through it, Prisma's and pg-boss's;
//   (e) what each needs at start: pg-boss installs its schema and runs its maintenance; the
//       time from nothing to the first job's handler.
// Writes the section "jobs-queue" of bench/RESULTS.md.
// Options: --jobs 5000 --transactions 2000 --samples 40 --databases postgres,embedded --no-write
// PostgreSQL: BENCH_PG_URL (default postgresql://postgres@127.0.0.1:5432/postgres); the bench
// creates its own database parley_bench_jobs_<pid> there and drops it at the end.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { pino } from 'pino';
import { z } from 'zod';
import { openDatabase, type Database } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import type { JobDefinition } from '../src/jobs/definitions.js';
import { enqueue, enqueueJobs, jobOf } from '../src/jobs/queue.js';
import { defaultWorkerOptions, startJobWorker, type JobWorker, type WorkerOptions } from '../src/jobs/worker.js';
import { createMetrics } from '../src/metrics.js';
import type { AppServices } from '../src/services.js';
import { benchOptions, numberOption } from './support/args.js';
import { machine, percentile, writeSection } from './support/results.js';

const options = benchOptions({
  jobs: { type: 'string', default: '5000' },
  transactions: { type: 'string', default: '2000' },
  samples: { type: 'string', default: '40' },
  databases: { type: 'string', default: 'postgres,embedded' },
  'no-write': { type: 'boolean', default: false },
});
const JOBS = numberOption('jobs', options.jobs);
const TRANSACTIONS = numberOption('transactions', options.transactions);
const SAMPLES = numberOption('samples', options.samples);
const DATABASES = options.databases.split(',').map((name) => {
  if (name !== 'postgres' && name !== 'embedded') throw new Error(`--databases: "${name}" is neither postgres nor embedded`);
  return name;
});
const BOSS_VERSION = (createRequire(import.meta.url)('pg-boss/package.json') as { version: string }).version;
const CONCURRENCY = 4;
/** pg-boss 10's smallest polling interval; ours polls at the same pace in the polling runs. */
const POLL_MS = 500;
/** A backlog run of pg-boss that sleeps between fetches is cut after this long (it is rate-bound). */
const SLOW_RUN_LIMIT_MS = 15_000;
const BENCH_KIND = 'bench-noop';
const benchJob: JobDefinition<typeof BENCH_KIND, z.ZodObject<{ n: z.ZodNumber }>> = {
  kind: BENCH_KIND,
  payload: z.object({ n: z.number() }),
  maxAttempts: 3,
};

// ---------------------------------------------------------------- statement counting
// Every statement this process sends goes through pg's Client.prototype.query (Prisma's
// adapter-pg pool and pg-boss's own pool alike); the bench's own monitoring client is left out.
let statements = 0;
const uncounted = new WeakSet<object>();
const clientQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
(pg.Client.prototype as { query: (...args: unknown[]) => unknown }).query = function (this: object, ...args: unknown[]) {
  if (!uncounted.has(this)) statements += 1;
  return clientQuery.apply(this, args);
};
function countStatements() {
  const start = statements;
  return () => statements - start;
}

/**
 * CPU time this process used since the call, in ms (user + system, every thread: with PGlite
 * that includes the database's own thread; with PostgreSQL only the client's side).
 */
function processCpu() {
  const start = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
  };
}

// ---------------------------------------------------------------- the databases
interface Target {
  name: 'PostgreSQL' | 'PGlite';
  db: Database;
  accountId: string;
  /** pg-boss's connection: its own pool on PostgreSQL; on PGlite the app's one connection (an executeSql adapter). */
  bossConfig: PgBoss.ConstructorOptions;
  /** A client outside the counts, for the bench's own polling. */
  monitor: pg.Client;
  close(): Promise<void>;
}

const serverUrl = process.env.BENCH_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

async function openTarget(kind: 'postgres' | 'embedded'): Promise<Target> {
  let db: Database;
  let bossConfig: PgBoss.ConstructorOptions;
  let dropDatabase = async () => undefined as void;
  let dataDir: string | undefined;
  if (kind === 'postgres') {
    const database = `parley_bench_jobs_${process.pid}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${database}`;
    await migrate(url.toString());
    db = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 10 });
    bossConfig = { connectionString: url.toString(), max: 10 };
    dropDatabase = async () => {
      const adminEnd = new pg.Client({ connectionString: serverUrl });
      await adminEnd.connect();
      await adminEnd.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)} WITH (FORCE)`);
      await adminEnd.end();
    };
  } else {
    dataDir = join(mkdtempSync(join(tmpdir(), 'parley-bench-jobs-')), 'data');
    // An empty folder starts from the cached migrated template (src/db/embedded-template.ts).
    db = await openDatabase({ kind: 'embedded', dataDir });
    // PGlite is one session, served to the app as a pool of one connection: pg-boss shares it
    // through its `db` adapter. An empty parameter list makes pg send the text as a simple
    // query, so pg-boss's multi-statement install script runs as it does on its own pool.
    const shared = db;
    bossConfig = { db: { executeSql: async (text, values) => ({ rows: await shared.queryLarge({ text, values: values ?? [] }) }) } };
  }
  const monitor = new pg.Client({ connectionString: db.url });
  uncounted.add(monitor);
  await monitor.connect();
  // Prisma's first statements pay for loading its query compiler and the pool's connection:
  // paid here, before anything is timed, as the app pays it before its worker starts.
  await db.prisma.$transaction(async (tx) => tx.$queryRaw`SELECT 1`);
  const accountId = randomUUID();
  await monitor.query(`INSERT INTO accounts (id, name, slug) VALUES ($1, 'Bench jobs', $2)`, [accountId, `bench-jobs-${process.pid}`]);
  // The application's own change that each enqueueing transaction makes.
  await monitor.query(`CREATE TABLE bench_changes (id uuid PRIMARY KEY, n int NOT NULL)`);
  return {
    name: kind === 'postgres' ? 'PostgreSQL' : 'PGlite',
    db,
    accountId,
    bossConfig,
    monitor,
    async close() {
      await monitor.end();
      await db.close();
      await dropDatabase();
      if (dataDir) rmSync(join(dataDir, '..'), { recursive: true, force: true });
    },
  };
}

/** pg-boss's executeSql over a Prisma interactive transaction: the job commits with the change. */
type PrismaTransaction = Parameters<Parameters<Database['prisma']['$transaction']>[0]>[0];
function transactionAdapter(tx: PrismaTransaction): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      // pg-boss leaves options it was not given undefined; Prisma takes null for SQL NULL.
      const rows = await tx.$queryRawUnsafe<unknown[]>(text, ...values.map((value) => (value === undefined ? null : value)));
      return { rows };
    },
  };
}

function workerServices(db: Database): AppServices {
  // The worker reads these four only; the rest of AppServices is not needed to run a job.
  const services = { prisma: db.prisma, logger: pino({ level: 'silent' }), metrics: createMetrics(), now: () => new Date() };
  return services as unknown as AppServices;
}

async function waitUntil(check: () => Promise<boolean>, what: string, limitMs = 600_000): Promise<void> {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > limitMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

async function count(target: Target, sql: string, values: unknown[] = []): Promise<number> {
  return Number((await target.monitor.query<{ n: string }>(sql, values)).rows[0]!.n);
}

// ---------------------------------------------------------------- (e) start and the first job
interface StartFigures {
  /** pg-boss: start() on an empty database (installs its schema); ours: nothing to install. */
  installMs: number;
  installStatements: number;
  /** From nothing to the first job's handler start (start, queue, enqueue, claim). */
  firstJobMs: number;
  firstJobStatements: number;
  /** pg-boss: start() again on an installed schema. */
  restartMs?: number;
  objects?: string;
}

async function oursStart(target: Target): Promise<StartFigures> {
  const counted = countStatements();
  const started = performance.now();
  let handled!: () => void;
  const firstHandled = new Promise<void>((resolve) => (handled = resolve));
  await target.db.prisma.$transaction(async (tx) => {
    await enqueue(tx, benchJob, { accountId: target.accountId, payload: { n: 0 } });
  });
  const worker = startJobWorker(workerServices(target.db), { [BENCH_KIND]: async () => handled() }, { ...defaultWorkerOptions });
  await firstHandled;
  const firstJobMs = performance.now() - started;
  const firstJobStatements = counted();
  await worker.stop();
  await target.monitor.query(`DELETE FROM jobs`);
  return { installMs: 0, installStatements: 0, firstJobMs, firstJobStatements };
}

async function bossStart(target: Target): Promise<{ boss: PgBoss; figures: StartFigures }> {
  const counted = countStatements();
  const started = performance.now();
  const boss = new PgBoss(target.bossConfig);
  boss.on('error', (err) => console.error('pg-boss error:', err));
  await boss.start();
  const installMs = performance.now() - started;
  const installStatements = counted();
  await boss.createQueue('bench-start');
  await target.db.prisma.$transaction(async (tx) => {
    await boss.send('bench-start', { n: 0 }, { db: transactionAdapter(tx) });
  });
  let handled!: () => void;
  const firstHandled = new Promise<void>((resolve) => (handled = resolve));
  await boss.work('bench-start', async () => handled());
  await firstHandled;
  const firstJobMs = performance.now() - started;
  const firstJobStatements = counted();
  await boss.offWork('bench-start');
  await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  const objects = (
    await target.monitor.query<{ kind: string; n: string }>(
      `SELECT CASE c.relkind WHEN 'r' THEN 'tables' WHEN 'p' THEN 'partitioned tables' WHEN 'i' THEN 'indexes' ELSE 'other' END AS kind, count(*) AS n
       FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = 'pgboss' GROUP BY 1 ORDER BY 1`,
    )
  ).rows
    .map((row) => `${row.n} ${row.kind}`)
    .join(', ');
  const functions = await count(target, `SELECT count(*) AS n FROM pg_proc p JOIN pg_namespace s ON s.oid = p.pronamespace WHERE s.nspname = 'pgboss'`);
  // Started again on the installed schema, as every later start of the app would.
  const restarted = performance.now();
  const again = new PgBoss(target.bossConfig);
  again.on('error', (err) => console.error('pg-boss error:', err));
  await again.start();
  const restartMs = performance.now() - restarted;
  return {
    boss: again,
    figures: { installMs, installStatements, firstJobMs, firstJobStatements, restartMs, objects: `${objects}, ${functions} functions` },
  };
}

// ---------------------------------------------------------------- (a) enqueue in a transaction
interface EnqueueFigures {
  perSecond: number;
  statementsPerTransaction: number;
  cpuMsPerTransaction: number;
}

/** Rounds of the three enqueue runs in turn: a load that drifts during the run falls on all three. */
const ENQUEUE_ROUNDS = 4;

/** `transactions` transactions, CONCURRENCY at a time, each writing a row and then calling `work`. */
async function inTransactions(
  target: Target,
  transactions: number,
  work: (tx: PrismaTransaction, n: number) => Promise<void>,
): Promise<{ ms: number; statements: number; cpuMs: number }> {
  let next = 0;
  const counted = countStatements();
  const cpu = processCpu();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let n = next++; n < transactions; n = next++) {
        await target.db.prisma.$transaction(async (tx) => {
          await tx.$executeRaw`INSERT INTO bench_changes (id, n) VALUES (${randomUUID()}::uuid, ${n})`;
          await work(tx, n);
        });
      }
    }),
  );
  return { ms: performance.now() - started, statements: counted(), cpuMs: cpu() };
}

async function enqueueRuns(target: Target, boss: PgBoss) {
  await boss.createQueue('bench-enqueue');
  // The rule the adoption would rest on: a job sent in a transaction that rolls back is gone.
  const rolledBack = await target.db.prisma
    .$transaction(async (tx) => {
      await boss.send('bench-enqueue', { n: -1 }, { db: transactionAdapter(tx) });
      throw new Error('roll back');
    })
    .catch((error: unknown) => (error instanceof Error && error.message === 'roll back' ? 'rolled back' : Promise.reject(error)));
  const leftBehind = await count(target, `SELECT count(*) AS n FROM pgboss.job WHERE name = 'bench-enqueue'`);
  if (rolledBack !== 'rolled back' || leftBehind !== 0) throw new Error(`pg-boss send in a rolled-back Prisma transaction left ${leftBehind} jobs`);

  const runs = {
    changeOnly: async () => undefined,
    ours: async (tx: PrismaTransaction, n: number) => enqueue(tx, benchJob, { accountId: target.accountId, payload: { n } }),
    boss: async (tx: PrismaTransaction, n: number) => void (await boss.send('bench-enqueue', { n }, { db: transactionAdapter(tx) })),
  };
  const totals = { changeOnly: { ms: 0, statements: 0, cpuMs: 0 }, ours: { ms: 0, statements: 0, cpuMs: 0 }, boss: { ms: 0, statements: 0, cpuMs: 0 } };
  const perRound = Math.ceil(TRANSACTIONS / ENQUEUE_ROUNDS);
  const names = Object.keys(runs) as (keyof typeof runs)[];
  for (let round = 0; round < ENQUEUE_ROUNDS; round++) {
    // Each round starts with another of the three.
    for (const name of [...names.slice(round % names.length), ...names.slice(0, round % names.length)]) {
      const run = await inTransactions(target, perRound, runs[name]);
      totals[name].ms += run.ms;
      totals[name].statements += run.statements;
      totals[name].cpuMs += run.cpuMs;
    }
  }
  const figures = (name: keyof typeof runs): EnqueueFigures => ({
    perSecond: ((perRound * ENQUEUE_ROUNDS) / totals[name].ms) * 1000,
    statementsPerTransaction: totals[name].statements / (perRound * ENQUEUE_ROUNDS),
    cpuMsPerTransaction: totals[name].cpuMs / (perRound * ENQUEUE_ROUNDS),
  });
  const expected = perRound * ENQUEUE_ROUNDS;
  const committed = {
    ours: await count(target, `SELECT count(*) AS n FROM jobs WHERE kind = $1`, [BENCH_KIND]),
    boss: await count(target, `SELECT count(*) AS n FROM pgboss.job WHERE name = 'bench-enqueue'`),
  };
  if (committed.ours !== expected || committed.boss !== expected) {
    throw new Error(`committed jobs: ours ${committed.ours}, pg-boss ${committed.boss}, expected ${expected} each`);
  }
  await target.monitor.query(`DELETE FROM jobs`);
  await target.monitor.query(`TRUNCATE bench_changes`);
  return { changeOnly: figures('changeOnly'), ours: figures('ours'), boss: figures('boss') };
}

// ---------------------------------------------------------------- (b) claim + complete a backlog
/** A backlog run: how many jobs were done, in how long, with how many statements. */
interface BacklogRun {
  done: number;
  ms: number;
  statements: number;
  cpuMs: number;
}

interface ThroughputFigures {
  perSecond: number;
  /** Jobs done (all of them, unless the run was cut at SLOW_RUN_LIMIT_MS). */
  done: number;
  statementsPerJob: number;
  cpuMsPerJob: number;
}

function throughputOf(runs: BacklogRun[]): ThroughputFigures {
  const done = runs.reduce((sum, run) => sum + run.done, 0);
  const ms = runs.reduce((sum, run) => sum + run.ms, 0);
  const used = runs.reduce((sum, run) => sum + run.statements, 0);
  const cpuMs = runs.reduce((sum, run) => sum + run.cpuMs, 0);
  return { perSecond: (done / ms) * 1000, done, statementsPerJob: used / Math.max(done, 1), cpuMsPerJob: cpuMs / Math.max(done, 1) };
}

/** Our backlog and our worker at its defaults, but for the concurrency. */
async function oursBacklog(target: Target, jobs: number): Promise<BacklogRun> {
  for (let from = 0; from < jobs; from += 1000) {
    const batch = Array.from({ length: Math.min(1000, jobs - from) }, (_, i) =>
      jobOf(benchJob, { accountId: target.accountId, payload: { n: from + i } }),
    );
    await enqueueJobs(target.db.prisma, batch);
  }
  await target.monitor.query(`VACUUM ANALYZE jobs`);
  let handled = 0;
  const counted = countStatements();
  const cpu = processCpu();
  const started = performance.now();
  const worker = startJobWorker(
    workerServices(target.db),
    { [BENCH_KIND]: async () => void (handled += 1) },
    { ...defaultWorkerOptions, concurrency: CONCURRENCY },
  );
  await waitUntil(async () => handled >= jobs && (await count(target, `SELECT count(*) AS n FROM jobs WHERE status = 'SUCCEEDED'`)) === jobs, 'our backlog');
  const ms = performance.now() - started;
  const statements = counted();
  const cpuMs = cpu();
  await worker.stop();
  await target.monitor.query(`DELETE FROM jobs`);
  return { done: jobs, ms, statements, cpuMs };
}

/**
 * pg-boss 10's worker fetches a batch, runs it, and sleeps out the rest of its polling interval
 * even when more jobs wait (src/worker.js): with one job a fetch, each worker does two a second.
 * `wakeEachJob` calls notifyWorker from the handler, so that the worker fetches again at once
 * while there is work, as ours does. The run that sleeps is cut at SLOW_RUN_LIMIT_MS.
 */
async function bossBacklog(target: Target, boss: PgBoss, queue: string, jobs: number, wakeEachJob: boolean): Promise<BacklogRun> {
  await boss.createQueue(queue);
  for (let from = 0; from < jobs; from += 1000) {
    await boss.insert(Array.from({ length: Math.min(1000, jobs - from) }, (_, i) => ({ name: queue, data: { n: from + i } })));
  }
  await target.monitor.query(`VACUUM ANALYZE pgboss.job`);
  let handled = 0;
  const counted = countStatements();
  const cpu = processCpu();
  const started = performance.now();
  for (let w = 0; w < CONCURRENCY; w++) {
    const id = await boss.work<{ n: number }>(queue, { batchSize: 1, pollingIntervalSeconds: POLL_MS / 1000 }, async (batch) => {
      handled += batch.length;
      if (wakeEachJob) boss.notifyWorker(id);
    });
  }
  const completed = () => count(target, `SELECT count(*) AS n FROM pgboss.job WHERE name = $1 AND state = 'completed'`, [queue]);
  let done = jobs;
  try {
    await waitUntil(async () => handled >= jobs && (await completed()) === jobs, `pg-boss backlog ${queue}`, wakeEachJob ? undefined : SLOW_RUN_LIMIT_MS);
  } catch (error) {
    if (wakeEachJob) throw error;
    done = await completed();
  }
  const ms = performance.now() - started;
  const statements = counted();
  const cpuMs = cpu();
  await boss.offWork(queue);
  return { done, ms, statements, cpuMs };
}

/** Rounds of ours and pg-boss woken, in turn (the load drifts); then pg-boss as it polls. */
const BACKLOG_ROUNDS = 2;

async function throughputRuns(target: Target, boss: PgBoss) {
  const ours: BacklogRun[] = [];
  const woken: BacklogRun[] = [];
  const perRound = Math.ceil(JOBS / BACKLOG_ROUNDS);
  for (let round = 0; round < BACKLOG_ROUNDS; round++) {
    const runOurs = async () => ours.push(await oursBacklog(target, perRound));
    const runBoss = async () => woken.push(await bossBacklog(target, boss, `bench-backlog-woken-${round}`, perRound, true));
    if (round % 2 === 0) await runOurs().then(runBoss);
    else await runBoss().then(runOurs);
  }
  const polled = await bossBacklog(target, boss, 'bench-backlog-polled', JOBS, false);
  return { ours: throughputOf(ours), boss4x1: throughputOf([polled]), boss4x1Woken: throughputOf(woken) };
}

// ---------------------------------------------------------------- (c) commit-to-handler latency
interface LatencyFigures {
  p50: number;
  p99: number;
}

function latencyOf(samples: number[]): LatencyFigures {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

/**
 * One job at a time into an idle worker. Each enqueue waits a random part of the polling
 * interval first, so the commits fall at every phase of the worker's poll, not just after one.
 */
async function sampleLatency(enqueueOne: (n: number) => Promise<void>, handlerStarted: () => Promise<number>): Promise<LatencyFigures> {
  const samples: number[] = [];
  for (let n = 0; n < SAMPLES; n++) {
    await sleep(Math.random() * POLL_MS);
    const started = handlerStarted();
    await enqueueOne(n);
    const committed = performance.now();
    samples.push((await started) - committed);
  }
  return latencyOf(samples);
}

function handlerClock() {
  let resolve: ((at: number) => void) | undefined;
  return {
    handler: async () => resolve?.(performance.now()),
    next: () => new Promise<number>((r) => (resolve = r)),
  };
}

async function oursLatency(target: Target, wake: boolean): Promise<LatencyFigures> {
  const clock = handlerClock();
  const workerOptions: WorkerOptions = { ...defaultWorkerOptions, concurrency: CONCURRENCY, pollIntervalMs: POLL_MS };
  const worker: JobWorker = startJobWorker(workerServices(target.db), { [BENCH_KIND]: clock.handler }, workerOptions);
  await sleep(100);
  const figures = await sampleLatency(async (n) => {
    await target.db.prisma.$transaction(async (tx) => {
      await enqueue(tx, benchJob, { accountId: target.accountId, payload: { n } });
    });
    // As the app does after a commit that enqueued (services.jobs.wake).
    if (wake) worker.wake();
  }, clock.next);
  await worker.stop();
  await target.monitor.query(`DELETE FROM jobs`);
  return figures;
}

async function bossLatency(target: Target, boss: PgBoss, wake: boolean): Promise<LatencyFigures> {
  const queue = wake ? 'bench-latency-woken' : 'bench-latency-polled';
  await boss.createQueue(queue);
  const clock = handlerClock();
  const id = await boss.work(queue, { pollingIntervalSeconds: POLL_MS / 1000 }, clock.handler);
  await sleep(100);
  const figures = await sampleLatency(async (n) => {
    await target.db.prisma.$transaction(async (tx) => {
      await boss.send(queue, { n }, { db: transactionAdapter(tx) });
    });
    if (wake) boss.notifyWorker(id);
  }, clock.next);
  await boss.offWork(queue);
  return figures;
}

// ---------------------------------------------------------------- the run
interface TargetResult {
  name: string;
  start: { ours: StartFigures; boss: StartFigures };
  enqueue: Awaited<ReturnType<typeof enqueueRuns>>;
  throughput: Awaited<ReturnType<typeof throughputRuns>>;
  latency: { oursPolled: LatencyFigures; oursWoken: LatencyFigures; bossPolled: LatencyFigures; bossWoken: LatencyFigures };
}

async function runTarget(kind: 'postgres' | 'embedded'): Promise<TargetResult> {
  const target = await openTarget(kind);
  try {
    console.log(`\n== ${target.name}`);
    const oursStartFigures = await oursStart(target);
    const { boss, figures: bossStartFigures } = await bossStart(target);
    console.log('  start', { ours: oursStartFigures, boss: bossStartFigures });
    try {
      const enqueueFigures = await enqueueRuns(target, boss);
      console.log('  enqueue', enqueueFigures);
      const throughput = await throughputRuns(target, boss);
      console.log('  throughput', throughput);
      const latency = {
        oursPolled: await oursLatency(target, false),
        oursWoken: await oursLatency(target, true),
        bossPolled: await bossLatency(target, boss, false),
        bossWoken: await bossLatency(target, boss, true),
      };
      console.log('  latency', latency);
      return { name: target.name, start: { ours: oursStartFigures, boss: bossStartFigures }, enqueue: enqueueFigures, throughput, latency };
    } finally {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    }
  } finally {
    await target.close();
  }
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const rate = (value: number) => `${Math.round(value)}/s`;
const ratio = (boss: number, ours: number) => (ours === 0 ? '-' : `${(boss / ours).toFixed(2)}x`);

function report(results: TargetResult[], load: { before: number[]; after: number[] }): string {
  const lines: string[] = [];
  const row = (...cells: string[]) => lines.push(`| ${cells.join(' | ')} |`);
  lines.push(`## Job queue: ours against pg-boss 10 (${new Date().toISOString().slice(0, 10)})`, '');
  lines.push(
    `\`npm run bench:jobs\` (bench/jobs-queue.ts), ${machine()}, pg-boss ${BOSS_VERSION}. Load average (1/5/15 min) ` +
      `${load.before.map((l) => l.toFixed(1)).join(' / ')} before, ${load.after.map((l) => l.toFixed(1)).join(' / ')} after. ` +
      `${TRANSACTIONS} enqueueing transactions and ${JOBS} backlog jobs, ${CONCURRENCY} at a time; ${SAMPLES} latency samples each; ` +
      `ratio = pg-boss / ours (above 1: pg-boss higher). Statements are those this process sent (pg Client.query), BEGIN and COMMIT included.`,
    '',
  );
  row('measure', ...results.flatMap((r) => [`${r.name} ours`, `${r.name} pg-boss`, `${r.name} ratio`]));
  row('---', ...results.flatMap(() => ['---', '---', '---']));
  const line = (name: string, pick: (r: TargetResult) => [number, number], format: (v: number) => string) =>
    row(name, ...results.flatMap((r) => {
      const [ours, boss] = pick(r);
      return [format(ours), format(boss), ratio(boss, ours)];
    }));
  const two = (v: number) => v.toFixed(2);
  const whole = (v: number) => String(v);
  // One row a measure: its name, ours and pg-boss's figures in a result, and their format.
  const measures: [string, (r: TargetResult) => [number, number], (v: number) => string][] = [
    ['(a) enqueueing transactions/s (write + enqueue)', (r) => [r.enqueue.ours.perSecond, r.enqueue.boss.perSecond], rate],
    ['(a) CPU ms of this process per transaction', (r) => [r.enqueue.ours.cpuMsPerTransaction, r.enqueue.boss.cpuMsPerTransaction], two],
    ['(a) statements per enqueueing transaction', (r) => [r.enqueue.ours.statementsPerTransaction, r.enqueue.boss.statementsPerTransaction], two],
    ['(b) backlog jobs/s, 4 workers x 1 job, polling 0.5 s', (r) => [r.throughput.ours.perSecond, r.throughput.boss4x1.perSecond], rate],
    ['(b) backlog jobs/s, pg-boss woken after each job', (r) => [r.throughput.ours.perSecond, r.throughput.boss4x1Woken.perSecond], rate],
    ['(b) CPU ms of this process per job (woken)', (r) => [r.throughput.ours.cpuMsPerJob, r.throughput.boss4x1Woken.cpuMsPerJob], two],
    ['(d) statements per job, claim + complete (polled)', (r) => [r.throughput.ours.statementsPerJob, r.throughput.boss4x1.statementsPerJob], two],
    ['(d) statements per job, claim + complete (woken)', (r) => [r.throughput.ours.statementsPerJob, r.throughput.boss4x1Woken.statementsPerJob], two],
    ['(c) commit to handler p50, polling 0.5 s', (r) => [r.latency.oursPolled.p50, r.latency.bossPolled.p50], ms],
    ['(c) commit to handler p99, polling 0.5 s', (r) => [r.latency.oursPolled.p99, r.latency.bossPolled.p99], ms],
    ['(c) commit to handler p50, woken by the enqueuer', (r) => [r.latency.oursWoken.p50, r.latency.bossWoken.p50], ms],
    ['(c) commit to handler p99, woken by the enqueuer', (r) => [r.latency.oursWoken.p99, r.latency.bossWoken.p99], ms],
    ['(e) first start on an empty database', (r) => [r.start.ours.installMs, r.start.boss.installMs], ms],
    ['(e) statements of that start', (r) => [r.start.ours.installStatements, r.start.boss.installStatements], whole],
    ['(e) nothing to first job\'s handler', (r) => [r.start.ours.firstJobMs, r.start.boss.firstJobMs], ms],
    ['(e) statements to the first job', (r) => [r.start.ours.firstJobStatements, r.start.boss.firstJobStatements], whole],
  ];
  for (const [name, pick, format] of measures) line(name, pick, format);
  lines.push('');
  for (const r of results) {
    lines.push(
      `- ${r.name}: a transaction that writes its row and nothing else runs at ${rate(r.enqueue.changeOnly.perSecond)} ` +
        `(${r.enqueue.changeOnly.statementsPerTransaction.toFixed(2)} statements). pg-boss's polled backlog run did ` +
        `${r.throughput.boss4x1.done} of ${JOBS} jobs in its ${SLOW_RUN_LIMIT_MS / 1000} s limit. pg-boss restarted on its installed ` +
        `schema in ${ms(r.start.boss.restartMs ?? NaN)}; it installed ${r.start.boss.objects}, its install script (15 statements) sent as one of its first start's calls.`,
    );
  }
  return lines.join('\n');
}

const loadBefore = loadavg();
const results: TargetResult[] = [];
for (const kind of DATABASES) results.push(await runTarget(kind));
const markdown = report(results, { before: loadBefore, after: loadavg() });
console.log(`\n${markdown}`);
if (!options['no-write']) writeSection('jobs-queue', markdown);
