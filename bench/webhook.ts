// Write benchmark: Postmark's inbound webhook (POST /webhooks/postmark/inbound, basic auth),
// each request a lead's reply with its own MessageID, threaded by MailboxHash into one of the
// data set's conversations (the Reply-To hash of our email, as Postmark passes it on).
//   a. most acknowledged replies per second, 10 connections, against the bare floor;
//   b. latency at a fixed 200 replies a second (goal: p99 under 50 ms), against the floor;
//   c. time from the webhook's 200 until the draft it queued is ready (job worker on,
//      offline AI), seen by a client subscribed to aiReady; no floor for that.
// `npm run bench:webhook -- [--duration 10] [--connections 10] [--rate 200] [--drafts 50] [--size small] [--embedded]
//   [--cpu-prof DIR]` (the last writes a V8 CPU profile of the Parley server's load runs a and b into DIR)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type autocannon from 'autocannon';
import { createClient } from 'graphql-ws';
import pg from 'pg';
import WebSocket from 'ws';
import { encodeParleyId } from '../src/schema/ids.js';
import { devAuth, inboundPayload } from '../test/support/postmark-payloads.js';
import { generate, withBenchDatabase, type BenchDatabase, type Size } from './generate.js';
import { measureAfterWarmUp } from './support/load.js';
import { COMPARISON_TABLE_HEADER, comparisonRow, machine, percentile, writeSection } from './support/results.js';
import { postgresPids } from './support/proc.js';
import { withBareServer, withParleyServer, type ParleyInfo } from './support/servers.js';
import { benchOptions, numberOption } from './support/args.js';

const options = benchOptions({
  size: { type: 'string', default: 'small' },
  duration: { type: 'string', default: '10' },
  connections: { type: 'string', default: '10' },
  rate: { type: 'string', default: '200' },
  drafts: { type: 'string', default: '50' },
  embedded: { type: 'boolean', default: false },
  'cpu-prof': { type: 'string' },
});
const SIZE = options.size as Size;
const DURATION = numberOption('duration', options.duration);
const CONNECTIONS = numberOption('connections', options.connections);
const RATE = numberOption('rate', options.rate);
const DRAFTS = numberOption('drafts', options.drafts);
const DRAFT_WARMUP = 5;
const EMBEDDED = options.embedded;
const DATABASE = 'parley_bench_webhook';
const CPU_PROFILE_DIR = options['cpu-prof'];
const WARMUP_SECONDS = 1;
const P99_GOAL_MS = 50;
/** The worker's default; the webhook wakes it, so the interval matters only when a wake is missed. */
const POLL_INTERVAL_MS = 1000;
const DRAFT_TIMEOUT_MS = 30_000;

interface Thread {
  id: string;
  replyHash: string;
  subject: string;
  leadEmail: string;
  leadName: string;
}

const dataDir = EMBEDDED ? join(mkdtempSync(join(tmpdir(), 'parley-bench-webhook-')), 'data') : undefined;
const target: BenchDatabase = dataDir ? { embeddedDir: dataDir } : { database: DATABASE };
await generate(SIZE, dataDir, DATABASE);
const threads = await withBenchDatabase(target, async (url) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<Thread>(`
      SELECT c.id, c.reply_hash AS "replyHash", c.subject, l.email AS "leadEmail", l.name AS "leadName"
      FROM conversations c JOIN leads l ON l.id = c.lead_id ORDER BY c.id`);
    return rows;
  } finally {
    await client.end();
  }
});
// The drafting runs get conversations of their own, untouched by the load runs' replies.
const draftThreads = threads.slice(0, DRAFT_WARMUP + DRAFTS);
const loadThreads = threads.slice(DRAFT_WARMUP + DRAFTS);
if (loadThreads.length === 0) throw new Error(`The ${SIZE} set has too few conversations for ${DRAFTS} drafts.`);

/** A reply from the conversation's lead, as Postmark posts it; a new MessageID every time. */
const replyTo = (thread: Thread) =>
  JSON.stringify(inboundPayload({ from: thread.leadEmail, fromName: thread.leadName, mailboxHash: thread.replyHash, subject: `Re: ${thread.subject}` }));

let sent = 0;
const nextReply = () => replyTo(loadThreads[sent++ % loadThreads.length]!);

/** `pids`: the server's processes; PostgreSQL's are added (embedded, PGlite is among the server's). */
const load = (options: autocannon.Options, pids: number[]) =>
  measureAfterWarmUp(
    {
      connections: CONNECTIONS,
      duration: DURATION,
      method: 'POST',
      requests: [{ setupRequest: (req) => ({ ...req, body: nextReply() }) }],
      ...options,
    },
    WARMUP_SECONDS,
    () => (dataDir ? pids : [...pids, ...postgresPids()]),
  );

// The floor first: with the embedded database it needs the data folder alone.
const floor = await withBareServer(target, async (bareUrl, pids) => {
  const sample = await fetch(`${bareUrl}/inbound`, { method: 'POST', body: nextReply() });
  if (sample.status !== 200) throw new Error(`floor inbound answered ${sample.status}: ${await sample.text()}`);
  const options = {
    url: `${bareUrl}/inbound`,
    headers: { 'content-type': 'application/json' },
    verifyBody: (body: unknown) => String(body).includes('"status":"stored"'),
  };
  return { max: await load(options, pids), fixedRate: await load({ ...options, overallRate: RATE }, pids) };
});

/** Sends one reply at a time and times it from the 200 until the client is told its draft is ready. */
async function draftLatencies(parley: ParleyInfo): Promise<number[]> {
  const readyAt = new Map<string, number>();
  let woken: () => void = () => undefined;
  const client = createClient({
    url: `${parley.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${parley.token}` },
    retryAttempts: 0,
  });
  const subscribed = new Promise<void>((resolve) => client.on('connected', () => resolve()));
  const unsubscribe = client.subscribe<{ aiReady: { conversation: { id: string } } }>(
    { query: 'subscription { aiReady { conversation { id } } }' },
    {
      next: (result) => {
        readyAt.set(result.data!.aiReady.conversation.id, performance.now());
        woken();
      },
      error: (error) => console.error('aiReady subscription failed', error),
      complete: () => undefined,
    },
  );
  await subscribed;
  const latencies: number[] = [];
  try {
    for (const [i, thread] of draftThreads.entries()) {
      const conversationId = encodeParleyId('Conversation', thread.id);
      const response = await fetch(`${parley.url}/webhooks/postmark/inbound`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: devAuth },
        body: replyTo(thread),
      });
      const acknowledgedAt = performance.now();
      const answer = await response.text();
      if (response.status !== 200 || !answer.includes('"threadedBy":"mailbox-hash"')) throw new Error(`inbound webhook answered ${response.status}: ${answer}`);
      while (!readyAt.has(conversationId)) {
        if (performance.now() - acknowledgedAt > DRAFT_TIMEOUT_MS) throw new Error(`no aiReady for conversation ${thread.id} within ${DRAFT_TIMEOUT_MS} ms`);
        await new Promise<void>((resolve) => {
          woken = resolve;
          setTimeout(resolve, 100);
        });
      }
      // The first few warm the drafting path (the offline classifier trains on first use).
      if (i >= DRAFT_WARMUP) latencies.push(readyAt.get(conversationId)! - acknowledgedAt);
    }
  } finally {
    unsubscribe();
    await client.dispose();
  }
  return latencies.sort((a, b) => a - b);
}

const draftReady = await withParleyServer(
  target,
  { env: { JOBS_RUN_WORKER: 'true', JOBS_POLL_INTERVAL_MS: String(POLL_INTERVAL_MS) } },
  draftLatencies,
);

const profiling = CPU_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROFILE_DIR}`] : [];
const ours = await withParleyServer(target, { nodeArgs: profiling }, async (parley) => {
  const sample = await fetch(`${parley.url}/webhooks/postmark/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: devAuth },
    body: nextReply(),
  });
  const answer = await sample.text();
  if (sample.status !== 200 || !answer.includes('"threadedBy":"mailbox-hash"')) throw new Error(`inbound webhook answered ${sample.status}: ${answer}`);
  const options = {
    url: `${parley.url}/webhooks/postmark/inbound`,
    headers: { 'content-type': 'application/json', authorization: devAuth },
    verifyBody: (body: unknown) => String(body).includes('"status":"stored"') && String(body).includes('"threadedBy":"mailbox-hash"'),
  };
  return { max: await load(options, [parley.pid]), fixedRate: await load({ ...options, overallRate: RATE }, [parley.pid]) };
});

const p99Met = ours.fixedRate.p99 < P99_GOAL_MS;
const ms = (value: number) => value.toFixed(0);
const markdown = `
## Writes: Postmark inbound webhook (${dataDir ? 'embedded PGlite' : 'PostgreSQL 15, local'})

\`npm run bench:webhook -- --duration ${DURATION}${dataDir ? ' --embedded' : ''}\` on ${machine()}.
Database: ${dataDir ? 'embedded PGlite (one connection)' : `PostgreSQL 15 on 127.0.0.1 (\`${DATABASE}\`, pool of 10)`}; the ${SIZE} set
(bench/generate.ts). Each request is a lead's reply as Postmark posts it (test/support/postmark-payloads.ts), with its
own MessageID, threaded by MailboxHash (the Reply-To hash of our email) into one of ${loadThreads.length.toLocaleString('en')} existing
conversations in turn, so no new leads or conversations are created. Every answer was checked: 200 with
\`"status":"stored"\` and \`"threadedBy":"mailbox-hash"\` (floor: the row written).

Before its 200 Parley checks basic auth and the payload, finds the thread and checks for a duplicate, then stores
the reply, moves the conversation to NEEDS_REVIEW, writes the audit row and queues the drafting and embedding jobs
with one statement (three round trips in all); job worker off in these runs (JOBS_RUN_WORKER=false, as on
a web-only instance). Floor: bare node:http + pg that parses the JSON and
inserts the message row, one statement, no auth. autocannon, ${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up then ${DURATION} s per run;
at a fixed rate autocannon corrects latencies for coordinated omission. Server and floor each in their own process,
one after the other.

${COMPARISON_TABLE_HEADER}
${comparisonRow('a. maximum', ours.max, floor.max, 'none set yet: issue 9 asks for the ratio')}
${comparisonRow(`b. fixed ${RATE} req/s`, ours.fixedRate, floor.fixedRate, `p99 under ${P99_GOAL_MS} ms: ${p99Met ? 'met' : 'missed'}`)}

c. Draft ready: ${draftReady.length} replies, one at a time, to conversations of their own, job worker on (concurrency 4, poll
interval ${POLL_INTERVAL_MS} ms; the webhook wakes the worker at once), offline AI; time from the webhook's 200 until a client subscribed
to \`aiReady\` gets the event (published after the draft's transaction commits). ${DRAFT_WARMUP} replies before them are not counted.

| from webhook 200 to aiReady | p50 ms | p99 ms | max ms |
|---|---|---|---|
| offline drafting | ${ms(percentile(draftReady, 50))} | ${ms(percentile(draftReady, 99))} | ${ms(draftReady.at(-1)!)} |
`;
console.log(markdown);
writeSection(dataDir ? 'webhook-embedded' : 'webhook-postgres', markdown);
if (dataDir) rmSync(dirname(dataDir), { recursive: true, force: true });
process.exit(0);
