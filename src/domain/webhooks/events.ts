// What an outbound webhook carries: the event types an endpoint can subscribe to, and the
// JSON body of one event (documented in docs/webhooks.md).
import { randomUUID } from 'node:crypto';
import type { ConversationEvent, UnloggedEvent } from '../../events/bus.js';

/** Every event type an endpoint can subscribe to (the live events' types). */
export const WEBHOOK_EVENT_TYPES = [
  'NEW_REPLY', 'AI_READY', 'SENT', 'ERROR', 'DELIVERY', 'LEAD_DO_NOT_CONTACT', 'ARCHIVED',
  'CONVERSATION_MERGED', 'MESSAGE_MOVED', 'LEAD_CREATED', 'LEAD_UPDATED',
] as const satisfies readonly ConversationEvent['type'][];
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
/** An event an endpoint can subscribe to. */
export type WebhookSourceEvent = Extract<UnloggedEvent, { type: WebhookEventType }>;

export function isWebhookEvent(event: UnloggedEvent): event is WebhookSourceEvent {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(event.type);
}

/**
 * A row's global ID as the API shows it (base64 of "Typename:id"), so a receiver can ask
 * `node(id:)`. The same encoding as src/schema/ids.ts, which the domain does not import.
 */
const globalId = (typename: string, id: string) => Buffer.from(`${typename}:${id}`, 'utf8').toString('base64');

function dataOf(event: WebhookSourceEvent): Record<string, unknown> {
  // Account-level events belong to no conversation.
  if (event.type === 'LEAD_CREATED' || event.type === 'LEAD_UPDATED') return { leadId: globalId('Lead', event.leadId), via: event.via };
  const base = { conversationId: globalId('Conversation', event.conversationId) };
  switch (event.type) {
    case 'CONVERSATION_MERGED':
      return {
        ...base,
        sourceId: globalId('Conversation', event.sourceId),
        targetId: base.conversationId,
        messagesMoved: event.messagesMoved,
      };
    case 'MESSAGE_MOVED':
      return {
        ...base,
        messageId: globalId('ConversationMessage', event.messageId),
        fromId: globalId('Conversation', event.fromConversationId),
        toId: base.conversationId,
        split: event.split,
      };
    case 'NEW_REPLY':
      return { ...base, messageId: globalId('ConversationMessage', event.messageId) };
    case 'AI_READY':
      return { ...base, suggestionId: globalId('AISuggestion', event.suggestionId), confidence: event.confidence };
    case 'SENT':
      return {
        ...base,
        messageId: globalId('ConversationMessage', event.messageId),
        suggestionId: event.suggestionId ? globalId('AISuggestion', event.suggestionId) : null,
      };
    case 'DELIVERY':
      return { ...base, messageId: globalId('ConversationMessage', event.messageId), kind: event.kind, leadBlocked: event.leadBlocked, link: event.link, detail: event.detail };
    case 'LEAD_DO_NOT_CONTACT':
      return { ...base, leadId: globalId('Lead', event.leadId), reason: event.reason };
    case 'ARCHIVED':
      return { ...base, reason: event.reason };
    case 'ERROR':
      return {
        ...base,
        code: event.code,
        message: event.message,
        messageId: event.messageId ? globalId('ConversationMessage', event.messageId) : null,
        suggestionId: event.suggestionId ? globalId('AISuggestion', event.suggestionId) : null,
      };
  }
}

export interface WebhookEvent {
  /** webhook-id: "evt_" and a UUID, one per event (every endpoint, attempt and re-send shares it). */
  id: string;
  accountId: string;
  type: WebhookEventType;
  /** The JSON body, as signed and sent. */
  body: string;
}

/** The event as a webhook body: { type, timestamp, data }, the Standard Webhooks shape. */
export function webhookEventOf(event: WebhookSourceEvent): WebhookEvent {
  const id = `evt_${randomUUID()}`;
  return { id, accountId: event.accountId, type: event.type, body: JSON.stringify({ id, type: event.type, timestamp: event.at, data: dataOf(event) }) };
}
