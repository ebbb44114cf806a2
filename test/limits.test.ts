// Per-user rate limits count every operation: aliases in one request and repeated requests.
// And the do-not-contact mark that a bounce sets stops the next send.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimits } from '../src/limits/rate-limits.js';
import { createTestApp, type TestApp } from './support/app.js';
import { createThread } from './support/email-fixtures.js';
import { SendReply } from './support/email-operations.js';
import { gid } from './support/factories.js';
import { postWebhook } from './support/postmark-payloads.js';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp({ rateLimits: createRateLimits({ overrides: { sendReply: { points: 2, duration: 60 } } }) });
});
afterAll(() => app?.close());

describe('rate limits', () => {
  it('counts each aliased operation: the third sendReply in one request is RateLimitedError', async () => {
    const t = await createThread(app.services.prisma, app.services.devAccountId, { suggestion: false, status: 'ACTIVE' });
    const id = gid('Conversation', t.conversation.id);
    const reply = (n: number) => `r${n}: sendReply(input: { conversationId: "${id}", subject: "Re: Website redesign", body: "Reply ${n}" }) {
      __typename ... on RateLimitedError { retryAfterSeconds code }
    }`;
    const result = await app.executeRaw(`mutation { ${reply(1)} ${reply(2)} ${reply(3)} }`);
    expect(result.errors).toBeUndefined();
    const data = result.data as Record<string, { __typename: string; retryAfterSeconds?: number }>;
    expect([data.r1!.__typename, data.r2!.__typename, data.r3!.__typename]).toEqual(['SendReplyPayload', 'SendReplyPayload', 'RateLimitedError']);
    expect(data.r3!.retryAfterSeconds).toBeGreaterThan(0);
    expect(await app.services.prisma.conversationMessage.count({ where: { conversationId: t.conversation.id, direction: 'OUTBOUND', textBody: { startsWith: 'Reply' } } })).toBe(2);
  });
});

describe('a bounce blocks the next send', () => {
  it('refuses to email a lead whose address hard-bounced', async () => {
    const fresh = await createTestApp();
    try {
      const t = await createThread(fresh.services.prisma, fresh.services.devAccountId, { suggestion: false, status: 'ACTIVE' });
      const conversationId = gid('Conversation', t.conversation.id);
      const first = await fresh.execute(SendReply, { input: { conversationId, subject: 'Re: Website redesign', body: 'First try' } });
      expect(first.data?.sendReply.__typename).toBe('SendReplyPayload');
      const sent = await fresh.services.prisma.conversationMessage.findFirstOrThrow({ where: { conversationId: t.conversation.id, textBody: 'First try' } });
      const bounce = await postWebhook(fresh, 'events', { RecordType: 'Bounce', ID: 1, Type: 'HardBounce', MessageID: sent.providerMessageId, BouncedAt: '2026-11-20T10:00:00Z', Inactive: true, Description: 'Unknown user' });
      expect(bounce.body).toMatchObject({ status: 'recorded', leadBlocked: true });
      const second = await fresh.execute(SendReply, { input: { conversationId, subject: 'Re: Website redesign', body: 'Second try' } });
      expect(second.data?.sendReply).toMatchObject({ __typename: 'InvalidStateError', code: 'INVALID_STATE' });
      expect(JSON.stringify(second.data)).toMatch(/do-not-contact|do not contact/i);
      expect(await fresh.services.prisma.conversationMessage.count({ where: { textBody: 'Second try' } })).toBe(0);
    } finally {
      await fresh.close();
    }
  });
});
