// Logs never carry email bodies or tokens: everything the app logs (at trace level) while it
// serves requests with tokens, an inbound email, a reply and failures is captured and searched.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { createTestApp, type TestApp } from './support/app.js';
import { createConversation, createLead, gid } from './support/factories.js';
import { inboundPayload, postWebhook } from './support/postmark-payloads.js';

const lines: string[] = [];
let app: TestApp;

beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  app = await createTestApp({ logger: createLogger('trace', sink) });
});
afterAll(() => app?.close());

describe('log redaction', () => {
  it('keeps tokens and email bodies out of the logs', async () => {
    const { prisma, devAccountId } = app.services;
    const inboundText = 'INBOUND-BODY-d41d8cd98f00b204';
    const inboundHtml = '<p>INBOUND-HTML-9e107d9d372bb682</p>';
    const replyText = 'REPLY-BODY-e4d909c290d0fb1c';
    const lead = await createLead(prisma, devAccountId);
    const conversation = await createConversation(prisma, devAccountId, lead.id, { messages: [{ direction: 'OUTBOUND', at: new Date() }] });
    expect((await postWebhook(app, 'inbound', inboundPayload({ mailboxHash: conversation.replyHash, text: inboundText, html: inboundHtml, stripped: inboundText }))).status).toBe(200);
    // A webhook that fails after reading the body (no such account): logged, without the body.
    await postWebhook(app, 'inbound', inboundPayload({ text: inboundText, html: inboundHtml }), { query: '?account=nobody' });
    await app.executeRaw('mutation ($input: SendReplyInput!) { sendReply(input: $input) { __typename } }', {
      input: { conversationId: gid('Conversation', conversation.id), subject: 'Re: hi', body: replyText, bodyHtml: `<p>${replyText}</p>` },
    });
    await app.executeRaw('{ viewer { role } }', undefined, 'not-a-valid-token-7c4a8d09ca3762af');
    await app.executeRaw('{ conversations(first: 1) { totalCount } }');
    const logged = lines.join('');
    expect(lines.length).toBeGreaterThan(0);
    for (const secret of [app.token, app.token.split('.')[2]!, 'not-a-valid-token-7c4a8d09ca3762af', inboundText, 'INBOUND-HTML-9e107d9d372bb682', replyText]) {
      expect(logged, secret.slice(0, 16)).not.toContain(secret);
    }
  });

  it('redacts body and token fields whatever code logs them', () => {
    const captured: string[] = [];
    const logger = createLogger('info', new Writable({ write: (c, _e, done) => (captured.push(String(c)), done()) }));
    logger.info({ token: 't0ken', request: { headers: { authorization: 'Bearer abc' } }, email: { TextBody: 'b0dy', htmlBody: '<p>h</p>' } }, 'x');
    expect(captured.join('')).not.toMatch(/t0ken|Bearer abc|b0dy|<p>h<\/p>/);
    expect(captured.join('')).toContain('[redacted]');
  });
});
