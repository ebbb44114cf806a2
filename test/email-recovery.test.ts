// Recovery of emails left QUEUED: by a crash between Postmark taking the email and the SENT
// update, or by an outcome nobody knew. Recovery looks each one up at Postmark (outbound
// message search by metadata) before sending anything again.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { RECOVERY_ACTOR, recoverQueuedEmails } from '../src/domain/sending/index.js';
import { OutboxSender } from '../src/email/outbox.js';
import { createTestApp, type TestApp } from './support/app.js';
import { createLocalPostgresDatabase } from './support/database.js';
import type { TestDatabase } from './support/database.js';
import { createThread } from './support/email-fixtures.js';
import { ApproveSuggestion } from './support/email-operations.js';
import { FakePostmark } from './support/fake-postmark.js';

let fake: FakePostmark;

beforeAll(async () => {
  fake = await FakePostmark.start();
});

afterAll(() => fake?.close());

const LEASE_PASSED = 10 * 60_000;

describe('a crash after Postmark took the email (a real process, killed)', () => {
  let database: TestDatabase & { url: string };
  beforeAll(async () => {
    database = await createLocalPostgresDatabase(4);
  });
  afterAll(() => database?.drop());

  it('is recovered at the next start-up from Postmark\'s message search, without a second email', async () => {
    fake.reset();
    const env = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: database.url,
      POSTMARK_SERVER_TOKEN: fake.token,
      POSTMARK_API_URL: fake.url,
      // The child's approval sends at once (no undo window), so the kill lands mid-send.
      SEND_UNDO_WINDOW_SECONDS: '0',
    };
    const config = loadConfig(env);
    const setup = await createApp(config);
    const t = await createThread(setup.services.prisma, setup.services.devAccountId);
    await setup.close();

    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/approve-child.ts', t.suggestionGid], {
      env: { PATH: process.env.PATH, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    // The moment Postmark has the email, and before the process hears back, it dies.
    fake.onTaken = async () => {
      child.kill('SIGKILL');
      await exited;
    };
    expect(await exited).toBe('SIGKILL');
    expect(output).not.toMatch(/ApproveSuggestionPayload/);
    expect(fake.emails).toHaveLength(1);
    const taken = fake.emails[0]!;
    fake.onTaken = undefined;

    const check = await createApp(config, { now: () => new Date(Date.now() - LEASE_PASSED) });
    const stranded = await check.services.prisma.conversationMessage.findFirstOrThrow({
      where: { conversationId: t.conversation.id, id: taken.body.Metadata!.messageId },
    });
    expect(stranded.deliveryStatus).toBe('QUEUED');
    expect(await check.startupRecovery).toMatchObject({ examined: 0 });
    await check.close();

    // Restart once the dead process's lease has run out.
    const restarted = await createApp(config, { now: () => new Date(Date.now() + LEASE_PASSED) });
    try {
      expect(await restarted.startupRecovery).toMatchObject({ examined: 1, sent: 1 });
      expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /email', 'GET /messages/outbound']);
      expect(fake.requests[1]!.query.get('metadata_messageId')).toBe(stranded.id);
      expect(fake.emails).toHaveLength(1);
      const { prisma } = restarted.services;
      const message = await prisma.conversationMessage.findUniqueOrThrow({ where: { id: stranded.id } });
      expect(message).toMatchObject({
        deliveryStatus: 'SENT',
        providerMessageId: taken.messageId,
        messageIdHeader: `<${taken.messageId}@mtasv.net>`,
        sentAt: new Date(taken.receivedAt),
      });
      expect(await prisma.conversation.findUniqueOrThrow({ where: { id: t.conversation.id } })).toMatchObject({
        status: 'WAITING_FOR_LEAD',
        lastMessageId: stranded.id,
      });
      expect(await prisma.aISuggestion.findUniqueOrThrow({ where: { id: t.suggestion!.id } })).toMatchObject({
        status: 'APPROVED',
        sentMessageId: stranded.id,
      });
      // Running it again finds nothing left to do.
      expect(await recoverQueuedEmails({ services: restarted.services, actor: RECOVERY_ACTOR })).toMatchObject({ examined: 0 });
    } finally {
      await restarted.close();
    }
  }, 180_000); // a child process and three app starts: slow on a loaded 2-core machine
});

describe('recovery of queued emails', () => {
  const NOW = new Date('2026-11-20T10:00:00.000Z');
  let clock = NOW;
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp({
      env: { POSTMARK_SERVER_TOKEN: fake.token, POSTMARK_API_URL: fake.url },
      now: () => clock,
      emailPolicy: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
    });
  });
  afterAll(() => app?.close());

  /** An approval whose outcome stayed unknown (Postmark answered 500, and its search did not show it): UNCERTAIN. */
  async function strandedApproval(options?: Parameters<typeof createThread>[2]) {
    fake.reset();
    clock = NOW;
    const t = await createThread(app.services.prisma, app.services.devAccountId, options);
    fake.scriptEmails({ status: 500 }, { status: 500 });
    const result = await app.execute(ApproveSuggestion, { input: { suggestionId: t.suggestionGid } });
    expect(result.data!.approveSuggestion).toMatchObject({ reply: { deliveryStatus: 'UNCERTAIN' } });
    expect(fake.emails).toHaveLength(0);
    fake.reset();
    clock = new Date(NOW.getTime() + app.services.emailPolicy.lookupWindowMs + 1000);
    const message = await app.services.prisma.conversationMessage.findFirstOrThrow({
      where: { conversationId: t.conversation.id, deliveryStatus: 'UNCERTAIN' },
    });
    return { ...t, message };
  }

  it('does not send while the lookup cannot tell (search failing), even after the window; the email stays UNCERTAIN', async () => {
    const t = await strandedApproval();
    fake.scriptSearches({ status: 500 });
    expect(await recoverQueuedEmails({ services: app.services, actor: RECOVERY_ACTOR })).toMatchObject({ examined: 1, unknown: 1 });
    expect(fake.requestsTo('POST', '/email')).toHaveLength(0);
    expect((await app.services.prisma.conversationMessage.findUniqueOrThrow({ where: { id: t.message.id } })).deliveryStatus).toBe('UNCERTAIN');
    // Once the search answers (and does not have it, the window long past), it is sent once.
    expect(await recoverQueuedEmails({ services: app.services, actor: RECOVERY_ACTOR })).toMatchObject({ examined: 1, sent: 1 });
    expect(fake.emails).toHaveLength(1);
  });

  it('does not send to a lead marked do-not-contact since: FAILED, and the draft back to PENDING', async () => {
    const t = await strandedApproval();
    await app.services.prisma.lead.update({ where: { id: t.lead.id }, data: { doNotContact: true } });
    expect(await recoverQueuedEmails({ services: app.services, actor: RECOVERY_ACTOR })).toMatchObject({ examined: 1, failed: 1 });
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /messages/outbound']);
    const { prisma } = app.services;
    expect(await prisma.conversationMessage.findUniqueOrThrow({ where: { id: t.message.id } })).toMatchObject({
      deliveryStatus: 'FAILED',
      errorCode: 'DO_NOT_CONTACT',
    });
    expect((await prisma.aISuggestion.findUniqueOrThrow({ where: { id: t.suggestion!.id } })).status).toBe('PENDING');
  });

  it('leaves an email queued for Postmark alone when this instance has no token', async () => {
    const t = await strandedApproval();
    const { prisma, logger } = app.services;
    // The same database seen by an instance without POSTMARK_SERVER_TOKEN.
    const outboxInstance = { ...app.services, email: new OutboxSender(prisma, logger) };
    expect(await recoverQueuedEmails({ services: outboxInstance, actor: RECOVERY_ACTOR })).toMatchObject({ examined: 1, skipped: 1 });
    expect(await prisma.outboxEmail.count()).toBe(0);
    expect((await prisma.conversationMessage.findUniqueOrThrow({ where: { id: t.message.id } })).deliveryStatus).toBe('UNCERTAIN');
    // Left for a Postmark instance, which sends it once.
    expect(await recoverQueuedEmails({ services: app.services, actor: RECOVERY_ACTOR })).toMatchObject({ examined: 1, sent: 1 });
    expect(fake.emails).toHaveLength(1);
  });
  it('finishes a stranded send when the client retries with its idempotency key, looking first', async () => {
    fake.reset();
    clock = NOW;
    const t = await createThread(app.services.prisma, app.services.devAccountId);
    fake.scriptEmails({ takeThenDrop: true });
    fake.scriptSearches({ status: 500 });
    const input = { suggestionId: t.suggestionGid, idempotencyKey: 'timeout-retry-1' };
    const first = await app.execute(ApproveSuggestion, { input });
    // Postmark took it, but neither its answer nor a lookup came back: UNCERTAIN, not sent twice.
    expect(first.data!.approveSuggestion).toMatchObject({ reply: { deliveryStatus: 'UNCERTAIN' } });
    expect(fake.emails).toHaveLength(1);
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /email', 'GET /messages/outbound']);
    // The client's retry looks again (nobody holds the lease of an UNCERTAIN email) and finds it.
    const retried = await app.execute(ApproveSuggestion, { input });
    expect(retried.data!.approveSuggestion).toMatchObject({
      __typename: 'ApproveSuggestionPayload',
      reply: { deliveryStatus: 'SENT', providerMessageId: fake.emails[0]!.messageId },
      conversation: { status: 'WAITING_FOR_LEAD' },
    });
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /email', 'GET /messages/outbound', 'GET /messages/outbound']);
    expect(fake.emails).toHaveLength(1);
  });

  it('supersedes the failed draft when a newer one arrived while it was queued', async () => {
    const t = await strandedApproval();
    const { prisma } = app.services;
    const newer = await prisma.aISuggestion.create({
      data: {
        accountId: app.services.devAccountId,
        conversationId: t.conversation.id,
        subject: 'Re: Website redesign',
        body: 'A newer draft.',
        confidence: 0.7,
        provider: 'offline',
        model: 'offline',
      },
    });
    await prisma.lead.update({ where: { id: t.lead.id }, data: { doNotContact: true } });
    expect(await recoverQueuedEmails({ services: app.services, actor: RECOVERY_ACTOR })).toMatchObject({ failed: 1 });
    expect((await prisma.aISuggestion.findUniqueOrThrow({ where: { id: t.suggestion!.id } })).status).toBe('SUPERSEDED');
    expect((await prisma.aISuggestion.findUniqueOrThrow({ where: { id: newer.id } })).status).toBe('PENDING');
  });
});
