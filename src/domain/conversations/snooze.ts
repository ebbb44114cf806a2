// Snoozing a conversation: out of the default list (status SNOOZED) until a time, when a job
// wakes it back to the status its thread implies. A reply from the lead wakes it earlier
// (inbound/receive.ts); unsnoozing does it by hand. An away notice naming a return date snoozes
// it by itself until then (OUT_OF_OFFICE), visibly (snoozeReason) and undoably (unsnooze).
import type { SnoozeReason } from '../../events/bus.js';
import { wakeConversationJob } from '../../jobs/definitions.js';
import { enqueue } from '../../jobs/queue.js';
import { lockConversation } from './lock.js';
import { findWithImpliedStatus, impliedStatus } from './archive.js';
import { InvalidStateError, NotFoundError, ValidationError } from '../errors.js';
import { recordAudit } from '../audit.js';
import { inTransaction } from '../transitions.js';
import type { DomainContext } from '../use-case-context.js';

/** The longest snooze: a year. */
export const SNOOZE_MAX_MS = 366 * 24 * 3_600_000;

/** Statuses a conversation can be snoozed from (snoozing a snoozed one moves its time). */
const SNOOZABLE = ['ACTIVE', 'NEEDS_REVIEW', 'WAITING_FOR_LEAD', 'SNOOZED'] as const;

/** A wake job is one per conversation and time: a stale one (unsnoozed, snoozed again) finds a different time and does nothing. */
const wakeKey = (conversationId: string, until: Date) => `${conversationId}:${until.toISOString()}`;

export async function snoozeConversation(
  ctx: DomainContext,
  input: { conversationId: string; until: Date; reason?: SnoozeReason; details?: Record<string, string> },
): Promise<{ conversationId: string }> {
  const { viewer, services } = ctx;
  const now = services.now();
  const until = input.until;
  if (Number.isNaN(until.getTime()) || until.getTime() <= now.getTime()) {
    throw ValidationError.fromIssues([{ path: ['input', 'until'], message: 'must be in the future' }]);
  }
  if (until.getTime() - now.getTime() > SNOOZE_MAX_MS) {
    throw ValidationError.fromIssues([{ path: ['input', 'until'], message: 'must be within a year' }]);
  }
  const reason = input.reason ?? 'MANUAL';
  return inTransaction(ctx, async (tx, events) => {
    const locked = await lockConversation(tx, viewer.accountId, input.conversationId);
    if (!locked) throw new NotFoundError('Conversation', input.conversationId);
    if (!(SNOOZABLE as readonly string[]).includes(locked.status)) {
      throw new InvalidStateError(`The conversation is ${locked.status}; only an open conversation can be snoozed.`, locked.status);
    }
    await tx.conversation.update({ where: { id: input.conversationId }, data: { status: 'SNOOZED', snoozedUntil: until, snoozeReason: reason } });
    await recordAudit(tx, viewer, {
      action: 'conversation.snoozed',
      entityType: 'Conversation',
      entityId: input.conversationId,
      fromStatus: locked.status,
      toStatus: 'SNOOZED',
      details: { until: until.toISOString(), reason, automatic: reason !== 'MANUAL', ...input.details },
    });
    await enqueue(tx, wakeConversationJob, {
      accountId: viewer.accountId,
      payload: { conversationId: input.conversationId, until: until.toISOString() },
      dedupeKey: wakeKey(input.conversationId, until),
      runAt: until,
    });
    events.publish({ type: 'SNOOZED', accountId: viewer.accountId, conversationId: input.conversationId, at: now.toISOString(), until: until.toISOString(), reason });
    return { conversationId: input.conversationId };
  });
}

/**
 * Ends a snooze: by hand (unsnoozeConversation), or at its time (the wake job, which passes the
 * time it was scheduled for and does nothing when the conversation was since unsnoozed, woken
 * by a reply or snoozed to another time).
 */
async function endSnooze(
  ctx: DomainContext,
  input: { conversationId: string; scheduledFor?: Date },
): Promise<{ conversationId: string; woke: boolean }> {
  const { viewer, services } = ctx;
  return inTransaction(ctx, async (tx, events) => {
    await lockConversation(tx, viewer.accountId, input.conversationId);
    const current = await findWithImpliedStatus(tx, input.conversationId);
    // A wake job for a conversation since deleted has nothing to do.
    if (!current && input.scheduledFor) return { conversationId: input.conversationId, woke: false };
    if (!current) throw new NotFoundError('Conversation', input.conversationId);
    const stale = current.status !== 'SNOOZED' || (input.scheduledFor && current.snoozedUntil?.getTime() !== input.scheduledFor.getTime());
    if (stale) {
      if (input.scheduledFor) return { conversationId: current.id, woke: false };
      throw new InvalidStateError(`The conversation is ${current.status}; only a snoozed conversation can be unsnoozed.`, current.status);
    }
    const status = impliedStatus(current);
    await tx.conversation.update({ where: { id: current.id }, data: { status, snoozedUntil: null, snoozeReason: null } });
    const byTime = input.scheduledFor !== undefined;
    await recordAudit(tx, viewer, {
      action: byTime ? 'conversation.woke' : 'conversation.unsnoozed',
      entityType: 'Conversation',
      entityId: current.id,
      fromStatus: 'SNOOZED',
      toStatus: status,
      details: { until: current.snoozedUntil?.toISOString() ?? null, reason: current.snoozeReason },
    });
    const base = { accountId: viewer.accountId, conversationId: current.id, at: services.now().toISOString(), status };
    events.publish(byTime ? { ...base, type: 'WOKE', cause: 'TIME' } : { ...base, type: 'UNSNOOZED' });
    return { conversationId: current.id, woke: true };
  });
}

/** Back from a snooze now, to the status the thread implies; the pending wake job then does nothing. */
export async function unsnoozeConversation(ctx: DomainContext, input: { conversationId: string }): Promise<{ conversationId: string }> {
  const { conversationId } = await endSnooze(ctx, input);
  return { conversationId };
}

/** The wake job: wakes the conversation if it is still snoozed until `until`. */
export async function wakeConversation(ctx: DomainContext, input: { conversationId: string; until: string }): Promise<{ woke: boolean }> {
  const { woke } = await endSnooze(ctx, { conversationId: input.conversationId, scheduledFor: new Date(input.until) });
  return { woke };
}
