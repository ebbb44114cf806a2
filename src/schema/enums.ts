import {
  AutoAssign,
  Priority,
  ConversationStatus,
  DeliveryStatus,
  Intent,
  MessageDirection,
  Sentiment,
  SuggestionKind,
  SuggestionStatus,
  Urgency,
} from '../db/enums.js';
import { builder } from './builder.js';

export const ConversationStatusEnum = builder.enumType(ConversationStatus, {
  name: 'ConversationStatus',
  description: 'Where a conversation stands in the review workflow.',
  values: {
    ACTIVE: { description: 'Open, with nothing waiting on either side.' },
    NEEDS_REVIEW: { description: 'The lead replied; a person should review the drafted answer.' },
    WAITING_FOR_LEAD: { description: 'We replied last; waiting for the lead.' },
    ARCHIVED: { description: 'Finished; takes no replies until unarchived.' },
    SNOOZED: { description: 'Put aside until snoozedUntil (or a reply from the lead); hidden from the default list.' },
  },
});

export const MessageDirectionEnum = builder.enumType(MessageDirection, {
  name: 'MessageDirection',
  description: 'Which way an email travelled.',
  values: {
    INBOUND: { description: 'From the lead to us.' },
    OUTBOUND: { description: 'From us to the lead.' },
  },
});

export const DeliveryStatusEnum = builder.enumType(DeliveryStatus, {
  name: 'DeliveryStatus',
  description: 'Delivery state of a message.',
  values: {
    RECEIVED: { description: 'An inbound email we received.' },
    QUEUED: { description: 'Outbound, written and about to be handed to the email provider; with scheduledFor, waiting until then (cancelScheduledSend takes it back).' },
    UNCERTAIN: {
      description:
        'Outbound, handed to the email provider without a clear answer (an error after it may have taken it, a dropped connection, a timeout). It is not sent again while the provider is asked; it becomes SENT when found, and is sent again only after the documented look-up window. A SENT or ConversationError event tells when it settles.',
    },
    SENT: { description: 'Accepted by the email provider.' },
    DELIVERED: { description: "Accepted by the lead's mail server." },
    BOUNCED: { description: "Rejected by the lead's mail server." },
    FAILED: { description: 'The email provider refused it, or Parley did not send it (LEAD_REPLIED, DO_NOT_CONTACT, CONVERSATION_ARCHIVED); see errorCode and errorMessage.' },
    CANCELLED: { description: 'Outbound, taken back with cancelScheduledSend before it went out; it was never sent.' },
  },
});

export const SuggestionStatusEnum = builder.enumType(SuggestionStatus, {
  name: 'SuggestionStatus',
  description: 'Review state of an AI-drafted reply.',
  values: {
    PENDING: { description: 'Waiting for a person to approve, edit or reject it.' },
    APPROVED: { description: 'Sent as drafted.' },
    EDITED: { description: 'Sent after a person changed the text.' },
    REJECTED: { description: 'Declined by a person.' },
    SUPERSEDED: { description: 'Replaced by a newer draft before anyone decided.' },
    WITHDRAWN: { description: 'Withdrawn when its conversation was archived; unarchiving does not bring it back.' },
  },
});

export const SentimentEnum = builder.enumType(Sentiment, {
  name: 'Sentiment',
  description: "The tone of the lead's reply.",
  values: {
    POSITIVE: { description: 'Warm, keen or pleased.' },
    NEUTRAL: { description: 'Matter-of-fact.' },
    NEGATIVE: { description: 'Annoyed, dismissive or unhappy.' },
  },
});

export const IntentEnum = builder.enumType(Intent, {
  name: 'Intent',
  description: "What the lead's reply is trying to do.",
  values: {
    INTERESTED: { description: 'Wants to hear more.' },
    MEETING_REQUEST: { description: 'Asks for or accepts a call or meeting.' },
    QUESTION: { description: 'Asks something that needs an answer.' },
    OBJECTION: { description: 'Pushes back: price, timing, an incumbent, doubt.' },
    NOT_INTERESTED: { description: 'Declines.' },
    UNSUBSCRIBE: { description: 'Asks not to be emailed again.' },
    OUT_OF_OFFICE: { description: 'An automatic away reply.' },
    REFERRAL: { description: 'Points to someone else who decides.' },
    OTHER: { description: 'None of the above.' },
  },
});

export const UrgencyEnum = builder.enumType(Urgency, {
  name: 'Urgency',
  description: 'How soon the reply deserves an answer.',
  values: {
    LOW: { description: 'Whenever convenient.' },
    MEDIUM: { description: 'Within a working day.' },
    HIGH: { description: 'As soon as possible: a meeting time, a deadline, a hot lead.' },
  },
});

export const OrderDirectionEnum = builder.enumType('OrderDirection', {
  description: 'Sort direction.',
  values: {
    ASC: { value: 'asc', description: 'Oldest or smallest first.' },
    DESC: { value: 'desc', description: 'Newest or largest first.' },
  } as const,
});

export const SuggestionKindEnum = builder.enumType(SuggestionKind, {
  name: 'SuggestionKind',
  description: 'What an AI draft is for.',
  values: {
    REPLY: { description: "The answer to the lead's latest email." },
    FOLLOW_UP: { description: 'A follow-up after our last email got no reply for the account policy\'s days (setFollowUpPolicy).' },
  },
});

// Team inbox (issue 18, part A)
export const PriorityEnum = builder.enumType(Priority, {
  name: 'Priority',
  description: 'How urgently a conversation needs a person; sorts LOW < NORMAL < HIGH < URGENT.',
  values: {
    LOW: { description: 'Whenever convenient.' },
    NORMAL: { description: 'The default.' },
    HIGH: { description: 'Soon: the analyser sets this for urgent replies until a person sets a priority.' },
    URGENT: { description: 'Now.' },
  },
});

export const AutoAssignEnum = builder.enumType(AutoAssign, {
  name: 'AutoAssign',
  description: 'How conversations opened by an inbound email get an assignee.',
  values: {
    OFF: { description: 'They stay unassigned.' },
    ROUND_ROBIN: { description: 'Each goes to the next OWNER or AGENT of the account in turn (ordered by when they joined).' },
  },
});
