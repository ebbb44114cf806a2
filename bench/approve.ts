// Write benchmark: approveSuggestion through the local outbox (no POSTMARK_SERVER_TOKEN)
// against the bare floor's one-statement write (claim the draft, store the sent email), on
// the same data and pool size, in the same run. Every request approves a different PENDING
// draft, and every answer is checked: a run with one failed approval reports nothing.
// `npm run bench:approve -- [--duration 10] [--connections 10] [--drafts 40000] [--embedded] [--cpu-prof DIR]`
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type autocannon from 'autocannon';
import pg from 'pg';
import { createTokenVerifier } from '../src/auth/tokens.js';
import { loadConfig } from '../src/config.js';
import { encodeParleyId } from '../src/schema/ids.js';
import { describeBenchDatabase, generate, withBenchDatabase, type BenchDatabase } from './generate.js';
import { measureAfterWarmUp, type Measured } from './support/load.js';
import { COMPARISON_TABLE_HEADER, comparisonRow, machine, writeSection } from './support/results.js';
import { postgresPids } from './support/proc.js';
import { BENCH_JWT_SECRET, withBareServer, withParleyServer, type ParleyInfo } from './support/servers.js';
import { benchOptions, numberOption } from './support/args.js';

const options = benchOptions({
  duration: { type: 'string', default: '10' },
  'cpu-prof': { type: 'string' },
  connections: { type: 'string', default: '10' },
  drafts: { type: 'string', default: '40000' },
  embedded: { type: 'boolean', default: false },
});
const DURATION = numberOption('duration', options.duration);
const CPU_PROFILE_DIR = options['cpu-prof'];
const CONNECTIONS = numberOption('connections', options.connections);
const DRAFTS = numberOption('drafts', options.drafts);
const EMBEDDED = options.embedded;
const DATABASE = 'parley_bench_approve';
const WARMUP_SECONDS = 1;
/** Each agent approves fewer than the 60 a minute the rate limit allows one user. */
const APPROVALS_PER_AGENT = 50;

const APPROVE_MUTATION = `mutation ($input: ApproveSuggestionInput!) { approveSuggestion(input: $input) { __typename
  ... on ApproveSuggestionPayload { suggestion { id status } reply { id deliveryStatus } conversation { id status } }
  ... on Error { code message } } }`;

interface ApprovalData {
  accountId: string;
  suggestionIds: string[];
  agentIds: string[];
}

/**
 * Conversations waiting for review, each a lead's reply to our outreach with one PENDING
 * draft, plus enough AGENT users to approve them all within the rate limit.
 */
async function addPendingDrafts(url: string, drafts: number): Promise<ApprovalData> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const step = async <R extends pg.QueryResultRow>(label: string, sql: string, params: unknown[] = []) => {
      const started = Date.now();
      const result = await client.query<R>(sql, params);
      console.log(`  ${label}: ${result.rowCount ?? 0} rows in ${Date.now() - started} ms`);
      return result.rows;
    };
    const accountId = (await client.query<{ id: string }>(`SELECT id FROM accounts WHERE slug = 'bench'`)).rows[0]!.id;
    await step('prospects', `
      INSERT INTO leads (id, account_id, name, email, company, source, estimated_value, updated_at)
      SELECT gen_random_uuid(), $1, 'Prospect ' || g, 'prospect' || g || '@example.com', 'Prospect Co ' || g, 'bench-approve', 2000, now()
      FROM generate_series(1, $2) g`, [accountId, drafts]);
    await step('conversations waiting for review', `
      INSERT INTO conversations (id, account_id, lead_id, subject, status, last_message_at, reply_hash, created_at, updated_at)
      SELECT gen_random_uuid(), $1, l.id, 'A faster website for ' || l.company, 'NEEDS_REVIEW', now() - interval '1 hour',
             md5(l.id::text), now() - interval '2 days', now()
      FROM leads l WHERE l.account_id = $1 AND l.source = 'bench-approve'`, [accountId]);
    // Our outreach and the lead's answer, with Message-IDs: approval threads the reply on them.
    await step('outreach and replies', `
      INSERT INTO conversation_messages (id, account_id, conversation_id, direction, from_email, to_email, subject, text_body,
        message_id_header, delivery_status, sent_at, received_at, created_at)
      SELECT gen_random_uuid(), c.account_id, c.id, d.direction::"MessageDirection",
             CASE WHEN d.direction = 'OUTBOUND' THEN 'sales@parley.example.com' ELSE l.email END,
             CASE WHEN d.direction = 'OUTBOUND' THEN l.email ELSE 'replies+' || c.reply_hash || '@inbound.parley.example.com' END,
             CASE WHEN d.direction = 'OUTBOUND' THEN c.subject ELSE 'Re: ' || c.subject END,
             CASE WHEN d.direction = 'OUTBOUND' THEN 'Hello, we build fast websites. Could we help?' ELSE 'Sounds good. What would it cost?' END,
             '<' || d.direction || '-' || c.id || '@example.com>',
             (CASE WHEN d.direction = 'OUTBOUND' THEN 'DELIVERED' ELSE 'RECEIVED' END)::"DeliveryStatus",
             CASE WHEN d.direction = 'OUTBOUND' THEN now() - interval '1 day' END,
             CASE WHEN d.direction = 'INBOUND' THEN now() - interval '1 hour' END,
             now() - make_interval(hours => d.hours_ago)
      FROM conversations c JOIN leads l ON l.id = c.lead_id
      CROSS JOIN (VALUES ('OUTBOUND', 24), ('INBOUND', 1)) d(direction, hours_ago)
      WHERE l.account_id = $1 AND l.source = 'bench-approve'`, [accountId]);
    await step('last message pointers', `
      UPDATE conversations c SET last_message_id = m.id
      FROM conversation_messages m
      WHERE m.conversation_id = c.id AND m.direction = 'INBOUND' AND c.account_id = $1 AND c.last_message_id IS NULL`, [accountId]);
    const suggestions = await step<{ id: string }>('pending drafts', `
      INSERT INTO ai_suggestions (id, account_id, conversation_id, in_reply_to_id, status, subject, body, confidence, intent, sentiment,
        provider, model, created_at)
      SELECT gen_random_uuid(), c.account_id, c.id, c.last_message_id, 'PENDING', 'Re: ' || c.subject,
             'Thanks for your reply. A site like yours starts at our standard package; shall we talk on Thursday?',
             0.55, 'QUESTION', 'POSITIVE', 'offline', 'offline', now() - interval '50 minutes'
      FROM conversations c JOIN leads l ON l.id = c.lead_id
      WHERE l.account_id = $1 AND l.source = 'bench-approve'
      RETURNING id`, [accountId]);
    const agents = await step<{ id: string }>('agents', `
      INSERT INTO users (id, account_id, email, name, role)
      SELECT gen_random_uuid(), $1, 'agent' || g || '@bench.example.com', 'Agent ' || g, 'AGENT'
      FROM generate_series(1, $2) g
      RETURNING id`, [accountId, Math.ceil(drafts / APPROVALS_PER_AGENT)]);
    await step('vacuum analyze', 'VACUUM ANALYZE');
    return { accountId, suggestionIds: suggestions.map((s) => s.id), agentIds: agents.map((a) => a.id) };
  } finally {
    await client.end();
  }
}

/** Hands out each draft once, to the floor's and Parley's runs alike. */
function draftQueue(ids: string[]) {
  let next = 0;
  return {
    /** The draft and its position; past the end, the last draft again (its approval then fails). */
    take: () => {
      const index = Math.min(next++, ids.length - 1);
      return { id: ids[index]!, index };
    },
    get exhausted() {
      return next > ids.length;
    },
    get taken() {
      return Math.min(next, ids.length);
    },
  };
}

const dataDir = EMBEDDED ? join(mkdtempSync(join(tmpdir(), 'parley-bench-approve-')), 'data') : undefined;
const target: BenchDatabase = dataDir ? { embeddedDir: dataDir } : { database: DATABASE };
await generate('small', dataDir, DATABASE);
console.log(`Adding ${DRAFTS} conversations with a PENDING draft in ${describeBenchDatabase(target)}`);
const data = await withBenchDatabase(target, (url) => addPendingDrafts(url, DRAFTS));
const drafts = draftQueue(data.suggestionIds);

/** `pids`: the server's processes; PostgreSQL's are added (embedded, PGlite is among the server's). */
async function load(options: autocannon.Options, pids: number[]): Promise<Measured> {
  try {
    const cpuOf = () => (dataDir ? pids : [...pids, ...postgresPids()]);
    return await measureAfterWarmUp({ connections: CONNECTIONS, duration: DURATION, method: 'POST', ...options }, WARMUP_SECONDS, cpuOf);
  } catch (error) {
    if (drafts.exhausted) throw new Error(`All ${DRAFTS} drafts were approved before the run ended: raise --drafts.`);
    throw error;
  }
}

// The floor first: with the embedded database it needs the data folder alone.
const floor = await withBareServer(target, async (bareUrl, pids) => {
  const request = () => JSON.stringify({ suggestionId: drafts.take().id });
  const sample = await fetch(`${bareUrl}/approve`, { method: 'POST', body: request() });
  if (sample.status !== 200) throw new Error(`floor approve answered ${sample.status}: ${await sample.text()}`);
  return load({
    url: `${bareUrl}/approve`,
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (req) => ({ ...req, body: request() }) }],
    verifyBody: (body) => String(body).includes('"status":"approved"'),
  }, pids);
});

// JWTs as an identity provider would issue them, for agents who exist in the account.
const tokens = createTokenVerifier(loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: BENCH_JWT_SECRET }).auth);
const agentTokens = await Promise.all(
  data.agentIds.map((userId) => tokens.sign({ userId, accountId: data.accountId, role: 'AGENT' }, 3600)),
);

const profiling = CPU_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROFILE_DIR}`] : [];
const ours = await withParleyServer(target, { nodeArgs: profiling }, async (parley: ParleyInfo) => {
  // The agent changes every APPROVALS_PER_AGENT drafts, so no one reaches the rate limit.
  const request = () => {
    const draft = drafts.take();
    return {
      authorization: `Bearer ${agentTokens[Math.floor(draft.index / APPROVALS_PER_AGENT)]}`,
      // Each click carries its own idempotency key, as the README asks clients to do.
      body: JSON.stringify({
        query: APPROVE_MUTATION,
        variables: { input: { suggestionId: encodeParleyId('AISuggestion', draft.id), idempotencyKey: randomUUID() } },
      }),
    };
  };
  for (let i = 0; i < 3; i++) {
    const { authorization, body } = request();
    const response = await fetch(`${parley.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body });
    const answer = (await response.json()) as { data?: { approveSuggestion?: { __typename: string; reply?: { deliveryStatus: string } } } };
    const result = answer.data?.approveSuggestion;
    if (result?.__typename !== 'ApproveSuggestionPayload' || result.reply?.deliveryStatus !== 'SENT') {
      throw new Error(`approveSuggestion did not send: ${JSON.stringify(answer).slice(0, 500)}`);
    }
  }
  return load({
    url: `${parley.url}/graphql`,
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (req) => {
          const { authorization, body } = request();
          return { ...req, headers: { ...req.headers, authorization }, body };
        },
      },
    ],
    verifyBody: (body) => String(body).includes('"__typename":"ApproveSuggestionPayload"') && String(body).includes('"deliveryStatus":"SENT"'),
  }, [parley.pid]);
});

// Every answered approval must be in the database: the draft claimed and its email sent.
const sent = await withBenchDatabase(target, async (url) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ sent: number; outbox: number }>(`
      SELECT (SELECT count(*)::int FROM ai_suggestions s JOIN conversation_messages m ON m.id = s.sent_message_id
              WHERE s.status = 'APPROVED' AND m.delivery_status = 'SENT' AND s.id = ANY($1::uuid[])) AS sent,
             (SELECT count(*)::int FROM outbox_emails) AS outbox`, [data.suggestionIds]);
    return rows[0]!;
  } finally {
    await client.end();
  }
});
if (sent.sent < floor.requests + ours.requests || sent.outbox < ours.requests) {
  throw new Error(`Answered ${floor.requests} floor and ${ours.requests} Parley approvals, but the database holds ${sent.sent} sent drafts and ${sent.outbox} outbox emails.`);
}
console.log(`Checked: ${sent.sent} drafts approved and sent (${drafts.taken} handed out), ${sent.outbox} emails in the outbox.`);

const markdown = `
## Writes: approveSuggestion (${dataDir ? 'embedded PGlite' : 'PostgreSQL 15, local'})

\`npm run bench:approve -- --duration ${DURATION}${dataDir ? ' --embedded' : ''}\` on ${machine()}.
Database: ${dataDir ? 'embedded PGlite (one connection)' : `PostgreSQL 15 on 127.0.0.1 (\`${DATABASE}\`, pool of 10)`}; the small set
(bench/generate.ts) plus ${DRAFTS.toLocaleString('en')} conversations waiting for review, each with one PENDING draft. Every
request approves a different draft, as one of ${data.agentIds.length.toLocaleString('en')} AGENT users (${APPROVALS_PER_AGENT} approvals each, under
the rate limit of 60 a minute), with its own idempotency key; email goes to the local outbox (no POSTMARK_SERVER_TOKEN).
autocannon, ${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up then ${DURATION} s; server and floor each in their own process,
one after the other. Every response was checked (payload type and SENT; floor: the row written) and afterwards the
database: ${sent.sent.toLocaleString('en')} drafts approved with their email SENT, none failed.

Floor: bare node:http + pg, one statement (one transaction) that marks the draft APPROVED and inserts the outbound
message. Parley does what an approval needs beyond that, in about 30 SQL statements (\`npx tsx bench/email-send.ts\`
counts them) and two transactions: replay check of the idempotency key, conversation row lock, draft claim, audit rows,
thread headers, QUEUED message and delivery record with a lease, then (outside the transaction) the outbox write and the
settling transaction (message SENT, conversation WAITING_FOR_LEAD), and the payload's reads.

${COMPARISON_TABLE_HEADER}
${comparisonRow('approveSuggestion', ours, floor, 'none set yet: issue 9 asks for the ratio')}
`;
console.log(markdown);
writeSection(dataDir ? 'approve-embedded' : 'approve-postgres', markdown);
if (dataDir) rmSync(dirname(dataDir), { recursive: true, force: true });
process.exit(0);
