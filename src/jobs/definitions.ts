// The background jobs there are: kind, payload schema and attempts. No handler and no domain
// import here: the domain enqueues through these (queue.ts, enqueue), and the app layer binds
// a handler to each (src/background/job-registry.ts), which gets the parsed, typed payload.
import { z } from 'zod';

export interface JobDefinition<Kind extends string = string, Payload extends z.ZodType = z.ZodType> {
  kind: Kind;
  /** Checked when the job is enqueued and parsed again when it runs (jobs outlive deploys). */
  payload: Payload;
  /** Runs, the first included, before the job is FAILED. */
  maxAttempts: number;
}

const defineJob = <Kind extends string, Payload extends z.ZodType>(definition: JobDefinition<Kind, Payload>) => definition;

/** Analyse an inbound reply and draft the suggested answer. */
export const draftReplyJob = defineJob({
  kind: 'draft-reply',
  // injectionSuspected: the detector's verdict on the whole email, read when it arrived (absent
  // from jobs queued before it was carried: the job then reads the whole email).
  payload: z.object({ conversationId: z.uuid(), inboundMessageId: z.uuid(), injectionSuspected: z.boolean().optional() }),
  maxAttempts: 5,
});

/** Re-embed a conversation after its thread changed, for similarity search. */
export const embedConversationJob = defineJob({
  kind: 'embed-conversation',
  payload: z.object({ conversationId: z.uuid() }),
  maxAttempts: 5,
});

/**
 * Send one scheduled email (the undo window or a sendAt) once its time has come, through the
 * send pipeline's lease (domain/sending/deliver.ts): however often it runs, one email goes.
 */
export const sendScheduledEmailJob = defineJob({
  kind: 'send-scheduled-email',
  payload: z.object({ outboundEmailId: z.uuid() }),
  maxAttempts: 10,
});

/** Draft a follow-up to our email `afterMessageId`, if the conversation still needs one. */
export const draftFollowUpJob = defineJob({
  kind: 'draft-follow-up',
  payload: z.object({ conversationId: z.uuid(), afterMessageId: z.uuid() }),
  maxAttempts: 5,
});

/** Wake a snoozed conversation at the time it was snoozed until (a stale job does nothing). */
export const wakeConversationJob = defineJob({
  kind: 'wake-conversation',
  payload: z.object({ conversationId: z.uuid(), until: z.iso.datetime() }),
  maxAttempts: 10,
});

/**
 * POST one outbound webhook delivery. A failed attempt fails the job, so the queue retries it
 * with its backoff; after the last one the delivery is FAILED (src/domain/webhooks/deliver.ts).
 * Also written by SQL (src/domain/webhooks/enqueue.ts): keep the payload { deliveryId } there.
 */
export const webhookDeliveryJob = defineJob({
  kind: 'webhook-delivery',
  payload: z.object({ deliveryId: z.uuid() }),
  maxAttempts: 8,
});

export type JobPayload<D extends JobDefinition> = z.output<D['payload']>;
