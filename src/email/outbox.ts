// The local outbox: the default sender when no POSTMARK_SERVER_TOKEN is set. It stores every
// email in outbox_emails (the `outbox` query lists them) and logs it; nothing leaves the machine.
import type { PrismaClient } from '../db/client.js';
import type { Logger } from '../logger.js';
import type { AcceptedEmail, EmailSender, OutgoingEmail } from './sender.js';

const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1) || 'localhost';

export class OutboxSender implements EmailSender {
  readonly name = 'outbox' as const;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly logger: Logger,
  ) {}

  private accepted(row: { id: string; createdAt: Date }, email: OutgoingEmail): AcceptedEmail {
    return {
      providerMessageId: row.id,
      messageIdHeader: `<outbox-${row.id}@${domainOf(email.from.email)}>`,
      acceptedAt: row.createdAt,
    };
  }

  async send(email: OutgoingEmail): Promise<AcceptedEmail> {
    // Keyed by message: sending the same email twice stores it once, as a provider would.
    const row = await this.prisma.outboxEmail.upsert({
      where: { accountId_messageId: { accountId: email.accountId, messageId: email.messageId } },
      update: {},
      create: {
        accountId: email.accountId,
        messageId: email.messageId,
        fromEmail: email.from.email,
        fromName: email.from.name ?? null,
        toEmail: email.to.email,
        toName: email.to.name ?? null,
        replyTo: email.replyTo,
        subject: email.subject,
        textBody: email.textBody,
        htmlBody: email.htmlBody,
        headers: email.headers.map((h) => ({ name: h.name, value: h.value })),
        metadata: email.metadata,
        tag: email.tag,
        messageStream: email.messageStream,
        trackOpens: email.trackOpens,
        trackLinks: email.trackLinks,
      },
    });
    this.logger.info(
      { outboxEmailId: row.id, to: email.to.email, subject: email.subject, messageId: email.messageId },
      'email stored in the local outbox, not sent (set POSTMARK_SERVER_TOKEN to send)',
    );
    return this.accepted(row, email);
  }

  async find(email: OutgoingEmail): Promise<AcceptedEmail | null> {
    const row = await this.prisma.outboxEmail.findUnique({
      where: { accountId_messageId: { accountId: email.accountId, messageId: email.messageId } },
    });
    return row ? this.accepted(row, email) : null;
  }
}
