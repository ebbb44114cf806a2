// The request replay in front of Yoga (src/compiled-read/replay.ts), over real HTTP: every
// query of the test suite answers the same bytes and headers replayed as Yoga sent; the replay
// is per caller, per Accept and Origin, and never outlives a credential or a role; failures
// and everything it does not know go to Yoga, which answers as it always has; the failure limit
// counts each failure once; the Prometheus metrics count replayed requests.
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequestReplay } from '../src/compiled-read/index.js';
import { createParleyYoga } from '../src/yoga.js';
import type { AppServices } from '../src/services.js';
import { createMetrics, type Metrics } from '../src/metrics.js';
import { createAccount, createConversation, createLead } from './support/factories.js';
import { createTestApp, type TestApp } from './support/app.js';
import { demoIds, suiteQueries, variablesFor, type DemoIds } from './support/suite-queries.js';

const ALLOWED_ORIGIN = 'https://app.example.com';

let app: TestApp;
let replaying: Server;
let yogaOnly: Server;
let replayUrl: string;
let yogaUrl: string;
const paths: ('replayed' | 'yoga')[] = [];
let failStatements = false;
let failuresCounted = 0;
let ids: DemoIds;
let otherToken: string;
let metrics: Metrics;

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

beforeAll(async () => {
  app = await createTestApp({ seedDemo: true, env: { CORS_ORIGINS: ALLOWED_ORIGIN } });
  const { services } = app;
  // The failure limit counts through here, for Yoga and for the replay alike.
  const rateLimits: AppServices['rateLimits'] = {
    ...services.rateLimits,
    consume: async (name, key) => {
      if (name === 'authenticationFailure') failuresCounted++;
      return services.rateLimits.consume(name, key);
    },
  };
  // Metrics of their own: the replay is built before any Yoga registers them, as in createApp.
  metrics = createMetrics();
  const counted = { ...services, rateLimits, metrics };
  const replay = createRequestReplay({
    services: counted,
    database: { queryRead: (statement) => (failStatements ? Promise.reject(new Error('connection lost')) : services.database.queryRead(statement)) },
    maxBodyBytes: 4096,
    onRequest: (path) => paths.push(path),
  });
  const handle = replay.handlerFor(createParleyYoga(counted, { replay }));
  replaying = createServer((request, response) => void handle(request, response));
  // The same services' Yoga without the replay in front, for answers to compare with.
  const plain = createParleyYoga(counted);
  yogaOnly = createServer((request, response) => void plain(request, response));
  replayUrl = await listen(replaying);
  yogaUrl = await listen(yogaOnly);
  ids = await demoIds(services.prisma);
  const b = await createAccount(services.prisma, 'replay-other');
  const lead = await createLead(services.prisma, b.id, { email: 'other@b.example', name: 'Other' });
  await createConversation(services.prisma, b.id, lead.id, {
    subject: 'OTHER-SECRET',
    messages: [{ direction: 'INBOUND', at: new Date('2026-01-01T00:00:00Z'), text: 'OTHER-SECRET body' }],
  } as never);
  const owner = await services.prisma.user.create({ data: { accountId: b.id, email: 'owner@b.example', name: 'B owner', role: 'OWNER' } });
  otherToken = await services.tokens.sign({ userId: owner.id, accountId: b.id, role: 'OWNER' }, 600);
});

afterAll(async () => {
  await Promise.all([replaying, yogaOnly].map((server) => server && new Promise((resolve) => server.close(resolve))));
  await app?.close();
});

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * One POST over node:http (fetch would add its own Accept and other headers); from
 * `localAddress`, and with `splitAt` the body in two writes, the second once the first has left.
 */
function post(
  url: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
  token: string | null = app.token,
  { localAddress, splitAt }: { localAddress?: string; splitAt?: number } = {},
): Promise<Answer> {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      {
        method: 'POST',
        ...(localAddress ? { localAddress } : {}),
        headers: { 'content-type': 'application/json', 'content-length': String(bytes.length), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const { date: _date, ...rest } = response.headers as Record<string, string>;
          resolve({ status: response.statusCode!, headers: rest, body: Buffer.concat(chunks).toString('utf8') });
        });
      },
    );
    request.on('error', reject);
    if (splitAt === undefined) request.end(bytes);
    else request.write(bytes.subarray(0, splitAt), () => request.end(bytes.subarray(splitAt)));
  });
}

/** The answer with its per-response header taken out, for comparing two answers. */
const comparable = ({ headers: { 'x-request-id': requestId, ...headers }, ...rest }: Answer) => ({ ...rest, headers, hasRequestId: typeof requestId === 'string' && requestId.length > 0 });

/** Sends the same request until it is replayed (at most three times); returns every answer and path. */
async function untilReplayed(body: string, headers?: Record<string, string>, token?: string | null) {
  paths.length = 0;
  const answers: Answer[] = [];
  for (let attempt = 0; attempt < 3 && paths.at(-1) !== 'replayed'; attempt++) answers.push(await post(replayUrl, body, headers, token));
  return { answers, paths: [...paths] };
}

const body = (query: string, variables?: Record<string, unknown>) => JSON.stringify({ query, ...(variables ? { variables } : {}) });

describe('every query of the test suite', () => {
  it('answers the same bytes and headers replayed as Yoga does', async () => {
    const queries = suiteQueries();
    expect(queries.length).toBeGreaterThan(30);
    let replayed = 0;
    for (const query of queries) {
      const variables = variablesFor(query, ids);
      if (!variables) continue;
      const text = body(query, variables);
      if (Buffer.byteLength(text) > 4096) continue;
      const reference = await post(yogaUrl, text);
      const { answers, paths: taken } = await untilReplayed(text);
      // The first time is always Yoga's.
      expect(taken[0], query).toBe('yoga');
      for (const answer of answers) expect(comparable(answer), query).toEqual(comparable(reference));
      if (taken.at(-1) === 'replayed') {
        replayed++;
        // Replayed from then on.
        await post(replayUrl, text);
        expect(paths.at(-1), query).toBe('replayed');
      }
    }
    console.info(`request-replay: ${queries.length} suite queries, ${replayed} replayed`);
    expect(replayed).toBeGreaterThanOrEqual(5);
  });

  it('replays `{ __typename }` without the database, and reads of pages and threads with it', async () => {
    for (const text of [body('{ __typename }'), body('{ a: __typename b: __typename }'), body('query Page { conversations(first: 2) { edges { node { id subject } } } }'), body('query ($id: ID!) { conversation(id: $id) { id messages(first: 2) { edges { node { id } } } } }', { id: ids.conversation })]) {
      const { answers, paths: taken } = await untilReplayed(text);
      expect(taken, text).toEqual(['yoga', 'replayed']);
      expect(comparable(answers[1]!)).toEqual(comparable(answers[0]!));
      expect(JSON.parse(answers[1]!.body).errors).toBeUndefined();
    }
  });
});

describe('what an answer depends on', () => {
  const page = body('{ conversations(first: 50) { edges { node { id subject } } } }');

  it('is per caller: another account never gets a remembered answer', async () => {
    const mine = await untilReplayed(page);
    expect(mine.paths).toEqual(['yoga', 'replayed']);
    const theirs = await untilReplayed(page, {}, otherToken);
    expect(theirs.paths).toEqual(['yoga', 'replayed']);
    for (const answer of theirs.answers) expect(answer.body).toContain('OTHER-SECRET');
    expect(theirs.answers[0]!.body).not.toEqual(mine.answers[0]!.body);
    const again = await post(replayUrl, page);
    expect(paths.at(-1)).toBe('replayed');
    expect(again.body).toBe(mine.answers[0]!.body);
    expect(again.body).not.toContain('OTHER-SECRET');
  });

  it('is per Accept and Origin: content type and CORS headers are what Yoga sends for each', async () => {
    const variants: Record<string, string>[] = [
      { accept: 'application/graphql-response+json' },
      { accept: 'application/json' },
      { accept: '*/*' },
      { origin: ALLOWED_ORIGIN },
      { origin: 'https://evil.example' },
    ];
    const types = new Set<string>();
    for (const headers of variants) {
      const reference = await post(yogaUrl, page, headers);
      const { answers, paths: taken } = await untilReplayed(page, headers);
      expect(taken, JSON.stringify(headers)).toEqual(['yoga', 'replayed']);
      for (const answer of answers) expect(comparable(answer), JSON.stringify(headers)).toEqual(comparable(reference));
      types.add(reference.headers['content-type']!);
      if (headers.origin === ALLOWED_ORIGIN) expect(answers[1]!.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
      if (headers.origin === 'https://evil.example') expect(answers[1]!.headers['access-control-allow-origin']).toBeUndefined();
    }
    expect(types.size).toBe(2);
  });

  it("echoes a caller's sane X-Request-Id and makes a new one otherwise", async () => {
    await untilReplayed(page);
    const given = await post(replayUrl, page, { 'x-request-id': 'trace-123.a:b' });
    expect(paths.at(-1)).toBe('replayed');
    expect(given.headers['x-request-id']).toBe('trace-123.a:b');
    const insane = await post(replayUrl, page, { 'x-request-id': 'no spaces allowed' });
    expect(insane.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const fresh = [await post(replayUrl, page), await post(replayUrl, page)];
    expect(fresh[0]!.headers['x-request-id']).not.toBe(fresh[1]!.headers['x-request-id']);
  });

  it('never outlives a role or a credential', async () => {
    const { services } = app;
    const account = await services.prisma.account.findFirstOrThrow({ where: { slug: app.config.devAccountSlug } });
    const user = await services.prisma.user.create({ data: { accountId: account.id, email: 'replay-agent@example.com', name: 'Replay agent', role: 'AGENT' } });
    const token = await services.tokens.sign({ userId: user.id, accountId: account.id, role: 'AGENT' }, 600);
    expect((await untilReplayed(page, {}, token)).paths).toEqual(['yoga', 'replayed']);
    // A new role: a new caller, so Yoga answers first again.
    await services.prisma.user.update({ where: { id: user.id }, data: { role: 'VIEWER' } });
    await services.principals.invalidate('user', user.id);
    expect((await untilReplayed(page, {}, token)).paths).toEqual(['yoga', 'replayed']);
    // Removed: Yoga answers 401, every time.
    await services.prisma.user.delete({ where: { id: user.id } });
    await services.principals.invalidate('user', user.id);
    const reference = await post(yogaUrl, page, {}, token);
    expect(reference.status).toBe(401);
    for (let i = 0; i < 3; i++) {
      paths.length = 0;
      expect(comparable(await post(replayUrl, page, {}, token))).toEqual(comparable(reference));
      expect(paths).toEqual(['yoga']);
    }
  });

  it('counts each failed authentication once, as Yoga alone does', async () => {
    const before = failuresCounted;
    for (let i = 0; i < 3; i++) {
      const answer = await post(replayUrl, page, {}, 'not-a-token');
      expect(answer.status).toBe(401);
    }
    expect(failuresCounted - before).toBe(3);
    const none = await post(replayUrl, page, {}, null);
    expect(none.status).toBe(401);
  });
});

describe('what goes to Yoga', () => {
  it('a failed statement: Yoga answers, and the replay resumes after', async () => {
    const text = body('{ conversations(first: 3) { totalCount edges { node { id } } } }');
    const { answers } = await untilReplayed(text);
    failStatements = true;
    try {
      paths.length = 0;
      const answer = await post(replayUrl, text);
      expect(paths).toEqual(['yoga']);
      expect(comparable(answer)).toEqual(comparable(answers[0]!));
    } finally {
      failStatements = false;
    }
    await post(replayUrl, text);
    expect(paths.at(-1)).toBe('replayed');
  });

  it('anything not answered on the compiled path, or not as plain JSON, is never replayed', async () => {
    const cases: [string, Record<string, string>?][] = [
      ['{"query":"{ conversations(first: 1) { edges { node { id } } } "}'],
      ['not json'],
      [body('mutation { archiveConversation(id: "x") { __typename } }')],
      [body('{ viewer { role } }')],
      [body('{ conversations(first: 1) { edges { node { id } } } }'), { accept: 'text/event-stream' }],
      [body('{ conversations(first: 1000) { edges { node { id } } } }')],
      [body('{ __typename }'), { 'content-type': 'text/plain' }],
    ];
    for (const [text, headers] of cases) {
      const reference = await post(yogaUrl, text, headers);
      paths.length = 0;
      for (let i = 0; i < 3; i++) {
        const answer = await post(replayUrl, text, headers);
        if (!headers?.accept) expect(comparable(answer), text).toEqual(comparable(reference));
        else expect(answer.status).toBe(reference.status);
      }
      expect(paths, text).toEqual(['yoga', 'yoga', 'yoga']);
    }
  });

  it('bodies it does not read: over its size, without a length, compressed, other methods and paths', async () => {
    const big = body(`{ conversations(first: 1) { edges { node { id } } } }${' '.repeat(5000)}`);
    paths.length = 0;
    expect((await post(replayUrl, big)).status).toBe(200);
    expect((await post(replayUrl, big)).status).toBe(200);
    expect(paths).toEqual(['yoga', 'yoga']);
    const chunked = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(replayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${app.token}` } }, (response) => {
        response.resume();
        resolve(response.statusCode!);
      });
      request.on('error', reject);
      request.write('{"query":');
      request.end('"{ __typename }"}');
    });
    expect(chunked).toBe(411);
    const get = await fetch(`${replayUrl}?query=${encodeURIComponent('{ __typename }')}`, { headers: { authorization: `Bearer ${app.token}` } });
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
    const slash = await post(`${replayUrl}/`, body('{ __typename }'));
    expect(slash.status).toBe(200);
    // A compressed body: Yoga decodes it, so the bytes as sent say nothing alone.
    const gzipped = gzipSync(body('{ conversations(first: 1) { edges { node { id } } } }'));
    paths.length = 0;
    for (let i = 0; i < 2; i++) expect(comparable(await post(replayUrl, gzipped, { 'content-encoding': 'gzip' }))).toEqual(comparable(await post(yogaUrl, gzipped, { 'content-encoding': 'gzip' })));
    expect(paths).toEqual(['yoga', 'yoga']);
  });

  it('a body sent in two writes is read whole; a client that leaves mid-body costs nothing', async () => {
    const text = Buffer.from(body('{ conversations(first: 2) { edges { node { id } } } }'));
    const reference = await post(yogaUrl, text);
    const inPieces = () => post(replayUrl, text, {}, app.token, { splitAt: 7 });
    paths.length = 0;
    const answers = [await inPieces(), await inPieces()];
    expect(paths).toEqual(['yoga', 'replayed']);
    for (const answer of answers) expect(comparable(answer)).toEqual(comparable(reference));
    // Half a body, then gone: no answer is owed, and the server goes on.
    await new Promise<void>((resolve) => {
      const request = httpRequest(replayUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(text.length), authorization: `Bearer ${app.token}` } });
      request.on('error', () => resolve());
      request.write(text.subarray(0, 7), () => {
        request.destroy();
        resolve();
      });
    });
    expect(comparable(await post(replayUrl, text))).toEqual(comparable(reference));
  });

  it('odd bytes: the exact body is the key, so no two bodies share an answer', async () => {
    // In a comment of a compiled page: the UTF-8 and Latin-1 spellings of "é", and two invalid
    // UTF-8 bytes that both decode to U+FFFD: four different bodies, four entries.
    const query = (comment: Buffer) => Buffer.concat([Buffer.from('{"query":"{ conversations(first: 1) { totalCount } } # '), comment, Buffer.from('"}')]);
    const replayedAnswers: string[] = [];
    for (const bytes of [Buffer.from([0xc3, 0xa9]), Buffer.from([0xe9]), Buffer.from([0xff]), Buffer.from([0xfe])]) {
      const text = query(bytes);
      const reference = await post(yogaUrl, text);
      paths.length = 0;
      const answers = [await post(replayUrl, text), await post(replayUrl, text)];
      for (const answer of answers) expect(comparable(answer)).toEqual(comparable(reference));
      expect(paths).toEqual(['yoga', 'replayed']);
      replayedAnswers.push(answers[1]!.body);
    }
    expect(replayedAnswers).toHaveLength(4);
  });
});

describe('hostile and odd requests, differentially', () => {
  /** A small seeded generator (mulberry32): the same requests on every run. */
  function random(seed: number) {
    return () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  it('answers 300 generated requests exactly as Yoga does, each sent three times', async () => {
    const next = random(20261130);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    const queries = [
      '{ __typename }',
      '{ conversations(first: 2) { edges { node { id subject } } } }',
      'query Named { conversations(first: 1) { totalCount } }',
      'query ($id: ID!) { conversation(id: $id) { id subject } }',
      'query ($first: Int) { conversations(first: $first) { edges { cursor } } }',
      '{ conversations(first: 2) { edges { node { id unread } } } }',
      'mutation { __typename }',
      // (No subscription: over SSE its answer is a stream that stays open.)
      '{ conversations(first: 2) { edges { node { id } } }',
      '{ nope }',
      '{ __schema { queryType { name } } }',
    ];
    const variableSets: unknown[] = [
      undefined,
      {},
      null,
      { id: ids.conversation },
      { id: 'not-an-id' },
      { id: 42 },
      { first: 1 },
      { first: -1 },
      { first: 2 ** 53 },
      { first: '1' },
      { id: '\u0000' },
      { id: 'é🙂' },
      [],
      'text',
    ];
    // Half of them well-formed reads that compile (so replayed), the rest anything.
    const compiled: [string, Record<string, unknown>?][] = [
      ['{ __typename }'],
      ['{ conversations(first: 2) { edges { node { id subject } } } }'],
      ['query Named { conversations(first: 1) { totalCount } }'],
      ['query ($id: ID!) { conversation(id: $id) { id subject } }', { id: ids.conversation }],
      ['query ($first: Int) { conversations(first: $first) { edges { cursor } } }', { first: 1 }],
    ];
    const bodyOf = (): string => {
      if (next() < 0.5) {
        const [query, variables] = pick(compiled);
        return body(query, variables);
      }
      const shape = next();
      if (shape < 0.05) return pick(['', '{', 'null', '[]', '"query"', '{"query":1}', `[${body('{ __typename }')}]`]);
      const query = pick(queries);
      const object: Record<string, unknown> = { query };
      const variables = pick(variableSets);
      if (variables !== undefined) object.variables = variables;
      if (next() < 0.2) object.operationName = pick(['Named', 'Other', null, 3]);
      if (next() < 0.1) object.extensions = pick([{}, { persistedQuery: { version: 1, sha256Hash: 'x' } }, 'x']);
      let text = JSON.stringify(object);
      // Escapes JSON allows that some parsers and databases do not: a lone surrogate, a NUL.
      if (next() < 0.1) text = text.replace('"query":"', '"query":"\\ud800 ');
      if (next() < 0.1) text = text.replace('"query":"', '"query":"\\u0000');
      if (next() < 0.1) text = ` \n\t${text}\n`;
      return text;
    };
    const headersOf = (): Record<string, string> => {
      const headers: Record<string, string> = {};
      if (next() < 0.15) headers['content-type'] = pick(['application/json; charset=utf-8', 'application/json;charset=latin1', 'application/graphql-response+json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'APPLICATION/JSON']);
      if (next() < 0.4) headers.accept = pick(['application/json', 'application/graphql-response+json', 'application/graphql-response+json, application/json;q=0.9', 'text/html', '*/*', 'application/xml', 'text/event-stream', '']);
      if (next() < 0.2) headers.origin = pick([ALLOWED_ORIGIN, 'https://evil.example', 'null']);
      return headers;
    };
    const tokens = [app.token, app.token, app.token, app.token, otherToken, otherToken, null, 'garbage', `${app.token}x`];
    let replayed = 0;
    const statuses: Record<number, number> = {};
    for (let i = 0; i < 300; i++) {
      const text = bodyOf();
      const headers = headersOf();
      const token = pick(tokens);
      // Each from its own loopback address: the failure limit (20 a minute per address) would
      // otherwise answer everything after the first bad tokens with 429, on both sides alike.
      const from = `127.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)}`;
      const reference = await post(yogaUrl, text, headers, token, { localAddress: from });
      statuses[reference.status] = (statuses[reference.status] ?? 0) + 1;
      paths.length = 0;
      for (let attempt = 0; attempt < 3; attempt++) {
        const answer = await post(replayUrl, text, headers, token, { localAddress: from });
        expect(comparable(answer), `${JSON.stringify(headers)} ${token?.slice(0, 8)} ${text}`).toEqual(comparable(reference));
      }
      if (paths.includes('replayed')) {
        replayed++;
        expect(reference.status).toBe(200);
        expect(JSON.parse(reference.body).errors).toBeUndefined();
      }
    }
    console.info(`request-replay: 300 generated requests, ${replayed} replayed; Yoga's statuses ${JSON.stringify(statuses)}`);
    // Some of them are replayed, or the comparison says little.
    expect(replayed).toBeGreaterThan(20);
  });
});

describe('metrics', () => {
  it('counts replayed requests as Yoga counts its own', async () => {
    const { registry } = metrics;
    const count = async () => {
      const metric = (await registry.getSingleMetric('graphql_envelop_request')!.get()).values.find((v) => v.labels.operationName === 'ReplayCounted');
      return metric?.value ?? 0;
    };
    const http = async () => {
      const metric = (await registry.getSingleMetric('graphql_yoga_http_duration')!.get()).values.find(
        (v) => v.labels.operationName === 'ReplayCounted' && (v as { metricName?: string }).metricName === 'graphql_yoga_http_duration_count',
      );
      return metric?.value ?? 0;
    };
    const text = body('query ReplayCounted { conversations(first: 1) { edges { node { id } } } }');
    await untilReplayed(text);
    const [requests, durations] = [await count(), await http()];
    for (let i = 0; i < 4; i++) await post(replayUrl, text);
    expect(paths.slice(-4)).toEqual(['replayed', 'replayed', 'replayed', 'replayed']);
    expect((await count()) - requests).toBe(4);
    expect((await http()) - durations).toBe(4);
  });
});
