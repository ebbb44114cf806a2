// AI follow-ups (issue 19): under the account's policy, a conversation whose last email of
// ours got no reply for followUpAfterDays gets one FOLLOW_UP draft for a person to approve, at
// most maxFollowUps since the lead last wrote, none after a reply or when the thread is closed;
// an out-of-office notice's return date pushes it later. The app's clock is injected; the scan
// and the jobs run when the test runs them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftFollowUp, FOLLOW_UP_SCAN_ACTOR, scanFollowUps } from '../src/domain/followups/index.js';
import { systemContext } from '../src/domain/use-case-context.js';
import { graphql } from './gql/index.js';
import { createTestApp, type TestApp } from './support/app.js';
import { createConversation, createLead, gid } from './support/factories.js';
import { schemaName, startFakeOpenAI, textOf, type FakeOpenAI } from './support/fake-openai.js';
import { runDueJobs } from './support/jobs.js';

const SetPolicy = graphql(`
  mutation SetFollowUpPolicy($input: SetFollowUpPolicyInput!) {
    setFollowUpPolicy(input: $input) {
      __typename
      ... on SetFollowUpPolicyPayload { account { followUpPolicy { enabled followUpAfterDays maxFollowUps sendWindowStartHour sendWindowEndHour sendWindowDays } } }
      ... on Error { message code }
      ... on ValidationError { issues { path message } }
    }
  }
`);

const Pending = graphql(`
  query FollowUpPending($id: ID!) {
    conversation(id: $id) {
      status
      pendingSuggestion { id kind subject body status followUpOf { id } }
    }
  }
`);

const Regenerate = graphql(`
  mutation RegenerateFollowUp($input: RegenerateSuggestionInput!) {
    regenerateSuggestion(input: $input) {
      __typename
      ... on RegenerateSuggestionPayload {
        suggestion { id kind status body tone followUpOf { id } }
        supersededSuggestion { id kind status }
        conversation { status }
      }
      ... on Error { message code }
    }
  }
`);

const ApproveFollowUp = graphql(`
  mutation ApproveFollowUp($input: ApproveSuggestionInput!) {
    approveSuggestion(input: $input) {
      __typename
      ... on ApproveSuggestionPayload { reply { id deliveryStatus } conversation { status } }
      ... on Error { message code }
    }
  }
`);

// A Monday, ahead of the real clock (the job queue takes whichever clock is later).
const START = new Date('2030-03-04T10:00:00.000Z');
const DAY = 86_400_000;
const at = (ms: number) => new Date(START.getTime() + ms);
let clock = START;
let app: TestApp;

// The development token lives a week: the tests move the clock up to a few days on.
const WEEK = String(7 * 24 * 3600);

beforeAll(async () => {
  app = await createTestApp({ now: () => clock, env: { AUTH_DEV_TOKEN_TTL_SECONDS: WEEK, AUTH_TOKEN_MAX_LIFETIME_SECONDS: WEEK } });
  const set = await app.execute(SetPolicy, { input: { enabled: true, followUpAfterDays: 2, maxFollowUps: 2, sendWindowDays: [1, 2, 3, 4, 5, 6, 7] } });
  expect(set.data?.setFollowUpPolicy).toMatchObject({ account: { followUpPolicy: { enabled: true, followUpAfterDays: 2, maxFollowUps: 2, sendWindowStartHour: 0, sendWindowEndHour: 24 } } });
});

afterAll(async () => {
  await app?.close();
});

/** A thread whose last email is ours, sent at `sentAt`, waiting for the lead. */
async function quietThread(options: { sentAt?: Date; status?: 'WAITING_FOR_LEAD' | 'NEEDS_REVIEW' | 'ARCHIVED' | 'ACTIVE'; doNotContact?: boolean; bounced?: boolean; replyAt?: Date } = {}) {
  const { prisma, devAccountId } = app.services;
  const lead = await createLead(prisma, devAccountId, { name: 'Dana Whitfield', company: 'Harbor Bakery', doNotContact: options.doNotContact ?? false });
  const conversation = await createConversation(prisma, devAccountId, lead.id, {
    subject: 'A faster website for Harbor Bakery',
    status: options.status ?? 'WAITING_FOR_LEAD',
    messages: [
      { direction: 'OUTBOUND', at: options.sentAt ?? START, text: 'Hi Dana, would a faster website with online ordering help Harbor Bakery?', ...(options.bounced ? { deliveryStatus: 'BOUNCED' as const } : {}) },
      ...(options.replyAt ? [{ direction: 'INBOUND' as const, at: options.replyAt, text: 'Thanks, let me think about it.' }] : []),
    ],
  });
  const ours = await prisma.conversationMessage.findFirstOrThrow({ where: { conversationId: conversation.id, direction: 'OUTBOUND' } });
  return { conversation, ours, gid: gid('Conversation', conversation.id) };
}

const followUpsOf = (conversationId: string) => app.services.prisma.aISuggestion.findMany({ where: { conversationId, kind: 'FOLLOW_UP' }, orderBy: { createdAt: 'asc' } });
const scan = () => scanFollowUps({ services: app.services, actor: FOLLOW_UP_SCAN_ACTOR }, {});

describe('a conversation that went quiet', () => {
  it('gets one FOLLOW_UP draft once its last email is older than the policy, and the conversation NEEDS_REVIEW', async () => {
    clock = START;
    const t = await quietThread();
    clock = at(2 * DAY - 60_000);
    await scan();
    await runDueJobs(app, clock);
    expect(await followUpsOf(t.conversation.id)).toHaveLength(0);

    clock = at(2 * DAY + 60_000);
    await scan();
    await scan();
    const jobs = await app.services.prisma.job.count({ where: { kind: 'draft-follow-up', payload: { path: ['conversationId'], equals: t.conversation.id } } });
    expect(jobs).toBe(1);
    await runDueJobs(app, clock);
    const [followUp, ...more] = await followUpsOf(t.conversation.id);
    expect(more).toHaveLength(0);
    expect(followUp).toMatchObject({ status: 'PENDING', followUpOfMessageId: t.ours.id, provider: 'offline' });

    const seen = await app.execute(Pending, { id: t.gid });
    expect(seen.data?.conversation).toMatchObject({
      status: 'NEEDS_REVIEW',
      pendingSuggestion: { kind: 'FOLLOW_UP', status: 'PENDING', followUpOf: { id: gid('ConversationMessage', t.ours.id) } },
    });
    // Grounded in the thread: the lead's name and the subject of our email, nothing invented.
    const body = seen.data!.conversation!.pendingSuggestion!.body;
    expect(body).toMatch(/^Hi Dana,/);
    expect(body).toContain('hello');
    expect(body).not.toMatch(/\$|https?:|@/);

    // Again and again: still one (the pending draft, the job's dedupe key, the unique index).
    await scan();
    await runDueJobs(app, clock);
    expect(await draftFollowUp(systemContext(app.services, app.services.devAccountId, 'system:test'), { conversationId: t.conversation.id, afterMessageId: t.ours.id })).toEqual({ kind: 'NOT_NEEDED' });
    expect(await followUpsOf(t.conversation.id)).toHaveLength(1);
  });

  it('gets at most maxFollowUps, each approved and sent like any draft', async () => {
    clock = START;
    const t = await quietThread();
    for (let round = 1; round <= 3; round++) {
      clock = at(round * 2 * DAY + round * 60_000);
      await scan();
      await runDueJobs(app, clock);
      const followUps = await followUpsOf(t.conversation.id);
      expect(followUps).toHaveLength(Math.min(round, 2));
      if (round <= 2) {
        const latest = followUps.at(-1)!;
        expect(latest.status).toBe('PENDING');
        const sent = await app.execute(ApproveFollowUp, { input: { suggestionId: gid('AISuggestion', latest.id) } });
        expect(sent.data?.approveSuggestion).toMatchObject({ reply: { deliveryStatus: 'SENT' }, conversation: { status: 'WAITING_FOR_LEAD' } });
      }
    }
    const [first, second] = await followUpsOf(t.conversation.id);
    expect(first!.body).not.toBe(second!.body);
    expect(second!.body).toContain('not the right time');
  });

  it('is redrafted as a follow-up to the same email when a person regenerates it', async () => {
    clock = START;
    const t = await quietThread({ replyAt: at(-DAY) });
    clock = at(2 * DAY + 60_000);
    await scan();
    await runDueJobs(app, clock);
    const [first] = await followUpsOf(t.conversation.id);
    expect(first).toMatchObject({ status: 'PENDING' });
    const result = await app.execute(Regenerate, { input: { conversationId: t.gid, tone: 'FRIENDLY' } });
    expect(result.data?.regenerateSuggestion).toMatchObject({
      __typename: 'RegenerateSuggestionPayload',
      suggestion: { kind: 'FOLLOW_UP', status: 'PENDING', tone: 'FRIENDLY', followUpOf: { id: gid('ConversationMessage', t.ours.id) } },
      supersededSuggestion: { id: gid('AISuggestion', first!.id), kind: 'FOLLOW_UP', status: 'SUPERSEDED' },
      conversation: { status: 'NEEDS_REVIEW' },
    });
    const payload = result.data!.regenerateSuggestion;
    if (payload.__typename !== 'RegenerateSuggestionPayload') throw new Error('unreachable');
    expect(payload.suggestion.body).toMatch(/^Hey Dana,/);
    // Still one live follow-up for that email, and the scan adds none.
    await scan();
    await runDueJobs(app, clock);
    expect((await followUpsOf(t.conversation.id)).map((f) => f.status)).toEqual(['SUPERSEDED', 'PENDING']);
  });

  it('gets none after a reply, even one that arrives after the job was queued', async () => {
    clock = START;
    const replied = await quietThread({ replyAt: at(DAY) });
    const late = await quietThread();
    clock = at(3 * DAY);
    await scan();
    await app.services.prisma.conversationMessage.create({
      data: {
        accountId: app.services.devAccountId,
        conversationId: late.conversation.id,
        direction: 'INBOUND',
        fromEmail: 'lead@example.com',
        toEmail: 'us@example.com',
        subject: 'Re: hello',
        textBody: 'Sorry for the delay, yes please.',
        deliveryStatus: 'RECEIVED',
        receivedAt: clock,
        createdAt: clock,
      },
    });
    await runDueJobs(app, clock);
    expect(await followUpsOf(replied.conversation.id)).toHaveLength(0);
    expect(await followUpsOf(late.conversation.id)).toHaveLength(0);
  });

  it('gets none when archived, do-not-contact, bounced, or in a status that does not wait for the lead', async () => {
    clock = START;
    const threads = await Promise.all([
      quietThread({ status: 'ARCHIVED' }),
      quietThread({ doNotContact: true }),
      quietThread({ bounced: true }),
      quietThread({ status: 'ACTIVE' }),
    ]);
    clock = at(5 * DAY);
    await scan();
    await runDueJobs(app, clock);
    for (const t of threads) expect(await followUpsOf(t.conversation.id)).toHaveLength(0);
  });

  it("waits until the day after an out-of-office notice's return date", async () => {
    clock = START;
    const t = await quietThread({ status: 'NEEDS_REVIEW', replyAt: at(3_600_000) });
    const notice = await app.services.prisma.conversationMessage.findFirstOrThrow({ where: { conversationId: t.conversation.id, direction: 'INBOUND' } });
    await app.services.prisma.messageAnalysis.create({
      data: {
        accountId: app.services.devAccountId,
        conversationId: t.conversation.id,
        messageId: notice.id,
        sentiment: 'NEUTRAL',
        intent: 'OUT_OF_OFFICE',
        urgency: 'LOW',
        intentConfidence: 0.9,
        returnDate: new Date('2030-03-07T00:00:00Z'),
        provider: 'offline',
        model: 'offline',
        promptVersion: 'test',
      },
    });
    clock = new Date('2030-03-07T23:59:00Z');
    await scan();
    await runDueJobs(app, clock);
    expect(await followUpsOf(t.conversation.id)).toHaveLength(0);
    clock = new Date('2030-03-08T00:01:00Z');
    await scan();
    await runDueJobs(app, clock);
    expect(await followUpsOf(t.conversation.id)).toHaveLength(1);
  });

  it("is drafted only inside the policy's hours and weekdays", async () => {
    clock = START;
    await app.execute(SetPolicy, { input: { enabled: true, followUpAfterDays: 2, maxFollowUps: 2, sendWindowStartHour: 9, sendWindowEndHour: 17, sendWindowDays: [1, 2, 3, 4, 5] } });
    try {
      // Sent on a Thursday: due Saturday, drafted on Monday at 9.
      const t = await quietThread({ sentAt: new Date('2030-03-07T10:00:00Z') });
      for (const moment of ['2030-03-09T12:00:00Z', '2030-03-11T08:59:00Z']) {
        clock = new Date(moment);
        await scan();
        await runDueJobs(app, clock);
        expect(await followUpsOf(t.conversation.id)).toHaveLength(0);
      }
      clock = new Date('2030-03-11T09:00:00Z');
      await scan();
      await runDueJobs(app, clock);
      expect(await followUpsOf(t.conversation.id)).toHaveLength(1);
    } finally {
      await app.execute(SetPolicy, { input: { enabled: true, followUpAfterDays: 2, maxFollowUps: 2, sendWindowDays: [1, 2, 3, 4, 5, 6, 7] } });
    }
  });

  it('refuses a policy that makes no sense, with a typed error', async () => {
    for (const input of [
      { enabled: true, followUpAfterDays: 0, maxFollowUps: 2 },
      { enabled: true, followUpAfterDays: 2, maxFollowUps: -1 },
      { enabled: true, followUpAfterDays: 2, maxFollowUps: 2, sendWindowStartHour: 17, sendWindowEndHour: 9 },
      { enabled: true, followUpAfterDays: 2, maxFollowUps: 2, sendWindowDays: [0, 8] },
    ]) {
      const result = await app.execute(SetPolicy, { input });
      expect(result.data?.setFollowUpPolicy).toMatchObject({ __typename: 'ValidationError' });
    }
  });
});

describe('with the model', () => {
  let fake: FakeOpenAI;
  let modelApp: TestApp;
  beforeAll(async () => {
    fake = await startFakeOpenAI(() => ({
      kind: 'json',
      value: { subject: 'Re: hello', body: 'Hi Dana,\n\nJust checking whether my note about a faster website reached you.\n\nBest,\nParley Sales', selfRating: 0.7, referralNote: null },
      usage: { prompt_tokens: 400, completion_tokens: 50 },
    }));
    modelApp = await createTestApp({ now: () => clock, env: { OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: fake.url, AI_MAX_RETRIES: '0' } });
    await modelApp.execute(SetPolicy, { input: { enabled: true, followUpAfterDays: 2, maxFollowUps: 2, sendWindowDays: [1, 2, 3, 4, 5, 6, 7] } });
  });
  afterAll(async () => {
    await modelApp?.close();
    await fake?.close();
  });

  it('drafts the follow-up with the follow-up prompt, our email as the one without an answer', async () => {
    clock = START;
    const { prisma, devAccountId } = modelApp.services;
    const lead = await createLead(prisma, devAccountId, { name: 'Dana Whitfield' });
    const conversation = await createConversation(prisma, devAccountId, lead.id, {
      status: 'WAITING_FOR_LEAD',
      messages: [{ direction: 'OUTBOUND', at: START, text: 'Hi Dana, would a faster website help?' }],
    });
    clock = at(3 * DAY);
    await scanFollowUps({ services: modelApp.services, actor: FOLLOW_UP_SCAN_ACTOR }, {});
    await runDueJobs(modelApp, clock);
    const [followUp] = await modelApp.services.prisma.aISuggestion.findMany({ where: { conversationId: conversation.id } });
    expect(followUp).toMatchObject({ kind: 'FOLLOW_UP', provider: 'openai', promptVersion: 'follow-up-v1', fallback: false });
    const request = fake.requests.find((r) => schemaName(r) === 'reply_draft')!;
    expect(textOf(request, 'system')).toMatch(/follow-up email .* has not answered our latest email/);
    expect(textOf(request, 'user')).toContain('OUR LATEST EMAIL (NO REPLY YET)');
    expect(textOf(request, 'user')).toContain('would a faster website help?');
  });
});
