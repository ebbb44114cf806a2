// conversationStats against figures worked out by hand for a small fixture.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.js';
import { createTestApp, type TestApp } from './support/app.js';
import { createAccount, createConversation, createLead } from './support/factories.js';

const StatsQuery = graphql(`
  query Stats($since: DateTime, $until: DateTime) {
    conversationStats(since: $since, until: $until) {
      window { since until }
      conversations { total open active needsReview waitingForLead archived }
      email { sent received conversationsEmailed conversationsReplied responseRate }
      ai { suggestions pending approved edited rejected superseded approvalRate editRate meanConfidence }
      delivery { delivered bounced opened clicked opens clicks deliveryRate openRate clickRate }
    }
  }
`);

const d = (iso: string) => new Date(`2026-11-${iso}Z`);
const SINCE = '2026-11-10T00:00:00.000Z';
const UNTIL = '2026-11-17T00:00:00.000Z';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp({ now: () => new Date(UNTIL) });
  const { prisma, devAccountId: acct } = app.services;
  const lead = await createLead(prisma, acct);
  // A: emailed in the window, delivered, opened 3x, clicked 2x, then replied -> replied.
  await createConversation(prisma, acct, lead.id, {
    status: 'ACTIVE',
    messages: [
      { direction: 'OUTBOUND', at: d('11T09:00:00'), deliveredAt: d('11T09:01:00'), firstOpenedAt: d('11T10:00:00'), openCount: 3, firstClickedAt: d('11T10:05:00'), clickCount: 2 },
      { direction: 'INBOUND', at: d('12T08:00:00') },
    ],
    suggestions: [
      { status: 'APPROVED', confidence: 0.8, at: d('12T08:01:00') },
      { status: 'EDITED', confidence: 0.7, at: d('12T08:02:00') },
    ],
  });
  // B: an old email (outside the window, its opens must not count), a reply in the window,
  // then our second email in the window that got no answer -> emailed, not replied.
  await createConversation(prisma, acct, lead.id, {
    status: 'NEEDS_REVIEW',
    messages: [
      { direction: 'OUTBOUND', at: d('05T09:00:00'), deliveredAt: d('05T09:01:00'), firstOpenedAt: d('05T11:00:00'), openCount: 5 },
      { direction: 'INBOUND', at: d('12T09:00:00') },
      { direction: 'OUTBOUND', at: d('13T09:00:00'), deliveredAt: d('13T09:01:00') },
    ],
    suggestions: [{ status: 'PENDING', confidence: 0.9, at: d('13T10:00:00') }],
  });
  // C: emailed in the window and bounced; the answer came after the window closed.
  await createConversation(prisma, acct, lead.id, {
    status: 'WAITING_FOR_LEAD',
    messages: [
      { direction: 'OUTBOUND', at: d('14T09:00:00'), deliveryStatus: 'BOUNCED' },
      { direction: 'INBOUND', at: d('18T09:00:00') },
    ],
    suggestions: [
      { status: 'APPROVED', confidence: 0.6, at: d('14T08:00:00') },
      { status: 'REJECTED', confidence: 0.4, at: d('14T08:30:00') },
    ],
  });
  // D: an inbound before the window (not counted), our email in it, opened once, replied.
  await createConversation(prisma, acct, lead.id, {
    status: 'ARCHIVED',
    messages: [
      { direction: 'INBOUND', at: d('09T09:00:00') },
      { direction: 'OUTBOUND', at: d('16T09:00:00'), deliveredAt: d('16T09:01:00'), firstOpenedAt: d('16T10:00:00'), openCount: 1 },
      { direction: 'INBOUND', at: d('16T12:00:00') },
    ],
    suggestions: [{ status: 'SUPERSEDED', confidence: 0.5, at: d('16T08:00:00') }],
  });
  // E: nothing in the window.
  await createConversation(prisma, acct, lead.id, {
    status: 'WAITING_FOR_LEAD',
    messages: [{ direction: 'OUTBOUND', at: d('01T09:00:00'), deliveredAt: d('01T09:01:00') }],
    suggestions: [{ status: 'APPROVED', confidence: 0.1, at: d('01T08:00:00') }],
  });
  // Another account, busy in the same window: none of it may show up.
  const other = await createAccount(prisma);
  const otherLead = await createLead(prisma, other.id);
  for (let i = 0; i < 3; i++) {
    await createConversation(prisma, other.id, otherLead.id, {
      status: 'ARCHIVED',
      messages: [
        { direction: 'OUTBOUND', at: d('12T09:00:00'), deliveredAt: d('12T09:01:00'), firstOpenedAt: d('12T10:00:00'), openCount: 9 },
        { direction: 'INBOUND', at: d('12T12:00:00') },
      ],
      suggestions: [{ status: 'REJECTED', confidence: 0.05, at: d('12T08:00:00') }],
    });
  }
});

afterAll(() => app?.close());

const expected = {
  window: { since: SINCE, until: UNTIL },
  conversations: { total: 5, open: 4, active: 1, needsReview: 1, waitingForLead: 2, archived: 1 },
  email: { sent: 4, received: 3, conversationsEmailed: 4, conversationsReplied: 2, responseRate: 0.5 },
  ai: { suggestions: 6, pending: 1, approved: 2, edited: 1, rejected: 1, superseded: 1, approvalRate: 0.75 },
  delivery: { delivered: 3, bounced: 1, opened: 2, clicked: 1, opens: 4, clicks: 2, deliveryRate: 0.75, openRate: 0.5, clickRate: 0.25 },
};

describe('conversationStats', () => {
  it('matches the hand-computed figures for an explicit window', async () => {
    const result = await app.execute(StatsQuery, { since: SINCE, until: UNTIL });
    expect(result.errors).toBeUndefined();
    const stats = result.data!.conversationStats;
    expect(stats).toMatchObject(expected);
    expect(stats.ai.editRate).toBeCloseTo(1 / 3, 10);
    expect(stats.ai.meanConfidence).toBeCloseTo((0.9 + 0.8 + 0.6 + 0.7 + 0.4 + 0.5) / 6, 10);
  });

  it('defaults to the seven days before now', async () => {
    const result = await app.execute(StatsQuery, {});
    expect(result.data!.conversationStats).toMatchObject(expected);
  });

  it('reports rates as null, not zero or NaN, when the window is empty', async () => {
    const result = await app.execute(StatsQuery, { since: '2020-01-01T00:00:00Z', until: '2020-01-08T00:00:00Z' });
    const stats = result.data!.conversationStats;
    expect(stats.conversations.total).toBe(5);
    expect(stats.email).toEqual({ sent: 0, received: 0, conversationsEmailed: 0, conversationsReplied: 0, responseRate: null });
    expect(stats.ai.approvalRate).toBeNull();
    expect(stats.ai.meanConfidence).toBeNull();
    expect(stats.delivery.openRate).toBeNull();
  });

  it('refuses a reversed or over-long window with a typed validation error', async () => {
    const reversed = await app.execute(StatsQuery, { since: UNTIL, until: SINCE });
    expect(reversed.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(reversed.errors?.[0]?.message).toMatch(/since must be before until/);
    const long = await app.execute(StatsQuery, { since: '2024-01-01T00:00:00Z', until: UNTIL });
    expect(long.errors?.[0]?.message).toMatch(/at most 366 days/);
    const garbage = await app.executeRaw('{ conversationStats(since: "yesterday") { email { sent } } }');
    expect(garbage.errors?.[0]?.message).toMatch(/DateTime/);
  });
});
