// Every field of every live event, nullable ones included, resolves without error over a real
// graphql-ws subscription: for sendReply (no draft), approve (a draft), failed sends of both,
// a lead's reply and a ready draft. Apollo drops an event whole when one of its fields errors.
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { scopeToAccount } from '../src/db/scoped.js';
import { draftReplyForInbound } from '../src/domain/suggestions/index.js';
import { graphql } from './gql/index.js';
import { createThread } from './support/email-fixtures.js';
import { ApproveSuggestion, SendReply } from './support/email-operations.js';
import { gid } from './support/factories.js';
import { FakePostmark } from './support/fake-postmark.js';
import { devAuth, inboundPayload } from './support/postmark-payloads.js';
import { startTestServer, type TestServer } from './support/server.js';
import { waitFor } from './support/wait.js';

// Every field of every event type, through the union.
const OnEveryField = graphql(`
  subscription OnEveryField($conversationId: ID) {
    conversationEvents(conversationId: $conversationId) {
      __typename
      ... on NewReplyEvent { at conversation { id status } email { id direction } }
      ... on AIReadyEvent { at confidence conversation { id status } suggestion { id status } }
      ... on SentEvent { at conversation { id status } email { id deliveryStatus } suggestion { id status } }
      ... on ConversationErrorEvent { at code message conversation { id status } email { id deliveryStatus } suggestion { id status } }
    }
  }
`);

// The single-type fields resolve through the same field definitions; `sent` was the one reported.
const OnSent = graphql(`
  subscription OnSent($conversationId: ID) {
    sent(conversationId: $conversationId) { at conversation { id } email { id } suggestion { id } }
  }
`);

const OnConversationError = graphql(`
  subscription OnConversationError($conversationId: ID) {
    conversationError(conversationId: $conversationId) { at code message conversation { id } email { id } suggestion { id } }
  }
`);

type Next = { data?: Record<string, unknown> | null; errors?: readonly unknown[] };

let server: TestServer;
let fake: FakePostmark;
let client: Client;

beforeAll(async () => {
  fake = await FakePostmark.start();
  server = await startTestServer({ env: { POSTMARK_SERVER_TOKEN: fake.token, POSTMARK_API_URL: fake.url } });
  client = createClient({
    url: server.wsUrl,
    webSocketImpl: WebSocket,
    lazy: true,
    retryAttempts: 0,
    connectionParams: { authorization: `Bearer ${server.running.app.services.devToken}` },
  });
});

afterAll(async () => {
  await client?.dispose();
  await server?.close();
  await fake?.close();
});

beforeEach(() => fake.reset());

const services = () => server.running.app.services;

/** Subscribes, waits until the server holds the subscription, and collects `count` results. */
async function subscribe(query: { toString(): string }, variables: Record<string, unknown>, count: number) {
  const before = services().events.activeSubscriptions();
  const iterator = client.iterate({ query: query.toString(), variables })[Symbol.asyncIterator]() as AsyncIterator<Next>;
  const results: Next[] = [];
  const done = (async () => {
    while (results.length < count) {
      const next = await iterator.next();
      if (next.done) break;
      results.push(next.value);
    }
    await iterator.return?.();
    return results;
  })();
  // Subscribing is asynchronous: act only once the server listens (a state, not a delay).
  await waitFor(() => services().events.activeSubscriptions() > before);
  expect(services().events.activeSubscriptions()).toBeGreaterThan(before);
  return { done };
}

async function execute<TResult, TVariables>(document: { toString(): string; __apiType?: (v: TVariables) => TResult }, variables: TVariables) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${services().devToken}` },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  return (await response.json()) as { data?: TResult; errors?: unknown[] };
}

const thread = (options?: Parameters<typeof createThread>[2]) => createThread(services().prisma, services().devAccountId, options);

describe('SentEvent and ConversationErrorEvent', () => {
  it('sendReply: SENT with the email and suggestion null, every field without error', async () => {
    const t = await thread({ suggestion: false });
    const conversationId = gid('Conversation', t.conversation.id);
    const union = await subscribe(OnEveryField, { conversationId }, 1);
    const sent = await subscribe(OnSent, { conversationId }, 1);
    const reply = await execute(SendReply, { input: { conversationId, subject: 'Re: Website redesign', body: 'Thursday at 10?' } });
    expect(reply.errors).toBeUndefined();
    const [unionEvent] = await union.done;
    const [sentEvent] = await sent.done;
    expect(unionEvent?.errors).toBeUndefined();
    expect(sentEvent?.errors).toBeUndefined();
    const messageId = (reply.data as { sendReply: { reply: { id: string } } }).sendReply.reply.id;
    expect(unionEvent?.data?.conversationEvents).toEqual({
      __typename: 'SentEvent',
      at: expect.any(String),
      conversation: { id: conversationId, status: 'WAITING_FOR_LEAD' },
      email: { id: messageId, deliveryStatus: 'SENT' },
      suggestion: null,
    });
    expect(sentEvent?.data?.sent).toEqual({ at: expect.any(String), conversation: { id: conversationId }, email: { id: messageId }, suggestion: null });
  });

  it('approve: SENT with the email and the approved draft', async () => {
    const t = await thread();
    const conversationId = gid('Conversation', t.conversation.id);
    const union = await subscribe(OnEveryField, { conversationId }, 1);
    const result = await execute(ApproveSuggestion, { input: { suggestionId: t.suggestionGid } });
    expect(result.errors).toBeUndefined();
    const [event] = await union.done;
    expect(event?.errors).toBeUndefined();
    expect(event?.data?.conversationEvents).toEqual({
      __typename: 'SentEvent',
      at: expect.any(String),
      conversation: { id: conversationId, status: 'WAITING_FOR_LEAD' },
      email: { id: expect.any(String), deliveryStatus: 'SENT' },
      suggestion: { id: t.suggestionGid, status: 'APPROVED' },
    });
  });

  it('a refused sendReply: ERROR with the failed email and suggestion null', async () => {
    const t = await thread({ suggestion: false });
    const conversationId = gid('Conversation', t.conversation.id);
    const union = await subscribe(OnEveryField, { conversationId }, 1);
    const errors = await subscribe(OnConversationError, { conversationId }, 1);
    fake.scriptEmails({ status: 422, ErrorCode: 406, Message: 'You tried to send to a recipient that has been marked as inactive.' });
    const reply = await execute(SendReply, { input: { conversationId, subject: 'Re: Website redesign', body: 'Thursday?' } });
    expect((reply.data as { sendReply: { __typename: string } }).sendReply.__typename).toBe('EmailDeliveryError');
    const [event] = await union.done;
    const [errorEvent] = await errors.done;
    expect(event?.errors).toBeUndefined();
    expect(errorEvent?.errors).toBeUndefined();
    expect(event?.data?.conversationEvents).toEqual({
      __typename: 'ConversationErrorEvent',
      at: expect.any(String),
      code: '406',
      message: expect.stringContaining('inactive'),
      conversation: { id: conversationId, status: t.conversation.status },
      email: { id: expect.any(String), deliveryStatus: 'FAILED' },
      suggestion: null,
    });
    expect(errorEvent?.data?.conversationError).toMatchObject({ code: '406', email: { id: expect.any(String) }, suggestion: null });
  });

  it('a refused approval: ERROR with the failed email and the draft, PENDING again', async () => {
    const t = await thread();
    const conversationId = gid('Conversation', t.conversation.id);
    const union = await subscribe(OnEveryField, { conversationId }, 1);
    fake.scriptEmails({ status: 422, ErrorCode: 300, Message: "Invalid 'To' address." });
    const result = await execute(ApproveSuggestion, { input: { suggestionId: t.suggestionGid } });
    expect((result.data as { approveSuggestion: { __typename: string } }).approveSuggestion.__typename).toBe('EmailDeliveryError');
    const [event] = await union.done;
    expect(event?.errors).toBeUndefined();
    expect(event?.data?.conversationEvents).toEqual({
      __typename: 'ConversationErrorEvent',
      at: expect.any(String),
      code: '300',
      message: expect.stringContaining('invalid'),
      conversation: { id: conversationId, status: 'NEEDS_REVIEW' },
      email: { id: expect.any(String), deliveryStatus: 'FAILED' },
      suggestion: { id: t.suggestionGid, status: 'PENDING' },
    });
  });
});

describe('NewReplyEvent and AIReadyEvent', () => {
  it("a lead's reply, then its draft: every field without error", async () => {
    const t = await thread({ suggestion: false });
    const conversationId = gid('Conversation', t.conversation.id);
    const union = await subscribe(OnEveryField, { conversationId }, 2);
    const response = await fetch(`${server.url}/webhooks/postmark/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: devAuth },
      body: JSON.stringify(inboundPayload({ mailboxHash: t.conversation.replyHash, from: t.lead.email, stripped: 'Thursday works.' })),
    });
    expect(response.status).toBe(200);
    const { prisma, devAccountId } = services();
    const inbound = await prisma.conversationMessage.findFirstOrThrow({
      where: { conversationId: t.conversation.id, direction: 'INBOUND', strippedText: 'Thursday works.' },
    });
    // The drafting job's work, run here as the worker would (the worker is off in tests).
    await draftReplyForInbound(
      { viewer: { accountId: devAccountId, actor: 'system:test', role: 'OWNER' }, db: scopeToAccount(prisma, devAccountId), services: services() },
      { conversationId: t.conversation.id, inboundMessageId: inbound.id },
    );
    const [reply, ready] = await union.done;
    expect(reply?.errors).toBeUndefined();
    expect(ready?.errors).toBeUndefined();
    expect(reply?.data?.conversationEvents).toEqual({
      __typename: 'NewReplyEvent',
      at: expect.any(String),
      conversation: { id: conversationId, status: 'NEEDS_REVIEW' },
      email: { id: gid('ConversationMessage', inbound.id), direction: 'INBOUND' },
    });
    expect(ready?.data?.conversationEvents).toEqual({
      __typename: 'AIReadyEvent',
      at: expect.any(String),
      confidence: expect.any(Number),
      conversation: { id: conversationId, status: 'NEEDS_REVIEW' },
      suggestion: { id: expect.any(String), status: 'PENDING' },
    });
  });
});
