import type { Entry } from './tuning.js';
// Written last, never tuned on (see tuning.ts for the format).
export const HOLDOUT: Entry[] = [];
