// Subscriptions during a PostgreSQL outage (issue 13), on a server of the test's own: a
// subscription whose database is down ends with the same typed, retryable SERVICE_UNAVAILABLE
// error that HTTP answers, never a closed connection (4500) or a silent end.
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOwnPostgres, type OwnPostgres } from './support/own-postgres.js';
import { startTestServer, type TestServer } from './support/server.js';
import { waitFor } from './support/wait.js';

const PORT = 5453;

let pgServer: OwnPostgres;
let server: TestServer;

beforeAll(async () => {
  pgServer = await startOwnPostgres(PORT);
  server = await startTestServer({
    database: { config: { kind: 'postgres', url: pgServer.url, poolSize: 4 }, drop: async () => undefined },
  });
}, 180_000);

afterAll(async () => {
  await server?.close().catch(() => undefined);
  await pgServer?.destroy();
});

function wsClient(closes: unknown[]): Client {
  return createClient({
    url: server.wsUrl,
    webSocketImpl: WebSocket,
    lazy: true,
    retryAttempts: 0,
    connectionParams: { authorization: `Bearer ${server.running.app.services.devToken}` },
    on: { closed: (event) => closes.push((event as { code?: number }).code) },
  });
}

type Outcome = { next: unknown[]; error?: unknown; completed: boolean };

async function run(client: Client, query: string): Promise<Outcome> {
  const outcome: Outcome = { next: [], completed: false };
  await new Promise<void>((resolve) => {
    client.subscribe(
      { query },
      {
        next: (value) => outcome.next.push(value),
        error: (error) => {
          outcome.error = error;
          resolve();
        },
        complete: () => {
          outcome.completed = true;
          resolve();
        },
      },
    );
  });
  return outcome;
}

/** What a graphql-ws client saw of one subscription: it ends with an error, or completes. */
function expectServiceUnavailable(outcome: Outcome, what: string) {
  const errors = (Array.isArray(outcome.error) ? outcome.error : ((outcome.next.at(-1) as { errors?: unknown[] } | undefined)?.errors ?? [])) as {
    extensions?: { code?: string; retryable?: boolean };
  }[];
  expect(errors.length, `${what}: ${JSON.stringify(outcome)}`).toBeGreaterThan(0);
  for (const error of errors) expect(error.extensions, what).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: true });
}

describe('a subscription while PostgreSQL is down', () => {
  it('a connection opened meanwhile: its subscription ends with SERVICE_UNAVAILABLE, then it closes with 1013 (retry), never 4500', async () => {
    const closes: unknown[] = [];
    const client = wsClient(closes);
    const subscribed = server.running.app.services.events.activeSubscriptions();
    await pgServer.stop();
    try {
      const outcome = await run(client, `subscription { conversationEvents { __typename } }`);
      expectServiceUnavailable(outcome, 'subscribe on a new connection');
      // Nothing ran for a connection whose credential was never checked.
      expect(outcome.next).toEqual([]);
      expect(server.running.app.services.events.activeSubscriptions()).toBe(subscribed);
      await waitFor(() => closes.length > 0);
      expect(closes).toEqual([1013]);
    } finally {
      await pgServer.start();
      await client.dispose();
    }
    // Back: a new connection subscribes (and is authenticated) as usual.
    const after: unknown[] = [];
    const again = wsClient(after);
    try {
      const before = server.running.app.services.events.activeSubscriptions();
      const ended = run(again, `subscription { conversationEvents { __typename } }`);
      await waitFor(() => server.running.app.services.events.activeSubscriptions() > before);
      await again.dispose();
      expect((await ended).error).toBeUndefined();
    } finally {
      await again.dispose();
    }
  }, 120_000);

  it('on a connection authenticated before the outage: a subscription that needs the database ends with SERVICE_UNAVAILABLE', async () => {
    const closes: unknown[] = [];
    const client = wsClient(closes);
    const before = server.running.app.services.events.activeSubscriptions();
    // Authenticated now, while the database is up; this one waits for live events throughout.
    const live = run(client, `subscription { newReply { at } }`);
    await waitFor(() => server.running.app.services.events.activeSubscriptions() > before);
    await pgServer.stop();
    try {
      const conversationId = Buffer.from('Conversation:00000000-0000-4000-8000-000000000000').toString('base64');
      expectServiceUnavailable(await run(client, `subscription { conversationEvents(since: "1") { __typename } }`), 'since');
      expectServiceUnavailable(await run(client, `subscription { newReply(conversationId: "${conversationId}") { at } }`), 'conversationId');
      // The connection and its other subscription stay.
      expect(closes).toEqual([]);
    } finally {
      await pgServer.start();
    }
    await client.dispose();
    expect((await live).error).toBeUndefined();
  }, 120_000);
});
