// conversationEvents(since:): what a client missed, from the durable event log, then live
// events, with no gap and no duplicate across the switch. The live subscription is started
// BEFORE the log is read, and what it delivers meanwhile is held back: an event committed
// before the read is in the log (and, if published late, dropped from the held-back ones by its
// cursor), an event committed after it is published after the read began, so the live
// subscription has it. Cursors commit in order (domain/event-log.ts), so nothing committed
// after the read can have a cursor at or below the last one replayed.
// Live events of concurrent transactions may arrive out of cursor order (each is published
// after its own commit); each arrives exactly once.
import { Repeater } from 'graphql-yoga';
import type { ConversationEvent } from './bus.js';
import { SlowSubscriberError } from './relay.js';

/** Reads the log after a cursor, oldest first, at most `limit` events. */
export type EventLogReader = (after: bigint, limit: number) => Promise<ConversationEvent[]>;

export const REPLAY_PAGE = 500;

export function replayThenLive(
  live: AsyncIterable<ConversationEvent>,
  since: bigint,
  read: EventLogReader,
  options: { heldBackLimit: number; page?: number } = { heldBackLimit: 10_000 },
): AsyncIterableIterator<ConversationEvent> {
  const page = options.page ?? REPLAY_PAGE;
  return new Repeater<ConversationEvent>(async (push, stop) => {
    const iterator = live[Symbol.asyncIterator]();
    const ended = stop.then(() => ({ done: true, value: undefined }) as const);
    const heldBack: ConversationEvent[] = [];
    let replaying = true;
    // The live side, started now (this first next() subscribes) and running throughout.
    const pump = (async () => {
      for (;;) {
        const next = await Promise.race([iterator.next(), ended]);
        if (next.done) break;
        if (replaying) {
          heldBack.push(next.value);
          if (heldBack.length > options.heldBackLimit) {
            stop(new SlowSubscriberError(options.heldBackLimit));
            break;
          }
        } else {
          await push(next.value);
        }
      }
    })();
    pump.catch((err: unknown) => stop(err));
    try {
      let last = since;
      for (;;) {
        const events = await read(last, page);
        for (const event of events) {
          await push(event);
          last = BigInt(event.cursor);
        }
        if (events.length < page) break;
      }
      // Held-back live events, minus what the log already gave; new ones keep being held back
      // until this loop finds none (no await between the last check and the switch).
      while (heldBack.length > 0) {
        const event = heldBack.shift()!;
        if (BigInt(event.cursor) > last) await push(event);
      }
      replaying = false;
    } catch (err) {
      stop(err);
    }
    await ended;
    await iterator.return?.();
  });
}
