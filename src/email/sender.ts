// The EmailSender port: how the domain hands an email to whatever delivers it (Postmark, or
// the local outbox). Adapters classify failures so the delivery loop (deliver.ts) can tell a
// refusal from an outage from an outcome nobody knows.

export interface EmailAddress {
  email: string;
  name?: string | null;
}

export interface EmailHeader {
  name: string;
  value: string;
}

export type LinkTracking = 'None' | 'HtmlAndText' | 'HtmlOnly' | 'TextOnly';

/** Metadata keys every outgoing email carries (Postmark returns them in webhooks and search). */
export const METADATA_KEYS = {
  accountId: 'accountId',
  conversationId: 'conversationId',
  /** The OUTBOUND ConversationMessage id: the key a send with an unknown outcome is looked up by. */
  messageId: 'messageId',
  suggestionId: 'suggestionId',
} as const;

/** One email, complete: stored as is (outbound_emails.payload) so a re-send is byte-for-byte the same. */
export interface OutgoingEmail {
  accountId: string;
  conversationId: string;
  /** Id of the OUTBOUND ConversationMessage this email is. */
  messageId: string;
  from: EmailAddress;
  to: EmailAddress;
  /** replies+HASH@inbound-domain, so the lead's answer routes back to the conversation. */
  replyTo: string;
  subject: string;
  textBody: string;
  htmlBody: string | null;
  /** Threading headers (In-Reply-To, References). */
  headers: EmailHeader[];
  metadata: Record<string, string>;
  tag: string;
  messageStream: string;
  trackOpens: boolean;
  trackLinks: LinkTracking;
}

/** The provider took the email. */
export interface AcceptedEmail {
  /** The provider's id (Postmark MessageID). */
  providerMessageId: string;
  /** The Message-ID header the lead's mail client sees. */
  messageIdHeader: string;
  /** When the provider accepted it, when it says so. */
  acceptedAt?: Date;
}

/**
 * - rejected: the provider refused this email; sending it again will not help.
 * - throttled: the provider did not take it (429 rate limit, 503 maintenance); safe to retry.
 * - unknown: no answer, a timeout, or a 5xx: the email may or may not have been accepted.
 */
export type SendFailureKind = 'rejected' | 'throttled' | 'unknown';

export class EmailSendError extends Error {
  constructor(
    readonly kind: SendFailureKind,
    /** For people: what happened and what to do. */
    message: string,
    readonly details: {
      /** The provider's error code (Postmark ErrorCode), when it gave one. */
      providerCode?: number | null;
      /** The provider's own message. */
      providerMessage?: string | null;
      httpStatus?: number | null;
    } = {},
  ) {
    super(message);
    this.name = 'EmailSendError';
  }
}

export interface EmailSender {
  /** Recorded with each delivery, so recovery only finishes what this adapter started. */
  readonly name: 'postmark' | 'outbox';
  /** Hand the email over. Throws EmailSendError. */
  send(email: OutgoingEmail): Promise<AcceptedEmail>;
  /**
   * Was this email (by its messageId metadata) already accepted? null when the provider has
   * no such email. Throws EmailSendError when it cannot tell.
   */
  find(email: OutgoingEmail): Promise<AcceptedEmail | null>;
}
