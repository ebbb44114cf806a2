import { builder } from './builder.js';
import { DeliveryStatusEnum, MessageDirectionEnum } from './enums.js';

export const ConversationMessageNode = builder.prismaNode('ConversationMessage', {
  id: { field: 'id' },
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
    errorCode: t.exposeString('errorCode', { nullable: true, description: "The provider's error code when sending failed." }),
    errorMessage: t.exposeString('errorMessage', { nullable: true, description: "The provider's error message when sending failed." }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When Parley recorded the message.' }),
  }),
});
