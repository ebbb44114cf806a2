// One policy for ids: every id the API shows is a global ID, and a malformed id or the id of
// another type is the same VALIDATION_FAILED error wherever it is given: a typed
// ValidationError result in mutations, a top-level error with the same code and issues in
// queries and subscriptions. An id of the right type that is not in the account is null in
// queries (conversation, node) and a NotFoundError in mutations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.js';
import { createTestApp, type TestApp } from './support/app.js';
import { createConversation, createLead, gid, rawId } from './support/factories.js';

const AuditIds = graphql(`
  query AuditIds($entityId: ID) {
    auditLog(first: 10, entityId: $entityId) { edges { node { id actor entityType entityId action } } }
    viewer { actor user { name email role } account { id } }
  }
`);

let app: TestApp;
let conversationId: string;
let leadId: string;
let suggestionId: string;

beforeAll(async () => {
  app = await createTestApp();
  const { prisma, devAccountId } = app.services;
  const lead = await createLead(prisma, devAccountId);
  const conversation = await createConversation(prisma, devAccountId, lead.id, {
    status: 'NEEDS_REVIEW',
    messages: [{ direction: 'INBOUND', at: new Date('2026-11-19T09:00:00Z') }],
    suggestions: [{ status: 'PENDING', confidence: 0.8, at: new Date('2026-11-19T09:05:00Z') }],
  });
  conversationId = gid('Conversation', conversation.id);
  leadId = gid('Lead', lead.id);
  suggestionId = gid('AISuggestion', (await prisma.aISuggestion.findFirstOrThrow({ where: { conversationId: conversation.id } })).id);
});

afterAll(() => app?.close());

const MALFORMED = ['not-base64!', gid('Conversation', 'not-a-uuid'), Buffer.from('nocolon').toString('base64')];

/** Mutations with an id argument: the operation and where the id goes. */
const MUTATIONS: { field: string; inputType: string; input: (id: string) => Record<string, unknown>; path: string[]; expected: string }[] = [
  { field: 'approveSuggestion', inputType: 'ApproveSuggestionInput', input: (id) => ({ suggestionId: id }), path: ['input', 'suggestionId'], expected: 'AISuggestion' },
  { field: 'rejectSuggestion', inputType: 'RejectSuggestionInput', input: (id) => ({ suggestionId: id }), path: ['input', 'suggestionId'], expected: 'AISuggestion' },
  {
    field: 'sendReply',
    inputType: 'SendReplyInput',
    input: (id) => ({ conversationId: id, subject: 'Re: hi', body: 'Hello' }),
    path: ['input', 'conversationId'],
    expected: 'Conversation',
  },
  { field: 'archiveConversation', inputType: 'ArchiveConversationInput', input: (id) => ({ conversationId: id }), path: ['input', 'conversationId'], expected: 'Conversation' },
  { field: 'unarchiveConversation', inputType: 'UnarchiveConversationInput', input: (id) => ({ conversationId: id }), path: ['input', 'conversationId'], expected: 'Conversation' },
  { field: 'regenerateSuggestion', inputType: 'RegenerateSuggestionInput', input: (id) => ({ conversationId: id }), path: ['input', 'conversationId'], expected: 'Conversation' },
  {
    field: 'setConversationOutcome',
    inputType: 'SetConversationOutcomeInput',
    input: (id) => ({ conversationId: id, outcome: 'WON' }),
    path: ['input', 'conversationId'],
    expected: 'Conversation',
  },
  { field: 'changeUserRole', inputType: 'ChangeUserRoleInput', input: (id) => ({ userId: id, role: 'AGENT' }), path: ['input', 'userId'], expected: 'User' },
  { field: 'revokeApiKey', inputType: 'RevokeApiKeyInput', input: (id) => ({ apiKeyId: id }), path: ['input', 'apiKeyId'], expected: 'ApiKey' },
];

const mutationText = (field: string, inputType: string) =>
  `mutation ($input: ${inputType}!) { ${field}(input: $input) { __typename ... on Error { code } ... on ValidationError { issues { path message } } } }`;

describe('malformed and wrong-type ids', () => {
  it.each(MUTATIONS)('$field: a typed ValidationError naming the field, for both', async ({ field, inputType, input, path, expected }) => {
    const snapshot = await app.services.prisma.auditEntry.count();
    for (const id of [...MALFORMED, leadId]) {
      const result = await app.executeRaw(mutationText(field, inputType), { input: input(id) });
      expect(result.errors, `${field} ${id}`).toBeUndefined();
      const payload = result.data?.[field] as { __typename: string; code: string; issues: { path: string[]; message: string }[] };
      expect(payload, `${field} ${id}`).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION_FAILED' });
      if (id === leadId) expect(payload.issues).toEqual([{ path, message: `expected the global ID of a ${expected}` }]);
    }
    expect(await app.services.prisma.auditEntry.count()).toBe(snapshot);
  });

  it('queries: the same VALIDATION_FAILED with issues, for malformed and wrong-type ids alike', async () => {
    const cases: [string, Record<string, unknown>, string[]][] = [
      ['query ($id: ID!) { conversation(id: $id) { id } }', { id: suggestionId }, ['id']],
      ['query ($id: ID) { conversations(first: 1, filter: { leadId: $id }) { totalCount } }', { id: conversationId }, ['filter', 'leadId']],
    ];
    for (const [query, variables, path] of cases) {
      const wrongType = await app.executeRaw(query, variables);
      expect(wrongType.errors?.[0]?.extensions, query).toEqual({ code: 'VALIDATION_FAILED', issues: [{ path, message: expect.stringMatching(/^expected the global ID of a /) }] });
      for (const id of MALFORMED) {
        const malformed = await app.executeRaw(query, { id });
        expect(malformed.errors?.[0]?.extensions?.code, `${query} ${id}`).toBe('VALIDATION_FAILED');
        expect(malformed.errors?.[0]?.extensions?.issues, `${query} ${id}`).toEqual([{ path: ['id'], message: expect.stringMatching(/global ID/) }]);
      }
    }
  });

  it('similarConversations (a query with typed errors): a ValidationError result for both', async () => {
    for (const id of [...MALFORMED, leadId]) {
      const result = await app.executeRaw('query ($id: ID) { similarConversations(conversationId: $id) { __typename ... on Error { code } } }', { id });
      expect(result.errors, id).toBeUndefined();
      expect(result.data?.similarConversations, id).toEqual({ __typename: 'ValidationError', code: 'VALIDATION_FAILED' });
    }
  });

  it('no error anywhere is the untyped "is not of type" of plugin-relay', async () => {
    const result = await app.executeRaw('query ($id: ID!) { conversation(id: $id) { id } }', { id: leadId });
    expect(JSON.stringify(result)).not.toMatch(/is not of type/);
  });
});

describe('global ids everywhere', () => {
  it('audit entries, their entity and actor, the viewer and the account are global IDs', async () => {
    const archive = await app.executeRaw(mutationText('archiveConversation', 'ArchiveConversationInput'), { input: { conversationId } });
    expect(archive.data?.archiveConversation).toMatchObject({ __typename: 'ArchiveConversationPayload' });
    const result = await app.execute(AuditIds, { entityId: conversationId });
    expect(result.errors).toBeUndefined();
    const { viewer, auditLog } = result.data!;
    const dev = await app.services.prisma.user.findFirstOrThrow({ where: { accountId: app.services.devAccountId, email: viewer.user!.email } });
    expect(viewer).toEqual({
      actor: gid('User', dev.id),
      user: { name: dev.name, email: dev.email, role: 'OWNER' },
      account: { id: gid('Account', app.services.devAccountId) },
    });
    expect(auditLog.edges).toHaveLength(1);
    const entry = auditLog.edges[0]!.node;
    expect(entry).toMatchObject({ actor: viewer.actor, entityType: 'Conversation', entityId: conversationId, action: 'conversation.archived' });
    const row = await app.services.prisma.auditEntry.findFirstOrThrow({ where: { action: 'conversation.archived', entityId: rawId(conversationId) } });
    expect(entry.id).toBe(gid('AuditEntry', row.id));
    // The entity's global ID finds the object.
    const node = await app.executeRaw('query ($id: ID!) { node(id: $id) { __typename id } }', { id: entry.entityId });
    expect(node.data).toEqual({ node: { __typename: 'Conversation', id: conversationId } });
    // The withdrawn draft is filed under its own global ID.
    const draftEntries = await app.execute(AuditIds, { entityId: suggestionId });
    expect(draftEntries.data!.auditLog.edges.map((e) => e.node)).toMatchObject([{ entityType: 'AISuggestion', entityId: suggestionId, action: 'suggestion.withdrawn' }]);
  });

  it('a NotFoundError names the global ID it looked for', async () => {
    const missing = gid('Conversation', '00000000-0000-4000-8000-000000000000');
    const result = await app.executeRaw(
      'mutation ($input: ArchiveConversationInput!) { archiveConversation(input: $input) { __typename ... on NotFoundError { id typename message } } }',
      { input: { conversationId: missing } },
    );
    expect(result.data?.archiveConversation).toEqual({
      __typename: 'NotFoundError',
      id: missing,
      typename: 'Conversation',
      message: 'The Conversation was not found in your account.',
    });
  });
});
