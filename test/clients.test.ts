// Apollo Client and urql (Graphcache) on their default settings plus the setup docs/clients.md
// documents (the bearer header, clients/possible-types.json, graphql-ws for subscriptions),
// against a real server on an ephemeral port: list, paging, a thread, approving a draft with
// the cache updated from the payload, a typed error through `... on Error`, and a subscription
// fed by the demo reply.
import { readFileSync } from 'node:fs';
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { cacheExchange } from '@urql/exchange-graphcache';
import { Client as UrqlClient, fetchExchange, subscriptionExchange } from '@urql/core';
import { parse } from 'graphql';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { DEV_WEBHOOK_PASSWORD, DEV_WEBHOOK_USERNAME } from '../src/config.js';
import { demoReply, postDemoReply } from '../src/demo/reply.js';
import { startTestServer, type TestServer } from './support/server.js';

const { possibleTypes } = JSON.parse(readFileSync(new URL('../clients/possible-types.json', import.meta.url), 'utf8')) as {
  possibleTypes: Record<string, string[]>;
};

const ReviewQueue = parse(`
  query ReviewQueue($first: Int!, $after: String) {
    conversations(first: $first, after: $after, filter: { status: [NEEDS_REVIEW] }) {
      totalCount
      edges { cursor node { id subject status lead { id name } pendingSuggestion { id confidence body } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);
const Thread = parse(`
  query Thread($id: ID!) {
    conversation(id: $id) {
      id
      subject
      messages(first: 50) { edges { node { id direction textBody } } }
    }
  }
`);
const Approve = parse(`
  mutation Approve($input: ApproveSuggestionInput!) {
    approveSuggestion(input: $input) {
      __typename
      ... on ApproveSuggestionPayload {
        suggestion { id status }
        reply { id deliveryStatus }
        conversation { id status pendingSuggestion { id } }
      }
      ... on Error { code message }
    }
  }
`);
const Events = parse(`
  subscription Events {
    conversationEvents {
      __typename
      ... on NewReplyEvent { conversation { id subject status } email { id strippedText } }
    }
  }
`);

interface ReviewQueueData {
  conversations: {
    totalCount: number;
    edges: { cursor: string; node: { id: string; subject: string; status: string; pendingSuggestion: { id: string } | null } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}
interface ApproveData {
  approveSuggestion: {
    __typename: string;
    code?: string;
    message?: string;
    conversation?: { id: string; status: string; pendingSuggestion: { id: string } | null };
  };
}

let server: TestServer;
let token: string;
const sockets: WsClient[] = [];

beforeAll(async () => {
  server = await startTestServer({ config: { seedOnStart: true } });
  token = server.running.app.services.devToken!;
});
afterAll(async () => {
  await Promise.all(sockets.map((socket) => socket.dispose()));
  await server?.close();
});

function wsClient(): WsClient {
  const client = createWsClient({
    url: server.wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  sockets.push(client);
  return client;
}

/** Posts the demo reply once the server counts `subscribers` live subscriptions. */
async function replyOnceSubscribed(subscribers: number, leadIndex: number) {
  await expect.poll(() => server.running.app.services.events.activeSubscriptions()).toBe(subscribers);
  const reply = demoReply({ leadIndex });
  const posted = await postDemoReply(server.url, { username: DEV_WEBHOOK_USERNAME, password: DEV_WEBHOOK_PASSWORD }, reply);
  expect(posted.status).toBe(200);
  return reply;
}

describe('Apollo Client (InMemoryCache with possibleTypes)', () => {
  it('lists, pages, reads a thread, approves with the cache updated, reads a typed error, and subscribes', async () => {
    const warn = vi.spyOn(console, 'warn');
    const error = vi.spyOn(console, 'error');
    const http = new HttpLink({ uri: `${server.url}/graphql`, headers: { authorization: `Bearer ${token}` } });
    const ws = new GraphQLWsLink(wsClient());
    const link = ApolloLink.split(
      ({ query }) => {
        const definition = getMainDefinition(query);
        return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
      },
      ws,
      http,
    );
    const client = new ApolloClient({ link, cache: new InMemoryCache({ possibleTypes }) });
    try {
      // List and page.
      const page1 = await client.query<ReviewQueueData>({ query: ReviewQueue, variables: { first: 2 } });
      const first = page1.data!.conversations;
      expect(first.edges).toHaveLength(2);
      expect(first.totalCount).toBeGreaterThan(2);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const page2 = await client.query<ReviewQueueData>({ query: ReviewQueue, variables: { first: 2, after: first.pageInfo.endCursor } });
      const second = page2.data!.conversations;
      expect(second.edges.length).toBeGreaterThan(0);
      expect(second.edges.map((e) => e.node.id)).not.toContain(first.edges[0]!.node.id);

      // A thread.
      const target = first.edges[0]!.node;
      const thread = await client.query<{ conversation: { subject: string; messages: { edges: unknown[] } } }>({ query: Thread, variables: { id: target.id } });
      expect(thread.data!.conversation.subject).toBe(target.subject);
      expect(thread.data!.conversation.messages.edges.length).toBeGreaterThanOrEqual(2);

      // Approve: the payload's conversation updates the cached list entry, no refetch.
      const approved = await client.mutate<ApproveData>({
        mutation: Approve,
        variables: { input: { suggestionId: target.pendingSuggestion!.id } },
      });
      expect(approved.data!.approveSuggestion.__typename).toBe('ApproveSuggestionPayload');
      const cached = client.readQuery<ReviewQueueData>({ query: ReviewQueue, variables: { first: 2 } });
      const entry = cached!.conversations.edges.find((e) => e.node.id === target.id)!.node;
      expect(entry.status).toBe(approved.data!.approveSuggestion.conversation!.status);
      expect(entry.status).not.toBe('NEEDS_REVIEW');
      expect(entry.pendingSuggestion).toBeNull();

      // Approving again is a typed error, and `... on Error { code message }` reaches the client.
      const again = await client.mutate<ApproveData>({ mutation: Approve, variables: { input: { suggestionId: target.pendingSuggestion!.id } } });
      expect(again.data!.approveSuggestion).toMatchObject({ __typename: 'InvalidStateError', code: expect.any(String), message: expect.any(String) });

      // A subscription over graphql-ws.
      const events: { conversationEvents: { __typename: string; conversation: { subject: string } } }[] = [];
      const received = new Promise<void>((resolve, reject) => {
        const subscription = client.subscribe<(typeof events)[number]>({ query: Events }).subscribe({
          next: (result) => {
            if (result.error) reject(result.error);
            events.push(result.data!);
            subscription.unsubscribe();
            resolve();
          },
          error: reject,
        });
      });
      const reply = await replyOnceSubscribed(1, 1);
      await received;
      expect(events[0]!.conversationEvents).toMatchObject({ __typename: 'NewReplyEvent', conversation: { subject: reply.lead.subject } });

      // No heuristic fragment matching or dropped fields: Apollo says nothing.
      expect(warn.mock.calls.concat(error.mock.calls).map(String)).toEqual([]);
    } finally {
      warn.mockRestore();
      error.mockRestore();
      client.stop();
    }
  });
});

describe('urql (Graphcache with possibleTypes), on its defaults', () => {
  it('sends queries as GET, lists, pages, reads a thread, approves with the cache updated, and subscribes', async () => {
    const methods: string[] = [];
    const ws = wsClient();
    const client = new UrqlClient({
      url: `${server.url}/graphql`,
      fetchOptions: { headers: { authorization: `Bearer ${token}` } },
      // Only to see which method urql chose: the request goes out unchanged.
      fetch: (input, init) => {
        methods.push(init?.method ?? 'GET');
        return fetch(input, init);
      },
      exchanges: [
        cacheExchange({ possibleTypes }),
        fetchExchange,
        subscriptionExchange({
          forwardSubscription: (request) => ({
            subscribe: (sink) => ({ unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink) }),
          }),
        }),
      ],
    });

    const page1 = await client.query<ReviewQueueData>(ReviewQueue, { first: 2 }).toPromise();
    expect(page1.error).toBeUndefined();
    expect(methods).toEqual(['GET']);
    const first = page1.data!.conversations;
    expect(first.edges).toHaveLength(2);
    const page2 = await client.query<ReviewQueueData>(ReviewQueue, { first: 2, after: first.pageInfo.endCursor }).toPromise();
    expect(page2.error).toBeUndefined();
    expect(page2.data!.conversations.edges.map((e) => e.node.id)).not.toContain(first.edges[0]!.node.id);

    const target = first.edges[1]!.node;
    const thread = await client.query<{ conversation: { subject: string; messages: { edges: unknown[] } } }>(Thread, { id: target.id }).toPromise();
    expect(thread.error).toBeUndefined();
    expect(thread.data!.conversation.subject).toBe(target.subject);
    expect(thread.data!.conversation.messages.edges.length).toBeGreaterThanOrEqual(2);

    const approved = await client.mutation<ApproveData>(Approve, { input: { suggestionId: target.pendingSuggestion!.id } }).toPromise();
    expect(approved.error).toBeUndefined();
    expect(approved.data!.approveSuggestion.__typename).toBe('ApproveSuggestionPayload');
    expect(methods.filter((m) => m === 'POST')).toHaveLength(1);
    // Graphcache updated the list entry from the payload.
    const cached = client.readQuery<ReviewQueueData>(ReviewQueue, { first: 2 });
    const entry = cached!.data!.conversations.edges.find((e) => e.node.id === target.id)!.node;
    expect(entry.status).toBe(approved.data!.approveSuggestion.conversation!.status);
    expect(entry.pendingSuggestion).toBeNull();

    const again = await client.mutation<ApproveData>(Approve, { input: { suggestionId: target.pendingSuggestion!.id } }).toPromise();
    expect(again.data!.approveSuggestion).toMatchObject({ __typename: 'InvalidStateError', code: expect.any(String), message: expect.any(String) });

    const received = new Promise<{ conversationEvents: { __typename: string; conversation: { subject: string } } }>((resolve, reject) => {
      const { unsubscribe } = client.subscription(Events, {}).subscribe((result) => {
        if (result.error) return reject(result.error);
        if (!result.data) return;
        unsubscribe();
        resolve(result.data as never);
      });
    });
    const reply = await replyOnceSubscribed(1, 2);
    expect((await received).conversationEvents).toMatchObject({ __typename: 'NewReplyEvent', conversation: { subject: reply.lead.subject } });
    // Every query went as GET, the mutations as POST.
    expect(methods).toEqual(['GET', 'GET', 'GET', 'POST', 'POST']);
  });
});
