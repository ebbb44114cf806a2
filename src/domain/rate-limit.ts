// In-memory sliding-window rate limiting, per process. Hand-written because it is a dozen
// lines; when instances share Redis (the events issue), this moves there.
import { RateLimitedError } from './errors.js';

export interface RateLimit {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
}

export interface RateLimiter {
  /** Counts one request for key, or throws RateLimitedError when the window is full. */
  consume(key: string, rule: RateLimit, what: string): void;
}

export function createRateLimiter(now: () => Date, maxKeys = 10_000): RateLimiter {
  const hits = new Map<string, number[]>();
  return {
    consume(key, { limit, windowMs }, what) {
      const t = now().getTime();
      const recent = (hits.get(key) ?? []).filter((at) => at > t - windowMs);
      if (recent.length >= limit) {
        hits.set(key, recent);
        const retryAfterSeconds = Math.max(1, Math.ceil((recent[0]! + windowMs - t) / 1000));
        throw new RateLimitedError(
          `Too many ${what}: at most ${limit} per ${Math.round(windowMs / 1000)} seconds. Try again in ${retryAfterSeconds} s.`,
          retryAfterSeconds,
        );
      }
      recent.push(t);
      // Re-insert so the Map's order is least recently used first; drop the oldest past the cap.
      hits.delete(key);
      hits.set(key, recent);
      if (hits.size > maxKeys) hits.delete(hits.keys().next().value!);
    },
  };
}
