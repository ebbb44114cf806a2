// Rate limits, counted per operation (each resolver call, so aliases in one request and
// operations over WebSocket count too), in memory or in Redis when REDIS_URL is set so that
// every instance shares the counters. rate-limiter-flexible does the counting.
// While Redis is unreachable each limit falls back to an in-memory counter of this instance
// (the library's insuranceLimiter): the limits still apply, per instance, until Redis returns.
import { ioredis } from '../lazy-package.js';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { RateLimitedError } from '../domain/errors.js';
import type { Logger } from '../logger.js';

/** The documented limits (README): points per duration in seconds, per key. */
export const RATE_LIMITS = {
  approveSuggestion: { points: 60, duration: 60, per: 'user' },
  sendReply: { points: 30, duration: 60, per: 'user' },
  regenerateSuggestion: { points: 10, duration: 60, per: 'user' },
  bulkUpdateConversations: { points: 20, duration: 60, per: 'user' },
  authenticationFailure: { points: 20, duration: 60, per: 'IP address' },
  webhookFailure: { points: 30, duration: 60, per: 'IP address' },
} as const;

export type RateLimitName = keyof typeof RATE_LIMITS;

export interface RateLimits {
  /** Counts one use; throws RateLimitedError when the key is over its limit. */
  consume(name: RateLimitName, key: string): Promise<void>;
  /**
   * Throws RateLimitedError while the key is over its limit, without counting a use: an
   * address limited for failed authentication is refused even with a correct credential.
   */
  assertNotLimited(name: RateLimitName, key: string): Promise<void>;
  close(): Promise<void>;
}

export function createRateLimits(
  options: { redisUrl?: string; logger?: Logger; overrides?: Partial<Record<RateLimitName, { points: number; duration: number }>> } = {},
): RateLimits {
  // No offline queue: while Redis is down a count fails at once and goes to the fallback,
  // instead of waiting for a reconnect inside someone's request.
  const redis = options.redisUrl ? new (ioredis().Redis)(options.redisUrl, { maxRetriesPerRequest: 0, enableOfflineQueue: false }) : undefined;
  if (redis) {
    let degraded = false;
    const degrade = (err: unknown) => {
      if (degraded) return;
      degraded = true;
      options.logger?.warn({ err }, 'Redis is unreachable: rate limits are counted per instance, in memory, until it returns');
    };
    redis.on('error', degrade);
    redis.on('close', () => degrade(new Error('Redis connection closed')));
    redis.on('ready', () => {
      if (!degraded) return;
      degraded = false;
      options.logger?.info('Redis is back: rate limits are shared by every instance again');
    });
  }
  const limiters = new Map<RateLimitName, RateLimiterAbstract>();
  for (const [name, rule] of Object.entries(RATE_LIMITS) as [RateLimitName, (typeof RATE_LIMITS)[RateLimitName]][]) {
    const { points, duration } = options.overrides?.[name] ?? rule;
    const opts = { keyPrefix: `parley:rl:${name}`, points, duration };
    limiters.set(
      name,
      redis
        ? new RateLimiterRedis({ ...opts, storeClient: redis, rejectIfRedisNotReady: true, insuranceLimiter: new RateLimiterMemory(opts) })
        : new RateLimiterMemory(opts),
    );
  }
  const limiter = (name: RateLimitName) => limiters.get(name)!;
  return {
    async consume(name, key) {
      try {
        await limiter(name).consume(key);
      } catch (result) {
        if (!(result instanceof RateLimiterRes)) throw result;
        const retryAfterSeconds = Math.max(1, Math.ceil(result.msBeforeNext / 1000));
        throw new RateLimitedError(`Too many ${name} requests; try again in ${retryAfterSeconds} s.`, retryAfterSeconds);
      }
    },
    async assertNotLimited(name, key) {
      const rule = options.overrides?.[name] ?? RATE_LIMITS[name];
      const state = await limiter(name).get(key);
      if (state && state.consumedPoints > rule.points) {
        const retryAfterSeconds = Math.max(1, Math.ceil(state.msBeforeNext / 1000));
        throw new RateLimitedError(`Too many ${name} requests; try again in ${retryAfterSeconds} s.`, retryAfterSeconds);
      }
    },
    async close() {
      await redis?.quit().catch(() => redis.disconnect());
    },
  };
}
