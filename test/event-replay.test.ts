// replayThenLive (src/events/replay.ts) on its own: the switch from the log to live events
// loses nothing and repeats nothing, whatever the live side delivers while the log is read.
import { Repeater } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import type { ConversationEvent } from '../src/events/bus.js';
import { replayThenLive } from '../src/events/replay.js';

const event = (cursor: number): ConversationEvent => ({
  type: 'ARCHIVED', accountId: 'a', conversationId: 'c', at: '2026-11-30T00:00:00Z', reason: null, cursor: String(cursor),
});

/** A live source the test pushes into, and a count of its subscribers. */
function liveSource() {
  let push: ((value: ConversationEvent) => Promise<unknown>) | undefined;
  const started: { value: boolean } = { value: false };
  const source = new Repeater<ConversationEvent>(async (p, stop) => {
    push = p;
    started.value = true;
    await stop;
  });
  return { source, started, push: (value: ConversationEvent) => push!(value) };
}

async function take(iterator: AsyncIterator<ConversationEvent>, n: number): Promise<string[]> {
  const out: string[] = [];
  while (out.length < n) out.push((await iterator.next()).value!.cursor);
  return out;
}

describe('replayThenLive', () => {
  it('subscribes live before reading the log, drops live events the log gave, and keeps the rest in order', async () => {
    const live = liveSource();
    const log = [event(4), event(5), event(6), event(7)];
    const reads: bigint[] = [];
    const stream = replayThenLive(
      live.source,
      3n,
      async (after, limit) => {
        reads.push(after);
        // Live is listening before the first read: events committed around the read are published
        // now, both ones the read returns (6, 7) and one committed after it (8).
        expect(live.started.value).toBe(true);
        if (reads.length === 1) {
          void live.push(event(6));
          void live.push(event(8));
          void live.push(event(7));
        }
        return log.filter((e) => BigInt(e.cursor) > after).slice(0, limit);
      },
      { heldBackLimit: 100, page: 2 },
    );
    const iterator = stream[Symbol.asyncIterator]();
    expect(await take(iterator, 5)).toEqual(['4', '5', '6', '7', '8']);
    // Paged: after 3, 5, 7 (a short page ends the replay).
    expect(reads).toEqual([3n, 5n, 7n]);
    // Then live, as it comes.
    void live.push(event(9));
    expect(await take(iterator, 1)).toEqual(['9']);
    await iterator.return?.();
  });

  it('ends the stream with the reader\'s error (an expired cursor)', async () => {
    const failing = replayThenLive(liveSource().source, 1n, async () => {
      throw Object.assign(new Error('expired'), { code: 'CURSOR_EXPIRED' });
    });
    await expect(failing[Symbol.asyncIterator]().next()).rejects.toMatchObject({ code: 'CURSOR_EXPIRED' });
  }, 10_000);

  it('cuts off a subscriber whose held-back live events pass the limit while it replays', async () => {
    const live = liveSource();
    const slow = replayThenLive(
      live.source,
      0n,
      async () => {
        for (let i = 1; i <= 3; i++) void live.push(event(i));
        // Let the live side take them (an ordering: setImmediate runs after the pending microtasks).
        await new Promise((r) => setImmediate(r));
        return [];
      },
      { heldBackLimit: 2 },
    );
    await expect(slow[Symbol.asyncIterator]().next()).rejects.toThrow(/too slow/);
  }, 10_000);
});
