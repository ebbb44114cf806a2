// A conversation's life: archive, outcome, and the do-not-contact action a person confirms.
export { ARCHIVE_REASON_MAX, archiveConversation, unarchiveConversation, type ArchiveResult } from './archive.js';
export { setConversationOutcome } from './outcome.js';
export { resolveSuggestedAction, type SuggestedActionDecision } from './suggested-action.js';
export { SNOOZE_MAX_MS, snoozeConversation, unsnoozeConversation, wakeConversation } from './snooze.js';
export { mergeConversations, resolveConversationId } from './merge.js';
export { moveMessage } from './move-message.js';
