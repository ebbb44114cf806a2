// A state change, written once per entity: a conditional update, its audit row when it changed
// something, and its live events published only after the transaction commits. Every use case
// goes through these, so no change of state can skip its audit row or announce an uncommitted
// change.
import type { Prisma } from '../db/client.js';
import type { SuggestionStatus, ConversationStatus, DeliveryStatus } from '../db/enums.js';
import type { ScopedTransaction } from '../db/scoped.js';
import type { ConversationEvent } from '../events/bus.js';
import { enqueueWebhookDeliveries } from './webhooks/enqueue.js';
import { recordAudits, type AuditAction, type AuditRecord } from './audit.js';
import type { DomainContext, Viewer } from './use-case-context.js';

type Actor = Pick<Viewer, 'accountId' | 'actor'>;

interface Change<Status extends string, Columns> {
  id: string;
  /**
   * The states the row may be in for the change to apply. The update is conditional on them,
   * so of two concurrent changes exactly one goes through, and the loser sees `false`.
   */
  from: readonly Status[] | { not: Status };
  to: Status;
  action: AuditAction;
  /** The state written in the audit row as left; by default the only state `from` allows. */
  auditFrom?: Status;
  /** Other columns the same update writes. */
  set?: Columns;
  details?: Prisma.InputJsonValue;
}

function statusCondition<Status extends string>(from: Change<Status, unknown>['from']): { in: Status[] } | { not: Status } {
  return 'not' in from ? from : { in: [...from] };
}

function auditOf<Status extends string>(entityType: string, change: Change<Status, unknown>): AuditRecord {
  const from = change.auditFrom ?? ('not' in change.from || change.from.length !== 1 ? null : change.from[0]);
  return { action: change.action, entityType, entityId: change.id, fromStatus: from, toStatus: change.to, details: change.details };
}

/** Whether the conversation changed (and was audited). */
export async function transitionConversation(
  tx: ScopedTransaction,
  actor: Actor,
  change: Change<ConversationStatus, Prisma.ConversationUncheckedUpdateManyInput>,
): Promise<boolean> {
  const { count } = await tx.conversation.updateMany({
    where: { id: change.id, status: statusCondition(change.from) },
    data: { ...change.set, status: change.to },
  });
  if (count > 0) await recordAudits(tx, actor, [auditOf('Conversation', change)]);
  return count > 0;
}

/** Whether the draft changed (and was audited). */
export async function transitionSuggestion(
  tx: ScopedTransaction,
  actor: Actor,
  change: Change<SuggestionStatus, Prisma.AISuggestionUncheckedUpdateManyInput>,
): Promise<boolean> {
  const { count } = await tx.aISuggestion.updateMany({
    where: { id: change.id, status: statusCondition(change.from) },
    data: { ...change.set, status: change.to },
  });
  if (count > 0) await recordAudits(tx, actor, [auditOf('AISuggestion', change)]);
  return count > 0;
}

/**
 * Every draft of a conversation that is in one of `from` (at most one is PENDING, by a partial
 * unique index, but other states may hold several): changed and audited in two statements.
 * Returns the ids it changed.
 */
export async function transitionConversationSuggestions(
  tx: ScopedTransaction,
  actor: Actor,
  change: Omit<Change<SuggestionStatus, Prisma.AISuggestionUncheckedUpdateManyInput>, 'id'> & { conversationId: string },
): Promise<string[]> {
  const changed = await tx.aISuggestion.updateManyAndReturn({
    where: { conversationId: change.conversationId, status: statusCondition(change.from) },
    data: { ...change.set, status: change.to },
    select: { id: true },
  });
  await recordAudits(tx, actor, changed.map(({ id }) => auditOf('AISuggestion', { ...change, id })));
  return changed.map(({ id }) => id);
}

/** Whether the message's delivery status changed (and was audited). */
export async function transitionMessage(
  tx: ScopedTransaction,
  actor: Actor,
  change: Change<DeliveryStatus, Prisma.ConversationMessageUncheckedUpdateManyInput>,
): Promise<boolean> {
  const { count } = await tx.conversationMessage.updateMany({
    where: { id: change.id, deliveryStatus: statusCondition(change.from) },
    data: { ...change.set, deliveryStatus: change.to },
  });
  if (count > 0) await recordAudits(tx, actor, [auditOf('ConversationMessage', change)]);
  return count > 0;
}

/**
 * A lead becomes do-not-contact once: whether this call made it so (and audited it). The
 * states are named for the audit trail; the column is a boolean.
 */
export async function markLeadDoNotContact(
  tx: ScopedTransaction,
  actor: Actor,
  change: { id: string; details: Prisma.InputJsonValue },
): Promise<boolean> {
  const { count } = await tx.lead.updateMany({ where: { id: change.id, doNotContact: false }, data: { doNotContact: true } });
  if (count > 0) {
    await recordAudits(tx, actor, [
      { action: 'lead.do_not_contact', entityType: 'Lead', entityId: change.id, fromStatus: 'CONTACTABLE', toStatus: 'DO_NOT_CONTACT', details: change.details },
    ]);
  }
  return count > 0;
}

/** What a transaction announces: collected while it runs, published once it has committed. */
export interface PendingEvents {
  publish(event: ConversationEvent): void;
}

/**
 * Runs `work` in one transaction of the use case's account and then publishes the events it
 * queued. A rolled-back transaction announces nothing, so a subscriber never sees a change
 * that did not happen.
 */
export async function inTransaction<T>(
  { db, services }: DomainContext,
  work: (tx: ScopedTransaction, events: PendingEvents) => Promise<T>,
  options?: { maxWait?: number; timeout?: number },
): Promise<T> {
  const pending: ConversationEvent[] = [];
  const result = await db.$transaction(async (tx) => {
    const value = await work(tx, { publish: (event) => pending.push(event) });
    // Outbound webhooks: the events' deliveries are written in this transaction (durable, and
    // none for rolled-back work); the job worker sends them.
    await enqueueWebhookDeliveries(tx, pending);
    return value;
  }, options);
  for (const event of pending) services.events.publish(event);
  if (pending.length > 0) services.jobs.wake();
  return result;
}
