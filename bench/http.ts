// Read benchmarks: Parley's GraphQL against a bare node:http + pg handler running one
// hand-written SQL statement (the floor), same data, same pool size, same run.
//   list:   conversations(first: 20) with lead, last message and pending flag
//   thread: one conversation with 50 messages and its drafts
//   stats:  conversationStats against the same single SQL statement run bare
// `npm run bench:http -- [--size small|medium|large] [--duration 10] [--embedded] [--skip-generate]`
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { benchDatabaseUrl, BENCH_ACCOUNT, generate, type Size } from './generate.js';
import { cpuMs, graphqlRequest, LIST_QUERY, parleyEnv, postgresPids, STATS_QUERY, THREAD_QUERY } from './support/workload.js';
import { machine, writeSection } from './support/results.js';
import { spawnServer } from './support/spawn.js';

const argValue = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const SIZE = (argValue('size') ?? 'large') as Size;
const DURATION = Number(argValue('duration') ?? 10);
const CONNECTIONS = Number(argValue('connections') ?? 10);
const EMBEDDED = process.argv.includes('--embedded');

interface Measured {
  p50: number;
  p99: number;
  rps: number;
  /** CPU time per request of the server's and the database's processes (all threads), in ms. */
  cpuPerRequest: number;
}

/** Runs one load and measures it; `serverPids`: the server, and its PGlite process when embedded. */
async function load(serverPids: number[], options: autocannon.Options): Promise<Measured> {
  // The database's CPU counts too: on PostgreSQL its processes (the pool's backends are open
  // after the warm-up), embedded the PGlite inside or beside the server.
  const pids = dataDir ? serverPids : [...serverPids, ...postgresPids()];
  const read = () => new Map(pids.flatMap((pid) => (existsSync(`/proc/${pid}`) ? [[pid, cpuMs(pid)] as const] : [])));
  const cpuBefore = read();
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION, ...options });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${options.url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  // A process gone by the end (an idle pool connection closed) is left out of the sum.
  let cpuUsed = 0;
  for (const [pid, after] of read()) cpuUsed += after - (cpuBefore.get(pid) ?? after);
  const cpuPerRequest = cpuUsed / result.requests.total;
  return { p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average, cpuPerRequest };
}

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

const env = parleyEnv(dataDir);

// The floor. With the embedded database it needs the data folder alone, so it runs first.
const floorResults: Record<string, Measured> = {};
{
  // With the embedded database, the floor reaches the data folder through PGlite in a process
  // of its own, whose CPU counts as the floor's (Parley runs PGlite in its own process).
  const database = dataDir
    ? await spawnServer<{ url: string; pid: number }>('bench/support/embedded-database.ts', { PARLEY_DATA_DIR: dataDir })
    : undefined;
  const bareEnv = database ? { ...env, DATABASE_URL: database.info.url, DATABASE_POOL_SIZE: '1' } : env;
  const bare = await spawnServer<{ url: string; pid: number }>('bench/support/bare-sql-server.ts', bareEnv);
  const pids = [bare.info.pid, ...(database ? [database.info.pid] : [])];
  try {
    await autocannon({ url: `${bare.info.url}/list`, connections: CONNECTIONS, duration: 2 });
    floorResults.list = await load(pids, { url: `${bare.info.url}/list` });
    floorResults.thread = await load(pids, { url: `${bare.info.url}/thread?id=${threadConversationId}` });
    floorResults.stats = await load(pids, { url: `${bare.info.url}/stats`, connections: 1 });
  } finally {
    await bare.stop();
    await database?.stop();
  }
}

const ours: Record<string, Measured> = {};
const parley = await spawnServer<{ url: string; token: string; pid: number }>('bench/support/parley-server.ts', env);
try {
  const graphql = (query: string, variables?: object) => graphqlRequest(parley.info.url, parley.info.token, query, variables);
  // Sanity: the answers are real and complete before anything is timed.
  for (const [name, request] of Object.entries({ list: graphql(LIST_QUERY), thread: graphql(THREAD_QUERY, { id: Buffer.from(`Conversation:${threadConversationId}`).toString('base64') }), stats: graphql(STATS_QUERY) })) {
    const response = await fetch(request.url, request);
    const text = await response.text();
    if (response.status !== 200 || text.includes('"errors"')) throw new Error(`${name}: ${text.slice(0, 300)}`);
  }
  const pid = [parley.info.pid];
  // Warm-up, so the JIT and the connection pool are ready before the timed runs.
  await autocannon({ ...graphql(LIST_QUERY), connections: CONNECTIONS, duration: 2 });
  ours.list = await load(pid, graphql(LIST_QUERY));
  ours.thread = await load(pid, graphql(THREAD_QUERY, { id: Buffer.from(`Conversation:${threadConversationId}`).toString('base64') }));
  ours.stats = await load(pid, { ...graphql(STATS_QUERY), connections: 1 });
} finally {
  await parley.stop();
}

const line = (name: string, goal: string) => {
  const f = floorResults[name]!;
  const o = ours[name]!;
  return `| ${name} | ${o.p50} / ${f.p50} | ${(o.p50 / Math.max(f.p50, 0.01)).toFixed(2)}x | ${o.p99} / ${f.p99} | ${Math.round(o.rps)} / ${Math.round(f.rps)} | ${(o.rps / f.rps).toFixed(2)} | ${o.cpuPerRequest.toFixed(2)} / ${f.cpuPerRequest.toFixed(2)} | ${goal} |`;
};
const markdown = `
## Reads: list, thread, stats (${dataDir ? 'embedded PGlite' : 'PostgreSQL 15, local'})

\`npm run bench:http -- --size ${SIZE}${dataDir ? ' --embedded' : ''} --duration ${DURATION}\` on ${machine()}.
Data: ${SIZE} set (see bench/generate.ts). autocannon, ${CONNECTIONS} connections (stats: 1), ${DURATION} s per run, in the
same process as nothing else; server and floor each in their own process, one after the other.
Floor: bare node:http + pg, one hand-written SQL statement per request, same pool size. Parley runs in production mode.
CPU: user + system time of the server's and the database's processes (all threads) over the run, divided by the requests
served${dataDir ? `: Parley's process also runs PGlite; the floor's figure adds its own PGlite process` : ": the server's process and PostgreSQL's"}.

| benchmark | p50 ms Parley / floor | p50 ratio | p99 ms Parley / floor | req/s Parley / floor | throughput ratio | server + database CPU ms per request, Parley / floor | goal |
|---|---|---|---|---|---|---|---|
${line('list', 'p50 within 1.5x; >= 2,000 req/s on PostgreSQL')}
${line('thread', 'p50 within 1.5x')}
${line('stats', 'under 100 ms at 1M messages')}
`;
console.log(markdown);
writeSection(dataDir ? `http-embedded-${SIZE}` : `http-postgres-${SIZE}`, markdown);
process.exit(0);
