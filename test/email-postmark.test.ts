import { graphql } from './gql/index.js';
// Sending through the real `postmark` client against a fake Postmark API on 127.0.0.1: what
// Postmark receives, how its answers map to typed errors, retries, lookups before re-sends,
// idempotency keys, and the state every outcome leaves behind.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApproveSuggestionInput } from './gql/graphql.js';
import { RECOVERY_ACTOR, recoverQueuedEmails } from '../src/domain/sending/index.js';
import { createTestApp, type TestApp } from './support/app.js';
import { collectEvents, createThread, T1 } from './support/email-fixtures.js';
import { ApproveSuggestion, RejectSuggestion, SendReply } from './support/email-operations.js';
import { FakePostmark } from './support/fake-postmark.js';

const WhoActs = graphql(`
  query WhoActs { viewer { actor } }
`);

const NOW = new Date('2026-11-20T10:00:00.000Z');
let clock = NOW;
let fake: FakePostmark;
let app: TestApp;

const uuidOf = (globalId: string) => Buffer.from(globalId, 'base64').toString('utf8').split(':')[1]!;

beforeAll(async () => {
  fake = await FakePostmark.start();
  app = await createTestApp({
    env: { POSTMARK_SERVER_TOKEN: fake.token, POSTMARK_API_URL: fake.url },
    now: () => clock,
    emailPolicy: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 },
  });
});

afterAll(async () => {
  await app?.close();
  await fake?.close();
});

beforeEach(() => {
  fake.reset();
  clock = NOW;
});

const thread = (options?: Parameters<typeof createThread>[2]) => createThread(app.services.prisma, app.services.devAccountId, options);
const approve = (input: ApproveSuggestionInput) => app.execute(ApproveSuggestion, { input });

describe('approveSuggestion through Postmark', () => {
  it('sends one email with the token, threading headers, Reply-To, metadata, tracking and tag, and returns everything changed', async () => {
    const t = await thread();
    const events = collectEvents(app.services.events, app.services.devAccountId);
    const result = await approve({ suggestionId: t.suggestionGid });
    events.stop();
    expect(result.errors).toBeUndefined();
    const payload = result.data!.approveSuggestion;
    if (payload.__typename !== 'ApproveSuggestionPayload') throw new Error(JSON.stringify(payload));

    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /email']);
    expect(fake.emails).toHaveLength(1);
    const [taken] = fake.emails;
    expect(taken!.headers['x-postmark-server-token']).toBe(fake.token);
    expect(taken!.headers['accept']).toBe('application/json');
    expect(taken!.headers['content-type']).toBe('application/json');
    expect(taken!.headers['user-agent']).toMatch(/^Postmark\.JS - \d/);
    const messageId = uuidOf(payload.reply.id);
    expect(taken!.body).toEqual({
      From: '"Parley Sales" <sales@parley.example.com>',
      To: `"Maria Delgado" <${t.lead.email}>`,
      ReplyTo: `replies+${t.conversation.replyHash}@inbound.parley.example.com`,
      Subject: 'Re: Website redesign',
      TextBody: t.suggestion!.body,
      HtmlBody: expect.stringContaining('<p>Most redesigns land between $2,500 and $4,500.</p>\n<p>Would Thursday work for a call?</p>'),
      Headers: [
        { Name: 'In-Reply-To', Value: t.inbound.messageIdHeader },
        { Name: 'References', Value: `${t.first.messageIdHeader} ${t.inbound.messageIdHeader}` },
      ],
      Metadata: {
        accountId: app.services.devAccountId,
        conversationId: t.conversation.id,
        messageId,
        suggestionId: t.suggestion!.id,
      },
      Tag: 'approved-suggestion',
      MessageStream: 'outbound',
      TrackOpens: true,
      TrackLinks: 'HtmlAndText',
    });

    expect(payload.suggestion).toMatchObject({
      id: t.suggestionGid,
      status: 'APPROVED',
      editedSubject: null,
      editedBody: null,
      decidedAt: NOW.toISOString(),
      sentMessage: { id: payload.reply.id },
    });
    expect(payload.reply).toMatchObject({
      direction: 'OUTBOUND',
      deliveryStatus: 'SENT',
      providerMessageId: taken!.messageId,
      messageId: `<${taken!.messageId}@mtasv.net>`,
      inReplyTo: t.inbound.messageIdHeader,
      fromEmail: 'sales@parley.example.com',
      fromName: 'Parley Sales',
      toEmail: t.lead.email,
      textBody: t.suggestion!.body,
      sentAt: NOW.toISOString(),
      errorCode: null,
    });
    expect(payload.conversation).toEqual({
      id: t.conversationGid,
      status: 'WAITING_FOR_LEAD',
      lastMessageAt: NOW.toISOString(),
      lastMessage: { id: payload.reply.id },
      hasPendingSuggestion: false,
    });

    const audit = await app.services.prisma.auditEntry.findMany({
      where: { entityId: { in: [t.suggestion!.id, messageId, t.conversation.id] } },
      orderBy: { createdAt: 'asc' },
    });
    // The API names the actor by global ID; the audit rows keep "user:<id>".
    const actor = `user:${uuidOf((await app.execute(WhoActs)).data!.viewer.actor)}`;
    expect(audit.map((a) => [a.actor, a.action, a.fromStatus, a.toStatus])).toEqual(
      expect.arrayContaining([
        [actor, 'suggestion.approved', 'PENDING', 'APPROVED'],
        [actor, 'message.queued', null, 'QUEUED'],
        [actor, 'message.sent', 'QUEUED', 'SENT'],
        [actor, 'conversation.replied', 'NEEDS_REVIEW', 'WAITING_FOR_LEAD'],
      ]),
    );
    expect(audit).toHaveLength(4);
    expect(events.events).toEqual([
      {
        type: 'SENT',
        accountId: app.services.devAccountId,
        conversationId: t.conversation.id,
        at: NOW.toISOString(),
        messageId,
        suggestionId: t.suggestion!.id,
        cursor: expect.stringMatching(/^\d+$/),
      },
    ]);
  });

  it('sends an edited draft as EDITED, keeping the drafted text beside the edit', async () => {
    const t = await thread();
    const result = await approve({
      suggestionId: t.suggestionGid,
      editedSubject: '  Re: Website redesign ',
      editedBody: 'Thursday at 2pm works. Talk soon!',
    });
    const payload = result.data!.approveSuggestion;
    expect(payload).toMatchObject({
      __typename: 'ApproveSuggestionPayload',
      suggestion: {
        status: 'EDITED',
        subject: 'Re: Website redesign',
        body: t.suggestion!.body,
        editedSubject: null,
        editedBody: 'Thursday at 2pm works. Talk soon!',
      },
      reply: { deliveryStatus: 'SENT', textBody: 'Thursday at 2pm works. Talk soon!' },
    });
    expect(fake.emails[0]!.body.TextBody).toBe('Thursday at 2pm works. Talk soon!');
    expect(fake.emails[0]!.body.Subject).toBe('Re: Website redesign');
  });

  it('turns a 422 with ErrorCode 406 (inactive recipient) into an EmailDeliveryError and leaves the draft PENDING', async () => {
    const t = await thread();
    fake.scriptEmails({ status: 422, ErrorCode: 406, Message: 'You tried to send to recipient(s) that have been marked as inactive.' });
    const events = collectEvents(app.services.events, app.services.devAccountId);
    const result = await approve({ suggestionId: t.suggestionGid });
    events.stop();
    expect(result.data!.approveSuggestion).toEqual({
      __typename: 'EmailDeliveryError',
      code: 'EMAIL_DELIVERY_FAILED',
      message: expect.stringMatching(/inactive/),
      providerCode: 406,
      providerMessage: 'You tried to send to recipient(s) that have been marked as inactive.',
      retryable: false,
    });
    // No retry of a refusal.
    expect(fake.requests).toHaveLength(1);
    const { prisma } = app.services;
    const suggestion = await prisma.aISuggestion.findUniqueOrThrow({ where: { id: t.suggestion!.id } });
    expect(suggestion).toMatchObject({ status: 'PENDING', sentMessageId: null, decidedAt: null, editedBody: null });
    const conversation = await prisma.conversation.findUniqueOrThrow({ where: { id: t.conversation.id } });
    expect(conversation).toMatchObject({ status: 'NEEDS_REVIEW', lastMessageId: t.inbound.id, lastMessageAt: T1 });
    const failed = await prisma.conversationMessage.findFirstOrThrow({ where: { conversationId: t.conversation.id, direction: 'OUTBOUND', deliveryStatus: 'FAILED' } });
    expect(failed).toMatchObject({ errorCode: '406', errorMessage: expect.stringMatching(/inactive/), sentAt: null, providerMessageId: null });
    expect(events.events).toEqual([
      expect.objectContaining({ type: 'ERROR', code: '406', conversationId: t.conversation.id, messageId: failed.id, suggestionId: t.suggestion!.id }),
    ]);
    const audit = await prisma.auditEntry.findMany({ where: { entityId: { in: [failed.id, t.suggestion!.id] } } });
    expect(audit.map((a) => [a.action, a.fromStatus, a.toStatus]).sort()).toEqual(
      [
        ['message.failed', 'QUEUED', 'FAILED'],
        ['message.queued', null, 'QUEUED'],
        ['suggestion.approved', 'PENDING', 'APPROVED'],
        ['suggestion.reopened', 'APPROVED', 'PENDING'],
      ].sort(),
    );

    // Approvable again: once the address is fixed upstream, the draft goes out.
    const again = await approve({ suggestionId: t.suggestionGid });
    expect(again.data!.approveSuggestion).toMatchObject({ __typename: 'ApproveSuggestionPayload', suggestion: { status: 'APPROVED' } });
    expect(fake.emails).toHaveLength(1);
  });

  it.each([
    [422, 300, "Invalid 'To' address.", /invalid/i],
    [401, 10, 'Request does not contain a valid Server token.', /POSTMARK_SERVER_TOKEN/],
    [422, 1235, 'Message stream not found.', /POSTMARK_MESSAGE_STREAM/],
  ])('maps HTTP %i with ErrorCode %i to an EmailDeliveryError with a human message', async (status, errorCode, providerMessage, human) => {
    const t = await thread();
    fake.scriptEmails({ status, ErrorCode: errorCode, Message: providerMessage });
    const result = await approve({ suggestionId: t.suggestionGid });
    expect(result.data!.approveSuggestion).toMatchObject({
      __typename: 'EmailDeliveryError',
      providerCode: errorCode,
      providerMessage,
      retryable: false,
      message: expect.stringMatching(human),
    });
    expect((await app.services.prisma.aISuggestion.findUniqueOrThrow({ where: { id: t.suggestion!.id } })).status).toBe('PENDING');
  });

  it('retries a 429 without looking up (Postmark did not take it) and sends once', async () => {
    const t = await thread();
    fake.scriptEmails({ status: 429, Message: 'Rate limit exceeded' });
    const result = await approve({ suggestionId: t.suggestionGid });
    expect(result.data!.approveSuggestion).toMatchObject({ reply: { deliveryStatus: 'SENT' } });
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /email', 'POST /email']);
    expect(fake.emails).toHaveLength(1);
  });

  it('when Postmark took the email but the answer was lost, finds it by lookup and does not send it again', async () => {
    const t = await thread();
    fake.scriptEmails({ takeThenDrop: true });
    const result = await approve({ suggestionId: t.suggestionGid });
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /email', 'GET /messages/outbound']);
    expect(fake.emails).toHaveLength(1);
    expect(result.data!.approveSuggestion).toMatchObject({
      __typename: 'ApproveSuggestionPayload',
      suggestion: { status: 'APPROVED' },
      reply: { deliveryStatus: 'SENT', providerMessageId: fake.emails[0]!.messageId },
      conversation: { status: 'WAITING_FOR_LEAD' },
    });
  });

  it('gives up on a lasting 503 with a retryable EmailDeliveryError, the draft PENDING again', async () => {
    const t = await thread();
    fake.scriptEmails({ status: 503 }, { status: 503 }, { status: 503 });
    const result = await approve({ suggestionId: t.suggestionGid });
    expect(result.data!.approveSuggestion).toMatchObject({
      __typename: 'EmailDeliveryError',
      retryable: true,
      providerCode: null,
      message: expect.stringMatching(/unavailable/),
    });
    expect(fake.requestsTo('POST', '/email')).toHaveLength(3);
    expect(fake.emails).toHaveLength(0);
    const failed = await app.services.prisma.conversationMessage.findFirstOrThrow({ where: { conversationId: t.conversation.id, deliveryStatus: 'FAILED' } });
    expect(failed.errorCode).toBe('PROVIDER_UNAVAILABLE');
    expect((await app.services.prisma.aISuggestion.findUniqueOrThrow({ where: { id: t.suggestion!.id } })).status).toBe('PENDING');
  });

  it('leaves an email whose outcome stays unknown UNCERTAIN; recovery looks it up, and sends it once the look-up window has passed', async () => {
    const t = await thread();
    fake.scriptEmails({ status: 500 });
    const result = await approve({ suggestionId: t.suggestionGid });
    const payload = result.data!.approveSuggestion;
    if (payload.__typename !== 'ApproveSuggestionPayload') throw new Error(JSON.stringify(payload));
    // A 500 may come after Postmark took the email: one look-up, and no second send before
    // the look-up window has passed.
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /email', 'GET /messages/outbound']);
    const lookup = fake.requests[1]!;
    expect(lookup.query.get('metadata_messageId')).toBe(uuidOf(payload.reply.id));
    expect(lookup.headers['x-postmark-server-token']).toBe(fake.token);
    expect(payload.reply.deliveryStatus).toBe('UNCERTAIN');
    expect(payload.suggestion.status).toBe('APPROVED');
    expect(fake.emails).toHaveLength(0);

    // Within the look-up window recovery only looks.
    fake.reset();
    clock = new Date(NOW.getTime() + app.services.emailPolicy.lookupWindowMs - 1000);
    expect(await recoverQueuedEmails({ services: app.services, actor: RECOVERY_ACTOR })).toMatchObject({ examined: 1, unknown: 1 });
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /messages/outbound']);
    clock = new Date(NOW.getTime() + app.services.emailPolicy.lookupWindowMs + 1000);
    fake.reset();
    const report = await recoverQueuedEmails({ services: app.services, actor: RECOVERY_ACTOR });
    expect(report).toMatchObject({ examined: 1, sent: 1 });
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /messages/outbound', 'POST /email']);
    const message = await app.services.prisma.conversationMessage.findUniqueOrThrow({ where: { id: uuidOf(payload.reply.id) } });
    expect(message).toMatchObject({ deliveryStatus: 'SENT', providerMessageId: fake.emails[0]!.messageId });
    const audit = await app.services.prisma.auditEntry.findFirstOrThrow({ where: { entityId: message.id, action: 'message.sent' } });
    expect(audit.actor).toBe('system:email-recovery');
    expect(audit.fromStatus).toBe('UNCERTAIN');
  });
});

describe('idempotency keys', () => {
  it('return the first result to a retried request without sending again', async () => {
    const t = await thread();
    const key = 'c0ffee00-0000-4000-8000-000000000001';
    const first = await approve({ suggestionId: t.suggestionGid, idempotencyKey: key });
    const second = await approve({ suggestionId: t.suggestionGid, idempotencyKey: key });
    expect(first.data!.approveSuggestion.__typename).toBe('ApproveSuggestionPayload');
    expect(second.data).toEqual(first.data);
    expect(fake.requests).toHaveLength(1);
    // The same key on another request is a client bug, said plainly.
    const other = await approve({ suggestionId: t.suggestionGid, idempotencyKey: key, editedBody: 'Something else' });
    expect(other.data!.approveSuggestion).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ path: ['input', 'idempotencyKey'], message: expect.stringMatching(/different request/) }],
    });
    // Without the key, approving twice is a state error.
    const noKey = await approve({ suggestionId: t.suggestionGid });
    expect(noKey.data!.approveSuggestion).toMatchObject({ __typename: 'InvalidStateError', currentState: 'APPROVED' });
    expect(fake.requests).toHaveLength(1);
  });

  it('replay a refusal as the same EmailDeliveryError without asking Postmark again', async () => {
    const t = await thread();
    fake.scriptEmails({ status: 422, ErrorCode: 406, Message: 'Inactive recipient' });
    const key = 'retry-after-406';
    const first = await approve({ suggestionId: t.suggestionGid, idempotencyKey: key });
    const second = await approve({ suggestionId: t.suggestionGid, idempotencyKey: key });
    expect(first.data!.approveSuggestion).toMatchObject({ __typename: 'EmailDeliveryError', providerCode: 406 });
    expect(second.data).toEqual(first.data);
    expect(fake.requests).toHaveLength(1);
  });
});

describe('sendReply through Postmark', () => {
  it('sends the HTML through the safe-HTML policy (links open safely), threads it, and rejects the draft it replaces', async () => {
    const t = await thread();
    const result = await app.execute(SendReply, {
      input: {
        conversationId: t.conversationGid,
        subject: 'Re: Website redesign',
        body: 'Here is our portfolio.',
        bodyHtml: '<p>Here is our <a href="https://parley.example.com/work">portfolio</a>.</p>',
      },
    });
    const payload = result.data!.sendReply;
    if (payload.__typename !== 'SendReplyPayload') throw new Error(JSON.stringify(payload));
    expect(payload).toMatchObject({
      reply: { deliveryStatus: 'SENT', inReplyTo: t.inbound.messageIdHeader, htmlBody: expect.stringContaining('portfolio</a>') },
      conversation: { status: 'WAITING_FOR_LEAD', lastMessage: { id: payload.reply.id }, hasPendingSuggestion: false },
    });
    const sent = fake.emails[0]!.body;
    expect(sent).toMatchObject({
      Tag: 'custom-reply',
      // The same policy as inbound HTML (src/email/safe-html.ts): content kept, links hardened.
      HtmlBody: '<p>Here is our <a href="https://parley.example.com/work" rel="noopener noreferrer nofollow" target="_blank">portfolio</a>.</p>',
      TextBody: 'Here is our portfolio.',
      ReplyTo: `replies+${t.conversation.replyHash}@inbound.parley.example.com`,
      Headers: [
        { Name: 'In-Reply-To', Value: t.inbound.messageIdHeader },
        { Name: 'References', Value: `${t.first.messageIdHeader} ${t.inbound.messageIdHeader}` },
      ],
    });
    expect(sent.Metadata).toEqual({ accountId: app.services.devAccountId, conversationId: t.conversation.id, messageId: uuidOf(payload.reply.id) });
    const draft = await app.services.prisma.aISuggestion.findUniqueOrThrow({ where: { id: t.suggestion!.id } });
    expect(draft).toMatchObject({ status: 'REJECTED', rejectionReason: 'Replaced by a custom reply.' });
  });
});

describe('rejectSuggestion', () => {
  it('rejects a PENDING draft with a reason, sends nothing, and leaves the conversation ACTIVE', async () => {
    const t = await thread();
    const result = await app.execute(RejectSuggestion, { input: { suggestionId: t.suggestionGid, reason: ' Too pushy ' } });
    expect(result.data!.rejectSuggestion).toEqual({
      __typename: 'RejectSuggestionPayload',
      suggestion: { id: t.suggestionGid, status: 'REJECTED', rejectionReason: 'Too pushy', decidedAt: NOW.toISOString() },
      conversation: { id: t.conversationGid, status: 'ACTIVE', hasPendingSuggestion: false },
    });
    expect(fake.requests).toHaveLength(0);
    const audit = await app.services.prisma.auditEntry.findMany({ where: { entityId: { in: [t.suggestion!.id, t.conversation.id] } } });
    expect(audit.map((a) => [a.action, a.fromStatus, a.toStatus]).sort()).toEqual([
      ['conversation.reviewed', 'NEEDS_REVIEW', 'ACTIVE'],
      ['suggestion.rejected', 'PENDING', 'REJECTED'],
    ]);
    const again = await app.execute(RejectSuggestion, { input: { suggestionId: t.suggestionGid } });
    expect(again.data!.rejectSuggestion).toMatchObject({ __typename: 'InvalidStateError', currentState: 'REJECTED' });
    const approveRejected = await approve({ suggestionId: t.suggestionGid });
    expect(approveRejected.data!.approveSuggestion).toMatchObject({ __typename: 'InvalidStateError', currentState: 'REJECTED' });
    expect(fake.requests).toHaveLength(0);
  });
});
