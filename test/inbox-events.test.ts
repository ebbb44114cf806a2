// Team inbox events through real subscriptions (issue 18, part A): assignment, labels,
// priority and notes reach every subscriber of the account; read state and mentions are
// personal and reach only their user.
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { graphql } from './gql/index.js';
import { createConversation, createLead, gid } from './support/factories.js';
import { startTestServer, type TestServer } from './support/server.js';
import { waitFor } from './support/wait.js';

const OnInboxEvents = graphql(`
  subscription OnInboxEvents {
    conversationEvents {
      __typename
      ... on ReadStateChangedEvent { read conversation { id unread } }
      ... on AssignedEvent { assignee { email } previousAssignee { email } }
      ... on PriorityChangedEvent { priority previousPriority }
      ... on LabelsChangedEvent { conversation { labels { name } } }
      ... on NoteAddedEvent { note { body author { email } } }
      ... on MentionedEvent { note { body } }
    }
  }
`);

type Next = { data?: { conversationEvents: { __typename: string } & Record<string, unknown> } | null; errors?: unknown };

let server: TestServer;
let tokenA: string;
let tokenB: string;
let emailB: string;
let conversationId: string;

beforeAll(async () => {
  server = await startTestServer();
  const { prisma, devAccountId, tokens } = server.running.app.services;
  const a = await prisma.user.create({ data: { accountId: devAccountId, email: 'ann@team.example', name: 'Ann', role: 'AGENT' } });
  const b = await prisma.user.create({ data: { accountId: devAccountId, email: 'ben@team.example', name: 'Ben', role: 'AGENT' } });
  emailB = b.email;
  tokenA = await tokens.sign({ userId: a.id, accountId: devAccountId, role: 'AGENT' }, 600);
  tokenB = await tokens.sign({ userId: b.id, accountId: devAccountId, role: 'AGENT' }, 600);
  const lead = await createLead(prisma, devAccountId);
  const conversation = await createConversation(prisma, devAccountId, lead.id, { messages: [{ direction: 'INBOUND', at: new Date('2026-11-19T09:00:00Z') }] });
  conversationId = gid('Conversation', conversation.id);
  await prisma.label.create({ data: { accountId: devAccountId, name: 'Hot', color: '#ff0000' } });
});
afterAll(() => server?.close());

const client = (token: string): Client =>
  createClient({ url: server.wsUrl, webSocketImpl: WebSocket, lazy: true, retryAttempts: 0, connectionParams: { authorization: `Bearer ${token}` } });

function collect(c: Client, count: number) {
  const results: Next[] = [];
  const iterator = (c.iterate({ query: OnInboxEvents.toString() }) as AsyncIterable<Next>)[Symbol.asyncIterator]();
  const done = (async () => {
    while (results.length < count) {
      const next = await iterator.next();
      if (next.done) break;
      results.push(next.value);
    }
    await iterator.return?.();
    return results;
  })();
  return done;
}

async function gqlAs(token: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { errors?: unknown; data: Record<string, { __typename: string }> };
  expect(body.errors).toBeUndefined();
  expect(Object.values(body.data)[0]!.__typename).toMatch(/Payload$/);
}

it('every change reaches the account once; read state and mentions only their user, in order', async () => {
  const { services } = server.running.app;
  const clientA = client(tokenA);
  const clientB = client(tokenB);
  try {
    const before = services.events.activeSubscriptions();
    // A sees: its own read, assigned, priority, labels, note. B sees: assigned, priority, labels, note, its mention.
    const eventsA = collect(clientA, 5);
    const eventsB = collect(clientB, 5);
    await waitFor(() => services.events.activeSubscriptions() >= before + 2);

    await gqlAs(tokenA, 'mutation ($id: ID!) { markConversationsRead(input: { conversationIds: [$id] }) { __typename } }', { id: conversationId });
    await gqlAs(tokenA, 'mutation ($id: ID!, $u: ID) { assignConversation(input: { conversationId: $id, assigneeId: $u }) { __typename } }', {
      id: conversationId,
      u: gid('User', (await services.prisma.user.findFirstOrThrow({ where: { email: emailB } })).id),
    });
    await gqlAs(tokenA, 'mutation ($id: ID!) { setConversationPriority(input: { conversationId: $id, priority: URGENT }) { __typename } }', { id: conversationId });
    const label = await services.prisma.label.findFirstOrThrow({ where: { name: 'Hot' } });
    await gqlAs(tokenA, 'mutation ($id: ID!, $l: ID!) { setConversationLabels(input: { conversationId: $id, labelIds: [$l] }) { __typename } }', {
      id: conversationId,
      l: gid('Label', label.id),
    });
    await gqlAs(tokenA, 'mutation ($id: ID!, $b: String!) { addNote(input: { conversationId: $id, body: $b }) { __typename } }', {
      id: conversationId,
      b: `Over to you @${emailB}`,
    });

    const a = (await eventsA).map((e) => e.data!.conversationEvents);
    const b = (await eventsB).map((e) => e.data!.conversationEvents);
    expect(a.map((e) => e.__typename)).toEqual(['ReadStateChangedEvent', 'AssignedEvent', 'PriorityChangedEvent', 'LabelsChangedEvent', 'NoteAddedEvent']);
    expect(b.map((e) => e.__typename)).toEqual(['AssignedEvent', 'PriorityChangedEvent', 'LabelsChangedEvent', 'NoteAddedEvent', 'MentionedEvent']);
    expect(a[0]).toMatchObject({ read: true, conversation: { id: conversationId, unread: false } });
    expect(b[0]).toMatchObject({ assignee: { email: emailB }, previousAssignee: null });
    expect(b[1]).toMatchObject({ priority: 'URGENT', previousPriority: 'NORMAL' });
    expect(b[2]).toMatchObject({ conversation: { labels: [{ name: 'Hot' }] } });
    expect(b[3]).toMatchObject({ note: { author: { email: 'ann@team.example' } } });
    expect(b[4]).toMatchObject({ note: { body: `Over to you @${emailB}` } });
  } finally {
    await clientA.dispose();
    await clientB.dispose();
  }
});
