// The team inbox (issue 18, part A): read state, assignment, labels, priority, notes, bulk changes.
export { MAX_CONVERSATIONS_PER_CALL, MAX_LABELS_PER_CONVERSATION } from './common.js';
export { markConversationsRead } from './read-state.js';
export { assignConversation } from './assign.js';
export { setConversationPriority } from './priority.js';
export { setInboxSettings } from './settings.js';
export { createLabel, updateLabel, deleteLabel, setConversationLabels, LABEL_NAME_MAX, MAX_LABELS_PER_ACCOUNT } from './labels.js';
export { addNote, NOTE_BODY_MAX } from './notes.js';
export { bulkUpdateConversations, type BulkOperation, type BulkItemResult } from './bulk.js';
