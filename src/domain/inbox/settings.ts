// The account's inbox settings: how new conversations get an assignee.
import type { AutoAssign } from '../../db/enums.js';
import { recordAudit } from '../audit.js';
import { inTransaction } from '../transitions.js';
import type { DomainContext } from '../use-case-context.js';

export async function setInboxSettings(ctx: DomainContext, input: { autoAssign: AutoAssign }): Promise<{ accountId: string }> {
  const { accountId } = ctx.viewer;
  return inTransaction(ctx, async (tx) => {
    const before = await tx.inboxSettings.findUnique({ where: { accountId }, select: { autoAssign: true } });
    const from = before?.autoAssign ?? 'OFF';
    await tx.inboxSettings.upsert({
      where: { accountId },
      create: { accountId, autoAssign: input.autoAssign, updatedAt: ctx.services.now() },
      update: { autoAssign: input.autoAssign, updatedAt: ctx.services.now() },
    });
    if (from !== input.autoAssign) {
      await recordAudit(tx, ctx.viewer, { action: 'inbox_settings.changed', entityType: 'Account', entityId: accountId, fromStatus: from, toStatus: input.autoAssign });
    }
    return { accountId };
  });
}
