// What each background job kind does.
import { z } from 'zod';
import { draftReplyForInbound, type DraftOptions } from '../domain/draft.js';
import { JOB_KINDS } from './kinds.js';
import type { JobHandlers } from './worker.js';

const DraftReplyPayload = z.object({ conversationId: z.uuid(), inboundMessageId: z.uuid() });

export function createJobHandlers(draftOptions: Pick<DraftOptions, 'findSimilarExamples'> = {}): JobHandlers {
  return {
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
