// The conversation list must cost a fixed number of SQL statements whatever the page size:
// no per-row queries for the lead, the last message or the pending flag. These pages are
// counted on the resolver path (compiled reads off): the compiled path is one statement by
// construction (test/compiled-read.test.ts), and any operation it cannot compile falls back to
// the resolvers, whose cost this file keeps bounded.
import type { ExecutionResult } from 'graphql';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { graphql } from './gql/index.js';
import { createTestApp, type TestApp } from './support/app.js';
import { createConversation, createLead } from './support/factories.js';
import { encodeParleyId } from '../src/schema/ids.js';
import { createParleyYoga } from '../src/yoga.js';
import type { TypedDocumentString } from './gql/graphql.js';

const InboxPage = graphql(`
  query InboxPage($first: Int!) {
    conversations(first: $first) {
      edges {
        node {
          id
          subject
          status
          lastMessageAt
          hasPendingSuggestion
          lead { name email company }
          lastMessage { direction textBody sentAt receivedAt }
          pendingSuggestion { confidence body }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

// Team inbox (issue 18, part A): every new filter and field on one page.
const TeamInboxPage = graphql(`
  query TeamInboxPage($first: Int!, $after: String, $filter: ConversationFilter) {
    conversations(first: $first, after: $after, filter: $filter, orderBy: { field: PRIORITY, direction: DESC }) {
      edges {
        node {
          id
          unread
          priority
          intent
          assignee { id email }
          labels { id name color }
          notes(first: 3) { edges { node { body author { email } createdAt } } }
          lead { name }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

let app: TestApp;
let labelId: string;
const statements: string[] = [];

beforeAll(async () => {
  app = await createTestApp({ logQueries: true });
  const { prisma, devAccountId } = app.services;
  for (let i = 0; i < 25; i++) {
    const lead = await createLead(prisma, devAccountId);
    await createConversation(prisma, devAccountId, lead.id, {
      status: i % 2 === 0 ? 'NEEDS_REVIEW' : 'ACTIVE',
      messages: [
        { direction: 'OUTBOUND', at: new Date(Date.UTC(2026, 10, 1, i)) },
        { direction: 'INBOUND', at: new Date(Date.UTC(2026, 10, 2, i)) },
        { direction: 'OUTBOUND', at: new Date(Date.UTC(2026, 10, 3, i)) },
      ],
      suggestions: i % 2 === 0 ? [{ status: 'PENDING', confidence: 0.7, at: new Date(Date.UTC(2026, 10, 2, i, 5)) }] : [],
    });
  }
  // Team inbox state on every conversation: assigned to the dev user, labelled, prioritised, noted.
  const devUser = await prisma.user.findFirstOrThrow({ where: { accountId: devAccountId } });
  const label = await prisma.label.create({ data: { accountId: devAccountId, name: 'Hot', color: '#ff0000' } });
  const conversations = await prisma.conversation.findMany({ where: { accountId: devAccountId }, select: { id: true } });
  for (const [i, c] of conversations.entries()) {
    await prisma.conversation.update({ where: { id: c.id }, data: { assigneeId: devUser.id, priority: i % 2 === 0 ? 'HIGH' : 'URGENT', intent: 'QUESTION' } });
    await prisma.conversationLabel.create({ data: { accountId: devAccountId, conversationId: c.id, labelId: label.id } });
    await prisma.note.create({ data: { accountId: devAccountId, conversationId: c.id, authorId: devUser.id, actor: `user:${devUser.id}`, body: `note ${i}` } });
  }
  labelId = encodeParleyId('Label', label.id);
  (prisma as unknown as { $on(event: 'query', cb: (e: { query: string }) => void): void }).$on('query', (e) =>
    statements.push(e.query),
  );
});

afterAll(() => app?.close());

/** Runs a typed operation as the development OWNER through a Yoga whose reads all take the resolvers. */
async function executeOnResolvers<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables) {
  const resolvers = (resolverYoga ??= createParleyYoga(app.services, { compiledReads: false }));
  const response = await resolvers.fetch('http://parley.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${app.token}` },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  return (await response.json()) as ExecutionResult<TResult>;
}
let resolverYoga: ReturnType<typeof createParleyYoga> | undefined;

async function countStatements(first: number) {
  statements.length = 0;
  const result = await executeOnResolvers(InboxPage, { first });
  expect(result.errors).toBeUndefined();
  const edges = result.data!.conversations.edges;
  expect(edges).toHaveLength(first);
  // Every row really carries its lead, last message and pending draft.
  for (const { node } of edges) {
    expect(node.lead.email).toMatch(/@example\.com$/);
    expect(node.lastMessage?.direction).toBe('OUTBOUND');
    expect(node.hasPendingSuggestion).toBe(node.pendingSuggestion !== null);
  }
  expect(edges.filter((e) => e.node.hasPendingSuggestion).length).toBeGreaterThan(0);
  return statements.length;
}

it('runs the same number of statements for a page of 20 as for a page of 5', async () => {
  // The caller's current role is read once per principal-cache window, not per request: a
  // first page warms it, so the counts compare the pages themselves.
  await countStatements(5);
  const five = await countStatements(5);
  const twenty = await countStatements(20);
  expect(twenty).toBe(five);
  // And that number is small: the list plus one batched query per relation at most.
  expect(twenty).toBeLessThanOrEqual(4);
  expect(twenty).toBeGreaterThan(0); // counted on the resolvers, not a compiled statement
});

it('the team inbox page (assignee, labels, priority, unread, notes) with every new filter: same statements for 5 and 20, and keyset pages line up', async () => {
  const filter = {
    unread: true,
    assignee: 'ME',
    labelIds: [labelId],
    priority: ['HIGH', 'URGENT'] as ('HIGH' | 'URGENT')[],
    intent: ['QUESTION'] as 'QUESTION'[],
    lastMessageAfter: '2026-10-01T00:00:00Z',
    lastMessageBefore: '2026-12-01T00:00:00Z',
  };
  const count = async (first: number, after?: string | null) => {
    statements.length = 0;
    const result = await executeOnResolvers(TeamInboxPage, { first, after, filter });
    expect(result.errors).toBeUndefined();
    const edges = result.data!.conversations.edges;
    for (const { node } of edges) {
      expect(node.unread).toBe(true);
      expect(node.labels.map((l) => l.name)).toEqual(['Hot']);
      expect(node.notes.edges).toHaveLength(1);
      expect(node.assignee?.email).toBeTruthy();
    }
    return { statements: statements.length, edges, pageInfo: result.data!.conversations.pageInfo };
  };
  await count(5);
  const five = await count(5);
  const twenty = await count(20);
  expect(five.edges).toHaveLength(5);
  expect(twenty.edges).toHaveLength(20);
  expect(twenty.statements).toBe(five.statements);
  expect(twenty.statements).toBeLessThanOrEqual(4);
  // Keyset: page 2 of 5 continues page 1 exactly, in priority order.
  const second = await count(5, five.pageInfo.endCursor);
  expect([...five.edges, ...second.edges].map((e) => e.node.id)).toEqual(twenty.edges.slice(0, 10).map((e) => e.node.id));
  expect(twenty.edges.map((e) => e.node.priority)).toEqual([...twenty.edges.map((e) => e.node.priority)].sort((a, b) => (a === b ? 0 : a === 'URGENT' ? -1 : 1)));
});
