import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.js';
import type { ConversationsQueryVariables } from './gql/graphql.js';
import { createTestApp, type TestApp } from './support/app.js';
import { createAccount, createConversation, createLead, gid } from './support/factories.js';

const ConversationsQuery = graphql(`
  query Conversations($first: Int, $after: String, $last: Int, $before: String, $filter: ConversationFilter, $orderBy: ConversationOrder) {
    conversations(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
      totalCount
      edges { cursor node { id subject status lastMessageAt createdAt hasPendingSuggestion lead { id name } } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`);

const ConversationQuery = graphql(`
  query Conversation($id: ID!) {
    conversation(id: $id) {
      id
      subject
      lead { name email }
      lastMessage { textBody }
      pendingSuggestion { id status confidence analysis { intent keyPoints } }
      messages(first: 10) { totalCount edges { node { direction textBody createdAt } } }
      suggestions(first: 10) { totalCount edges { node { status } } }
    }
  }
`);

const NodeQuery = graphql(`
  query Node($id: ID!) {
    node(id: $id) { __typename id ... on Conversation { subject } }
  }
`);

const HOUR = 3_600_000;
const base = new Date('2026-11-01T12:00:00Z').getTime();
const at = (hours: number) => new Date(base + hours * HOUR);

let app: TestApp;
const ids: Record<string, string> = {};
let foreignConversationId: string;

beforeAll(async () => {
  app = await createTestApp();
  const { prisma, devAccountId: accountId } = app.services;
  const ana = await createLead(prisma, accountId, { name: 'Ana Lima', email: 'ana@lima-bakery.example.com' });
  const bo = await createLead(prisma, accountId, { name: 'Bo Svensson', email: 'bo@fjord.example.com' });
  // Twelve conversations: createdAt ascending with i, lastMessageAt in a shuffled order.
  const lastOrder = [5, 11, 2, 8, 0, 7, 3, 10, 1, 9, 4, 6];
  for (let i = 0; i < 12; i++) {
    const status = (['ACTIVE', 'NEEDS_REVIEW', 'WAITING_FOR_LEAD', 'ARCHIVED'] as const)[i % 4];
    const conversation = await createConversation(prisma, accountId, i < 4 ? ana.id : bo.id, {
      subject: i === 3 ? 'Pricing: 50% discount?' : `Website refresh #${i}`,
      status,
      createdAt: at(i),
      messages: [
        { direction: 'OUTBOUND', at: at(i + 0.5), text: `Hello there #${i}` },
        { direction: 'INBOUND', at: at(100 + lastOrder[i]!), text: i === 7 ? 'Could we meet on Thursday about the pergola?' : `Reply #${i}` },
      ],
      suggestions: status === 'NEEDS_REVIEW' ? [{ status: 'PENDING', confidence: 0.8, at: at(101 + lastOrder[i]!) }] : [],
    });
    ids[`c${i}`] = gid('Conversation', conversation.id);
  }
  ids.ana = gid('Lead', ana.id);
  const other = await createAccount(prisma);
  const otherLead = await createLead(prisma, other.id, { name: 'Ana Lima', email: 'ana@lima-bakery.example.com' });
  const foreign = await createConversation(prisma, other.id, otherLead.id, {
    subject: 'Website refresh #secret',
    status: 'NEEDS_REVIEW',
    messages: [{ direction: 'INBOUND', at: at(500), text: 'Reply #secret' }],
  });
  foreignConversationId = gid('Conversation', foreign.id);
});

afterAll(() => app?.close());

const subjects = (result: Awaited<ReturnType<typeof listAll>>) => result.map((e) => e.node.subject);
async function listAll(variables: ConversationsQueryVariables = {}) {
  const result = await app.execute(ConversationsQuery, { first: 100, ...variables });
  expect(result.errors).toBeUndefined();
  return result.data!.conversations.edges;
}

describe('conversations: filters and search', () => {
  it('lists only the viewer account, newest activity first by default', async () => {
    const edges = await listAll();
    expect(edges).toHaveLength(12);
    expect(subjects(edges)).not.toContain('Website refresh #secret');
    const times = edges.map((e) => Date.parse(e.node.lastMessageAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('filters by a status list', async () => {
    const edges = await listAll({ filter: { status: ['NEEDS_REVIEW', 'ARCHIVED'] } });
    expect(edges).toHaveLength(6);
    expect(new Set(edges.map((e) => e.node.status))).toEqual(new Set(['NEEDS_REVIEW', 'ARCHIVED']));
  });

  it('filters by lead', async () => {
    const edges = await listAll({ filter: { leadId: ids.ana } });
    expect(edges).toHaveLength(4);
    expect(new Set(edges.map((e) => e.node.lead.name))).toEqual(new Set(['Ana Lima']));
    expect(edges.every((e) => e.node.lead.id === ids.ana)).toBe(true);
  });

  it('filters by pending suggestion, both ways', async () => {
    const pending = await listAll({ filter: { hasPendingSuggestion: true } });
    expect(pending).toHaveLength(3);
    expect(pending.every((e) => e.node.hasPendingSuggestion && e.node.status === 'NEEDS_REVIEW')).toBe(true);
    const none = await listAll({ filter: { hasPendingSuggestion: false } });
    expect(none).toHaveLength(9);
    expect(none.some((e) => e.node.hasPendingSuggestion)).toBe(false);
  });

  it('searches subject, lead name, lead email and message text, case-insensitively', async () => {
    expect(subjects(await listAll({ filter: { search: 'REFRESH #1' } })).sort()).toEqual(
      ['Website refresh #1', 'Website refresh #10', 'Website refresh #11'],
    );
    expect(await listAll({ filter: { search: 'svensson' } })).toHaveLength(8);
    expect(await listAll({ filter: { search: 'lima-bakery' } })).toHaveLength(4);
    expect(subjects(await listAll({ filter: { search: 'pergola' } }))).toEqual(['Website refresh #7']);
  });

  it('treats LIKE wildcards in the search as plain text', async () => {
    expect(subjects(await listAll({ filter: { search: '50%' } }))).toEqual(['Pricing: 50% discount?']);
    expect(await listAll({ filter: { search: '%' } })).toHaveLength(1);
    expect(await listAll({ filter: { search: '_' } })).toHaveLength(0);
  });

  it('combines filters with AND', async () => {
    const edges = await listAll({ filter: { leadId: ids.ana, status: ['NEEDS_REVIEW'], search: 'refresh' } });
    expect(subjects(edges)).toEqual(['Website refresh #1']);
  });

  it('rejects an empty or oversized search with a validation error', async () => {
    for (const search of ['   ', 'x'.repeat(201)]) {
      const result = await app.execute(ConversationsQuery, { filter: { search } });
      expect(result.data?.conversations ?? null).toBeNull();
      expect(result.errors?.[0]?.message).toMatch(/search/i);
    }
  });
});

describe('conversations: sorting', () => {
  it('sorts by LAST_MESSAGE_AT ascending and descending', async () => {
    const asc = await listAll({ orderBy: { field: 'LAST_MESSAGE_AT', direction: 'ASC' } });
    const desc = await listAll({ orderBy: { field: 'LAST_MESSAGE_AT', direction: 'DESC' } });
    const ascTimes = asc.map((e) => Date.parse(e.node.lastMessageAt));
    expect(ascTimes).toEqual([...ascTimes].sort((a, b) => a - b));
    expect(subjects(desc)).toEqual(subjects(asc).reverse());
    // The shuffled order proves the sort key is the last message, not creation time.
    expect(subjects(asc)[0]).toBe('Website refresh #4');
  });

  it('sorts by CREATED_AT ascending and descending', async () => {
    const asc = await listAll({ orderBy: { field: 'CREATED_AT', direction: 'ASC' } });
    expect(subjects(asc)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((i) => (i === 3 ? 'Pricing: 50% discount?' : `Website refresh #${i}`)));
    const desc = await listAll({ orderBy: { field: 'CREATED_AT', direction: 'DESC' } });
    expect(subjects(desc)).toEqual(subjects(asc).reverse());
  });
});

describe('conversations: cursor paging', () => {
  it('pages forwards through every row once, in order', async () => {
    const all = subjects(await listAll());
    const seen: string[] = [];
    let after: string | null | undefined;
    let pages = 0;
    for (;;) {
      const result = await app.execute(ConversationsQuery, { first: 5, after });
      const page = result.data!.conversations;
      seen.push(...page.edges.map((e) => e.node.subject));
      expect(page.totalCount).toBe(12);
      expect(page.pageInfo.hasPreviousPage).toBe(pages > 0);
      pages++;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(all);
  });

  it('pages backwards with last/before', async () => {
    const all = subjects(await listAll({ orderBy: { field: 'CREATED_AT', direction: 'ASC' } }));
    const seen: string[] = [];
    let before: string | null | undefined;
    for (;;) {
      const result = await app.execute(ConversationsQuery, { last: 5, before, orderBy: { field: 'CREATED_AT', direction: 'ASC' } });
      const page = result.data!.conversations;
      seen.unshift(...page.edges.map((e) => e.node.subject));
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(seen).toEqual(all);
  });

  it('keeps cursors stable within a filter', async () => {
    const first = await app.execute(ConversationsQuery, { first: 2, filter: { leadId: ids.ana } });
    const next = await app.execute(ConversationsQuery, {
      first: 2,
      after: first.data!.conversations.pageInfo.endCursor,
      filter: { leadId: ids.ana },
    });
    expect(next.data!.conversations.edges).toHaveLength(2);
    expect(next.data!.conversations.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses first or last over 100 with a clear error instead of clamping', async () => {
    for (const variables of [{ first: 101 }, { last: 500 }] as ConversationsQueryVariables[]) {
      const result = await app.execute(ConversationsQuery, variables);
      expect(result.data?.conversations ?? null).toBeNull();
      expect(result.errors?.[0]?.message).toMatch(/at most 100/);
    }
    const negative = await app.execute(ConversationsQuery, { first: -1 });
    expect(negative.errors?.[0]?.message).toMatch(/0 or more/);
  });

  it('answers a garbage cursor with an error, not a crash', async () => {
    const result = await app.execute(ConversationsQuery, { first: 5, after: 'not-a-cursor' });
    expect(result.errors?.[0]?.message).toBeTruthy();
    expect(result.errors?.[0]?.message).not.toMatch(/Unexpected error/);
  });
});

describe('conversation(id) and node(id)', () => {
  it('returns the thread with lead, messages oldest first, and the pending suggestion', async () => {
    const result = await app.execute(ConversationQuery, { id: ids.c1! });
    expect(result.errors).toBeUndefined();
    const c = result.data!.conversation!;
    expect(c.subject).toBe('Website refresh #1');
    expect(c.lead.name).toBe('Ana Lima');
    expect(c.messages.totalCount).toBe(2);
    expect(c.messages.edges.map((e) => e.node.direction)).toEqual(['OUTBOUND', 'INBOUND']);
    expect(c.lastMessage?.textBody).toBe('Reply #1');
    expect(c.pendingSuggestion?.status).toBe('PENDING');
    expect(c.suggestions.totalCount).toBe(1);
  });

  it('resolves node(id) to the same conversation', async () => {
    const result = await app.execute(NodeQuery, { id: ids.c2! });
    expect(result.data?.node).toMatchObject({ __typename: 'Conversation', id: ids.c2 });
  });

  it('answers an id from another account with null, as node(id) does', async () => {
    const result = await app.execute(ConversationQuery, { id: foreignConversationId });
    expect(result).toEqual({ data: { conversation: null } });
    const node = await app.execute(NodeQuery, { id: foreignConversationId });
    expect(node.errors).toBeUndefined();
    expect(node.data?.node).toBeNull();
  });

  it('answers an unknown id with null, keeping the rest of the response', async () => {
    const Both = graphql(`
      query UnknownAndKnown($unknown: ID!, $known: ID!) {
        unknown: conversation(id: $unknown) { id }
        known: conversation(id: $known) { id }
      }
    `);
    const result = await app.execute(Both, { unknown: gid('Conversation', '00000000-0000-4000-8000-000000000000'), known: ids.c2! });
    expect(result).toEqual({ data: { unknown: null, known: { id: ids.c2 } } });
  });

  it('answers malformed ids with a validation error naming the id', async () => {
    const malformed = ['not-base64!', gid('Conversation', 'not-a-uuid'), Buffer.from('nocolon').toString('base64'), ''];
    for (const id of malformed) {
      for (const document of [ConversationQuery, NodeQuery] as const) {
        const result = await app.execute(document as typeof NodeQuery, { id });
        expect(result.errors?.[0]?.extensions?.code, `${id}`).toBe('VALIDATION_FAILED');
        expect(result.errors?.[0]?.message).toMatch(/not a valid/);
      }
    }
  });

  it('refuses an id of another type for conversation(id) with the same VALIDATION_FAILED as a malformed one', async () => {
    const result = await app.execute(ConversationQuery, { id: ids.ana! });
    expect(result.data?.conversation ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'VALIDATION_FAILED', issues: [{ path: ['id'], message: 'expected the global ID of a Conversation' }] });
  });
});
