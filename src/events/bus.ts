// Typed conversation events (new reply, AI draft ready, sent, error), published per account.
// Domain code publishes only after its transaction has committed. Yoga's pubsub carries
// them: in memory, or through Redis (REDIS_URL) so every API instance sees every event.
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { setMaxListeners } from 'node:events';
import { createPubSub } from 'graphql-yoga';
import { Redis } from 'ioredis';
import { relay, type Gauge } from './relay.js';

interface EventBase {
  accountId: string;
  conversationId: string;
  /** ISO 8601 time the event happened. */
  at: string;
}

export type ConversationEvent =
  | (EventBase & { type: 'NEW_REPLY'; messageId: string })
  | (EventBase & { type: 'AI_READY'; suggestionId: string; confidence: number })
  | (EventBase & { type: 'SENT'; messageId: string; suggestionId: string | null })
  | (EventBase & { type: 'ERROR'; code: string; message: string; messageId?: string | null; suggestionId?: string | null });

export type ConversationEventType = ConversationEvent['type'];

type Topics = { 'conversation-events': [accountId: string, event: ConversationEvent] };

/** Events one subscriber may have waiting before it is cut off (see relay.ts). */
export const SUBSCRIBER_QUEUE_LIMIT = 256;

export interface EventBus {
  publish(event: ConversationEvent): void;
  /** The account's events, bounded per subscriber: a reader that falls behind is cut off. */
  subscribe(accountId: string): AsyncIterable<ConversationEvent>;
  /** Subscriptions listening in this process now (for logs, tests and benchmarks). */
  activeSubscriptions(): number;
  close(): Promise<void>;
}

export function createEventBus(
  options: { redisUrl?: string; queueLimit?: number; onDelivered?: (event: ConversationEvent) => void } = {},
): EventBus {
  let redis: Redis[] = [];
  let eventTarget: EventTarget | undefined;
  if (options.redisUrl) {
    // Two connections: one in subscriber mode cannot publish.
    redis = [new Redis(options.redisUrl, { maxRetriesPerRequest: 3 }), new Redis(options.redisUrl, { maxRetriesPerRequest: 3 })];
    eventTarget = createRedisEventTarget({ publishClient: redis[0]!, subscribeClient: redis[1]! });
  }
  if (!eventTarget) {
    // One listener per subscription on the account's topic: lift Node's 10-listener warning.
    eventTarget = new EventTarget();
    setMaxListeners(0, eventTarget);
  }
  const pubsub = createPubSub<Topics>({ eventTarget });
  const gauge: Gauge = { value: 0 };
  return {
    publish: (event) => pubsub.publish('conversation-events', event.accountId, event),
    subscribe: (accountId) =>
      relay(pubsub.subscribe('conversation-events', accountId), {
        limit: options.queueLimit ?? SUBSCRIBER_QUEUE_LIMIT,
        gauge,
        onDelivered: options.onDelivered,
      }),
    activeSubscriptions: () => gauge.value,
    async close() {
      await Promise.allSettled(redis.map((client) => client.quit()));
    },
  };
}
