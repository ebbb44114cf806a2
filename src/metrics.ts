// Prometheus metrics: one prom-client registry per app (so tests with several apps never mix
// figures). GraphQL request rate, latency and errors come from Yoga's Prometheus plugin
// (src/yoga.ts); this module holds the figures only Parley knows: sends, jobs, the job queue,
// live subscriptions and how late events reach subscribers.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { PrismaClient } from './db/client.js';
import type { ConversationEvent } from './events/bus.js';

export interface Metrics {
  registry: Registry;
  /** Emails that left the pipeline, by outcome (sent, failed, unknown, ...). */
  sends: Counter<'status'>;
  /** Background jobs run, by kind and outcome (succeeded, failed). */
  jobs: Counter<'kind' | 'outcome'>;
  /** From an event's time to its hand-over to one subscriber. */
  eventLag: Histogram<'type'>;
  /** Reads the queue and subscription figures at scrape time from these sources. */
  observe(sources: { prisma: PrismaClient; activeSubscriptions: () => number }): void;
}

interface QueueRow {
  status: string;
  depth: bigint | number;
  oldest_seconds: number | null;
}

export function createMetrics(options: { processMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: 'parley_' });
  let sources: { prisma: PrismaClient; activeSubscriptions: () => number } | undefined;

  // One query per scrape fills both queue gauges: their collect() calls share the promise
  // (the registry asks every metric at once).
  let refreshing: Promise<void> | undefined;
  const refreshQueue = () =>
    (refreshing ??= (async () => {
      if (!sources) return;
      const rows = await sources.prisma.$queryRaw<QueueRow[]>`
        SELECT status, count(*) AS depth,
          extract(epoch FROM now() - min(CASE WHEN status = 'RUNNING' THEN locked_at ELSE run_at END))::float8 AS oldest_seconds
        FROM jobs WHERE status = 'RUNNING' OR (status = 'QUEUED' AND run_at <= now())
        GROUP BY status`;
      for (const status of ['QUEUED', 'RUNNING']) {
        const row = rows.find((r) => r.status === status);
        queueDepth.set({ status }, Number(row?.depth ?? 0));
        queueAge.set({ status }, Math.max(0, row?.oldest_seconds ?? 0));
      }
    })().finally(() => {
      refreshing = undefined;
    }));
  const queueDepth = new Gauge({
    name: 'parley_job_queue_depth',
    help: 'Jobs due and waiting (QUEUED) or running (RUNNING) now.',
    labelNames: ['status'],
    registers: [registry],
    collect: () => refreshQueue(),
  });
  const queueAge = new Gauge({
    name: 'parley_job_queue_oldest_age_seconds',
    help: 'Age of the oldest job by status: QUEUED since it became due, RUNNING since it was claimed.',
    labelNames: ['status'],
    registers: [registry],
    collect: () => refreshQueue(),
  });
  new Gauge({
    name: 'parley_subscriptions_active',
    help: 'GraphQL subscriptions listening in this process.',
    registers: [registry],
    collect() {
      this.set(sources?.activeSubscriptions() ?? 0);
    },
  });

  return {
    registry,
    sends: new Counter({ name: 'parley_email_sends_total', help: 'Emails that left the send pipeline, by outcome.', labelNames: ['status'], registers: [registry] }),
    jobs: new Counter({ name: 'parley_jobs_total', help: 'Background jobs run, by kind and outcome.', labelNames: ['kind', 'outcome'], registers: [registry] }),
    eventLag: new Histogram({
      name: 'parley_event_lag_seconds',
      help: 'Time from a conversation event to its hand-over to a subscriber.',
      labelNames: ['type'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    observe(next) {
      sources = next;
    },
  };
}

/** Records how late an event reaches a subscriber (its `at` is when it happened). */
export function observeEventLag(metrics: Metrics | undefined, event: ConversationEvent, now = Date.now()): void {
  if (!metrics) return;
  const at = Date.parse(event.at);
  if (Number.isFinite(at)) metrics.eventLag.observe({ type: event.type }, Math.max(0, (now - at) / 1000));
}
