// Costs that count what is expensive: a page size multiplies what is selected under it and a
// body weighs a hundred fields, so `first: 100` of bodies and ten aliases of one (5 MiB) body
// are refused before anything runs, with a typed error; a normal inbox page is unaffected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleQuery } from '../src/yoga.js';
import { createTestApp, type TestApp } from './support/app.js';
import { createConversation, createLead, gid } from './support/factories.js';

let app: TestApp;
let messageId = '';

beforeAll(async () => {
  app = await createTestApp();
  const { prisma, devAccountId } = app.services;
  const lead = await createLead(prisma, devAccountId);
  for (let i = 0; i < 25; i++) {
    await createConversation(prisma, devAccountId, lead.id, {
      status: 'NEEDS_REVIEW',
      messages: [{ direction: 'INBOUND', at: new Date(Date.UTC(2026, 10, 20, 10, i)) }],
      suggestions: [{ status: 'PENDING', confidence: 0.7, at: new Date(Date.UTC(2026, 10, 20, 11, i)) }],
    });
  }
  const message = await prisma.conversationMessage.findFirstOrThrow();
  // A 5 MiB body: were the query run, its answer would be 50 MiB.
  await prisma.conversationMessage.update({ where: { id: message.id }, data: { textBody: 'x'.repeat(5 * 1024 * 1024) } });
  messageId = gid('ConversationMessage', message.id);
});
afterAll(() => app?.close());

describe('cost limits', () => {
  it('refuses ten aliases of a 5 MiB body before execution, with a typed error', async () => {
    const aliases = Array.from({ length: 10 }, (_, i) => `b${i}: textBody`).join(' ');
    const response = await app.executeRaw(`query ($id: ID!) { node(id: $id) { ... on ConversationMessage { ${aliases} } } }`, { id: messageId });
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_EXPENSIVE', kind: 'bodyFields' });
    expect(JSON.stringify(response).length).toBeLessThan(10_000);
  });

  it('counts a fragment each time it is spread, under aliased roots too', async () => {
    const roots = Array.from({ length: 10 }, (_, i) => `n${i}: node(id: $id) { ...Body }`).join(' ');
    const response = await app.executeRaw(`query ($id: ID!) { ${roots} } fragment Body on ConversationMessage { textBody }`, { id: messageId });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_EXPENSIVE', kind: 'bodyFields' });
  });

  it('refuses first: 100 of bodies before execution, with a typed error', async () => {
    const response = await app.executeRaw('{ conversations(first: 100) { edges { node { lastMessage { textBody } } } } }');
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_EXPENSIVE', kind: 'complexity' });
    const nested = await app.executeRaw('{ conversations(first: 100) { edges { node { messages(first: 100) { edges { node { id } } } } } } }');
    // Nested pages multiply: refused (graphql-armor's structural cost limit answers first here).
    expect(nested.data ?? null).toBeNull();
    expect(nested.errors?.[0]?.message).toMatch(/cost|too expensive/i);
  });

  it('serves a normal inbox page: the GraphiQL example at 20 per page, and 100 conversations without bodies', async () => {
    const page = await app.executeRaw(exampleQuery.replace('first: 10', 'first: 20'));
    expect(page.errors).toBeUndefined();
    expect((page.data?.conversations as { edges: unknown[] }).edges).toHaveLength(20);
    const list = await app.executeRaw('{ conversations(first: 100) { totalCount edges { node { id subject status lastMessageAt lead { name email } } } } }');
    expect(list.errors).toBeUndefined();
  });

  it('applies to subscriptions too', async () => {
    const aliases = Array.from({ length: 10 }, (_, i) => `b${i}: textBody`).join(' ');
    const response = await app.executeRaw(`subscription { newReply { email { ${aliases} } } }`);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_EXPENSIVE' });
  });
});
