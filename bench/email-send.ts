// Latency and statement count of approveSuggestion on the local PostgreSQL server, through the
// local outbox and through the real postmark client against the fake Postmark server.
// Run: npx tsx bench/email-send.ts [approvals=200]
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createRateLimits } from '../src/limits/rate-limits.js';
import { createEmptyDatabase } from '../test/support/database.js';
import { createThread } from '../test/support/email-fixtures.js';
import { FakePostmark } from '../test/support/fake-postmark.js';
import { migrate } from '../src/db/migrate.js';
import { numberOption } from './support/args.js';

const [approvals = '200'] = parseArgs({ allowPositionals: true }).positionals;
const N = numberOption('approvals', approvals);
const SERVER = 'postgresql://postgres@127.0.0.1:5432/postgres';
const query = `mutation ($input: ApproveSuggestionInput!) { approveSuggestion(input: $input) {
  __typename ... on ApproveSuggestionPayload { reply { id deliveryStatus } conversation { status } suggestion { status } } } }`;

async function run(label: string, env: Record<string, string>) {
  const db = await createEmptyDatabase({ kind: 'postgres', serverUrl: SERVER, template: 'unused' });
  try {
    await approveAll(label, env, db.url);
  } finally {
    await db.drop();
  }
}

async function approveAll(label: string, env: Record<string, string>, url: string) {
  await migrate(url);
  // Development: the dev account and its OWNER token exist, so requests are authenticated.
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'development', ...env }), database: { kind: 'postgres' as const, url, poolSize: 10 } };
  // One user approves them all: the per-user rate limit would stop it at 60.
  const rateLimits = createRateLimits({ overrides: { approveSuggestion: { points: N + 1, duration: 60 } } });
  const app = await createApp(config, { logQueries: true, rateLimits });
  let statements = 0;
  (app.services.prisma as unknown as { $on(e: 'query', f: () => void): void }).$on('query', () => (statements += 1));
  const threads = [];
  for (let i = 0; i < N; i++) threads.push(await createThread(app.services.prisma, app.services.devAccountId));
  const times: number[] = [];
  statements = 0;
  for (const t of threads) {
    const start = performance.now();
    const response = await app.yoga.fetch('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${app.services.devToken}` },
      body: JSON.stringify({ query, variables: { input: { suggestionId: t.suggestionGid } } }),
    });
    const body = (await response.json()) as { data: { approveSuggestion: { __typename: string } } };
    times.push(performance.now() - start);
    if (body.data.approveSuggestion.__typename !== 'ApproveSuggestionPayload') throw new Error(JSON.stringify(body));
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(1);
  const mean = (times.reduce((a, b) => a + b, 0) / times.length).toFixed(1);
  console.log(`${label}: ${N} approvals, mean ${mean} ms, p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms, ${(statements / N).toFixed(1)} SQL statements each`);
  await app.close();
}

const fake = await FakePostmark.start();
await run('outbox', {});
await run('postmark (fake, loopback)', { POSTMARK_SERVER_TOKEN: fake.token, POSTMARK_API_URL: fake.url });
await fake.close();
