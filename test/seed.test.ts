// The demo seed is one transaction: a failure part-way leaves no account behind, so the next
// start (which seeds an empty database) seeds again; a full seed has outcomes recorded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '../src/db/client.js';
import { seedDemoData } from '../src/db/seed-demo.js';
import { createTestApp, type TestApp } from './support/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app?.close();
});

describe('seedDemoData', () => {
  it('leaves nothing behind when a statement fails part-way, and succeeds on the next try', async () => {
    const { prisma } = app.services;
    const failing = prisma.$extends({
      query: {
        conversationMessage: {
          createMany: () => Promise.reject(new Error('disk full (simulated)')),
        },
      },
    }) as unknown as PrismaClient;
    await expect(seedDemoData(failing, { slug: 'seed-atomic' })).rejects.toThrow(/disk full/);
    expect(await prisma.account.count({ where: { slug: 'seed-atomic' } })).toBe(0);
    expect(await prisma.lead.count({ where: { source: 'craigslist' } })).toBe(0);

    const seeded = await seedDemoData(prisma, { slug: 'seed-atomic' });
    expect(seeded).toMatchObject({ leads: 25, conversations: 25 });
    const outcomes = await prisma.conversation.groupBy({ by: ['outcome'], where: { accountId: seeded.accountId }, _count: true });
    expect(new Set(outcomes.map((o) => o.outcome))).toEqual(new Set(['NONE', 'REPLIED', 'MEETING_BOOKED', 'WON', 'LOST', 'UNSUBSCRIBED']));
    const lastMessages = await prisma.conversation.count({ where: { accountId: seeded.accountId, lastMessageId: { not: null } } });
    expect(lastMessages).toBe(25);
    // Every demo thread the lead wrote in starts unread for the team: the newest reply is named.
    const newestReplies = await prisma.$queryRaw<{ wrong: bigint }[]>`
      SELECT count(*) AS wrong FROM conversations c
      WHERE c.account_id = ${seeded.accountId}::uuid
        AND c.last_inbound_message_id IS DISTINCT FROM (
          SELECT m.id FROM conversation_messages m WHERE m.conversation_id = c.id AND m.direction = 'INBOUND'
          ORDER BY m.created_at DESC, m.id DESC LIMIT 1)`;
    expect(Number(newestReplies[0]!.wrong)).toBe(0);
    expect(await prisma.conversation.count({ where: { accountId: seeded.accountId, lastInboundMessageId: { not: null } } })).toBeGreaterThan(0);
  });
});
