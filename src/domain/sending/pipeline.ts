// The one send pipeline behind approveSuggestion and sendReply, exactly once:
//   1. claim (claim.ts): in one transaction, lock the conversation, make the caller's state change (e.g.
//      PENDING -> APPROVED), and write the OUTBOUND message as QUEUED with an idempotency key
//      plus its delivery record (the exact email, and a lease on sending it);
//   2. send (deliver.ts), outside any transaction (src/email/deliver.ts: retries, lookups before re-sends);
//   3. settle (settle.ts): mark the message SENT (conversation WAITING_FOR_LEAD) or FAILED (the draft
//      approvable again), then publish SENT or ERROR once committed.
// A crash after 2 leaves the message QUEUED; recover.ts finishes it, looking first.
// Every send waits the account's undo window (or until its sendAt): the claim writes it QUEUED
// with scheduledFor, its delivery leased until then, and a job that runs 2 and 3 at that time;
// cancel-scheduled-send.ts takes it back while no send has begun.
// A send with an unknown outcome leaves it UNCERTAIN: looked up again, never re-sent before
// the look-up window (DeliveryPolicy.lookupWindowMs) has passed since the last possible send.
import { createHash, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ConversationMessage, OutboundEmail } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { ScopedTransaction } from '../../db/scoped.js';
import { isDatabaseUnavailable } from '../../db/unavailable.js';
import type { AuditRecord } from '../audit.js';
import type { DomainContext } from '../use-case-context.js';
import { EmailDeliveryError, InvalidStateError, ValidationError } from '../errors.js';
import { claim } from './claim.js';
import { deliverQueued, type DeliverQueuedResult } from './deliver.js';
import { checkSendAt } from './input.js';

export interface EmailText {
  subject: string;
  textBody: string;
  /** null: a plain HTML version of the text is sent (open tracking needs HTML). */
  htmlBody: string | null;
}

/** What the caller's part of the claim returns: the text, and the audit rows of its change. */
export interface ClaimedText extends EmailText {
  /** Written with the pipeline's own row in one statement, in the claim transaction. */
  audit?: AuditRecord[];
}

export interface SendRequest {
  conversationId: string;
  /** The suggestion being sent, for approvals. */
  suggestionId: string | null;
  /** Client-supplied: a retried request with the same key returns the first result. */
  idempotencyKey?: string | null;
  /** What makes two requests the same request, for idempotency-key reuse. */
  fingerprint: Record<string, unknown>;
  /**
   * Send at this time instead of at once (checked: future, at most SEND_AT_MAX_DAYS ahead). The
   * account's undo window applies either way: the email waits until the later of the two.
   */
  sendAt?: Date | null;
  /** Postmark Tag: what kind of email this is, for Postmark's statistics. */
  tag: string;
  /**
   * Runs in the claim transaction with the conversation locked, before any other check:
   * the caller's state change (e.g. claim the suggestion), returning the text to send and
   * the audit rows of that change.
   */
  claim(tx: ScopedTransaction): Promise<ClaimedText>;
}

export interface SendResult {
  messageId: string;
  conversationId: string;
  suggestionId: string | null;
  /** True when the idempotency key matched an earlier request and this is its result. */
  replayed: boolean;
  /** When the QUEUED email goes (cancellable until then); null when it was sent at once. */
  scheduledFor: Date | null;
}

const RETRYABLE_CODES = new Set(['RATE_LIMITED', 'PROVIDER_UNAVAILABLE']);

function hashRequest(fingerprint: Record<string, unknown>): string {
  return createHash('sha256').update(JSON.stringify(fingerprint)).digest('hex');
}

/** The typed error a client sees for a FAILED message, first time or replayed. */
function deliveryErrorFor(message: ConversationMessage, outbound: OutboundEmail | null): EmailDeliveryError {
  const code = message.errorCode;
  const numeric = code !== null && /^\d+$/.test(code) ? Number(code) : null;
  return new EmailDeliveryError(outbound?.lastError ?? message.errorMessage ?? 'The email could not be sent.', {
    providerCode: numeric,
    providerMessage: message.errorMessage,
    retryable: code !== null && RETRYABLE_CODES.has(code),
    messageId: message.id,
  });
}

export async function sendThroughPipeline(ctx: DomainContext, request: SendRequest): Promise<SendResult> {
  const requestHash = hashRequest(request.fingerprint);
  const key = request.idempotencyKey ? `client:${request.idempotencyKey}` : `auto:${randomUUID()}`;
  if (request.idempotencyKey) {
    const replay = await replayIfSeen(ctx, key, requestHash);
    if (replay) return replay;
  }
  // After the replay: a retry of a scheduled send whose time has passed still gets its answer.
  checkSendAt(request.sendAt, ctx.services.now(), ['input', 'sendAt']);
  let claimed: OutboundEmail;
  try {
    claimed = await claim(ctx, { request, idempotencyKey: key, requestHash });
  } catch (error) {
    // A concurrent twin with the same key won the claim: answer with its result.
    if (request.idempotencyKey && (error instanceof InvalidStateError || isUniqueViolation(error))) {
      const replay = await replayIfSeen(ctx, key, requestHash);
      if (replay) return replay;
    }
    throw error;
  }
  const result = { messageId: claimed.messageId, conversationId: request.conversationId, suggestionId: request.suggestionId, replayed: false };
  // Scheduled (the undo window, or sendAt): its job sends it then (jobs/definitions.ts).
  if (claimed.scheduledFor) return { ...result, scheduledFor: claimed.scheduledFor };
  let outcome: DeliverQueuedResult;
  try {
    outcome = await deliverQueued(ctx, { outboundEmailId: claimed.id, claimed });
  } catch (error) {
    // The claim committed: the email is QUEUED and recovery finishes it (looking first). An
    // error here would make a person believe nothing happened and write a second reply, so
    // the answer is the queued reply, as soon as the database can read it back.
    if (!isDatabaseUnavailable(error)) throw error;
    ctx.services.logger.warn({ err: error, messageId: claimed.messageId }, 'database lost after the send was queued; left to recovery');
    await readAfterOutage(ctx.services.emailPolicy.databaseWaitMs, () =>
      ctx.db.conversationMessage.findUniqueOrThrow({ where: { id: claimed.messageId }, select: { id: true } }),
    );
    outcome = 'unknown';
  }
  // Only a failure needs the settled row (for its error); sent, uncertain or still queued
  // (finished by recovery) is a success for the caller.
  if (outcome === 'failed') {
    const message = await ctx.db.conversationMessage.findUniqueOrThrow({ where: { id: claimed.messageId } });
    if (message.deliveryStatus === 'FAILED') {
      throw deliveryErrorFor(message, await ctx.db.outboundEmail.findUnique({ where: { id: claimed.id } }));
    }
  }
  return { ...result, scheduledFor: null };
}

/** Retries a read while the database is unavailable, up to waitMs; then the error stands. */
async function readAfterOutage<T>(waitMs: number, read: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + waitMs;
  for (let pause = 100; ; pause = Math.min(pause * 2, 2_000)) {
    try {
      return await read();
    } catch (error) {
      if (!isDatabaseUnavailable(error) || Date.now() + pause > deadline) throw error;
      await sleep(pause);
    }
  }
}

async function replayIfSeen(ctx: DomainContext, key: string, requestHash: string): Promise<SendResult | null> {
  const message = await ctx.db.conversationMessage.findFirst({ where: { idempotencyKey: key } });
  if (!message) return null;
  const outbound = await ctx.db.outboundEmail.findUnique({ where: { messageId: message.id } });
  if (!outbound || outbound.requestHash !== requestHash) {
    throw ValidationError.fromIssues([
      { path: ['input', 'idempotencyKey'], message: 'was already used for a different request; use a new key for a new email' },
    ]);
  }
  let current = message;
  if (current.deliveryStatus === 'QUEUED' || current.deliveryStatus === 'UNCERTAIN') {
    // The first request may have died mid-send: finish it if its lease ran out (looking first).
    await deliverQueued(ctx, { outboundEmailId: outbound.id, lookupFirst: true });
    current = await ctx.db.conversationMessage.findUniqueOrThrow({ where: { id: message.id } });
  }
  if (current.deliveryStatus === 'FAILED') {
    throw deliveryErrorFor(current, await ctx.db.outboundEmail.findUnique({ where: { id: outbound.id } }));
  }
  return { messageId: current.id, conversationId: outbound.conversationId, suggestionId: outbound.suggestionId, replayed: true, scheduledFor: current.scheduledFor };
}
