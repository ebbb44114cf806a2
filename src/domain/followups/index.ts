// AI follow-ups: when our last email got no reply for the account policy's days, a follow-up
// draft for a person to approve (scan.ts finds them, draft-follow-up.ts drafts one).
export { FOLLOW_UP_SCAN_ACTOR, scanFollowUps } from './scan.js';
export { draftFollowUp, type DraftFollowUpInput, type DraftFollowUpOutcome } from './draft-follow-up.js';
