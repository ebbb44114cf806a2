// Sending email, exactly once: a person's own reply, and recovery of deliveries nobody finishes.
// (Approving a draft sends through the same pipeline: suggestions/approve.ts.)
export { BODY_MAX_LENGTH, HTML_BODY_MAX_LENGTH, IDEMPOTENCY_KEY_MAX_LENGTH, SEND_AT_MAX_DAYS, SUBJECT_MAX_LENGTH, bodySchema, htmlBodySchema, idempotencyKeySchema, subjectSchema } from './input.js';
export { sendReply, type SendReplyInput } from './send-reply.js';
export { startConversation, type StartConversationInput } from './start-conversation.js';
export { RECOVERY_ACTOR, recoverQueuedEmails, type RecoveryReport } from './recover.js';
export { cancelScheduledSend, type CancelScheduledSendResult } from './cancel-scheduled-send.js';
export { sendScheduledEmail } from './send-scheduled.js';
export type { DeliverQueuedResult } from './deliver.js';
