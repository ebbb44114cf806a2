// Issue 19's missing events: a lead created (createLead, each new row of an import, a first email
// from a stranger) and updated are account-level events (no conversation: event_log row with a
// NULL conversation_id), sent to webhook endpoints subscribed to LEAD_CREATED / LEAD_UPDATED and
// to `leadEvents` subscribers; a merge and a move are CONVERSATION_MERGED / MESSAGE_MOVED events,
// which a subscription filtered to the conversation the messages left also receives. Another
// account's endpoint and subscribers receive none of them.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient as createWsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.js';
import type { TestApp } from './support/app.js';
import { createAccount, createConversation, createLead, gid, rawId } from './support/factories.js';
import { inboundPayload, postWebhook } from './support/postmark-payloads.js';
import { startTestServer, type TestServer } from './support/server.js';
import { waitFor } from './support/wait.js';
import { verifiesSignature } from './support/webhook-signature.js';

const CreateEndpoint = graphql(`
  mutation CreateEndpointI19($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      __typename
      ... on CreateWebhookEndpointPayload { secret webhookEndpoint { id } }
      ... on Error { code message }
    }
  }
`);
const CreateLeadI19 = graphql(`
  mutation CreateLeadI19($input: CreateLeadInput!) {
    createLead(input: $input) { __typename ... on CreateLeadPayload { lead { id } } ... on Error { code message } }
  }
`);
const UpdateLeadI19 = graphql(`
  mutation UpdateLeadI19($input: UpdateLeadInput!) {
    updateLead(input: $input) { __typename ... on Error { code message } }
  }
`);
const ImportLeadsI19 = graphql(`
  mutation ImportLeadsI19($input: ImportLeadsInput!) {
    importLeads(input: $input) {
      __typename
      ... on ImportLeadsPayload { created updated failed rows { row status lead { id } } }
      ... on Error { code message }
    }
  }
`);
const MergeI19 = graphql(`
  mutation MergeI19($input: MergeConversationsInput!) { mergeConversations(input: $input) { __typename ... on Error { code message } } }
`);
const MoveI19 = graphql(`
  mutation MoveI19($input: MoveMessageInput!) { moveMessage(input: $input) { __typename ... on Error { code message } } }
`);
const LeadEventsI19 = graphql(`
  subscription LeadEventsI19($since: String) {
    leadEvents(since: $since) {
      __typename
      ... on LeadCreatedEvent { cursor leadId via lead { id email } }
      ... on LeadUpdatedEvent { cursor leadId via lead { id company } }
    }
  }
`);
const ThreadEventsI19 = graphql(`
  subscription ThreadEventsI19($conversationId: ID, $since: String) {
    conversationEvents(conversationId: $conversationId, since: $since) {
      __typename
      ... on ConversationMergedEvent { cursor sourceConversationId messagesMoved conversation { id } }
      ... on MessageMovedEvent { cursor fromConversationId split email { id } conversation { id } fromConversation { id } }
    }
  }
`);

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}
interface Body {
  id: string;
  type: string;
  data: Record<string, unknown>;
}

async function startReceiver() {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    bodies: () => received.map((r) => JSON.parse(r.body) as Body),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

// A real server (the subscriptions go over graphql-ws), running the job worker that delivers webhooks.
let server: TestServer;
let app: Pick<TestApp, 'services' | 'worker' | 'yoga' | 'execute' | 'token'>;
const receivers: { close(): Promise<void> }[] = [];
beforeAll(async () => {
  server = await startTestServer({
    env: { JOBS_RUN_WORKER: 'true', WEBHOOKS_ALLOW_HTTP: 'true', WEBHOOKS_ALLOW_PRIVATE_ADDRESSES: 'true' },
    app: { workerOptions: { baseDelayMs: 5, maxDelayMs: 20, pollIntervalMs: 20 } },
  });
  const running = server.running.app;
  const token = running.services.devToken ?? '';
  app = {
    services: running.services,
    worker: running.worker,
    yoga: running.yoga,
    token,
    execute: (async (document: { toString(): string }, variables?: unknown) => {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: document.toString(), variables }),
      });
      return response.json();
    }) as TestApp['execute'],
  };
});
afterEach(async () => {
  await app.services.prisma.webhookEndpoint.deleteMany({});
});
afterAll(async () => {
  await server?.close();
  for (const r of receivers) await r.close();
});

async function endpointFor(url: string, events: string[]) {
  const created = await app.execute(CreateEndpoint, { input: { url, events: events as never } });
  const payload = created.data!.createWebhookEndpoint;
  if (payload.__typename !== 'CreateWebhookEndpointPayload') throw new Error(JSON.stringify(created));
  return { id: payload.webhookEndpoint.id, secret: payload.secret };
}

/** Another account with an endpoint subscribed to everything, written directly. */
async function otherAccountEndpoint(url: string) {
  const other = await createAccount(app.services.prisma);
  await app.services.prisma.webhookEndpoint.create({
    data: {
      accountId: other.id,
      url,
      events: ['LEAD_CREATED', 'LEAD_UPDATED', 'CONVERSATION_MERGED', 'MESSAGE_MOVED', 'NEW_REPLY'],
      secret: `whsec_${randomBytes(32).toString('base64')}`,
    },
  });
  return other;
}

function wsClient() {
  return createWsClient({
    url: server.wsUrl,
    webSocketImpl: WebSocket,
    lazy: true,
    retryAttempts: 0,
    connectionParams: { authorization: `Bearer ${app.token}` },
  });
}

/** Collects a subscription's results until closed. */
function collect<T>(iterable: AsyncIterable<unknown>) {
  const results: T[] = [];
  const iterator = iterable[Symbol.asyncIterator]();
  const done = (async () => {
    for (;;) {
      const next = await iterator.next().catch((error: unknown) => ({ done: true, value: error }));
      if (next.done) return;
      results.push(next.value as T);
    }
  })();
  return { results, close: async () => (await iterator.return?.(), await done) };
}

describe('LEAD_CREATED and LEAD_UPDATED', () => {
  it('reach an endpoint subscribed to them, signed, for createLead, each new import row and a stranger\'s first email; never another account', async () => {
    const { prisma, devAccountId } = app.services;
    const receiver = await startReceiver();
    const foreign = await startReceiver();
    receivers.push(receiver, foreign);
    const endpoint = await endpointFor(receiver.url, ['LEAD_CREATED']);
    const updates = await startReceiver();
    receivers.push(updates);
    await endpointFor(updates.url, ['LEAD_UPDATED']);
    const other = await otherAccountEndpoint(foreign.url);
    const head = async () => (await prisma.eventLogHead.findUnique({ where: { accountId: devAccountId } }))?.lastCursor ?? 0n;
    const start = await head();

    // createLead
    const created = await app.execute(CreateLeadI19, { input: { email: 'i19.api@example.com', name: 'Api Lead' } });
    if (created.data?.createLead.__typename !== 'CreateLeadPayload') throw new Error(JSON.stringify(created));
    const apiLeadId = created.data.createLead.lead.id;

    // An import: two new addresses, one row for a lead the account has, one repeat of a new
    // row (an update of it, not a second lead) and a bad row.
    const known = await createLead(prisma, devAccountId, { email: 'i19.known@example.com', emailKey: 'i19.known@example.com' });
    const imported = await app.execute(ImportLeadsI19, {
      input: {
        csv: ['email,name,company', 'i19.new1@example.com,New One,', 'i19.known@example.com,,Known Co', 'i19.new2@example.com,New Two,', 'I19.NEW1@example.com,,One Co', 'not-an-address,Bad,'].join('\n'),
      },
    });
    const result = imported.data!.importLeads;
    if (result.__typename !== 'ImportLeadsPayload') throw new Error(JSON.stringify(imported));
    expect(result).toMatchObject({ created: 2, updated: 2, failed: 1 });
    const newImported = result.rows.filter((r) => r.status === 'CREATED').map((r) => r.lead!.id);

    // A stranger writes in: a new lead; a known lead writing again creates none.
    expect((await postWebhook(app as TestApp, 'inbound', inboundPayload({ from: 'i19.stranger@example.org', subject: 'Hello there' }))).status).toBe(200);
    expect((await postWebhook(app as TestApp, 'inbound', inboundPayload({ from: 'i19.known@example.com', subject: 'Again' }))).status).toBe(200);
    const stranger = await prisma.lead.findFirstOrThrow({ where: { accountId: devAccountId, email: 'i19.stranger@example.org' } });

    // updateLead
    expect((await app.execute(UpdateLeadI19, { input: { leadId: apiLeadId, company: 'Api Co' } })).data?.updateLead.__typename).toBe('UpdateLeadPayload');

    await app.worker!.idle();
    await waitFor(() => receiver.received.length >= 4 && updates.received.length >= 2);
    await app.worker!.idle();

    const createdBodies = receiver.bodies();
    expect(createdBodies.map((b) => b.type)).toEqual(['LEAD_CREATED', 'LEAD_CREATED', 'LEAD_CREATED', 'LEAD_CREATED']);
    const byLead = (a: { leadId?: unknown }, b: { leadId?: unknown }) => String(a.leadId).localeCompare(String(b.leadId));
    expect(createdBodies.map((b) => b.data).sort(byLead)).toEqual(
      [{ leadId: apiLeadId, via: 'API' }, ...newImported.map((leadId) => ({ leadId, via: 'IMPORT' })), { leadId: gid('Lead', stranger.id), via: 'INBOUND_EMAIL' }].sort(byLead),
    );
    for (const post of receiver.received) expect(verifiesSignature(endpoint.secret, post.headers, post.body)).toBe(true);
    // No conversation id on an account-level event.
    for (const body of createdBodies) expect(body.data).not.toHaveProperty('conversationId');

    // The updates, one per lead changed: the import's known lead, and updateLead. Row 5 repeats
    // row 2's address: the lead row 2 creates, with row 5's values (one LEAD_CREATED, no update).
    const updatedIds = updates.bodies().map((b) => b.data.leadId);
    expect(updates.bodies().every((b) => b.type === 'LEAD_UPDATED')).toBe(true);
    expect(result.rows.find((r) => r.row === 5)!.lead!.id).toBe(result.rows.find((r) => r.row === 2)!.lead!.id);
    expect([...updatedIds].sort()).toEqual([gid('Lead', known.id), apiLeadId].sort());

    // In the event log: one row per lead event, with no conversation.
    const logged = await prisma.eventLogEntry.findMany({ where: { accountId: devAccountId, cursor: { gt: start }, type: { in: ['LEAD_CREATED', 'LEAD_UPDATED'] } }, orderBy: { cursor: 'asc' } });
    expect(logged.map((e) => e.type)).toEqual(['LEAD_CREATED', 'LEAD_CREATED', 'LEAD_UPDATED', 'LEAD_CREATED', 'LEAD_CREATED', 'LEAD_UPDATED']);
    expect(logged.every((e) => e.conversationId === null)).toBe(true);

    // The other account's endpoint got nothing of ours, though it listens to every kind...
    expect(foreign.received).toEqual([]);
    // ... and does get its own account's new lead (so it is a working endpoint).
    await postWebhook(app as TestApp, 'inbound', inboundPayload({ from: 'i19.other@example.org' }), { query: `?account=${other.slug}` });
    await app.worker!.idle();
    await waitFor(() => foreign.received.length >= 2);
    const theirs = foreign.bodies();
    expect(theirs.map((b) => b.type).sort()).toEqual(['LEAD_CREATED', 'NEW_REPLY']);
    const theirLead = await prisma.lead.findFirstOrThrow({ where: { accountId: other.id } });
    expect(theirs.find((b) => b.type === 'LEAD_CREATED')!.data).toEqual({ leadId: gid('Lead', theirLead.id), via: 'INBOUND_EMAIL' });
  });

  it('an import of 1,000 new rows logs 1,000 LEAD_CREATED events and writes 1,000 webhook deliveries with the leads', async () => {
    const { prisma, devAccountId } = app.services;
    const receiver = await startReceiver();
    receivers.push(receiver);
    await endpointFor(receiver.url, ['LEAD_CREATED']);
    const before = await prisma.eventLogEntry.count({ where: { accountId: devAccountId, type: 'LEAD_CREATED' } });
    const startedAt = new Date();
    const rows = Array.from({ length: 1000 }, (_, i) => `bulk-${i}@i19.example,Bulk ${i}`);
    const imported = await app.execute(ImportLeadsI19, { input: { csv: ['email,name', ...rows].join('\n') } });
    expect(imported.data?.importLeads).toMatchObject({ __typename: 'ImportLeadsPayload', created: 1000 });
    expect(await prisma.eventLogEntry.count({ where: { accountId: devAccountId, type: 'LEAD_CREATED' } })).toBe(before + 1000);
    expect(await prisma.webhookDelivery.count({ where: { accountId: devAccountId, eventType: 'LEAD_CREATED', payload: { contains: '"via":"IMPORT"' }, createdAt: { gte: startedAt } } })).toBe(1000);
    // Each reaches the receiver once (and none is still in flight when the endpoint goes).
    await waitFor(() => receiver.received.length >= 1000);
    await app.worker!.idle();
    expect(new Set(receiver.bodies().map((b) => b.data.leadId)).size).toBe(1000);
  });
});

describe('leadEvents subscription', () => {
  it('delivers LeadCreatedEvent and LeadUpdatedEvent of the account, and replays them from a cursor', async () => {
    const client = wsClient();
    const before = app.services.events.activeSubscriptions();
    try {
      const live = collect<{ data?: { leadEvents?: { __typename: string; cursor: string; leadId: string; via: string; lead: { id: string; email?: string; company?: string } | null } } }>(
        client.iterate({ query: LeadEventsI19.toString() }) as AsyncIterable<unknown>,
      );
      await waitFor(() => app.services.events.activeSubscriptions() >= before + 1);
      // Another account's new lead first: never seen here.
      const other = await createAccount(app.services.prisma);
      await postWebhook(app as TestApp, 'inbound', inboundPayload({ from: 'i19.sub.other@example.org' }), { query: `?account=${other.slug}` });
      const created = await app.execute(CreateLeadI19, { input: { email: 'i19.sub@example.com' } });
      if (created.data?.createLead.__typename !== 'CreateLeadPayload') throw new Error(JSON.stringify(created));
      const leadId = created.data.createLead.lead.id;
      await app.execute(UpdateLeadI19, { input: { leadId, company: 'Sub Co' } });
      await waitFor(() => live.results.length >= 2);
      await live.close();
      const events = live.results.map((r) => r.data!.leadEvents!);
      expect(events).toMatchObject([
        { __typename: 'LeadCreatedEvent', leadId, via: 'API', lead: { id: leadId, email: 'i19.sub@example.com' } },
        { __typename: 'LeadUpdatedEvent', leadId, via: 'API', lead: { id: leadId, company: 'Sub Co' } },
      ]);
      expect(BigInt(events[1]!.cursor)).toBeGreaterThan(BigInt(events[0]!.cursor));

      // Replay from before the creation: the same two, from the log.
      const replay = collect<{ data?: { leadEvents?: { __typename: string; leadId: string } } }>(
        client.iterate({ query: LeadEventsI19.toString(), variables: { since: String(BigInt(events[0]!.cursor) - 1n) } }) as AsyncIterable<unknown>,
      );
      await waitFor(() => replay.results.length >= 2);
      await replay.close();
      expect(replay.results.map((r) => r.data!.leadEvents!.__typename)).toEqual(['LeadCreatedEvent', 'LeadUpdatedEvent']);
    } finally {
      await client.dispose();
    }
  });
});

describe('merge and split events', () => {
  async function twoThreads() {
    const { prisma, devAccountId } = app.services;
    const lead = await createLead(prisma, devAccountId);
    const target = await createConversation(prisma, devAccountId, lead.id, { messages: [{ direction: 'OUTBOUND', at: new Date('2026-11-20T09:00:00Z') }] });
    const source = await createConversation(prisma, devAccountId, lead.id, {
      messages: [
        { direction: 'INBOUND', at: new Date('2026-11-21T09:00:00Z') },
        { direction: 'INBOUND', at: new Date('2026-11-21T10:00:00Z') },
      ],
    });
    return { target, source };
  }

  it('mergeConversations and moveMessage reach a subscriber of the conversation the messages left, and a webhook endpoint', async () => {
    const { prisma } = app.services;
    const receiver = await startReceiver();
    const foreign = await startReceiver();
    receivers.push(receiver, foreign);
    const endpoint = await endpointFor(receiver.url, ['CONVERSATION_MERGED', 'MESSAGE_MOVED']);
    await otherAccountEndpoint(foreign.url);
    const { target, source } = await twoThreads();
    const moved = await prisma.conversationMessage.findFirstOrThrow({ where: { conversationId: source.id }, orderBy: { createdAt: 'desc' } });
    let split = '';
    const client = wsClient();
    const before = app.services.events.activeSubscriptions();
    try {
      type Result = { data?: { conversationEvents?: Record<string, unknown> & { __typename: string } } };
      const onSource = collect<Result>(client.iterate({ query: ThreadEventsI19.toString(), variables: { conversationId: gid('Conversation', source.id) } }) as AsyncIterable<unknown>);
      const onTarget = collect<Result>(client.iterate({ query: ThreadEventsI19.toString(), variables: { conversationId: gid('Conversation', target.id) } }) as AsyncIterable<unknown>);
      await waitFor(() => app.services.events.activeSubscriptions() >= before + 2);

      // Split one email of the source off into a new conversation, then merge the source.
      expect((await app.execute(MoveI19, { input: { messageId: gid('ConversationMessage', moved.id), toConversationId: null } })).data?.moveMessage.__typename).toBe('MoveMessagePayload');
      split = (await prisma.conversationMessage.findUniqueOrThrow({ where: { id: moved.id } })).conversationId;
      expect(split).not.toBe(source.id);
      expect(
        (await app.execute(MergeI19, { input: { sourceId: gid('Conversation', source.id), targetId: gid('Conversation', target.id) } })).data?.mergeConversations.__typename,
      ).toBe('MergeConversationsPayload');

      await waitFor(() => onSource.results.length >= 2 && onTarget.results.length >= 1);
      await onSource.close();
      await onTarget.close();
      const sourceEvents = onSource.results.map((r) => r.data!.conversationEvents!);
      expect(sourceEvents).toMatchObject([
        {
          __typename: 'MessageMovedEvent',
          fromConversationId: gid('Conversation', source.id),
          split: true,
          email: { id: gid('ConversationMessage', moved.id) },
          conversation: { id: gid('Conversation', split) },
          fromConversation: { id: gid('Conversation', source.id) },
        },
        { __typename: 'ConversationMergedEvent', sourceConversationId: gid('Conversation', source.id), messagesMoved: 1, conversation: { id: gid('Conversation', target.id) } },
      ]);
      // The target's subscriber sees the merge (not the split, which did not touch it).
      expect(onTarget.results.map((r) => r.data!.conversationEvents!.__typename)).toEqual(['ConversationMergedEvent']);

      // Replay for the target from before the split: only the merge concerns it.
      const replay = collect<Result>(
        client.iterate({
          query: ThreadEventsI19.toString(),
          variables: { conversationId: gid('Conversation', target.id), since: String(BigInt(sourceEvents[0]!.cursor as string) - 1n) },
        }) as AsyncIterable<unknown>,
      );
      await waitFor(() => replay.results.length >= 1);
      await replay.close();
      expect(replay.results.map((r) => r.data!.conversationEvents!.__typename)).toEqual(['ConversationMergedEvent']);
    } finally {
      await client.dispose();
    }

    await app.worker!.idle();
    await waitFor(() => receiver.received.length >= 2);
    const bodies = receiver.bodies();
    expect(bodies).toEqual([
      {
        id: expect.stringMatching(/^evt_/),
        type: 'MESSAGE_MOVED',
        timestamp: expect.any(String),
        data: { conversationId: gid('Conversation', split), messageId: gid('ConversationMessage', moved.id), fromId: gid('Conversation', source.id), toId: gid('Conversation', split), split: true },
      },
      {
        id: expect.stringMatching(/^evt_/),
        type: 'CONVERSATION_MERGED',
        timestamp: expect.any(String),
        data: { conversationId: gid('Conversation', target.id), sourceId: gid('Conversation', source.id), targetId: gid('Conversation', target.id), messagesMoved: 1 },
      },
    ]);
    for (const post of receiver.received) expect(verifiesSignature(endpoint.secret, post.headers, post.body)).toBe(true);
    expect(foreign.received).toEqual([]);
    expect(rawId(bodies[1]!.data.sourceId as string)).toBe(source.id);
  });
});
