// The current state of whoever a credential names (a user's role and existence, an API key's
// role and revocation), read from the database and remembered for a few seconds: a token says
// who someone was when it was issued, this says who they are now. Changes invalidate the
// entry at once; with REDIS_URL the entries live in Redis, so an invalidation on one instance
// holds on every instance.
import { ioredis } from '../lazy-package.js';
import { LRUCache } from 'lru-cache';
import type { Role } from './tokens.js';

export type PrincipalKind = 'user' | 'apikey';

/** What authorisation needs to know about a principal; null when it does not exist. */
export interface PrincipalState {
  accountId: string;
  role: Role;
  /** API keys: when it was revoked (ISO 8601), else null. */
  revokedAt?: string | null;
  /** API keys: SHA-256 of the secret, to check the presented secret without a query. */
  secretHash?: string;
}

export interface PrincipalCache {
  /** The principal's state, from the cache or (then remembered) from `load`. */
  get(kind: PrincipalKind, id: string, load: () => Promise<PrincipalState | null>): Promise<PrincipalState | null>;
  /** Forget the state after a change (role change, revocation, removal). */
  invalidate(kind: PrincipalKind, id: string): Promise<void>;
  /** Resolves once the shared store is reachable (at once in memory). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

const MAX_ENTRIES = 50_000;

export function createPrincipalCache(options: { ttlMs: number; redisUrl?: string; keyPrefix?: string; now?: () => number; onError?: (error: unknown) => void }): PrincipalCache {
  const { ttlMs } = options;
  const keyOf = (kind: PrincipalKind, id: string) => `${options.keyPrefix ?? 'parley:principal:'}${kind}:${id}`;
  if (options.redisUrl) {
    const redis = new (ioredis().Redis)(options.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false });
    redis.on('error', (error) => options.onError?.(error));
    // Until Redis is connected (and during an outage) commands fail at once rather than
    // queue: authentication then reads the database; an invalidation that fails (logged)
    // leaves the entry to expire within ttlMs.
    const connected = new Promise<void>((resolve) => (redis.status === 'ready' ? resolve() : redis.once('ready', () => resolve())));
    return {
      ready: () => connected,
      async get(kind, id, load) {
        const key = keyOf(kind, id);
        // Redis unreachable: read the database instead (slower, never less safe).
        const cached = ttlMs > 0 ? await redis.get(key).catch(() => undefined) : undefined;
        if (cached) return JSON.parse(cached) as PrincipalState | null;
        const state = await load();
        if (ttlMs > 0) await redis.set(key, JSON.stringify(state), 'PX', ttlMs).catch(() => undefined);
        return state;
      },
      async invalidate(kind, id) {
        await redis.del(keyOf(kind, id)).catch((error: unknown) => options.onError?.(error));
      },
      async close() {
        await redis.quit().catch(() => undefined);
      },
    };
  }
  // `null` (no such principal) is remembered too, as a boxed value: LRUCache stores no nulls.
  const cache = new LRUCache<string, { state: PrincipalState | null }>({
    max: MAX_ENTRIES,
    ttl: Math.max(1, ttlMs),
    ttlResolution: 0,
    perf: { now: options.now ?? Date.now },
  });
  return {
    ready: async () => undefined,
    async get(kind, id, load) {
      const key = keyOf(kind, id);
      const hit = ttlMs > 0 ? cache.get(key) : undefined;
      if (hit) return hit.state;
      const state = await load();
      if (ttlMs > 0) cache.set(key, { state });
      return state;
    },
    async invalidate(kind, id) {
      cache.delete(keyOf(kind, id));
    },
    async close() {},
  };
}
