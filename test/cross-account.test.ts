// Table-driven: every query, mutation and subscription, asked by the OWNER of account B about
// account A's objects, gets not-found (or only B's own data) and leaks nothing of A; queries on
// the compiled path, replayed, and on the resolvers alone. A field
// added to the schema without a case here fails the first test.
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { schema } from '../src/schema/index.js';
import { createParleyYoga, type ParleyYoga } from '../src/yoga.js';
import { createAccount, createConversation, createLead, gid } from './support/factories.js';
import { snapshotDatabase } from './support/snapshot.js';
import { startTestServer, type TestServer } from './support/server.js';

const SECRET = 'ALPHA-SECRET';
const SECRET_EMAIL = 'alpha-secret-agent@alpha.example';

let server: TestServer;
let resolversOnly: ParleyYoga;
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
    lead: {
      query: 'query ($id: ID!) { lead(id: $id) { name email } }',
      variables: () => ({ id: a.lead }),
      check: (r) => expect(r).toEqual({ data: { lead: null } }),
    },
    leads: {
      query: '{ leads(first: 50, filter: { search: "a" }) { totalCount edges { node { name email customFields } } } }',
      check: (r) => expect(r.data).toEqual({ leads: { totalCount: 0, edges: [] } }),
    },
    templates: {
      query: '{ templates(first: 50) { totalCount edges { node { name subject body } } } }',
      check: (r) => expect(r.data).toEqual({ templates: { totalCount: 0, edges: [] } }),
    },
    conversations: {
      query: '{ conversations(first: 50) { totalCount edges { node { subject } } } }',
      check: (r) => expect(r.data).toEqual({ conversations: { totalCount: 0, edges: [] } }),
    },
    node: {
      query: `query ($c: ID!, $l: ID!, $m: ID!, $s: ID!, $u: ID!, $k: ID!, $t: ID!, $w: ID!, $d: ID!) {
        c: node(id: $c) { id } l: node(id: $l) { id } m: node(id: $m) { id } s: node(id: $s) { id } u: node(id: $u) { id } k: node(id: $k) { id } t: node(id: $t) { id }
        w: node(id: $w) { id } d: node(id: $d) { id } }`,
      variables: () => ({ c: a.conversation, l: a.lead, m: a.message, s: a.suggestion, u: a.user, k: a.apiKey, t: a.template, w: a.webhookEndpoint, d: a.webhookDelivery }),
      check: (r) => expect(r.data).toEqual({ c: null, l: null, m: null, s: null, u: null, k: null, t: null, w: null, d: null }),
    },
    labels: {
      query: '{ labels(first: 50) { totalCount edges { node { name color } } } }',
      check: (r) => expect(r.data).toEqual({ labels: { totalCount: 0, edges: [] } }),
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
    // Team inbox (issue 18, part A)
    addNote: {
      query: mutation('addNote', 'input', 'AddNoteInput'),
      variables: () => ({ input: { conversationId: a.conversation, body: `hello @${SECRET_EMAIL}` } }),
      check: notFoundResult('addNote'),
    },
    assignConversation: {
      query: mutation('assignConversation', 'input', 'AssignConversationInput'),
      variables: () => ({ input: { conversationId: a.conversation, assigneeId: a.user } }),
      check: notFoundResult('assignConversation'),
    },
    bulkUpdateConversations: {
      query: `mutation ($input: BulkUpdateConversationsInput!) { bulkUpdateConversations(input: $input) {
        __typename ... on Error { code } ... on BulkUpdateConversationsPayload { succeeded failed results { ok error { __typename } conversation { subject } } } } }`,
      variables: () => ({ input: { conversationIds: [a.conversation], operation: 'ASSIGN', assigneeId: a.user } }),
      check: (r) =>
        expect(r.data?.bulkUpdateConversations).toEqual({
          __typename: 'BulkUpdateConversationsPayload',
          succeeded: 0,
          failed: 1,
          results: [{ ok: false, error: { __typename: 'NotFoundError' }, conversation: null }],
        }),
    },
    createLabel: {
      query: mutation('createLabel', 'input', 'CreateLabelInput'),
      variables: () => ({ input: { name: 'beta label', color: '#00ff00' } }),
      check: (r) => expect((r.data?.createLabel as { __typename: string }).__typename).toBe('CreateLabelPayload'),
    },
    deleteLabel: { query: mutation('deleteLabel', 'input', 'DeleteLabelInput'), variables: () => ({ input: { labelId: a.label } }), check: notFoundResult('deleteLabel') },
    markConversationsRead: {
      query: mutation('markConversationsRead', 'input', 'MarkConversationsReadInput'),
      variables: () => ({ input: { conversationIds: [a.conversation], read: true } }),
      check: notFoundResult('markConversationsRead'),
    },
    setConversationLabels: {
      query: mutation('setConversationLabels', 'input', 'SetConversationLabelsInput'),
      variables: () => ({ input: { conversationId: a.conversation, labelIds: [a.label] } }),
      check: notFoundResult('setConversationLabels'),
    },
    setConversationPriority: {
      query: mutation('setConversationPriority', 'input', 'SetConversationPriorityInput'),
      variables: () => ({ input: { conversationId: a.conversation, priority: 'URGENT' } }),
      check: notFoundResult('setConversationPriority'),
    },
    setInboxSettings: {
      query: mutation('setInboxSettings', 'input', 'SetInboxSettingsInput'),
      variables: () => ({ input: { autoAssign: 'ROUND_ROBIN' } }),
      check: (r) => expect((r.data?.setInboxSettings as { __typename: string }).__typename).toBe('SetInboxSettingsPayload'),
    },
    updateLabel: {
      query: mutation('updateLabel', 'input', 'UpdateLabelInput'),
      variables: () => ({ input: { labelId: a.label, name: 'stolen' } }),
      check: notFoundResult('updateLabel'),
    },
    addUser: {
      query: mutation('addUser', 'input', 'AddUserInput'),
      variables: () => ({ input: { email: 'new-b@b.example', name: 'B person', role: 'AGENT' } }),
      check: (r) => expect((r.data?.addUser as { __typename: string }).__typename).toBe('AddUserPayload'),
    },
    approveSuggestion: { query: mutation('approveSuggestion', 'input', 'ApproveSuggestionInput'), variables: () => ({ input: { suggestionId: a.suggestion } }), check: notFoundResult('approveSuggestion') },
    archiveConversation: { query: mutation('archiveConversation', 'input', 'ArchiveConversationInput'), variables: () => ({ input: { conversationId: a.conversation } }), check: notFoundResult('archiveConversation') },
    cancelScheduledSend: {
      query: mutation('cancelScheduledSend', 'input', 'CancelScheduledSendInput'),
      variables: () => ({ input: { messageId: a.scheduledMessage } }),
      check: notFoundResult('cancelScheduledSend'),
    },
    changeUserRole: { query: mutation('changeUserRole', 'input', 'ChangeUserRoleInput'), variables: () => ({ input: { userId: a.user, role: 'VIEWER' } }), check: notFoundResult('changeUserRole') },
    createLead: {
      // The address account A has is free in account B: a lead of B's own, nothing of A's.
      query: mutation('createLead', 'input', 'CreateLeadInput'),
      variables: () => ({ input: { email: 'secret@alpha.example', name: 'B lead' } }),
      check: (r) => expect((r.data?.createLead as { __typename: string }).__typename).toBe('CreateLeadPayload'),
    },
    createTemplate: {
      query: mutation('createTemplate', 'input', 'CreateTemplateInput'),
      variables: () => ({ input: { name: 'B template', subject: 'Hi {{lead.firstName}}', body: 'Hello' } }),
      check: (r) => expect((r.data?.createTemplate as { __typename: string }).__typename).toBe('CreateTemplatePayload'),
    },
    deleteTemplate: { query: mutation('deleteTemplate', 'input', 'DeleteTemplateInput'), variables: () => ({ input: { templateId: a.template } }), check: notFoundResult('deleteTemplate') },
    importLeads: {
      // Addresses of account A's leads create leads of B's own; A's lead is not updated.
      query: mutation('importLeads', 'input', 'ImportLeadsInput'),
      variables: () => ({ input: { csv: 'email,name\nsecret@alpha.example,Imported by B' } }),
      check: (r) => expect(r.data?.importLeads).toEqual({ __typename: 'ImportLeadsPayload' }),
    },
    startConversation: {
      query: mutation('startConversation', 'input', 'StartConversationInput'),
      variables: () => ({ input: { leadId: a.lead, subject: 'Hello', body: 'Hello from B' } }),
      check: notFoundResult('startConversation'),
    },
    updateLead: { query: mutation('updateLead', 'input', 'UpdateLeadInput'), variables: () => ({ input: { leadId: a.lead, name: 'Renamed by B' } }), check: notFoundResult('updateLead') },
    updateTemplate: { query: mutation('updateTemplate', 'input', 'UpdateTemplateInput'), variables: () => ({ input: { templateId: a.template, name: 'Renamed by B' } }), check: notFoundResult('updateTemplate') },
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
    setFollowUpPolicy: {
      query: `mutation ($input: SetFollowUpPolicyInput!) { setFollowUpPolicy(input: $input) { __typename ... on SetFollowUpPolicyPayload { account { id followUpPolicy { enabled } } } } }`,
      variables: () => ({ input: { enabled: true, followUpAfterDays: 1, maxFollowUps: 5 } }),
      // B's own policy changes; A's does not (the snapshot of A below).
      check: (r) => expect(r.data?.setFollowUpPolicy).toEqual({ __typename: 'SetFollowUpPolicyPayload', account: { id: gid('Account', accountB), followUpPolicy: { enabled: true } } }),
    },
    setConversationOutcome: {
      query: mutation('setConversationOutcome', 'input', 'SetConversationOutcomeInput'),
      variables: () => ({ input: { conversationId: a.conversation, outcome: 'WON' } }),
      check: notFoundResult('setConversationOutcome'),
    },
    updateSendSettings: {
      query: `mutation ($input: UpdateSendSettingsInput!) { updateSendSettings(input: $input) { __typename ... on UpdateSendSettingsPayload { account { id sendSettings { undoWindowSeconds } } } } }`,
      variables: () => ({ input: { undoWindowSeconds: 60 } }),
      check: (r) => expect(r.data?.updateSendSettings).toEqual({ __typename: 'UpdateSendSettingsPayload', account: { id: gid('Account', accountB), sendSettings: { undoWindowSeconds: 60 } } }),
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
    snoozeConversation: {
      query: mutation('snoozeConversation', 'input', 'SnoozeConversationInput'),
      variables: () => ({ input: { conversationId: a.conversation, until: new Date(Date.now() + 86_400_000).toISOString() } }),
      check: notFoundResult('snoozeConversation'),
    },
    unsnoozeConversation: { query: mutation('unsnoozeConversation', 'input', 'UnsnoozeConversationInput'), variables: () => ({ input: { conversationId: a.conversation } }), check: notFoundResult('unsnoozeConversation') },
  },
  Subscription: {
    ...Object.fromEntries(
      ['newReply', 'aiReady', 'sent', 'conversationError', 'conversationEvents'].map((field) => [
        field,
        { query: `subscription ($id: ID) { ${field}(conversationId: $id) { __typename } }`, variables: () => ({ id: a.conversation }), check: notFoundError },
      ]),
    ),
    // Account-wide: only B's lead events flow (test/lead-and-thread-events.test.ts); a cursor B's
    // log never reached (another account's, say) is refused before any event.
    leadEvents: {
      query: 'subscription ($since: String) { leadEvents(since: $since) { __typename } }',
      variables: () => ({ since: '9007199254740991' }),
      check: (r) => expect(r.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED'),
    },
  },
};

/**
 * Over the server's HTTP handler: a read on the compiled path where it compiles, and the same
 * request again is replayed (src/compiled-read/replay.ts); or on the resolvers alone.
 */
async function run(c: Case, path: 'server' | 'resolvers' = 'server') {
  const init = {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenB}` },
    body: JSON.stringify({ query: c.query, variables: c.variables?.() }),
  };
  const response = path === 'resolvers' ? await resolversOnly.fetch('http://parley.test/graphql', init) : await fetch(`${server.url}/graphql`, init);
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
  resolversOnly = createParleyYoga(server.running.app.services, { compiledReads: false });
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
  // Team inbox state of A: a label on the conversation, a note, an assignee, a read marker, round-robin on.
  const label = await prisma.label.create({ data: { accountId: devAccountId, name: `${SECRET} label`, color: '#ff0000' } });
  await prisma.conversationLabel.create({ data: { accountId: devAccountId, conversationId: conversation.id, labelId: label.id } });
  await prisma.note.create({ data: { accountId: devAccountId, conversationId: conversation.id, authorId: user.id, actor: `user:${user.id}`, body: `${SECRET} note` } });
  await prisma.conversation.update({ where: { id: conversation.id }, data: { assigneeId: user.id, priority: 'HIGH' } });
  await prisma.conversationRead.create({ data: { accountId: devAccountId, conversationId: conversation.id, userId: user.id, readMessageId: conversation.lastInboundMessageId } });
  await prisma.inboxSettings.create({ data: { accountId: devAccountId, autoAssign: 'ROUND_ROBIN' } });
  await prisma.user.create({ data: { accountId: devAccountId, email: SECRET_EMAIL, name: `${SECRET} agent`, role: 'AGENT' } });
  const template = await prisma.emailTemplate.create({ data: { accountId: devAccountId, name: `${SECRET} template`, subject: `${SECRET} subject`, body: `${SECRET} body` } });
  const endpoint = await prisma.webhookEndpoint.create({
    data: { accountId: devAccountId, url: `https://hooks.alpha.example/${SECRET}`, events: ['SENT'], secret: `whsec_${SECRET}` },
  });
  const delivery = await prisma.webhookDelivery.create({
    data: { accountId: devAccountId, endpointId: endpoint.id, eventId: 'evt_alpha', eventType: 'SENT', payload: `{"secret":"${SECRET}"}` },
  });
  // A second thread of A's: B tries to merge A's threads, or move A's message between them.
  const second = await createConversation(prisma, devAccountId, lead.id, { subject: `${SECRET} second deal` });
  Object.assign(a, {
    label: gid('Label', label.id),
    conversation2: gid('Conversation', second.id),
    webhookEndpoint: gid('WebhookEndpoint', endpoint.id),
    webhookDelivery: gid('WebhookDelivery', delivery.id),
    conversation: gid('Conversation', conversation.id),
    lead: gid('Lead', lead.id),
    message: gid('ConversationMessage', conversation.lastMessageId!),
    suggestion: gid('AISuggestion', suggestion.id),
    user: gid('User', user.id),
    apiKey: gid('ApiKey', apiKey.id),
    template: gid('EmailTemplate', template.id),
  });
  // A's scheduled email (its settings too), which B must neither cancel nor see.
  await prisma.accountSettings.create({ data: { accountId: devAccountId, undoWindowSeconds: 20, followUpEnabled: true } });
  const scheduled = await prisma.conversationMessage.create({
    data: {
      accountId: devAccountId,
      conversationId: conversation.id,
      direction: 'OUTBOUND',
      fromEmail: 'sales@parley.example.com',
      toEmail: 'secret@alpha.example',
      subject: `${SECRET} scheduled`,
      textBody: `${SECRET} scheduled body`,
      deliveryStatus: 'QUEUED',
      scheduledFor: new Date('2099-01-01T00:00:00Z'),
    },
  });
  a.scheduledMessage = gid('ConversationMessage', scheduled.id);
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
        // Reads on every path: compiled (or resolvers where it does not compile), the same
        // request replayed, and the resolvers alone.
        const results = type === 'Query' ? [await run(c), await run(c), await run(c, 'resolvers')] : [await run(c)];
        for (const result of results) {
          expect(JSON.stringify(result)).not.toContain(SECRET);
          expect(JSON.stringify(result)).not.toContain('INTERNAL_SERVER_ERROR');
          c.check(result);
        }
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

  it("team inbox filters naming A's label, user or conversation find nothing of A", async () => {
    const result = await run({
      query: `query ($l: ID!, $u: String!) {
        byLabel: conversations(first: 10, filter: { labelIds: [$l] }) { totalCount edges { node { subject } } }
        byUser: conversations(first: 10, filter: { assignee: $u }) { totalCount }
        unread: conversations(first: 10, filter: { unread: true, priority: [HIGH], intent: [QUESTION] }) { totalCount }
        viewer { unreadCount }
      }`,
      variables: () => ({ l: a.label, u: a.user }),
      check: nothingOfA,
    });
    expect(JSON.stringify(result)).not.toContain(SECRET);
    expect(result.data).toEqual({ byLabel: { totalCount: 0, edges: [] }, byUser: { totalCount: 0 }, unread: { totalCount: 0 }, viewer: { unreadCount: 0 } });
  });

  it("left account A's rows exactly as they were", async () => {
    expect(await snapshotOfA()).toBe(snapshotA);
  });
});
