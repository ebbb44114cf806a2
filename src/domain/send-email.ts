// The one send pipeline behind approveSuggestion and sendReply, exactly once:
//   1. claim: in one transaction, lock the conversation, make the caller's state change (e.g.
//      PENDING -> APPROVED), and write the OUTBOUND message as QUEUED with an idempotency key
//      plus its delivery record (the exact email, and a lease on sending it);
//   2. send, outside any transaction (src/email/deliver.ts: retries, lookups before re-sends);
//   3. settle: mark the message SENT (conversation WAITING_FOR_LEAD) or FAILED (the draft
//      approvable again), then publish SENT or ERROR once committed.
// A crash after 2 leaves the message QUEUED; recover-emails.ts finishes it, looking first.
// A send with an unknown outcome leaves it UNCERTAIN: looked up again, never re-sent before
// the look-up window (DeliveryPolicy.lookupWindowMs) has passed since the last possible send.
import { createHash, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { Prisma, type ConversationMessage, type OutboundEmail } from '../db/client.js';
import { scopeToAccount, type ScopedTransaction } from '../db/scoped.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { deliver } from '../email/deliver.js';
import { textToHtml, threadingHeaders } from '../email/format.js';
import { METADATA_KEYS, type EmailSendError, type OutgoingEmail } from '../email/sender.js';
import type { AppServices } from '../services.js';
import type { ConversationStatus } from '../../prisma/generated/client/enums.js';
import { recordAudit, recordAudits, type AuditRecord } from './audit.js';
import type { DomainContext, Viewer } from './context.js';
import { EmailDeliveryError, InvalidStateError, NotFoundError, ValidationError, type FieldIssue } from './errors.js';

// Limits on what a person may send (documented in README.md). Postmark itself takes up to
// 10 MB per email; these keep replies to what a sales email is, and requests small.
export const SUBJECT_MAX_LENGTH = 500;
/** Characters of plain-text body. */
export const BODY_MAX_LENGTH = 100_000;
/** Characters of HTML body. */
export const HTML_BODY_MAX_LENGTH = 500_000;
export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;

export const subjectSchema = z
  .string()
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(SUBJECT_MAX_LENGTH, { message: `must be at most ${SUBJECT_MAX_LENGTH} characters` })
  .refine((s) => !/[\r\n]/.test(s), { message: 'must be a single line' });

export const bodySchema = z
  .string()
  .max(BODY_MAX_LENGTH, { message: `must be at most ${BODY_MAX_LENGTH} characters` })
  .refine((s) => s.trim().length > 0, { message: 'must not be empty' });

export const htmlBodySchema = z
  .string()
  .max(HTML_BODY_MAX_LENGTH, { message: `must be at most ${HTML_BODY_MAX_LENGTH} characters` })
  .refine((s) => s.trim().length > 0, { message: 'must not be empty' });

export const idempotencyKeySchema = z
  .string()
  .min(1, { message: 'must not be empty' })
  .max(IDEMPOTENCY_KEY_MAX_LENGTH, { message: `must be at most ${IDEMPOTENCY_KEY_MAX_LENGTH} characters` })
  .regex(/^[\x21-\x7e]+$/, { message: 'must be printable ASCII without spaces (a UUID is a good key)' });

const emailAddressSchema = z.email();

/**
 * What validateFields needs of a schema: its safeParse. Typed as this small interface rather
 * than z.ZodType<T> because comparing a zod schema to z.ZodType<T> makes TypeScript expand
 * zod's whole class structure at each call (a third of the project's type-check time).
 */
interface FieldParser<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { message: string }[] } };
}

/** Parses each value with its schema; every failure becomes one ValidationError with field paths. */
export function validateFields<T extends Record<string, unknown>>(
  fields: { [K in keyof T]: { path: string[]; schema: FieldParser<T[K]>; value: unknown } },
): T {
  const issues: FieldIssue[] = [];
  const out: Record<string, unknown> = {};
  for (const [name, { path, schema, value }] of Object.entries(fields) as [string, { path: string[]; schema: FieldParser<unknown>; value: unknown }][]) {
    const parsed = schema.safeParse(value);
    if (parsed.success) out[name] = parsed.data;
    else for (const issue of parsed.error.issues) issues.push({ path, message: issue.message });
  }
  if (issues.length > 0) throw ValidationError.fromIssues(issues);
  return out as T;
}

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
}

const TX_OPTIONS = { maxWait: 10_000, timeout: 20_000 };

const RETRYABLE_CODES = new Set(['RATE_LIMITED', 'PROVIDER_UNAVAILABLE']);

function hashRequest(fingerprint: Record<string, unknown>): string {
  return createHash('sha256').update(JSON.stringify(fingerprint)).digest('hex');
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
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

/** The code stored on a FAILED message: the provider's ErrorCode, or Parley's reason. */
function failureCode(error: EmailSendError): string {
  if (error.details.providerCode != null) return String(error.details.providerCode);
  if (error.details.httpStatus === 429) return 'RATE_LIMITED';
  if (error.kind === 'throttled') return 'PROVIDER_UNAVAILABLE';
  return error.details.httpStatus ? `HTTP_${error.details.httpStatus}` : 'SEND_FAILED';
}

export async function sendThroughPipeline(ctx: DomainContext, request: SendRequest): Promise<SendResult> {
  const requestHash = hashRequest(request.fingerprint);
  const key = request.idempotencyKey ? `client:${request.idempotencyKey}` : `auto:${randomUUID()}`;
  if (request.idempotencyKey) {
    const replay = await replayIfSeen(ctx, key, requestHash);
    if (replay) return replay;
  }
  let claimed: OutboundEmail;
  try {
    claimed = await claim(ctx, request, key, requestHash);
  } catch (error) {
    // A concurrent twin with the same key won the claim: answer with its result.
    if (request.idempotencyKey && (error instanceof InvalidStateError || isUniqueViolation(error))) {
      const replay = await replayIfSeen(ctx, key, requestHash);
      if (replay) return replay;
    }
    throw error;
  }
  let outcome: DeliverQueuedResult;
  try {
    outcome = await deliverQueued(ctx.services, ctx.viewer, claimed.id, { claimed });
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
  return { messageId: claimed.messageId, conversationId: request.conversationId, suggestionId: request.suggestionId, replayed: false };
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
    await deliverQueued(ctx.services, ctx.viewer, outbound.id, { lookupFirst: true });
    current = await ctx.db.conversationMessage.findUniqueOrThrow({ where: { id: message.id } });
  }
  if (current.deliveryStatus === 'FAILED') {
    throw deliveryErrorFor(current, await ctx.db.outboundEmail.findUnique({ where: { id: outbound.id } }));
  }
  return { messageId: current.id, conversationId: outbound.conversationId, suggestionId: outbound.suggestionId, replayed: true };
}

async function lockConversation(tx: ScopedTransaction, accountId: string, conversationId: string) {
  // Row lock: concurrent sends, archives and approvals of one conversation take turns here.
  const rows = await tx.$queryRaw<{ status: ConversationStatus; last_message_at: Date }[]>`
    SELECT status, last_message_at FROM conversations
    WHERE id = ${conversationId}::uuid AND account_id = ${accountId}::uuid
    FOR UPDATE`;
  return rows[0];
}

async function claim(
  { db, viewer, services }: DomainContext,
  request: SendRequest,
  idempotencyKey: string,
  requestHash: string,
): Promise<OutboundEmail> {
  const messageId = randomUUID();
  return db.$transaction(async (tx) => {
    if (!(await lockConversation(tx, viewer.accountId, request.conversationId))) {
      throw new NotFoundError('Conversation', request.conversationId);
    }
    const text = await request.claim(tx);
    // The thread comes with the conversation (one statement): the parents of the reply.
    const conversation = await tx.conversation.findUniqueOrThrow({
      where: { id: request.conversationId },
      include: {
        lead: true,
        messages: {
          where: { messageIdHeader: { not: null } },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          select: { direction: true, messageIdHeader: true },
        },
      },
    });
    if (conversation.status === 'ARCHIVED') {
      throw new InvalidStateError('The conversation is archived and takes no reply; unarchive it first.', 'ARCHIVED');
    }
    const { lead, messages: thread } = conversation;
    if (lead.doNotContact) {
      throw new InvalidStateError('The lead is marked do-not-contact: Parley sends them no email.', 'DO_NOT_CONTACT');
    }
    if (!emailAddressSchema.safeParse(lead.email).success) {
      throw ValidationError.fromIssues([{ path: ['lead', 'email'], message: `"${lead.email}" is not a valid email address` }]);
    }
    // Thread on the lead's last message (or, before they wrote, on our last one).
    const lastInbound = thread.findLastIndex((m) => m.direction === 'INBOUND');
    const parentChain = (lastInbound >= 0 ? thread.slice(0, lastInbound + 1) : thread).map((m) => m.messageIdHeader!);
    const headers = threadingHeaders(parentChain);
    const { config } = services;
    const htmlBody = text.htmlBody ?? textToHtml(text.textBody);
    const email: OutgoingEmail = {
      accountId: viewer.accountId,
      conversationId: conversation.id,
      messageId,
      from: { email: config.email.fromAddress, name: config.email.fromName },
      to: { email: lead.email, name: lead.name },
      replyTo: `replies+${conversation.replyHash}@${config.email.inboundDomain}`,
      subject: text.subject,
      textBody: text.textBody,
      htmlBody,
      headers,
      metadata: {
        [METADATA_KEYS.accountId]: viewer.accountId,
        [METADATA_KEYS.conversationId]: conversation.id,
        [METADATA_KEYS.messageId]: messageId,
        ...(request.suggestionId ? { [METADATA_KEYS.suggestionId]: request.suggestionId } : {}),
      },
      tag: request.tag,
      messageStream: config.email.messageStream,
      trackOpens: true,
      trackLinks: 'HtmlAndText',
    };
    const now = services.now();
    await tx.conversationMessage.create({
      data: {
        id: messageId,
        accountId: viewer.accountId,
        conversationId: conversation.id,
        direction: 'OUTBOUND',
        fromEmail: email.from.email,
        fromName: email.from.name ?? null,
        toEmail: lead.email,
        subject: text.subject,
        textBody: text.textBody,
        htmlBody,
        // Outgoing HTML is ours (escaped text) or already through the inbound policy (sendReply),
        // so it is its own safe form: no sanitising later, when it is first read.
        safeHtmlBody: htmlBody,
        inReplyTo: headers[0]?.value ?? null,
        idempotencyKey,
        deliveryStatus: 'QUEUED',
        createdAt: now,
      },
    });
    const outbound = await tx.outboundEmail.create({
      data: {
        accountId: viewer.accountId,
        messageId,
        conversationId: conversation.id,
        suggestionId: request.suggestionId,
        provider: services.email.name,
        requestHash,
        payload: email as unknown as Prisma.InputJsonValue,
        lockedUntil: new Date(now.getTime() + services.emailPolicy.leaseMs),
        createdAt: now,
      },
    });
    if (request.suggestionId) {
      await tx.aISuggestion.updateMany({ where: { id: request.suggestionId }, data: { sentMessageId: messageId } });
    }
    await recordAudits(tx, viewer, [
      ...(text.audit ?? []),
      {
        action: 'message.queued',
        entityType: 'ConversationMessage',
        entityId: messageId,
        fromStatus: null,
        toStatus: 'QUEUED',
        details: { via: services.email.name, suggestionId: request.suggestionId },
      },
    ]);
    return outbound;
  }, TX_OPTIONS);
}

export type DeliverQueuedResult = 'sent' | 'failed' | 'unknown' | 'busy' | 'skipped' | 'settled';

/**
 * Takes one queued delivery to SENT or FAILED, if this caller holds (or can take) its lease.
 * With lookupFirst, the provider is asked whether it already has the email before anything
 * is sent: the way a crash after the provider accepted it is recovered without a second email.
 * With `claimed`, the row the claim transaction has just written (lease held, conversation
 * checked under its lock) is sent as it is, without reading it or the conversation again.
 * An email the search does not show is sent again only once the look-up window has passed
 * since the last moment it could have been sent.
 */
export async function deliverQueued(
  services: AppServices,
  viewer: Viewer,
  outboundEmailId: string,
  options: { lookupFirst?: boolean; claimed?: OutboundEmail } = {},
): Promise<DeliverQueuedResult> {
  const result = await deliverQueuedOnce(services, viewer, outboundEmailId, options);
  services.metrics.sends.inc({ status: result });
  return result;
}

async function deliverQueuedOnce(
  services: AppServices,
  viewer: Viewer,
  outboundEmailId: string,
  options: { lookupFirst?: boolean; claimed?: OutboundEmail },
): Promise<DeliverQueuedResult> {
  const db = scopeToAccount(services.prisma, viewer.accountId);
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
  if (options.lookupFirst) {
    let found;
    try {
      found = await services.email.find(email);
    } catch (error) {
      await releaseUnsettled(services, viewer, outbound, (error as EmailSendError).message);
      return 'unknown';
    }
    if (found) {
      await markSent(services, viewer, outbound, found, { foundByLookup: true, attempts: 0 });
      return 'sent';
    }
    // Not found may mean not found YET: the provider's search lags. The last moment a send
    // could have been made is the last ambiguous send, or, for a delivery whose worker
    // vanished, the end of its lease (sends happen only under the lease).
    const lastPossibleSend = outbound.uncertainSince ?? outbound.lockedUntil;
    if (services.now().getTime() < lastPossibleSend.getTime() + policy.lookupWindowMs) {
      await releaseUnsettled(services, viewer, outbound, "not found by the provider's search yet; looked up again until the look-up window ends");
      return 'unknown';
    }
  }
  // Time may have passed since the claim (recovery): the lead or the thread may have closed.
  // Straight after the claim it has not: the claim checked both under the conversation lock.
  const conversation = options.claimed
    ? null
    : await db.conversation.findUnique({
        where: { id: outbound.conversationId },
        select: { status: true, lead: { select: { doNotContact: true } } },
      });
  if (conversation?.lead.doNotContact || conversation?.status === 'ARCHIVED') {
    const archived = conversation.status === 'ARCHIVED';
    await markFailed(services, viewer, outbound, {
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
    await markSent(services, viewer, outbound, outcome.accepted, { foundByLookup: outcome.foundByLookup, attempts: outcome.attempts });
    return 'sent';
  }
  if (outcome.status === 'failed') {
    await markFailed(services, viewer, outbound, {
      code: failureCode(outcome.error),
      providerMessage: outcome.error.details.providerMessage ?? null,
      human: outcome.error.message,
      attempts: outcome.attempts,
    });
    return 'failed';
  }
  await noteUnknown(services, viewer, outbound, outcome.error, outcome.attempts);
  return 'unknown';
}

/**
 * The send's outcome is unknown: the message becomes UNCERTAIN from now (the last possible
 * send), and the lease is let go, so any instance's recovery may look it up; a new send still
 * needs the lease and the look-up window to have passed (deliverQueued).
 */
async function noteUnknown(services: AppServices, viewer: Viewer, outbound: OutboundEmail, error: EmailSendError, attempts: number) {
  services.logger.warn(
    { messageId: outbound.messageId, err: error.message },
    'email send outcome unknown; UNCERTAIN until the provider\'s search finds it or the look-up window passes',
  );
  const db = scopeToAccount(services.prisma, viewer.accountId);
  const now = services.now();
  await db.$transaction(async (tx) => {
    await tx.outboundEmail.update({
      where: { id: outbound.id },
      data: { attempts: { increment: attempts }, lastError: error.message, uncertainSince: now, lockedUntil: now },
    });
    const { count } = await tx.conversationMessage.updateMany({
      where: { id: outbound.messageId, deliveryStatus: 'QUEUED' },
      data: { deliveryStatus: 'UNCERTAIN' },
    });
    if (count > 0) {
      await recordAudit(tx, viewer, {
        action: 'message.uncertain',
        entityType: 'ConversationMessage',
        entityId: outbound.messageId,
        fromStatus: 'QUEUED',
        toStatus: 'UNCERTAIN',
        details: { error: error.message, attempts },
      });
    }
  }, TX_OPTIONS);
}

/** Not settled yet, and nobody sending: recovery looks it up again at its next run. */
async function releaseUnsettled(services: AppServices, viewer: Viewer, outbound: OutboundEmail, reason: string) {
  services.logger.info({ messageId: outbound.messageId, reason }, 'queued email not settled yet');
  const db = scopeToAccount(services.prisma, viewer.accountId);
  await db.outboundEmail.update({ where: { id: outbound.id }, data: { lastError: reason, lockedUntil: services.now() } });
}

async function markSent(
  services: AppServices,
  viewer: Viewer,
  outbound: OutboundEmail,
  accepted: { providerMessageId: string; messageIdHeader: string; acceptedAt?: Date },
  how: { foundByLookup: boolean; attempts: number; foundByProviderEvent?: string },
): Promise<boolean> {
  const db = scopeToAccount(services.prisma, viewer.accountId);
  const now = services.now();
  // Found later by lookup: it went out when the provider took it, not now.
  const sentAt = how.foundByLookup && accepted.acceptedAt ? accepted.acceptedAt : now;
  const settled = await db.$transaction(async (tx) => {
    // Conversation first, as every writer of a thread locks it: no lock-order deadlocks.
    const locked = await lockConversation(tx, viewer.accountId, outbound.conversationId);
    const { count } = await tx.conversationMessage.updateMany({
      where: { id: outbound.messageId, deliveryStatus: { in: ['QUEUED', 'UNCERTAIN'] } },
      data: {
        deliveryStatus: 'SENT',
        providerMessageId: accepted.providerMessageId,
        messageIdHeader: accepted.messageIdHeader,
        sentAt,
      },
    });
    if (count === 0) return false;
    await tx.outboundEmail.update({
      where: { id: outbound.id },
      data: { completedAt: now, attempts: { increment: how.attempts }, lastError: null },
    });
    // This settlement's audit rows, written together at the end (one statement).
    const audit: AuditRecord[] = [
      {
        action: 'message.sent',
        entityType: 'ConversationMessage',
        entityId: outbound.messageId,
        fromStatus: outbound.uncertainSince ? 'UNCERTAIN' : 'QUEUED',
        toStatus: 'SENT',
        details: {
          via: outbound.provider,
          providerMessageId: accepted.providerMessageId,
          foundByLookup: how.foundByLookup,
          ...(how.foundByProviderEvent ? { foundByProviderEvent: how.foundByProviderEvent } : {}),
        },
      },
    ];
    // Only the newest message moves the thread on (a recovered email may predate a reply).
    if (locked && sentAt >= locked.last_message_at) {
      const status: ConversationStatus = locked.status === 'ARCHIVED' ? 'ARCHIVED' : 'WAITING_FOR_LEAD';
      await tx.conversation.update({
        where: { id: outbound.conversationId },
        data: { lastMessageAt: sentAt, lastMessageId: outbound.messageId, status },
      });
      if (status !== locked.status) {
        audit.push({
          action: 'conversation.replied',
          entityType: 'Conversation',
          entityId: outbound.conversationId,
          fromStatus: locked.status,
          toStatus: status,
          details: { messageId: outbound.messageId },
        });
      }
    }
    if (!outbound.suggestionId) {
      // A custom reply answers the lead instead of the draft that was waiting.
      const waiting = await tx.aISuggestion.findMany({
        where: { conversationId: outbound.conversationId, status: 'PENDING' },
        select: { id: true },
      });
      for (const { id } of waiting) {
        const { count: rejected } = await tx.aISuggestion.updateMany({
          where: { id, status: 'PENDING' },
          data: { status: 'REJECTED', rejectionReason: 'Replaced by a custom reply.', decidedAt: now },
        });
        if (rejected > 0) {
          audit.push({
            action: 'suggestion.rejected',
            entityType: 'AISuggestion',
            entityId: id,
            fromStatus: 'PENDING',
            toStatus: 'REJECTED',
            details: { replacedByMessageId: outbound.messageId },
          });
        }
      }
    }
    await recordAudits(tx, viewer, audit);
    return true;
  }, TX_OPTIONS);
  if (settled) {
    services.events.publish({
      type: 'SENT',
      accountId: viewer.accountId,
      conversationId: outbound.conversationId,
      at: sentAt.toISOString(),
      messageId: outbound.messageId,
      suggestionId: outbound.suggestionId,
    });
  }
  return settled;
}

/**
 * The provider reports an event (delivered, bounced, ...) about an email that is still QUEUED
 * or UNCERTAIN: it has the email, so the send happened. Settled as SENT, with its SENT event,
 * exactly as a search that found it would settle it, rather than waiting for the recovery's
 * next look-up. The send's time is not in the event: the last possible send (uncertainSince)
 * bounds it, else the event's own time. Returns whether this call settled it.
 */
export async function settleSentByProviderEvent(
  services: AppServices,
  accountId: string,
  messageId: string,
  event: { kind: string; providerMessageId: string; messageIdHeader: string; occurredAt: Date },
): Promise<boolean> {
  const viewer: Viewer = { accountId, actor: 'system:postmark-events', role: 'OWNER' };
  const db = scopeToAccount(services.prisma, accountId);
  const outbound = await db.outboundEmail.findUnique({ where: { messageId } });
  if (!outbound || outbound.completedAt) return false;
  const acceptedAt = outbound.uncertainSince && outbound.uncertainSince < event.occurredAt ? outbound.uncertainSince : event.occurredAt;
  const settled = await markSent(
    services,
    viewer,
    outbound,
    { providerMessageId: event.providerMessageId, messageIdHeader: event.messageIdHeader, acceptedAt },
    { foundByLookup: true, attempts: 0, foundByProviderEvent: event.kind },
  );
  if (settled) services.logger.info({ messageId, providerMessageId: event.providerMessageId, event: event.kind }, 'email settled as SENT by a provider event');
  return settled;
}

async function markFailed(
  services: AppServices,
  viewer: Viewer,
  outbound: OutboundEmail,
  failure: { code: string; providerMessage: string | null; human: string; attempts: number },
): Promise<void> {
  const db = scopeToAccount(services.prisma, viewer.accountId);
  const now = services.now();
  const settled = await db.$transaction(async (tx) => {
    await lockConversation(tx, viewer.accountId, outbound.conversationId);
    const { count } = await tx.conversationMessage.updateMany({
      where: { id: outbound.messageId, deliveryStatus: { in: ['QUEUED', 'UNCERTAIN'] } },
      data: { deliveryStatus: 'FAILED', errorCode: failure.code, errorMessage: failure.providerMessage ?? failure.human },
    });
    if (count === 0) return false;
    await tx.outboundEmail.update({
      where: { id: outbound.id },
      data: { completedAt: now, attempts: { increment: failure.attempts }, lastError: failure.human },
    });
    await recordAudit(tx, viewer, {
      action: 'message.failed',
      entityType: 'ConversationMessage',
      entityId: outbound.messageId,
      fromStatus: outbound.uncertainSince ? 'UNCERTAIN' : 'QUEUED',
      toStatus: 'FAILED',
      details: { code: failure.code, message: failure.providerMessage ?? failure.human },
    });
    if (outbound.suggestionId) {
      // Nothing was sent: the draft goes back to review (or yields to a newer one).
      const claimed = await tx.aISuggestion.findFirst({
        where: { id: outbound.suggestionId, sentMessageId: outbound.messageId, status: { in: ['APPROVED', 'EDITED'] } },
        select: { status: true },
      });
      if (claimed) {
        const newer = await tx.aISuggestion.count({
          where: { conversationId: outbound.conversationId, status: 'PENDING' },
        });
        const status = newer > 0 ? 'SUPERSEDED' : 'PENDING';
        await tx.aISuggestion.update({
          where: { id: outbound.suggestionId },
          data: { status, sentMessageId: null, editedSubject: null, editedBody: null, decidedAt: status === 'PENDING' ? null : now },
        });
        await recordAudit(tx, viewer, {
          action: status === 'PENDING' ? 'suggestion.reopened' : 'suggestion.superseded',
          entityType: 'AISuggestion',
          entityId: outbound.suggestionId,
          fromStatus: claimed.status,
          toStatus: status,
          details: { failedMessageId: outbound.messageId, code: failure.code },
        });
      }
    }
    return true;
  }, TX_OPTIONS);
  if (settled) {
    services.events.publish({
      type: 'ERROR',
      accountId: viewer.accountId,
      conversationId: outbound.conversationId,
      at: now.toISOString(),
      code: failure.code,
      message: failure.human,
      messageId: outbound.messageId,
      suggestionId: outbound.suggestionId,
    });
  }
}
