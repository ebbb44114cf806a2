// The HTTP server as clients meet it: GraphiQL, health and readiness, request ids, the demo
// data that `npm start` seeds, and a real `npm start` process stopped with SIGTERM.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { loadConfig } from '../src/config.js';
import { startServer, type RunningServer } from '../src/server.js';
import { exampleQuery } from '../src/yoga.js';
import { graphql } from './gql/index.js';
import { createTestApp } from './support/app.js';
import { cloneTestDatabase, type TestDatabase } from './support/database.js';

const DemoOverview = graphql(`
  query DemoOverview {
    conversations(first: 100) {
      totalCount
      edges {
        node {
          status
          hasPendingSuggestion
          lead { source sourceUrl estimatedValue }
          messages(first: 10) { edges { node { direction } } }
        }
      }
    }
  }
`);

let server: RunningServer;
let database: TestDatabase;

beforeAll(async () => {
  database = await cloneTestDatabase(inject('testDatabase'));
  const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1' }), database: database.config, migrateOnStart: false, seedOnStart: true };
  server = await startServer(config, { loadDataDir: database.loadDataDir });
});

afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

async function postGraphQL(query: string, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.app.services.devToken}`, ...headers },
    body: JSON.stringify({ query }),
  });
}

describe('HTTP server', () => {
  it('answers /health and /ready', async () => {
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    expect((await fetch(`${server.url}/ready`)).status).toBe(200);
  });

  it('serves GraphiQL with the example query preloaded', async () => {
    const response = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('GraphiQL');
    expect(html).toContain('ConversationsNeedingReview');
    // Pre-filled with the development token, so the example runs at once.
    expect(html).toContain(server.app.services.devToken!);
  });

  it('answers the example query on the seeded demo data', async () => {
    const response = await postGraphQL(exampleQuery);
    const body = (await response.json()) as { data: { conversations: { totalCount: number; edges: { node: { pendingSuggestion: unknown } }[] } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data.conversations.totalCount).toBeGreaterThan(0);
    expect(body.data.conversations.edges.every((e) => e.node.pendingSuggestion !== null)).toBe(true);
  });

  it('echoes a caller X-Request-Id and makes one up otherwise', async () => {
    const given = await postGraphQL('{ __typename }', { 'x-request-id': 'trace-abc.123' });
    expect(given.headers.get('x-request-id')).toBe('trace-abc.123');
    const made = await postGraphQL('{ __typename }', { 'x-request-id': 'bad id with spaces' });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses GraphQL syntax errors with a 400 and a message', async () => {
    const response = await postGraphQL('{ conversations(first: ) }', { accept: 'application/graphql-response+json' });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toMatch(/Syntax Error/);
  });
});

describe('demo data', () => {
  it('has about 25 leads from listings, conversations in every status, both directions and pending drafts', async () => {
    const app = await createTestApp({ seedDemo: true });
    try {
      const result = await app.execute(DemoOverview);
      expect(result.errors).toBeUndefined();
      const nodes = result.data!.conversations.edges.map((e) => e.node);
      expect(result.data!.conversations.totalCount).toBe(25);
      expect(new Set(nodes.map((n) => n.status))).toEqual(new Set(['ACTIVE', 'NEEDS_REVIEW', 'WAITING_FOR_LEAD', 'ARCHIVED']));
      expect(nodes.filter((n) => n.hasPendingSuggestion).length).toBeGreaterThanOrEqual(5);
      expect(nodes.every((n) => n.status !== 'NEEDS_REVIEW' || n.hasPendingSuggestion)).toBe(true);
      const directions = new Set(nodes.flatMap((n) => n.messages.edges.map((e) => e.node.direction)));
      expect(directions).toEqual(new Set(['INBOUND', 'OUTBOUND']));
      expect(nodes.every((n) => n.lead.sourceUrl?.includes('craigslist.org'))).toBe(true);
    } finally {
      await app.close();
    }
  });
});

describe('readiness', () => {
  it('answers /health as soon as the port is open, and /ready (like everything else) only once the app is up', async () => {
    const db = await cloneTestDatabase(inject('testDatabase'));
    const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1' }), database: db.config, migrateOnStart: false, seedOnStart: false };
    const whileStarting: Record<string, number> = {};
    const running = await startServer(config, {
      loadDataDir: db.loadDataDir,
      // Before the app is built: the database is not even open yet.
      onListening: async (url) => {
        for (const path of ['/health', '/ready', '/graphql']) whileStarting[path] = (await fetch(`${url}${path}`)).status;
      },
    });
    try {
      expect(whileStarting).toEqual({ '/health': 200, '/ready': 503, '/graphql': 503 });
      expect((await fetch(`${running.url}/ready`)).status).toBe(200);
      expect((await fetch(`${running.url}/health`)).status).toBe(200);
    } finally {
      await running.stop();
      await db.drop();
    }
  });

  it('reports not ready once the database is gone, while /health stays up', async () => {
    const db = await cloneTestDatabase(inject('testDatabase'));
    const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1' }), database: db.config, migrateOnStart: false, seedOnStart: false };
    const running = await startServer(config, { loadDataDir: db.loadDataDir });
    try {
      expect((await fetch(`${running.url}/ready`)).status).toBe(200);
      if (running.app.services.database.embedded) await running.app.services.database.embedded.stop();
      else await db.drop();
      expect((await fetch(`${running.url}/ready`)).status).toBe(503);
      expect((await fetch(`${running.url}/health`)).status).toBe(200);
    } finally {
      await running.stop().catch(() => undefined);
      await db.drop();
    }
  });
});

describe('npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  /** Runs `npm start`'s command (the prebuilt server bundle) with no DATABASE_URL, until it listens. */
  async function start() {
    const child = spawn(process.execPath, ['scripts/start.mjs'], {
      // The graceful stop is what this test checks, not its bound (test/shutdown.test.ts does
      // that): a long bound, so a loaded machine's slow stop is not cut short into exit 1.
      env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', PARLEY_DATA_DIR: dataDir, NODE_ENV: 'development', SHUTDOWN_TIMEOUT_MS: '120000' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const logs: { msg: string; url?: string; token?: string; kind?: string }[] = [];
    const lines = createInterface({ input: child.stdout! });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      lines.on('line', (line) => {
        const entry = JSON.parse(line) as { msg: string; url?: string; token?: string };
        logs.push(entry);
        if (entry.msg.startsWith('Parley is ready')) resolve(entry.url!);
      });
      void exited.then((code) => reject(new Error(`exited with ${code} before listening: ${JSON.stringify(logs)}`)));
    });
    // In the start-up message itself: token fields are redacted from every log line.
    const token = logs.map((l) => /Bearer ([\w.-]+)"/.exec(l.msg)?.[1]).find(Boolean);
    expect(logs.some((l) => l.token !== undefined && l.token !== '[redacted]')).toBe(false);
    expect(token, 'the development token is printed at start-up').toBeTruthy();
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    return { child, url, logs, exited, headers };
  }

  it('starts an empty data folder from the seeded template, serves the demo, stops on SIGTERM, and keeps the data', async () => {
    const first = await start();
    // The run's global setup made sure the templates exist (src/db/embedded-template.ts), so the
    // migrations find everything applied and the demo account is already there: the served query
    // below shows the schema and the seeded demo.
    expect(first.logs).toContainEqual(expect.objectContaining({ msg: 'empty data folder: embedded database created from the cached template', kind: 'demo' }));
    expect(first.logs.map((l) => l.msg)).not.toContain('empty database seeded with demo data');
    expect(first.logs.map((l) => l.msg)).not.toContain('database migrated');
    const response = await fetch(`${first.url}/graphql`, {
      method: 'POST',
      headers: first.headers,
      body: JSON.stringify({ query: exampleQuery }),
    });
    const body = (await response.json()) as { data: { conversationStats: { conversations: { total: number } } } };
    expect(body.data.conversationStats.conversations.total).toBe(25);
    first.child.kill('SIGTERM');
    expect(await first.exited, JSON.stringify(first.logs.slice(-5))).toBe(0);
    expect(first.logs.map((l) => l.msg)).toContain('stopped');

    const second = await start();
    try {
      const msgs = second.logs.map((l) => l.msg);
      expect(msgs).not.toContain('database migrated');
      expect(msgs).not.toContain('empty database seeded with demo data');
      const again = await fetch(`${second.url}/graphql`, {
        method: 'POST',
        headers: second.headers,
        body: JSON.stringify({ query: '{ conversations { totalCount } }' }),
      });
      expect(await again.json()).toEqual({ data: { conversations: { totalCount: 25 } } });
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }
    // A ceiling for two real start-ups (the first creates the database), not a measurement:
    // on a 2-core machine shared with other work a first start has taken over 2 minutes.
  }, 300_000);
});
