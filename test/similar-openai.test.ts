// With OPENAI_API_KEY set, conversations are embedded by OpenAI's text-embedding-3-small
// through the AI SDK (here against a fake OpenAI server on 127.0.0.1), stored as 1536-dimension
// vectors beside the offline ones, and searched through their own HNSW index.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeToAccount } from '../src/db/scoped.js';
import type { DomainContext } from '../src/domain/use-case-context.js';
import { embedMissingConversations, refreshConversationEmbedding } from '../src/domain/suggestions/index.js';
import { createOfflineEmbedder } from '../src/vector/offline.js';
import { explainSimilar, upsertEmbedding } from '../src/vector/sql.js';
import { graphql } from './gql/index.js';
import { createTestApp, type TestApp } from './support/app.js';
import { createConversation, createLead, gid } from './support/factories.js';
import { startFakeOpenAIEmbeddings, type FakeOpenAIEmbeddings } from './support/fake-openai-embeddings.js';

const Similar = graphql(`
  query SimilarWithOpenAI($text: String!) {
    similarConversations(text: $text, first: 5) {
      __typename
      ... on SimilarConversations { embedder dimensions matches { similarity conversation { id } } }
      ... on Error { code message }
    }
  }
`);

let fake: FakeOpenAIEmbeddings;
let app: TestApp;
let ctx: DomainContext;
const ids: string[] = [];
const REPLIES = [
  'What do you charge for a website with online ordering?',
  'Can we meet on Thursday to go over the proposal?',
  'Not interested, please stop writing.',
];

beforeAll(async () => {
  fake = await startFakeOpenAIEmbeddings();
  app = await createTestApp({
    needsVector: true,
    env: { OPENAI_API_KEY: 'sk-test-key', OPENAI_BASE_URL: fake.baseUrl, AI_MAX_RETRIES: '0' },
  });
  const { prisma, devAccountId } = app.services;
  ctx = { viewer: { accountId: devAccountId, actor: 'test', role: 'OWNER' }, db: scopeToAccount(prisma, devAccountId), services: app.services };
  for (const text of REPLIES) {
    const lead = await createLead(prisma, devAccountId);
    const conversation = await createConversation(prisma, devAccountId, lead.id, {
      subject: 'Websites',
      messages: [{ direction: 'INBOUND', at: new Date('2026-11-19T10:00:00Z'), text }],
    });
    ids.push(conversation.id);
  }
});

afterAll(async () => {
  await app?.close();
  await fake?.close();
});

describe('OpenAI embeddings', () => {
  it('embeds through the AI SDK in batches, with the key and model, storing 1536 dimensions', async () => {
    expect(app.services.embedder).toMatchObject({ name: 'text-embedding-3-small', dimensions: 1536 });
    expect(await embedMissingConversations(ctx)).toBe(REPLIES.length);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({
      path: '/v1/embeddings',
      authorization: 'Bearer sk-test-key',
      body: { model: 'text-embedding-3-small' },
    });
    expect(fake.requests[0]!.body.input).toHaveLength(REPLIES.length);
    const rows = await app.services.prisma.$queryRaw<{ embedder: string; dims: number }[]>`
      SELECT embedder, vector_dims(embedding) AS dims FROM conversation_embeddings ORDER BY conversation_id`;
    expect(rows).toEqual(REPLIES.map(() => ({ embedder: 'text-embedding-3-small', dims: 1536 })));
  });

  it('answers text queries with the nearest conversation first, never mixing in offline vectors', async () => {
    // An offline vector of the same conversation must not take part in an OpenAI query.
    const offline = createOfflineEmbedder();
    await upsertEmbedding(app.services.prisma, offline, {
      accountId: app.services.devAccountId,
      conversationId: ids[2]!,
      intent: null,
      outcome: 'NONE',
      content: 'x',
      vector: await offline.embed('how much for a website with ordering'),
      readAt: new Date(),
    });
    fake.requests.length = 0;
    const result = await app.execute(Similar, { text: 'How much is a website with ordering online?' });
    expect(result.errors).toBeUndefined();
    const data = result.data?.similarConversations;
    expect(data).toMatchObject({ __typename: 'SimilarConversations', embedder: 'text-embedding-3-small', dimensions: 1536 });
    if (data?.__typename !== 'SimilarConversations') throw new Error('unreachable');
    expect(data.matches.map((m) => m.conversation.id)).toHaveLength(REPLIES.length);
    expect(data.matches[0]!.conversation.id).toBe(gid('Conversation', ids[0]!));
    expect(fake.requests.map((r) => r.body.input)).toEqual([['How much is a website with ordering online?']]);
    const plan = await explainSimilar(
      app.services.prisma,
      { accountId: app.services.devAccountId, space: app.services.embedder, vector: await app.services.embedder.embed('x'), limit: 5 },
      { forceIndex: true },
    );
    expect(plan).toContain('conversation_embeddings_text_embedding_3_small_hnsw_idx');
  });

  it('skips the API when the text has not changed', async () => {
    fake.requests.length = 0;
    expect(await refreshConversationEmbedding(ctx, { conversationId: ids[1]! })).toMatchObject({ status: 'UNCHANGED' });
    expect(fake.requests).toEqual([]);
  });

  it('lets a failing API surface as an error the job queue can retry, storing nothing', async () => {
    const { prisma, devAccountId } = app.services;
    const lead = await createLead(prisma, devAccountId);
    const conversation = await createConversation(prisma, devAccountId, lead.id, {
      messages: [{ direction: 'INBOUND', at: new Date('2026-11-19T11:00:00Z'), text: 'Any discounts?' }],
    });
    fake.failWith = 500;
    try {
      await expect(refreshConversationEmbedding(ctx, { conversationId: conversation.id })).rejects.toThrow();
      expect(await prisma.conversationEmbedding.count({ where: { conversationId: conversation.id } })).toBe(0);
      // Search by text needs the API too: an unexpected (masked) error, not a wrong answer.
      const result = await app.execute(Similar, { text: 'discounts' });
      expect(result.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      fake.failWith = null;
    }
  });
});
