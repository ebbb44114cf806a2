// Hands a subscription's events to one subscriber, with two guarantees the raw pubsub stream
// lacks: it counts live subscriptions, and it bounds what waits for a slow reader. A reader
// that stops taking events (a stalled socket) must not make the server hold them forever:
// once `limit` events wait undelivered, the stream ends with SlowSubscriberError and its
// memory is freed; the client resubscribes and re-queries.
import { Repeater } from 'graphql-yoga';

export class SlowSubscriberError extends Error {
  constructor(limit: number) {
    super(`Subscriber too slow: more than ${limit} events waiting; resubscribe and re-query.`);
    this.name = 'SlowSubscriberError';
  }
}

export interface Gauge {
  value: number;
}

export function relay<T>(
  source: AsyncIterable<T>,
  options: { limit: number; gauge: Gauge; onDelivered?: (value: T) => void },
): AsyncIterableIterator<T> {
  return new Repeater<T>(async (push, stop) => {
    const iterator = source[Symbol.asyncIterator]();
    const ended = stop.then(() => ({ done: true, value: undefined }) as const);
    let waiting = 0;
    options.gauge.value++;
    try {
      for (;;) {
        const next = await Promise.race([iterator.next(), ended]);
        if (next.done) break;
        if (++waiting > options.limit) {
          stop(new SlowSubscriberError(options.limit));
          break;
        }
        // push() settles when the subscriber takes the value; it rejects only when the
        // stream already ended, and then nothing waits any more.
        const value = next.value;
        push(value).then(
          () => {
            waiting--;
            options.onDelivered?.(value);
          },
          () => undefined,
        );
      }
    } finally {
      options.gauge.value--;
      stop();
      await iterator.return?.();
    }
  });
}
