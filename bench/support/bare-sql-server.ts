// The floor for the HTTP benchmarks: a bare node:http handler over pg running one
// hand-written SQL statement per request and returning its JSON. Prints READY {url, pid}.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';

// JIT off, as Parley runs it: the best the statements can do.
// application_name: the benchmark finds this pool's backends by it (their CPU is the floor's).
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
  options: '-c jit=off',
  application_name: process.env.BENCH_APPLICATION_NAME ?? 'bench-floor',
  // Connections live for the run: each statement below is prepared once per connection (as
  // Parley's and PostGraphile's are), and an embedded database is one session that would still
  // hold a closed connection's statements.
  idleTimeoutMillis: 0,
});

/** A named (prepared) statement: parsed and planned once per connection, as a floor should be. */
const prepared = <Row extends pg.QueryResultRow = any>(name: string, text: string, values: unknown[]) => pool.query<Row>({ name, text, values });
const account = (await pool.query<{ id: string }>(`SELECT id FROM accounts WHERE slug = $1`, [process.env.PARLEY_DEV_ACCOUNT ?? 'bench'])).rows[0]!.id;

const LIST = `
  SELECT json_build_object('edges', coalesce(json_agg(json_build_object('node', json_build_object(
    'id', c.id, 'subject', c.subject, 'status', c.status, 'lastMessageAt', c.last_message_at,
    'hasPendingSuggestion', EXISTS (SELECT 1 FROM ai_suggestions s WHERE s.conversation_id = c.id AND s.status = 'PENDING'),
    'lead', json_build_object('name', l.name, 'email', l.email, 'company', l.company),
    'lastMessage', json_build_object('direction', m.direction, 'textBody', m.text_body, 'sentAt', m.sent_at, 'receivedAt', m.received_at)
  )) ORDER BY c.last_message_at DESC, c.id DESC), '[]')) AS page
  FROM (SELECT * FROM conversations WHERE account_id = $1 ORDER BY last_message_at DESC, id DESC LIMIT 20) c
  JOIN leads l ON l.id = c.lead_id
  LEFT JOIN conversation_messages m ON m.id = c.last_message_id`;

const THREAD = `
  SELECT json_build_object(
    'id', c.id, 'subject', c.subject, 'status', c.status,
    'lead', (SELECT json_build_object('name', l.name, 'email', l.email) FROM leads l WHERE l.id = c.lead_id),
    'messages', (SELECT coalesce(json_agg(json_build_object('direction', m.direction, 'subject', m.subject, 'textBody', m.text_body,
                   'sentAt', m.sent_at, 'receivedAt', m.received_at) ORDER BY m.created_at, m.id), '[]')
                 FROM (SELECT * FROM conversation_messages WHERE conversation_id = c.id ORDER BY created_at, id LIMIT 50) m),
    'suggestions', (SELECT coalesce(json_agg(json_build_object('status', s.status, 'confidence', s.confidence, 'body', s.body)
                   ORDER BY s.created_at DESC, s.id DESC), '[]')
                 FROM (SELECT * FROM ai_suggestions WHERE conversation_id = c.id ORDER BY created_at DESC, id DESC LIMIT 10) s)
  ) AS thread
  FROM conversations c WHERE c.id = $1 AND c.account_id = $2`;

// Approval's minimal write, as one statement (one transaction): claim the PENDING draft and
// store the email sent from it. No audit, outbox, delivery record or conversation update.
const APPROVE = `
  WITH claimed AS (
    UPDATE ai_suggestions SET status = 'APPROVED', decided_at = now(), sent_message_id = $2
    WHERE id = $1 AND account_id = $3 AND status = 'PENDING'
    RETURNING conversation_id, subject, body)
  INSERT INTO conversation_messages (id, account_id, conversation_id, direction, from_email, to_email, subject, text_body,
    delivery_status, sent_at, created_at)
  SELECT $2, $3, c.id, 'OUTBOUND', 'sales@parley.example.com', l.email, claimed.subject, claimed.body, 'SENT', now(), now()
  FROM claimed JOIN conversations c ON c.id = claimed.conversation_id JOIN leads l ON l.id = c.lead_id
  RETURNING id`;

// An inbound email's minimal write: one row in the conversation its MailboxHash names.
const INBOUND = `
  INSERT INTO conversation_messages (id, account_id, conversation_id, direction, from_email, to_email, subject, text_body,
    provider_message_id, delivery_status, received_at, created_at)
  SELECT gen_random_uuid(), c.account_id, c.id, 'INBOUND', $2, $3, $4, $5, $6, 'RECEIVED', now(), now()
  FROM conversations c WHERE c.reply_hash = $1
  RETURNING id`;

async function readJson<T>(req: IncomingMessage): Promise<T> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as T;
}

/** The written row, or 409 when nothing was written (the benchmark counts it as a failure). */
async function write(res: ServerResponse, sql: string, values: unknown[], status: string) {
  const { rows } = await prepared<{ id: string }>(status, sql, values);
  if (rows.length === 0) res.writeHead(409).end();
  else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status, id: rows[0]!.id }));
}

const { conversationStatsSql } = await import('../../src/domain/read/stats.js');

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let body: unknown;
    if (url.pathname === '/list') body = (await prepared('list', LIST, [account])).rows[0].page;
    else if (url.pathname === '/thread') body = (await prepared('thread', THREAD, [url.searchParams.get('id'), account])).rows[0]?.thread;
    // The fixed cost's floor, as `{ __typename }` is to a GraphQL server: read and parse the body, answer.
    else if (url.pathname === '/typename' && req.method === 'POST') {
      await readJson(req);
      body = { data: { __typename: 'Query' } };
    } else if (url.pathname === '/stats') {
      const until = new Date();
      const since = new Date(until.getTime() - 7 * 24 * 3600 * 1000);
      const { text, values } = conversationStatsSql(account, { since, until });
      body = (await prepared('stats', text, values)).rows[0];
    } else if (url.pathname === '/approve' && req.method === 'POST') {
      const { suggestionId } = await readJson<{ suggestionId: string }>(req);
      return await write(res, APPROVE, [suggestionId, randomUUID(), account], 'approved');
    } else if (url.pathname === '/inbound' && req.method === 'POST') {
      const email = await readJson<{ MailboxHash: string; From: string; To: string; Subject: string; TextBody: string; MessageID: string }>(req);
      return await write(res, INBOUND, [email.MailboxHash, email.From, email.To, email.Subject, email.TextBody, email.MessageID], 'stored');
    } else {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  } catch (error) {
    res.writeHead(500).end(String(error));
  }
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  console.log(`READY ${JSON.stringify({ url: `http://127.0.0.1:${port}`, pid: process.pid })}`);
});
process.once('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
