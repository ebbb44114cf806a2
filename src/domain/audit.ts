// The audit trail: every state change writes one row, inside the transaction that makes it.
import { randomUUID } from 'node:crypto';
import { Prisma } from '../db/client.js';
import type { ScopedTransaction } from '../db/scoped.js';
import type { Viewer } from './use-case-context.js';

/** Every action the audit trail records, as `<entity>.<what happened>`. */
export type AuditAction =
  | 'api_key.created'
  | 'api_key.revoked'
  | 'conversation.action_confirmed'
  | 'conversation.action_dismissed'
  | 'conversation.action_suggested'
  | 'conversation.archived'
  | 'conversation.merged'
  | 'conversation.split'
  | 'conversation.needs_review'
  | 'conversation.outcome_set'
  | 'conversation.replied'
  | 'conversation.reply_received'
  | 'conversation.reviewed'
  | 'conversation.unarchived'
  | 'lead.do_not_contact'
  | 'lead.erased'
  | 'lead.exported'
  | 'message.failed'
  | 'message.moved'
  | 'message.queued'
  | 'message.sent'
  | 'message.uncertain'
  | 'suggestion.approved'
  | 'suggestion.drafted'
  | 'suggestion.regenerated'
  | 'suggestion.rejected'
  | 'suggestion.reopened'
  | 'suggestion.superseded'
  | 'suggestion.withdrawn'
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
  record: Omit<AuditRecord, 'fromStatus'> & { fromStatus: Prisma.Sql },
  source: Prisma.Sql,
): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO audit_entries (id, account_id, actor, action, entity_type, entity_id, from_status, to_status, details, created_at)
    SELECT ${randomUUID()}::uuid, ${viewer.accountId}::uuid, ${viewer.actor}, ${record.action}, ${record.entityType},
      ${record.entityId}::uuid, ${record.fromStatus}, ${record.toStatus ?? null}::text,
      ${record.details === undefined ? null : JSON.stringify(record.details)}::jsonb, ${new Date()}::timestamptz
    FROM ${source}`;
}
