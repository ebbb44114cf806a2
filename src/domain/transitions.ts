// A state change, written once per entity: a conditional update, its audit row when it changed
// something, and its live events published only after the transaction commits. Every use case
// goes through these, so no change of state can skip its audit row or announce an uncommitted
// change.
import type { Prisma } from '../db/client.js';
import type { SuggestionStatus, ConversationStatus, DeliveryStatus } from '../db/enums.js';
import type { ScopedTransaction } from '../db/scoped.js';
import type { ConversationEvent, UnloggedEvent } from '../events/bus.js';
import { appendToEventLog } from './event-log/log.js';
import { webhookDeliveriesCtes } from './webhooks/enqueue.js';
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

// ---- Team inbox (issue 18, part A) --------------------------------------------------------

/**
 * A change of a conversation's inbox fields (assignee, priority), conditional on `expect`
 * (the values the caller read): of two concurrent changes exactly one goes through, and the
 * loser sees `false`. Audited when it changed.
 */
export async function changeConversationFields(
  tx: ScopedTransaction,
  actor: Actor,
  change: {
    id: string;
    expect: Prisma.ConversationWhereInput;
    set: Prisma.ConversationUncheckedUpdateManyInput;
    audit: Omit<AuditRecord, 'entityType' | 'entityId'>;
  },
): Promise<boolean> {
  const { count } = await tx.conversation.updateMany({ where: { ...change.expect, id: change.id }, data: change.set });
  if (count > 0) await recordAudits(tx, actor, [{ ...change.audit, entityType: 'Conversation', entityId: change.id }]);
  return count > 0;
}
// ---- end of team inbox --------------------------------------------------------------------

/** What a transaction announces: collected while it runs, logged and published once it has committed. */
export interface PendingEvents {
  publish(event: UnloggedEvent): void;
}

/**
 * Runs `work` in one transaction of the use case's account; the events it queued are written to
 * the durable event log as the transaction's last statement (numbered: their cursor) and
 * published once it has committed. A rolled-back transaction announces nothing and logs
 * nothing, so a subscriber never sees a change that did not happen, and a client that missed a
 * published event finds it in the log (conversationEvents(since:)).
 */
export async function inTransaction<T>(
  { db, services, viewer }: DomainContext,
  work: (tx: ScopedTransaction, events: PendingEvents) => Promise<T>,
  options?: { maxWait?: number; timeout?: number },
): Promise<T> {
  let logged: ConversationEvent[] = [];
  const result = await db.$transaction(async (tx) => {
    const pending: UnloggedEvent[] = [];
    const value = await work(tx, { publish: (event) => pending.push(event) });
    // Last, and on its own: it takes the account's event-log lock until the commit (event-log.ts).
    // The same statement writes the events' outbound webhook deliveries with their jobs
    // (durable, and none for rolled-back work): announcing costs one statement in all.
    logged = await appendToEventLog(tx, viewer.accountId, pending, webhookDeliveriesCtes(pending));
    return value;
  }, options);
  for (const event of logged) services.events.publish(event);
  if (logged.length > 0) services.jobs.wake();
  return result;
}

/**
 * Events announced on their own, outside a use case's transaction (a drafting fallback's
 * ERROR): logged in a transaction of their own, then published.
 */
export async function publishEvents(ctx: DomainContext, events: UnloggedEvent[]): Promise<void> {
  if (events.length === 0) return;
  await inTransaction(ctx, async (_tx, pending) => events.forEach((event) => pending.publish(event)));
}
