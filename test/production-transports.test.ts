// Production rules hold on every transport: introspection and field suggestions are off over
// graphql-ws and SSE as over HTTP, and a document over the limits fails that operation only
// (the WebSocket connection keeps serving the others).
import { createClient as createSseClient } from 'graphql-sse';
import { createClient as createWsClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { GRAPHQL_LIMITS } from '../src/limits/graphql-limits.js';
import { startTestServer, type TestServer } from './support/server.js';

let server: TestServer;
let authorization = '';

beforeAll(async () => {
  server = await startTestServer({ env: { NODE_ENV: 'production', AUTH_JWT_SECRET: 'z'.repeat(40) } });
  const { prisma, tokens } = server.running.app.services;
  const account = await prisma.account.create({ data: { slug: 'prod', name: 'Prod' } });
  const user = await prisma.user.create({ data: { accountId: account.id, email: 'o@prod.example', name: 'O', role: 'OWNER' } });
  authorization = `Bearer ${await tokens.sign({ userId: user.id, accountId: account.id, role: 'OWNER' }, 600)}`;
});
afterAll(() => server?.close());

type Result = { data?: unknown; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] };

/** Messages a raw graphql-transport-ws socket receives, by operation id. */
async function rawSocket() {
  const socket = new WebSocket(server.wsUrl, 'graphql-transport-ws');
  await new Promise((resolve) => socket.once('open', resolve));
  const messages: { id?: string; type: string; payload?: unknown }[] = [];
  const waiters: (() => void)[] = [];
  socket.on('message', (data) => {
    messages.push(JSON.parse(data.toString()));
    for (const wake of waiters.splice(0)) wake();
  });
  let closeCode: number | undefined;
  socket.on('close', (code) => {
    closeCode = code;
    for (const wake of waiters.splice(0)) wake();
  });
  const until = async (predicate: () => boolean) => {
    while (!predicate() && closeCode === undefined) await new Promise<void>((resolve) => waiters.push(resolve));
  };
  socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization } }));
  await until(() => messages.some((m) => m.type === 'connection_ack'));
  return {
    socket,
    messages,
    closeCode: () => closeCode,
    async run(id: string, query: string) {
      socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query } }));
      await until(() => messages.some((m) => m.id === id && (m.type === 'error' || m.type === 'complete')));
      return messages.filter((m) => m.id === id);
    },
  };
}

describe('production over graphql-ws', () => {
  it('refuses introspection and gives no field suggestions', async () => {
    const client = createWsClient({ url: server.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization } });
    try {
      const outcome = await new Promise<Result | unknown>((resolve) => {
        client.subscribe({ query: '{ __schema { types { name } } }' }, { next: resolve, error: resolve, complete: () => undefined });
      });
      expect(JSON.stringify(outcome)).toMatch(/introspection/i);
      expect(JSON.stringify(outcome)).not.toMatch(/"name":"Query"/);
      const typo = await new Promise<unknown>((resolve) => {
        client.subscribe({ query: '{ conversatons { totalCount } }' }, { next: resolve, error: resolve, complete: () => undefined });
      });
      expect(JSON.stringify(typo)).toMatch(/Cannot query field/);
      expect(JSON.stringify(typo)).not.toMatch(/Did you mean/);
    } finally {
      await client.dispose();
    }
  });

  it('fails an over-limit document alone; the connection keeps serving others', async () => {
    const ws = await rawSocket();
    try {
      expect((await ws.run('ok-1', '{ viewer { account { slug } } }')).map((m) => m.type)).toEqual(['next', 'complete']);
      const tooManyTokens = `{ ${Array.from({ length: GRAPHQL_LIMITS.maxTokens }, (_, i) => `a${i}: __typename`).join(' ')} }`;
      const tooDeep = `{ ${'conversations { edges { node { lead { conversations { edges { node { '.repeat(3)}id${' } } } } } } }'.repeat(3)} }`;
      const tooManyAliases = `{ ${Array.from({ length: GRAPHQL_LIMITS.maxAliases + 5 }, (_, i) => `v${i}: viewer { role }`).join(' ')} }`;
      for (const [id, query] of [
        ['tokens', tooManyTokens],
        ['depth', tooDeep],
        ['aliases', tooManyAliases],
      ] as const) {
        const answer = await ws.run(id, query);
        expect(answer.map((m) => m.type), id).toEqual(['error']);
        expect(ws.closeCode(), id).toBeUndefined();
      }
      expect((await ws.run('ok-2', '{ viewer { role } }')).map((m) => m.type)).toEqual(['next', 'complete']);
      expect(ws.closeCode()).toBeUndefined();
    } finally {
      ws.socket.close();
    }
  });
});

describe('production over SSE', () => {
  it('refuses introspection', async () => {
    const client = createSseClient({ url: `${server.url}/graphql`, singleConnection: false, retryAttempts: 0, headers: { authorization } });
    try {
      const outcome = await new Promise<unknown>((resolve) => {
        client.subscribe({ query: 'subscription { __schema { types { name } } }' }, { next: resolve, error: resolve, complete: () => resolve('complete') });
      });
      expect(JSON.stringify(outcome)).toMatch(/introspection|__schema/i);
      expect(JSON.stringify(outcome)).not.toMatch(/"name":"Query"/);
      const query = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization },
        body: JSON.stringify({ query: '{ __schema { types { name } } }' }),
      });
      const text = await query.text();
      expect(text).toMatch(/introspection/i);
      expect(text).not.toMatch(/"name":"Query"/);
    } finally {
      client.dispose();
    }
  });
});
