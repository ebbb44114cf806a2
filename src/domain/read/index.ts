// Read models: figures computed by the database for a viewer's account.
export { conversationStats, MAX_WINDOW_DAYS, type ConversationStats, type StatsWindow } from './stats.js';
