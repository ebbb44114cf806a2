// The audit trail: every state change writes one row, inside the transaction that makes it.
import { randomUUID } from 'node:crypto';
import { Prisma } from '../db/client.js';
import type { ScopedTransaction } from '../db/scoped.js';
import type { Viewer } from './use-case-context.js';

/** Every action the audit trail records, as `<entity>.<what happened>`. */
export type AuditAction =
  | 'account.follow_up_policy_set'
  | 'account.send_settings_updated'
  | 'api_key.created'
  | 'api_key.revoked'
  | 'conversation.action_confirmed'
  | 'conversation.action_dismissed'
  | 'conversation.action_suggested'
  | 'conversation.archived'
  // Team inbox (issue 18, part A)
  | 'conversation.assigned'
  | 'conversation.labels_changed'
  | 'conversation.priority_set'
  | 'conversation.read'
  | 'conversation.unread'
  | 'inbox_settings.changed'
  | 'label.created'
  | 'label.deleted'
  | 'label.updated'
  | 'note.added'
  // end of team inbox
  | 'conversation.merged'
  | 'conversation.split'
  | 'conversation.needs_review'
  | 'conversation.outcome_set'
  | 'conversation.replied'
  | 'conversation.reply_received'
  | 'conversation.reviewed'
  | 'conversation.snoozed'
  | 'conversation.started'
  | 'conversation.unarchived'
  | 'conversation.unsnoozed'
  | 'conversation.woke'
  | 'lead.created'
  | 'lead.do_not_contact'
  | 'lead.updated'
  | 'message.cancelled'
  | 'lead.erased'
  | 'lead.exported'
  | 'message.failed'
  | 'message.moved'
  | 'message.queued'
  | 'message.sent'
  | 'message.uncertain'
  | 'suggestion.approved'
  | 'suggestion.drafted'
  | 'suggestion.follow_up_drafted'
  | 'suggestion.regenerated'
  | 'suggestion.rejected'
  | 'suggestion.reopened'
  | 'suggestion.superseded'
  | 'suggestion.withdrawn'
  | 'template.created'
  | 'template.deleted'
  | 'template.updated'
  | 'user.added'
  | 'user.removed'
  | 'user.role_changed'
  | 'webhook_delivery.resent'
  | 'webhook_endpoint.created'
  | 'webhook_endpoint.deleted'
  | 'webhook_endpoint.disabled'
  | 'webhook_endpoint.updated';

export interface AuditRecord {
  action: AuditAction;
  entityType: string;
  entityId: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  details?: Prisma.InputJsonValue;
}

export async function recordAudit(tx: ScopedTransaction, viewer: Pick<Viewer, 'accountId' | 'actor'>, record: AuditRecord): Promise<void> {
  await tx.auditEntry.create({ data: { ...record, accountId: viewer.accountId, actor: viewer.actor } });
}

/** Several rows of one transaction in one statement (a hot path writes two or three). */
export async function recordAudits(tx: ScopedTransaction, viewer: Pick<Viewer, 'accountId' | 'actor'>, records: AuditRecord[]): Promise<void> {
  if (records.length === 0) return;
  await tx.auditEntry.createMany({ data: records.map((record) => ({ ...record, accountId: viewer.accountId, actor: viewer.actor })) });
}

/**
 * recordAudit's row as an INSERT, for a caller that writes it within a statement of its own (a
 * data-modifying CTE): one row per row of `source`, whose columns `fromStatus` may read.
 */
export function insertAuditSql(
  viewer: Pick<Viewer, 'accountId' | 'actor'>,
  record: Omit<AuditRecord, 'fromStatus' | 'details'> & { fromStatus: Prisma.Sql; details?: Prisma.InputJsonValue | Prisma.Sql },
  source: Prisma.Sql,
): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO audit_entries (id, account_id, actor, action, entity_type, entity_id, from_status, to_status, details, created_at)
    SELECT ${randomUUID()}::uuid, ${viewer.accountId}::uuid, ${viewer.actor}, ${record.action}, ${record.entityType},
      ${record.entityId}::uuid, ${record.fromStatus}, ${record.toStatus ?? null}::text,
      ${record.details instanceof Prisma.Sql ? record.details : Prisma.sql`${record.details === undefined ? null : JSON.stringify(record.details)}::jsonb`}, ${new Date()}::timestamptz
    FROM ${source}`;
}
