// A realistic inbound reply from one of the demo leads, shaped as Postmark's inbound webhook
// posts it, so a local server shows the whole flow: threading, newReply, the AI draft, aiReady.
import { randomUUID } from 'node:crypto';
import { demoLeadContacts, type DemoLeadContact } from '../db/seed-demo.js';

const REPLY_TEXTS = [
  'Thanks for the details. Tuesday afternoon works for a quick call. Could you also send pricing for the online booking part before then?',
  'We talked it over and we are interested. How soon could you start, and do you offer a monthly payment plan?',
  'Quick question before we decide: would we keep our current domain and email addresses if we switch to you?',
];

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface DemoReply {
  lead: DemoLeadContact;
  payload: Record<string, unknown>;
}

export function demoReply(options: { leadIndex?: number; text?: string; now?: Date } = {}): DemoReply {
  const leads = demoLeadContacts();
  const index = options.leadIndex ?? Math.floor(Math.random() * leads.length);
  const lead = leads[((index % leads.length) + leads.length) % leads.length]!;
  const text = options.text ?? REPLY_TEXTS[Math.floor(Math.random() * REPLY_TEXTS.length)]!;
  const firstName = lead.name.split(' ')[0];
  const date = (options.now ?? new Date()).toUTCString().replace('GMT', '+0000');
  const textBody = `${text}\n\n${firstName}\n${lead.company}\n\nOn ${date}, Alex Rivera wrote:\n> Would a short call about your site be useful?`;
  const to = 'replies@inbound.parley.example.com';
  const messageId = `<${randomUUID()}@mail.example.net>`;
  return {
    lead,
    payload: {
      FromName: lead.name,
      MessageStream: 'inbound',
      From: lead.email,
      FromFull: { Email: lead.email, Name: lead.name, MailboxHash: '' },
      To: to,
      ToFull: [{ Email: to, Name: '', MailboxHash: '' }],
      Cc: '',
      CcFull: [],
      Bcc: '',
      BccFull: [],
      OriginalRecipient: to,
      // Threaded by the lead's address and the subject without "Re:".
      Subject: `Re: ${lead.subject}`,
      MessageID: randomUUID(),
      ReplyTo: '',
      MailboxHash: '',
      Date: date,
      TextBody: textBody,
      HtmlBody: `<p>${escapeHtml(text)}</p><p>${escapeHtml(firstName ?? '')}<br>${escapeHtml(lead.company)}</p>`,
      StrippedTextReply: text,
      Tag: '',
      Headers: [
        { Name: 'Message-ID', Value: messageId },
        { Name: 'Date', Value: date },
      ],
      Attachments: [],
    },
  };
}

export async function postDemoReply(
  baseUrl: string,
  credentials: { username: string; password: string },
  reply: DemoReply,
): Promise<{ status: number; body: string }> {
  const response = await fetch(new URL('/webhooks/postmark/inbound', baseUrl), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`,
    },
    body: JSON.stringify(reply.payload),
  });
  return { status: response.status, body: await response.text() };
}
