// Live events: newReply, aiReady, sent, conversationError, and conversationEvents (all four).
// Each event names what changed and resolves the conversation (and message or draft) to its
// current state through the viewer's account-scoped client; clients re-query the rest.
// Every subscriber of an account receives the same event object, so the rows an event carries
// are loaded once per event, account and selection (eventRows), not once per subscriber: at
// 1,000 subscribers one query each per event starved the database and cut everyone off.
import { filter, pipe } from 'graphql-yoga';
import { whileCredentialHolds } from '../auth/live-credential.js';
import { type GraphQLContext, dbOf, domainOf, servicesOf } from '../graphql-context.js';
import type { ConversationOutcome, ConversationStatus } from '../db/enums.js';
import { checkEventCursor, readEventLog } from '../domain/event-log/index.js';
import { replayThenLive } from '../events/replay.js';
import { ConversationStatusEnum } from './enums.js';
import { ConversationOutcomeEnum } from './similar.js';
import { SnoozeReasonEnum } from './snooze.js';
import { SuggestedActionDecisionEnum } from './suggested-action.js';
import { NotFoundError } from '../domain/errors.js';
import { eventConcerns, type ConversationEvent, type ConversationEventType } from '../events/bus.js';
import { builder } from './builder.js';
import { encodeParleyId, idOfType } from './ids.js';
import { readQuery } from './optional-row.js';
import { PriorityEnum } from './enums.js';

type EventOf<T extends ConversationEventType> = Extract<ConversationEvent, { type: T }>;
/** An event of a conversation (every kind but the account-level lead events). */
type ThreadEvent = Extract<ConversationEvent, { conversationId: string }>;

/**
 * Rows loaded for one event, by account, model, id and the selection asked for. Held as long
 * as the event object is (a WeakMap): once every subscriber has it, it is collected.
 */
const eventRows = new WeakMap<object, Map<string, Promise<unknown>>>();

function loadForEvent<T>(event: ConversationEvent, ctx: GraphQLContext, what: string, query: unknown, load: () => Promise<T>): Promise<T> {
  let rows = eventRows.get(event);
  if (!rows) eventRows.set(event, (rows = new Map()));
  const key = `${ctx.viewer.accountId}|${what}|${JSON.stringify(query)}`;
  let row = rows.get(key) as Promise<T> | undefined;
  if (!row) {
    row = load();
    rows.set(key, row);
    // A failed load is not kept: the next subscriber tries again.
    row.catch(() => rows.delete(key));
  }
  return row;
}

const eventFields = <T extends ThreadEvent>(t: PothosObjectFieldBuilder<T>) => ({
  conversation: t.prismaField({
    type: 'Conversation',
    description: 'The conversation, as it is now.',
    resolve: (query, event, _args, ctx) =>
      loadForEvent(event, ctx, `conversation:${event.conversationId}`, query, () =>
        dbOf(ctx).conversation.findUniqueOrThrow({ ...query, where: { id: event.conversationId } }),
      ),
  }),
  at: t.field({ type: 'DateTime', description: 'When it happened.', resolve: (event) => new Date(event.at) }),
  cursor: t.string({
    resolve: (event) => event.cursor,
    description:
      "The event's position in your account's event log (opaque; increasing). After a disconnect, subscribe to " +
      'conversationEvents(since: <the last cursor you received>) to get every event you missed, then live ones.',
  }),
});
type PothosObjectFieldBuilder<T> = Parameters<Parameters<ReturnType<typeof builder.objectRef<T>>['implement']>[0]['fields'] & object>[0];

const messageField = <T extends { messageId?: string | null }>(t: PothosObjectFieldBuilder<T>, description: string) =>
  t.prismaField({
    type: 'ConversationMessage',
    nullable: true,
    description,
    resolve: (query, event, _args, ctx) => {
      const selection = readQuery(query);
      return event.messageId
        ? loadForEvent(event as unknown as ConversationEvent, ctx, `message:${event.messageId}`, selection, () =>
            dbOf(ctx).conversationMessage.findUnique({ ...selection, where: { id: event.messageId! } }),
          )
        : null;
    },
  });

const suggestionField = <T extends { suggestionId?: string | null }>(t: PothosObjectFieldBuilder<T>, description: string) =>
  t.prismaField({
    type: 'AISuggestion',
    nullable: true,
    description,
    resolve: (query, event, _args, ctx) => {
      const selection = readQuery(query);
      return event.suggestionId
        ? loadForEvent(event as unknown as ConversationEvent, ctx, `suggestion:${event.suggestionId}`, selection, () =>
            dbOf(ctx).aISuggestion.findUnique({ ...selection, where: { id: event.suggestionId! } }),
          )
        : null;
    },
  });

const NewReplyEvent = builder.objectRef<EventOf<'NEW_REPLY'>>('NewReplyEvent').implement({
  description: 'A lead replied.',
  isTypeOf: (event) => (event as ConversationEvent).type === 'NEW_REPLY',
  fields: (t) => ({ ...eventFields(t), email: messageField(t, 'The reply.') }),
});

const AIReadyEvent = builder.objectRef<EventOf<'AI_READY'>>('AIReadyEvent').implement({
  description: 'An AI draft is ready for review.',
  isTypeOf: (event) => (event as ConversationEvent).type === 'AI_READY',
  fields: (t) => ({
    ...eventFields(t),
    suggestion: suggestionField(t, 'The draft.'),
    confidence: t.exposeFloat('confidence', { description: "The draft's confidence, 0..1." }),
  }),
});

const SentEvent = builder.objectRef<EventOf<'SENT'>>('SentEvent').implement({
  description: 'An email to the lead was sent.',
  isTypeOf: (event) => (event as ConversationEvent).type === 'SENT',
  fields: (t) => ({
    ...eventFields(t),
    email: messageField(t, 'The email sent.'),
    suggestion: suggestionField(t, 'The draft it was sent from, if any.'),
  }),
});

const ConversationErrorEvent = builder.objectRef<EventOf<'ERROR'>>('ConversationErrorEvent').implement({
  description: 'Something went wrong for a conversation: a send failed, drafting fell back offline, ...',
  isTypeOf: (event) => (event as ConversationEvent).type === 'ERROR',
  fields: (t) => ({
    ...eventFields(t),
    code: t.exposeString('code', { description: 'Machine-readable cause, e.g. EMAIL_DELIVERY_FAILED.' }),
    message: t.exposeString('message', { description: 'What went wrong, for people.' }),
    email: messageField(t, 'The email concerned, if any.'),
    suggestion: suggestionField(t, 'The draft concerned, if any.'),
  }),
});

// ---- Team inbox events (issue 18, part A) -------------------------------------------------
const userField = <T,>(t: PothosObjectFieldBuilder<T>, description: string, idOf: (event: T) => string | null) =>
  t.prismaField({
    type: 'User',
    nullable: true,
    description,
    resolve: (query, event, _args, ctx) => {
      const id = idOf(event);
      const selection = readQuery(query);
      return id
        ? loadForEvent(event as unknown as ConversationEvent, ctx, `user:${id}`, selection, () => dbOf(ctx).user.findUnique({ ...selection, where: { id } }))
        : null;
    },
  });

const noteField = <T extends { noteId: string }>(t: PothosObjectFieldBuilder<T>) =>
  t.prismaField({
    type: 'Note',
    nullable: true,
    description: 'The note; null if it no longer exists.',
    resolve: (query, event, _args, ctx) => {
      const selection = readQuery(query);
      return loadForEvent(event as unknown as ConversationEvent, ctx, `note:${event.noteId}`, selection, () =>
        dbOf(ctx).note.findUnique({ ...selection, where: { id: event.noteId } }),
      );
    },
  });

const AssignedEvent = builder.objectRef<EventOf<'ASSIGNED'>>('AssignedEvent').implement({
  description: 'A conversation was assigned, reassigned or unassigned.',
  isTypeOf: (event) => (event as ConversationEvent).type === 'ASSIGNED',
  fields: (t) => ({
    ...eventFields(t),
    assignee: userField(t, 'Who has it now; null when unassigned.', (e) => e.assigneeId),
    previousAssignee: userField(t, 'Who had it before; null when it was unassigned.', (e) => e.previousAssigneeId),
  }),
});

const LabelsChangedEvent = builder.objectRef<EventOf<'LABELS_CHANGED'>>('LabelsChangedEvent').implement({
  description: "A conversation's labels changed (conversation.labels has them).",
  isTypeOf: (event) => (event as ConversationEvent).type === 'LABELS_CHANGED',
  fields: (t) => ({ ...eventFields(t) }),
});

const PriorityChangedEvent = builder.objectRef<EventOf<'PRIORITY_CHANGED'>>('PriorityChangedEvent').implement({
  description: "A conversation's priority changed.",
  isTypeOf: (event) => (event as ConversationEvent).type === 'PRIORITY_CHANGED',
  fields: (t) => ({
    ...eventFields(t),
    priority: t.field({ type: PriorityEnum, description: 'The new priority.', resolve: (e) => e.priority }),
    previousPriority: t.field({ type: PriorityEnum, description: 'The priority before.', resolve: (e) => e.previousPriority }),
  }),
});

const ReadStateChangedEvent = builder.objectRef<EventOf<'READ_STATE_CHANGED'>>('ReadStateChangedEvent').implement({
  description: 'You marked a conversation read or unread (sent only to your own subscriptions: read state is personal).',
  isTypeOf: (event) => (event as ConversationEvent).type === 'READ_STATE_CHANGED',
  fields: (t) => ({ ...eventFields(t), read: t.exposeBoolean('read', { description: 'True when now read, false when unread.' }) }),
});

const NoteAddedEvent = builder.objectRef<EventOf<'NOTE_ADDED'>>('NoteAddedEvent').implement({
  description: 'Someone added an internal note to a conversation.',
  isTypeOf: (event) => (event as ConversationEvent).type === 'NOTE_ADDED',
  fields: (t) => ({ ...eventFields(t), note: noteField(t) }),
});

const MentionedEvent = builder.objectRef<EventOf<'MENTIONED'>>('MentionedEvent').implement({
  description: 'A note mentions you (sent only to your own subscriptions).',
  isTypeOf: (event) => (event as ConversationEvent).type === 'MENTIONED',
  fields: (t) => ({ ...eventFields(t), note: noteField(t) }),
});

const INBOX_EVENT_TYPES = [AssignedEvent, LabelsChangedEvent, PriorityChangedEvent, ReadStateChangedEvent, NoteAddedEvent, MentionedEvent] as const;
const INBOX_EVENT_KINDS = ['ASSIGNED', 'LABELS_CHANGED', 'PRIORITY_CHANGED', 'READ_STATE_CHANGED', 'NOTE_ADDED', 'MENTIONED'] as const;

/** A personal event (forUserId) reaches only that user's subscriptions. */
const reachesViewer = (event: ConversationEvent, ctx: GraphQLContext) =>
  !('forUserId' in event) || (ctx.viewer.userId != null && event.forUserId === ctx.viewer.userId);
// ---- end of team inbox events -------------------------------------------------------------

// ---- Issue 18, part B: an event for every state change that had none, and snooze. ----
// Each carries what it says in its payload (no query per subscriber); `conversation` and the
// draft or email are loaded once per event and selection (loadForEvent), as above.

const eventType = <T extends ThreadEvent['type']>(name: string, type: T, description: string, more: (t: PothosObjectFieldBuilder<EventOf<T>>) => object) =>
  builder.objectRef<EventOf<T>>(name).implement({
    description,
    isTypeOf: (event) => (event as ConversationEvent).type === type,
    fields: (t) => ({ ...eventFields(t), ...more(t) }) as never,
  });

const DeliveryEventKindEnum = builder.enumType('DeliveryEventKind', {
  description: 'What the email provider reported about a sent email.',
  values: {
    DELIVERED: { description: "It reached the lead's mail server." },
    OPENED: { description: 'The lead opened it.' },
    CLICKED: { description: 'The lead clicked a link in it.' },
    BOUNCED: { description: 'It bounced.' },
    SPAM_COMPLAINT: { description: 'The lead marked it as spam (the lead is now do-not-contact).' },
    UNSUBSCRIBED: { description: 'The lead unsubscribed or the address is suppressed (the lead is now do-not-contact).' },
  } as const,
});
const WakeCauseEnum = builder.enumType('WakeCause', {
  description: 'Why a snoozed conversation woke.',
  values: { TIME: { description: 'Its snooze time came.' }, REPLY: { description: 'The lead replied.' } } as const,
});
const statusField = <T extends { status: string }>(t: PothosObjectFieldBuilder<T>, description: string) =>
  t.field({ type: ConversationStatusEnum, description, resolve: (event) => event.status as ConversationStatus });

const ArchivedEvent = eventType('ArchivedEvent', 'ARCHIVED', 'A conversation was archived.', (t) => ({
  reason: t.exposeString('reason', { nullable: true, description: 'Why, as given.' }),
}));
const UnarchivedEvent = eventType('UnarchivedEvent', 'UNARCHIVED', 'An archived conversation was reopened.', (t) => ({
  status: statusField(t, 'The status it reopened in.'),
}));
const OutcomeSetEvent = eventType('OutcomeSetEvent', 'OUTCOME_SET', "A conversation's outcome was recorded.", (t) => ({
  outcome: t.field({ type: ConversationOutcomeEnum, description: 'The outcome now.', resolve: (e) => e.outcome as ConversationOutcome }),
  previousOutcome: t.field({ type: ConversationOutcomeEnum, description: 'The outcome before.', resolve: (e) => e.previousOutcome as ConversationOutcome }),
}));
const SuggestionRejectedEvent = eventType('SuggestionRejectedEvent', 'SUGGESTION_REJECTED', 'A draft was rejected (by a person, or replaced by a custom reply).', (t) => ({
  suggestion: suggestionField(t, 'The draft.'),
  reason: t.exposeString('reason', { nullable: true, description: 'Why, if given.' }),
}));
const SuggestionSupersededEvent = eventType('SuggestionSupersededEvent', 'SUGGESTION_SUPERSEDED', 'A waiting draft was replaced by a newer one, withdrawn because the lead may not be emailed, or set aside because its conversation was merged into one with a waiting draft of its own (reason "merged").', (t) => ({
  suggestion: suggestionField(t, 'The draft.'),
  reason: t.exposeString('reason', { nullable: true, description: 'Why.' }),
}));
const SuggestionWithdrawnEvent = eventType('SuggestionWithdrawnEvent', 'SUGGESTION_WITHDRAWN', 'A waiting draft was withdrawn because its conversation was archived.', (t) => ({
  suggestion: suggestionField(t, 'The draft.'),
  reason: t.exposeString('reason', { nullable: true, description: 'Why.' }),
}));
const DeliveryUpdateEvent = eventType('DeliveryUpdateEvent', 'DELIVERY', 'The email provider reported on a sent email: delivered, opened, clicked, bounced, spam complaint or unsubscribe.', (t) => ({
  email: messageField(t, 'The email concerned.'),
  kind: t.field({ type: DeliveryEventKindEnum, description: 'What happened.', resolve: (e) => e.kind }),
  leadBlocked: t.exposeBoolean('leadBlocked', { description: 'True when this made the lead do-not-contact.' }),
  link: t.exposeString('link', { nullable: true, description: 'CLICKED: the link.' }),
  detail: t.exposeString('detail', { nullable: true, description: "BOUNCED: the provider's bounce type; UNSUBSCRIBED: its reason." }),
}));
const SuggestedActionResolvedEvent = eventType('SuggestedActionResolvedEvent', 'SUGGESTED_ACTION_RESOLVED', "A person answered a conversation's suggested action.", (t) => ({
  action: t.exposeString('action', { description: 'The action, e.g. MARK_DO_NOT_CONTACT.' }),
  decision: t.field({ type: SuggestedActionDecisionEnum, description: 'CONFIRM (carried out) or DISMISS.', resolve: (e) => e.decision }),
}));
const LeadDoNotContactEvent = eventType('LeadDoNotContactEvent', 'LEAD_DO_NOT_CONTACT', "A conversation's lead became do-not-contact (an explicit unsubscribe, or a confirmed suggestion).", (t) => ({
  reason: t.exposeString('reason', { nullable: true, description: 'Why (always given; nullable as `reason` is on the other events).' }),
}));
const SnoozedEvent = eventType('SnoozedEvent', 'SNOOZED', 'A conversation was snoozed (by a person, or automatically by an away notice).', (t) => ({
  until: t.field({ type: 'DateTime', description: 'When it wakes.', resolve: (e) => new Date(e.until) }),
  // Not `reason`: that is a String on other events, and one name with two types would make union selections invalid.
  snoozeReason: t.field({ type: SnoozeReasonEnum, description: 'MANUAL, or OUT_OF_OFFICE when automatic.', resolve: (e) => e.reason }),
}));
const UnsnoozedEvent = eventType('UnsnoozedEvent', 'UNSNOOZED', 'A person brought a snoozed conversation back.', (t) => ({
  status: statusField(t, 'The status it is back in.'),
}));
const WokeEvent = eventType('WokeEvent', 'WOKE', 'A snoozed conversation woke: its time came, or the lead replied.', (t) => ({
  status: statusField(t, 'The status it is back in.'),
  cause: t.field({ type: WakeCauseEnum, description: 'TIME or REPLY.', resolve: (e) => e.cause }),
}));

const stateChangeEvents = [
  ArchivedEvent, UnarchivedEvent, OutcomeSetEvent, SuggestionRejectedEvent, SuggestionSupersededEvent, SuggestionWithdrawnEvent,
  DeliveryUpdateEvent, SuggestedActionResolvedEvent, LeadDoNotContactEvent, SnoozedEvent, UnsnoozedEvent, WokeEvent,
] as const;
const STATE_CHANGE_TYPES: ConversationEventType[] = [
  'ARCHIVED', 'UNARCHIVED', 'OUTCOME_SET', 'SUGGESTION_REJECTED', 'SUGGESTION_SUPERSEDED', 'SUGGESTION_WITHDRAWN',
  'DELIVERY', 'SUGGESTED_ACTION_RESOLVED', 'LEAD_DO_NOT_CONTACT', 'SNOOZED', 'UNSNOOZED', 'WOKE',
];
// ---- end of part B's event types ----

// ---- Issue 19: merge and split (a subscription filtered to either conversation gets them). ----
const ConversationMergedEvent = eventType(
  'ConversationMergedEvent',
  'CONVERSATION_MERGED',
  'A conversation was merged into another: `conversation` is the target, which now holds its messages; the source is gone ' +
    '(node(id) of it answers the target). A client showing the source drops it and refetches the target.',
  (t) => ({
    sourceConversationId: t.id({ description: "The merged conversation's global ID (no longer a conversation of its own).", resolve: (e) => encodeParleyId('Conversation', e.sourceId) }),
    messagesMoved: t.exposeInt('messagesMoved', { description: 'How many emails moved into the target.' }),
  }),
);
const MessageMovedEvent = eventType(
  'MessageMovedEvent',
  'MESSAGE_MOVED',
  'An email was moved to another conversation, or split into a new one: `conversation` is where it is now. Refetch both.',
  (t) => ({
    email: messageField(t, 'The email moved.'),
    fromConversation: t.prismaField({
      type: 'Conversation',
      nullable: true,
      description: 'The conversation it left, as it is now (null if that no longer exists).',
      resolve: (query, event, _args, ctx) => {
        const selection = readQuery(query);
        return loadForEvent(event as unknown as ConversationEvent, ctx, `conversation:${event.fromConversationId}`, selection, () =>
          dbOf(ctx).conversation.findUnique({ ...selection, where: { id: event.fromConversationId } }),
        );
      },
    }),
    fromConversationId: t.id({ description: "The global ID of the conversation it left.", resolve: (e) => encodeParleyId('Conversation', e.fromConversationId) }),
    split: t.exposeBoolean('split', { description: 'True when it was split into a new conversation of its own.' }),
  }),
);
const THREAD_CHANGE_TYPES: ConversationEventType[] = ['CONVERSATION_MERGED', 'MESSAGE_MOVED'];
// ---- end of issue 19's conversation events ----

// The email concerned is `email` on every event: `message` is ConversationErrorEvent's text,
// and one name with two types would make union selections invalid.
const ConversationEventUnion = builder.unionType('ConversationEvent', {
  description: 'Any of the live conversation events.',
  types: [NewReplyEvent, AIReadyEvent, SentEvent, ConversationErrorEvent, ...INBOX_EVENT_TYPES, ...stateChangeEvents, ConversationMergedEvent, MessageMovedEvent],
});

/**
 * The viewer's account events of the given types, for one conversation or all. Authorization
 * happens here, when the subscription is created: a conversation outside the viewer's account
 * is NOT_FOUND before any event flows.
 */
async function subscribeToEvents(
  ctx: GraphQLContext,
  types: ConversationEventType[],
  conversationId: string | undefined,
  since?: string | null,
): Promise<AsyncIterable<ConversationEvent>> {
  if (conversationId) {
    const exists = await dbOf(ctx).conversation.findUnique({ where: { id: conversationId }, select: { id: true } });
    if (!exists) throw new NotFoundError('Conversation', conversationId);
  }
  const live = servicesOf(ctx).events.subscribe(ctx.viewer.accountId);
  let source: AsyncIterable<ConversationEvent> = live;
  if (since != null) {
    // A bad or expired cursor is a typed error now, before any event flows.
    const { after } = await checkEventCursor(domainOf(ctx), { since });
    source = replayThenLive(live, after, (from, limit) => readEventLog(domainOf(ctx), { after: from, limit, types, conversationId }), {
      heldBackLimit: REPLAY_HELD_BACK_LIMIT,
    });
  }
  // Each event is delivered only while the credential still holds (revoked, expired, demoted
  // or removed: the stream ends, and a WebSocket connection closes with 4403).
  return whileCredentialHolds(
    pipe(
      source,
      filter((e: ConversationEvent) => types.includes(e.type) && (!conversationId || eventConcerns(e, conversationId)) && reachesViewer(e, ctx)),
    ),
    ctx.credential,
    servicesOf(ctx).config.auth.recheckIntervalMs,
  );
}

builder.subscriptionType({ description: 'Live events of your account, over WebSocket (graphql-ws) or SSE.' });

const CORE_TYPES: ConversationEventType[] = ['NEW_REPLY', 'AI_READY', 'SENT', 'ERROR'];
/** Live events one replaying subscriber may receive while it replays, before it is cut off. */
const REPLAY_HELD_BACK_LIMIT = 10_000;

const conversationIdArg = (t: Parameters<Parameters<typeof builder.subscriptionField>[1]>[0]) =>
  t.arg.globalID({ description: 'Only events of this conversation (its global ID).' });

const fields = [
  ['newReply', NewReplyEvent, ['NEW_REPLY'], 'A lead replied.'],
  ['aiReady', AIReadyEvent, ['AI_READY'], 'An AI draft is ready for review.'],
  ['sent', SentEvent, ['SENT'], 'An email was sent.'],
  ['conversationError', ConversationErrorEvent, ['ERROR'], 'Something failed for a conversation.'],
] as const;

for (const [name, type, types, description] of fields) {
  builder.subscriptionField(name, (t) =>
    t.field({
      type: type as unknown as typeof ConversationEventUnion,
      description,
      args: { conversationId: conversationIdArg(t) },
      subscribe: (_root, args, ctx) =>
        subscribeToEvents(ctx, [...types], args.conversationId ? idOfType(args.conversationId, 'Conversation', ['conversationId']) : undefined),
      resolve: (event) => event as never,
    }),
  );
}

builder.subscriptionField('conversationEvents', (t) =>
  t.field({
    type: ConversationEventUnion,
    description:
      'Every event of your account (or of one conversation), in one stream: replies, drafts, sends, errors, every state ' +
      'change, and the team inbox events (assigned, labels, priority, your read state, notes, your mentions). With `since` (the `cursor` of the last event you received), first every event after it from the event ' +
      'log, in order, then live ones, with no gap and no duplicate. A `since` older than the log keeps (EVENT_LOG_RETENTION_HOURS) ' +
      'is a CURSOR_EXPIRED error: refetch, then subscribe without it.',
    args: {
      conversationId: conversationIdArg(t),
      since: t.arg.string({ description: 'Replay from after this event cursor (an event\'s `cursor`), then go live.' }),
    },
    subscribe: (_root, args, ctx) =>
      subscribeToEvents(
        ctx,
        [...CORE_TYPES, ...INBOX_EVENT_KINDS, ...STATE_CHANGE_TYPES, ...THREAD_CHANGE_TYPES],
        args.conversationId ? idOfType(args.conversationId, 'Conversation', ['conversationId']) : undefined,
        args.since,
      ),
    resolve: (event) => event as ThreadEvent,
  }),
);

// ---- Issue 19: account-level events (a lead created or updated), which have no conversation. ----
const LeadEventViaEnum = builder.enumType('LeadEventVia', {
  description: 'How a lead was created or changed.',
  values: {
    API: { description: 'By a person or an API key (createLead, updateLead).' },
    IMPORT: { description: 'By importLeads.' },
    INBOUND_EMAIL: { description: 'By a first email from an address the account did not know.' },
  } as const,
});
const leadEventFields = <T extends EventOf<'LEAD_CREATED' | 'LEAD_UPDATED'>>(t: PothosObjectFieldBuilder<T>) => ({
  lead: t.prismaField({
    type: 'Lead',
    nullable: true,
    description: 'The lead, as it is now (null once erased).',
    resolve: (query, event, _args, ctx) => {
      const selection = readQuery(query);
      return loadForEvent(event as ConversationEvent, ctx, `lead:${event.leadId}`, selection, () =>
        dbOf(ctx).lead.findUnique({ ...selection, where: { id: event.leadId } }),
      );
    },
  }),
  leadId: t.id({ description: "The lead's global ID.", resolve: (e) => encodeParleyId('Lead', e.leadId) }),
  via: t.field({ type: LeadEventViaEnum, description: 'How.', resolve: (e) => e.via }),
  at: t.field({ type: 'DateTime', description: 'When it happened.', resolve: (e) => new Date(e.at) }),
  cursor: t.string({
    resolve: (e) => e.cursor,
    description: "The event's position in your account's event log (the same log as conversationEvents' cursors).",
  }),
});
const LeadCreatedEvent = builder.objectRef<EventOf<'LEAD_CREATED'>>('LeadCreatedEvent').implement({
  description: 'A lead was created: by a person, an import, or a first email from a stranger.',
  isTypeOf: (event) => (event as ConversationEvent).type === 'LEAD_CREATED',
  fields: (t) => leadEventFields(t),
});
const LeadUpdatedEvent = builder.objectRef<EventOf<'LEAD_UPDATED'>>('LeadUpdatedEvent').implement({
  description: "A lead's details changed: by a person or an import.",
  isTypeOf: (event) => (event as ConversationEvent).type === 'LEAD_UPDATED',
  fields: (t) => leadEventFields(t),
});
const LeadEventUnion = builder.unionType('LeadEvent', {
  description: 'An account-level lead event (it belongs to no conversation).',
  types: [LeadCreatedEvent, LeadUpdatedEvent],
});

builder.subscriptionField('leadEvents', (t) =>
  t.field({
    type: LeadEventUnion,
    description:
      'Leads created or updated in your account (account-level events: conversationEvents does not carry them). With `since` (a ' +
      '`cursor` of any event of your account), first every lead event after it from the event log, then live ones.',
    args: { since: t.arg.string({ description: "Replay from after this event cursor, then go live." }) },
    subscribe: (_root, args, ctx) => subscribeToEvents(ctx, ['LEAD_CREATED', 'LEAD_UPDATED'], undefined, args.since),
    resolve: (event) => event as EventOf<'LEAD_CREATED' | 'LEAD_UPDATED'>,
  }),
);
