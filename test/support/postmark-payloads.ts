// Postmark-shaped webhook bodies, as Postmark documents them, and a poster that sends them
// through the app exactly as Postmark would (basic auth, JSON).
import { randomUUID } from 'node:crypto';
import { DEV_WEBHOOK_PASSWORD, DEV_WEBHOOK_USERNAME } from '../../src/config.js';
import type { TestApp } from './app.js';

export const devAuth = `Basic ${Buffer.from(`${DEV_WEBHOOK_USERNAME}:${DEV_WEBHOOK_PASSWORD}`).toString('base64')}`;

export interface InboundOptions {
  from?: string;
  fromName?: string;
  to?: string;
  mailboxHash?: string;
  subject?: string;
  text?: string;
  html?: string;
  stripped?: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string;
  attachments?: { Name: string; ContentType: string; ContentLength: number; Content: string }[];
}

export function inboundPayload(o: InboundOptions = {}) {
  const from = o.from ?? 'pat.lee@example.net';
  const to = o.to ?? (o.mailboxHash ? `replies+${o.mailboxHash}@inbound.parley.example.com` : 'replies@inbound.parley.example.com');
  const headers = [
    { Name: 'Message-ID', Value: `<${randomUUID()}@mail.example.net>` },
    { Name: 'Date', Value: 'Tue, 24 Nov 2026 10:00:00 +0000' },
    ...(o.inReplyTo ? [{ Name: 'In-Reply-To', Value: o.inReplyTo }] : []),
    ...(o.references ? [{ Name: 'References', Value: o.references }] : []),
  ];
  return {
    FromName: o.fromName ?? 'Pat Lee',
    MessageStream: 'inbound',
    From: from,
    FromFull: { Email: from, Name: o.fromName ?? 'Pat Lee', MailboxHash: '' },
    To: to,
    ToFull: [{ Email: to, Name: '', MailboxHash: o.mailboxHash ?? '' }],
    Cc: 'boss@example.net',
    CcFull: [{ Email: 'boss@example.net', Name: 'Boss', MailboxHash: '' }],
    Bcc: '',
    BccFull: [],
    OriginalRecipient: to,
    Subject: o.subject ?? 'Re: A faster website',
    MessageID: o.messageId ?? randomUUID(),
    ReplyTo: '',
    MailboxHash: o.mailboxHash ?? '',
    Date: 'Tue, 24 Nov 2026 10:00:00 +0000',
    TextBody: o.text ?? 'Sounds good. What would it cost?\n\nOn Mon, we wrote:\n> Hello',
    HtmlBody: o.html ?? '<p>Sounds good. What would it cost?</p>',
    StrippedTextReply: o.stripped ?? 'Sounds good. What would it cost?',
    Tag: '',
    Headers: headers,
    Attachments: o.attachments ?? [],
  };
}

export async function postWebhook(
  app: TestApp,
  path: 'inbound' | 'events',
  body: unknown,
  options: { auth?: string | null; query?: string; rawBody?: BodyInit; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  const auth = options.auth === undefined ? devAuth : options.auth;
  if (auth) headers.authorization = auth;
  const response = await app.yoga.fetch(`http://parley.test/webhooks/postmark/${path}${options.query ?? ''}`, {
    method: 'POST',
    headers,
    body: options.rawBody ?? JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
