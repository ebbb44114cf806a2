import { builder } from './builder.js';

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
    fromName: t.exposeString('fromName', { nullable: true, description: 'Sender display name.' }),
    toEmail: t.exposeString('toEmail', { description: 'Recipient address.' }),
    subject: t.exposeString('subject', { description: 'Subject line.' }),
    textBody: t.exposeString('textBody', { description: 'Plain-text body.' }),
    htmlBody: t.exposeString('htmlBody', { nullable: true, description: 'HTML body, when the email had one.' }),
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
    errorCode: t.exposeString('errorCode', { nullable: true, description: "The provider's error code when sending failed." }),
    errorMessage: t.exposeString('errorMessage', { nullable: true, description: "The provider's error message when sending failed." }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When Parley recorded the message.' }),
  }),
});
