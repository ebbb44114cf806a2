import { createRateLimits } from '../src/limits/rate-limits.js';
// regenerateSuggestion through GraphQL with the offline provider: tone and length change the
// stored draft, typed errors, the per-viewer rate limit, and the AI figures in the stats.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftReplyForInbound } from '../src/domain/suggestions/index.js';
import { REGENERATE_RATE_LIMIT } from '../src/domain/suggestions/index.js';
import type { RegenerateSuggestionInput } from './gql/graphql.js';
import { graphql } from './gql/index.js';
import { createTestApp, type TestApp } from './support/app.js';
import { collectEvents, systemContext, threadWithReply } from './support/drafting.js';
import { createAccount, createConversation, createLead, gid } from './support/factories.js';

const Regenerate = graphql(`
  mutation Regenerate($input: RegenerateSuggestionInput!) {
    regenerateSuggestion(input: $input) {
      __typename
      ... on RegenerateSuggestionPayload {
        suggestion {
          id status tone length customPrompt subject body model provider fallback estimatedCost safetyFlags confidence
          analysis { intent questions suggestedNextStep }
          proposedNote { toName toEmail subject body }
          inReplyTo { id analysis { intent returnDate referralName provider } }
        }
        supersededSuggestion { id status }
        conversation { id status pendingSuggestion { id } }
      }
      ... on Error { code message }
      ... on InvalidStateError { currentState }
      ... on RateLimitedError { retryAfterSeconds }
      ... on ValidationError { issues { path message } }
    }
  }
`);

const AIStats = graphql(`
  query AIStats($since: DateTime, $until: DateTime) {
    conversationStats(since: $since, until: $until) {
      ai { suggestions fallbacks rejectRate meanConfidence promptTokens completionTokens estimatedCost }
    }
  }
`);

let app: TestApp;
let clock = new Date('2026-11-20T10:00:00Z');

beforeAll(async () => {
  app = await createTestApp({ now: () => clock });
});

afterAll(() => app?.close());

const regenerate = (input: RegenerateSuggestionInput) => app.execute(Regenerate, { input });

describe('regenerateSuggestion (offline provider)', () => {
  it('replaces the pending draft with one in the asked tone and length, and says what changed', async () => {
    const ids = await threadWithReply(app, 'Sounds good, tell me more about the online ordering.');
    const first = await draftReplyForInbound(systemContext(app), ids);
    if (first.kind !== 'DRAFTED') throw new Error('expected a draft');
    const collector = collectEvents(app);
    const result = await regenerate({ conversationId: gid('Conversation', ids.conversationId), tone: 'FRIENDLY', length: 'SHORT' });
    await collector.settle();
    await collector.stop();
    expect(result.errors).toBeUndefined();
    const payload = result.data?.regenerateSuggestion;
    if (payload?.__typename !== 'RegenerateSuggestionPayload') throw new Error(JSON.stringify(payload));
    expect(payload.supersededSuggestion).toEqual({ id: gid('AISuggestion', first.suggestion.id), status: 'SUPERSEDED' });
    expect(payload.conversation).toEqual({ id: gid('Conversation', ids.conversationId), status: 'NEEDS_REVIEW', pendingSuggestion: { id: payload.suggestion.id } });
    expect(payload.suggestion).toMatchObject({
      status: 'PENDING', tone: 'FRIENDLY', length: 'SHORT', model: 'offline', provider: 'offline', fallback: false, estimatedCost: 0,
      analysis: { intent: 'INTERESTED' },
      inReplyTo: { id: gid('ConversationMessage', ids.inboundMessageId), analysis: { intent: 'INTERESTED', provider: 'offline' } },
    });
    expect(payload.suggestion.body).toMatch(/^Hey Dana,/);
    expect(first.suggestion.body).toMatch(/^Hi Dana,/);
    expect(payload.suggestion.body.length).toBeLessThan(first.suggestion.body.length);
    // The replaced draft is announced as superseded (issue 18), then the new one.
    expect(collector.events.map((e) => e.type)).toEqual(['SUGGESTION_SUPERSEDED', 'AI_READY']);
    const audit = await app.services.prisma.auditEntry.findMany({ where: { entityId: first.suggestion.id } });
    expect(audit.map((a) => [a.action, a.actor, a.toStatus])).toContainEqual(['suggestion.superseded', expect.stringMatching(/^user:/), 'SUPERSEDED']);
  });

  it('answers the email named by messageId, and stores the custom instruction', async () => {
    const ids = await threadWithReply(app, 'How long does a five page site take?');
    const result = await regenerate({
      conversationId: gid('Conversation', ids.conversationId),
      messageId: gid('ConversationMessage', ids.inboundMessageId),
      customPrompt: '  Keep it under a hundred words.  ',
      length: 'LONG',
    });
    expect(result.data?.regenerateSuggestion).toMatchObject({
      __typename: 'RegenerateSuggestionPayload',
      suggestion: { customPrompt: 'Keep it under a hundred words.', length: 'LONG', tone: null, analysis: { intent: 'QUESTION', questions: ['How long does a five page site take?'] } },
      supersededSuggestion: null,
    });
  });

  it('exposes a referral\'s proposed note and an away notice\'s return date', async () => {
    const referral = await threadWithReply(app, 'You should talk to Maria Lopez, she manages our marketing.');
    const r = await regenerate({ conversationId: gid('Conversation', referral.conversationId) });
    expect(r.data?.regenerateSuggestion).toMatchObject({
      suggestion: { proposedNote: { toName: 'Maria Lopez', toEmail: null, subject: expect.stringContaining('Dana Whitfield') }, inReplyTo: { analysis: { referralName: 'Maria Lopez' } } },
    });
    const away = await threadWithReply(app, 'Auto-reply: I am on vacation and will return on 12/08.');
    const a = await regenerate({ conversationId: gid('Conversation', away.conversationId) });
    expect(a.data?.regenerateSuggestion).toMatchObject({ suggestion: { inReplyTo: { analysis: { intent: 'OUT_OF_OFFICE', returnDate: '2026-12-08' } } } });
  });

  it('refuses archived conversations, do-not-contact leads, threads without a reply, and other accounts', async () => {
    const { prisma, devAccountId } = app.services;
    const archived = await threadWithReply(app, 'Tell me more.');
    await prisma.conversation.update({ where: { id: archived.conversationId }, data: { status: 'ARCHIVED' } });
    expect((await regenerate({ conversationId: gid('Conversation', archived.conversationId) })).data?.regenerateSuggestion).toMatchObject({
      __typename: 'InvalidStateError', currentState: 'ARCHIVED',
    });
    const blocked = await threadWithReply(app, 'Tell me more.');
    await prisma.lead.update({ where: { id: blocked.leadId }, data: { doNotContact: true } });
    expect((await regenerate({ conversationId: gid('Conversation', blocked.conversationId) })).data?.regenerateSuggestion).toMatchObject({
      __typename: 'InvalidStateError', currentState: 'DO_NOT_CONTACT',
    });
    const lead = await createLead(prisma, devAccountId);
    const silent = await createConversation(prisma, devAccountId, lead.id, { messages: [{ direction: 'OUTBOUND', at: new Date('2026-11-19T09:00:00Z') }] });
    expect((await regenerate({ conversationId: gid('Conversation', silent.id) })).data?.regenerateSuggestion).toMatchObject({
      __typename: 'InvalidStateError', message: expect.stringContaining('nothing to answer'),
    });
    const other = await createAccount(prisma);
    const foreign = await createConversation(prisma, other.id, (await createLead(prisma, other.id)).id);
    expect((await regenerate({ conversationId: gid('Conversation', foreign.id) })).data?.regenerateSuggestion).toMatchObject({ __typename: 'NotFoundError' });
    const tooLong = await regenerate({ conversationId: gid('Conversation', archived.conversationId), customPrompt: 'x'.repeat(501) });
    expect(tooLong.data?.regenerateSuggestion).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION_FAILED' });
    expect(await prisma.aISuggestion.count({ where: { conversationId: { in: [archived.conversationId, blocked.conversationId, foreign.id] } } })).toBe(0);
  });

  it(`allows ${REGENERATE_RATE_LIMIT.limit} per minute per viewer, then RateLimitedError with retryAfterSeconds`, async () => {
    app.services.rateLimits = createRateLimits(); // a fresh budget, whatever earlier tests used
    const ids = await threadWithReply(app, 'Tell me more.');
    const input = { conversationId: gid('Conversation', ids.conversationId) };
    for (let i = 0; i < REGENERATE_RATE_LIMIT.limit; i++) {
      expect((await regenerate(input)).data?.regenerateSuggestion.__typename).toBe('RegenerateSuggestionPayload');
    }
    const limited = await regenerate(input);
    expect(limited.data?.regenerateSuggestion).toMatchObject({ __typename: 'RateLimitedError', code: 'RATE_LIMITED' });
    const retryAfter = (limited.data?.regenerateSuggestion as { retryAfterSeconds: number }).retryAfterSeconds;
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Another viewer (here: the system job's actor) has its own budget.
    const { regenerateSuggestion } = await import('../src/domain/suggestions/index.js');
    const regenerated = await regenerateSuggestion(systemContext(app), { conversationId: ids.conversationId });
    expect(regenerated.conversationId).toBe(ids.conversationId);
    const pending = await app.services.prisma.aISuggestion.findMany({ where: { conversationId: ids.conversationId, status: 'PENDING' }, select: { id: true } });
    expect(pending).toEqual([{ id: regenerated.suggestionId }]);
  });

  it('adds AI figures to conversationStats', async () => {
    // Rows carry the database's clock, not the test's: the window spans them.
    const rows = await app.services.prisma.aISuggestion.findMany({ where: { accountId: app.services.devAccountId }, orderBy: { createdAt: 'asc' } });
    const since = new Date(rows[0]!.createdAt.getTime() - 1000).toISOString();
    const until = new Date(rows.at(-1)!.createdAt.getTime() + 1000).toISOString();
    const result = await app.execute(AIStats, { since, until });
    expect(result.errors).toBeUndefined();
    const ai = result.data!.conversationStats.ai;
    expect(ai.suggestions).toBe(rows.length);
    expect(ai.fallbacks).toBe(0);
    expect(ai.rejectRate).toBeNull();
    expect(ai.meanConfidence).toBeCloseTo(rows.reduce((s, r) => s + r.confidence, 0) / rows.length, 10);
    expect(ai).toMatchObject({ promptTokens: 0, completionTokens: 0, estimatedCost: 0 });
  });
});
