// The principal cache shared through Redis (REDIS_URL): a change invalidated on one instance
// is seen by every other at once; without Redis, entries expire after the configured window.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPrincipalCache, type PrincipalState } from '../src/auth/principals.js';

const REDIS_URL = 'redis://127.0.0.1:6379';

describe('principal cache', () => {
  it('shares entries and invalidations between instances through Redis', async () => {
    const keyPrefix = `parley-test:${randomUUID()}:`;
    const a = createPrincipalCache({ ttlMs: 60_000, redisUrl: REDIS_URL, keyPrefix });
    const b = createPrincipalCache({ ttlMs: 60_000, redisUrl: REDIS_URL, keyPrefix });
    try {
      await Promise.all([a.ready(), b.ready()]);
      let role: PrincipalState['role'] = 'OWNER';
      let loads = 0;
      const load = async () => (loads++, { accountId: 'acct', role });
      expect(await a.get('user', 'u1', load)).toEqual({ accountId: 'acct', role: 'OWNER' });
      // Instance B reads what A cached: no second load.
      expect(await b.get('user', 'u1', load)).toEqual({ accountId: 'acct', role: 'OWNER' });
      expect(loads).toBe(1);
      role = 'VIEWER';
      await b.invalidate('user', 'u1');
      expect(await a.get('user', 'u1', load)).toEqual({ accountId: 'acct', role: 'VIEWER' });
      expect(loads).toBe(2);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('remembers a principal (or its absence) in memory for the window only', async () => {
    // Not 0: lru-cache treats a start time of 0 as "no start".
    let clock = 1_000_000;
    const cache = createPrincipalCache({ ttlMs: 5_000, now: () => clock });
    let state: PrincipalState | null = { accountId: 'acct', role: 'AGENT' };
    const load = async () => state;
    expect(await cache.get('user', 'u', load)).toEqual({ accountId: 'acct', role: 'AGENT' });
    state = null;
    clock += 4_999;
    expect(await cache.get('user', 'u', load)).not.toBeNull();
    clock += 2;
    expect(await cache.get('user', 'u', load)).toBeNull();
  });
});
