// The whole loop through real transports: a Postmark inbound webhook, the durable job that
// drafts with the model (through the AI SDK, against a fake OpenAI server that is down at
// first), an approval sent through the postmark client (against a fake Postmark), and every
// event arriving at a graphql-ws subscriber and an SSE subscriber.
import { createClient as createSseClient } from 'graphql-sse';
import { createClient as createWsClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createConversation, createLead, gid, rawId } from './support/factories.js';
import { schemaName, startFakeOpenAI, type FakeOpenAI } from './support/fake-openai.js';
import { FakePostmark } from './support/fake-postmark.js';
import { claimJobs } from '../src/jobs/queue.js';
import { createJobHandlers } from '../src/background/job-registry.js';
import { defaultWorkerOptions, startJobWorker } from '../src/jobs/worker.js';
import { createTestApp } from './support/app.js';
import { devAuth, inboundPayload, postWebhook } from './support/postmark-payloads.js';
import { startTestServer, type TestServer } from './support/server.js';
import { waitFor } from './support/wait.js';

const EVENTS = `subscription {
  conversationEvents {
    __typename
    ... on NewReplyEvent { conversation { id status } email { strippedText } }
    ... on AIReadyEvent { confidence suggestion { id status body model fallback } }
    ... on SentEvent { email { deliveryStatus } }
    ... on ConversationErrorEvent { code message }
  }
}`;

type Event = { __typename: string; [key: string]: unknown };

let server: TestServer;
let openai: FakeOpenAI;
let postmark: FakePostmark;
let aiDown = 0;

beforeAll(async () => {
  openai = await startFakeOpenAI((request) => {
    if (aiDown > 0) {
      aiDown--;
      return { kind: 'status', status: 503 };
    }
    return schemaName(request) === 'reply_analysis'
      ? { kind: 'json', value: { intent: 'QUESTION', sentiment: 'POSITIVE', urgency: 'MEDIUM', intentConfidence: 0.9, keyPoints: ['Asks about timing'], questions: ['When could you start?'], suggestedNextStep: 'Answer', returnDate: null, referral: null, injectionSuspected: false } }
      : { kind: 'json', value: { subject: 'Re: Kitchen website', body: 'Hi Pat,\n\nWe could start next week. When could you start? We can begin on Monday.\n\nBest,\nParley Sales', selfRating: 0.8, referralNote: null } };
  });
  postmark = await FakePostmark.start();
  server = await startTestServer({
    env: {
      JOBS_RUN_WORKER: 'true',
      JOBS_POLL_INTERVAL_MS: '20',
      JOBS_RETRY_BASE_DELAY_MS: '20',
      OPENAI_API_KEY: 'test-key',
      OPENAI_BASE_URL: openai.url,
      AI_MAX_RETRIES: '0',
      POSTMARK_SERVER_TOKEN: postmark.token,
      POSTMARK_API_URL: postmark.url,
    },
  });
});

afterAll(async () => {
  await server?.close();
  await openai?.close();
  await postmark?.close();
});

function subscribeBoth() {
  const token = server.running.app.services.devToken!;
  const ws = createWsClient({ url: server.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
  const sse = createSseClient({ url: `${server.url}/graphql`, singleConnection: false, retryAttempts: 0, headers: { authorization: `Bearer ${token}` } });
  const received = { ws: [] as Event[], sse: [] as Event[] };
  for (const [name, client] of [['ws', ws], ['sse', sse]] as const) {
    void (async () => {
      for await (const result of client.iterate({ query: EVENTS }) as AsyncIterable<{ data: { conversationEvents: Event } }>) {
        received[name].push(result.data.conversationEvents);
      }
    })().catch(() => undefined);
  }
  return { received, close: async () => { await ws.dispose(); sse.dispose(); } };
}

/** Waits for a state (only the test timeout bounds it, so a loaded machine just takes longer). */
async function until(check: () => boolean, what: string) {
  await waitFor(check);
  expect(check(), what).toBe(true);
}

async function graphqlPost(query: string, variables: object) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.running.app.services.devToken}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data: Record<string, Record<string, unknown>> };
}

describe('inbound reply to sent email, live', () => {
  it('newReply, then aiReady after the model comes back, then sent; conversationError when Postmark refuses', async () => {
    const { prisma, devAccountId, events } = server.running.app.services;
    const lead = await createLead(prisma, devAccountId, { name: 'Pat Lee', email: 'pat@kitchens.example.net' });
    const conversation = await createConversation(prisma, devAccountId, lead.id, {
      subject: 'Kitchen website',
      status: 'WAITING_FOR_LEAD',
      messages: [{ direction: 'OUTBOUND', at: new Date('2026-11-20T09:00:00Z'), text: 'Would a new website help?' }],
    });
    const subscription = subscribeBoth();
    try {
      await until(() => events.activeSubscriptions() >= 2, 'both subscribers listening');
      // The model is down for the first two attempts of the job: each fails, is retried with backoff.
      aiDown = 2;
      const response = await fetch(`${server.url}/webhooks/postmark/inbound`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: devAuth },
        body: JSON.stringify(inboundPayload({ from: lead.email, mailboxHash: conversation.replyHash, stripped: 'When could you start?' })),
      });
      expect(response.status).toBe(200);
      for (const name of ['ws', 'sse'] as const) {
        await until(() => subscription.received[name].some((e) => e.__typename === 'AIReadyEvent'), `${name}: aiReady`);
        const kinds = subscription.received[name].map((e) => e.__typename);
        expect(kinds.slice(0, 2), name).toEqual(['NewReplyEvent', 'AIReadyEvent']);
        expect(subscription.received[name][0]).toMatchObject({ conversation: { id: gid('Conversation', conversation.id), status: 'NEEDS_REVIEW' }, email: { strippedText: 'When could you start?' } });
      }
      const ready = subscription.received.ws.find((e) => e.__typename === 'AIReadyEvent') as unknown as { confidence: number; suggestion: { id: string; status: string; model: string; fallback: boolean } };
      expect(ready.suggestion).toMatchObject({ status: 'PENDING', fallback: false });
      expect(ready.suggestion.model).not.toBe('offline');
      const job = await prisma.job.findFirstOrThrow({ where: { kind: 'draft-reply' } });
      expect(job).toMatchObject({ status: 'SUCCEEDED', attempts: 3 });
      expect(await prisma.aISuggestion.count({ where: { conversationId: conversation.id } })).toBe(1);

      // Approve: exactly one email at the fake Postmark, and a sent event.
      const approve = await graphqlPost(
        'mutation ($input: ApproveSuggestionInput!) { approveSuggestion(input: $input) { __typename } }',
        { input: { suggestionId: ready.suggestion.id } },
      );
      expect(approve.data.approveSuggestion).toEqual({ __typename: 'ApproveSuggestionPayload' });
      for (const name of ['ws', 'sse'] as const) {
        await until(() => subscription.received[name].some((e) => e.__typename === 'SentEvent'), `${name}: sent`);
      }
      expect(postmark.emails).toHaveLength(1);

      // A reply Postmark refuses: a conversationError event.
      postmark.scriptEmails({ status: 422, ErrorCode: 406, Message: 'Address is inactive.' });
      const failed = await graphqlPost(
        'mutation ($input: SendReplyInput!) { sendReply(input: $input) { __typename } }',
        { input: { conversationId: gid('Conversation', conversation.id), subject: 'Re: Kitchen website', body: 'One more thing.' } },
      );
      expect(failed.data.sendReply).toEqual({ __typename: 'EmailDeliveryError' });
      for (const name of ['ws', 'sse'] as const) {
        await until(() => subscription.received[name].some((e) => e.__typename === 'ConversationErrorEvent'), `${name}: conversationError`);
        expect(subscription.received[name].map((e) => e.__typename)).toEqual(['NewReplyEvent', 'AIReadyEvent', 'SentEvent', 'ConversationErrorEvent']);
      }
    } finally {
      await subscription.close();
    }
  });

  it('a worker that dies mid-job loses nothing, and the re-run drafts no second suggestion', async () => {
    const app = await createTestApp();
    try {
      const { prisma, devAccountId } = app.services;
      const lead = await createLead(prisma, devAccountId, { email: 'restart@example.net' });
      const conversation = await createConversation(prisma, devAccountId, lead.id, {
        subject: 'Restart',
        messages: [{ direction: 'OUTBOUND', at: new Date('2026-11-20T09:00:00Z') }],
      });
      const response = await postWebhook(app, 'inbound', inboundPayload({ from: lead.email, mailboxHash: conversation.replyHash, stripped: 'Still interested.' }));
      const messageId = rawId(response.body.messageId as string);
      // A worker claims the job, does all of the work, and dies before marking it done.
      const claimed = (await claimJobs(prisma, 'worker-that-dies', 10, 60_000)).find((j) => j.kind === 'draft-reply');
      expect(claimed).toMatchObject({ kind: 'draft-reply', attempts: 1 });
      await createJobHandlers()['draft-reply']!({ services: app.services, accountId: devAccountId, actor: 'system:test' }, claimed!.payload, claimed!);
      expect(await prisma.aISuggestion.count({ where: { inReplyToId: messageId } })).toBe(1);
      // After a restart, a new worker takes the job over once the dead one's lease expires: the
      // claim is dated a lease ago (time passing, without a race), and the new worker's own
      // lease outlasts any run, so nothing runs a third time however slow the machine.
      await prisma.$executeRaw`UPDATE jobs SET locked_at = locked_at - interval '1 hour' WHERE locked_by = 'worker-that-dies'`;
      const worker = startJobWorker(app.services, createJobHandlers(), { ...defaultWorkerOptions, pollIntervalMs: 20, leaseMs: 60_000 });
      try {
        await worker.idle();
      } finally {
        await worker.stop();
      }
      expect(await prisma.job.findFirstOrThrow({ where: { dedupeKey: messageId, kind: 'draft-reply' } })).toMatchObject({ status: 'SUCCEEDED', attempts: 2 });
      expect(await prisma.aISuggestion.count({ where: { inReplyToId: messageId } })).toBe(1);
      expect(await prisma.conversationMessage.count({ where: { id: messageId } })).toBe(1);
    } finally {
      await app.close();
    }
  });
});
