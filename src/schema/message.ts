import { type GraphQLContext, dbOf, servicesOf } from '../graphql-context.js';
import { plainDisplayName, sanitiseEmailHtml } from '../email/safe-html.js';
import { builder } from './builder.js';

/**
 * The stored sanitised body; for a row written before it existed (or an outbound one), the
 * original is sanitised once here and stored, so later reads do not sanitise again.
 */
async function safeHtmlBodyOf(ctx: GraphQLContext, id: string, stored: string | null): Promise<string | null> {
  if (stored !== null) return stored;
  const row = await dbOf(ctx).conversationMessage.findUnique({ where: { id }, select: { htmlBody: true } });
  if (!row?.htmlBody) return null;
  const safe = sanitiseEmailHtml(row.htmlBody, servicesOf(ctx).config.htmlRemoteImages);
  await dbOf(ctx).conversationMessage.updateMany({ where: { id, safeHtmlBody: null }, data: { safeHtmlBody: safe } });
  return safe;
}

interface AttachmentInfo {
  name: string;
  contentType: string;
  size: number;
}

const EmailAttachment = builder.objectRef<AttachmentInfo>('EmailAttachment').implement({
  description: 'A file attached to an inbound email (its content is not served by the API).',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'File name.' }),
    contentType: t.exposeString('contentType', { description: 'MIME type.' }),
    size: t.exposeInt('size', { description: 'Size in bytes.' }),
  }),
});
import { DeliveryStatusEnum, MessageDirectionEnum } from './enums.js';
import { decompressOriginal, joinOriginalParts } from '../email/originals.js';

interface OriginalPayload {
  sizeBytes: number;
  sha256: string;
  receivedAt: Date;
  content: Uint8Array;
}

const OriginalPayloadRef = builder.objectRef<OriginalPayload>('OriginalPayload').implement({
  description:
    'The exact body the email provider posted for an inbound email (Postmark inbound JSON), byte for byte. ' +
    'UNTRUSTED: written by whoever sent the email; it may hold NUL bytes, invalid UTF-8, scripts and attachments. ' +
    'Never render it as HTML. The text fields of the message are a normalised copy of it.',
  fields: (t) => ({
    sizeBytes: t.exposeInt('sizeBytes', { description: 'Size of the original body in bytes.' }),
    sha256: t.exposeString('sha256', { description: 'SHA-256 of the original body, hex.' }),
    receivedAt: t.expose('receivedAt', { type: 'DateTime', description: 'When Parley first stored it.' }),
    contentBase64: t.string({
      description: 'The original body, base64-encoded (base64 keeps bytes that are not valid text). Untrusted.',
      resolve: async (original) => (await decompressOriginal(original.content)).toString('base64'),
    }),
  }),
});

export const ConversationMessageNode = builder.prismaNode('ConversationMessage', {
  id: { field: 'id' },
  // Select mode: load only the columns a query asks for (bodies, headers and JSON columns
  // are large), not whole rows.
  select: { id: true },
  // node(id) answers null, not an error, for ids that are not in the viewer's account.
  nullable: true,
  description: 'One email in a conversation, inbound or outbound.',
  fields: (t) => ({
    conversation: t.relation('conversation', { description: 'The conversation this email belongs to.' }),
    direction: t.expose('direction', { type: MessageDirectionEnum, description: 'Which way the email travelled.' }),
    fromEmail: t.exposeString('fromEmail', { description: 'Sender address.' }),
    fromName: t.string({
      nullable: true,
      description: 'Sender display name, as plain text (control and bidi-override characters removed). It is not HTML: escape it when rendering.',
      select: { fromName: true },
      resolve: (message) => (message.fromName === null ? null : plainDisplayName(message.fromName)),
    }),
    toEmail: t.exposeString('toEmail', { description: 'Recipient address.' }),
    subject: t.exposeString('subject', { description: 'Subject line.' }),
    textBody: t.exposeString('textBody', { description: 'Plain-text body.' }),
    htmlBody: t.string({
      nullable: true,
      description:
        'HTML body, when the email had one, sanitised: safe to insert into a page (no scripts, event handlers, forms, frames, ' +
        'SVG, or URLs other than http(s)/mailto; remote images kept or removed per the server setting HTML_REMOTE_IMAGES).',
      select: { safeHtmlBody: true },
      resolve: (message, _args, ctx) => safeHtmlBodyOf(ctx, message.id, message.safeHtmlBody),
    }),
    htmlBodyUntrusted: t.exposeString('htmlBody', {
      nullable: true,
      description:
        'UNTRUSTED: the HTML body exactly as received, which may carry scripts and tracking. Never insert it into a page ' +
        'unsanitised; use htmlBody.',
    }),
    strippedText: t.exposeString('strippedText', {
      nullable: true,
      description: 'The reply without quoted history, when the provider supplied it.',
    }),
    messageId: t.exposeString('messageIdHeader', { nullable: true, description: 'The email\'s Message-ID header.' }),
    inReplyTo: t.exposeString('inReplyTo', { nullable: true, description: 'The In-Reply-To header.' }),
    providerMessageId: t.exposeString('providerMessageId', {
      nullable: true,
      description: "The email provider's id for this message (Postmark MessageID).",
    }),
    deliveryStatus: t.expose('deliveryStatus', { type: DeliveryStatusEnum, description: 'Delivery state.' }),
    sentAt: t.expose('sentAt', { type: 'DateTime', nullable: true, description: 'When we sent it (outbound).' }),
    receivedAt: t.expose('receivedAt', { type: 'DateTime', nullable: true, description: 'When we received it (inbound).' }),
    deliveredAt: t.expose('deliveredAt', { type: 'DateTime', nullable: true, description: "When the lead's server accepted it." }),
    firstOpenedAt: t.expose('firstOpenedAt', { type: 'DateTime', nullable: true, description: 'First open, if tracked.' }),
    firstClickedAt: t.expose('firstClickedAt', { type: 'DateTime', nullable: true, description: 'First link click, if tracked.' }),
    openCount: t.exposeInt('openCount', { description: 'Tracked opens.' }),
    clickCount: t.exposeInt('clickCount', { description: 'Tracked link clicks.' }),
    clickedLinks: t.exposeStringList('clickedLinks', { description: 'The distinct links the lead clicked.' }),
    ccEmails: t.exposeStringList('ccEmails', { description: 'Addresses copied on the email.' }),
    attachments: t.field({
      type: [EmailAttachment],
      description: 'Files attached to an inbound email.',
      select: { attachments: true },
      resolve: (message) =>
        (Array.isArray(message.attachments) ? (message.attachments as unknown as AttachmentInfo[]) : []).map(
          ({ name, contentType, size }) => ({ name, contentType, size }),
        ),
    }),
    originalPayload: t.field({
      type: OriginalPayloadRef,
      nullable: true,
      authScopes: { agent: true },
      description:
        'Inbound emails (agents and owners only): the exact body the provider posted, before Parley normalised ' +
        'what PostgreSQL cannot store (NUL, unpaired surrogates). Untrusted. Null for outbound email.',
      select: { providerMessageId: true, direction: true },
      resolve: async (message, _args, ctx) => {
        if (message.direction !== 'INBOUND' || !message.providerMessageId) return null;
        const parts = await dbOf(ctx).inboundOriginal.findMany({
          where: { providerMessageId: message.providerMessageId },
          orderBy: { part: 'asc' },
          select: { part: true, parts: true, sizeBytes: true, sha256: true, receivedAt: true, content: true },
        });
        const content = joinOriginalParts(parts);
        return content && { sizeBytes: parts[0]!.sizeBytes, sha256: parts[0]!.sha256, receivedAt: parts[0]!.receivedAt, content };
      },
    }),
    errorCode: t.exposeString('errorCode', { nullable: true, description: "The provider's error code when sending failed." }),
    errorMessage: t.exposeString('errorMessage', { nullable: true, description: "The provider's error message when sending failed." }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When Parley recorded the message.' }),
  }),
});
