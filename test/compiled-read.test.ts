// The compiled read path (src/compiled-read/) against the resolver path, on the same app and
// data: every query the test suite sends (the codegen documents and the literal queries of the
// test files) runs through both and must answer the same; another account's ids answer null
// on both; a compilable page is one SQL statement, and a field without SQL falls back.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createParleyYoga, type ParleyYoga } from '../src/yoga.js';
import { createAccount, createConversation, createLead, gid } from './support/factories.js';
import { createTestApp, type TestApp } from './support/app.js';
import { demoIds, suiteQueries, variablesFor } from './support/suite-queries.js';

let app: TestApp;
let compiled: ParleyYoga;
let resolvers: ParleyYoga;
const paths: ('compiled' | 'resolvers')[] = [];
const reasons: string[] = [];
let statements = 0;
let readStatements = 0;
const ids: Record<string, string> = {};
let otherToken: string;
const other: Record<string, string> = {};

async function run(yoga: ParleyYoga, query: string, variables?: Record<string, unknown>, token = app.token) {
  const body = JSON.stringify({ query, variables });
  const response = await yoga.fetch('http://parley.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), authorization: `Bearer ${token}` },
    body,
  });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: unknown[] } };
}

/** Runs through both paths; returns both answers and the path the compiled instance took. */
async function both(query: string, variables?: Record<string, unknown>, token?: string) {
  paths.length = 0;
  reasons.length = 0;
  const a = await run(compiled, query, variables, token);
  const path = paths.at(-1);
  const b = await run(resolvers, query, variables, token);
  return { compiled: a, resolvers: b, path };
}

beforeAll(async () => {
  app = await createTestApp({ seedDemo: true, logQueries: true });
  // The compiled path's statements are counted where they leave for the database.
  const database = app.services.database;
  const counting = { ...database, queryRead: ((statement) => (readStatements++, database.queryRead(statement))) as typeof database.queryRead };
  compiled = createParleyYoga({ ...app.services, database: counting }, { onReadPath: (path) => paths.push(path), onReadFallback: (reason) => reasons.push(reason) });
  resolvers = createParleyYoga(app.services, { compiledReads: false });
  const prisma = app.services.prisma;
  (prisma as unknown as { $on(event: 'query', cb: () => void): void }).$on('query', () => statements++);
  // Demo data: a thread with messages and a pending draft, its lead, a message, a draft.
  Object.assign(ids, await demoIds(prisma));
  // Another account, with its own thread.
  const b = await createAccount(prisma, 'compiled-other');
  const lead = await createLead(prisma, b.id, { email: 'other@b.example', name: 'Other' });
  const otherConversation = await createConversation(prisma, b.id, lead.id, {
    subject: 'OTHER-SECRET',
    messages: [{ direction: 'INBOUND', at: new Date('2026-01-01T00:00:00Z'), text: 'OTHER-SECRET body' }],
  } as never);
  other.conversation = gid('Conversation', otherConversation.id);
  const owner = await prisma.user.create({ data: { accountId: b.id, email: 'owner@b.example', name: 'B owner', role: 'OWNER' } });
  otherToken = await app.services.tokens.sign({ userId: owner.id, accountId: b.id, role: 'OWNER' }, 600);
});

afterAll(async () => {
  await app?.close();
});

// ---- every query of the suite -----------------------------------------------------------

describe('every query of the test suite, through both paths', () => {
  it('answers the same on the compiled path as on the resolvers', async () => {
    const queries = suiteQueries();
    expect(queries.length).toBeGreaterThan(30);
    let compiledCount = 0;
    let compared = 0;
    const compiledQueries: string[] = [];
    for (const query of queries) {
      const variables = variablesFor(query, ids);
      if (!variables) continue;
      const result = await both(query, variables);
      compared++;
      expect(result.compiled, query).toEqual(result.resolvers);
      if (result.path === 'compiled') {
        compiledCount++;
        compiledQueries.push(query);
      }
    }
    console.info(`compiled-read: ${queries.length} suite queries, ${compared} compared, ${compiledCount} on the compiled path`);
    // The suite's reads of conversations, threads and pages do compile.
    expect(compiledCount, compiledQueries.join('\n---\n')).toBeGreaterThanOrEqual(5);
  });

  it('answers the same for pages, cursors, orders and filters it compiles', async () => {
    const cases: [string, Record<string, unknown>?][] = [
      ['{ conversations(first: 3) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id subject status lastMessageAt archivedAt hasPendingSuggestion lead { id name email company estimatedValue doNotContact createdAt } lastMessage { id direction textBody sentAt receivedAt openCount clickedLinks ccEmails } pendingSuggestion { id status confidence body createdAt } } } } }'],
      ['{ conversations(first: 0) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor } } }'],
      ['{ conversations(first: 100, orderBy: { field: PRIORITY, direction: ASC }) { edges { node { id priority } } } }'],
      ['{ conversations(first: 5, orderBy: { field: CREATED_AT, direction: ASC }) { edges { node { id createdAt } } } }'],
      ['{ conversations(filter: { status: [ACTIVE, NEEDS_REVIEW] }) { totalCount edges { node { id status } } } }'],
      ['{ conversations(filter: { status: [SNOOZED] }) { totalCount edges { node { id } } } }'],
      ['{ conversations(filter: { lastMessageAfter: "2999-01-01T00:00:00Z" }) { totalCount } }'],
      ['{ conversations(filter: { lastMessageAfter: "2999-01-01T00:00:00Z" }) { __typename totalCount pageInfo { hasNextPage startCursor } } }'],
      ['{ conversations(filter: { lastMessageAfter: "2020-01-01T00:00:00Z", priority: [NORMAL] }) { totalCount edges { node { id } } } }'],
      ['query ($id: ID!) { conversation(id: $id) { __typename id subject messages(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id fromEmail subject } } } suggestions(first: 10) { edges { node { status confidence body } } } } }', { id: '' }],
      ['query ($id: ID!) { a: conversation(id: $id) { id } b: conversation(id: $id) { ...F } __typename } fragment F on Conversation { subject ... on Node { id } lead { conversations(first: 2) { totalCount edges { node { id } } } } }', { id: '' }],
    ];
    const nodes: [string, string][] = [
      ['query ($id: ID!) { node(id: $id) { __typename id ... on Conversation { subject lead { email } } ... on Lead { name } } }', ids.conversation!],
      ['query ($id: ID!) { node(id: $id) { __typename id ... on Conversation { subject } ... on Lead { name email conversations(first: 5) { totalCount edges { node { id } } } } } }', ids.lead!],
      ['query ($id: ID!) { node(id: $id) { id ... on ConversationMessage { direction fromEmail sentAt conversation { id } } } }', ids.message!],
      ['query ($id: ID!) { node(id: $id) { id ... on AISuggestion { status confidence subject conversation { subject } } } }', ids.suggestion!],
      ['query ($id: ID!) { node(id: $id) { id } }', gid('Conversation', '00000000-0000-4000-8000-000000000000')],
    ];
    let compiledCount = 0;
    for (const [query, id] of nodes) {
      const result = await both(query, { id });
      expect(result.compiled.body.errors, query).toBeUndefined();
      expect(result.compiled, query).toEqual(result.resolvers);
      expect(result.path, query).toBe('compiled');
    }
    for (const [query, variables] of cases) {
      const result = await both(query, variables && { id: ids.conversation });
      expect(result.compiled.body.errors, query).toBeUndefined();
      expect(result.compiled, query).toEqual(result.resolvers);
      if (result.path === 'compiled') compiledCount++;
    }
    expect(compiledCount).toBe(cases.length);
    // Paging on with each endCursor gives the same pages on both paths, to the end.
    let after: string | null = null;
    const seen: string[] = [];
    for (let page = 0; page < 20; page++) {
      const query = 'query ($after: String) { conversations(first: 2, after: $after) { pageInfo { hasNextPage hasPreviousPage endCursor } edges { node { id } } } }';
      const result = await both(query, { after });
      expect(result.path).toBe('compiled');
      expect(result.compiled).toEqual(result.resolvers);
      const connection = (result.compiled.body.data as { conversations: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string } }[] } }).conversations;
      seen.push(...connection.edges.map((e) => e.node.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThan(2);
    // A nested connection pages the same way (the thread's messages, oldest first).
    let messagesAfter: string | null = null;
    const messages: string[] = [];
    for (let page = 0; page < 20; page++) {
      const query = 'query ($id: ID!, $after: String) { conversation(id: $id) { messages(first: 1, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id createdAt } } } } }';
      const result = await both(query, { id: ids.conversation, after: messagesAfter });
      expect(result.path).toBe('compiled');
      expect(result.compiled).toEqual(result.resolvers);
      const connection = (result.compiled.body.data as { conversation: { messages: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string } }[] } } }).conversation.messages;
      messages.push(...connection.edges.map((e) => e.node.id));
      if (!connection.pageInfo.hasNextPage) break;
      messagesAfter = connection.pageInfo.endCursor;
    }
    expect(messages.length).toBeGreaterThan(1);
    expect(new Set(messages).size).toBe(messages.length);
  });

  it('leaves hostile and invalid arguments to the resolvers, which answer as they always did', async () => {
    const cases: [string, Record<string, unknown>][] = [
      ['query ($id: ID!) { conversation(id: $id) { id } }', { id: 'not-a-global-id' }],
      ['query ($id: ID!) { conversation(id: $id) { id } }', { id: ids.lead! }],
      ['query ($id: ID!) { conversation(id: $id) { id } }', { id: gid('Conversation', '00000000-0000-4000-8000-000000000000') }],
      ['query ($n: Int) { conversations(first: $n) { edges { node { id } } } }', { n: 101 }],
      ['query ($n: Int) { conversations(first: $n) { edges { node { id } } } }', { n: -1 }],
      ['query ($c: String) { conversations(first: 2, after: $c) { edges { node { id } } } }', { c: "'; DROP TABLE conversations; --" }],
      ['query ($c: String) { conversations(first: 2, after: $c) { edges { node { id } } } }', { c: Buffer.from('GPC:S:x\' OR 1=1').toString('base64') }],
      ['query ($c: String) { conversations(first: 2, after: $c) { edges { node { id } } } }', { c: Buffer.from('GPC:S:00000000-0000-4000-8000-000000000000').toString('base64') }],
      ['{ conversations(filter: { search: "x\' OR 1=1 --" }) { edges { node { id } } } }', {}],
      ['{ conversations(filter: { leadId: "bad" }) { edges { node { id } } } }', {}],
      ['{ conversations(first: 100) { edges { node { messages(first: 100) { edges { node { textBody } } } } } } }', {}],
    ];
    for (const [query, variables] of cases) {
      const result = await both(query, variables);
      expect(result.compiled, query).toEqual(result.resolvers);
    }
  });
});

describe('account scoping on both paths', () => {
  it("another account's conversation is null on both paths, and its own list holds only its rows", async () => {
    const asNode = await both('query ($id: ID!) { node(id: $id) { id ... on Conversation { subject } } }', { id: other.conversation });
    expect(asNode.path).toBe('compiled');
    expect(asNode.compiled.body).toEqual({ data: { node: null } });
    expect(asNode.resolvers.body).toEqual({ data: { node: null } });
    const one = await both('query ($id: ID!) { conversation(id: $id) { id subject } }', { id: other.conversation });
    expect(one.path).toBe('compiled');
    expect(one.compiled.body).toEqual({ data: { conversation: null } });
    expect(one.resolvers.body).toEqual({ data: { conversation: null } });
    // And the other way round: account B asks for A's thread.
    const back = await both('query ($id: ID!) { conversation(id: $id) { id subject } }', { id: ids.conversation }, otherToken);
    expect(back.path).toBe('compiled');
    expect(back.compiled.body).toEqual({ data: { conversation: null } });
    expect(back.resolvers.body).toEqual({ data: { conversation: null } });
    const list = await both('{ conversations(first: 100) { totalCount edges { node { id subject } } } }', undefined, otherToken);
    expect(list.path).toBe('compiled');
    expect(list.compiled).toEqual(list.resolvers);
    expect(list.compiled.body.data).toEqual({ conversations: { totalCount: 1, edges: [{ node: { id: other.conversation, subject: 'OTHER-SECRET' } }] } });
    // The same text and variables for A (its statement is kept per text and variables, the
    // account bound anew): A's list, never B's thread.
    const mine = await both('{ conversations(first: 100) { totalCount edges { node { id subject } } } }');
    expect(mine.path).toBe('compiled');
    expect(mine.compiled).toEqual(mine.resolvers);
    expect((mine.compiled.body.data as { conversations: { totalCount: number } }).conversations.totalCount).toBeGreaterThan(1);
    expect(JSON.stringify(mine.compiled.body)).not.toContain(other.conversation);
    // B's cursor on A's list: the cursor row is not A's; both paths agree.
    const cursor = Buffer.from(`GPC:S:${Buffer.from(other.conversation!, 'base64').toString().split(':')[1]}`).toString('base64');
    const foreignCursor = await both('query ($c: String) { conversations(first: 3, after: $c) { edges { node { id } } } }', { c: cursor });
    expect(foreignCursor.compiled).toEqual(foreignCursor.resolvers);
  });
});

describe('a merged conversation', () => {
  it('answers as the conversation it joined on both paths', async () => {
    const prisma = app.services.prisma;
    const account = await prisma.conversation.findFirstOrThrow({ where: { id: Buffer.from(ids.conversation!, 'base64').toString().split(':')[1] }, select: { accountId: true } });
    const lead = await createLead(prisma, account.accountId, { email: 'merge@compiled.example', name: 'Merge' });
    const source = await createConversation(prisma, account.accountId, lead.id, { subject: 'merge source' });
    const target = await createConversation(prisma, account.accountId, lead.id, { subject: 'merge target' });
    const merged = await run(resolvers, 'mutation ($input: MergeConversationsInput!) { mergeConversations(input: $input) { __typename } }', {
      input: { sourceId: gid('Conversation', source.id), targetId: gid('Conversation', target.id) },
    });
    expect(merged.body).toEqual({ data: { mergeConversations: { __typename: 'MergeConversationsPayload' } } });
    const result = await both('query ($id: ID!) { conversation(id: $id) { id subject } }', { id: gid('Conversation', source.id) });
    expect(result.path).toBe('compiled');
    expect(result.compiled.body).toEqual({ data: { conversation: { id: gid('Conversation', target.id), subject: 'merge target' } } });
    expect(result.compiled).toEqual(result.resolvers);
    const node = await both('query ($id: ID!) { node(id: $id) { id ... on Conversation { subject } } }', { id: gid('Conversation', source.id) });
    expect(node.path).toBe('compiled');
    expect(node.compiled.body).toEqual({ data: { node: { id: gid('Conversation', target.id), subject: 'merge target' } } });
    expect(node.compiled).toEqual(node.resolvers);
  });
});

describe('the compiled path is taken, and only where it can be', () => {
  it('serves a list page with one SQL statement and no Prisma query (the resolvers need several)', async () => {
    const query = '{ conversations(first: 20) { edges { node { id subject status lastMessageAt hasPendingSuggestion lead { name email company } lastMessage { direction textBody sentAt receivedAt } } } } }';
    await run(compiled, query); // plans it
    const before = statements;
    const readsBefore = readStatements;
    paths.length = 0;
    const result = await run(compiled, query);
    expect(result.body.errors).toBeUndefined();
    expect((result.body.data as { conversations: { edges: unknown[] } }).conversations.edges.length).toBeGreaterThan(5);
    expect(paths).toEqual(['compiled']);
    expect(readStatements - readsBefore).toBe(1);
    expect(statements - before).toBe(0);
    const viaResolvers = statements;
    await run(resolvers, query);
    expect(statements - viaResolvers).toBeGreaterThan(0);
  });

  it('falls back for a field without SQL, a mutation, or a role-guarded field', async () => {
    for (const query of [
      '{ conversations(first: 2) { edges { node { id unread } } } }',
      '{ conversations(first: 2) { edges { node { id lastMessage { htmlBody } } } } }',
      '{ conversations(first: 2) { edges { node { id lastMessage { originalPayload { sha256 } } } } } }',
      '{ conversations(filter: { hasPendingSuggestion: true }) { edges { node { id } } } }',
      '{ viewer { role } }',
      'query ($id: ID!) { node(id: $id) { id ... on Conversation { unread } } }',
    ]) {
      const result = await both(query, { id: ids.conversation });
      expect(result.path, query).toBe('resolvers');
      expect(result.compiled, query).toEqual(result.resolvers);
    }
  });

  it('answers a query of nothing but __typename from the schema, without a statement', async () => {
    for (const query of ['{ __typename }', '{ a: __typename __typename b: __typename }', 'query Named { ...F } fragment F on Query { __typename }']) {
      const before = readStatements;
      const result = await both(query);
      expect(result.path, query).toBe('compiled');
      expect(readStatements, query).toBe(before);
      expect(result.compiled.body.errors, query).toBeUndefined();
      expect(result.compiled, query).toEqual(result.resolvers);
    }
  });

  it('keeps the cost limit: an over-expensive compilable query is refused as before', async () => {
    // Compilable field by field, but 100 bodies cost more than the limit (plugin-complexity).
    const query = '{ conversations(first: 100) { edges { node { lastMessage { textBody } } } } }';
    const result = await both(query);
    expect(reasons).toContain('cost');
    expect(result.path).toBe('resolvers');
    expect((result.compiled.body.errors as { extensions?: { code?: string } }[])?.[0]?.extensions?.code).toBe('QUERY_TOO_EXPENSIVE');
    expect(result.compiled).toEqual(result.resolvers);
  });
});

it.runIf(inject('testDatabase').kind === 'postgres')('runs as a named prepared statement on PostgreSQL, prepared once per connection', async () => {
  const single = await createTestApp({ seedDemo: true, env: { DATABASE_POOL_SIZE: '1' } });
  try {
    const yoga = createParleyYoga(single.services);
    const query = '{ conversations(first: 5) { edges { node { id subject lead { name } } } } }';
    for (let i = 0; i < 3; i++) {
      const body = JSON.stringify({ query });
      const response = await yoga.fetch('http://parley.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), authorization: `Bearer ${single.token}` },
        body,
      });
      expect(response.status).toBe(200);
    }
    const prepared = await single.services.database.queryRead<{ name: string; statement: string }>({ text: 'SELECT name, statement FROM pg_prepared_statements', values: [] });
    const compiledStatements = prepared.filter((p) => p.statement.startsWith('SELECT json_build_object('));
    expect(compiledStatements).toHaveLength(1);
    expect(compiledStatements[0]!.name).toMatch(/^parley_/);
  } finally {
    await single.close();
  }
});
