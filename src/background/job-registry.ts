// What each background job does: the domain's use cases bound to the job definitions, at the
// app layer, so that src/jobs (definitions, queue and worker) knows nothing of the domain.
import { draftReplyForInbound, findSimilarExamples, refreshConversationEmbedding, type DraftOptions } from '../domain/suggestions/index.js';
import { wakeConversation } from '../domain/conversations/index.js';
import { systemContext, type DomainContext } from '../domain/use-case-context.js';
import { sendScheduledEmail } from '../domain/sending/index.js';
import { draftFollowUp } from '../domain/followups/index.js';
import { deliverWebhook } from '../domain/webhooks/index.js';
import { draftFollowUpJob, draftReplyJob, embedConversationJob, sendScheduledEmailJob, wakeConversationJob, webhookDeliveryJob, type JobDefinition, type JobPayload } from '../jobs/definitions.js';
import type { ClaimedJob } from '../jobs/queue.js';
import type { JobContext, JobHandler, JobHandlers } from '../jobs/worker.js';

/** A handler for one definition: it gets the use cases' context and the parsed, typed payload. */
function bind<D extends JobDefinition>(
  definition: D,
  handler: (ctx: DomainContext, payload: JobPayload<D>, job: ClaimedJob) => Promise<void>,
): [string, JobHandler] {
  return [
    definition.kind,
    async ({ services, accountId, actor }: JobContext, payload, job) =>
      handler(systemContext(services, accountId, actor), definition.payload.parse(payload) as JobPayload<D>, job),
  ];
}

export function createJobHandlers(draftOptions: Pick<DraftOptions, 'findSimilarExamples'> = { findSimilarExamples }): JobHandlers {
  return Object.fromEntries([
    // Embedder failures throw, so the queue retries; without pgvector this is a no-op.
    bind(embedConversationJob, async (ctx, payload) => {
      await refreshConversationEmbedding(ctx, payload);
    }),
    // Analyse the reply and draft the answer. While attempts remain, a failing model fails the
    // job, so the queue retries it with backoff; the last attempt drafts offline and says so.
    bind(draftReplyJob, async (ctx, payload, job) => {
      await draftReplyForInbound(ctx, { ...payload, ...draftOptions, allowFallback: job.attempts >= job.maxAttempts });
    }),
    // A scheduled send's time has come (the undo window or sendAt): send it, once.
    bind(sendScheduledEmailJob, async (ctx, payload) => {
      await sendScheduledEmail(ctx, payload);
    }),
    // Like draft-reply: the model's failure retries while attempts remain, then drafts offline.
    bind(draftFollowUpJob, async (ctx, payload, job) => {
      await draftFollowUp(ctx, { ...payload, allowFallback: job.attempts >= job.maxAttempts });
    }),
    // A snooze's time came: back to the status the thread implies, unless it ended otherwise.
    bind(wakeConversationJob, async (ctx, payload) => {
      await wakeConversation(ctx, payload);
    }),
    // One POST; a failed attempt throws while attempts remain, so the queue retries with backoff.
    bind(webhookDeliveryJob, async (ctx, payload, job) => {
      await deliverWebhook(ctx, { deliveryId: payload.deliveryId, attempt: job.attempts, lastAttempt: job.attempts >= job.maxAttempts });
    }),
  ]);
}
