// What each background job kind does.
import type { JobHandlers } from './worker.js';

export function createJobHandlers(): JobHandlers {
  return {};
}
