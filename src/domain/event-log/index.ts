// The durable event log: replay by cursor, and its pruning (log.ts says how cursors are ordered).
export { checkEventCursor, pruneEventLog, readEventLog } from './log.js';
