// Live events through real clients: graphql-ws over WebSocket and graphql-sse over SSE,
// against a real server; filtering, account isolation, rollback, limits, and two instances
// sharing Redis.
import { createClient as createSseClient } from 'graphql-sse';
import { createClient as createWsClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { relay, SlowSubscriberError } from '../src/events/relay.js';
import { graphql } from './gql/index.js';
import { createLocalPostgresDatabase } from './support/database.js';
import { createAccount, createConversation, createLead, gid } from './support/factories.js';
import { devAuth, inboundPayload } from './support/postmark-payloads.js';
import { startTestServer, type TestServer } from './support/server.js';
import { waitFor } from './support/wait.js';

const OnNewReply = graphql(`
  subscription OnNewReply($conversationId: ID) {
    newReply(conversationId: $conversationId) {
      at
      conversation { id subject status }
      email { direction strippedText }
    }
  }
`);

const OnAnyEvent = graphql(`
  subscription OnAnyEvent {
    conversationEvents {
      __typename
      ... on NewReplyEvent { conversation { id } email { strippedText } }
      ... on AIReadyEvent { confidence }
    }
  }
`);

type Next = { data?: Record<string, unknown> | null; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] };

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

function wsClient(url = server.wsUrl, token = server.running.app.services.devToken): Client {
  return createWsClient({ url, webSocketImpl: WebSocket, lazy: true, retryAttempts: 0, connectionParams: { authorization: `Bearer ${token}` } });
}

/** Collects what a subscription yields until `count` results arrived or it ended. */
function collect(iterable: AsyncIterable<Next>, count: number) {
  const results: Next[] = [];
  const iterator = iterable[Symbol.asyncIterator]();
  const done = (async () => {
    while (results.length < count) {
      const next = await iterator.next();
      if (next.done) break;
      results.push(next.value);
    }
    await iterator.return?.();
    return results;
  })();
  return { results, done };
}

/**
 * Resolves once the server has `n` live subscriptions (subscribing is asynchronous). A state
 * awaited, not a delay: only the test timeout bounds it, so a loaded machine just takes longer.
 */
async function subscribers(n: number, target: TestServer = server) {
  await waitFor(() => target.running.app.services.events.activeSubscriptions() >= n);
  expect(target.running.app.services.events.activeSubscriptions()).toBeGreaterThanOrEqual(n);
}

async function postInbound(body: unknown, target: TestServer = server, query = '') {
  const response = await fetch(`${target.url}/webhooks/postmark/inbound${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: devAuth },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

async function conversationIn(target: TestServer, accountId: string, subject: string) {
  const { prisma } = target.running.app.services;
  const lead = await createLead(prisma, accountId);
  return createConversation(prisma, accountId, lead.id, { subject, messages: [{ direction: 'OUTBOUND', at: new Date() }] });
}

describe('subscriptions over WebSocket (graphql-ws)', () => {
  it('delivers newReply with the conversation in its new state', async () => {
    const { devAccountId } = server.running.app.services;
    const conversation = await conversationIn(server, devAccountId, 'Kitchen remodel');
    const client = wsClient();
    try {
      const before = server.running.app.services.events.activeSubscriptions();
      const sub = collect(client.iterate({ query: OnNewReply.toString() }) as AsyncIterable<Next>, 1);
      await subscribers(before + 1);
      await postInbound(inboundPayload({ mailboxHash: conversation.replyHash, stripped: 'Yes please' }));
      const [event] = await sub.done;
      expect(event?.errors).toBeUndefined();
      expect(event?.data?.newReply).toMatchObject({
        conversation: { id: gid('Conversation', conversation.id), subject: 'Kitchen remodel', status: 'NEEDS_REVIEW' },
        email: { direction: 'INBOUND', strippedText: 'Yes please' },
      });
    } finally {
      await client.dispose();
    }
  });

  it('filters by conversationId and never shows another account', async () => {
    const { devAccountId, prisma } = server.running.app.services;
    const watched = await conversationIn(server, devAccountId, 'Watched');
    const other = await conversationIn(server, devAccountId, 'Other');
    const foreignAccount = await createAccount(prisma);
    const foreign = await conversationIn(server, foreignAccount.id, 'Foreign');
    const client = wsClient();
    try {
      const before = server.running.app.services.events.activeSubscriptions();
      const filtered = collect(client.iterate({ query: OnNewReply.toString(), variables: { conversationId: gid('Conversation', watched.id) } }) as AsyncIterable<Next>, 1);
      const all = collect(client.iterate({ query: OnAnyEvent.toString() }) as AsyncIterable<Next>, 2);
      await subscribers(before + 2);
      await postInbound(inboundPayload({ mailboxHash: foreign.replyHash, stripped: 'foreign' }));
      await postInbound(inboundPayload({ mailboxHash: other.replyHash, stripped: 'other' }));
      await postInbound(inboundPayload({ mailboxHash: watched.replyHash, stripped: 'watched' }));
      const [only] = await filtered.done;
      expect(only?.data?.newReply).toMatchObject({ email: { strippedText: 'watched' } });
      const events = await all.done;
      expect(events.map((e) => (e.data?.conversationEvents as { email: { strippedText: string } }).email.strippedText)).toEqual(['other', 'watched']);
    } finally {
      await client.dispose();
    }
  });

  it("refuses to subscribe to another account's conversation", async () => {
    const foreignAccount = await createAccount(server.running.app.services.prisma);
    const foreign = await conversationIn(server, foreignAccount.id, 'Not yours');
    const client = wsClient();
    try {
      const iterator = client.iterate({ query: OnNewReply.toString(), variables: { conversationId: gid('Conversation', foreign.id) } });
      const outcome = await iterator.next().then((r) => r.value, (errors: unknown) => errors);
      expect(JSON.stringify(outcome)).toContain('NOT_FOUND');
      expect(JSON.stringify(outcome)).not.toContain('Not yours');
    } finally {
      await client.dispose();
    }
  });

  it('publishes nothing for a mutation that was rolled back', async () => {
    const { devAccountId, prisma } = server.running.app.services;
    const conversation = await conversationIn(server, devAccountId, 'Rolled-back approval');
    const inbound = await prisma.conversationMessage.create({
      data: { accountId: devAccountId, conversationId: conversation.id, direction: 'INBOUND', fromEmail: 'lead@example.com', toEmail: 'us@example.com', subject: 'Re', textBody: 'Yes', deliveryStatus: 'RECEIVED', receivedAt: new Date() },
    });
    const draft = await prisma.aISuggestion.create({
      data: { accountId: devAccountId, conversationId: conversation.id, inReplyToId: inbound.id, subject: 'Re', body: 'Great.', confidence: 0.8, provider: 'offline', model: 'offline' },
    });
    const client = wsClient();
    const received: Next[] = [];
    let arrived!: () => void;
    const firstArrived = new Promise<void>((resolve) => (arrived = resolve));
    const iterator = client.iterate({ query: 'subscription { conversationEvents { __typename } }' }) as AsyncIterableIterator<Next>;
    void (async () => {
      for await (const r of iterator) {
        received.push(r);
        arrived();
      }
    })().catch(() => undefined);
    try {
      await subscribers(1);
      // The claim transaction writes the outbound row last: make that write fail.
      await prisma.$executeRawUnsafe('ALTER TABLE outbound_emails RENAME TO outbound_emails_unavailable');
      try {
        const response = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${server.running.app.services.devToken}` },
          body: JSON.stringify({ query: 'mutation ($input: ApproveSuggestionInput!) { approveSuggestion(input: $input) { __typename } }', variables: { input: { suggestionId: gid('AISuggestion', draft.id) } } }),
        });
        expect(JSON.stringify(await response.json())).toContain('INTERNAL_SERVER_ERROR');
      } finally {
        await prisma.$executeRawUnsafe('ALTER TABLE outbound_emails_unavailable RENAME TO outbound_emails');
      }
      expect(await prisma.aISuggestion.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ status: 'PENDING' });
      // A committed event afterwards arrives first: nothing came from the rolled-back approval.
      await postInbound(inboundPayload({ mailboxHash: conversation.replyHash, stripped: 'after' }));
      await firstArrived;
      expect(received.map((r) => (r.data?.conversationEvents as { __typename: string }).__typename)).toEqual(['NewReplyEvent']);
    } finally {
      await iterator.return?.();
      await client.dispose();
    }
  });

  it('publishes nothing for work that was rolled back', async () => {
    const { devAccountId, prisma } = server.running.app.services;
    const conversation = await conversationIn(server, devAccountId, 'Rollback');
    const client = wsClient();
    try {
      const before = server.running.app.services.events.activeSubscriptions();
      const sub = collect(client.iterate({ query: OnNewReply.toString() }) as AsyncIterable<Next>, 1);
      await subscribers(before + 1);
      // The job insert is the last step of the inbound transaction: make it fail.
      await prisma.$executeRawUnsafe('ALTER TABLE jobs RENAME TO jobs_unavailable');
      try {
        const failed = await postInbound(inboundPayload({ mailboxHash: conversation.replyHash, stripped: 'lost in rollback' }));
        expect(failed.status).toBe(503);
      } finally {
        await prisma.$executeRawUnsafe('ALTER TABLE jobs_unavailable RENAME TO jobs');
      }
      expect(await prisma.conversationMessage.count({ where: { strippedText: 'lost in rollback' } })).toBe(0);
      await postInbound(inboundPayload({ mailboxHash: conversation.replyHash, stripped: 'committed' }));
      const [event] = await sub.done;
      expect(event?.data?.newReply).toMatchObject({ email: { strippedText: 'committed' } });
    } finally {
      await client.dispose();
    }
  });

  it('limits operations per connection', async () => {
    const { MAX_SUBSCRIPTIONS_PER_CONNECTION } = await import('../src/ws.js');
    const client = wsClient();
    try {
      const iterators = Array.from({ length: MAX_SUBSCRIPTIONS_PER_CONNECTION + 1 }, () => client.iterate({ query: OnNewReply.toString() }));
      const outcomes = iterators.map((it) => it.next().then(() => 'event', (errors: unknown) => JSON.stringify(errors)));
      // The one over the limit is refused at once; the others stay open (no event comes).
      const refused = await Promise.race(outcomes);
      expect(refused).toContain('TOO_MANY_SUBSCRIPTIONS');
      await subscribers(MAX_SUBSCRIPTIONS_PER_CONNECTION);
      await Promise.all(iterators.map((it) => it.return?.()));
    } finally {
      await client.dispose();
    }
  });

  it('refuses connection_init without valid credentials with 4403', async () => {
    for (const payload of [{}, { authorization: 'Bearer not-a-token' }]) {
      const socket = new WebSocket(server.wsUrl, 'graphql-transport-ws');
      await new Promise((resolve) => socket.once('open', resolve));
      socket.send(JSON.stringify({ type: 'connection_init', payload }));
      const code = await new Promise<number>((resolve) => socket.on('close', (c) => resolve(c)));
      expect(code).toBe(4403);
    }
  });

  it('closes a connection that never sends connection_init with 4408', async () => {
    const socket = new WebSocket(server.wsUrl, 'graphql-transport-ws');
    const code = await new Promise<number>((resolve) => socket.on('close', (c) => resolve(c)));
    expect(code).toBe(4408);
  });
});

describe('connection lifecycle', () => {
  it('drops a peer that stops answering pings, and closes the rest cleanly (1001) on shutdown', async () => {
    const own = await startTestServer({ env: { WS_HEARTBEAT_MS: '100' } });
    try {
      const dead = new WebSocket(own.wsUrl, 'graphql-transport-ws', { autoPong: false });
      const live = new WebSocket(own.wsUrl, 'graphql-transport-ws');
      const deadClosed = new Promise<number>((resolve) => dead.on('close', (code) => resolve(code)));
      const liveClosed = new Promise<number>((resolve) => live.on('close', (code) => resolve(code)));
      await Promise.all([dead, live].map((s) => new Promise((resolve) => s.once('open', resolve))));
      const init = JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${own.running.app.services.devToken}` } });
      live.send(init);
      dead.send(init);
      // Terminated by the heartbeat (no close frame): 1006.
      expect(await deadClosed).toBe(1006);
      await own.close();
      expect(await liveClosed).toBe(1001);
    } finally {
      await own.close().catch(() => undefined);
    }
  });
});

describe('subscriptions over SSE (graphql-sse, distinct connections)', () => {
  it('delivers the union stream to an SSE client', async () => {
    const { devAccountId } = server.running.app.services;
    const conversation = await conversationIn(server, devAccountId, 'SSE');
    const client = createSseClient({
      url: `${server.url}/graphql`,
      singleConnection: false,
      retryAttempts: 0,
      headers: { authorization: `Bearer ${server.running.app.services.devToken}` },
    });
    try {
      const before = server.running.app.services.events.activeSubscriptions();
      const sub = collect(client.iterate({ query: OnAnyEvent.toString() }) as AsyncIterable<Next>, 1);
      await subscribers(before + 1);
      await postInbound(inboundPayload({ mailboxHash: conversation.replyHash, stripped: 'over SSE' }));
      const [event] = await sub.done;
      expect(event?.data?.conversationEvents).toMatchObject({
        __typename: 'NewReplyEvent',
        conversation: { id: gid('Conversation', conversation.id) },
        email: { strippedText: 'over SSE' },
      });
    } finally {
      client.dispose();
    }
  });
});

describe('slow subscribers', () => {
  it('ends a subscription whose reader falls more than the limit behind', async () => {
    const gauge = { value: 0 };
    let released!: () => void;
    const sourceReleased = new Promise<void>((resolve) => (released = resolve));
    const source = (async function* () {
      try {
        for (let i = 0; i < 1000; i++) yield i;
      } finally {
        released();
      }
    })();
    const stream = relay(source, { limit: 10, gauge });
    const first = await stream.next();
    expect(first.value).toBe(0);
    expect(gauge.value).toBe(1);
    // The reader now stalls while the source keeps producing, until the relay gives up on it
    // (it lets go of the source only then): an event awaited, not a delay.
    await sourceReleased;
    const taken: number[] = [];
    await expect(
      (async () => {
        for await (const value of stream) taken.push(value);
      })(),
    ).rejects.toBeInstanceOf(SlowSubscriberError);
    expect(taken.length).toBeLessThanOrEqual(11);
    expect(gauge.value).toBe(0);
  });
});

describe('two instances sharing Redis', () => {
  it('delivers an event produced on instance A to a subscriber on instance B', async () => {
    const database = await createLocalPostgresDatabase();
    const env = { REDIS_URL: 'redis://127.0.0.1:6379' };
    const a = await startTestServer({ env, database });
    const b = await startTestServer({ env, database });
    const client = wsClient(b.wsUrl, b.running.app.services.devToken);
    try {
      const accountId = a.running.app.services.devAccountId;
      expect(b.running.app.services.devAccountId).toBe(accountId);
      const conversation = await conversationIn(a, accountId, 'Across instances');
      const sub = collect(client.iterate({ query: OnNewReply.toString() }) as AsyncIterable<Next>, 1);
      await subscribers(1, b);
      // Redis SUBSCRIBE is asynchronous too: keep posting distinct replies until one arrives.
      let posted = 0;
      const poster = (async () => {
        // Until one arrives (the test timeout is the bound), not a fixed number of tries.
        while (sub.results.length === 0) {
          await postInbound(inboundPayload({ mailboxHash: conversation.replyHash, stripped: `via A #${++posted}` }), a);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      })();
      const [event] = await sub.done;
      await poster;
      expect(event?.data?.newReply).toMatchObject({ conversation: { subject: 'Across instances' }, email: { strippedText: expect.stringMatching(/^via A #/) } });
      expect(a.running.app.services.events.activeSubscriptions()).toBe(0);

      // An approval on A reaches a `sent` subscriber on B.
      const { prisma } = a.running.app.services;
      const inbound = await prisma.conversationMessage.findFirstOrThrow({ where: { conversationId: conversation.id, direction: 'INBOUND' } });
      const draft = await prisma.aISuggestion.create({
        data: { accountId, conversationId: conversation.id, inReplyToId: inbound.id, subject: 'Re: Across instances', body: 'Thanks, talk soon.', confidence: 0.8, provider: 'offline', model: 'offline' },
      });
      const sent = collect(client.iterate({ query: 'subscription { sent { conversation { subject } cursor } }' }) as AsyncIterable<Next>, 1);
      await subscribers(1, b);
      const approve = await fetch(`${a.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${a.running.app.services.devToken}` },
        body: JSON.stringify({
          query: 'mutation ($input: ApproveSuggestionInput!) { approveSuggestion(input: $input) { __typename } }',
          variables: { input: { suggestionId: gid('AISuggestion', draft.id) } },
        }),
      });
      expect(await approve.json()).toEqual({ data: { approveSuggestion: { __typename: 'ApproveSuggestionPayload' } } });
      const [delivered] = await sent.done;
      // The cursor travels with the event through Redis: it is the event log's row on A.
      const logged = await prisma.eventLogEntry.findFirstOrThrow({ where: { accountId, conversationId: conversation.id, type: 'SENT' } });
      expect(delivered?.data?.sent).toEqual({ conversation: { subject: 'Across instances' }, cursor: String(logged.cursor) });
    } finally {
      await client.dispose();
      await a.close();
      await b.close();
      await database.drop();
    }
  });
});
