// setConversationOutcome, on the run's database (with or without pgvector): the archive
// mutation's pattern (typed errors, audit row, conditional update) plus an embedding refresh.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.js';
import { createTestApp, type TestApp } from './support/app.js';
import { createAccount, createConversation, createLead, gid } from './support/factories.js';

const SetOutcome = graphql(`
  mutation SetOutcome($input: SetConversationOutcomeInput!) {
    setConversationOutcome(input: $input) {
      __typename
      ... on SetConversationOutcomePayload { conversation { id outcome outcomeAt } }
      ... on Error { message code }
      ... on InvalidStateError { currentState }
      ... on ValidationError { issues { path message } }
    }
  }
`);

let app: TestApp;
let conversationId: string;
let rawId: string;
let foreignId: string;

beforeAll(async () => {
  app = await createTestApp({ now: () => new Date('2026-11-20T10:00:00Z') });
  const { prisma, devAccountId } = app.services;
  const lead = await createLead(prisma, devAccountId);
  const conversation = await createConversation(prisma, devAccountId, lead.id, {
    messages: [{ direction: 'INBOUND', at: new Date('2026-11-19T10:00:00Z'), text: 'Happy to meet on Thursday.' }],
  });
  rawId = conversation.id;
  conversationId = gid('Conversation', conversation.id);
  const other = await createAccount(prisma);
  foreignId = gid('Conversation', (await createConversation(prisma, other.id, (await createLead(prisma, other.id)).id)).id);
});

afterAll(() => app?.close());

const audit = () => app.services.prisma.auditEntry.findMany({ where: { action: 'conversation.outcome_set' }, orderBy: { createdAt: 'asc' } });

describe('setConversationOutcome', () => {
  it('records the outcome with an audit row, returns the conversation, and refreshes its embedding', async () => {
    const result = await app.execute(SetOutcome, { input: { conversationId, outcome: 'MEETING_BOOKED' } });
    expect(result.errors).toBeUndefined();
    expect(result.data?.setConversationOutcome).toEqual({
      __typename: 'SetConversationOutcomePayload',
      conversation: { id: conversationId, outcome: 'MEETING_BOOKED', outcomeAt: '2026-11-20T10:00:00.000Z' },
    });
    expect(await audit()).toMatchObject([{ actor: expect.stringMatching(/^user:/), entityId: rawId, fromStatus: 'NONE', toStatus: 'MEETING_BOOKED' }]);
    const embeddings = await app.services.prisma.conversationEmbedding.findMany({ where: { conversationId: rawId } });
    if (app.services.vectorSearchAvailable) {
      expect(embeddings).toMatchObject([{ embedder: 'offline-hash-256', dimensions: 256, outcome: 'MEETING_BOOKED' }]);
    } else {
      expect(embeddings).toEqual([]);
    }
  });

  it('keeps stored embeddings filtering on the new outcome, and NONE clears the time', async () => {
    const { prisma, devAccountId } = app.services;
    // A row of another embedder (e.g. left from before a switch to OpenAI) follows too.
    await prisma.conversationEmbedding.create({
      data: { accountId: devAccountId, conversationId: rawId, embedder: 'other-embedder', dimensions: 3, content: 'x', outcome: 'MEETING_BOOKED' },
    });
    const result = await app.execute(SetOutcome, { input: { conversationId, outcome: 'NONE' } });
    expect(result.data?.setConversationOutcome).toMatchObject({ conversation: { outcome: 'NONE', outcomeAt: null } });
    const outcomes = await prisma.conversationEmbedding.findMany({ where: { conversationId: rawId }, select: { outcome: true } });
    expect(outcomes.length).toBeGreaterThan(0);
    expect(outcomes.every((o) => o.outcome === 'NONE')).toBe(true);
  });

  it('refuses the outcome it already has with InvalidStateError, writing nothing', async () => {
    const before = (await audit()).length;
    const result = await app.execute(SetOutcome, { input: { conversationId, outcome: 'NONE' } });
    expect(result.data?.setConversationOutcome).toMatchObject({ __typename: 'InvalidStateError', code: 'INVALID_STATE', currentState: 'NONE' });
    expect(await audit()).toHaveLength(before);
  });

  it("answers another account's conversation with NotFoundError and a bad id with ValidationError", async () => {
    const foreign = await app.execute(SetOutcome, { input: { conversationId: foreignId, outcome: 'WON' } });
    expect(foreign.data?.setConversationOutcome).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
    const foreignRow = await app.services.prisma.conversation.findFirstOrThrow({ where: { accountId: { not: app.services.devAccountId } } });
    expect(foreignRow.outcome).toBe('NONE');
    const badId = await app.execute(SetOutcome, { input: { conversationId: 'bm90LWFuLWlk', outcome: 'WON' } });
    expect(badId.data?.setConversationOutcome).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION_FAILED' });
  });

  it('lets exactly one of several concurrent identical changes through', async () => {
    const results = await Promise.all(
      Array.from({ length: 4 }, () => app.execute(SetOutcome, { input: { conversationId, outcome: 'WON' } })),
    );
    const kinds = results.map((r) => r.data?.setConversationOutcome.__typename).sort();
    expect(kinds).toEqual(['InvalidStateError', 'InvalidStateError', 'InvalidStateError', 'SetConversationOutcomePayload']);
    expect((await audit()).filter((a) => a.toStatus === 'WON')).toHaveLength(1);
  });
});
