// The conversation list must cost a fixed number of SQL statements whatever the page size:
// no per-row queries for the lead, the last message or the pending flag.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { graphql } from './gql/index.js';
import { createTestApp, type TestApp } from './support/app.js';
import { createConversation, createLead } from './support/factories.js';

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

let app: TestApp;
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
  (prisma as unknown as { $on(event: 'query', cb: (e: { query: string }) => void): void }).$on('query', (e) =>
    statements.push(e.query),
  );
});

afterAll(() => app?.close());

async function countStatements(first: number) {
  statements.length = 0;
  const result = await app.execute(InboxPage, { first });
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
});
