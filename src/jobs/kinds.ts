// Names of the background jobs, shared by the code that enqueues them and the handlers.
export const JOB_KINDS = {
  /** Analyse an inbound reply and draft the suggested answer. */
  draftReply: 'draft-reply',
  /** Re-embed a conversation after its thread changed, for similarity search. */
  embedConversation: 'embed-conversation',
} as const;
