// The Postmark adapter, through the official `postmark` client. POSTMARK_API_URL points the
// client at another host (the EU endpoint, or a fake server in tests).
import type { ServerClient } from 'postmark';
import { postmark } from '../lazy-package.js';
import { formatAddress } from './format.js';
import {
  EmailSendError,
  METADATA_KEYS,
  type AcceptedEmail,
  type EmailSender,
  type OutgoingEmail,
} from './sender.js';

export interface PostmarkSenderOptions {
  serverToken: string;
  apiUrl?: string;
  /** Per-request timeout; a timed-out send has an unknown outcome. */
  timeoutMs: number;
}

/** Postmark's ErrorCodes (https://postmarkapp.com/developer/api/overview#error-codes), for people. */
const ERROR_MESSAGES: Record<number, string> = {
  10: 'Postmark refused the server token: check POSTMARK_SERVER_TOKEN.',
  300: "Postmark refused the email as invalid, most often because of the recipient's address.",
  400: 'The sender address is not a Postmark sender signature: check EMAIL_FROM_ADDRESS.',
  401: 'The sender signature is not confirmed yet in Postmark: check EMAIL_FROM_ADDRESS.',
  402: 'Postmark could not read the request (invalid JSON).',
  403: 'Postmark could not read the request (incompatible JSON).',
  405: 'The Postmark account is not allowed to send: it may have run out of credits.',
  406: "The lead's address is inactive at Postmark (it hard-bounced, complained or unsubscribed), so the email was not sent.",
  409: 'Postmark expects a JSON request.',
  412: 'The Postmark account is pending approval and can only send to its own domain.',
  1235: 'The message stream does not exist in Postmark: check POSTMARK_MESSAGE_STREAM.',
};

/** Where a Postmark error leaves a send (see EmailSendError kinds). */
export function classifyPostmarkError(error: unknown): EmailSendError {
  if (!(error instanceof postmark().Errors.PostmarkError)) {
    return new EmailSendError('unknown', `Postmark could not be reached: ${String(error)}`);
  }
  const status = error.statusCode;
  const code = error.code || null;
  const details = { providerCode: code, providerMessage: error.message, httpStatus: status || null };
  if (status === 0) {
    // No HTTP answer at all: refused connection, reset, timeout. The request may have arrived.
    return new EmailSendError('unknown', `No answer from Postmark: ${error.message}`, details);
  }
  if (status === 429) return new EmailSendError('throttled', 'Postmark is rate limiting this server; try again shortly.', details);
  if (status === 503) return new EmailSendError('throttled', 'Postmark is temporarily unavailable; try again shortly.', details);
  if (status >= 500) return new EmailSendError('unknown', `Postmark answered ${status}: ${error.message}`, details);
  const human = (code !== null && ERROR_MESSAGES[code]) || `Postmark refused the email (${status}${code !== null ? `, code ${code}` : ''}).`;
  return new EmailSendError('rejected', human, details);
}

/** Postmark sets the Message-ID header of what it sends from its MessageID. */
export const messageIdHeaderFor = (postmarkMessageId: string) => `<${postmarkMessageId}@mtasv.net>`;

export class PostmarkSender implements EmailSender {
  readonly name = 'postmark' as const;
  private readonly client: ServerClient;

  constructor(options: PostmarkSenderOptions) {
    const url = options.apiUrl ? new URL(options.apiUrl) : undefined;
    this.client = new (postmark().ServerClient)(options.serverToken, {
      useHttps: url ? url.protocol === 'https:' : true,
      // The client builds `${scheme}://${requestHost}${path}`, so a path prefix rides along here.
      requestHost: url ? `${url.host}${url.pathname.replace(/\/+$/, '')}` : 'api.postmarkapp.com',
      timeout: options.timeoutMs / 1000,
    });
  }

  async send(email: OutgoingEmail): Promise<AcceptedEmail> {
    try {
      const response = await this.client.sendEmail({
        From: formatAddress(email.from),
        To: formatAddress(email.to),
        ReplyTo: email.replyTo,
        Subject: email.subject,
        TextBody: email.textBody,
        ...(email.htmlBody !== null ? { HtmlBody: email.htmlBody } : {}),
        Headers: email.headers.map((h) => ({ Name: h.name, Value: h.value })),
        Metadata: email.metadata,
        Tag: email.tag,
        MessageStream: email.messageStream,
        TrackOpens: email.trackOpens,
        TrackLinks: email.trackLinks as never,
      });
      return {
        providerMessageId: response.MessageID,
        messageIdHeader: messageIdHeaderFor(response.MessageID),
        acceptedAt: response.SubmittedAt ? new Date(response.SubmittedAt) : undefined,
      };
    } catch (error) {
      throw classifyPostmarkError(error);
    }
  }

  /** Postmark has no idempotency key: outbound message search by our metadata tells whether it took the email. */
  async find(email: OutgoingEmail): Promise<AcceptedEmail | null> {
    try {
      const result = await this.client.getOutboundMessages({
        count: 1,
        offset: 0,
        [`metadata_${METADATA_KEYS.messageId}`]: email.messageId,
      });
      const found = result.Messages.find((m) => m.Metadata?.[METADATA_KEYS.messageId] === email.messageId);
      if (!found) return null;
      return {
        providerMessageId: found.MessageID,
        messageIdHeader: messageIdHeaderFor(found.MessageID),
        acceptedAt: found.ReceivedAt ? new Date(found.ReceivedAt) : undefined,
      };
    } catch (error) {
      const classified = classifyPostmarkError(error);
      // Whatever went wrong, the lookup could not tell: never a reason to send again.
      throw new EmailSendError('unknown', `Postmark's message search failed: ${classified.message}`, classified.details);
    }
  }
}
