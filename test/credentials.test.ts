// Credentials hold for the life of a connection: a revoked key, an expired token, a demoted or
// removed user end their open subscriptions (graphql-ws: close 4403; SSE: a terminating error)
// with nothing delivered after, and the next HTTP request with the old credential is refused.
// The clock is injected and the re-check interval shortened, so nothing waits on wall time.
import { createClient as createSseClient } from 'graphql-sse';
import { createClient as createWsClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createConversation, createLead, gid } from './support/factories.js';
import { devAuth, inboundPayload } from './support/postmark-payloads.js';
import { startTestServer, type TestServer } from './support/server.js';
import { waitFor } from './support/wait.js';

const OnNewReply = 'subscription { newReply { email { strippedText } } }';
type Next = { data?: Record<string, unknown> | null; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] };

let server: TestServer;
let clock = Date.parse('2026-11-30T08:00:00Z');

beforeAll(async () => {
  server = await startTestServer({ env: { AUTH_RECHECK_INTERVAL_MS: '20' }, app: { now: () => new Date(clock) } });
});
afterAll(() => server?.close());

const services = () => server.running.app.services;

async function graphqlHttp(query: string, authorization: string, variables?: Record<string, unknown>) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as Next };
}

async function userToken(role: 'OWNER' | 'AGENT' | 'VIEWER', ttlSeconds = 600) {
  const { prisma, devAccountId, tokens } = services();
  const user = await prisma.user.create({ data: { accountId: devAccountId, email: `${role.toLowerCase()}-${Math.random()}@team.example`, name: role, role } });
  return { user, token: await tokens.sign({ userId: user.id, accountId: devAccountId, role }, ttlSeconds) };
}

async function apiKey(role: 'VIEWER' | 'AGENT' = 'VIEWER') {
  const created = await graphqlHttp(
    'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { ... on CreateApiKeyPayload { key apiKey { id } } } }',
    `Bearer ${services().devToken}`,
    { input: { name: 'live', role } },
  );
  return created.body.data!.createApiKey as { key: string; apiKey: { id: string } };
}

/** A graphql-ws client that records how its socket closed. */
function wsClient(authorization: string) {
  const closes: { code: number; reason: string }[] = [];
  const client: Client = createWsClient({
    url: server.wsUrl,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
    connectionParams: { authorization },
    on: { closed: (event) => void closes.push({ code: (event as { code: number }).code, reason: String((event as { reason: unknown }).reason) }) },
  });
  return { client, closes };
}

/** Everything a subscription yields until it ends (by error or completion). */
function drain(iterable: AsyncIterable<Next>) {
  const results: Next[] = [];
  const done = (async () => {
    try {
      for await (const next of iterable) results.push(next);
      return undefined;
    } catch (error) {
      return error;
    }
  })();
  return { results, done };
}

async function subscribers(n: number) {
  await waitFor(() => services().events.activeSubscriptions() >= n);
  expect(services().events.activeSubscriptions()).toBeGreaterThanOrEqual(n);
}

async function replyArrives(text: string) {
  const { prisma, devAccountId } = services();
  const lead = await createLead(prisma, devAccountId);
  const conversation = await createConversation(prisma, devAccountId, lead.id, { messages: [{ direction: 'OUTBOUND', at: new Date() }] });
  const response = await fetch(`${server.url}/webhooks/postmark/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: devAuth },
    body: JSON.stringify(inboundPayload({ mailboxHash: conversation.replyHash, stripped: text })),
  });
  expect(response.status).toBe(200);
}

/**
 * Subscribes over WebSocket as `authorization`, checks an event arrives, applies `lapse`, sends
 * another event at once (before any timer could fire) and returns what the subscriber saw.
 */
async function subscribeThenLapse(authorization: string, lapse: () => Promise<void>) {
  const { client, closes } = wsClient(authorization);
  const before = services().events.activeSubscriptions();
  const stream = drain(client.iterate({ query: OnNewReply }) as AsyncIterable<Next>);
  await subscribers(before + 1);
  await replyArrives('before');
  await waitFor(() => stream.results.length >= 1);
  await lapse();
  await replyArrives('after');
  const ended = await stream.done;
  await client.dispose();
  return { results: stream.results, ended, closes };
}

const texts = (results: Next[]) => results.map((r) => (r.data?.newReply as { email: { strippedText: string } } | undefined)?.email.strippedText);

describe('open subscriptions end when their credential lapses (graphql-ws, close 4403)', () => {
  it('a revoked API key: the subscription ends, nothing after the revocation, HTTP refuses the key', async () => {
    const key = await apiKey();
    const seen = await subscribeThenLapse(`Bearer ${key.key}`, async () => {
      const revoked = await graphqlHttp('mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { __typename } }', `Bearer ${services().devToken}`, {
        input: { apiKeyId: key.apiKey.id },
      });
      expect(revoked.body.data?.revokeApiKey).toEqual({ __typename: 'RevokeApiKeyPayload' });
    });
    expect(texts(seen.results)).toEqual(['before']);
    expect(seen.closes[0]).toEqual({ code: 4403, reason: 'REVOKED' });
    expect((await graphqlHttp('{ viewer { role } }', `Bearer ${key.key}`)).status).toBe(401);
  });

  it('an expired token: closed with 4403 EXPIRED, so the client reconnects with a fresh token', async () => {
    const { token } = await userToken('AGENT', 300);
    const seen = await subscribeThenLapse(`Bearer ${token}`, async () => {
      clock += 301_000;
    });
    expect(texts(seen.results)).toEqual(['before']);
    expect(seen.closes[0]).toEqual({ code: 4403, reason: 'EXPIRED' });
    const late = await graphqlHttp('{ viewer { role } }', `Bearer ${token}`);
    expect(late.status).toBe(401);
    expect(late.body.errors?.[0]?.message).toMatch(/expired/);
  });

  it('a demoted user: the subscription ends, and the old token now carries the new role', async () => {
    const { user, token } = await userToken('OWNER');
    const seen = await subscribeThenLapse(`Bearer ${token}`, async () => {
      const changed = await graphqlHttp('mutation($input: ChangeUserRoleInput!) { changeUserRole(input: $input) { __typename } }', `Bearer ${services().devToken}`, {
        input: { userId: gid('User', user.id), role: 'VIEWER' },
      });
      expect(changed.body.data?.changeUserRole).toEqual({ __typename: 'ChangeUserRolePayload' });
    });
    expect(texts(seen.results)).toEqual(['before']);
    expect(seen.closes[0]).toEqual({ code: 4403, reason: 'ROLE_CHANGED' });
    expect((await graphqlHttp('{ viewer { role } }', `Bearer ${token}`)).body.data?.viewer).toEqual({ role: 'VIEWER' });
  });

  it('a removed user: the subscription ends and the token is refused', async () => {
    const { user, token } = await userToken('AGENT');
    const seen = await subscribeThenLapse(`Bearer ${token}`, async () => {
      const removed = await graphqlHttp('mutation($input: RemoveUserInput!) { removeUser(input: $input) { __typename } }', `Bearer ${services().devToken}`, {
        input: { userId: gid('User', user.id) },
      });
      expect(removed.body.data?.removeUser).toEqual({ __typename: 'RemoveUserPayload' });
    });
    expect(texts(seen.results)).toEqual(['before']);
    expect(seen.closes[0]).toEqual({ code: 4403, reason: 'REVOKED' });
    const refused = await graphqlHttp('{ viewer { role } }', `Bearer ${token}`);
    expect(refused.status).toBe(401);
    expect(refused.body.errors?.[0]?.message).toMatch(/does not exist/);
  });

  it('a user deleted behind the API (no invalidation) is refused once the cache window passes', async () => {
    const { user, token } = await userToken('AGENT');
    expect((await graphqlHttp('{ viewer { role } }', `Bearer ${token}`)).status).toBe(200);
    await services().prisma.user.delete({ where: { id: user.id } });
    clock += services().config.auth.principalCacheTtlMs + 1;
    expect((await graphqlHttp('{ viewer { role } }', `Bearer ${token}`)).status).toBe(401);
  });

  it('a new operation on a connection whose key was revoked closes it with 4403, not 4500', async () => {
    const key = await apiKey();
    const socket = new WebSocket(server.wsUrl, 'graphql-transport-ws');
    await new Promise((resolve) => socket.once('open', resolve));
    const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    const acked = new Promise((resolve) => socket.on('message', (data) => JSON.parse(data.toString()).type === 'connection_ack' && resolve(true)));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${key.key}` } }));
    await acked;
    await graphqlHttp('mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { __typename } }', `Bearer ${services().devToken}`, {
      input: { apiKeyId: key.apiKey.id },
    });
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: '{ viewer { role } }' } }));
    expect(await closed).toEqual({ code: 4403, reason: 'REVOKED' });
  });
});

describe('SSE subscriptions end with a terminating error', () => {
  it('a revoked API key ends the SSE stream with CREDENTIAL_REVOKED and delivers nothing after', async () => {
    const key = await apiKey();
    const client = createSseClient({ url: `${server.url}/graphql`, singleConnection: false, retryAttempts: 0, headers: { authorization: `Bearer ${key.key}` } });
    try {
      const before = services().events.activeSubscriptions();
      const stream = drain(client.iterate({ query: OnNewReply }) as AsyncIterable<Next>);
      await subscribers(before + 1);
      await replyArrives('before');
      await waitFor(() => stream.results.length >= 1);
      await graphqlHttp('mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { __typename } }', `Bearer ${services().devToken}`, {
        input: { apiKeyId: key.apiKey.id },
      });
      await replyArrives('after');
      await stream.done;
      expect(texts(stream.results.filter((r) => r.data))).toEqual(['before']);
      expect(stream.results.at(-1)?.errors?.[0]?.extensions?.code).toBe('CREDENTIAL_REVOKED');
    } finally {
      client.dispose();
    }
  });
});

describe('authorisation reads the current role', () => {
  it("a demoted OWNER's old token cannot create an API key (the change invalidates the cached role)", async () => {
    const { user, token } = await userToken('OWNER');
    const create = () =>
      graphqlHttp('mutation { createApiKey(input: { name: "x", role: OWNER }) { __typename ... on ForbiddenError { requiredRole } } }', `Bearer ${token}`);
    expect((await create()).body.data?.createApiKey).toEqual({ __typename: 'CreateApiKeyPayload' });
    await graphqlHttp('mutation($input: ChangeUserRoleInput!) { changeUserRole(input: $input) { __typename } }', `Bearer ${services().devToken}`, {
      input: { userId: gid('User', user.id), role: 'VIEWER' },
    });
    expect((await create()).body.data?.createApiKey).toEqual({ __typename: 'ForbiddenError', requiredRole: 'OWNER' });
  });
});

describe('one limit for failed authentication across transports', () => {
  it('30 failed WebSocket inits from one address, then a correct key over HTTP: 429', async () => {
    const own = await startTestServer();
    try {
      for (let i = 0; i < 30; i++) {
        const socket = new WebSocket(own.wsUrl, 'graphql-transport-ws');
        await new Promise((resolve) => socket.once('open', resolve));
        const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
        socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: 'Bearer wrong' } }));
        expect(await closed).toBe(4403);
      }
      const response = await fetch(`${own.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${own.running.app.services.devToken}` },
        body: JSON.stringify({ query: '{ viewer { role } }' }),
      });
      expect(response.status).toBe(429);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      // A correct connection_init is refused too while the address is limited.
      const socket = new WebSocket(own.wsUrl, 'graphql-transport-ws');
      await new Promise((resolve) => socket.once('open', resolve));
      const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
      socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${own.running.app.services.devToken}` } }));
      expect(await closed).toBe(4403);
    } finally {
      await own.close();
    }
  });
});
