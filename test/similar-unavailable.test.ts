// Without pgvector the server works and the similarity fields answer a typed
// VectorSearchUnavailableError. Always exercised through an app whose services say pgvector
// is missing, and for real on the run's target when it lacks the extension (the local
// PostgreSQL under `npm run test:postgres`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeToAccount } from '../src/db/scoped.js';
import { refreshConversationEmbedding, similarExamplesForDrafting } from '../src/domain/suggestions/similar.js';
import { graphql } from './gql/index.js';
import { createTestApp, targetOffersVector, type TestApp } from './support/app.js';
import { createConversation, createLead, gid } from './support/factories.js';

const Similar = graphql(`
  query SimilarWhenUnavailable($conversationId: ID, $text: String) {
    similarConversations(conversationId: $conversationId, text: $text) {
      __typename
      ... on Error { message code }
      ... on SimilarConversations { embedder matches { similarity } }
    }
  }
`);

const Everything = graphql(`
  query SimilarUnavailableEverythingElse($id: ID!) {
    conversation(id: $id) { id outcome }
    bestReplies(intent: QUESTION) { body }
    conversations(first: 5) { totalCount }
  }
`);

const SetOutcome = graphql(`
  mutation SimilarUnavailableSetOutcome($input: SetConversationOutcomeInput!) {
    setConversationOutcome(input: $input) {
      __typename
      ... on SetConversationOutcomePayload { conversation { outcome } }
    }
  }
`);

let app: TestApp;
let rawId: string;

beforeAll(async () => {
  app = await createTestApp();
  const { prisma, devAccountId } = app.services;
  const lead = await createLead(prisma, devAccountId);
  rawId = (
    await createConversation(prisma, devAccountId, lead.id, {
      messages: [{ direction: 'INBOUND', at: new Date('2026-11-19T10:00:00Z'), text: 'What does it cost?' }],
    })
  ).id;
});

afterAll(() => app?.close());

describe('similarity search without pgvector', () => {
  it("on the run's own database: available exactly when the server offers pgvector, typed error otherwise", async () => {
    const offered = await targetOffersVector();
    expect(app.services.vectorSearchAvailable).toBe(offered);
    const result = await app.execute(Similar, { text: 'What does it cost?' });
    expect(result.errors).toBeUndefined();
    expect(result.data?.similarConversations.__typename).toBe(offered ? 'SimilarConversations' : 'VectorSearchUnavailableError');
  });

  describe('an app whose database has no pgvector', () => {
    beforeAll(() => {
      app.services.vectorSearchAvailable = false;
    });

    it('answers similarConversations with VectorSearchUnavailableError, by text or by conversation', async () => {
      for (const variables of [{ text: 'pricing' }, { conversationId: gid('Conversation', rawId) }]) {
        const result = await app.execute(Similar, variables);
        expect(result.errors).toBeUndefined();
        expect(result.data?.similarConversations).toEqual({
          __typename: 'VectorSearchUnavailableError',
          code: 'VECTOR_SEARCH_UNAVAILABLE',
          message: 'Similarity search is unavailable: the database has no pgvector extension.',
        });
      }
    });

    it('keeps everything else working: reads, bestReplies, outcomes; refresh and drafting examples step aside', async () => {
      const read = await app.execute(Everything, { id: gid('Conversation', rawId) });
      expect(read.errors).toBeUndefined();
      expect(read.data).toEqual({ conversation: { id: gid('Conversation', rawId), outcome: 'NONE' }, bestReplies: [], conversations: { totalCount: 1 } });
      const set = await app.execute(SetOutcome, { input: { conversationId: gid('Conversation', rawId), outcome: 'REPLIED' } });
      expect(set.data?.setConversationOutcome).toEqual({ __typename: 'SetConversationOutcomePayload', conversation: { outcome: 'REPLIED' } });
      const ctx = {
        viewer: { accountId: app.services.devAccountId, actor: 'test', role: 'OWNER' as const },
        db: scopeToAccount(app.services.prisma, app.services.devAccountId),
        services: app.services,
      };
      expect(await refreshConversationEmbedding(ctx, { conversationId: rawId })).toEqual({ status: 'UNAVAILABLE' });
      expect(await similarExamplesForDrafting(ctx, rawId, 3)).toEqual([]);
      expect(await app.services.prisma.conversationEmbedding.count()).toBe(0);
    });
  });
});
