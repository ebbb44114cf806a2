// The local outbox: what the outbox sender stored instead of sending (no POSTMARK_SERVER_TOKEN).
import type { OutboxEmail } from '../db/client.js';
import { builder } from './builder.js';
import { ConversationMessageNode } from './message.js';
import { dbOf } from '../graphql-context.js';

const EmailHeaderRef = builder.objectRef<{ name: string; value: string }>('EmailHeader').implement({
  description: 'One extra email header.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Header name, e.g. In-Reply-To.' }),
    value: t.exposeString('value', { description: 'Header value.' }),
  }),
});

const MetadataEntryRef = builder.objectRef<{ key: string; value: string }>('EmailMetadataEntry').implement({
  description: 'One metadata entry the email carries (as Postmark Metadata would).',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Key, e.g. messageId.' }),
    value: t.exposeString('value', { description: 'Value.' }),
  }),
});

export const OutboxEmailNode = builder.prismaNode('OutboxEmail', {
  id: { field: 'id' },
  // node(id) answers null, not an error, for ids that are not in the viewer's account.
  nullable: true,
  description: 'An email the local outbox took instead of sending it (development: no POSTMARK_SERVER_TOKEN).',
  fields: (t) => ({
    fromEmail: t.exposeString('fromEmail', { description: 'Sender address.' }),
    fromName: t.exposeString('fromName', { nullable: true, description: 'Sender display name.' }),
    toEmail: t.exposeString('toEmail', { description: 'Recipient address.' }),
    toName: t.exposeString('toName', { nullable: true, description: 'Recipient display name.' }),
    replyTo: t.exposeString('replyTo', { description: "Reply-To: where the lead's answer goes (replies+HASH@inbound domain)." }),
    subject: t.exposeString('subject', { description: 'Subject line.' }),
    textBody: t.exposeString('textBody', { description: 'Plain-text body.' }),
    htmlBody: t.exposeString('htmlBody', { nullable: true, description: 'HTML body.' }),
    headers: t.field({
      type: [EmailHeaderRef],
      description: 'Extra headers (threading: In-Reply-To, References).',
      resolve: (email: OutboxEmail) => email.headers as { name: string; value: string }[],
    }),
    metadata: t.field({
      type: [MetadataEntryRef],
      description: 'Metadata: account, conversation, message and suggestion ids.',
      resolve: (email: OutboxEmail) =>
        Object.entries(email.metadata as Record<string, string>).map(([key, value]) => ({ key, value })),
    }),
    tag: t.exposeString('tag', { nullable: true, description: 'Tag: what kind of email (approved-suggestion, custom-reply).' }),
    messageStream: t.exposeString('messageStream', { description: 'The Postmark message stream it would use.' }),
    trackOpens: t.exposeBoolean('trackOpens', { description: 'Whether opens would be tracked.' }),
    trackLinks: t.exposeString('trackLinks', { description: 'Which links would be tracked (HtmlAndText, None, ...).' }),
    message: t.field({
      type: ConversationMessageNode,
      nullable: true,
      description: 'The outbound message this email carries.',
      resolve: (email, _args, ctx) => dbOf(ctx).conversationMessage.findUnique({ where: { id: email.messageId } }),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the outbox took it.' }),
  }),
});

builder.queryFields((t) => ({
  outbox: t.prismaConnection({
    type: 'OutboxEmail',
    cursor: 'id',
    description:
      'Emails the local outbox took instead of sending, newest first (development, or no POSTMARK_SERVER_TOKEN). ' +
      'Empty when Postmark sends.',
    totalCount: (_parent, _args, ctx) => dbOf(ctx).outboxEmail.count(),
    resolve: (query, _parent, _args, ctx) =>
      dbOf(ctx).outboxEmail.findMany({ ...query, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
  }),
}));
