// AI drafts of replies: drafting for an inbound email, regenerating, approving and rejecting.
export { approveSuggestion, type ApproveInput, type ApproveResult } from './approve.js';
export { REJECTION_REASON_MAX, rejectSuggestion } from './reject.js';
export { CUSTOM_PROMPT_MAX, REGENERATE_RATE_LIMIT, regenerateSuggestion, type RegenerateInput, type RegenerateResult } from './regenerate.js';
export { draftReplyForInbound, type DraftOptions, type DraftOutcome, type FindSimilarExamples } from './draft.js';
export { refreshConversationEmbedding, type RefreshResult } from './similar.js';
export {
  BEST_REPLIES_MAX,
  bestReplies,
  embedMissingConversations,
  findSimilarConversations,
  findSimilarExamples,
  GOOD_OUTCOMES,
  SIMILAR_DEFAULT,
  SIMILAR_MAX,
  SIMILAR_TEXT_MAX,
  type BestReply,
  type SimilarConversations,
  type SimilarMatch,
  type SimilarQuery,
} from './similar.js';
