// A PostgreSQL outage, on a server of the test's own (stopped and started again; the shared
// server is never touched): requests answer a typed, retryable SERVICE_UNAVAILABLE with HTTP
// 503 (never a 200 whose data is missing), webhooks and /ready answer 503, a job whose worker
// lost the database runs again as soon as it returns (not after its lease), and an approval
// whose email went out while the database was lost answers with the queued reply.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { RECOVERY_ACTOR, recoverQueuedEmails } from '../src/domain/sending/index.js';
import { enqueueJob } from '../src/jobs/queue.js';
import { createThread } from './support/email-fixtures.js';
import { FakePostmark } from './support/fake-postmark.js';
import { startOwnPostgres, type OwnPostgres } from './support/own-postgres.js';
import { devAuth, inboundPayload } from './support/postmark-payloads.js';

const PORT = 5442;
const OUTAGE_MS = 20_000;

let pgServer: OwnPostgres;
let fake: FakePostmark;
let app: App;
let token: string;
// The probe job: its first run waits for the outage, then touches the database.
let releaseProbe: () => void = () => undefined;
const probeGate = new Promise<void>((resolve) => (releaseProbe = resolve));
const probeRuns: string[] = [];

beforeAll(async () => {
  pgServer = await startOwnPostgres(PORT);
  fake = await FakePostmark.start();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: pgServer.url,
    DATABASE_POOL_SIZE: '4',
    PARLEY_SEED_ON_START: 'true',
    POSTMARK_SERVER_TOKEN: fake.token,
    POSTMARK_API_URL: fake.url,
    JOBS_RUN_WORKER: 'true',
    // Approvals send at once (no undo window): the outage is what is tested.
    SEND_UNDO_WINDOW_SECONDS: '0',
  });
  app = await createApp(config, {
    jobHandlers: {
      'outage-probe': async (ctx) => {
        probeRuns.push('started');
        await probeGate;
        await ctx.services.prisma.$queryRaw`SELECT 1`;
        probeRuns.push('done');
      },
    },
    // A lease far longer than the test: only the worker's own hand-back can rerun the job.
    workerOptions: { pollIntervalMs: 200, leaseMs: 60 * 60_000 },
    emailPolicy: { baseDelayMs: 1, maxDelayMs: 2, databaseWaitMs: 60_000 },
  });
  token = app.services.devToken!;
}, 180_000);

afterAll(async () => {
  releaseProbe();
  await app?.close().catch(() => undefined);
  await fake?.close();
  await pgServer?.destroy();
});

const gqlPost = (query: string, variables?: Record<string, unknown>) =>
  app.yoga.fetch('http://parley.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });

const LIST = `{ conversations(first: 5) { totalCount edges { node { id subject lead { email } } } } }`;
const ARCHIVE = `mutation ($id: ID!) { archiveConversation(input: { conversationId: $id, reason: "outage" }) {
  __typename ... on ArchiveConversationPayload { conversation { id status } } ... on Error { code } } }`;

interface Seen {
  what: string;
  status: number;
  body: { data?: unknown; errors?: { extensions?: { code?: string } }[] } | string;
}

/** A 200 carries complete data and no error; anything else is a 503 that says SERVICE_UNAVAILABLE. */
function expectHonest(seen: Seen) {
  if (typeof seen.body === 'string') return;
  if (seen.status === 200) {
    expect(seen.body.errors, `${seen.what}: a 200 with errors`).toBeUndefined();
    expect(seen.body.data, `${seen.what}: a 200 without data`).toBeTruthy();
  } else {
    expect(seen.status, seen.what).toBe(503);
    expect(seen.body.errors?.length, seen.what).toBeGreaterThan(0);
    for (const error of seen.body.errors ?? []) expect(error.extensions?.code, seen.what).toBe('SERVICE_UNAVAILABLE');
  }
}

describe('PostgreSQL stopped for 20 s under a small load', () => {
  it('answers typed 503s meanwhile, no 200 with missing data, and resumes jobs as soon as it is back', async () => {
    const { prisma, devAccountId } = app.services;
    const conversation = await prisma.conversation.findFirstOrThrow({ where: { accountId: devAccountId, status: { not: 'ARCHIVED' } } });
    const conversationGid = Buffer.from(`Conversation:${conversation.id}`).toString('base64');
    expect((await gqlPost(LIST)).status).toBe(200);

    await enqueueJob(prisma, { kind: 'outage-probe', accountId: devAccountId, payload: {} });
    app.services.jobs.wake();
    await expect.poll(() => probeRuns.length).toBe(1);

    await pgServer.stop();
    releaseProbe();
    const seen: Seen[] = [];
    const record = async (what: string, response: Response | Promise<Response>) => {
      const res = await response;
      const text = await res.text();
      let body: Seen['body'] = text;
      try {
        body = JSON.parse(text) as Seen['body'];
      } catch {
        // not JSON (a plain 503 body): kept as text
      }
      seen.push({ what, status: res.status, body });
    };
    const outageEnds = Date.now() + OUTAGE_MS;
    let round = 0;
    // A small, bounded load: one round of each kind of request at a time.
    while (Date.now() < outageEnds && round < 200) {
      round++;
      await Promise.all([
        record('list', gqlPost(LIST)),
        record('archive', gqlPost(ARCHIVE, { id: conversationGid })),
        record(
          'webhook',
          app.yoga.fetch('http://parley.test/webhooks/postmark/inbound', {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: devAuth },
            body: JSON.stringify(inboundPayload({ messageId: `<outage-${round}@mail.example>` })),
          }),
        ),
        record('ready', app.yoga.fetch('http://parley.test/ready')),
      ]);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    for (const s of seen.filter((s) => s.what === 'list' || s.what === 'archive')) expectHonest(s);
    expect(seen.filter((s) => s.what === 'list' && s.status === 503).length).toBeGreaterThan(0);
    expect(seen.filter((s) => s.what === 'webhook').map((s) => s.status)).toEqual(seen.filter((s) => s.what === 'webhook').map(() => 503));
    expect(seen.filter((s) => s.what === 'ready').every((s) => s.status === 503)).toBe(true);
    const unavailable = seen.find((s) => s.status === 503 && typeof s.body !== 'string' && s.body.errors);
    expect(unavailable).toBeDefined();
    // The probe job could not finish: its outcome waits in the worker, not in its lease.
    expect(probeRuns).toEqual(['started']);

    await pgServer.start();
    await expect.poll(async () => (await app.yoga.fetch('http://parley.test/ready')).status, { interval: 200 }).toBe(200);
    const after = await gqlPost(LIST);
    expect(after.status).toBe(200);
    expect(((await after.json()) as { data: { conversations: { totalCount: number } } }).data.conversations.totalCount).toBeGreaterThan(0);
    // Handed back without waiting for the hour-long lease, without counting the lost attempt.
    await expect.poll(() => probeRuns, { interval: 200 }).toEqual(['started', 'started', 'done']);
    await expect
      .poll(async () => (await prisma.job.findFirstOrThrow({ where: { kind: 'outage-probe' } })).status)
      .toBe('SUCCEEDED');
    expect((await prisma.job.findFirstOrThrow({ where: { kind: 'outage-probe' } })).attempts).toBe(1);
  }, OUTAGE_MS + 120_000);
});

describe('the database lost after Postmark took an approved email', () => {
  it('answers the approval with its queued reply, and recovery marks it SENT without a second email', async () => {
    fake.reset();
    const t = await createThread(app.services.prisma, app.services.devAccountId);
    let restarted: Promise<void> | undefined;
    fake.onTaken = async () => {
      await pgServer.stop();
      restarted = pgServer.start();
    };
    const response = await gqlPost(
      `mutation ($id: ID!) { approveSuggestion(input: { suggestionId: $id }) {
        __typename ... on ApproveSuggestionPayload { reply { id deliveryStatus } suggestion { status } } ... on Error { code message } } }`,
      { id: t.suggestionGid },
    );
    await restarted;
    fake.onTaken = undefined;
    const body = (await response.json()) as { data: { approveSuggestion: { __typename: string; reply: { deliveryStatus: string }; suggestion: { status: string } } } };
    expect(response.status, JSON.stringify(body)).toBe(200);
    expect(body.data.approveSuggestion).toMatchObject({
      __typename: 'ApproveSuggestionPayload',
      reply: { deliveryStatus: 'QUEUED' },
      suggestion: { status: 'APPROVED' },
    });
    expect(fake.emails).toHaveLength(1);
    // Later, recovery (its lease run out) finds it at Postmark and does not send it again.
    const later = { ...app.services, now: () => new Date(Date.now() + 60 * 60_000) };
    expect(await recoverQueuedEmails({ services: later, actor: RECOVERY_ACTOR })).toMatchObject({ sent: 1 });
    expect(fake.emails).toHaveLength(1);
  }, 120_000);
});
