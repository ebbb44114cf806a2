// Scheduled sends (issue 19): every send waits the account's undo window as a QUEUED email
// with scheduledFor, and a durable job sends it at its time, once; sendAt schedules further
// ahead; cancelScheduledSend takes it back while no send has begun. Time is the app's injected
// clock (ahead of the real one, so the database's clock never makes a job due early); jobs
// run when the test runs them (support/jobs.ts).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RECOVERY_ACTOR, recoverQueuedEmails } from '../src/domain/sending/index.js';
import { graphql } from './gql/index.js';
import { createTestApp, type TestApp } from './support/app.js';
import { createLocalPostgresDatabase } from './support/database.js';
import { collectEvents, createThread } from './support/email-fixtures.js';
import { SendReply } from './support/email-operations.js';
import { gid, rawId } from './support/factories.js';
import { FakePostmark } from './support/fake-postmark.js';
import { runDueJobs } from './support/jobs.js';

const Approve = graphql(`
  mutation ScheduledApprove($input: ApproveSuggestionInput!) {
    approveSuggestion(input: $input) {
      __typename
      ... on ApproveSuggestionPayload {
        scheduledFor
        suggestion { id status editedBody }
        reply { id deliveryStatus scheduledFor sentAt }
        conversation { id status }
      }
      ... on Error { message code }
      ... on ValidationError { issues { path message } }
    }
  }
`);

const Cancel = graphql(`
  mutation CancelScheduledSend($input: CancelScheduledSendInput!) {
    cancelScheduledSend(input: $input) {
      __typename
      ... on CancelScheduledSendPayload {
        cancelledMessage { id deliveryStatus scheduledFor }
        suggestion { id status editedSubject editedBody sentMessage { id } }
        conversation { id status lastMessage { id } }
      }
      ... on Error { message code }
      ... on InvalidStateError { currentState }
    }
  }
`);

const UpdateSendSettings = graphql(`
  mutation UpdateSendSettings($input: UpdateSendSettingsInput!) {
    updateSendSettings(input: $input) {
      __typename
      ... on UpdateSendSettingsPayload { account { sendSettings { undoWindowSeconds undoWindowIsDefault sendScheduledAfterReply } } }
      ... on Error { message code }
    }
  }
`);

const START = new Date('2030-03-04T10:00:00.000Z');
const seconds = (n: number) => new Date(clock.getTime() + n * 1000);

let clock = START;
let fake: FakePostmark;
let app: TestApp;

const postmarkEnv = () => ({ POSTMARK_SERVER_TOKEN: fake.token, POSTMARK_API_URL: fake.url });

beforeAll(async () => {
  fake = await FakePostmark.start();
  app = await createTestApp({ now: () => clock, env: { ...postmarkEnv(), SEND_UNDO_WINDOW_SECONDS: '5' } });
});

afterAll(async () => {
  await app?.close();
  await fake?.close();
});

afterEach(() => {
  fake.reset();
});

async function approve(suggestionGid: string, extra: { sendAt?: string; editedBody?: string } = {}) {
  const result = await app.execute(Approve, { input: { suggestionId: suggestionGid, ...extra } });
  const payload = result.data?.approveSuggestion;
  if (payload?.__typename !== 'ApproveSuggestionPayload') throw new Error(JSON.stringify(result));
  return payload;
}

describe('the undo window', () => {
  it('holds every send (approveSuggestion and sendReply) QUEUED until its time; the job then sends each once', async () => {
    clock = START;
    const a = await createThread(app.services.prisma, app.services.devAccountId);
    const b = await createThread(app.services.prisma, app.services.devAccountId);
    const approved = await approve(a.suggestionGid);
    expect(approved.scheduledFor).toBe(seconds(5).toISOString());
    expect(approved.reply).toMatchObject({ deliveryStatus: 'QUEUED', scheduledFor: seconds(5).toISOString(), sentAt: null });
    expect(approved.suggestion.status).toBe('APPROVED');
    // Nothing moved the conversation yet: only a sent email does.
    expect(approved.conversation.status).toBe('NEEDS_REVIEW');
    const replied = await app.execute(SendReply, { input: { conversationId: b.conversationGid, subject: 'Re: Website redesign', body: 'Happy to help.' } });
    const reply = replied.data?.sendReply;
    if (reply?.__typename !== 'SendReplyPayload') throw new Error(JSON.stringify(replied));
    expect(reply.reply.deliveryStatus).toBe('QUEUED');

    // Before its time: neither the job nor recovery sends it.
    clock = seconds(4);
    expect(await runDueJobs(app, clock)).toEqual([]);
    await recoverQueuedEmails({ services: app.services, actor: RECOVERY_ACTOR });
    expect(fake.emails).toHaveLength(0);

    clock = seconds(1);
    const ran = await runDueJobs(app, clock);
    expect(ran.map((r) => r.outcome)).toEqual(['done', 'done']);
    expect(fake.emails).toHaveLength(2);
    // Run again, and recovery too: still one email each.
    expect(await runDueJobs(app, seconds(60))).toEqual([]);
    await recoverQueuedEmails({ services: app.services, actor: RECOVERY_ACTOR });
    expect(fake.emails).toHaveLength(2);
    const sent = await app.services.prisma.conversationMessage.findUniqueOrThrow({ where: { id: rawId(approved.reply.id) } });
    expect(sent).toMatchObject({ deliveryStatus: 'SENT' });
    const conversation = await app.services.prisma.conversation.findUniqueOrThrow({ where: { id: a.conversation.id } });
    expect(conversation).toMatchObject({ status: 'WAITING_FOR_LEAD', lastMessageId: sent.id });
  });

  it("is the account's own once an owner sets it; 0 sends at once", async () => {
    clock = START;
    const set = await app.execute(UpdateSendSettings, { input: { undoWindowSeconds: 30 } });
    expect(set.data?.updateSendSettings).toMatchObject({ account: { sendSettings: { undoWindowSeconds: 30, undoWindowIsDefault: false } } });
    const t = await createThread(app.services.prisma, app.services.devAccountId);
    const held = await approve(t.suggestionGid);
    expect(held.scheduledFor).toBe(seconds(30).toISOString());
    // Still cancellable 29 s on.
    clock = seconds(29);
    expect((await app.execute(Cancel, { input: { messageId: held.reply.id } })).data?.cancelScheduledSend).toMatchObject({ __typename: 'CancelScheduledSendPayload' });
    clock = START;

    await app.execute(UpdateSendSettings, { input: { undoWindowSeconds: 0 } });
    const now = await createThread(app.services.prisma, app.services.devAccountId);
    const immediate = await approve(now.suggestionGid);
    expect(immediate.scheduledFor).toBeNull();
    expect(immediate.reply.deliveryStatus).toBe('SENT');
    expect(fake.emails).toHaveLength(1);

    const bad = await app.execute(UpdateSendSettings, { input: { undoWindowSeconds: -1 } });
    expect(bad.data?.updateSendSettings).toMatchObject({ __typename: 'ValidationError' });
    const back = await app.execute(UpdateSendSettings, { input: { useDefaultUndoWindow: true } });
    expect(back.data?.updateSendSettings).toMatchObject({ account: { sendSettings: { undoWindowSeconds: 5, undoWindowIsDefault: true } } });
  });
});

describe('cancelScheduledSend', () => {
  it('takes the email back before it goes: CANCELLED, never sent, the draft PENDING with the edit kept', async () => {
    clock = START;
    const t = await createThread(app.services.prisma, app.services.devAccountId);
    const approved = await approve(t.suggestionGid, { editedBody: 'Edited: would Friday work?' });
    expect(approved.suggestion.status).toBe('EDITED');
    const events = collectEvents(app.services.events, app.services.devAccountId);
    clock = seconds(3);
    const cancelled = await app.execute(Cancel, { input: { messageId: approved.reply.id } });
    events.stop();
    expect(cancelled.data?.cancelScheduledSend).toMatchObject({
      __typename: 'CancelScheduledSendPayload',
      cancelledMessage: { id: approved.reply.id, deliveryStatus: 'CANCELLED' },
      suggestion: { id: t.suggestionGid, status: 'PENDING', editedBody: 'Edited: would Friday work?', sentMessage: null },
      conversation: { status: 'NEEDS_REVIEW', lastMessage: { id: gid('ConversationMessage', t.inbound.id) } },
    });
    expect(events.events).toContainEqual(expect.objectContaining({ type: 'AI_READY', suggestionId: t.suggestion!.id }));

    // Its time comes and goes: the job, recovery and a second cancel send nothing.
    clock = seconds(600);
    // (Its job runs and finds it settled; so does the one of the email cancelled in the test above.)
    const ran = await runDueJobs(app, clock);
    expect(ran.length).toBeGreaterThan(0);
    expect(ran.filter((r) => r.outcome !== 'done')).toEqual([]);
    await recoverQueuedEmails({ services: app.services, actor: RECOVERY_ACTOR });
    expect(fake.emails).toHaveLength(0);
    const again = await app.execute(Cancel, { input: { messageId: approved.reply.id } });
    expect(again.data?.cancelScheduledSend).toMatchObject({ __typename: 'InvalidStateError', currentState: 'CANCELLED' });
    const audit = await app.services.prisma.auditEntry.findMany({ where: { entityId: rawId(approved.reply.id), action: 'message.cancelled' } });
    expect(audit).toHaveLength(1);

    // The draft can be approved again, and this time it goes.
    clock = START;
    const second = await approve(t.suggestionGid);
    clock = seconds(5);
    await runDueJobs(app, clock);
    expect(fake.emails).toHaveLength(1);
    expect(fake.emails[0]!.body.TextBody).toContain('Most redesigns');
    const late = await app.execute(Cancel, { input: { messageId: second.reply.id } });
    expect(late.data?.cancelScheduledSend).toMatchObject({ __typename: 'InvalidStateError', currentState: 'SENT' });
  });

  it('refuses an email that was sent at once, and an inbound one', async () => {
    clock = START;
    await app.execute(UpdateSendSettings, { input: { undoWindowSeconds: 0 } });
    try {
      const t = await createThread(app.services.prisma, app.services.devAccountId);
      const sent = await approve(t.suggestionGid);
      const refused = await app.execute(Cancel, { input: { messageId: sent.reply.id } });
      expect(refused.data?.cancelScheduledSend).toMatchObject({ __typename: 'InvalidStateError', currentState: 'SENT' });
      const inbound = await app.execute(Cancel, { input: { messageId: gid('ConversationMessage', t.inbound.id) } });
      expect(inbound.data?.cancelScheduledSend).toMatchObject({ __typename: 'NotFoundError' });
    } finally {
      await app.execute(UpdateSendSettings, { input: { useDefaultUndoWindow: true } });
    }
  });

  it('against the send job at the same instant: exactly one wins, every time', async () => {
    clock = START;
    const approvals = [];
    for (let i = 0; i < 6; i++) {
      const t = await createThread(app.services.prisma, app.services.devAccountId);
      approvals.push(await approve(t.suggestionGid));
    }
    clock = seconds(5);
    const [cancels] = await Promise.all([
      Promise.all(approvals.map((a) => app.execute(Cancel, { input: { messageId: a.reply.id } }))),
      runDueJobs(app, clock),
    ]);
    const rows = await app.services.prisma.conversationMessage.findMany({ where: { id: { in: approvals.map((a) => rawId(a.reply.id)) } } });
    for (const [i, a] of approvals.entries()) {
      const row = rows.find((r) => r.id === rawId(a.reply.id))!;
      const cancel = cancels[i]!.data?.cancelScheduledSend;
      const emailed = fake.emails.filter((e) => JSON.stringify(e.body.Metadata).includes(row.id)).length;
      if (cancel?.__typename === 'CancelScheduledSendPayload') {
        expect(row.deliveryStatus).toBe('CANCELLED');
        expect(emailed).toBe(0);
      } else {
        expect(cancel).toMatchObject({ __typename: 'InvalidStateError' });
        expect(row.deliveryStatus).toBe('SENT');
        expect(emailed).toBe(1);
      }
    }
    expect(fake.emails.length + rows.filter((r) => r.deliveryStatus === 'CANCELLED').length).toBe(approvals.length);
  });
});

describe('sendAt', () => {
  it('refuses a time in the past or more than 30 days ahead, with a typed error', async () => {
    clock = START;
    const t = await createThread(app.services.prisma, app.services.devAccountId);
    for (const sendAt of [seconds(-60).toISOString(), seconds(31 * 86_400).toISOString()]) {
      const result = await app.execute(Approve, { input: { suggestionId: t.suggestionGid, sendAt } });
      expect(result.data?.approveSuggestion).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['input', 'sendAt'] }] });
    }
    const pending = await app.services.prisma.aISuggestion.findUniqueOrThrow({ where: { id: t.suggestion!.id } });
    expect(pending.status).toBe('PENDING');
  });

  it('is skipped when the lead replied meanwhile, and the draft is back for review with an ERROR saying why', async () => {
    clock = START;
    const t = await createThread(app.services.prisma, app.services.devAccountId);
    const approved = await approve(t.suggestionGid, { sendAt: seconds(3600).toISOString() });
    expect(approved.scheduledFor).toBe(seconds(3600).toISOString());
    clock = seconds(600);
    await app.services.prisma.conversationMessage.create({
      data: {
        accountId: app.services.devAccountId,
        conversationId: t.conversation.id,
        direction: 'INBOUND',
        fromEmail: t.lead.email,
        toEmail: 'replies@inbound.parley.example.com',
        subject: 'Re: Website redesign',
        textBody: 'Actually, we went with someone else.',
        deliveryStatus: 'RECEIVED',
        receivedAt: clock,
        createdAt: clock,
      },
    });
    const events = collectEvents(app.services.events, app.services.devAccountId);
    clock = seconds(3000);
    await runDueJobs(app, clock);
    events.stop();
    expect(fake.emails).toHaveLength(0);
    const message = await app.services.prisma.conversationMessage.findUniqueOrThrow({ where: { id: rawId(approved.reply.id) } });
    expect(message).toMatchObject({ deliveryStatus: 'FAILED', errorCode: 'LEAD_REPLIED' });
    expect(events.events).toContainEqual(expect.objectContaining({ type: 'ERROR', code: 'LEAD_REPLIED' }));
    const draft = await app.services.prisma.aISuggestion.findUniqueOrThrow({ where: { id: t.suggestion!.id } });
    expect(draft.status).toBe('PENDING');
  });

  it('is sent by recovery alone after its time, when its job is gone (given up), and not before', async () => {
    clock = START;
    const t = await createThread(app.services.prisma, app.services.devAccountId);
    const approved = await approve(t.suggestionGid, { sendAt: seconds(120).toISOString() });
    const outbound = await app.services.prisma.outboundEmail.findUniqueOrThrow({ where: { messageId: rawId(approved.reply.id) } });
    const removed = await app.services.prisma.job.deleteMany({ where: { kind: 'send-scheduled-email', dedupeKey: outbound.id } });
    expect(removed.count).toBe(1);
    clock = new Date(START.getTime() + 119_000);
    await recoverQueuedEmails({ services: app.services, actor: RECOVERY_ACTOR });
    expect(fake.emails).toHaveLength(0);
    clock = new Date(START.getTime() + 120_000);
    await recoverQueuedEmails({ services: app.services, actor: RECOVERY_ACTOR });
    await recoverQueuedEmails({ services: app.services, actor: RECOVERY_ACTOR });
    expect(fake.emails).toHaveLength(1);
  });

  it('goes at its time and once across a restart in between (a new app on the same database)', async () => {
    clock = START;
    const database = await createLocalPostgresDatabase(4);
    try {
      const first = await createTestApp({ now: () => clock, database: { ...database, drop: async () => undefined }, env: { ...postmarkEnv(), SEND_UNDO_WINDOW_SECONDS: '5' } });
      let messageId: string;
      let accountId: string;
      try {
        accountId = first.services.devAccountId;
        const t = await createThread(first.services.prisma, accountId);
        const result = await first.execute(Approve, { input: { suggestionId: t.suggestionGid, sendAt: seconds(3600).toISOString() } });
        const payload = result.data?.approveSuggestion;
        if (payload?.__typename !== 'ApproveSuggestionPayload') throw new Error(JSON.stringify(result));
        messageId = rawId(payload.reply.id);
      } finally {
        await first.close();
      }
      // Restarted before its time: start-up recovery and the queue leave it alone.
      clock = new Date(START.getTime() + 3_599_000);
      const second = await createTestApp({ now: () => clock, database, env: { ...postmarkEnv(), SEND_UNDO_WINDOW_SECONDS: '5' } });
      try {
        await second.startupRecovery;
        expect(await runDueJobs(second, clock)).toEqual([]);
        expect(fake.emails).toHaveLength(0);
        clock = new Date(START.getTime() + 3_600_000);
        // Two workers at its time, and recovery: one email.
        await Promise.all([runDueJobs(second, clock, 'worker-a'), runDueJobs(second, clock, 'worker-b'), recoverQueuedEmails({ services: second.services, actor: RECOVERY_ACTOR })]);
        await recoverQueuedEmails({ services: second.services, actor: RECOVERY_ACTOR });
        expect(fake.emails).toHaveLength(1);
        const row = await second.services.prisma.conversationMessage.findUniqueOrThrow({ where: { id: messageId } });
        expect(row).toMatchObject({ deliveryStatus: 'SENT' });
        expect(row.sentAt!.getTime()).toBe(START.getTime() + 3_600_000);
        expect(accountId).toBe(second.services.devAccountId);
      } finally {
        await second.close();
      }
    } finally {
      await database.drop();
    }
  });
});
