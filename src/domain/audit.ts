// The audit trail: every state change writes one row, inside the transaction that makes it.
import type { Prisma } from '../db/client.js';
import type { ScopedTransaction } from '../db/scoped.js';
import type { Viewer } from './context.js';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  details?: Prisma.InputJsonValue;
}

export async function recordAudit(tx: ScopedTransaction, viewer: Pick<Viewer, 'accountId' | 'actor'>, record: AuditRecord): Promise<void> {
  await tx.auditEntry.create({ data: { ...record, accountId: viewer.accountId, actor: viewer.actor } });
}
