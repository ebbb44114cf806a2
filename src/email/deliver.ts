// Hands one email to a sender, retrying what is worth retrying, and never sending twice.
// A refusal (4xx) is final; a throttle (429, 503) is retried, as the provider did not take the
// email. An unknown outcome (a 5xx after the provider may have taken it, a dropped connection,
// a timeout) is never followed by another send in the same delivery: the email is looked up
// once, and if the provider's search does not show it yet, the delivery ends 'unknown' and the
// message is UNCERTAIN (src/domain/sending/deliver.ts) until the search finds it or the look-up window has
// passed. Postmark has no idempotency key; this is the substitute.
import { setTimeout as sleep } from 'node:timers/promises';
import { EmailSendError, type AcceptedEmail, type EmailSender, type OutgoingEmail } from './sender.js';
import { backoffDelayMs } from '../retry/backoff.js';

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
  /**
   * After a send with an unknown outcome, how long the provider's search is trusted to catch
   * up before an email it does not show is taken as never received and sent again.
   *
   * Why 15 minutes by default (EMAIL_LOOKUP_WINDOW_MS): Postmark documents no bound on how soon
   * an accepted email appears in its outbound message search; lags of tens of seconds are
   * seen, and during incidents its queue holds accepted emails for minutes. The search keeps
   * outbound messages for 45 days, so a late look-up still finds them. Fifteen minutes is an
   * order of magnitude above the lags seen, while a reply that truly never arrived still goes
   * out the same quarter-hour. A duplicate sales email is worse than a late one: an operator who
   * knows of a longer incident raises it.
   */
  lookupWindowMs: number;
  /**
   * How long a request whose email is already queued waits for a lost database to read its
   * reply back (it answers with the queued reply, not an error, if the database returns).
   */
  databaseWaitMs: number;
}

export const defaultDeliveryPolicy: DeliveryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 300,
  maxDelayMs: 5_000,
  requestTimeoutMs: 20_000,
  leaseMs: 5 * 60_000,
  lookupWindowMs: 15 * 60_000,
  databaseWaitMs: 15_000,
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
  return backoffDelayMs(attempt, { baseDelayMs: policy.baseDelayMs, maxDelayMs: policy.maxDelayMs, jitter: 'full' });
}

export async function deliver(sender: EmailSender, email: OutgoingEmail, policy: DeliveryPolicy): Promise<DeliveryOutcome> {
  let attempts = 0;
  let last: EmailSendError | undefined;
  while (attempts < policy.maxAttempts) {
    attempts += 1;
    try {
      const accepted = await sender.send(email);
      return { status: 'sent', accepted, attempts, foundByLookup: false };
    } catch (error) {
      last = asSendError(error);
      if (last.kind === 'rejected') return { status: 'failed', error: last, attempts };
      if (last.kind === 'unknown') break;
    }
    if (attempts < policy.maxAttempts) await sleep(backoffDelay(policy, attempts));
  }
  if (last!.kind !== 'unknown') return { status: 'failed', error: last!, attempts };
  // The provider may have the email. Give its search a moment and look once; not found yet
  // may only mean the search has not caught up: no second send here, the caller decides
  // after the look-up window.
  await sleep(backoffDelay(policy, attempts));
  try {
    const found = await sender.find(email);
    if (found) return { status: 'sent', accepted: found, attempts, foundByLookup: true };
  } catch {
    // A look-up that cannot tell leaves the outcome unknown, as it was.
  }
  return { status: 'unknown', error: last!, attempts };
}
