// Similar-conversation memory on the offline embedder: ranking is cosine order, filters and
// account scoping hold, text queries work, the HNSW index is the one the query can use, and
// refreshes are idempotent. Needs pgvector: on a target without it this file uses a fresh
// embedded database (test/similar-unavailable.test.ts covers the target itself).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Intent, ConversationOutcome } from '../src/db/enums.js';
import { scopeToAccount } from '../src/db/scoped.js';
import type { DomainContext } from '../src/domain/use-case-context.js';
import {
  embeddingSource,
  embedMissingConversations,
  findSimilarConversations,
  refreshConversationEmbedding,
  similarExamplesForDrafting,
} from '../src/domain/suggestions/similar.js';
import { cosineSimilarity } from '../src/vector/embedder.js';
import { explainSimilar } from '../src/vector/sql.js';
import type { SimilarConversationsQueryVariables } from './gql/graphql.js';
import { graphql } from './gql/index.js';
import { createTestApp, type TestApp } from './support/app.js';
import { createAccount, createConversation, createLead, gid } from './support/factories.js';

const Similar = graphql(`
  query SimilarConversations($conversationId: ID, $text: String, $first: Int, $intent: Intent, $outcome: ConversationOutcome) {
    similarConversations(conversationId: $conversationId, text: $text, first: $first, intent: $intent, outcome: $outcome) {
      __typename
      ... on SimilarConversations {
        embedder
        dimensions
        matches { similarity intent outcome conversation { id subject outcome lead { email } } }
      }
      ... on Error { message code }
      ... on ValidationError { issues { path message } }
    }
  }
`);

const BestReplies = graphql(`
  query SimilarBestReplies($intent: Intent!, $first: Int) {
    bestReplies(intent: $intent, first: $first) {
      subject
      body
      suggestion { id status }
      conversation { id outcome }
    }
  }
`);

interface Fixture {
  key: string;
  reply: string;
  intent: Intent;
  outcome: ConversationOutcome;
  /** An approved (or edited) reply to the lead's message. */
  answer?: { status: 'APPROVED' | 'EDITED' | 'REJECTED'; body: string; edited?: string; decidedHour: number };
}

const FIXTURES: Fixture[] = [
  {
    key: 'pricing',
    reply: 'Could you send me your pricing for a new website? What does a monthly maintenance plan cost?',
    intent: 'QUESTION',
    outcome: 'WON',
    answer: { status: 'APPROVED', body: 'Our website packages start at $2,400; maintenance is $90 a month.', decidedHour: 3 },
  },
  {
    key: 'prices',
    reply: 'What are your prices for a website redesign, and is there a monthly payment plan?',
    intent: 'QUESTION',
    outcome: 'MEETING_BOOKED',
    answer: { status: 'EDITED', body: 'Draft about prices.', edited: 'Redesigns start at $1,900, payable monthly.', decidedHour: 4 },
  },
  {
    key: 'call',
    reply: 'Sounds great, can we schedule a call next Tuesday afternoon to talk it through?',
    intent: 'MEETING_REQUEST',
    outcome: 'REPLIED',
    answer: { status: 'APPROVED', body: 'Tuesday at 2pm works; here is a calendar link.', decidedHour: 5 },
  },
  {
    key: 'unsubscribe',
    reply: 'Please remove me from your mailing list and stop emailing me.',
    intent: 'UNSUBSCRIBE',
    outcome: 'UNSUBSCRIBED',
  },
  {
    key: 'incumbent',
    reply: 'We already work with another agency for our website and are happy with them, so no thanks.',
    intent: 'OBJECTION',
    outcome: 'LOST',
    answer: { status: 'APPROVED', body: 'Understood; if that changes we are here.', decidedHour: 6 },
  },
  {
    key: 'rejected-question',
    reply: 'How long does it take to build a website for a bakery like ours?',
    intent: 'QUESTION',
    outcome: 'REPLIED',
    answer: { status: 'REJECTED', body: 'A rejected draft must never be shown as a best reply.', decidedHour: 7 },
  },
  {
    key: 'away',
    reply: 'I am out of the office until Monday with limited access to email.',
    intent: 'OUT_OF_OFFICE',
    outcome: 'NONE',
  },
];

let app: TestApp;
let ctx: DomainContext;
let otherCtx: DomainContext;
const ids = new Map<string, string>();
let twinId: string;

const at = (h: number) => new Date(Date.UTC(2026, 10, 19, h));

async function seedConversation(accountId: string, fixture: Fixture): Promise<string> {
  const { prisma } = app.services;
  const lead = await createLead(prisma, accountId);
  const conversation = await createConversation(prisma, accountId, lead.id, {
    subject: 'A website for your business',
    messages: [
      { direction: 'OUTBOUND', at: at(1), text: 'Hi, we build websites for local businesses. Interested?' },
      { direction: 'INBOUND', at: at(2), text: `${fixture.reply}\n\n> Hi, we build websites for local businesses.` },
    ],
  });
  const inbound = await prisma.conversationMessage.findFirstOrThrow({ where: { conversationId: conversation.id, direction: 'INBOUND' } });
  await prisma.aISuggestion.create({
    data: {
      accountId,
      conversationId: conversation.id,
      inReplyToId: inbound.id,
      status: fixture.answer?.status ?? 'SUPERSEDED',
      subject: 'Re: A website for your business',
      body: fixture.answer?.body ?? 'Drafted reply',
      editedBody: fixture.answer?.edited ?? null,
      confidence: 0.8,
      intent: fixture.intent,
      provider: 'offline',
      model: 'offline',
      decidedAt: fixture.answer ? at(fixture.answer.decidedHour) : null,
      createdAt: at(2),
    },
  });
  await prisma.conversation.update({ where: { id: conversation.id }, data: { outcome: fixture.outcome } });
  return conversation.id;
}

const scoped = (accountId: string): DomainContext => ({
  viewer: { accountId, actor: 'test', role: 'OWNER' },
  db: scopeToAccount(app.services.prisma, accountId),
  services: app.services,
});

/** The ranking cosine similarity gives, computed here from the embedder's own vectors. */
async function expectedRanking(query: number[], candidates: string[]): Promise<{ id: string; similarity: number }[]> {
  const scored = await Promise.all(
    candidates.map(async (id) => {
      const source = await embeddingSource(ctx, id);
      return { id, similarity: cosineSimilarity(query, await app.services.embedder.embed(source!.content)) };
    }),
  );
  return scored.sort((a, b) => b.similarity - a.similarity);
}

const matchesOf = (result: Awaited<ReturnType<typeof similar>>) => {
  const data = result.data?.similarConversations;
  if (data?.__typename !== 'SimilarConversations') throw new Error(`expected matches, got ${JSON.stringify(result)}`);
  return data.matches;
};

const similar = (variables: SimilarConversationsQueryVariables) => app.execute(Similar, variables);

beforeAll(async () => {
  app = await createTestApp({ needsVector: true, now: () => new Date('2026-11-20T10:00:00Z') });
  const { prisma, devAccountId } = app.services;
  ctx = scoped(devAccountId);
  for (const fixture of FIXTURES) ids.set(fixture.key, await seedConversation(devAccountId, fixture));
  // Another account holds a word-for-word twin of the pricing conversation.
  const other = await createAccount(prisma);
  otherCtx = scoped(other.id);
  twinId = await seedConversation(other.id, FIXTURES[0]!);
  expect(await embedMissingConversations(ctx)).toBe(FIXTURES.length);
  expect(await embedMissingConversations(otherCtx)).toBe(1);
});

afterAll(() => app?.close());

describe('similarConversations', () => {
  it('ranks by cosine similarity to a conversation, leaving the conversation itself out', async () => {
    const pricing = ids.get('pricing')!;
    const result = await similar({ conversationId: gid('Conversation', pricing), first: 10 });
    expect(result.errors).toBeUndefined();
    expect(result.data?.similarConversations).toMatchObject({ embedder: 'offline-hash-256', dimensions: 256 });
    const matches = matchesOf(result);
    const query = await app.services.embedder.embed((await embeddingSource(ctx, pricing))!.content);
    const expected = await expectedRanking(query, [...ids.values()].filter((id) => id !== pricing));
    expect(matches.map((m) => m.conversation.id)).toEqual(expected.map((e) => gid('Conversation', e.id)));
    matches.forEach((m, i) => expect(m.similarity).toBeCloseTo(expected[i]!.similarity, 5));
    // And the ranking means something: the other pricing question comes first.
    expect(matches[0]!.conversation.id).toBe(gid('Conversation', ids.get('prices')!));
    expect(matches[0]).toMatchObject({ intent: 'QUESTION', outcome: 'MEETING_BOOKED' });
  });

  it('ranks by cosine similarity to a text, and honours first', async () => {
    const text = 'How much would a website cost us per month?';
    const result = await similar({ text, first: 3 });
    const matches = matchesOf(result);
    const expected = await expectedRanking(await app.services.embedder.embed(text), [...ids.values()]);
    expect(matches.map((m) => m.conversation.id)).toEqual(expected.slice(0, 3).map((e) => gid('Conversation', e.id)));
    expect(['pricing', 'prices'].map((k) => gid('Conversation', ids.get(k)!))).toContain(matches[0]!.conversation.id);
  });

  it('filters by intent and by outcome, keeping cosine order', async () => {
    const text = 'Is there a monthly plan for the website?';
    const query = await app.services.embedder.embed(text);
    const questions = matchesOf(await similar({ text, intent: 'QUESTION' }));
    const expectedQuestions = await expectedRanking(
      query,
      FIXTURES.filter((f) => f.intent === 'QUESTION').map((f) => ids.get(f.key)!),
    );
    expect(questions.map((m) => m.conversation.id)).toEqual(expectedQuestions.map((e) => gid('Conversation', e.id)));
    expect(questions.every((m) => m.intent === 'QUESTION')).toBe(true);

    const won = matchesOf(await similar({ text, outcome: 'WON' }));
    expect(won.map((m) => m.conversation.id)).toEqual([gid('Conversation', ids.get('pricing')!)]);
    const none = matchesOf(await similar({ text, intent: 'QUESTION', outcome: 'UNSUBSCRIBED' }));
    expect(none).toEqual([]);
  });

  it("stays inside the viewer's account", async () => {
    const matches = matchesOf(await similar({ text: FIXTURES[0]!.reply, first: 50 }));
    expect(matches).toHaveLength(FIXTURES.length);
    expect(matches.map((m) => m.conversation.id)).not.toContain(gid('Conversation', twinId));
    const foreign = await similar({ conversationId: gid('Conversation', twinId) });
    expect(foreign.data?.similarConversations).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
    // The other account sees only its own conversation, however close ours are.
    const theirs = await findSimilarConversations(otherCtx, { text: FIXTURES[0]!.reply, first: 50 });
    expect(theirs.matches.map((m) => m.conversation.id)).toEqual([twinId]);
    const ours = matches.find((m) => m.conversation.id === gid('Conversation', ids.get('pricing')!))!;
    expect(theirs.matches[0]!.similarity).toBeCloseTo(ours.similarity, 5);
  });

  it('answers bad arguments with a typed ValidationError', async () => {
    const tooMany = await similar({ text: 'pricing', first: 51 });
    expect(tooMany.data?.similarConversations).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION_FAILED' });
    expect(JSON.stringify(tooMany.data)).toMatch(/first/);
    const neither = await similar({ first: 5 });
    expect(neither.data?.similarConversations).toMatchObject({ __typename: 'ValidationError' });
    const both = await similar({ text: 'pricing', conversationId: gid('Conversation', ids.get('pricing')!) });
    expect(both.data?.similarConversations).toMatchObject({ __typename: 'ValidationError' });
    const blank = await similar({ text: '   ' });
    expect(blank.data?.similarConversations).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['text'] }] });
    const noWords = await similar({ text: '?! ...' });
    expect(noWords.data?.similarConversations).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['text'] }] });
    const badId = await similar({ conversationId: 'bm90LWFuLWlk' });
    expect(badId.data?.similarConversations).toMatchObject({ __typename: 'ValidationError' });
  });

  it('searches a conversation that has no embedding yet by embedding its text on the spot', async () => {
    const { prisma, devAccountId } = app.services;
    const fresh = await seedConversation(devAccountId, { ...FIXTURES[1]!, key: 'fresh' });
    try {
      const matches = matchesOf(await similar({ conversationId: gid('Conversation', fresh), first: 1 }));
      // The twin of "prices" is nearest to a copy of "prices".
      expect(matches.map((m) => m.conversation.id)).toEqual([gid('Conversation', ids.get('prices')!)]);
      expect(matches[0]!.similarity).toBeGreaterThan(0.99);
      expect(await prisma.conversationEmbedding.count({ where: { conversationId: fresh } })).toBe(0);
    } finally {
      await prisma.conversation.delete({ where: { id: fresh } });
    }
  });

  it('uses the HNSW index of its embedder (same cast and predicate as the migration)', async () => {
    const plan = await explainSimilar(
      app.services.prisma,
      { accountId: app.services.devAccountId, space: app.services.embedder, vector: await app.services.embedder.embed('pricing'), limit: 5 },
      { forceIndex: true },
    );
    expect(plan).toContain('conversation_embeddings_offline_hash_256_hnsw_idx');
    // With an intent filter the scan is exact on purpose (see SimilarSearch.strategy).
    const filtered = await explainSimilar(
      app.services.prisma,
      { accountId: app.services.devAccountId, space: app.services.embedder, vector: await app.services.embedder.embed('pricing'), limit: 5, intent: 'QUESTION' },
      { forceIndex: true },
    );
    expect(filtered).not.toContain('hnsw_idx');
  });
});

describe('refreshConversationEmbedding', () => {
  it('is idempotent, re-embeds when a message arrives, and keeps intent and outcome current', async () => {
    const { prisma, devAccountId } = app.services;
    const id = ids.get('away')!;
    const rows = () => prisma.conversationEmbedding.findMany({ where: { conversationId: id } });
    expect(await refreshConversationEmbedding(ctx, { conversationId: id })).toEqual({ status: 'UNCHANGED', embedder: 'offline-hash-256' });
    expect(await rows()).toHaveLength(1);
    const before = (await rows())[0]!;

    await prisma.conversationMessage.create({
      data: {
        accountId: devAccountId,
        conversationId: id,
        direction: 'INBOUND',
        fromEmail: 'lead@example.com',
        toEmail: 'us@example.com',
        subject: 'Re: hello',
        textBody: 'Back now. Can we book a call about pricing for the website?',
        deliveryStatus: 'RECEIVED',
        receivedAt: at(9),
        createdAt: at(9),
      },
    });
    expect(await refreshConversationEmbedding(ctx, { conversationId: id })).toEqual({ status: 'EMBEDDED', embedder: 'offline-hash-256' });
    const after = await rows();
    expect(after).toHaveLength(1);
    expect(after[0]!.id).toBe(before.id);
    expect(after[0]!.content).toMatch(/^Back now\. Can we book a call about pricing/);
    expect(after[0]!.content).toContain('Lead: I am out of the office');

    await prisma.conversation.update({ where: { id }, data: { outcome: 'REPLIED' } });
    expect(await refreshConversationEmbedding(ctx, { conversationId: id })).toMatchObject({ status: 'UNCHANGED' });
    expect((await rows())[0]!.outcome).toBe('REPLIED');
  });

  it('never lets an older read overwrite a newer one', async () => {
    const { prisma } = app.services;
    const id = ids.get('incumbent')!;
    const newer = new Date('2026-11-21T00:00:00Z');
    await prisma.conversationEmbedding.updateMany({ where: { conversationId: id }, data: { updatedAt: newer, content: 'newer read' } });
    // services.now() is 2026-11-20: this refresh read the conversation before the stored one did.
    expect(await refreshConversationEmbedding(ctx, { conversationId: id })).toMatchObject({ status: 'STALE' });
    expect((await prisma.conversationEmbedding.findFirstOrThrow({ where: { conversationId: id } })).content).toBe('newer read');
  });

  it("refuses a conversation outside the viewer's account", async () => {
    await expect(refreshConversationEmbedding(ctx, { conversationId: twinId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('bestReplies', () => {
  it('returns approved and edited replies for the intent from good outcomes, best outcome first, as sent', async () => {
    const result = await app.execute(BestReplies, { intent: 'QUESTION' });
    expect(result.errors).toBeUndefined();
    expect(result.data?.bestReplies).toEqual([
      {
        subject: 'Re: A website for your business',
        body: FIXTURES[0]!.answer!.body,
        suggestion: { id: expect.any(String), status: 'APPROVED' },
        conversation: { id: gid('Conversation', ids.get('pricing')!), outcome: 'WON' },
      },
      {
        subject: 'Re: A website for your business',
        body: 'Redesigns start at $1,900, payable monthly.',
        suggestion: { id: expect.any(String), status: 'EDITED' },
        conversation: { id: gid('Conversation', ids.get('prices')!), outcome: 'MEETING_BOOKED' },
      },
    ]);
    const first = await app.execute(BestReplies, { intent: 'QUESTION', first: 1 });
    expect(first.data?.bestReplies.map((r) => r.conversation.id)).toEqual([gid('Conversation', ids.get('pricing')!)]);
  });

  it('leaves out bad outcomes and other intents', async () => {
    const objections = await app.execute(BestReplies, { intent: 'OBJECTION' });
    expect(objections.data?.bestReplies).toEqual([]);
    const meetings = await app.execute(BestReplies, { intent: 'MEETING_REQUEST' });
    expect(meetings.data?.bestReplies.map((r) => r.conversation.id)).toEqual([gid('Conversation', ids.get('call')!)]);
  });

  it('refuses more than 50', async () => {
    const result = await app.execute(BestReplies, { intent: 'QUESTION', first: 51 });
    expect(result.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
  });
});

describe('similarExamplesForDrafting', () => {
  it('gives the approved replies of similar conversations that went well, nearest first', async () => {
    const id = ids.get('rejected-question')!;
    const examples = await similarExamplesForDrafting(ctx, id, 2);
    // Candidates: a good outcome and a reply a person approved or edited.
    const query = await app.services.embedder.embed((await embeddingSource(ctx, id))!.content);
    const expected = await expectedRanking(query, ['pricing', 'prices', 'call'].map((k) => ids.get(k)!));
    expect(examples.map((e) => e.conversationId)).toEqual(expected.slice(0, 2).map((e) => e.id));
    examples.forEach((e, i) => expect(e.similarity).toBeCloseTo(expected[i]!.similarity, 5));
    const sent: Record<string, string> = {
      [ids.get('pricing')!]: FIXTURES[0]!.answer!.body,
      [ids.get('prices')!]: 'Redesigns start at $1,900, payable monthly.',
      [ids.get('call')!]: FIXTURES[2]!.answer!.body,
    };
    const replies: Record<string, string> = {
      [ids.get('pricing')!]: FIXTURES[0]!.reply,
      [ids.get('prices')!]: FIXTURES[1]!.reply,
      [ids.get('call')!]: FIXTURES[2]!.reply,
    };
    for (const e of examples) {
      expect(e.reply).toEqual({ subject: 'Re: A website for your business', body: sent[e.conversationId] });
      expect(e.leadMessage).toBe(replies[e.conversationId]);
    }
  });

  it('gives at most limit examples', async () => {
    expect(await similarExamplesForDrafting(ctx, ids.get('pricing')!, 1)).toHaveLength(1);
    expect(await similarExamplesForDrafting(ctx, ids.get('pricing')!, 0)).toEqual([]);
  });
});

describe('the demo database', () => {
  it('is embedded when seeded, so similarConversations answers from the first request', async () => {
    const demo = await createTestApp({ seedDemo: true, needsVector: true });
    try {
      const { prisma, devAccountId } = demo.services;
      const conversations = await prisma.conversation.count({ where: { accountId: devAccountId } });
      expect(conversations).toBeGreaterThan(10);
      expect(await prisma.conversationEmbedding.count({ where: { accountId: devAccountId, embedder: 'offline-hash-256' } })).toBe(
        conversations,
      );
      const result = await demo.execute(Similar, { text: 'Can we set up a call next week?', first: 3 });
      expect(result.data?.similarConversations).toMatchObject({ __typename: 'SimilarConversations' });
      const matches = (result.data?.similarConversations as { matches: { similarity: number; conversation: { lead: { email: string } } }[] }).matches;
      expect(matches).toHaveLength(3);
      expect(matches[0]!.similarity).toBeGreaterThanOrEqual(matches[2]!.similarity);
      expect(matches[0]!.conversation.lead.email).toMatch(/@/);
    } finally {
      await demo.close();
    }
  });
});
