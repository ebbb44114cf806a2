// POST /webhooks/postmark/events: every record type changes what the API reports, retries
// are counted once, unknown messages are acknowledged, and blocking events stop the lead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.js';
import { createTestApp, type TestApp } from './support/app.js';
import { createConversation, createLead, gid } from './support/factories.js';
import { postWebhook } from './support/postmark-payloads.js';

const MessageState = graphql(`
  query MessageState($id: ID!) {
    node(id: $id) {
      ... on ConversationMessage {
        deliveryStatus deliveredAt openCount firstOpenedAt clickCount firstClickedAt clickedLinks errorCode errorMessage
        conversation { lead { doNotContact } }
      }
    }
  }
`);

const DeliveryFigures = graphql(`
  query DeliveryFigures($since: DateTime!, $until: DateTime!) {
    conversationStats(since: $since, until: $until) {
      delivery { delivered bounced opened clicked opens clicks openRate clickRate deliveryRate }
    }
  }
`);

let app: TestApp;
const SENT_AT = new Date('2026-11-20T09:00:00Z');

beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app?.close());

/** An outbound email as Postmark accepted it: SENT, with Postmark's MessageID. */
async function sentMessage() {
  const { prisma, devAccountId } = app.services;
  const lead = await createLead(prisma, devAccountId);
  const conversation = await createConversation(prisma, devAccountId, lead.id, {
    messages: [{ direction: 'OUTBOUND', at: SENT_AT }],
  });
  const providerMessageId = `pm-${conversation.id}`;
  const message = await prisma.conversationMessage.update({ where: { id: conversation.lastMessageId! }, data: { providerMessageId } });
  return { message, providerMessageId, leadId: lead.id, id: gid('ConversationMessage', message.id) };
}

const state = async (id: string) => {
  const result = await app.execute(MessageState, { id });
  expect(result.errors).toBeUndefined();
  return result.data!.node as Record<string, unknown> & { conversation: { lead: { doNotContact: boolean } } };
};

describe('delivery events', () => {
  it('Delivery marks the message delivered', async () => {
    const m = await sentMessage();
    const response = await postWebhook(app, 'events', { RecordType: 'Delivery', MessageID: m.providerMessageId, DeliveredAt: '2026-11-20T09:00:05Z', Recipient: 'x@example.com', Details: 'ok', Metadata: {} });
    expect(response).toMatchObject({ status: 200, body: { status: 'recorded' } });
    expect(await state(m.id)).toMatchObject({ deliveryStatus: 'DELIVERED', deliveredAt: '2026-11-20T09:00:05.000Z' });
  });

  it('Open counts each open once, keeps the earliest, and ignores a retried delivery of the same event', async () => {
    const m = await sentMessage();
    const open = (at: string) => ({ RecordType: 'Open', MessageID: m.providerMessageId, ReceivedAt: at, FirstOpen: false, Recipient: 'x@example.com' });
    await postWebhook(app, 'events', open('2026-11-20T11:00:00Z'));
    await postWebhook(app, 'events', open('2026-11-20T10:00:00Z'));
    const retry = await postWebhook(app, 'events', open('2026-11-20T10:00:00Z'));
    expect(retry.body.status).toBe('duplicate');
    expect(await state(m.id)).toMatchObject({ openCount: 2, firstOpenedAt: '2026-11-20T10:00:00.000Z' });
  });

  it('Click counts clicks and records the distinct links', async () => {
    const m = await sentMessage();
    const click = (at: string, link: string) => ({ RecordType: 'Click', MessageID: m.providerMessageId, ReceivedAt: at, OriginalLink: link, ClickLocation: 'HTML' });
    await postWebhook(app, 'events', click('2026-11-20T12:00:00Z', 'https://example.com/pricing'));
    await postWebhook(app, 'events', click('2026-11-20T12:05:00Z', 'https://example.com/pricing'));
    await postWebhook(app, 'events', click('2026-11-20T12:06:00Z', 'https://example.com/book'));
    expect(await state(m.id)).toMatchObject({
      clickCount: 3,
      firstClickedAt: '2026-11-20T12:00:00.000Z',
      clickedLinks: ['https://example.com/pricing', 'https://example.com/book'],
    });
  });

  it('a hard Bounce marks the message bounced and the lead do-not-contact, with an audit row', async () => {
    const m = await sentMessage();
    const response = await postWebhook(app, 'events', {
      RecordType: 'Bounce', ID: 4323372036854775807, Type: 'HardBounce', TypeCode: 1, Name: 'Hard bounce',
      MessageID: m.providerMessageId, Description: 'The server was unable to deliver your message (ex: unknown user, mailbox not found).',
      Details: 'smtp;550 5.1.1 unknown user', Email: 'x@example.com', BouncedAt: '2026-11-20T09:01:00Z', Inactive: true, CanActivate: true,
    });
    expect(response.body).toMatchObject({ status: 'recorded', leadBlocked: true });
    expect(await state(m.id)).toMatchObject({ deliveryStatus: 'BOUNCED', errorCode: 'HardBounce', conversation: { lead: { doNotContact: true } } });
    const audit = await app.services.prisma.auditEntry.findFirstOrThrow({ where: { entityId: m.leadId, action: 'lead.do_not_contact' } });
    expect(audit.details).toMatchObject({ reason: 'bounce:HardBounce' });
  });

  it('a soft Bounce marks the message bounced but leaves the lead contactable', async () => {
    const m = await sentMessage();
    await postWebhook(app, 'events', { RecordType: 'Bounce', ID: 1, Type: 'SoftBounce', MessageID: m.providerMessageId, Description: 'Mailbox full', BouncedAt: '2026-11-20T09:01:00Z', Inactive: false });
    expect(await state(m.id)).toMatchObject({ deliveryStatus: 'BOUNCED', errorCode: 'SoftBounce', conversation: { lead: { doNotContact: false } } });
  });

  it('SpamComplaint and SubscriptionChange (suppressed) mark the lead do-not-contact', async () => {
    const spam = await sentMessage();
    await postWebhook(app, 'events', { RecordType: 'SpamComplaint', ID: 2, Type: 'SpamComplaint', MessageID: spam.providerMessageId, BouncedAt: '2026-11-20T09:30:00Z' });
    expect(await state(spam.id)).toMatchObject({ errorCode: 'SpamComplaint', conversation: { lead: { doNotContact: true } } });
    const unsub = await sentMessage();
    await postWebhook(app, 'events', { RecordType: 'SubscriptionChange', MessageID: unsub.providerMessageId, ChangedAt: '2026-11-20T09:40:00Z', SuppressSending: true, SuppressionReason: 'ManualSuppression', Origin: 'Recipient' });
    expect(await state(unsub.id)).toMatchObject({ conversation: { lead: { doNotContact: true } } });
  });

  it('matches by our message id in Metadata when the MessageID is not known', async () => {
    const m = await sentMessage();
    const response = await postWebhook(app, 'events', { RecordType: 'Open', MessageID: 'not-ours', ReceivedAt: '2026-11-20T10:00:00Z', Metadata: { messageId: m.message.id } });
    expect(response.body).toMatchObject({ status: 'recorded', messageId: gid('ConversationMessage', m.message.id) });
  });

  it('acknowledges unknown messages and unknown record types with 200', async () => {
    const unknown = await postWebhook(app, 'events', { RecordType: 'Open', MessageID: 'nobody-knows', ReceivedAt: '2026-11-20T10:00:00Z' });
    expect(unknown).toMatchObject({ status: 200, body: { status: 'unknown-message' } });
    const newKind = await postWebhook(app, 'events', { RecordType: 'SomethingNew', MessageID: 'x' });
    expect(newKind).toMatchObject({ status: 200, body: { status: 'ignored' } });
  });

  it('refuses bad credentials (401) and malformed events (400)', async () => {
    expect((await postWebhook(app, 'events', { RecordType: 'Open' }, { auth: null })).status).toBe(401);
    const bad = await postWebhook(app, 'events', { RecordType: 'Open', MessageID: 'x', ReceivedAt: 'yesterday' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/ReceivedAt/);
  });
});

describe('conversationStats reflects delivery events', () => {
  it('counts deliveries, bounces, opens and clicks of the emails sent in the window', async () => {
    const stats = await createTestApp();
    const previous = app;
    app = stats;
    try {
      const window = { since: '2026-11-20T00:00:00Z', until: '2026-11-21T00:00:00Z' };
      const before = (await stats.execute(DeliveryFigures, window)).data!.conversationStats.delivery;
      expect(before).toMatchObject({ delivered: 0, bounced: 0, opened: 0, clicked: 0, openRate: null });
      const [a, b] = [await sentMessage(), await sentMessage()];
      await postWebhook(stats, 'events', { RecordType: 'Delivery', MessageID: a.providerMessageId, DeliveredAt: '2026-11-20T09:00:05Z' });
      await postWebhook(stats, 'events', { RecordType: 'Open', MessageID: a.providerMessageId, ReceivedAt: '2026-11-20T10:00:00Z' });
      await postWebhook(stats, 'events', { RecordType: 'Open', MessageID: a.providerMessageId, ReceivedAt: '2026-11-20T10:30:00Z' });
      await postWebhook(stats, 'events', { RecordType: 'Click', MessageID: a.providerMessageId, ReceivedAt: '2026-11-20T10:31:00Z', OriginalLink: 'https://example.com' });
      await postWebhook(stats, 'events', { RecordType: 'Bounce', ID: 9, Type: 'HardBounce', MessageID: b.providerMessageId, BouncedAt: '2026-11-20T09:01:00Z', Inactive: true });
      const after = (await stats.execute(DeliveryFigures, window)).data!.conversationStats.delivery;
      expect(after).toEqual({ delivered: 1, bounced: 1, opened: 1, clicked: 1, opens: 2, clicks: 1, openRate: 0.5, clickRate: 0.5, deliveryRate: 0.5 });
    } finally {
      app = previous;
      await stats.close();
    }
  });
});
