// Hostile requests are refused with clear errors while the server keeps answering.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client.js';
import { GRAPHQL_LIMITS } from '../src/limits/graphql-limits.js';
import { createTestApp, type TestApp } from './support/app.js';
import { createLocalPostgresDatabase } from './support/database.js';
import { startTestServer, type TestServer } from './support/server.js';

let server: TestServer;
let app: TestApp;

beforeAll(async () => {
  server = await startTestServer();
  app = await createTestApp({ env: { GRAPHQL_INTROSPECTION: 'false', NODE_ENV: 'production', AUTH_JWT_SECRET: 'y'.repeat(40) } }).catch((e) => {
    throw e;
  });
});
afterAll(async () => {
  await server?.close();
  await app?.close();
});

async function post(body: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.running.app.services.devToken}`, ...headers },
    body,
  });
  const text = await response.text();
  return { status: response.status, text };
}

/** Sends raw bytes on a fresh connection and returns everything the server answers until it closes. */
function rawRequest(text: string): Promise<string> {
  const { port, hostname } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect({ port: Number(port), host: hostname }, () => socket.end(text));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    // The server may close while the client still writes (EPIPE, ECONNRESET): its answer is what counts.
    socket.on('error', (error: NodeJS.ErrnoException) => (chunks.length > 0 ? undefined : reject(error)));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

const healthy = async () => {
  const r = await post(JSON.stringify({ query: '{ conversations(first: 1) { totalCount } }' }));
  expect(r.status).toBe(200);
  expect(JSON.parse(r.text)).toEqual({ data: { conversations: { totalCount: 0 } } });
};

describe('query limits', () => {
  it('refuses a depth-50 query', async () => {
    let selection = 'id';
    for (let i = 0; i < 12; i++) selection = `lead { conversations(first: 1) { edges { node { ${selection} } } } }`;
    const query = `{ conversations(first: 1) { edges { node { ${selection} } } } }`;
    const r = await post(JSON.stringify({ query }));
    // Refused before it runs: by the depth limit, or by the cost limit that such depth also breaks.
    expect(r.text).toMatch(new RegExp(`depth limit of ${GRAPHQL_LIMITS.maxDepth}|Cost limit of ${GRAPHQL_LIMITS.maxCost}`));
    expect(r.text).not.toContain('"data"');
    await healthy();
  });

  it('refuses 1,000 aliases', async () => {
    const query = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: viewer { role }`).join(' ')} }`;
    const r = await post(JSON.stringify({ query }));
    expect(r.text).toMatch(/Aliases limit of 30 exceeded|Token limit of 5000 exceeded/);
    await healthy();
  });

  it('refuses an oversized body with 413, and a body of unknown length with 411', async () => {
    const big = JSON.stringify({ query: `{ viewer { role } }`, variables: { pad: 'x'.repeat(2 * 1024 * 1024) } });
    const r = await post(big);
    expect(r.status).toBe(413);
    expect(r.text).toMatch(/over 1048576 bytes/);
    const stream = new ReadableStream({ start: (c) => { c.enqueue(new TextEncoder().encode('{"query":"{ viewer { role } }"}')); c.close(); } });
    const chunked = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.running.app.services.devToken}` },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(411);
    await healthy();
  });

  it('refuses a chunked 10 MiB body with a typed 411 without reading it, at /graphql and /graphql/ alike', async () => {
    for (const path of ['/graphql', '/graphql/']) {
      let sent = 0;
      const chunk = new TextEncoder().encode(`{"query":"{ viewer { role } }","variables":{"pad":"${'x'.repeat(64 * 1024)}`);
      // 10 MiB, produced only as fast as the server pulls it.
      const stream = new ReadableStream({
        pull(controller) {
          if (sent >= 10 * 1024 * 1024) return controller.close();
          sent += chunk.byteLength;
          controller.enqueue(chunk);
        },
      });
      const response = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${server.running.app.services.devToken}` },
        body: stream,
        duplex: 'half',
      } as RequestInit).catch((error: Error) => error);
      // The answer may come while the client still writes; either way it is a typed 411, never data.
      if (response instanceof Error) throw response;
      expect(response.status).toBe(411);
      expect(await response.json()).toEqual({ errors: [{ message: 'A Content-Length header is required.', extensions: { code: 'LENGTH_REQUIRED' } }] });
    }
    await healthy();
  });

  it('refuses a declared oversized body at /graphql/ too (Yoga serves GraphQL there)', async () => {
    const big = JSON.stringify({ query: `{ viewer { role } }`, variables: { pad: 'x'.repeat(2 * 1024 * 1024) } });
    const response = await fetch(`${server.url}/graphql/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.running.app.services.devToken}` },
      body: big,
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ errors: [{ message: 'The request body is over 1048576 bytes.', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    await healthy();
  });

  it('reads no more than a lying Content-Length declares, and refuses what follows it', async () => {
    // Declares 100 bytes, sends 2 MiB: the GraphQL request gets the first 100 bytes (cut JSON:
    // a 400), and the rest is no body of it; Node's parser refuses it as the next request.
    const body = JSON.stringify({ query: `{ viewer { role } }`, variables: { pad: 'x'.repeat(2 * 1024 * 1024) } });
    const raw = await rawRequest(
      `POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n` +
        `Authorization: Bearer ${server.running.app.services.devToken}\r\nContent-Length: 100\r\n\r\n${body}`,
    );
    const statuses = [...raw.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((m) => Number(m[1]));
    expect(statuses[0]).toBe(400);
    expect(statuses.every((status) => status === 400)).toBe(true);
    expect(raw).not.toContain('"viewer"');
    // A Content-Length that is no single non-negative integer is refused before any parse.
    const invalid = await rawRequest(`POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: -5\r\n\r\n{}`);
    expect(invalid).toMatch(/^HTTP\/1\.1 400/);
    await healthy();
  });

  it('gives what a cross-site form or link can send (no Authorization header) nothing but a 401', async () => {
    const form = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: 'session=anything' },
      body: 'query=mutation { archiveConversation(input: { conversationId: "x" }) { __typename } }',
    });
    expect(form.status).toBe(401);
    const link = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ viewer { role } }')}`);
    expect(link.status).toBe(401);
    await healthy();
  });

  it('answers queries over GET (GraphQL over HTTP), never mutations', async () => {
    const auth = { authorization: `Bearer ${server.running.app.services.devToken}`, accept: 'application/graphql-response+json' };
    const query = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ viewer { role } }')}`, { headers: auth });
    expect(query.status).toBe(200);
    expect(await query.json()).toEqual({ data: { viewer: { role: 'OWNER' } } });
    const mutation = await fetch(
      `${server.url}/graphql?query=${encodeURIComponent('mutation { archiveConversation(input: { conversationId: "x" }) { __typename } }')}`,
      { headers: auth },
    );
    expect(mutation.status).toBe(405);
    await healthy();
  });
});

describe('production settings', () => {
  it('has no development account or token, and turns introspection and field suggestions off', async () => {
    expect(app.services.devToken).toBeUndefined();
    const { prisma, tokens } = app.services;
    const account = await prisma.account.create({ data: { slug: 'prod', name: 'Prod' } });
    const user = await prisma.user.create({ data: { accountId: account.id, email: 'o@prod.example', name: 'O', role: 'OWNER' } });
    const token = await tokens.sign({ userId: user.id, accountId: account.id, role: 'OWNER' }, 60);
    const introspection = await app.executeRaw('{ __schema { types { name } } }', undefined, token);
    expect(JSON.stringify(introspection.errors)).toMatch(/introspection/i);
    const typo = await app.executeRaw('{ conversatons { totalCount } }', undefined, token);
    expect(typo.errors?.[0]?.message).toMatch(/Cannot query field/);
    expect(JSON.stringify(typo.errors)).not.toMatch(/Did you mean/);
    const ok = await app.executeRaw('{ viewer { role } }', undefined, token);
    expect(ok).toEqual({ data: { viewer: { role: 'OWNER' } } });
  });
});

describe('database statement timeout', () => {
  it('cancels a statement that runs past the limit (PostgreSQL)', async () => {
    const database = await createLocalPostgresDatabase();
    const db = await openDatabase({ kind: 'postgres', url: (database.config as { url: string }).url, poolSize: 1, statementTimeoutMs: 200 });
    try {
      await expect(db.prisma.$queryRaw`SELECT pg_sleep(2)`).rejects.toThrow(/statement timeout/);
      await expect(db.prisma.$queryRaw`SELECT 1 AS one`).resolves.toEqual([{ one: 1 }]);
    } finally {
      await db.close();
      await database.drop();
    }
  });
});

describe('database session settings', () => {
  it('runs with JIT compilation off on PostgreSQL, unless the URL sets its own options', async () => {
    const database = await createLocalPostgresDatabase();
    const url = (database.config as { url: string }).url;
    const ours = await openDatabase({ kind: 'postgres', url, poolSize: 1 });
    const theirs = await openDatabase({ kind: 'postgres', url: `${url}?options=${encodeURIComponent('-c jit=on')}`, poolSize: 1 });
    try {
      expect(await ours.prisma.$queryRaw`SELECT current_setting('jit') AS jit`).toEqual([{ jit: 'off' }]);
      expect(await theirs.prisma.$queryRaw`SELECT current_setting('jit') AS jit`).toEqual([{ jit: 'on' }]);
    } finally {
      await ours.close();
      await theirs.close();
      await database.drop();
    }
  });
});
