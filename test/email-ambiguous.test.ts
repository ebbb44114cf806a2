// Exactly once when Postmark's outbound search lags: the fake Postmark takes the email, then
// fails in each of the three ways that leave the outcome unknown (a 500 anyway, a dropped
// connection, no answer until the client times out), and its search shows the email only 60 s
// (of the injected clock) after taking it. The message is UNCERTAIN meanwhile, is never sent
// again, and settles as SENT (with its event) once the search shows it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RECOVERY_ACTOR, recoverQueuedEmails } from '../src/domain/sending/index.js';
import { createTestApp, type TestApp } from './support/app.js';
import { collectEvents, createThread } from './support/email-fixtures.js';
import { ApproveSuggestion } from './support/email-operations.js';
import { FakePostmark, type EmailScript } from './support/fake-postmark.js';
import { postWebhook } from './support/postmark-payloads.js';

const NOW = new Date('2026-11-20T10:00:00.000Z');
const SEARCH_LAG_MS = 60_000;
const LOOKUP_WINDOW_MS = 10 * 60_000;
let clock = NOW;
let fake: FakePostmark;
let app: TestApp;

const at = (ms: number) => new Date(NOW.getTime() + ms);
const uuidOf = (globalId: string) => Buffer.from(globalId, 'base64').toString('utf8').split(':')[1]!;

beforeAll(async () => {
  fake = await FakePostmark.start();
  app = await createTestApp({
    env: { POSTMARK_SERVER_TOKEN: fake.token, POSTMARK_API_URL: fake.url },
    now: () => clock,
    // requestTimeoutMs is a real timeout of the real client, for the hanging mode, and it bounds
    // every request to the fake: 5 s, far above what a loopback answer takes on a loaded machine
    // (1 s was within reach of one), and the one hanging test waits it once.
    emailPolicy: { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 2, requestTimeoutMs: 5000, lookupWindowMs: LOOKUP_WINDOW_MS },
  });
});

afterAll(async () => {
  await app?.close();
  await fake?.close();
});

beforeEach(() => {
  fake.reset();
  clock = NOW;
  fake.now = () => clock;
  fake.searchLagMs = SEARCH_LAG_MS;
});

const modes: [string, EmailScript][] = [
  ['a 500 after taking the email', { takeThenStatus: 500 }],
  ['the connection dropped after taking the email', { takeThenDrop: true }],
  ['no answer after taking the email (client timeout)', { takeThenHang: true }],
];

describe.each(modes)('Postmark takes the email, then %s, and its search lags 60 s', (_name, script) => {
  it('sends exactly one email: UNCERTAIN while the search cannot see it, SENT with an event once it does', async () => {
    const t = await createThread(app.services.prisma, app.services.devAccountId);
    const events = collectEvents(app.services.events, app.services.devAccountId);
    fake.scriptEmails(script);
    const result = await app.execute(ApproveSuggestion, { input: { suggestionId: t.suggestionGid } });
    const payload = result.data!.approveSuggestion;
    if (payload.__typename !== 'ApproveSuggestionPayload') throw new Error(JSON.stringify(payload));
    // Not an error: the approval stands, and the email's state says what is known.
    expect(payload.reply.deliveryStatus).toBe('UNCERTAIN');
    expect(payload.suggestion.status).toBe('APPROVED');
    expect(fake.emails).toHaveLength(1);
    const messageId = uuidOf(payload.reply.id);

    // Recovery runs while the search still lags, several times: it only looks.
    for (const elapsed of [1_000, 30_000, SEARCH_LAG_MS - 1_000]) {
      clock = at(elapsed);
      expect(await recoverQueuedEmails({ services: app.services, actor: RECOVERY_ACTOR })).toMatchObject({ examined: 1, unknown: 1, sent: 0 });
    }
    expect(fake.requestsTo('POST', '/email')).toHaveLength(1);
    expect((await app.services.prisma.conversationMessage.findUniqueOrThrow({ where: { id: messageId } })).deliveryStatus).toBe('UNCERTAIN');
    expect(events.events.filter((e) => e.type === 'SENT')).toHaveLength(0);

    // The search catches up: found, SENT, and the SENT event for it.
    clock = at(SEARCH_LAG_MS + 1_000);
    expect(await recoverQueuedEmails({ services: app.services, actor: RECOVERY_ACTOR })).toMatchObject({ examined: 1, sent: 1 });
    const message = await app.services.prisma.conversationMessage.findUniqueOrThrow({ where: { id: messageId } });
    expect(message).toMatchObject({ deliveryStatus: 'SENT', providerMessageId: fake.emails[0]!.messageId });
    await expect.poll(() => events.events.filter((e) => e.type === 'SENT' && e.messageId === messageId)).toHaveLength(1);

    // Long after the window: nothing more is sent.
    clock = at(LOOKUP_WINDOW_MS * 2);
    expect(await recoverQueuedEmails({ services: app.services, actor: RECOVERY_ACTOR })).toMatchObject({ examined: 0 });
    expect(fake.requestsTo('POST', '/email')).toHaveLength(1);
    expect(fake.emails).toHaveLength(1);
    events.stop();
  });
});

describe('an ambiguous send that Postmark never took', () => {
  it('is looked up until the look-up window has passed, then sent once', async () => {
    const t = await createThread(app.services.prisma, app.services.devAccountId);
    // A 500 without taking it: from Parley's side, the same unknown outcome.
    fake.scriptEmails({ status: 500 });
    const result = await app.execute(ApproveSuggestion, { input: { suggestionId: t.suggestionGid } });
    expect(result.data!.approveSuggestion).toMatchObject({ reply: { deliveryStatus: 'UNCERTAIN' } });
    expect(fake.emails).toHaveLength(0);
    clock = at(SEARCH_LAG_MS + 1_000);
    expect(await recoverQueuedEmails({ services: app.services, actor: RECOVERY_ACTOR })).toMatchObject({ examined: 1, unknown: 1 });
    clock = at(LOOKUP_WINDOW_MS - 1_000);
    expect(await recoverQueuedEmails({ services: app.services, actor: RECOVERY_ACTOR })).toMatchObject({ examined: 1, unknown: 1 });
    expect(fake.requestsTo('POST', '/email')).toHaveLength(1);
    clock = at(LOOKUP_WINDOW_MS + 1_000);
    expect(await recoverQueuedEmails({ services: app.services, actor: RECOVERY_ACTOR })).toMatchObject({ examined: 1, sent: 1 });
    expect(fake.emails).toHaveLength(1);
    expect(fake.requestsTo('POST', '/email')).toHaveLength(2);
  });
});

// A Postmark event about the email proves Postmark took it: the message settles at once, by
// the metadata the real client sent (Postmark echoes it in every webhook), without waiting for
// the lagging search, and the event then applies as to any sent email.
describe.each([
  ['a Delivery', (pm: string, metadata: Record<string, string>) => ({ RecordType: 'Delivery', MessageID: pm, DeliveredAt: at(5_000).toISOString(), Recipient: 'lead@example.com', Details: 'ok', Metadata: metadata }), 'DELIVERED'],
  ['a hard Bounce', (pm: string, metadata: Record<string, string>) => ({ RecordType: 'Bounce', ID: 42, Type: 'HardBounce', Description: 'no such mailbox', Inactive: true, BouncedAt: at(5_000).toISOString(), MessageID: pm, Metadata: metadata }), 'BOUNCED'],
] as const)('%s event for an UNCERTAIN email (search still lagging)', (_name, eventFor, finalStatus) => {
  it('settles it as SENT with its SENT event, applies the event, and nothing is sent again', async () => {
    const t = await createThread(app.services.prisma, app.services.devAccountId);
    const events = collectEvents(app.services.events, app.services.devAccountId);
    fake.scriptEmails({ takeThenStatus: 500 });
    const result = await app.execute(ApproveSuggestion, { input: { suggestionId: t.suggestionGid } });
    const payload = result.data!.approveSuggestion;
    if (payload.__typename !== 'ApproveSuggestionPayload') throw new Error(JSON.stringify(payload));
    expect(payload.reply.deliveryStatus).toBe('UNCERTAIN');
    const messageId = uuidOf(payload.reply.id);
    const taken = fake.emails[0]!;
    // The metadata exactly as the real postmark client sent it.
    expect(taken.body.Metadata).toMatchObject({ messageId });

    clock = at(10_000);
    const response = await postWebhook(app, 'events', eventFor(taken.messageId, taken.body.Metadata!));
    expect(response).toMatchObject({ status: 200, body: { status: 'recorded' } });
    const message = await app.services.prisma.conversationMessage.findUniqueOrThrow({ where: { id: messageId } });
    expect(message).toMatchObject({ deliveryStatus: finalStatus, providerMessageId: taken.messageId, messageIdHeader: `<${taken.messageId}@mtasv.net>` });
    // Sent no later than the last possible send (the ambiguous answer), not when the event came.
    expect(message.sentAt!.getTime()).toBeLessThanOrEqual(NOW.getTime());
    await expect.poll(() => events.events.filter((e) => e.type === 'SENT' && e.messageId === messageId)).toHaveLength(1);
    const outbound = await app.services.prisma.outboundEmail.findUniqueOrThrow({ where: { messageId } });
    expect(outbound.completedAt).not.toBeNull();
    const audit = await app.services.prisma.auditEntry.findFirstOrThrow({ where: { entityId: messageId, action: 'message.sent' } });
    expect(audit).toMatchObject({ fromStatus: 'UNCERTAIN', toStatus: 'SENT' });

    // The same event again changes nothing; recovery, after the window, has nothing to send.
    expect(await postWebhook(app, 'events', eventFor(taken.messageId, taken.body.Metadata!))).toMatchObject({ status: 200, body: { status: 'duplicate' } });
    clock = at(LOOKUP_WINDOW_MS * 2);
    expect(await recoverQueuedEmails({ services: app.services, actor: RECOVERY_ACTOR })).toMatchObject({ examined: 0 });
    expect(fake.requestsTo('POST', '/email')).toHaveLength(1);
    expect(events.events.filter((e) => e.type === 'SENT')).toHaveLength(1);
    events.stop();
  });
});

describe('an event whose metadata names our message but another account', () => {
  it('is acknowledged and not applied: the message stays UNCERTAIN', async () => {
    const t = await createThread(app.services.prisma, app.services.devAccountId);
    fake.scriptEmails({ takeThenStatus: 500 });
    const result = await app.execute(ApproveSuggestion, { input: { suggestionId: t.suggestionGid } });
    const payload = result.data!.approveSuggestion;
    if (payload.__typename !== 'ApproveSuggestionPayload') throw new Error(JSON.stringify(payload));
    const messageId = uuidOf(payload.reply.id);
    const taken = fake.emails[0]!;
    const metadata = { ...taken.body.Metadata!, accountId: '00000000-0000-4000-8000-000000000000' };
    const response = await postWebhook(app, 'events', { RecordType: 'Delivery', MessageID: taken.messageId, DeliveredAt: at(5_000).toISOString(), Recipient: 'lead@example.com', Details: 'ok', Metadata: metadata });
    expect(response).toMatchObject({ status: 200, body: { status: 'unknown-message' } });
    expect((await app.services.prisma.conversationMessage.findUniqueOrThrow({ where: { id: messageId } })).deliveryStatus).toBe('UNCERTAIN');
  });
});
