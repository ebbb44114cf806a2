// Subscription fan-out: latency from publish to receipt for N concurrent WebSocket
// subscribers on one instance, and memory per idle subscription, for Parley (graphql-ws,
// auth, pubsub, per-subscriber relay) against a bare `ws` broadcast server (the floor),
// both measured in this run. Parley's subscribers select data the event carries from the
// database (conversation, email), while writers keep the database busy with mutations and
// reads that publish nothing; subscribers cut off ("Subscriber too slow") are counted.
// `npm run bench:subscriptions [-- --subscribers 2000 --events 30 --writers 2]`
import { randomUUID } from 'node:crypto';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { machine, percentile, writeSection } from './support/results.js';
import { rssBytes } from './support/proc.js';
import { spawnServer } from './support/spawn.js';
import { benchOptions, numberOption } from './support/args.js';

const options = benchOptions({
  subscribers: { type: 'string', default: '2000' },
  events: { type: 'string', default: '30' },
  writers: { type: 'string', default: '2' },
});
const SUBSCRIBERS = numberOption('subscribers', options.subscribers);
const EVENTS = numberOption('events', options.events);
/** Concurrent writers (archive/unarchive and list, no events) while events are measured. */
const WRITERS = numberOption('writers', options.writers);
const SELECTION = 'subscription { newReply { at conversation { id subject status lead { email } } email { direction strippedText } } }';
const WARMUP = 5;

interface Scenario {
  latenciesMs: number[];
  bytesPerSubscription: number;
  /** Subscriptions the server ended before the client did (e.g. "Subscriber too slow"). */
  cutOff?: number;
  /** Writes (mutations and reads) made while events were measured. */
  writes?: number;
}

/** Posts events one at a time; each is done when every subscriber has it. */
async function drive(received: { count: number }, publish: () => Promise<void>, latencies: number[], measure: boolean) {
  const target = received.count + SUBSCRIBERS;
  const before = latencies.length;
  await publish();
  for (let i = 0; received.count < target; i++) {
    if (i > 12_000) throw new Error(`only ${received.count - (target - SUBSCRIBERS)} of ${SUBSCRIBERS} received an event`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  if (!measure) latencies.length = before;
}

async function bare(): Promise<Scenario> {
  const server = await spawnServer<{ url: string; pid: number }>('bench/support/bare-ws-server.ts');
  try {
    const baseline = rssBytes(server.info.pid);
    const received = { count: 0 };
    const latencies: number[] = [];
    let measuring = false;
    const sockets = await Promise.all(
      Array.from({ length: SUBSCRIBERS }, () => new Promise<WebSocket>((resolve) => {
        const socket = new WebSocket(server.info.url.replace('http', 'ws'));
        socket.on('message', (data) => {
          const at = Date.parse((JSON.parse(String(data)) as { payload: { data: { newReply: { at: string } } } }).payload.data.newReply.at);
          if (measuring) latencies.push(Date.now() - at);
          received.count++;
        });
        socket.once('open', () => resolve(socket));
      })),
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const bytesPerSubscription = (rssBytes(server.info.pid) - baseline) / SUBSCRIBERS;
    const publish = async () => void (await fetch(server.info.url, { method: 'POST', body: randomUUID() }));
    for (let i = 0; i < WARMUP; i++) await drive(received, publish, latencies, false);
    measuring = true;
    for (let i = 0; i < EVENTS; i++) await drive(received, publish, latencies, true);
    sockets.forEach((s) => s.terminate());
    return { latenciesMs: latencies.sort((a, b) => a - b), bytesPerSubscription };
  } finally {
    await server.stop();
  }
}

async function parley(): Promise<Scenario> {
  const server = await spawnServer<{ url: string; token: string; pid: number }>('bench/support/parley-server.ts', {
    JOBS_RUN_WORKER: 'false',
    NODE_ENV: 'development',
  });
  try {
    const wsUrl = `${server.info.url.replace('http', 'ws')}/graphql`;
    const baseline = rssBytes(server.info.pid);
    const received = { count: 0 };
    const latencies: number[] = [];
    let measuring = false;
    const clients = [];
    let cutOff = 0;
    let disposing = false;
    // Connections open in batches, each awaited: 2,000 at once on a loaded 2-core machine miss
    // graphql-ws's connection_init timeout, which would measure the setup, not the fan-out.
    let batch: Promise<void>[] = [];
    for (let i = 0; i < SUBSCRIBERS; i++) {
      let connected: () => void = () => undefined;
      batch.push(new Promise<void>((resolve) => (connected = resolve)));
      const client = createClient({
        url: wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${server.info.token}` },
        retryAttempts: 0,
        // Settled on failure too (counted as cut off below), so a refused connection cannot hang the run.
        on: { connected: () => connected(), closed: () => connected() },
      });
      client.subscribe<{ newReply: { at: string } }>(
        { query: SELECTION },
        {
          next: (result) => {
            if (result.errors) console.error('subscription result error', result.errors);
            if (measuring) latencies.push(Date.now() - Date.parse(result.data!.newReply.at));
            received.count++;
          },
          error: (error) => {
            cutOff++;
            const { code, reason } = error as { code?: number; reason?: string };
            console.error('subscription error', code ?? '', reason ?? String(error));
          },
          complete: () => {
            if (!disposing) cutOff++;
          },
        },
      );
      clients.push(client);
      if (batch.length === 100 || i === SUBSCRIBERS - 1) {
        await Promise.all(batch);
        batch = [];
      }
    }
    const auth = `Basic ${Buffer.from('postmark:parley-dev-webhook').toString('base64')}`;
    const publish = async () => {
      const id = randomUUID();
      const response = await fetch(`${server.info.url}/webhooks/postmark/inbound`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: auth },
        body: JSON.stringify({ MessageID: id, From: `bench-${id}@example.com`, FromFull: { Email: `bench-${id}@example.com`, Name: 'Bench' }, To: 'replies@inbound.parley.example.com', Subject: 'Bench', TextBody: 'Hello', Headers: [] }),
      });
      if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
    };
    // Subscribing is asynchronous: warm-up events until every client has had one.
    for (let i = 0; received.count < SUBSCRIBERS && i < 200; i++) {
      const before = received.count;
      await publish();
      await new Promise((resolve) => setTimeout(resolve, 100));
      if (received.count === before) continue;
    }
    received.count = 0;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const bytesPerSubscription = (rssBytes(server.info.pid) - baseline) / SUBSCRIBERS;
    for (let i = 0; i < WARMUP; i++) await drive(received, publish, latencies, false);
    // Writers: archive and unarchive the seeded conversations and list them, as people do,
    // while the events are measured. They publish no event; they keep the database busy.
    const graphqlPost = (query: string, variables?: Record<string, unknown>) =>
      fetch(`${server.info.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${server.info.token}` },
        body: JSON.stringify({ query, variables }),
      }).then((r) => r.json() as Promise<{ data?: { conversations?: { edges: { node: { id: string } }[] } } }>);
    const listed = await graphqlPost('{ conversations(first: 20, filter: { status: [WAITING_FOR_LEAD, NEEDS_REVIEW, ACTIVE] }) { edges { node { id } } } }');
    const ids = listed.data?.conversations?.edges.map((e) => e.node.id) ?? [];
    let writing = true;
    let writes = 0;
    const writers = Array.from({ length: WRITERS }, async (_, w) => {
      for (let i = w; writing && ids.length > 0; i += WRITERS) {
        const id = ids[i % ids.length];
        await graphqlPost('mutation ($id: ID!) { archiveConversation(input: { conversationId: $id }) { __typename } }', { id });
        await graphqlPost('mutation ($id: ID!) { unarchiveConversation(input: { conversationId: $id }) { __typename } }', { id });
        await graphqlPost('{ conversations(first: 20) { totalCount edges { node { id subject lead { email } } } } }');
        writes += 3;
      }
    });
    measuring = true;
    for (let i = 0; i < EVENTS; i++) await drive(received, publish, latencies, true);
    writing = false;
    await Promise.all(writers);
    disposing = true;
    await Promise.all(clients.map((c) => c.dispose()));
    return { latenciesMs: latencies.sort((a, b) => a - b), bytesPerSubscription, cutOff, writes };
  } finally {
    await server.stop();
  }
}

const floor = await bare();
const ours = await parley();
const row = (name: string, s: Scenario) =>
  `| ${name} | ${percentile(s.latenciesMs, 50)} | ${percentile(s.latenciesMs, 99)} | ${(s.bytesPerSubscription / 1024).toFixed(1)} |`;
const ratio = (p: number) => (percentile(ours.latenciesMs, p) / Math.max(1, percentile(floor.latenciesMs, p))).toFixed(2);
const markdown = `
## Subscription fan-out

\`npm run bench:subscriptions -- --subscribers ${SUBSCRIBERS} --events ${EVENTS} --writers ${WRITERS}\` on ${machine()}; embedded PGlite database.
${SUBSCRIBERS} WebSocket subscribers on one instance; ${EVENTS} events (after ${WARMUP} warm-up), each delivered to all
before the next; latency is receipt time minus the event's publish time (ms resolution). Parley's subscribers select
\`${SELECTION}\`
(database rows, loaded once per event and account), while ${WRITERS} writers archive, unarchive and list conversations
(${ours.writes ?? 0} writes during the measured events). Memory is the server's RSS growth with ${SUBSCRIBERS} idle
subscriptions, divided by ${SUBSCRIBERS}.

| server | p50 ms | p99 ms | KiB per idle subscription |
|---|---|---|---|
${row('bare ws broadcast (floor)', floor)}
${row('Parley (graphql-ws, newReply with conversation and email)', ours)}

Ratio Parley / floor: p50 ${ratio(50)}x, p99 ${ratio(99)}x. Subscribers cut off: ${ours.cutOff ?? 0} of ${SUBSCRIBERS}.
`;
console.log(markdown);
writeSection('subscriptions', markdown);
process.exit(0);
