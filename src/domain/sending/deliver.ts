// Step 2 of the send pipeline (pipeline.ts): one queued delivery taken to the provider under
// its lease, looked up first when a crash may have sent it already; its outcome settled by
// settle.ts, or left UNCERTAIN for recovery to look up.
import type { OutboundEmail } from '../../db/client.js';
import { deliver } from '../../email/deliver.js';
import type { EmailSendError, OutgoingEmail } from '../../email/sender.js';
import type { DomainContext } from '../use-case-context.js';
import { transitionMessage } from '../transitions.js';
import { readSettings } from '../settings/read.js';
import { markFailed, markSent } from './settle.js';
import { SEND_TX_OPTIONS } from './transaction.js';

export type DeliverQueuedResult = 'sent' | 'failed' | 'unknown' | 'busy' | 'skipped' | 'settled';

export interface DeliverQueuedInput {
  outboundEmailId: string;
  lookupFirst?: boolean;
  claimed?: OutboundEmail;
}

/**
 * Takes one queued delivery to SENT or FAILED, if this caller holds (or can take) its lease.
 * With lookupFirst, the provider is asked whether it already has the email before anything
 * is sent: the way a crash after the provider accepted it is recovered without a second email.
 * With `claimed`, the row the claim transaction has just written (lease held, conversation
 * checked under its lock) is sent as it is, without reading it or the conversation again.
 * An email the search does not show is sent again only once the look-up window has passed
 * since the last moment it could have been sent.
 */
export async function deliverQueued(ctx: DomainContext, input: DeliverQueuedInput): Promise<DeliverQueuedResult> {
  const result = await deliverQueuedOnce(ctx, input);
  ctx.services.metrics.sends.inc({ status: result });
  return result;
}

async function deliverQueuedOnce(ctx: DomainContext, options: DeliverQueuedInput): Promise<DeliverQueuedResult> {
  const { db, services } = ctx;
  const { outboundEmailId } = options;
  const policy = services.emailPolicy;
  const outbound = options.claimed ?? (await db.outboundEmail.findUniqueOrThrow({ where: { id: outboundEmailId } }));
  if (outbound.completedAt) return 'settled';
  if (outbound.provider !== services.email.name) {
    // Queued for Postmark, and this instance has no token (or the reverse): not ours to send.
    services.logger.warn(
      { outboundEmailId, queuedFor: outbound.provider, sender: services.email.name },
      'queued email belongs to another email sender; left for an instance configured for it',
    );
    return 'skipped';
  }
  if (!options.claimed) {
    const now = services.now();
    const { count } = await db.outboundEmail.updateMany({
      where: { id: outboundEmailId, completedAt: null, lockedUntil: { lte: now } },
      data: { lockedUntil: new Date(now.getTime() + policy.leaseMs) },
    });
    // Settled or leased since we read it: someone else has it. (The payload never changes.)
    if (count === 0) return 'busy';
  }
  const email = outbound.payload as unknown as OutgoingEmail;
  // A scheduled email nobody has begun to send (its lease is still the one the claim gave it,
  // up to its time) cannot be at the provider: nothing to look up, and no look-up window to wait.
  if (options.lookupFirst && !neverStarted(outbound)) {
    let found;
    try {
      found = await services.email.find(email);
    } catch (error) {
      await releaseUnsettled(ctx, outbound, (error as EmailSendError).message);
      return 'unknown';
    }
    if (found) {
      await markSent(ctx, outbound, found, { foundByLookup: true, attempts: 0 });
      return 'sent';
    }
    // Not found may mean not found YET: the provider's search lags. The last moment a send
    // could have been made is the last ambiguous send, or, for a delivery whose worker
    // vanished, the end of its lease (sends happen only under the lease).
    const lastPossibleSend = outbound.uncertainSince ?? outbound.lockedUntil;
    if (services.now().getTime() < lastPossibleSend.getTime() + policy.lookupWindowMs) {
      await releaseUnsettled(ctx, outbound, "not found by the provider's search yet; looked up again until the look-up window ends");
      return 'unknown';
    }
  }
  // Time may have passed since the claim (recovery): the lead or the thread may have closed.
  // Straight after the claim it has not: the claim checked both under the conversation lock.
  const conversation = options.claimed
    ? null
    : await db.conversation.findUnique({
        where: { id: outbound.conversationId },
        select: {
          status: true,
          lead: { select: { doNotContact: true } },
          // A scheduled email waited: did the lead write since it was queued?
          messages: { where: { direction: 'INBOUND', createdAt: { gt: outbound.createdAt } }, select: { id: true }, take: 1 },
        },
      });
  if (outbound.scheduledFor && conversation && conversation.messages.length > 0 && !conversation.lead.doNotContact) {
    const { sendScheduledAfterReply } = await readSettings(ctx);
    if (!sendScheduledAfterReply) {
      await markFailed(ctx, outbound, {
        code: 'LEAD_REPLIED',
        providerMessage: null,
        human: 'The lead replied after this email was scheduled; it was not sent, and its draft is back for review.',
        attempts: 0,
      });
      return 'failed';
    }
  }
  if (conversation?.lead.doNotContact || conversation?.status === 'ARCHIVED') {
    const archived = conversation.status === 'ARCHIVED';
    await markFailed(ctx, outbound, {
      code: archived ? 'CONVERSATION_ARCHIVED' : 'DO_NOT_CONTACT',
      providerMessage: null,
      human: archived
        ? 'The conversation was archived before the email went out; it was not sent.'
        : 'The lead was marked do-not-contact before the email went out; it was not sent.',
      attempts: 0,
    });
    return 'failed';
  }
  const outcome = await deliver(services.email, email, policy);
  if (outcome.status === 'sent') {
    await markSent(ctx, outbound, outcome.accepted, { foundByLookup: outcome.foundByLookup, attempts: outcome.attempts });
    return 'sent';
  }
  if (outcome.status === 'failed') {
    await markFailed(ctx, outbound, {
      code: failureCode(outcome.error),
      providerMessage: outcome.error.details.providerMessage ?? null,
      human: outcome.error.message,
      attempts: outcome.attempts,
    });
    return 'failed';
  }
  await noteUnknown(ctx, outbound, outcome.error, outcome.attempts);
  return 'unknown';
}

/**
 * The send's outcome is unknown: the message becomes UNCERTAIN from now (the last possible
 * send), and the lease is let go, so any instance's recovery may look it up; a new send still
 * needs the lease and the look-up window to have passed (deliverQueued).
 */
async function noteUnknown({ db, viewer, services }: DomainContext, outbound: OutboundEmail, error: EmailSendError, attempts: number) {
  services.logger.warn(
    { messageId: outbound.messageId, err: error.message },
    'email send outcome unknown; UNCERTAIN until the provider\'s search finds it or the look-up window passes',
  );
  const now = services.now();
  await db.$transaction(async (tx) => {
    await tx.outboundEmail.update({
      where: { id: outbound.id },
      data: { attempts: { increment: attempts }, lastError: error.message, uncertainSince: now, lockedUntil: now },
    });
    await transitionMessage(tx, viewer, {
      id: outbound.messageId,
      from: ['QUEUED'],
      to: 'UNCERTAIN',
      action: 'message.uncertain',
      details: { error: error.message, attempts },
    });
  }, SEND_TX_OPTIONS);
}

/** A scheduled delivery whose lease is still the claim's: no send of it has begun. */
export function neverStarted(outbound: Pick<OutboundEmail, 'scheduledFor' | 'lockedUntil' | 'uncertainSince'>): boolean {
  return outbound.scheduledFor !== null && outbound.uncertainSince === null && outbound.lockedUntil.getTime() === outbound.scheduledFor.getTime();
}

/** Not settled yet, and nobody sending: recovery looks it up again at its next run. */
async function releaseUnsettled({ db, services }: DomainContext, outbound: OutboundEmail, reason: string) {
  services.logger.info({ messageId: outbound.messageId, reason }, 'queued email not settled yet');
  await db.outboundEmail.update({ where: { id: outbound.id }, data: { lastError: reason, lockedUntil: services.now() } });
}

/** The code stored on a FAILED message: the provider's ErrorCode, or Parley's reason. */
function failureCode(error: EmailSendError): string {
  if (error.details.providerCode != null) return String(error.details.providerCode);
  if (error.details.httpStatus === 429) return 'RATE_LIMITED';
  if (error.kind === 'throttled') return 'PROVIDER_UNAVAILABLE';
  return error.details.httpStatus ? `HTTP_${error.details.httpStatus}` : 'SEND_FAILED';
}
