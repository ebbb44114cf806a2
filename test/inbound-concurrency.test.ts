// Many webhook posters at once (issue 13): the embedded database (one connection) used to
// answer about 3% of webhooks with 503 ("Unable to start a transaction in the given time") at
// only 6 concurrent posters. Writes now queue; 50 posters over real HTTP get 0 non-200.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConversation, createLead } from './support/factories.js';
import { devAuth, inboundPayload } from './support/postmark-payloads.js';
import { startTestServer, type TestServer } from './support/server.js';

const POSTERS = 50;
// Two emails each: the 50 posters are at once either way; four each doubled the test's time.
const EMAILS_PER_POSTER = 2;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 120_000);
afterAll(() => server?.close());

describe(`${POSTERS} concurrent webhook posters`, () => {
  it('all get 200: new leads, replies into known threads, and the same email posted twice', async () => {
    const { prisma, devAccountId } = server.running.app.services;
    // Half the traffic replies into existing conversations (by MailboxHash), half comes from
    // new senders (a lead, a conversation and a message each), and every fourth email is
    // posted by two posters at once, as Postmark's retries do.
    const threads = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const lead = await createLead(prisma, devAccountId, { email: `known-${randomUUID().slice(0, 8)}@example.net` });
        return createConversation(prisma, devAccountId, lead.id, { status: 'WAITING_FOR_LEAD', messages: [{ direction: 'OUTBOUND', at: new Date('2026-11-20T09:00:00Z') }] });
      }),
    );
    const inboundBefore = await prisma.conversationMessage.count({ where: { direction: 'INBOUND' } });
    const statuses: number[] = [];
    const failures: string[] = [];
    const post = async (payload: unknown) => {
      const response = await fetch(`${server.url}/webhooks/postmark/inbound`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: devAuth },
        body: JSON.stringify(payload),
      });
      statuses.push(response.status);
      if (response.status !== 200) failures.push(`${response.status} ${await response.text()}`);
      else await response.arrayBuffer();
    };
    await Promise.all(
      Array.from({ length: POSTERS }, async (_, poster) => {
        for (let i = 0; i < EMAILS_PER_POSTER; i++) {
          const payload =
            (poster + i) % 2 === 0
              ? inboundPayload({ mailboxHash: threads[(poster + i) % threads.length]!.replyHash, text: `Reply ${poster}/${i}` })
              : inboundPayload({ from: `new-${poster}-${i}-${randomUUID().slice(0, 6)}@example.net`, subject: `Hello ${poster}/${i}` });
          await ((poster * EMAILS_PER_POSTER + i) % 4 === 3 ? Promise.all([post(payload), post(payload)]) : post(payload));
        }
      }),
    );
    expect(failures).toEqual([]);
    expect(statuses.length).toBe(POSTERS * EMAILS_PER_POSTER + (POSTERS * EMAILS_PER_POSTER) / 4);
    // Each distinct email is stored exactly once.
    expect(await prisma.conversationMessage.count({ where: { direction: 'INBOUND' } })).toBe(inboundBefore + POSTERS * EMAILS_PER_POSTER);
  }, 600_000);
});
