// Redis killed for 15 s under a small load, with two API instances sharing it (and one
// database): both stay up (a rejected publish used to exit the process), each instance's own
// subscribers keep getting its events meanwhile, rate limits still apply (in memory), and once
// Redis is back a new subscriber on one instance receives events produced on the other.
import { createClient as createWsClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { RateLimitedError } from '../src/domain/errors.js';
import { createLocalPostgresDatabase, type TestDatabase } from './support/database.js';
import { createConversation, createLead } from './support/factories.js';
import { ownRedis, type OwnRedis } from './support/own-redis.js';
import { devAuth, inboundPayload } from './support/postmark-payloads.js';
import { startTestServer, type TestServer } from './support/server.js';

const REDIS_PORT = 6392;
const OUTAGE_MS = 15_000;

let redis: OwnRedis;
let database: TestDatabase & { url: string };
let a: TestServer;
let b: TestServer;

beforeAll(async () => {
  redis = await ownRedis(REDIS_PORT);
  await redis.start();
  database = await createLocalPostgresDatabase(6);
  const env = { REDIS_URL: redis.url };
  a = await startTestServer({ env, database });
  b = await startTestServer({ env, database });
}, 120_000);

afterAll(async () => {
  await a?.close();
  await b?.close();
  await database?.drop();
  await redis?.kill();
});

type Next = { data?: { newReply?: { email?: { strippedText?: string } } } | null; errors?: unknown[] };

function subscribe(server: TestServer) {
  const client: Client = createWsClient({
    url: server.wsUrl,
    webSocketImpl: WebSocket,
    lazy: true,
    retryAttempts: 0,
    connectionParams: { authorization: `Bearer ${server.running.app.services.devToken}` },
  });
  const texts: string[] = [];
  const iterator = client.iterate({ query: 'subscription { newReply { email { strippedText } } }' })[Symbol.asyncIterator]();
  const reading = (async () => {
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      const value = next.value as Next;
      if (value.errors) throw new Error(JSON.stringify(value.errors));
      texts.push(value.data?.newReply?.email?.strippedText ?? '');
    }
  })();
  return {
    texts,
    async close() {
      await iterator.return?.();
      await client.dispose();
      await reading;
    },
  };
}

async function postReply(server: TestServer, replyHash: string, text: string) {
  const response = await fetch(`${server.url}/webhooks/postmark/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: devAuth },
    body: JSON.stringify(inboundPayload({ mailboxHash: replyHash, stripped: text })),
  });
  return response.status;
}

async function live(server: TestServer, n: number) {
  await expect.poll(() => server.running.app.services.events.activeSubscriptions()).toBeGreaterThanOrEqual(n);
}

describe('Redis killed for 15 s with two instances under load', () => {
  it('keeps both up, local events and rate limits working, and recovers across instances by itself', async () => {
    const { prisma, devAccountId } = a.running.app.services;
    const lead = await createLead(prisma, devAccountId);
    const conversation = await createConversation(prisma, devAccountId, lead.id, { subject: 'Outage', messages: [{ direction: 'OUTBOUND', at: new Date() }] });
    const onA = subscribe(a);
    await live(a, 1);

    await redis.kill();
    const outageEnds = Date.now() + OUTAGE_MS;
    const statuses: number[] = [];
    let n = 0;
    // A small, bounded load on both instances: each reply publishes an event.
    while (Date.now() < outageEnds && n < 100) {
      n++;
      statuses.push(await postReply(a, conversation.replyHash, `outage A #${n}`));
      statuses.push(await postReply(b, conversation.replyHash, `outage B #${n}`));
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(statuses.every((s) => s === 200)).toBe(true);
    for (const server of [a, b]) expect((await fetch(`${server.url}/health`)).status).toBe(200);
    // Redis down: instance A's events still reach A's own subscriber.
    await expect.poll(() => onA.texts.filter((t) => t.startsWith('outage A #')).length).toBe(n);
    expect(a.running.app.services.events.reach()).toBe('local');
    // Rate limits still count, in memory, while Redis is down.
    const key = `outage-limit-${Date.now()}`;
    for (let i = 0; i < 10; i++) await a.running.app.services.rateLimits.consume('regenerateSuggestion', key);
    await expect(a.running.app.services.rateLimits.consume('regenerateSuggestion', key)).rejects.toBeInstanceOf(RateLimitedError);

    await redis.start();
    await expect.poll(() => [a, b].map((s) => s.running.app.services.events.reach()), { interval: 100 }).toEqual(['redis', 'redis']);
    // A new subscriber on B gets what is produced on A: the two instances share events again.
    const onB = subscribe(b);
    await live(b, 1);
    let posted = 0;
    // Until one arrives, however long resubscribing takes on a loaded machine: the test timeout is the bound.
    while (!onB.texts.some((t) => t.startsWith('after A #'))) {
      expect(await postReply(a, conversation.replyHash, `after A #${++posted}`)).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(onB.texts.some((t) => t.startsWith('after A #'))).toBe(true);
    // And limits are shared through Redis again: a fresh key counts across both instances.
    const shared = `shared-limit-${Date.now()}`;
    for (let i = 0; i < 5; i++) await a.running.app.services.rateLimits.consume('regenerateSuggestion', shared);
    for (let i = 0; i < 5; i++) await b.running.app.services.rateLimits.consume('regenerateSuggestion', shared);
    await expect(b.running.app.services.rateLimits.consume('regenerateSuggestion', shared)).rejects.toBeInstanceOf(RateLimitedError);
    await onA.close();
    await onB.close();
  }, OUTAGE_MS + 120_000);
});
