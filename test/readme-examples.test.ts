// Every ```graphql example in README.md runs against the demo data and returns data: queries
// and the mutation through the app, the subscription over WebSocket with an event caused by
// the demo reply that `npm run demo:reply` posts.
import { readFileSync } from 'node:fs';
import { parse, type OperationDefinitionNode } from 'graphql';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { demoReply, postDemoReply } from '../src/demo/reply.js';
import { DEV_WEBHOOK_PASSWORD, DEV_WEBHOOK_USERNAME } from '../src/config.js';
import { encodeParleyId } from '../src/schema/ids.js';
import { createTestApp, type TestApp } from './support/app.js';
import { startTestServer, type TestServer } from './support/server.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]!);

const operationOf = (source: string) =>
  parse(source).definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;

/** Lists the README shows must have entries; top-level fields must be there. */
function emptyParts(value: unknown, path: string, found: string[] = []): string[] {
  if (Array.isArray(value)) {
    if (value.length === 0) found.push(path);
    value.forEach((item, i) => emptyParts(item, `${path}[${i}]`, found));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) emptyParts(item, `${path}.${key}`, found);
  }
  return found;
}

let app: TestApp;
let ids: { conversation: string; pendingSuggestion: string };

beforeAll(async () => {
  app = await createTestApp({ seedDemo: true, needsVector: true });
  const { prisma, devAccountId } = app.services;
  // The example thread: one waiting for review, whose draft the mutation example approves.
  const pending = await prisma.aISuggestion.findFirstOrThrow({
    where: { accountId: devAccountId, status: 'PENDING' },
    orderBy: { createdAt: 'asc' },
  });
  ids = {
    conversation: encodeParleyId('Conversation', pending.conversationId),
    pendingSuggestion: encodeParleyId('AISuggestion', pending.id),
  };
});
afterAll(async () => {
  await app?.close();
});

describe('README examples', () => {
  it('has the examples this test expects', () => {
    expect(examples.length).toBeGreaterThanOrEqual(7);
    expect(examples.filter((e) => operationOf(e).operation === 'subscription')).toHaveLength(1);
  });

  const requests = examples.filter((e) => operationOf(e).operation !== 'subscription');
  it.each(requests.map((source) => [source.split('\n').find((l) => /\w/.test(l) && !/^(query|mutation)\b/.test(l.trim()))!.trim(), source]))(
    'runs %s',
    async (_name, source) => {
      const operation = operationOf(source);
      const variables = operation.variableDefinitions?.some((v) => v.variable.name.value === 'id')
        ? { id: /approveSuggestion/.test(source) ? ids.pendingSuggestion : ids.conversation }
        : undefined;
      const result = await app.executeRaw(source, variables);
      expect(result.errors).toBeUndefined();
      expect(result.data).toBeTruthy();
      for (const [field, value] of Object.entries(result.data!)) expect(value, field).not.toBeNull();
      expect(emptyParts(result.data, 'data')).toEqual([]);
      // Typed errors come back as data: the examples must show the happy path.
      const typenames = JSON.stringify(result.data).match(/"__typename":"(\w+)"/g) ?? [];
      expect(typenames.filter((t) => /Error"/.test(t))).toEqual([]);
    },
  );
});

describe('README subscription example', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ config: { seedOnStart: true } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('receives the new reply that `npm run demo:reply` posts, threaded into the demo lead\'s conversation', async () => {
    const source = examples.find((e) => operationOf(e).operation === 'subscription')!;
    const client = createClient({
      url: server.wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${server.running.app.services.devToken}` },
      retryAttempts: 0,
    });
    try {
      const events: Record<string, unknown>[] = [];
      const first = new Promise<Record<string, unknown>>((resolve, reject) => {
        client.subscribe<Record<string, unknown>>(
          { query: source },
          {
            next: (result) => {
              if (result.errors) reject(new Error(JSON.stringify(result.errors)));
              events.push(result.data!);
              resolve(result.data!);
            },
            error: reject,
            complete: () => undefined,
          },
        );
      });
      // The subscription is live once the server counts it; then the reply is posted.
      await expect.poll(() => server.running.app.services.events.activeSubscriptions()).toBe(1);
      const reply = demoReply({ leadIndex: 0 });
      const posted = await postDemoReply(server.url, { username: DEV_WEBHOOK_USERNAME, password: DEV_WEBHOOK_PASSWORD }, reply);
      expect(posted.status).toBe(200);
      const event = (await first).conversationEvents as Record<string, unknown>;
      expect(event.__typename).toBe('NewReplyEvent');
      expect(event.conversation).toMatchObject({ subject: reply.lead.subject });
      expect((event.email as { strippedText: string }).strippedText).toBe(reply.payload.StrippedTextReply);
      expect(emptyParts(event, 'event')).toEqual([]);
      // Threaded into the seeded conversation, not a new one.
      const conversations = await server.running.app.services.prisma.conversation.count({ where: { subject: reply.lead.subject } });
      expect(conversations).toBe(1);
    } finally {
      await client.dispose();
    }
  });
});
