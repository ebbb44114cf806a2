// Table-driven: every query, mutation and subscription, asked by the OWNER of account B about
// account A's objects, gets not-found (or only B's own data) and leaks nothing of A. A field
// added to the schema without a case here fails the first test.
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { schema } from '../src/schema/index.js';
import { createAccount, createConversation, createLead, gid } from './support/factories.js';
import { snapshotDatabase } from './support/snapshot.js';
import { startTestServer, type TestServer } from './support/server.js';

const SECRET = 'ALPHA-SECRET';

let server: TestServer;
let tokenB: string;
let accountB: string;
const a: Record<string, string> = {};
let snapshotA: string;

type Check = (result: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] }) => void;
interface Case {
  query: string;
  variables?: () => Record<string, unknown>;
  check: Check;
}

const notFoundResult = (field: string): Check => (r) => {
  const payload = r.data?.[field] as { __typename?: string } | undefined;
  expect(payload?.__typename ?? r.errors?.[0]?.extensions?.code, field).toMatch(/NotFoundError|NOT_FOUND|ValidationError/);
};
const notFoundError: Check = (r) => expect(r.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
const nothingOfA: Check = (r) => expect(r.errors).toBeUndefined();

const mutation = (field: string, input: string, inputType: string) =>
  `mutation ($input: ${inputType}!) { ${field}(input: $input) { __typename ... on Error { code message } } }`;

const cases: Record<'Query' | 'Mutation' | 'Subscription', Record<string, Case>> = {
  Query: {
    apiKeys: { query: '{ apiKeys(first: 50) { edges { node { id name } } } }', check: nothingOfA },
    auditLog: { query: '{ auditLog(first: 50) { edges { node { entityId action details } } } }', check: nothingOfA },
    bestReplies: {
      query: '{ bestReplies(intent: QUESTION, first: 50) { __typename } }',
      check: (r) => expect(r.data).toEqual({ bestReplies: [] }),
    },
    conversation: {
      query: 'query ($id: ID!) { conversation(id: $id) { subject } }',
      variables: () => ({ id: a.conversation }),
      // Not in your account: null, as node(id) answers.
      check: (r) => expect(r).toEqual({ data: { conversation: null } }),
    },
    conversationStats: {
      query: '{ conversationStats(since: "2020-01-01T00:00:00Z", until: "2020-12-31T00:00:00Z") { conversations { total } } }',
      check: (r) => expect(r.data).toEqual({ conversationStats: { conversations: { total: 0 } } }),
    },
    conversations: {
      query: '{ conversations(first: 50) { totalCount edges { node { subject } } } }',
      check: (r) => expect(r.data).toEqual({ conversations: { totalCount: 0, edges: [] } }),
    },
    node: {
      query: `query ($c: ID!, $l: ID!, $m: ID!, $s: ID!, $u: ID!, $k: ID!, $w: ID!, $d: ID!) {
        c: node(id: $c) { id } l: node(id: $l) { id } m: node(id: $m) { id } s: node(id: $s) { id } u: node(id: $u) { id } k: node(id: $k) { id }
        w: node(id: $w) { id } d: node(id: $d) { id } }`,
      variables: () => ({ c: a.conversation, l: a.lead, m: a.message, s: a.suggestion, u: a.user, k: a.apiKey, w: a.webhookEndpoint, d: a.webhookDelivery }),
      check: (r) => expect(r.data).toEqual({ c: null, l: null, m: null, s: null, u: null, k: null, w: null, d: null }),
    },
    outbox: { query: '{ outbox(first: 50) { edges { node { subject textBody } } } }', check: nothingOfA },
    similarConversations: {
      query: 'query ($id: ID) { similarConversations(conversationId: $id) { __typename ... on Error { code } } }',
      variables: () => ({ id: a.conversation }),
      // Not found where vector search runs; unavailable (and so nothing at all) where pgvector is missing.
      check: (r) => expect((r.data?.similarConversations as { __typename: string }).__typename).toMatch(/^(NotFoundError|VectorSearchUnavailableError)$/),
    },
    users: { query: '{ users(first: 50) { edges { node { email name } } } }', check: nothingOfA },
    webhookDeliveries: {
      query: 'query ($id: ID!) { webhookDeliveries(endpointId: $id, first: 50) { edges { node { payload } } } }',
      variables: () => ({ id: a.webhookEndpoint }),
      check: (r) => expect(r.data).toEqual({ webhookDeliveries: { edges: [] } }),
    },
    webhookEndpoints: {
      query: '{ webhookEndpoints(first: 50) { edges { node { url } } } }',
      check: (r) => expect(r.data).toEqual({ webhookEndpoints: { edges: [] } }),
    },
    viewer: {
      query: '{ viewer { account { id slug name } } }',
      check: (r) => expect((r.data?.viewer as { account: { id: string } }).account.id).toBe(gid('Account', accountB)),
    },
  },
  Mutation: {
    addUser: {
      query: mutation('addUser', 'input', 'AddUserInput'),
      variables: () => ({ input: { email: 'new-b@b.example', name: 'B person', role: 'AGENT' } }),
      check: (r) => expect((r.data?.addUser as { __typename: string }).__typename).toBe('AddUserPayload'),
    },
    approveSuggestion: { query: mutation('approveSuggestion', 'input', 'ApproveSuggestionInput'), variables: () => ({ input: { suggestionId: a.suggestion } }), check: notFoundResult('approveSuggestion') },
    archiveConversation: { query: mutation('archiveConversation', 'input', 'ArchiveConversationInput'), variables: () => ({ input: { conversationId: a.conversation } }), check: notFoundResult('archiveConversation') },
    changeUserRole: { query: mutation('changeUserRole', 'input', 'ChangeUserRoleInput'), variables: () => ({ input: { userId: a.user, role: 'VIEWER' } }), check: notFoundResult('changeUserRole') },
    createApiKey: {
      query: mutation('createApiKey', 'input', 'CreateApiKeyInput'),
      variables: () => ({ input: { name: 'B key', role: 'VIEWER' } }),
      check: (r) => expect((r.data?.createApiKey as { __typename: string }).__typename).toBe('CreateApiKeyPayload'),
    },
    rejectSuggestion: { query: mutation('rejectSuggestion', 'input', 'RejectSuggestionInput'), variables: () => ({ input: { suggestionId: a.suggestion } }), check: notFoundResult('rejectSuggestion') },
    resolveSuggestedAction: {
      query: mutation('resolveSuggestedAction', 'input', 'ResolveSuggestedActionInput'),
      variables: () => ({ input: { conversationId: a.conversation, decision: 'CONFIRM' } }),
      check: notFoundResult('resolveSuggestedAction'),
    },
    revokeApiKey: { query: mutation('revokeApiKey', 'input', 'RevokeApiKeyInput'), variables: () => ({ input: { apiKeyId: a.apiKey } }), check: notFoundResult('revokeApiKey') },
    removeUser: { query: mutation('removeUser', 'input', 'RemoveUserInput'), variables: () => ({ input: { userId: a.user } }), check: notFoundResult('removeUser') },
    sendReply: {
      query: mutation('sendReply', 'input', 'SendReplyInput'),
      variables: () => ({ input: { conversationId: a.conversation, subject: 'Re: hi', body: 'Hello from B' } }),
      check: notFoundResult('sendReply'),
    },
    regenerateSuggestion: {
      query: mutation('regenerateSuggestion', 'input', 'RegenerateSuggestionInput'),
      variables: () => ({ input: { conversationId: a.conversation, tone: 'FRIENDLY' } }),
      check: notFoundResult('regenerateSuggestion'),
    },
    setConversationOutcome: {
      query: mutation('setConversationOutcome', 'input', 'SetConversationOutcomeInput'),
      variables: () => ({ input: { conversationId: a.conversation, outcome: 'WON' } }),
      check: notFoundResult('setConversationOutcome'),
    },
    createWebhookEndpoint: {
      query: mutation('createWebhookEndpoint', 'input', 'CreateWebhookEndpointInput'),
      variables: () => ({ input: { url: 'https://hooks.beta.example/parley', events: ['SENT'] } }),
      check: (r) => expect((r.data?.createWebhookEndpoint as { __typename: string }).__typename).toBe('CreateWebhookEndpointPayload'),
    },
    eraseLead: { query: mutation('eraseLead', 'input', 'EraseLeadInput'), variables: () => ({ input: { leadId: a.lead } }), check: notFoundResult('eraseLead') },
    exportLeadData: { query: mutation('exportLeadData', 'input', 'ExportLeadDataInput'), variables: () => ({ input: { leadId: a.lead } }), check: notFoundResult('exportLeadData') },
    mergeConversations: {
      query: mutation('mergeConversations', 'input', 'MergeConversationsInput'),
      variables: () => ({ input: { sourceId: a.conversation, targetId: a.conversation2 } }),
      check: notFoundResult('mergeConversations'),
    },
    moveMessage: {
      query: mutation('moveMessage', 'input', 'MoveMessageInput'),
      variables: () => ({ input: { messageId: a.message, toConversationId: a.conversation2 } }),
      check: notFoundResult('moveMessage'),
    },
    deleteWebhookEndpoint: {
      query: mutation('deleteWebhookEndpoint', 'input', 'DeleteWebhookEndpointInput'),
      variables: () => ({ input: { endpointId: a.webhookEndpoint } }),
      check: notFoundResult('deleteWebhookEndpoint'),
    },
    resendWebhookDelivery: {
      query: mutation('resendWebhookDelivery', 'input', 'ResendWebhookDeliveryInput'),
      variables: () => ({ input: { deliveryId: a.webhookDelivery } }),
      check: notFoundResult('resendWebhookDelivery'),
    },
    updateWebhookEndpoint: {
      query: mutation('updateWebhookEndpoint', 'input', 'UpdateWebhookEndpointInput'),
      variables: () => ({ input: { endpointId: a.webhookEndpoint, url: 'https://hooks.beta.example/stolen' } }),
      check: notFoundResult('updateWebhookEndpoint'),
    },
    unarchiveConversation: { query: mutation('unarchiveConversation', 'input', 'UnarchiveConversationInput'), variables: () => ({ input: { conversationId: a.conversation } }), check: notFoundResult('unarchiveConversation') },
  },
  Subscription: Object.fromEntries(
    ['newReply', 'aiReady', 'sent', 'conversationError', 'conversationEvents'].map((field) => [
      field,
      { query: `subscription ($id: ID) { ${field}(conversationId: $id) { __typename } }`, variables: () => ({ id: a.conversation }), check: notFoundError },
    ]),
  ),
};

async function run(c: Case) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenB}` },
    body: JSON.stringify({ query: c.query, variables: c.variables?.() }),
  });
  return (await response.json()) as Parameters<Check>[0];
}

async function subscribe(c: Case) {
  const client = createClient({ url: server.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${tokenB}` }, retryAttempts: 0 });
  try {
    const iterator = client.iterate({ query: c.query, variables: c.variables?.() });
    return await iterator.next().then(
      (r) => r.value as Parameters<Check>[0],
      (errors: { message: string; extensions?: { code?: string } }[]) => ({ errors }),
    );
  } finally {
    await client.dispose();
  }
}

const snapshotOfA = () => snapshotDatabase(server.running.app.services.prisma, server.running.app.services.devAccountId);

beforeAll(async () => {
  server = await startTestServer();
  const { prisma, devAccountId, tokens } = server.running.app.services;
  const lead = await createLead(prisma, devAccountId, { name: `${SECRET} lead`, email: 'secret@alpha.example' });
  const conversation = await createConversation(prisma, devAccountId, lead.id, {
    subject: `${SECRET} deal`,
    status: 'NEEDS_REVIEW',
    messages: [{ direction: 'INBOUND', at: new Date('2026-11-20T10:00:00Z'), text: `${SECRET} message` }],
    suggestions: [{ status: 'PENDING', confidence: 0.9, at: new Date('2026-11-20T10:01:00Z') }],
  });
  const suggestion = await prisma.aISuggestion.findFirstOrThrow({ where: { conversationId: conversation.id } });
  const user = await prisma.user.findFirstOrThrow({ where: { accountId: devAccountId } });
  const apiKey = await prisma.apiKey.create({ data: { accountId: devAccountId, name: `${SECRET} key`, role: 'AGENT', secretHash: 'x', createdBy: 'test' } });
  await prisma.auditEntry.create({ data: { accountId: devAccountId, actor: 'test', action: `${SECRET}.action`, entityType: 'Conversation', entityId: conversation.id } });
  const endpoint = await prisma.webhookEndpoint.create({
    data: { accountId: devAccountId, url: `https://hooks.alpha.example/${SECRET}`, events: ['SENT'], secret: `whsec_${SECRET}` },
  });
  const delivery = await prisma.webhookDelivery.create({
    data: { accountId: devAccountId, endpointId: endpoint.id, eventId: 'evt_alpha', eventType: 'SENT', payload: `{"secret":"${SECRET}"}` },
  });
  // A second thread of A's: B tries to merge A's threads, or move A's message between them.
  const second = await createConversation(prisma, devAccountId, lead.id, { subject: `${SECRET} second deal` });
  Object.assign(a, {
    conversation2: gid('Conversation', second.id),
    webhookEndpoint: gid('WebhookEndpoint', endpoint.id),
    webhookDelivery: gid('WebhookDelivery', delivery.id),
    conversation: gid('Conversation', conversation.id),
    lead: gid('Lead', lead.id),
    message: gid('ConversationMessage', conversation.lastMessageId!),
    suggestion: gid('AISuggestion', suggestion.id),
    user: gid('User', user.id),
    apiKey: gid('ApiKey', apiKey.id),
  });
  const b = await createAccount(prisma, 'beta-team');
  accountB = b.id;
  const owner = await prisma.user.create({ data: { accountId: b.id, email: 'owner@beta.example', name: 'Beta owner', role: 'OWNER' } });
  tokenB = await tokens.sign({ userId: owner.id, accountId: b.id, role: 'OWNER' }, 600);
  snapshotA = await snapshotOfA();
});

afterAll(() => server?.close());

describe('account isolation over the whole schema', () => {
  it('has a case for every query, mutation and subscription field', () => {
    const fields = (type: 'Query' | 'Mutation' | 'Subscription') => Object.keys(schema.getType(type) ? (schema.getType(type) as { getFields(): object }).getFields() : {}).sort();
    for (const type of ['Query', 'Mutation', 'Subscription'] as const) {
      expect(Object.keys(cases[type]).sort(), `${type} fields without a cross-account case`).toEqual(fields(type));
    }
  });

  for (const type of ['Query', 'Mutation'] as const) {
    for (const [field, c] of Object.entries(cases[type])) {
      it(`${type}.${field}: as account B, about account A`, async () => {
        const result = await run(c);
        expect(JSON.stringify(result)).not.toContain(SECRET);
        expect(JSON.stringify(result)).not.toContain('INTERNAL_SERVER_ERROR');
        c.check(result);
      });
    }
  }

  for (const [field, c] of Object.entries(cases.Subscription)) {
    it(`Subscription.${field}: as account B, about account A`, async () => {
      const result = await subscribe(c);
      expect(JSON.stringify(result)).not.toContain(SECRET);
      c.check(result);
    });
  }

  it("left account A's rows exactly as they were", async () => {
    expect(await snapshotOfA()).toBe(snapshotA);
  });
});
