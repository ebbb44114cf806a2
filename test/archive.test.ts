import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.js';
import { createTestApp, type TestApp } from './support/app.js';
import { createAccount, createConversation, createLead, gid } from './support/factories.js';

const Archive = graphql(`
  mutation Archive($input: ArchiveConversationInput!) {
    archiveConversation(input: $input) {
      __typename
      ... on ArchiveConversationPayload {
        conversation { id status archivedAt archiveReason hasPendingSuggestion pendingSuggestion { id } }
        withdrawnSuggestion { id status }
      }
      ... on Error { message code }
      ... on InvalidStateError { currentState }
      ... on ValidationError { issues { path message } }
    }
  }
`);

const PendingStats = graphql(`
  query PendingStats {
    conversationStats(since: "2026-11-01T00:00:00Z", until: "2026-12-01T00:00:00Z") { ai { pending } conversations { needsReview } }
  }
`);

const Unarchive = graphql(`
  mutation Unarchive($input: UnarchiveConversationInput!) {
    unarchiveConversation(input: $input) {
      __typename
      ... on UnarchiveConversationPayload { conversation { id status archivedAt archiveReason } }
      ... on Error { message code }
      ... on InvalidStateError { currentState }
    }
  }
`);

let app: TestApp;
let pendingId: string;
let pendingDraftId: string;
let waitingId: string;
let foreignId: string;

beforeAll(async () => {
  app = await createTestApp({ now: () => new Date('2026-11-20T10:00:00Z') });
  const { prisma, devAccountId } = app.services;
  const lead = await createLead(prisma, devAccountId);
  const at = (h: number) => new Date(Date.UTC(2026, 10, 19, h));
  const pending = await createConversation(prisma, devAccountId, lead.id, {
    status: 'NEEDS_REVIEW',
    messages: [{ direction: 'INBOUND', at: at(1) }],
    suggestions: [{ status: 'PENDING', confidence: 0.8, at: at(2) }],
  });
  const waiting = await createConversation(prisma, devAccountId, lead.id, {
    status: 'WAITING_FOR_LEAD',
    messages: [{ direction: 'INBOUND', at: at(1) }, { direction: 'OUTBOUND', at: at(3) }],
  });
  const other = await createAccount(prisma);
  const foreign = await createConversation(prisma, other.id, (await createLead(prisma, other.id)).id);
  pendingId = gid('Conversation', pending.id);
  pendingDraftId = gid('AISuggestion', (await prisma.aISuggestion.findFirstOrThrow({ where: { conversationId: pending.id } })).id);
  waitingId = gid('Conversation', waiting.id);
  foreignId = gid('Conversation', foreign.id);
});

afterAll(() => app?.close());

const auditCount = () => app.services.prisma.auditEntry.count();

describe('archiveConversation / unarchiveConversation', () => {
  it('archives with a reason, withdraws the pending draft, writes audit rows, and returns both', async () => {
    const before = (await app.execute(PendingStats)).data!.conversationStats;
    expect(before.ai.pending).toBe(1);
    const result = await app.execute(Archive, { input: { conversationId: pendingId, reason: '  Deal closed  ' } });
    expect(result.errors).toBeUndefined();
    expect(result.data?.archiveConversation).toEqual({
      __typename: 'ArchiveConversationPayload',
      conversation: {
        id: pendingId,
        status: 'ARCHIVED',
        archivedAt: '2026-11-20T10:00:00.000Z',
        archiveReason: 'Deal closed',
        hasPendingSuggestion: false,
        pendingSuggestion: null,
      },
      withdrawnSuggestion: { id: pendingDraftId, status: 'WITHDRAWN' },
    });
    // No longer waiting for review, so no longer counted as pending.
    expect((await app.execute(PendingStats)).data!.conversationStats).toEqual({ ai: { pending: 0 }, conversations: { needsReview: before.conversations.needsReview - 1 } });
    const audit = await app.services.prisma.auditEntry.findMany({ where: { action: { in: ['conversation.archived', 'suggestion.withdrawn'] } }, orderBy: { action: 'asc' } });
    expect(audit).toMatchObject([
      { action: 'conversation.archived', actor: expect.stringMatching(/^user:/), fromStatus: 'NEEDS_REVIEW', toStatus: 'ARCHIVED', details: { reason: 'Deal closed' } },
      { action: 'suggestion.withdrawn', entityType: 'AISuggestion', fromStatus: 'PENDING', toStatus: 'WITHDRAWN' },
    ]);
  });

  it('refuses to archive twice with InvalidStateError, writing nothing', async () => {
    const before = await auditCount();
    const result = await app.execute(Archive, { input: { conversationId: pendingId } });
    expect(result.data?.archiveConversation).toMatchObject({ __typename: 'InvalidStateError', code: 'INVALID_STATE', currentState: 'ARCHIVED' });
    expect(await auditCount()).toBe(before);
  });

  it('unarchives to the status the thread implies, without bringing the withdrawn draft back', async () => {
    const pending = await app.execute(Unarchive, { input: { conversationId: pendingId } });
    // The lead wrote last and no draft waits (the withdrawn one stays withdrawn): ACTIVE.
    expect(pending.data?.unarchiveConversation).toMatchObject({
      __typename: 'UnarchiveConversationPayload',
      conversation: { status: 'ACTIVE', archivedAt: null, archiveReason: null },
    });
    const draft = await app.executeRaw('query ($id: ID!) { node(id: $id) { ... on AISuggestion { status } } }', { id: pendingDraftId });
    expect(draft.data).toEqual({ node: { status: 'WITHDRAWN' } });
    expect((await app.execute(PendingStats)).data!.conversationStats.ai.pending).toBe(0);
    await app.execute(Archive, { input: { conversationId: waitingId } });
    const waiting = await app.execute(Unarchive, { input: { conversationId: waitingId } });
    expect(waiting.data?.unarchiveConversation).toMatchObject({ conversation: { status: 'WAITING_FOR_LEAD' } });
  });

  it('refuses to unarchive an open conversation', async () => {
    const result = await app.execute(Unarchive, { input: { conversationId: waitingId } });
    expect(result.data?.unarchiveConversation).toMatchObject({ __typename: 'InvalidStateError', currentState: 'WAITING_FOR_LEAD' });
  });

  it('answers another account\'s conversation with NotFoundError and leaves it alone', async () => {
    const result = await app.execute(Archive, { input: { conversationId: foreignId } });
    expect(result.data?.archiveConversation).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
    const foreign = await app.services.prisma.conversation.findFirstOrThrow({ where: { accountId: { not: app.services.devAccountId } } });
    expect(foreign.status).toBe('ACTIVE');
  });

  it('answers bad input with a ValidationError naming the field, and writes nothing', async () => {
    const before = await auditCount();
    const longReason = await app.execute(Archive, { input: { conversationId: waitingId, reason: 'x'.repeat(501) } });
    expect(longReason.data?.archiveConversation).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION_FAILED' });
    expect(JSON.stringify(longReason.data)).toMatch(/reason/);
    const badId = await app.execute(Archive, { input: { conversationId: 'bm90LWFuLWlk' } });
    expect(badId.data?.archiveConversation).toMatchObject({ __typename: 'ValidationError' });
    expect(await auditCount()).toBe(before);
    const waiting = await app.services.prisma.conversation.findUniqueOrThrow({ where: { id: Buffer.from(waitingId, 'base64').toString().split(':')[1]! } });
    expect(waiting.status).toBe('WAITING_FOR_LEAD');
  });

  it('lets exactly one of several concurrent archives through', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () => app.execute(Archive, { input: { conversationId: waitingId } })),
    );
    const kinds = results.map((r) => r.data?.archiveConversation.__typename).sort();
    expect(kinds).toEqual(['ArchiveConversationPayload', 'InvalidStateError', 'InvalidStateError', 'InvalidStateError', 'InvalidStateError']);
  });
});
