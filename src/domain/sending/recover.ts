// Finishes deliveries that nobody is working on any more: a crash (or a lost answer) between
// the provider accepting an email and the SENT update leaves the message QUEUED. Each one is
// looked up at the provider first (Postmark: outbound message search by our metadata), so an
// email the provider already has is marked SENT, never sent again. Runs at start-up; a plain
// use case so a periodic job can run it too.
import { systemContext, type UnscopedContext } from '../use-case-context.js';
import { deliverQueued, type DeliverQueuedResult } from './deliver.js';

export const RECOVERY_ACTOR = 'system:email-recovery';

export type RecoveryReport = Record<DeliverQueuedResult, number> & { examined: number };

export async function recoverQueuedEmails(
  { services, actor }: UnscopedContext,
  options: {
    /** Only deliveries queued at least this long ago (on top of their lease having run out). */
    olderThanMs?: number;
    /** At most this many per run. */
    limit?: number;
  } = {},
): Promise<RecoveryReport> {
  const now = services.now();
  // A lease outlasts a whole delivery, so an expired lease means its worker is gone.
  const candidates = await services.prisma.outboundEmail.findMany({
    where: {
      completedAt: null,
      lockedUntil: { lte: now },
      createdAt: { lte: new Date(now.getTime() - (options.olderThanMs ?? 0)) },
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: options.limit ?? 100,
    select: { id: true, accountId: true },
  });
  const report: RecoveryReport = { examined: candidates.length, sent: 0, failed: 0, unknown: 0, busy: 0, skipped: 0, settled: 0 };
  // One at a time: recovery is rare and small, and keeps the provider's rate limit for requests.
  for (const { id, accountId } of candidates) {
    const result = await deliverQueued(systemContext(services, accountId, actor), { outboundEmailId: id, lookupFirst: true });
    report[result] += 1;
  }
  if (candidates.length > 0) services.logger.info(report, 'queued emails recovered');
  return report;
}
