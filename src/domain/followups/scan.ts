// The periodic look for conversations that went quiet (background/work.ts runs it on a timer,
// on every instance): one draft-follow-up job per email of ours that needs a follow-up. The
// job's dedupe key is that email, so scans on several instances, or again before the job ran,
// enqueue it once.
import { Prisma } from '../../db/client.js';
import { draftFollowUpJob } from '../../jobs/definitions.js';
import { enqueueJobs, jobOf } from '../../jobs/queue.js';
import type { UnscopedContext } from '../use-case-context.js';
import { dueFollowUpsSql, type DueFollowUp } from './due.js';

export const FOLLOW_UP_SCAN_ACTOR = 'system:follow-ups';

export async function scanFollowUps({ services }: UnscopedContext, input: { limit?: number }): Promise<{ enqueued: number }> {
  const due = await services.prisma.$queryRaw<DueFollowUp[]>(dueFollowUpsSql(services.now(), Prisma.sql`true`, input.limit ?? 500));
  if (due.length === 0) return { enqueued: 0 };
  await enqueueJobs(
    services.prisma,
    due.map((d) =>
      jobOf(draftFollowUpJob, { accountId: d.accountId, payload: { conversationId: d.conversationId, afterMessageId: d.afterMessageId }, dedupeKey: d.afterMessageId }),
    ),
  );
  services.jobs.wake();
  services.logger.info({ due: due.length }, 'follow-ups due');
  return { enqueued: due.length };
}
