// An account's settings: the undo window and scheduled sends, and the follow-up policy.
export { FOLLOW_UP_AFTER_DAYS_MAX, MAX_FOLLOW_UPS_LIMIT, UNDO_WINDOW_MAX_SECONDS, setFollowUpPolicy, updateSendSettings } from './update.js';
export type { SetFollowUpPolicyInput, UpdateSendSettingsInput } from './update.js';
export { getAccountSettings } from './get.js';
export type { FollowUpPolicy, ResolvedSettings } from './read.js';
