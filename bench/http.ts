// Read benchmarks: Parley's GraphQL against a bare node:http + pg handler running one
// hand-written SQL statement (the floor), same data, same pool size, same run.
//   list:   conversations(first: 20) with lead, last message and pending flag
//   thread: one conversation with 50 messages and its drafts
//   stats:  conversationStats against the same single SQL statement run bare
// `npm run bench:http -- [--size small|medium|large] [--duration 10] [--embedded] [--skip-generate]`
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type autocannon from 'autocannon';
import pg from 'pg';
import { benchDatabaseUrl, BENCH_ACCOUNT, DEFAULT_BENCH_DATABASE, generate, type BenchDatabase, type Size } from './generate.js';
import { argValue, measure, type Measured } from './support/load.js';
import { COMPARISON_TABLE_HEADER, comparisonRow, machine, writeSection } from './support/results.js';
import { withBareServer, withParleyServer } from './support/servers.js';

const SIZE = (argValue('size') ?? 'large') as Size;
const DURATION = Number(argValue('duration') ?? 10);
const CONNECTIONS = Number(argValue('connections') ?? 10);
const EMBEDDED = process.argv.includes('--embedded');

const LIST_QUERY = `query { conversations(first: 20) { edges { node { id subject status lastMessageAt hasPendingSuggestion
  lead { name email company } lastMessage { direction textBody sentAt receivedAt } } } } }`;
const THREAD_QUERY = `query ($id: ID!) { conversation(id: $id) { id subject status lead { name email }
  messages(first: 50) { edges { node { direction subject textBody sentAt receivedAt } } }
  suggestions(first: 10) { edges { node { status confidence body } } } } }`;
const STATS_QUERY = `query { conversationStats { conversations { total open archived } email { sent received responseRate }
  ai { suggestions approvalRate meanConfidence } delivery { delivered opened clicked openRate clickRate } } }`;

const load = (options: autocannon.Options) => measure({ connections: CONNECTIONS, duration: DURATION, ...options });

const dataDir = EMBEDDED ? join(mkdtempSync(join(tmpdir(), 'parley-bench-')), 'data') : undefined;
const { threadConversationId } = process.argv.includes('--skip-generate')
  ? await existingThread()
  : await generate(SIZE, dataDir);

async function existingThread() {
  const client = new pg.Client({ connectionString: benchDatabaseUrl() });
  await client.connect();
  const { rows } = await client.query<{ id: string }>(
    `SELECT c.id FROM conversations c JOIN accounts a ON a.id = c.account_id WHERE a.slug = $1 ORDER BY last_message_at DESC LIMIT 1`,
    [BENCH_ACCOUNT],
  );
  await client.end();
  return { threadConversationId: rows[0]!.id };
}

const target: BenchDatabase = dataDir ? { embeddedDir: dataDir } : { database: DEFAULT_BENCH_DATABASE };

// The floor. With the embedded database it needs the data folder alone, so it runs first.
const floorResults: Record<string, Measured> = {};
await withBareServer(target, async (bareUrl) => {
  floorResults.list = await load({ url: `${bareUrl}/list` });
  floorResults.thread = await load({ url: `${bareUrl}/thread?id=${threadConversationId}` });
  floorResults.stats = await load({ url: `${bareUrl}/stats`, connections: 1 });
});

const ours: Record<string, Measured> = {};
await withParleyServer(target, {}, async (parley) => {
  const graphql = (query: string, variables?: object) => ({
    url: `${parley.url}/graphql`,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${parley.token}` },
    body: JSON.stringify({ query, variables }),
  });
  // Sanity: the answers are real and complete before anything is timed.
  for (const [name, request] of Object.entries({ list: graphql(LIST_QUERY), thread: graphql(THREAD_QUERY, { id: Buffer.from(`Conversation:${threadConversationId}`).toString('base64') }), stats: graphql(STATS_QUERY) })) {
    const response = await fetch(request.url, request);
    const text = await response.text();
    if (response.status !== 200 || text.includes('"errors"')) throw new Error(`${name}: ${text.slice(0, 300)}`);
  }
  ours.list = await load(graphql(LIST_QUERY));
  ours.thread = await load(graphql(THREAD_QUERY, { id: Buffer.from(`Conversation:${threadConversationId}`).toString('base64') }));
  ours.stats = await load({ ...graphql(STATS_QUERY), connections: 1 });
});

const line = (name: string, goal: string) => comparisonRow(name, ours[name]!, floorResults[name]!, goal);
const markdown = `
## Reads: list, thread, stats (${dataDir ? 'embedded PGlite' : 'PostgreSQL 15, local'})

\`npm run bench:http -- --size ${SIZE}${dataDir ? ' --embedded' : ''} --duration ${DURATION}\` on ${machine()}.
Data: ${SIZE} set (see bench/generate.ts). autocannon, ${CONNECTIONS} connections (stats: 1), ${DURATION} s per run, in the
same process as nothing else; server and floor each in their own process, one after the other.
Floor: bare node:http + pg, one hand-written SQL statement per request, same pool size.

${COMPARISON_TABLE_HEADER}
${line('list', 'p50 within 1.5x; >= 2,000 req/s on PostgreSQL')}
${line('thread', 'p50 within 1.5x')}
${line('stats', 'under 100 ms at 1M messages')}
`;
console.log(markdown);
writeSection(dataDir ? `http-embedded-${SIZE}` : `http-postgres-${SIZE}`, markdown);
process.exit(0);
