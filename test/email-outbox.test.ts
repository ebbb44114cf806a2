// With no POSTMARK_SERVER_TOKEN the local outbox sends: every email is stored and logged, the
// `outbox` query lists them newest first, and nothing goes to the network.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/app.js';
import { createThread } from './support/email-fixtures.js';
import { ApproveSuggestion, Outbox, SendReply } from './support/email-operations.js';
import { FakePostmark } from './support/fake-postmark.js';

let app: TestApp;
let network: FakePostmark;
const logLines: Record<string, unknown>[] = [];

beforeAll(async () => {
  // A Postmark host is configured but no token: it must not be used.
  network = await FakePostmark.start();
  const logger = pino(
    { level: 'info' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) logLines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    }),
  );
  app = await createTestApp({ env: { POSTMARK_API_URL: network.url }, logger });
});

afterAll(async () => {
  await app?.close();
  await network?.close();
});

describe('the local outbox', () => {
  it('is the sender when no token is set; an approval lands in the outbox query and is logged, and nothing goes to the network', async () => {
    expect(app.services.email.name).toBe('outbox');
    const t = await createThread(app.services.prisma, app.services.devAccountId);
    const approved = await app.execute(ApproveSuggestion, { input: { suggestionId: t.suggestionGid } });
    const payload = approved.data!.approveSuggestion;
    if (payload.__typename !== 'ApproveSuggestionPayload') throw new Error(JSON.stringify(payload));
    expect(payload.reply.deliveryStatus).toBe('SENT');
    expect(payload.conversation.status).toBe('WAITING_FOR_LEAD');

    const outbox = await app.execute(Outbox, { first: 10 });
    expect(outbox.errors).toBeUndefined();
    expect(outbox.data!.outbox.totalCount).toBe(1);
    const email = outbox.data!.outbox.edges[0]!.node;
    expect(email).toMatchObject({
      fromEmail: 'sales@parley.example.com',
      fromName: 'Parley Sales',
      toEmail: t.lead.email,
      toName: 'Maria Delgado',
      replyTo: `replies+${t.conversation.replyHash}@inbound.parley.example.com`,
      subject: 'Re: Website redesign',
      textBody: t.suggestion!.body,
      htmlBody: expect.stringContaining('<p>Would Thursday work for a call?</p>'),
      headers: [
        { name: 'In-Reply-To', value: t.inbound.messageIdHeader },
        { name: 'References', value: `${t.first.messageIdHeader} ${t.inbound.messageIdHeader}` },
      ],
      tag: 'approved-suggestion',
      messageStream: 'outbound',
      trackOpens: true,
      trackLinks: 'HtmlAndText',
      message: { id: payload.reply.id, deliveryStatus: 'SENT' },
    });
    expect(email.metadata).toEqual(
      expect.arrayContaining([
        { key: 'conversationId', value: t.conversation.id },
        { key: 'suggestionId', value: t.suggestion!.id },
      ]),
    );
    expect(payload.reply.providerMessageId).toBe(Buffer.from(email.id, 'base64').toString('utf8').split(':')[1]);
    expect(logLines).toContainEqual(
      expect.objectContaining({ msg: expect.stringMatching(/local outbox/), to: t.lead.email, subject: 'Re: Website redesign' }),
    );
    expect(network.requests).toEqual([]);
  });

  it('lists newest first as a cursor connection', async () => {
    for (const subject of ['Re: one', 'Re: two', 'Re: three']) {
      const t = await createThread(app.services.prisma, app.services.devAccountId, { suggestion: false });
      const sent = await app.execute(SendReply, { input: { conversationId: t.conversationGid, subject, body: `Body of ${subject}` } });
      expect(sent.data!.sendReply.__typename).toBe('SendReplyPayload');
    }
    const first = await app.execute(Outbox, { first: 2 });
    expect(first.data!.outbox.totalCount).toBe(4);
    expect(first.data!.outbox.edges.map((e) => e.node.subject)).toEqual(['Re: three', 'Re: two']);
    expect(first.data!.outbox.pageInfo.hasNextPage).toBe(true);
    const rest = await app.execute(Outbox, { first: 2, after: first.data!.outbox.pageInfo.endCursor });
    expect(rest.data!.outbox.edges.map((e) => e.node.subject)).toEqual(['Re: one', 'Re: Website redesign']);
    expect(rest.data!.outbox.pageInfo.hasNextPage).toBe(false);
    expect(network.requests).toEqual([]);
  });
});
