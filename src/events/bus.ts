// Typed conversation events (new reply, AI draft ready, sent, error, and every state change),
// published per account, each numbered by the durable event log (cursor).
// Domain code publishes only after its transaction has committed. Yoga's pubsub carries
// them: in memory, or through Redis (REDIS_URL) so every API instance sees every event.
// Publishing never throws nor leaves a promise behind: while Redis is down, events reach
// this instance's subscribers only (redis-event-target.ts), and all of them once it is back.
import { setMaxListeners } from 'node:events';
import { createPubSub } from 'graphql-yoga';
import type { Priority } from '../db/enums.js';
import type { Logger } from '../logger.js';
import { createResilientRedisEventTarget, type ResilientEventTarget } from './redis-event-target.js';
import { relay, type Gauge } from './relay.js';

interface EventBase {
  accountId: string;
  conversationId: string;
  /** ISO 8601 time the event happened. */
  at: string;
}

/** The events published before issue 18. */
type CoreEvent =
  | (EventBase & { type: 'NEW_REPLY'; messageId: string })
  | (EventBase & { type: 'AI_READY'; suggestionId: string; confidence: number })
  | (EventBase & { type: 'SENT'; messageId: string; suggestionId: string | null })
  | (EventBase & { type: 'ERROR'; code: string; message: string; messageId?: string | null; suggestionId?: string | null })
  | InboxEvent;

// ---- Team inbox events (issue 18, part A) -------------------------------------------------
// `forUserId` makes an event personal: only that user's subscriptions receive it (their own
// read state, a mention of them). Without it every subscriber of the account does.
export type InboxEvent =
  | (EventBase & { type: 'ASSIGNED'; assigneeId: string | null; previousAssigneeId: string | null })
  | (EventBase & { type: 'LABELS_CHANGED'; labelIds: string[] })
  | (EventBase & { type: 'PRIORITY_CHANGED'; priority: Priority; previousPriority: Priority })
  | (EventBase & { type: 'READ_STATE_CHANGED'; forUserId: string; read: boolean })
  | (EventBase & { type: 'NOTE_ADDED'; noteId: string; mentionedUserIds: string[] })
  | (EventBase & { type: 'MENTIONED'; forUserId: string; noteId: string });
// ---- end of team inbox events -------------------------------------------------------------

/** What a provider told us about a sent email (inbound/delivery-events.ts). */
export type DeliveryEventKind = 'DELIVERED' | 'OPENED' | 'CLICKED' | 'BOUNCED' | 'SPAM_COMPLAINT' | 'UNSUBSCRIBED';
/** Why a conversation is snoozed. */
export type SnoozeReason = 'MANUAL' | 'OUT_OF_OFFICE';

// ---- Issue 18, part B: an event for every existing state change, and snooze. ----
// Each carries what a subscriber shows, so a thousand subscribers need no query each.
type StateChangeEvent =
  | (EventBase & { type: 'ARCHIVED'; reason: string | null })
  | (EventBase & { type: 'UNARCHIVED'; status: string })
  | (EventBase & { type: 'OUTCOME_SET'; outcome: string; previousOutcome: string })
  | (EventBase & { type: 'SUGGESTION_REJECTED'; suggestionId: string; reason: string | null })
  | (EventBase & { type: 'SUGGESTION_SUPERSEDED'; suggestionId: string; reason: string | null })
  | (EventBase & { type: 'SUGGESTION_WITHDRAWN'; suggestionId: string; reason: string | null })
  | (EventBase & { type: 'DELIVERY'; messageId: string; kind: DeliveryEventKind; leadBlocked: boolean; link: string | null; detail: string | null })
  | (EventBase & { type: 'SUGGESTED_ACTION_RESOLVED'; action: string; decision: 'CONFIRM' | 'DISMISS' })
  | (EventBase & { type: 'LEAD_DO_NOT_CONTACT'; leadId: string; reason: string })
  | (EventBase & { type: 'SNOOZED'; until: string; reason: SnoozeReason })
  | (EventBase & { type: 'UNSNOOZED'; status: string })
  | (EventBase & { type: 'WOKE'; status: string; cause: 'TIME' | 'REPLY' });
// ---- end of part B's kinds ----

// ---- Issue 19: merge and split, and account-level lead events. ----
/**
 * Merge and split. `conversationId` is where the messages are now (the target, or the
 * conversation the message moved to); the other conversation is named too, and a subscription
 * filtered to either receives the event (a client showing the source drops it and refetches).
 */
export type ThreadChangeEvent =
  | (EventBase & { type: 'CONVERSATION_MERGED'; sourceId: string; messagesMoved: number })
  | (EventBase & { type: 'MESSAGE_MOVED'; messageId: string; fromConversationId: string; split: boolean });

/** How a lead came to be (or be changed). */
export type LeadEventVia = 'API' | 'IMPORT' | 'INBOUND_EMAIL';
/**
 * An account-level event: it belongs to no conversation (`conversationId` is null, and so is
 * the event log row's). Subscriptions: leadEvents; webhooks: LEAD_CREATED, LEAD_UPDATED.
 */
interface LeadEventBase {
  accountId: string;
  conversationId: null;
  at: string;
  leadId: string;
  via: LeadEventVia;
}
export type LeadEvent = (LeadEventBase & { type: 'LEAD_CREATED' }) | (LeadEventBase & { type: 'LEAD_UPDATED' });
// ---- end of issue 19's kinds ----

/**
 * An event as the domain announces it, before the event log numbers it (domain/event-log.ts).
 * Distributes over the union, so each kind keeps its own fields.
 */
export type UnloggedEvent = CoreEvent | StateChangeEvent | ThreadChangeEvent | LeadEvent;

/**
 * An event as subscribers receive it: written to the account's event log in the transaction
 * that made the change, and numbered there. `cursor` is the log's position (a decimal bigint),
 * monotonic per account; it travels with the event through Redis.
 */
export type ConversationEvent = UnloggedEvent & { cursor: string };

export type ConversationEventType = ConversationEvent['type'];

/**
 * Whether an event concerns the conversation: its own, or the one a merge emptied or a moved
 * message left (a client showing that one must learn it is gone or changed). readEventLog
 * (domain/event-log/log.ts) applies the same rule to the log.
 */
export function eventConcerns(event: UnloggedEvent, conversationId: string): boolean {
  if (event.conversationId === conversationId) return true;
  if (event.type === 'CONVERSATION_MERGED') return event.sourceId === conversationId;
  if (event.type === 'MESSAGE_MOVED') return event.fromConversationId === conversationId;
  return false;
}

type Topics = { 'conversation-events': [accountId: string, event: ConversationEvent] };

/** Events one subscriber may have waiting before it is cut off (see relay.ts). */
export const SUBSCRIBER_QUEUE_LIMIT = 256;

export interface EventBus {
  /** Hands the event to every subscriber of its account; never throws. */
  publish(event: ConversationEvent): void;
  /** The account's events, bounded per subscriber: a reader that falls behind is cut off. */
  subscribe(accountId: string): AsyncIterable<ConversationEvent>;
  /** Subscriptions listening in this process now (for logs, tests and benchmarks). */
  activeSubscriptions(): number;
  /** 'redis' while events cross instances, 'local' while only this process's subscribers get them. */
  reach(): 'redis' | 'local';
  close(): Promise<void>;
}

export function createEventBus(
  options: { redisUrl?: string; queueLimit?: number; logger?: Logger; onDelivered?: (event: ConversationEvent) => void } = {},
): EventBus {
  let redis: ResilientEventTarget | undefined;
  let eventTarget: EventTarget;
  if (options.redisUrl) {
    if (!options.logger) throw new Error('createEventBus: a logger is needed with a Redis URL');
    redis = createResilientRedisEventTarget({ url: options.redisUrl, logger: options.logger });
    eventTarget = redis;
  } else {
    eventTarget = new EventTarget();
    // One listener per subscription on the account's topic: lift Node's 10-listener warning.
    setMaxListeners(0, eventTarget);
  }
  const pubsub = createPubSub<Topics>({ eventTarget });
  const gauge: Gauge = { value: 0 };
  return {
    publish: (event) => {
      try {
        pubsub.publish('conversation-events', event.accountId, event);
      } catch (err) {
        // A subscriber's listener threw: the others and the publisher's work are unaffected.
        options.logger?.error({ err, type: event.type }, 'publishing a live event failed');
      }
    },
    subscribe: (accountId) =>
      relay(pubsub.subscribe('conversation-events', accountId), {
        limit: options.queueLimit ?? SUBSCRIBER_QUEUE_LIMIT,
        gauge,
        onDelivered: options.onDelivered,
      }),
    activeSubscriptions: () => gauge.value,
    reach: () => (redis?.connected ? 'redis' : 'local'),
    async close() {
      await redis?.close();
    },
  };
}
