// POST /webhooks/postmark/inbound: authentication, body limits, threading by each rule,
// exactly-once storage, and the job it leaves for the AI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationEvent } from '../src/events/bus.js';
import { graphql } from './gql/index.js';
import { createTestApp, type TestApp } from './support/app.js';
import { createAccount, createConversation, createLead, gid, rawId } from './support/factories.js';
import { devAuth, inboundPayload, postWebhook } from './support/postmark-payloads.js';

const Thread = graphql(`
  query InboundThread($id: ID!) {
    conversation(id: $id) {
      status
      lead { email name }
      lastMessage { direction textBody strippedText htmlBody fromEmail ccEmails attachments { name contentType size } }
      messages(first: 20) { totalCount }
    }
  }
`);

let app: TestApp;
const events: ConversationEvent[] = [];

beforeAll(async () => {
  app = await createTestApp();
  void (async () => {
    for await (const event of app.services.events.subscribe(app.services.devAccountId)) events.push(event);
  })();
});

afterAll(() => app?.close());

const counts = async () => ({
  messages: await app.services.prisma.conversationMessage.count(),
  jobs: await app.services.prisma.job.count(),
  leads: await app.services.prisma.lead.count(),
});

async function seedThread(subject = 'A faster website for Lee Bakery') {
  const { prisma, devAccountId } = app.services;
  const lead = await createLead(prisma, devAccountId, { email: `lead-${Math.random().toString(36).slice(2, 8)}@example.net` });
  const conversation = await createConversation(prisma, devAccountId, lead.id, {
    subject,
    status: 'WAITING_FOR_LEAD',
    messages: [{ direction: 'OUTBOUND', at: new Date('2026-11-20T09:00:00Z') }],
  });
  const outbound = await prisma.conversationMessage.update({
    where: { id: conversation.lastMessageId! },
    data: { messageIdHeader: `<${conversation.id}@parley.example.com>`, providerMessageId: `pm-${conversation.id}` },
  });
  return { lead, conversation, outbound };
}

describe('authentication and limits', () => {
  it('answers missing or wrong credentials with 401 (never 403) and stores nothing', async () => {
    const before = await counts();
    const missing = await postWebhook(app, 'inbound', inboundPayload(), { auth: null });
    const wrong = await postWebhook(app, 'inbound', inboundPayload(), {
      auth: `Basic ${Buffer.from('postmark:guess').toString('base64')}`,
    });
    const garbage = await postWebhook(app, 'inbound', inboundPayload(), { auth: 'Bearer abc' });
    expect([missing.status, wrong.status, garbage.status]).toEqual([401, 401, 401]);
    expect(await counts()).toEqual(before);
  });

  it('answers 429 with Retry-After once an address keeps failing authentication', async () => {
    const { createRateLimits } = await import('../src/limits/rate-limits.js');
    const strict = await createTestApp({ rateLimits: createRateLimits({ overrides: { webhookFailure: { points: 2, duration: 60 } } }) });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await postWebhook(strict, 'inbound', inboundPayload(), { auth: null })).status);
      expect(statuses).toEqual([401, 401, 429, 429]);
      // Valid credentials still get through.
      expect((await postWebhook(strict, 'inbound', inboundPayload())).status).toBe(200);
    } finally {
      await strict.close();
    }
  });

  it('answers malformed JSON and missing fields with 400 and a reason, storing nothing', async () => {
    const before = await counts();
    const malformed = await postWebhook(app, 'inbound', null, { rawBody: '{"MessageID": "x",' });
    expect(malformed).toMatchObject({ status: 400, body: { error: 'MALFORMED_JSON' } });
    const { MessageID: _omit, ...noId } = inboundPayload();
    const missingId = await postWebhook(app, 'inbound', noId);
    expect(missingId.status).toBe(400);
    expect(missingId.body.message).toMatch(/MessageID/);
    const badSender = await postWebhook(app, 'inbound', { ...inboundPayload(), From: 'nobody', FromFull: { Email: 'nobody' } });
    expect(badSender.status).toBe(400);
    expect(badSender.body.message).toMatch(/sender/);
    expect(await counts()).toEqual(before);
  });

  it('answers bodies over the limit with 413, with or without a Content-Length', async () => {
    const small = await createTestApp({ env: { WEBHOOK_MAX_BODY_BYTES: '4096' } });
    try {
      const big = inboundPayload({ text: 'x'.repeat(10_000) });
      expect((await postWebhook(small, 'inbound', big)).status).toBe(413);
      const encoded = new TextEncoder().encode(JSON.stringify(big));
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < encoded.length; i += 1000) controller.enqueue(encoded.slice(i, i + 1000));
          controller.close();
        },
      });
      const chunked = await small.yoga.fetch('http://parley.test/webhooks/postmark/inbound', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: devAuth },
        body: stream,
        duplex: 'half',
      });
      expect(chunked.status).toBe(413);
      expect(await small.services.prisma.conversationMessage.count()).toBe(0);
    } finally {
      await small.close();
    }
  });

  it('refuses GET', async () => {
    const response = await app.yoga.fetch('http://parley.test/webhooks/postmark/inbound');
    expect(response.status).toBe(405);
  });
});

describe('threading', () => {
  it('threads by MailboxHash first, even when the subject differs', async () => {
    const { conversation } = await seedThread();
    const response = await postWebhook(app, 'inbound', inboundPayload({ mailboxHash: conversation.replyHash, subject: 'totally different' }));
    expect(response).toMatchObject({ status: 200, body: { status: 'stored', threadedBy: 'mailbox-hash', conversationId: gid('Conversation', conversation.id) } });
  });

  it('threads by In-Reply-To or References naming a message we sent', async () => {
    const a = await seedThread();
    const byInReplyTo = await postWebhook(app, 'inbound', inboundPayload({ inReplyTo: a.outbound.messageIdHeader!, subject: 'x' }));
    expect(byInReplyTo.body).toMatchObject({ threadedBy: 'references', conversationId: gid('Conversation', a.conversation.id) });
    const b = await seedThread();
    // Postmark's own Message-ID (<MessageID@mtasv.net>) in References also finds the thread.
    const byReferences = await postWebhook(app, 'inbound', inboundPayload({ references: `<unrelated@x> <pm-${b.conversation.id}@mtasv.net>`, subject: 'y' }));
    expect(byReferences.body).toMatchObject({ threadedBy: 'references', conversationId: gid('Conversation', b.conversation.id) });
  });

  it("threads by the lead's address and the subject without Re:/Fwd:", async () => {
    const { lead, conversation } = await seedThread('Pricing for the new menu');
    const response = await postWebhook(app, 'inbound', inboundPayload({ from: lead.email.toUpperCase(), subject: 'RE: Fwd:  pricing for the new MENU' }));
    expect(response.body).toMatchObject({ threadedBy: 'subject', conversationId: gid('Conversation', conversation.id) });
  });

  it('opens a new conversation for a known lead writing about something new', async () => {
    const { lead, conversation } = await seedThread('Pricing');
    const response = await postWebhook(app, 'inbound', inboundPayload({ from: lead.email, subject: 'Another question' }));
    expect(response.body).toMatchObject({ status: 'stored', threadedBy: 'new-conversation' });
    expect(response.body.conversationId).not.toBe(gid('Conversation', conversation.id));
  });

  it('makes a new lead, marked as inbound, and a conversation for an unknown sender', async () => {
    const response = await postWebhook(app, 'inbound', inboundPayload({ from: 'newcomer@fresh.example.org', fromName: 'Nia Newcomer', subject: 'Do you build shops?' }));
    expect(response.body).toMatchObject({ status: 'stored', threadedBy: 'new-lead' });
    const result = await app.execute(Thread, { id: response.body.conversationId as string });
    expect(result.data?.conversation).toMatchObject({ status: 'NEEDS_REVIEW', lead: { email: 'newcomer@fresh.example.org', name: 'Nia Newcomer' } });
    const lead = await app.services.prisma.lead.findFirstOrThrow({ where: { email: 'newcomer@fresh.example.org' } });
    expect(lead.source).toBe('inbound-email');
    const audit = await app.services.prisma.auditEntry.findFirstOrThrow({ where: { entityId: rawId(response.body.conversationId as string) } });
    expect(audit).toMatchObject({ action: 'conversation.reply_received', fromStatus: null, toStatus: 'NEEDS_REVIEW', details: { threadedBy: 'new-lead' } });
  });

  it('routes an unknown sender to the account named on the webhook URL', async () => {
    const other = await createAccount(app.services.prisma, 'other-team');
    const response = await postWebhook(app, 'inbound', inboundPayload({ from: 'someone@else.example.org' }), { query: '?account=other-team' });
    expect(response.status).toBe(200);
    const message = await app.services.prisma.conversationMessage.findUniqueOrThrow({ where: { id: rawId(response.body.messageId as string) } });
    expect(message.accountId).toBe(other.id);
  });

  it("the URL's account wins: a recipient or reply address naming another account does not re-route the email", async () => {
    const { prisma, devAccountId } = app.services;
    const acme = await createAccount(prisma, 'acme');
    const demoSlug = app.config.devAccountSlug;
    const toAcme = await postWebhook(app, 'inbound', inboundPayload({ from: 'pat@routing.example', to: 'acme@inbound.parley.example.com' }), { query: `?account=${demoSlug}` });
    expect(toAcme.status).toBe(200);
    expect((await prisma.conversationMessage.findUniqueOrThrow({ where: { id: rawId(toAcme.body.messageId as string) } })).accountId).toBe(devAccountId);
    // A reply address of one of acme's conversations, posted to demo's webhook URL.
    const acmeLead = await createLead(prisma, acme.id);
    const acmeConversation = await createConversation(prisma, acme.id, acmeLead.id, { messages: [{ direction: 'OUTBOUND', at: new Date() }] });
    const hash = await postWebhook(app, 'inbound', inboundPayload({ from: 'pat@routing.example', mailboxHash: acmeConversation.replyHash }), { query: `?account=${demoSlug}` });
    expect(hash.status).toBe(200);
    const stored = await prisma.conversationMessage.findUniqueOrThrow({ where: { id: rawId(hash.body.messageId as string) } });
    expect(stored.accountId).toBe(devAccountId);
    expect(stored.conversationId).not.toBe(acmeConversation.id);
    expect(await prisma.conversationMessage.count({ where: { accountId: acme.id, direction: 'INBOUND' } })).toBe(0);
  });

  it('refuses (422) a URL account that does not exist rather than guessing', async () => {
    const response = await postWebhook(app, 'inbound', inboundPayload({ from: 'pat@routing.example' }), { query: '?account=no-such-team' });
    expect(response.status).toBe(422);
    expect(response.body.error).toBe('UNROUTABLE');
  });

  it('without a URL account, routes by the first recipient that names an account', async () => {
    const { prisma } = app.services;
    const beta = await createAccount(prisma, 'beta-team');
    const response = await postWebhook(app, 'inbound', inboundPayload({ from: 'sam@routing.example', to: 'beta-team@inbound.parley.example.com' }));
    expect(response.status).toBe(200);
    expect((await prisma.conversationMessage.findUniqueOrThrow({ where: { id: rawId(response.body.messageId as string) } })).accountId).toBe(beta.id);
  });
});

describe('storing a reply', () => {
  it('stores text, html, stripped reply, cc, headers and attachment metadata; moves to NEEDS_REVIEW; queues the draft; publishes newReply', async () => {
    const { conversation } = await seedThread();
    events.length = 0;
    const response = await postWebhook(app, 'inbound', inboundPayload({
      mailboxHash: conversation.replyHash,
      attachments: [{ Name: 'floorplan.pdf', ContentType: 'application/pdf', ContentLength: 12345, Content: Buffer.from('pdf').toString('base64') }],
    }));
    expect(response.status).toBe(200);
    const result = await app.execute(Thread, { id: gid('Conversation', conversation.id) });
    expect(result.data?.conversation).toMatchObject({
      status: 'NEEDS_REVIEW',
      messages: { totalCount: 2 },
      lastMessage: {
        direction: 'INBOUND',
        strippedText: 'Sounds good. What would it cost?',
        htmlBody: '<p>Sounds good. What would it cost?</p>',
        ccEmails: ['boss@example.net'],
        attachments: [{ name: 'floorplan.pdf', contentType: 'application/pdf', size: 12345 }],
      },
    });
    expect(result.data?.conversation?.lastMessage?.textBody).toContain('> Hello');
    const stored = await app.services.prisma.conversationMessage.findUniqueOrThrow({ where: { id: rawId(response.body.messageId as string) } });
    expect(JSON.stringify(stored.attachments)).not.toContain(Buffer.from('pdf').toString('base64'));
    expect(stored.headers).toEqual(expect.arrayContaining([{ name: 'Date', value: 'Tue, 24 Nov 2026 10:00:00 +0000' }]));
    const job = await app.services.prisma.job.findFirstOrThrow({ where: { dedupeKey: stored.id } });
    expect(job).toMatchObject({ kind: 'draft-reply', status: 'QUEUED', payload: { conversationId: conversation.id, inboundMessageId: stored.id } });
    expect(events).toEqual([expect.objectContaining({ type: 'NEW_REPLY', conversationId: conversation.id, messageId: stored.id })]);
  });

  it('keeps attachment content only when configured', async () => {
    const keep = await createTestApp({ env: { INBOUND_STORE_ATTACHMENT_CONTENT: 'true' } });
    try {
      const content = Buffer.from('hello').toString('base64');
      const response = await postWebhook(keep, 'inbound', inboundPayload({ attachments: [{ Name: 'a.txt', ContentType: 'text/plain', ContentLength: 5, Content: content }] }));
      const stored = await keep.services.prisma.conversationMessage.findUniqueOrThrow({ where: { id: rawId(response.body.messageId as string) } });
      expect(stored.attachments).toEqual([{ name: 'a.txt', contentType: 'text/plain', size: 5, content }]);
    } finally {
      await keep.close();
    }
  });

  it('reopens an archived conversation for review', async () => {
    const { conversation } = await seedThread();
    await app.services.prisma.conversation.update({ where: { id: conversation.id }, data: { status: 'ARCHIVED', archivedAt: new Date(), archiveReason: 'done' } });
    await postWebhook(app, 'inbound', inboundPayload({ mailboxHash: conversation.replyHash }));
    const after = await app.services.prisma.conversation.findUniqueOrThrow({ where: { id: conversation.id } });
    expect(after).toMatchObject({ status: 'NEEDS_REVIEW', archivedAt: null, archiveReason: null });
    // The audit trail names who moved it, from which status, and which email did.
    const audit = await app.services.prisma.auditEntry.findFirstOrThrow({ where: { entityId: conversation.id, action: 'conversation.reply_received' } });
    expect(audit).toMatchObject({
      accountId: app.services.devAccountId,
      actor: 'system:inbound-email',
      entityType: 'Conversation',
      fromStatus: 'ARCHIVED',
      toStatus: 'NEEDS_REVIEW',
      details: { messageId: after.lastMessageId, threadedBy: 'mailbox-hash' },
    });
  });
});

describe('exactly once', () => {
  it('stores one message when the same payload is posted twice', async () => {
    const { conversation } = await seedThread();
    const payload = inboundPayload({ mailboxHash: conversation.replyHash });
    const first = await postWebhook(app, 'inbound', payload);
    const second = await postWebhook(app, 'inbound', payload);
    expect(first.body.status).toBe('stored');
    expect(second).toMatchObject({ status: 200, body: { status: 'duplicate', messageId: first.body.messageId } });
    expect(await app.services.prisma.conversationMessage.count({ where: { providerMessageId: payload.MessageID } })).toBe(1);
    expect(await app.services.prisma.job.count({ where: { dedupeKey: rawId(first.body.messageId as string), kind: 'draft-reply' } })).toBe(1);
  });

  it('stores one message, one lead and one conversation when posted 5 times at once', async () => {
    const payload = inboundPayload({ from: 'racer@concurrent.example.org', subject: 'Race condition?' });
    const responses = await Promise.all(Array.from({ length: 5 }, () => postWebhook(app, 'inbound', payload)));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(responses.filter((r) => r.body.status === 'stored')).toHaveLength(1);
    expect(new Set(responses.map((r) => r.body.messageId)).size).toBe(1);
    const { prisma } = app.services;
    expect(await prisma.conversationMessage.count({ where: { providerMessageId: payload.MessageID } })).toBe(1);
    expect(await prisma.lead.count({ where: { email: 'racer@concurrent.example.org' } })).toBe(1);
    expect(await prisma.conversation.count({ where: { lead: { email: 'racer@concurrent.example.org' } } })).toBe(1);
  });
});

describe('faults', () => {
  it('answers 5xx (so Postmark retries) when storing fails, never 200', async () => {
    const broken = await createTestApp();
    try {
      await broken.services.prisma.$executeRawUnsafe('ALTER TABLE conversation_messages RENAME TO conversation_messages_gone');
      const response = await postWebhook(broken, 'inbound', inboundPayload());
      expect(response.status).toBeGreaterThanOrEqual(500);
    } finally {
      await broken.close().catch(() => undefined);
    }
  });
});
