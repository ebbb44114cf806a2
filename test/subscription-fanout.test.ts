// The rows an event carries are loaded once per event (and account and selection), not once
// per subscriber: the statements one event costs are the same for 5 subscribers as for 20.
// Subscribers here are real SSE subscriptions through the app's HTTP handler.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/app.js';
import { createConversation, createLead } from './support/factories.js';

const SELECTION = 'subscription { newReply { at conversation { id subject lead { email } } email { direction textBody } } }';

let app: TestApp;
const statements: string[] = [];

beforeAll(async () => {
  app = await createTestApp({ logQueries: true });
  (app.services.prisma as unknown as { $on(event: 'query', cb: (e: { query: string }) => void): void }).$on('query', (e) =>
    statements.push(e.query),
  );
});
afterAll(() => app?.close());

interface Subscriber {
  next(): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

async function subscribe(): Promise<Subscriber> {
  const response = await app.yoga.fetch('http://parley.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${app.token}` },
    body: JSON.stringify({ query: SELECTION }),
  });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  // The stream starts the subscription when it is first pulled: pull at once.
  let pending = reader.read();
  return {
    async next() {
      for (;;) {
        const match = /event: next\ndata: (.*)\n\n/.exec(buffer);
        if (match) {
          buffer = buffer.slice(match.index + match[0].length);
          return JSON.parse(match[1]!) as Record<string, unknown>;
        }
        const chunk = await pending;
        if (chunk.done) throw new Error('stream ended');
        buffer += decoder.decode(chunk.value, { stream: true });
        pending = reader.read();
      }
    },
    close: () => reader.cancel(),
  };
}

async function statementsForOneEvent(subscriberCount: number) {
  const { prisma, devAccountId } = app.services;
  const lead = await createLead(prisma, devAccountId);
  const conversation = await createConversation(prisma, devAccountId, lead.id, {
    subject: `Fan-out ${subscriberCount}`,
    messages: [{ direction: 'INBOUND', at: new Date() }],
  });
  const message = await prisma.conversationMessage.findFirstOrThrow({ where: { conversationId: conversation.id } });
  const before = app.services.events.activeSubscriptions();
  const subscribers = await Promise.all(Array.from({ length: subscriberCount }, () => subscribe()));
  await expect.poll(() => app.services.events.activeSubscriptions()).toBe(before + subscriberCount);
  statements.length = 0;
  app.services.events.publish({ type: 'NEW_REPLY', accountId: devAccountId, conversationId: conversation.id, messageId: message.id, at: new Date().toISOString(), cursor: '1' });
  const received = await Promise.all(subscribers.map((s) => s.next()));
  const count = statements.length;
  for (const result of received) {
    expect(result).toMatchObject({
      data: { newReply: { conversation: { subject: `Fan-out ${subscriberCount}`, lead: { email: lead.email } }, email: { direction: 'INBOUND' } } },
    });
  }
  await Promise.all(subscribers.map((s) => s.close()));
  return count;
}

it('loads an event\'s rows once, whatever the number of subscribers', async () => {
  const five = await statementsForOneEvent(5);
  const twenty = await statementsForOneEvent(20);
  expect(twenty).toBe(five);
  // The conversation (with its lead) and the message: a few statements, not one per subscriber.
  expect(twenty).toBeLessThanOrEqual(4);
});
