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
import { postgresPids } from './support/proc.js';
import { measure, measureAfterWarmUp, type Measured } from './support/load.js';
import { COMPARISON_TABLE_HEADER, comparisonRow, machine, writeSection } from './support/results.js';
import { withBareServer, withParleyServer } from './support/servers.js';
import { graphqlRequest, LIST_QUERY, STATS_QUERY, THREAD_QUERY } from './support/workload.js';
import { benchOptions, numberOption } from './support/args.js';

const options = benchOptions({
  size: { type: 'string', default: 'large' },
  duration: { type: 'string', default: '10' },
  connections: { type: 'string', default: '10' },
  embedded: { type: 'boolean', default: false },
  'skip-generate': { type: 'boolean', default: false },
});
const SIZE = options.size as Size;
const DURATION = numberOption('duration', options.duration);
const CONNECTIONS = numberOption('connections', options.connections);
const EMBEDDED = options.embedded;
const WARM_UP_SECONDS = 2;

const dataDir = EMBEDDED ? join(mkdtempSync(join(tmpdir(), 'parley-bench-')), 'data') : undefined;
const { threadConversationId } = options['skip-generate']
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
// CPU counts the server's processes and the database's: embedded, PGlite runs inside Parley's
// process and in a process of its own beside the floor; otherwise PostgreSQL's processes
// (the pools' backends are open once the warm-up ran).
const withDatabase = (pids: number[]) => (dataDir ? pids : [...pids, ...postgresPids()]);
const threadId = Buffer.from(`Conversation:${threadConversationId}`).toString('base64');

/** The three runs against one server: list (after a warm-up), thread, and stats on one connection. */
async function runAll(requests: Record<'list' | 'thread' | 'stats', autocannon.Options>, pids: number[]): Promise<Record<string, Measured>> {
  const options = { connections: CONNECTIONS, duration: DURATION };
  return {
    list: await measureAfterWarmUp({ ...requests.list, ...options }, WARM_UP_SECONDS, () => withDatabase(pids)),
    thread: await measure({ ...requests.thread, ...options }, withDatabase(pids)),
    stats: await measure({ ...requests.stats, ...options, connections: 1 }, withDatabase(pids)),
  };
}

// The floor. With the embedded database it needs the data folder alone, so it runs first.
const floor = await withBareServer(target, (url, pids) =>
  runAll({ list: { url: `${url}/list` }, thread: { url: `${url}/thread?id=${threadConversationId}` }, stats: { url: `${url}/stats` } }, pids),
);

const ours = await withParleyServer(target, {}, async (parley) => {
  const requests = {
    list: graphqlRequest(parley.url, parley.token, LIST_QUERY),
    thread: graphqlRequest(parley.url, parley.token, THREAD_QUERY, { id: threadId }),
    stats: graphqlRequest(parley.url, parley.token, STATS_QUERY),
  };
  // Sanity: the answers are real and complete before anything is timed.
  for (const [name, sample] of Object.entries(requests)) {
    const response = await fetch(sample.url, sample);
    const text = await response.text();
    if (response.status !== 200 || text.includes('"errors"')) throw new Error(`${name}: ${text.slice(0, 300)}`);
  }
  return runAll(requests, [parley.pid]);
});

const line = (name: string, goal: string) => comparisonRow(name, ours[name]!, floor[name]!, goal);
const markdown = `
## Reads: list, thread, stats (${dataDir ? 'embedded PGlite' : 'PostgreSQL 15, local'})

\`npm run bench:http -- --size ${SIZE}${dataDir ? ' --embedded' : ''} --duration ${DURATION}\` on ${machine()}.
Data: ${SIZE} set (see bench/generate.ts). autocannon, ${CONNECTIONS} connections (stats: 1), ${DURATION} s per run after a
${WARM_UP_SECONDS} s warm-up, in the same process as nothing else; server and floor each in their own process, one after the other.
Floor: bare node:http + pg, one hand-written SQL statement per request, same pool size. Parley runs in production mode.
CPU: user + system time over the run of the server's and the database's processes (every thread), per request served
(${dataDir ? "Parley's process also runs PGlite; the floor's figure adds its own PGlite process" : "the server's process and PostgreSQL's"}).

${COMPARISON_TABLE_HEADER}
${line('list', 'p50 within 1.5x; >= 2,000 req/s on PostgreSQL')}
${line('thread', 'p50 within 1.5x')}
${line('stats', 'under 100 ms at 1M messages')}
`;
console.log(markdown);
writeSection(dataDir ? `http-embedded-${SIZE}` : `http-postgres-${SIZE}`, markdown);
process.exit(0);
