// Outbound webhooks: a loopback receiver gets each subscribed event as a signed POST (the
// signature checked here with node:crypto, by the algorithm docs/webhooks.md documents), a
// receiver that fails twice gets the third attempt, an endpoint that keeps failing is
// disabled and re-enabled by an update, and non-public addresses are refused (SSRF).
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { deliverWebhook } from '../src/domain/webhooks/index.js';
import { systemContext } from '../src/domain/use-case-context.js';
import { createWebhookSender } from '../src/outbound-webhooks/sender.js';
import { createTestApp, type TestApp } from './support/app.js';
import { createThread } from './support/email-fixtures.js';
import { rawId } from './support/factories.js';
import { graphql } from './gql/index.js';
import { inboundPayload, postWebhook } from './support/postmark-payloads.js';
import { verifiesSignature } from './support/webhook-signature.js';

const CreateEndpoint = graphql(`
  mutation CreateWebhookEndpointTest($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      __typename
      ... on CreateWebhookEndpointPayload { secret webhookEndpoint { id url events enabled } }
      ... on Error { code message }
    }
  }
`);

const UpdateEndpoint = graphql(`
  mutation UpdateWebhookEndpointTest($input: UpdateWebhookEndpointInput!) {
    updateWebhookEndpoint(input: $input) {
      __typename
      ... on UpdateWebhookEndpointPayload { webhookEndpoint { id enabled consecutiveFailures disabledReason } }
      ... on Error { code message }
    }
  }
`);

const Deliveries = graphql(`
  query WebhookDeliveriesTest($endpointId: ID!) {
    webhookDeliveries(endpointId: $endpointId, first: 50) {
      edges { node { id eventId eventType status attempts lastStatusCode payload attemptLog { attempt statusCode error at } } }
    }
  }
`);

const Resend = graphql(`
  mutation ResendWebhookDeliveryTest($input: ResendWebhookDeliveryInput!) {
    resendWebhookDelivery(input: $input) {
      __typename
      ... on ResendWebhookDeliveryPayload { delivery { id eventId status } }
      ... on Error { code message }
    }
  }
`);

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on loopback; `answers` are the statuses it gives, in order (then 200). */
async function startReceiver(answers: number[] = []) {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.statusCode = answers.shift() ?? 200;
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks/parley`, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const receivers: { close(): Promise<void> }[] = [];
let app: TestApp;

beforeAll(async () => {
  app = await createTestApp({
    env: { JOBS_RUN_WORKER: 'true', WEBHOOKS_ALLOW_HTTP: 'true', WEBHOOKS_ALLOW_PRIVATE_ADDRESSES: 'true', WEBHOOKS_DISABLE_AFTER_FAILURES: '2' },
    workerOptions: { baseDelayMs: 5, maxDelayMs: 20, pollIntervalMs: 20 },
  });
});

afterEach(async () => {
  // Each test's endpoints go: the next test's events reach only its own receiver.
  await app.services.prisma.webhookEndpoint.deleteMany({});
});

afterAll(async () => {
  await app?.close();
  for (const r of receivers) await r.close();
});

async function endpointFor(url: string, events: ('NEW_REPLY' | 'AI_READY' | 'SENT' | 'ERROR' | 'DELIVERY' | 'LEAD_DO_NOT_CONTACT' | 'ARCHIVED')[]) {
  const created = await app.execute(CreateEndpoint, { input: { url, events } });
  const payload = created.data!.createWebhookEndpoint;
  if (payload.__typename !== 'CreateWebhookEndpointPayload') throw new Error(JSON.stringify(created));
  return { id: payload.webhookEndpoint.id, secret: payload.secret };
}

describe('outbound webhooks', () => {
  it('POSTs a new reply, signed the Standard Webhooks way, to an endpoint on loopback', async () => {
    const receiver = await startReceiver();
    receivers.push(receiver);
    const endpoint = await endpointFor(receiver.url, ['NEW_REPLY']);
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    const stored = await postWebhook(app, 'inbound', inboundPayload({ from: 'webhook.lead@example.net', subject: 'Pricing question' }));
    expect(stored.status).toBe(200);
    await app.worker!.idle();

    expect(receiver.received).toHaveLength(1);
    const [post] = receiver.received;
    expect(post!.headers['content-type']).toBe('application/json');
    expect(post!.headers['webhook-id']).toMatch(/^evt_/);
    expect(verifiesSignature(endpoint.secret, post!.headers, post!.body)).toBe(true);
    // A different secret or a changed body does not verify.
    expect(verifiesSignature(`whsec_${Buffer.alloc(32, 1).toString('base64')}`, post!.headers, post!.body)).toBe(false);
    expect(verifiesSignature(endpoint.secret, post!.headers, post!.body.replace('NEW_REPLY', 'NEW_REPLX'))).toBe(false);
    const body = JSON.parse(post!.body) as { id: string; type: string; timestamp: string; data: { conversationId: string; messageId: string } };
    expect(body.type).toBe('NEW_REPLY');
    expect(body.id).toBe(post!.headers['webhook-id']);
    const message = await app.services.prisma.conversationMessage.findFirstOrThrow({ where: { fromEmail: 'webhook.lead@example.net' } });
    expect(rawId(body.data.messageId)).toBe(message.id);
    expect(rawId(body.data.conversationId)).toBe(message.conversationId);
    // Only the subscribed type: the draft that followed (AI_READY) was not sent here.
    const log = await app.execute(Deliveries, { endpointId: endpoint.id });
    expect(log.data!.webhookDeliveries.edges.map((e) => [e.node.eventType, e.node.status, e.node.attempts])).toEqual([['NEW_REPLY', 'SUCCEEDED', 1]]);
  });

  it('gives a receiver that failed twice its third attempt, with the same webhook-id, and logs every attempt', async () => {
    const receiver = await startReceiver([500, 503]);
    receivers.push(receiver);
    const endpoint = await endpointFor(receiver.url, ['NEW_REPLY']);
    await postWebhook(app, 'inbound', inboundPayload({ from: 'flaky.receiver@example.net', subject: 'Second thread' }));
    await app.worker!.idle();

    expect(receiver.received).toHaveLength(3);
    const ids = new Set(receiver.received.map((r) => r.headers['webhook-id']));
    expect(ids.size).toBe(1);
    for (const r of receiver.received) expect(verifiesSignature(endpoint.secret, r.headers, r.body)).toBe(true);
    const log = await app.execute(Deliveries, { endpointId: endpoint.id });
    const [delivery] = log.data!.webhookDeliveries.edges.map((e) => e.node);
    expect(delivery).toMatchObject({ status: 'SUCCEEDED', attempts: 3, lastStatusCode: 200 });
    expect(delivery!.attemptLog.map((a) => [a.attempt, a.statusCode])).toEqual([[1, 500], [2, 503], [3, 200]]);
    expect(delivery!.attemptLog[0]!.error).toBe('The endpoint answered HTTP 500.');
  });

  it('sends SENT from a reply (an event of a use case transaction), and re-sends a delivery on request', async () => {
    const receiver = await startReceiver();
    receivers.push(receiver);
    const endpoint = await endpointFor(receiver.url, ['SENT']);
    const t = await createThread(app.services.prisma, app.services.devAccountId, { suggestion: false });
    const sent = await app.execute(
      graphql(`mutation SendForWebhook($input: SendReplyInput!) { sendReply(input: $input) { __typename } }`),
      { input: { conversationId: t.conversationGid, subject: 'Re: hello', body: 'Thanks!' } },
    );
    expect(sent.data!.sendReply.__typename).toBe('SendReplyPayload');
    await app.worker!.idle();
    expect(receiver.received.map((r) => (JSON.parse(r.body) as { type: string }).type)).toEqual(['SENT']);

    const log = await app.execute(Deliveries, { endpointId: endpoint.id });
    const original = log.data!.webhookDeliveries.edges[0]!.node;
    const resent = await app.execute(Resend, { input: { deliveryId: original.id } });
    const payload = resent.data!.resendWebhookDelivery;
    if (payload.__typename !== 'ResendWebhookDeliveryPayload') throw new Error(JSON.stringify(resent));
    expect(payload.delivery.eventId).toBe(original.eventId);
    await app.worker!.idle();
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1]!.body).toBe(receiver.received[0]!.body);
    expect(receiver.received[1]!.headers['webhook-id']).toBe(receiver.received[0]!.headers['webhook-id']);
  });

  it('sends a state change from the event log (ARCHIVED) to an endpoint subscribed to it, and nothing it did not ask for', async () => {
    const receiver = await startReceiver();
    receivers.push(receiver);
    await endpointFor(receiver.url, ['ARCHIVED']);
    const t = await createThread(app.services.prisma, app.services.devAccountId, { suggestion: false });
    const archived = await app.execute(
      graphql(`mutation ArchiveForWebhook($input: ArchiveConversationInput!) { archiveConversation(input: $input) { __typename } }`),
      { input: { conversationId: t.conversationGid, reason: 'Closed won' } },
    );
    expect(archived.data!.archiveConversation.__typename).toBe('ArchiveConversationPayload');
    await app.worker!.idle();
    const bodies = receiver.received.map((r) => JSON.parse(r.body) as { type: string; data: { conversationId: string; reason: string } });
    expect(bodies.map((b) => b.type)).toEqual(['ARCHIVED']);
    expect(rawId(bodies[0]!.data.conversationId)).toBe(t.conversation.id);
    expect(bodies[0]!.data.reason).toBe('Closed won');
  });

  it('disables an endpoint whose deliveries keep failing (audited), and an update enables it again', async () => {
    const receiver = await startReceiver(Array.from({ length: 100 }, () => 500));
    receivers.push(receiver);
    const endpoint = await endpointFor(receiver.url, ['NEW_REPLY']);
    for (const n of [1, 2]) await postWebhook(app, 'inbound', inboundPayload({ from: `down.${n}@example.net`, subject: `Down ${n}` }));
    await app.worker!.idle();
    const row = await app.services.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: rawId(endpoint.id) } });
    expect(row).toMatchObject({ enabled: false, consecutiveFailures: 2 });
    expect(row.disabledReason).toMatch(/2 deliveries in a row failed/);
    const audit = await app.services.prisma.auditEntry.findMany({ where: { entityId: row.id, action: 'webhook_endpoint.disabled' } });
    expect(audit).toHaveLength(1);
    // Each failed delivery had every attempt (8), then stopped.
    expect(receiver.received).toHaveLength(16);

    // Disabled: a new event is not delivered to it.
    await postWebhook(app, 'inbound', inboundPayload({ from: 'down.3@example.net', subject: 'Down 3' }));
    await app.worker!.idle();
    expect(receiver.received).toHaveLength(16);

    const updated = await app.execute(UpdateEndpoint, { input: { endpointId: endpoint.id } });
    expect(updated.data!.updateWebhookEndpoint).toMatchObject({ webhookEndpoint: { enabled: true, consecutiveFailures: 0, disabledReason: null } });
  });

  it('refuses a private address at creation when private addresses are not allowed', async () => {
    const strict = await createTestApp();
    try {
      for (const url of ['https://127.0.0.1/hook', 'https://10.0.0.8/hook', 'https://[::1]/hook', 'http://example.com/hook', 'https://user:pw@example.com/', 'not a url']) {
        const result = await strict.execute(CreateEndpoint, { input: { url, events: ['NEW_REPLY'] } });
        expect(result.data!.createWebhookEndpoint, url).toMatchObject({ __typename: 'ValidationError' });
      }
      const ok = await strict.execute(CreateEndpoint, { input: { url: 'https://hooks.example.com/parley', events: ['NEW_REPLY', 'SENT'] } });
      expect(ok.data!.createWebhookEndpoint.__typename).toBe('CreateWebhookEndpointPayload');
    } finally {
      await strict.close();
    }
  });
});

describe('SSRF defences of the sender', () => {
  const message = { secret: `whsec_${Buffer.alloc(32, 7).toString('base64')}`, id: 'evt_1', timestamp: new Date('2026-11-30T12:00:00Z'), body: '{}' };

  it('refuses every non-public address literal', async () => {
    const sender = createWebhookSender({ allowHttp: false, allowPrivateAddresses: false, timeoutMs: 60_000 });
    const refused = [
      '127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255',
      '[::1]', '[::]', '[fd00::1]', '[fe80::1]', '[ff02::1]', '[::ffff:127.0.0.1]', '[::ffff:10.0.0.1]', '[2002:a00:1::]', '[64:ff9b::a00:1]',
    ];
    for (const host of refused) {
      const url = `https://${host}/hook`;
      expect(sender.checkUrl(url), url).toMatch(/not a public one/);
      const attempt = await sender.send({ ...message, url });
      expect(attempt, url).toMatchObject({ ok: false, statusCode: null });
    }
    expect(sender.checkUrl('https://93.184.215.14/hook')).toBeNull();
    expect(sender.checkUrl('https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/hook')).toBeNull();
  });

  it('refuses a host name that resolves to a private address (any of its answers), and never connects', async () => {
    const receiver = await startReceiver();
    receivers.push(receiver);
    const port = new URL(receiver.url).port;
    const answers: Record<string, { address: string; family: number }[]> = {
      'internal.example': [{ address: '127.0.0.1', family: 4 }],
      'mixed.example': [{ address: '93.184.215.14', family: 4 }, { address: '10.0.0.5', family: 4 }],
      'metadata.example': [{ address: '169.254.169.254', family: 4 }],
      'mapped.example': [{ address: '::ffff:127.0.0.1', family: 6 }],
    };
    const sender = createWebhookSender({ allowHttp: true, allowPrivateAddresses: false, timeoutMs: 60_000, resolve: async (host) => answers[host] ?? [] });
    for (const host of Object.keys(answers)) {
      const attempt = await sender.send({ ...message, url: `http://${host}:${port}/hook` });
      expect(attempt, host).toMatchObject({ ok: false, statusCode: null, error: expect.stringMatching(/^Refused: .* not a public address/) });
    }
    expect(receiver.received).toHaveLength(0);
  });

  it('connects to the address it checked (the name is not resolved again), and does not follow redirects', async () => {
    const receiver = await startReceiver([302]);
    receivers.push(receiver);
    const port = new URL(receiver.url).port;
    let lookups = 0;
    const sender = createWebhookSender({
      allowHttp: true,
      allowPrivateAddresses: true,
      timeoutMs: 60_000,
      resolve: async () => {
        lookups++;
        return [{ address: '127.0.0.1', family: 4 }];
      },
    });
    const attempt = await sender.send({ ...message, url: `http://receiver.example:${port}/hook` });
    expect(attempt).toMatchObject({ ok: false, statusCode: 302 });
    expect(lookups).toBe(1);
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]!.headers.host).toBe(`receiver.example:${port}`);
  });
});

// Needs a second connection holding a transaction open, which the embedded database's one
// connection cannot give.
describe.skipIf(inject('testDatabase').kind !== 'postgres')('outbound webhooks while an endpoint is deleted', () => {
  it('an attempt that finishes while its endpoint is being deleted waits for the delete and records nothing (no deadlock, no foreign-key error)', async () => {
    const receiver = await startReceiver();
    receivers.push(receiver);
    const endpoint = await endpointFor(receiver.url, ['NEW_REPLY']);
    const endpointId = rawId(endpoint.id);
    const { prisma, devAccountId } = app.services;
    const delivery = await prisma.webhookDelivery.create({
      data: { accountId: devAccountId, endpointId, eventId: 'evt_delete_race', eventType: 'NEW_REPLY', payload: '{"type":"NEW_REPLY"}' },
    });
    const url = app.config.database.kind === 'postgres' ? app.config.database.url : '';
    const deleter = new pg.Client({ connectionString: url, application_name: 'webhook-delete-race' });
    await deleter.connect();
    try {
      // The delete holds the endpoint's row and, through the cascade, the delivery's.
      await deleter.query('BEGIN');
      await deleter.query('DELETE FROM webhook_endpoints WHERE id = $1', [endpointId]);
      const attempt = deliverWebhook(systemContext(app.services, devAccountId, 'system:test'), { deliveryId: delivery.id, attempt: 1, lastAttempt: false });
      // The attempt has posted and now waits on a lock the delete holds.
      const waiting = async () =>
        Number(
          (await deleter.query(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`)).rows[0].n,
        ) > 0;
      await expect.poll(waiting).toBe(true);
      await deleter.query('COMMIT');
      // The old order (attempt row first, endpoint last) failed here with a foreign-key error,
      // or deadlocked against the delete.
      await expect(attempt).resolves.toBeUndefined();
      expect(receiver.received).toHaveLength(1);
      expect(await prisma.webhookDeliveryAttempt.count({ where: { deliveryId: delivery.id } })).toBe(0);
      expect(await prisma.webhookDelivery.count({ where: { id: delivery.id } })).toBe(0);
    } finally {
      await deleter.end();
    }
  });
});
