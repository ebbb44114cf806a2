// /metrics: scraped with the bearer token, the counters move after a request, a send, a job
// and a subscription event; without the token it answers 401, and with no token set it is off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobHandlers } from '../src/background/job-registry.js';
import { defaultWorkerOptions, startJobWorker } from '../src/jobs/worker.js';
import { createParleyYoga } from '../src/yoga.js';
import { encodeParleyId } from '../src/schema/ids.js';
import { createTestApp, type TestApp } from './support/app.js';
import { inboundPayload, postWebhook } from './support/postmark-payloads.js';

const METRICS_TOKEN = 'test-metrics-token-0123456789';
let app: TestApp;

beforeAll(async () => {
  app = await createTestApp({ seedDemo: true, env: { METRICS_TOKEN } });
});
afterAll(async () => {
  await app?.close();
});

async function scrape(token: string | null = METRICS_TOKEN, yoga = app.yoga) {
  const response = await yoga.fetch('http://parley.test/metrics', { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, text: await response.text() };
}

/** The value of one series, e.g. value(text, 'parley_jobs_total', { kind: 'draft-reply' }); 0 when absent. */
function value(text: string, name: string, labels: Record<string, string> = {}): number {
  let total = 0;
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(\{[^}]*\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const series = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => series[k] === v)) total += Number(match[3]);
  }
  return total;
}

describe('/metrics', () => {
  it('answers 401 without the token, and 404 when METRICS_TOKEN is unset', async () => {
    expect((await scrape(null)).status).toBe(401);
    expect((await scrape('wrong-token-wrong-token')).status).toBe(401);
    const withoutToken = createParleyYoga({ ...app.services, config: { ...app.config, observability: { serviceName: 'parley', metricsToken: undefined, otlpEndpoint: undefined } } });
    expect((await scrape(METRICS_TOKEN, withoutToken)).status).toBe(404);
  });

  it('counts requests per operation, and errors by code', async () => {
    const before = (await scrape()).text;
    const ok = await app.executeRaw('query MetricsProbe { viewer { role } }');
    expect(ok.errors).toBeUndefined();
    const bad = await app.executeRaw('query MetricsBadId { node(id: "not-a-global-id") { id } }');
    expect(bad.errors?.length).toBeGreaterThan(0);
    const code = String(bad.errors![0]!.extensions?.code);
    const after = (await scrape()).text;
    expect(value(after, 'graphql_envelop_request', { operationName: 'MetricsProbe' }) - value(before, 'graphql_envelop_request', { operationName: 'MetricsProbe' })).toBe(1);
    expect(value(after, 'graphql_envelop_request_duration_count', { operationName: 'MetricsProbe' })).toBeGreaterThanOrEqual(1);
    expect(value(after, 'graphql_envelop_error_result', { code, operationName: 'MetricsBadId' }) - value(before, 'graphql_envelop_error_result', { code, operationName: 'MetricsBadId' })).toBe(1);
  });

  it('counts a send by status', async () => {
    const before = (await scrape()).text;
    const pending = await app.services.prisma.aISuggestion.findFirstOrThrow({ where: { status: 'PENDING' } });
    const result = await app.executeRaw(
      `mutation ($id: ID!) { approveSuggestion(input: { suggestionId: $id }) { __typename ... on ApproveSuggestionPayload { reply { deliveryStatus } } } }`,
      { id: encodeParleyId('AISuggestion', pending.id) },
    );
    expect(result.data).toMatchObject({ approveSuggestion: { __typename: 'ApproveSuggestionPayload', reply: { deliveryStatus: 'SENT' } } });
    const after = (await scrape()).text;
    expect(value(after, 'parley_email_sends_total', { status: 'sent' }) - value(before, 'parley_email_sends_total', { status: 'sent' })).toBe(1);
  });

  it('shows the job queue depth and age, and counts the job once it ran', async () => {
    const webhook = await postWebhook(app, 'inbound', inboundPayload({ from: 'metrics-lead@example.net', subject: 'Metrics question' }));
    expect(webhook.status).toBe(200);
    const queued = (await scrape()).text;
    const due = await app.services.prisma.job.count({ where: { status: 'QUEUED', runAt: { lte: new Date() } } });
    expect(due).toBeGreaterThan(0);
    expect(value(queued, 'parley_job_queue_depth', { status: 'QUEUED' })).toBe(due);
    expect(value(queued, 'parley_job_queue_oldest_age_seconds', { status: 'QUEUED' })).toBeGreaterThanOrEqual(0);
    expect(queued).toMatch(/^parley_job_queue_oldest_age_seconds\{status="QUEUED"\} /m);

    const worker = startJobWorker(app.services, createJobHandlers(), { ...defaultWorkerOptions, pollIntervalMs: 10 });
    try {
      await worker.idle();
    } finally {
      await worker.stop();
    }
    const done = (await scrape()).text;
    expect(value(done, 'parley_jobs_total', { kind: 'draft-reply', outcome: 'succeeded' }) - value(queued, 'parley_jobs_total', { kind: 'draft-reply', outcome: 'succeeded' })).toBe(1);
    expect(value(done, 'parley_job_queue_depth', { status: 'QUEUED' })).toBe(0);
  });

  it('counts live subscriptions and how late events reach them', async () => {
    const controller = new AbortController();
    const response = await app.yoga.fetch('http://parley.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${app.token}` },
      body: JSON.stringify({ query: 'subscription { newReply { at } }' }),
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    // Read the stream as it comes: the subscription starts once its stream is being pulled.
    let received = '';
    const gotReply = (async () => {
      while (!received.includes('"newReply"')) {
        const chunk = await reader.read();
        if (chunk.done) throw new Error(`stream ended: ${received}`);
        received += new TextDecoder().decode(chunk.value);
      }
    })();
    try {
      await expect.poll(async () => value((await scrape()).text, 'parley_subscriptions_active')).toBe(1);
      const before = (await scrape()).text;
      expect((await postWebhook(app, 'inbound', inboundPayload({ from: 'lag-lead@example.net', subject: 'Lag' }))).status).toBe(200);
      await gotReply;
      await expect
        .poll(async () => value((await scrape()).text, 'parley_event_lag_seconds_count', { type: 'NEW_REPLY' }))
        .toBe(value(before, 'parley_event_lag_seconds_count', { type: 'NEW_REPLY' }) + 1);
    } finally {
      controller.abort();
      await reader.cancel().catch(() => undefined);
    }
  });
});
