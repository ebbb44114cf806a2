// What each background job kind does.
import { z } from 'zod';
import { draftReplyForInbound, type DraftOptions } from '../domain/draft.js';
import { findSimilarExamples, refreshConversationEmbedding } from '../domain/similar.js';
import { JOB_KINDS } from './kinds.js';
import type { JobHandlers } from './worker.js';

// injectionSuspected: the detector's verdict on the whole email, read when it arrived (absent
// from jobs queued before it was carried: the job then reads the whole email).
const DraftReplyPayload = z.object({ conversationId: z.uuid(), inboundMessageId: z.uuid(), injectionSuspected: z.boolean().optional() });
const EmbedPayload = z.object({ conversationId: z.uuid() });

export function createJobHandlers(draftOptions: Pick<DraftOptions, 'findSimilarExamples'> = { findSimilarExamples }): JobHandlers {
  return {
    // Embedder failures throw, so the queue retries; without pgvector this is a no-op.
    [JOB_KINDS.embedConversation]: async (ctx, payload) => {
      await refreshConversationEmbedding(ctx, EmbedPayload.parse(payload).conversationId);
    },
    // Analyse the reply and draft the answer. While attempts remain, a failing model fails the
    // job, so the queue retries it with backoff; the last attempt drafts offline and says so.
    [JOB_KINDS.draftReply]: async (ctx, payload, job) => {
      await draftReplyForInbound(ctx, DraftReplyPayload.parse(payload), {
        ...draftOptions,
        allowFallback: job.attempts >= job.maxAttempts,
      });
    },
  };
}
