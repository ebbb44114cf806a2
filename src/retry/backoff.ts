// The one exponential-backoff formula, shared by the job queue, email delivery and the AI
// model calls. Hand-written rather than taken from a retry library (p-retry and the like):
// those own the retry loop, but here the loops differ (a job's retry is a row rescheduled in
// the database, a delivery attempt is leased); only the delay is common.

export interface BackoffPolicy {
  /** Delay before the first retry; it doubles with each further one. */
  baseDelayMs: number;
  /** Ceiling for the doubled delay; unset: no ceiling. */
  maxDelayMs?: number;
  /**
   * How much of the delay is random, so that many retries started together spread out
   * instead of stampeding: none, half (half fixed, half random) or full (anywhere up to it).
   */
  jitter?: 'none' | 'half' | 'full';
}

/** Delay before retry number `retry` (1 for the first retry): base × 2^(retry − 1), capped, jittered. */
export function backoffDelayMs(retry: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const exponential = Math.min(policy.maxDelayMs ?? Infinity, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  switch (policy.jitter ?? 'none') {
    case 'none':
      return exponential;
    case 'half':
      return exponential / 2 + (random() * exponential) / 2;
    case 'full':
      return random() * exponential;
  }
}
