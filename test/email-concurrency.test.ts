// Exactly once under real concurrency: always on the local PostgreSQL server (a database of its
// own), where concurrent requests run in concurrent transactions; PGlite has one connection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/app.js';
import { createLocalPostgresDatabase } from './support/database.js';
import { createThread } from './support/email-fixtures.js';
import { ApproveSuggestion, SendReply } from './support/email-operations.js';
import { FakePostmark } from './support/fake-postmark.js';

let fake: FakePostmark;
let app: TestApp;

beforeAll(async () => {
  fake = await FakePostmark.start();
  app = await createTestApp({
    database: await createLocalPostgresDatabase(12),
    env: { POSTMARK_SERVER_TOKEN: fake.token, POSTMARK_API_URL: fake.url },
  });
});

afterAll(async () => {
  await app?.close();
  await fake?.close();
});

describe('concurrent requests on PostgreSQL', () => {
  it('runs on the local PostgreSQL server with a real connection pool', () => {
    expect(app.services.database.kind).toBe('postgres');
    expect(app.config.database).toMatchObject({ kind: 'postgres', poolSize: 12 });
    expect(app.services.database.url).toContain('127.0.0.1:5432');
  });

  it('ten concurrent approvals of one draft send one email; nine get InvalidStateError', async () => {
    fake.reset();
    const t = await createThread(app.services.prisma, app.services.devAccountId);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => app.execute(ApproveSuggestion, { input: { suggestionId: t.suggestionGid } })),
    );
    const kinds = results.map((r) => r.data?.approveSuggestion.__typename);
    expect(kinds.filter((k) => k === 'ApproveSuggestionPayload')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'InvalidStateError')).toHaveLength(9);
    expect(fake.requestsTo('POST', '/email')).toHaveLength(1);
    expect(fake.emails).toHaveLength(1);
    const outbound = await app.services.prisma.conversationMessage.findMany({
      where: { conversationId: t.conversation.id, direction: 'OUTBOUND', id: { not: t.first.id } },
    });
    expect(outbound).toHaveLength(1);
    expect(outbound[0]).toMatchObject({ deliveryStatus: 'SENT', providerMessageId: fake.emails[0]!.messageId });
    const approvals = await app.services.prisma.auditEntry.count({ where: { entityId: t.suggestion!.id, action: 'suggestion.approved' } });
    expect(approvals).toBe(1);
  });

  it('five concurrent replies with one idempotency key send one email and all get its result', async () => {
    fake.reset();
    const t = await createThread(app.services.prisma, app.services.devAccountId, { suggestion: false });
    const input = { conversationId: t.conversationGid, subject: 'Re: Website redesign', body: 'See you Thursday.', idempotencyKey: 'double-click-1' };
    const results = await Promise.all(Array.from({ length: 5 }, () => app.execute(SendReply, { input })));
    const replies = results.map((r) => r.data?.sendReply);
    expect(replies.every((r) => r?.__typename === 'SendReplyPayload')).toBe(true);
    const ids = new Set(replies.map((r) => (r?.__typename === 'SendReplyPayload' ? r.reply.id : null)));
    expect(ids.size).toBe(1);
    expect(fake.emails).toHaveLength(1);
    const outbound = await app.services.prisma.conversationMessage.count({
      where: { conversationId: t.conversation.id, direction: 'OUTBOUND', id: { not: t.first.id } },
    });
    expect(outbound).toBe(1);
  });
});
