// Hands one email to a sender, retrying what is worth retrying, and never sending twice:
// after a send whose outcome is unknown (no answer, timeout, 5xx) the email is looked up by
// its metadata before anything is sent again. Postmark has no idempotency key; this is the
// substitute.
import { setTimeout as sleep } from 'node:timers/promises';
import { EmailSendError, type AcceptedEmail, type EmailSender, type OutgoingEmail } from './sender.js';

export interface DeliveryPolicy {
  /** Send requests per delivery, the first included. */
  maxAttempts: number;
  /** Backoff before retry n is a random delay up to baseDelayMs * 2^(n-1), capped at maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Timeout of one request to the provider. */
  requestTimeoutMs: number;
  /**
   * How long a claimed delivery belongs to the worker that claimed it. Must outlast one whole
   * delivery (attempts x timeout + backoff); recovery takes over only after it.
   */
  leaseMs: number;
}

export const defaultDeliveryPolicy: DeliveryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 300,
  maxDelayMs: 5_000,
  requestTimeoutMs: 20_000,
  leaseMs: 5 * 60_000,
};

export type DeliveryOutcome =
  | { status: 'sent'; accepted: AcceptedEmail; attempts: number; foundByLookup: boolean }
  /** The provider refused it, or kept refusing it for now (error.kind tells which). */
  | { status: 'failed'; error: EmailSendError; attempts: number }
  /** Nobody knows whether the provider took it: leave it to recovery, which looks first. */
  | { status: 'unknown'; error: EmailSendError; attempts: number };

const asSendError = (error: unknown) =>
  error instanceof EmailSendError ? error : new EmailSendError('unknown', `Sending failed unexpectedly: ${String(error)}`);

export function backoffDelay(policy: DeliveryPolicy, attempt: number): number {
  // Full jitter: concurrent retries spread out instead of hitting the provider together.
  return Math.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
}

export async function deliver(
  sender: EmailSender,
  email: OutgoingEmail,
  policy: DeliveryPolicy,
  options: { lookupFirst?: boolean } = {},
): Promise<DeliveryOutcome> {
  let uncertain = options.lookupFirst ?? false;
  let attempts = 0;
  let last: EmailSendError | undefined;
  const lookUp = async (): Promise<DeliveryOutcome | 'absent'> => {
    try {
      const found = await sender.find(email);
      return found ? { status: 'sent', accepted: found, attempts, foundByLookup: true } : 'absent';
    } catch (error) {
      // A lookup that cannot tell is no licence to send again.
      return { status: 'unknown', error: asSendError(error), attempts };
    }
  };
  while (attempts < policy.maxAttempts) {
    if (uncertain) {
      const looked = await lookUp();
      if (looked !== 'absent') return looked;
    }
    attempts += 1;
    try {
      const accepted = await sender.send(email);
      return { status: 'sent', accepted, attempts, foundByLookup: false };
    } catch (error) {
      last = asSendError(error);
      if (last.kind === 'rejected') return { status: 'failed', error: last, attempts };
      uncertain = last.kind === 'unknown';
    }
    // Before a retry, and before the last lookup, give the provider a moment.
    if (attempts < policy.maxAttempts || uncertain) await sleep(backoffDelay(policy, attempts));
  }
  if (uncertain) {
    const looked = await lookUp();
    if (looked !== 'absent') return looked;
    // Not found yet may only mean the provider's search has not caught up: recovery decides later.
    return { status: 'unknown', error: last!, attempts };
  }
  return { status: 'failed', error: last!, attempts };
}
