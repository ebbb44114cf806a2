// Issue 18, part B: the durable event log (cursor, replay with `since`), an event for every state
// change (to the account's subscribers only), snooze with its wake job, and the automatic
// snooze of an away notice. The clock is injected: a snooze wakes when the test moves it on.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createJobHandlers } from '../src/background/job-registry.js';
import { pruneEventLog, readEventLog } from '../src/domain/event-log/index.js';
import { parseCursor } from '../src/domain/event-log/log.js';
import { recordDeliveryEvent } from '../src/domain/inbound/index.js';
import { draftReplyForInbound } from '../src/domain/suggestions/index.js';
import { publishEvents } from '../src/domain/transitions.js';
import { systemContext as domainContext } from '../src/domain/use-case-context.js';
import type { ConversationEvent } from '../src/events/bus.js';
import { claimJobs, completeJob } from '../src/jobs/queue.js';
import { graphql } from './gql/index.js';
import { createTestApp, type TestApp } from './support/app.js';
import { collectEvents, systemContext, threadWithReply } from './support/drafting.js';
import { createAccount, createConversation, createLead, gid } from './support/factories.js';
import { inboundPayload, postWebhook } from './support/postmark-payloads.js';
import { startTestServer, type TestServer } from './support/server.js';
import { waitFor } from './support/wait.js';
import { createClient as createSseClient } from 'graphql-sse';
import { createClient as createWsClient } from 'graphql-ws';
import WebSocket from 'ws';

// The app's clock runs a day ahead of the database's: a job is due when either reaches its
// time, so scheduled work comes due exactly when the test moves this clock, never by itself.
const START = new Date(Math.ceil(Date.now() / 1000) * 1000 + 86_400_000);
let clock = START;
let app: TestApp;

beforeAll(async () => {
  app = await createTestApp({ now: () => clock });
});
afterAll(() => app?.close());
// Each test starts at START (the development token is valid then: it expires 8 hours on).
beforeEach(() => {
  clock = START;
});

const Snooze = graphql(`
  mutation Snooze($input: SnoozeConversationInput!) {
    snoozeConversation(input: $input) {
      __typename
      ... on SnoozeConversationPayload { conversation { status snoozedUntil snoozeReason } }
      ... on Error { code message }
    }
  }
`);
const Unsnooze = graphql(`
  mutation Unsnooze($input: UnsnoozeConversationInput!) {
    unsnoozeConversation(input: $input) {
      __typename
      ... on UnsnoozeConversationPayload { conversation { status snoozedUntil snoozeReason } }
      ... on Error { code message }
    }
  }
`);
const List = graphql(`
  query SnoozeList($filter: ConversationFilter) {
    conversations(first: 100, filter: $filter) { edges { node { id status } } }
  }
`);
const Archive = graphql(`
  mutation ArchiveForEvents($input: ArchiveConversationInput!) { archiveConversation(input: $input) { __typename } }
`);
const Unarchive = graphql(`
  mutation UnarchiveForEvents($input: UnarchiveConversationInput!) { unarchiveConversation(input: $input) { __typename } }
`);
const Outcome = graphql(`
  mutation OutcomeForEvents($input: SetConversationOutcomeInput!) { setConversationOutcome(input: $input) { __typename } }
`);
const Reject = graphql(`
  mutation RejectForEvents($input: RejectSuggestionInput!) { rejectSuggestion(input: $input) { __typename } }
`);
const Resolve = graphql(`
  mutation ResolveForEvents($input: ResolveSuggestedActionInput!) { resolveSuggestedAction(input: $input) { __typename } }
`);

/** Runs the jobs due by the app's clock, as the worker would, and returns their kinds. */
async function runDueJobs(): Promise<string[]> {
  const { prisma } = app.services;
  const handlers = createJobHandlers();
  const jobs = await claimJobs(prisma, 'test-worker', 50, 60_000, app.services.now());
  for (const job of jobs) {
    await handlers[job.kind]!({ services: app.services, accountId: job.accountId, actor: `system:job:${job.kind}` }, job.payload, job);
    await completeJob(prisma, job, 'test-worker');
  }
  return jobs.map((job) => job.kind);
}

async function conversationWith(spec: Parameters<typeof createConversation>[3] = {}, accountId = app.services.devAccountId) {
  const lead = await createLead(app.services.prisma, accountId);
  return createConversation(app.services.prisma, accountId, lead.id, {
    messages: [{ direction: 'INBOUND', at: new Date(START.getTime() - 3_600_000), text: 'Hello' }],
    ...spec,
  });
}

const types = (events: ConversationEvent[], conversationId: string) => events.filter((e) => e.conversationId === conversationId).map((e) => e.type);

describe('snooze', () => {
  it('hides the conversation until `until`, then the wake job brings it back with a WOKE event once the clock gets there', async () => {
    const conversation = await conversationWith();
    const id = gid('Conversation', conversation.id);
    const until = new Date(clock.getTime() + 5 * 60_000);
    const collector = collectEvents(app);
    const snoozed = await app.execute(Snooze, { input: { conversationId: id, until: until.toISOString() } });
    expect(snoozed.data?.snoozeConversation).toEqual({
      __typename: 'SnoozeConversationPayload',
      conversation: { status: 'SNOOZED', snoozedUntil: until.toISOString(), snoozeReason: 'MANUAL' },
    });
    const listed = async (filter?: object) =>
      ((await app.execute(List, filter ? { filter } : {})).data?.conversations.edges ?? []).map((e) => e.node.id);
    expect(await listed()).not.toContain(id);
    expect(await listed({ snoozed: true })).toContain(id);
    expect(await listed({ status: ['SNOOZED'] })).toContain(id);

    // Not due yet: nothing wakes.
    clock = new Date(until.getTime() - 1000);
    expect(await runDueJobs()).not.toContain('wake-conversation');
    clock = until;
    expect(await runDueJobs()).toContain('wake-conversation');
    await collector.settle();
    await collector.stop();
    const stored = await app.services.prisma.conversation.findUniqueOrThrow({ where: { id: conversation.id } });
    expect(stored).toMatchObject({ status: 'ACTIVE', snoozedUntil: null, snoozeReason: null });
    expect(await listed()).toContain(id);
    expect(types(collector.events, conversation.id)).toEqual(['SNOOZED', 'WOKE']);
    expect(collector.events.find((e) => e.type === 'WOKE')).toMatchObject({ status: 'ACTIVE', cause: 'TIME' });
    const audit = await app.services.prisma.auditEntry.findMany({ where: { entityId: conversation.id }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((a) => [a.action, a.fromStatus, a.toStatus])).toEqual([
      ['conversation.snoozed', 'ACTIVE', 'SNOOZED'],
      ['conversation.woke', 'SNOOZED', 'ACTIVE'],
    ]);
  });

  it('a stale wake job (unsnoozed, then snoozed to a later time) does nothing', async () => {
    const conversation = await conversationWith({ status: 'WAITING_FOR_LEAD', messages: [{ direction: 'OUTBOUND', at: new Date(clock.getTime() - 60_000), text: 'Hi' }] });
    const id = gid('Conversation', conversation.id);
    const first = new Date(clock.getTime() + 60_000);
    const later = new Date(clock.getTime() + 3_600_000);
    await app.execute(Snooze, { input: { conversationId: id, until: first.toISOString() } });
    const unsnoozed = await app.execute(Unsnooze, { input: { conversationId: id } });
    expect(unsnoozed.data?.unsnoozeConversation).toMatchObject({ conversation: { status: 'WAITING_FOR_LEAD', snoozedUntil: null } });
    await app.execute(Snooze, { input: { conversationId: id, until: later.toISOString() } });
    const collector = collectEvents(app);
    clock = first;
    expect(await runDueJobs()).toContain('wake-conversation');
    await collector.settle();
    expect(types(collector.events, conversation.id)).toEqual([]);
    expect(await app.services.prisma.conversation.findUniqueOrThrow({ where: { id: conversation.id } })).toMatchObject({ status: 'SNOOZED', snoozedUntil: later });
    clock = later;
    await runDueJobs();
    await collector.settle();
    await collector.stop();
    expect(types(collector.events, conversation.id)).toEqual(['WOKE']);
    expect(await app.services.prisma.conversation.findUniqueOrThrow({ where: { id: conversation.id } })).toMatchObject({ status: 'WAITING_FOR_LEAD' });
  });

  it('a reply from the lead wakes it at once (WOKE, cause REPLY), and the wake job then does nothing', async () => {
    const conversation = await conversationWith();
    const { replyHash } = await app.services.prisma.conversation.findUniqueOrThrow({ where: { id: conversation.id } });
    const until = new Date(clock.getTime() + 86_400_000);
    await app.execute(Snooze, { input: { conversationId: gid('Conversation', conversation.id), until: until.toISOString() } });
    const collector = collectEvents(app);
    const posted = await postWebhook(app, 'inbound', inboundPayload({ mailboxHash: replyHash, text: 'Any news?', stripped: 'Any news?' }));
    expect(posted.status).toBe(200);
    await collector.settle();
    expect(types(collector.events, conversation.id)).toEqual(['NEW_REPLY', 'WOKE']);
    expect(collector.events.find((e) => e.type === 'WOKE')).toMatchObject({ status: 'NEEDS_REVIEW', cause: 'REPLY' });
    // Cursors are consecutive: one statement numbered both.
    const [reply, woke] = collector.events.filter((e) => e.conversationId === conversation.id);
    expect(BigInt(woke!.cursor)).toBe(BigInt(reply!.cursor) + 1n);
    expect(await app.services.prisma.conversation.findUniqueOrThrow({ where: { id: conversation.id } })).toMatchObject({ status: 'NEEDS_REVIEW', snoozedUntil: null });
    await app.services.prisma.job.deleteMany({ where: { kind: { in: ['draft-reply', 'embed-conversation'] } } });
    clock = until;
    await runDueJobs();
    await collector.settle();
    await collector.stop();
    expect(types(collector.events, conversation.id)).toEqual(['NEW_REPLY', 'WOKE']);
  });

  it('refuses a time in the past or more than a year away, and an archived conversation, with typed errors and no change', async () => {
    const conversation = await conversationWith();
    const id = gid('Conversation', conversation.id);
    for (const until of [new Date(clock.getTime() - 1000), new Date(clock.getTime() + 400 * 86_400_000)]) {
      const result = await app.execute(Snooze, { input: { conversationId: id, until: until.toISOString() } });
      expect(result.data?.snoozeConversation, JSON.stringify(result)).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION_FAILED' });
    }
    const unsnooze = await app.execute(Unsnooze, { input: { conversationId: id } });
    expect(unsnooze.data?.unsnoozeConversation).toMatchObject({ __typename: 'InvalidStateError' });
    await app.execute(Archive, { input: { conversationId: id } });
    const archived = await app.execute(Snooze, { input: { conversationId: id, until: new Date(clock.getTime() + 60_000).toISOString() } });
    expect(archived.data?.snoozeConversation).toMatchObject({ __typename: 'InvalidStateError' });
    expect(await app.services.prisma.auditEntry.count({ where: { entityId: conversation.id, action: { startsWith: 'conversation.sn' } } })).toBe(0);
  });

  it('an away notice with a return date snoozes the conversation until then, automatically, visibly and undoably', async () => {
    // The day the notice is read: "until Monday, December 1" is then ahead.
    clock = new Date('2026-11-20T10:00:00Z');
    const ids = await threadWithReply(app, 'Automatic reply: I am out of the office until Monday, December 1 with limited access to email.');
    const collector = collectEvents(app);
    const outcome = await draftReplyForInbound(systemContext(app), ids);
    expect(outcome.kind).toBe('OUT_OF_OFFICE');
    await collector.settle();
    await collector.stop();
    const returnDate = new Date('2026-12-01T00:00:00Z');
    expect(await app.services.prisma.conversation.findUniqueOrThrow({ where: { id: ids.conversationId } })).toMatchObject({
      status: 'SNOOZED',
      snoozedUntil: returnDate,
      snoozeReason: 'OUT_OF_OFFICE',
    });
    expect(collector.events.filter((e) => e.conversationId === ids.conversationId)).toEqual([
      expect.objectContaining({ type: 'SNOOZED', reason: 'OUT_OF_OFFICE', until: returnDate.toISOString() }),
    ]);
    const audit = await app.services.prisma.auditEntry.findFirstOrThrow({ where: { entityId: ids.conversationId, action: 'conversation.snoozed' } });
    expect(audit.details).toMatchObject({ reason: 'OUT_OF_OFFICE', automatic: true, messageId: ids.inboundMessageId });
    // A retried job does not snooze twice.
    await draftReplyForInbound(systemContext(app), ids);
    expect(await app.services.prisma.auditEntry.count({ where: { entityId: ids.conversationId, action: 'conversation.snoozed' } })).toBe(1);
    const undone = await app.execute(Unsnooze, { input: { conversationId: gid('Conversation', ids.conversationId) } });
    expect(undone.data?.unsnoozeConversation).toMatchObject({ conversation: { status: 'ACTIVE', snoozeReason: null } });
    clock = START;
  });
});

describe('an event for every state change', () => {
  it('exactly one per change, to the account only, each with a cursor that increases', async () => {
    clock = START;
    const { prisma, devAccountId } = app.services;
    const other = await createAccount(prisma);
    const otherConversation = await conversationWith({}, other.id);
    const conversation = await conversationWith({
      status: 'NEEDS_REVIEW',
      suggestions: [{ status: 'PENDING', confidence: 0.8, at: new Date(START.getTime() - 1000) }],
    });
    const id = gid('Conversation', conversation.id);
    const mine = collectEvents(app);
    const theirs = collectEvents(app, other.id);

    // Reject the waiting draft, archive (with a second one waiting: withdrawn), unarchive, outcome, snooze, unsnooze.
    const first = await prisma.aISuggestion.findFirstOrThrow({ where: { conversationId: conversation.id } });
    await app.execute(Reject, { input: { suggestionId: gid('AISuggestion', first.id), reason: 'off' } });
    const second = await prisma.aISuggestion.create({
      data: { accountId: devAccountId, conversationId: conversation.id, status: 'PENDING', subject: 's', body: 'b', confidence: 0.5, provider: 'offline', model: 'offline' },
    });
    await app.execute(Archive, { input: { conversationId: id, reason: 'done' } });
    await app.execute(Unarchive, { input: { conversationId: id } });
    await app.execute(Outcome, { input: { conversationId: id, outcome: 'WON' } });
    await app.execute(Snooze, { input: { conversationId: id, until: new Date(clock.getTime() + 60_000).toISOString() } });
    await app.execute(Unsnooze, { input: { conversationId: id } });
    // A suggested action answered.
    await prisma.conversation.update({
      where: { id: conversation.id },
      data: { suggestedAction: 'MARK_DO_NOT_CONTACT', suggestedActionReason: 'maybe', suggestedActionConfidence: 0.5, suggestedActionAt: clock },
    });
    await app.execute(Resolve, { input: { conversationId: id, decision: 'DISMISS' } });
    // Delivery events on a sent email: delivered, opened, clicked, bounced; the duplicate is not announced.
    const sent = await prisma.conversationMessage.create({
      data: {
        accountId: devAccountId, conversationId: conversation.id, direction: 'OUTBOUND', fromEmail: 'sales@parley.example.com', toEmail: 'lead@example.com',
        subject: 'Hi', textBody: 'Hi', providerMessageId: randomUUID(), idempotencyKey: randomUUID(), deliveryStatus: 'SENT', sentAt: clock,
      },
    });
    const provider = { services: app.services, actor: 'system:postmark-events' };
    const base = { providerMessageId: sent.providerMessageId!, raw: {} };
    await recordDeliveryEvent(provider, { ...base, kind: 'Delivery', occurredAt: new Date(START.getTime() + 1000) });
    await recordDeliveryEvent(provider, { ...base, kind: 'Delivery', occurredAt: new Date(START.getTime() + 1000) });
    await recordDeliveryEvent(provider, { ...base, kind: 'Open', occurredAt: new Date(START.getTime() + 2000) });
    await recordDeliveryEvent(provider, { ...base, kind: 'Click', link: 'https://example.com/a', occurredAt: new Date(START.getTime() + 3000) });
    await recordDeliveryEvent(provider, { ...base, kind: 'Bounce', bounceType: 'HardBounce', description: 'gone', inactive: true, occurredAt: new Date(START.getTime() + 4000) });
    await mine.settle();
    await mine.stop();
    await theirs.settle();
    await theirs.stop();

    expect(types(mine.events, conversation.id)).toEqual([
      'SUGGESTION_REJECTED',
      'ARCHIVED',
      'SUGGESTION_WITHDRAWN',
      'UNARCHIVED',
      'OUTCOME_SET',
      'SNOOZED',
      'UNSNOOZED',
      'SUGGESTED_ACTION_RESOLVED',
      'DELIVERY',
      'DELIVERY',
      'DELIVERY',
      'DELIVERY',
    ]);
    const ofConversation = mine.events.filter((e) => e.conversationId === conversation.id);
    expect(ofConversation.find((e) => e.type === 'SUGGESTION_WITHDRAWN')).toMatchObject({ suggestionId: second.id });
    expect(ofConversation.filter((e) => e.type === 'DELIVERY').map((e) => e.type === 'DELIVERY' && [e.kind, e.leadBlocked])).toEqual([
      ['DELIVERED', false],
      ['OPENED', false],
      ['CLICKED', false],
      ['BOUNCED', true],
    ]);
    const cursors = ofConversation.map((e) => BigInt(e.cursor));
    expect([...cursors].sort((x, y) => (x < y ? -1 : 1))).toEqual(cursors);
    expect(new Set(cursors).size).toBe(cursors.length);
    expect(theirs.events).toEqual([]);
    expect(types(mine.events, otherConversation.id)).toEqual([]);
    // The log holds exactly what was published, in the same order, for this account only.
    const logged = await readEventLog(domainContext(app.services, devAccountId, 'test'), {
      after: cursors[0]! - 1n,
      limit: 100,
      conversationId: conversation.id,
    });
    expect(logged).toEqual(ofConversation);
    expect(await prisma.eventLogEntry.count({ where: { accountId: other.id } })).toBe(0);
  });
});

describe('the event log', () => {
  it('numbers concurrent transactions so that every read sees a gap-free prefix', async () => {
    const ctx = domainContext(app.services, app.services.devAccountId, 'test');
    const conversation = await conversationWith();
    const head = await app.services.prisma.eventLogHead.findUniqueOrThrow({ where: { accountId: app.services.devAccountId } });
    let last = head.lastCursor;
    const seen: bigint[] = [];
    let writing = true;
    const writers = Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        publishEvents(ctx, [
          { type: 'OUTCOME_SET', accountId: ctx.viewer.accountId, conversationId: conversation.id, at: clock.toISOString(), outcome: 'WON', previousOutcome: `${i}` },
        ]),
      ),
    ).finally(() => (writing = false));
    // A reader that moves its position to the newest cursor it saw must never skip one.
    for (;;) {
      const done = !writing;
      const page = await readEventLog(ctx, { after: last, limit: 1000 });
      for (const event of page) {
        expect(BigInt(event.cursor)).toBe(last + 1n);
        last = BigInt(event.cursor);
        seen.push(last);
      }
      if (done) break;
    }
    await writers;
    expect(seen).toHaveLength(40);
  });

  it('refuses a cursor that is not one, one beyond the newest, and one older than the window (CURSOR_EXPIRED)', async () => {
    const ctx = domainContext(app.services, app.services.devAccountId, 'test');
    const head = await app.services.prisma.eventLogHead.findUniqueOrThrow({ where: { accountId: app.services.devAccountId } });
    await expect(readEventLog(ctx, { after: head.lastCursor + 1n, limit: 10 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    for (const bad of ['', '-1', 'abc', '1e3', '99999999999999999999', '1; DROP TABLE x']) expect(() => parseCursor(bad)).toThrow(/not an event cursor/);
    // Eight days on, a prune deletes everything older than the seven-day window.
    clock = new Date(Date.now() + 8 * 86_400_000);
    expect((await pruneEventLog({ services: app.services, actor: 'test' })).deleted).toBeGreaterThan(0);
    await expect(readEventLog(ctx, { after: 0n, limit: 10 })).rejects.toMatchObject({ code: 'CURSOR_EXPIRED' });
    await expect(readEventLog(ctx, { after: head.lastCursor, limit: 10 })).resolves.toEqual([]);
    clock = START;
  });
});

const OnEvents = graphql(`
  subscription ReplayEvents($since: String, $conversationId: ID) {
    conversationEvents(since: $since, conversationId: $conversationId) {
      __typename
      ... on ArchivedEvent { cursor reason conversation { id status } }
      ... on UnarchivedEvent { cursor status }
      ... on OutcomeSetEvent { cursor outcome previousOutcome }
      ... on SnoozedEvent { cursor until snoozeReason }
      ... on UnsnoozedEvent { cursor status }
      ... on NewReplyEvent { cursor }
    }
  }
`);

type Next = { data?: { conversationEvents?: { __typename: string; cursor?: string } } | null; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] };

describe('conversationEvents(since:) over graphql-ws and SSE', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  const call = async (document: { toString(): string }, variables: Record<string, unknown>) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.running.app.services.devToken}` },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
    return (await response.json()) as { data?: Record<string, { __typename: string }> };
  };

  function wsClient() {
    return createWsClient({
      url: server.wsUrl,
      webSocketImpl: WebSocket,
      lazy: true,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${server.running.app.services.devToken}` },
    });
  }
  function sseClient() {
    return createSseClient({
      url: `${server.url}/graphql`,
      singleConnection: false,
      retryAttempts: 0,
      headers: { authorization: `Bearer ${server.running.app.services.devToken}` },
    });
  }

  /** Takes results one at a time from a subscription. */
  function reader(iterable: AsyncIterable<unknown>) {
    const iterator = iterable[Symbol.asyncIterator]() as AsyncIterator<Next>;
    return {
      next: async () => (await iterator.next()).value as Next,
      close: () => iterator.return?.(),
    };
  }

  const activeSubscriptions = (n: number) => waitFor(() => server.running.app.services.events.activeSubscriptions() >= n);

  for (const transport of ['graphql-ws', 'SSE'] as const) {
    it(`${transport}: a subscriber that was away gets every missed event in order, then live ones, none twice`, async () => {
      const { prisma, devAccountId } = server.running.app.services;
      const lead = await createLead(prisma, devAccountId);
      const conversation = await createConversation(prisma, devAccountId, lead.id, {
        messages: [{ direction: 'INBOUND', at: new Date(Date.now() - 60_000), text: 'Hello' }],
      });
      const id = gid('Conversation', conversation.id);
      const client = transport === 'graphql-ws' ? wsClient() : sseClient();
      const subscribe = (variables: Record<string, unknown>) =>
        reader(client.iterate({ query: OnEvents.toString(), variables }) as AsyncIterable<unknown>);
      try {
        // Connected: one live event, and its cursor.
        const before = server.running.app.services.events.activeSubscriptions();
        const first = subscribe({ conversationId: id });
        const firstNext = first.next();
        await activeSubscriptions(before + 1);
        await call(Archive, { input: { conversationId: id, reason: 'for now' } });
        const archived = (await firstNext).data!.conversationEvents!;
        expect(archived).toMatchObject({ __typename: 'ArchivedEvent', reason: 'for now', conversation: { id, status: 'ARCHIVED' } });
        await first.close();
        await waitFor(() => server.running.app.services.events.activeSubscriptions() === before);

        // Away: three changes.
        await call(Unarchive, { input: { conversationId: id } });
        await call(Outcome, { input: { conversationId: id, outcome: 'WON' } });
        await call(Snooze, { input: { conversationId: id, until: new Date(Date.now() + 3_600_000).toISOString() } });

        // Back, from the last cursor seen: the three in order, then a live one.
        const again = subscribe({ conversationId: id, since: archived.cursor });
        const replayed = [await again.next(), await again.next(), await again.next()].map((r) => r.data!.conversationEvents!);
        expect(replayed.map((e) => e.__typename)).toEqual(['UnarchivedEvent', 'OutcomeSetEvent', 'SnoozedEvent']);
        expect(replayed[1]).toMatchObject({ outcome: 'WON', previousOutcome: 'NONE' });
        const cursors = [archived, ...replayed].map((e) => BigInt(e.cursor!));
        expect([...cursors].sort((x, y) => (x < y ? -1 : 1))).toEqual(cursors);
        await activeSubscriptions(before + 1);
        const liveNext = again.next();
        await call(Unsnooze, { input: { conversationId: id } });
        const live = (await liveNext).data!.conversationEvents!;
        expect(live).toMatchObject({ __typename: 'UnsnoozedEvent', status: 'ACTIVE' });
        expect(BigInt(live.cursor!)).toBeGreaterThan(cursors.at(-1)!);
        await again.close();

        // A cursor that is not one: a typed error before any event.
        const bad = subscribe({ since: 'not-a-cursor' });
        const refused = await bad.next().catch((errors: Next['errors']) => ({ errors }) as Next);
        expect(refused.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
      } finally {
        await client.dispose();
      }
    });
  }
});
