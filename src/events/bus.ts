// Typed conversation events (new reply, AI draft ready, sent, error), published per account.
// Domain code publishes only after its transaction has committed. In memory for now; the
// subscriptions issue adds graphql-ws/SSE transport and Redis to share events across instances.
import { createPubSub } from 'graphql-yoga';

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

type Topics = { 'conversation-events': [accountId: string, event: ConversationEvent] };

export interface EventBus {
  publish(event: ConversationEvent): void;
  subscribe(accountId: string): AsyncIterable<ConversationEvent>;
}

export function createEventBus(): EventBus {
  const pubsub = createPubSub<Topics>();
  return {
    publish: (event) => pubsub.publish('conversation-events', event.accountId, event),
    subscribe: (accountId) => pubsub.subscribe('conversation-events', accountId),
  };
}
