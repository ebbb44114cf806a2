// Live events: newReply, aiReady, sent, conversationError, and conversationEvents (all four).
// Each event names what changed and resolves the conversation (and message or draft) to its
// current state through the viewer's account-scoped client; clients re-query the rest.
// Every subscriber of an account receives the same event object, so the rows an event carries
// are loaded once per event, account and selection (eventRows), not once per subscriber: at
// 1,000 subscribers one query each per event starved the database and cut everyone off.
import { filter, pipe } from 'graphql-yoga';
import { whileCredentialHolds } from '../auth/live-credential.js';
import { type GraphQLContext, dbOf, servicesOf } from '../graphql-context.js';
import { NotFoundError } from '../domain/errors.js';
import type { ConversationEvent, ConversationEventType } from '../events/bus.js';
import { builder } from './builder.js';
import { idOfType } from './ids.js';
import { readQuery } from './optional-row.js';
import { PriorityEnum } from './enums.js';

type EventOf<T extends ConversationEventType> = Extract<ConversationEvent, { type: T }>;

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

const eventFields = <T extends ConversationEvent>(t: PothosObjectFieldBuilder<T>) => ({
  conversation: t.prismaField({
    type: 'Conversation',
    description: 'The conversation, as it is now.',
    resolve: (query, event, _args, ctx) =>
      loadForEvent(event, ctx, `conversation:${event.conversationId}`, query, () =>
        dbOf(ctx).conversation.findUniqueOrThrow({ ...query, where: { id: event.conversationId } }),
      ),
  }),
  at: t.field({ type: 'DateTime', description: 'When it happened.', resolve: (event) => new Date(event.at) }),
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

// The email concerned is `email` on every event: `message` is ConversationErrorEvent's text,
// and one name with two types would make union selections invalid.
const ConversationEventUnion = builder.unionType('ConversationEvent', {
  description: 'Any of the live conversation events.',
  types: [NewReplyEvent, AIReadyEvent, SentEvent, ConversationErrorEvent, ...INBOX_EVENT_TYPES],
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
): Promise<AsyncIterable<ConversationEvent>> {
  if (conversationId) {
    const exists = await dbOf(ctx).conversation.findUnique({ where: { id: conversationId }, select: { id: true } });
    if (!exists) throw new NotFoundError('Conversation', conversationId);
  }
  // Each event is delivered only while the credential still holds (revoked, expired, demoted
  // or removed: the stream ends, and a WebSocket connection closes with 4403).
  return whileCredentialHolds(
    pipe(
      servicesOf(ctx).events.subscribe(ctx.viewer.accountId),
      filter((e: ConversationEvent) => types.includes(e.type) && (!conversationId || e.conversationId === conversationId) && reachesViewer(e, ctx)),
    ),
    ctx.credential,
    servicesOf(ctx).config.auth.recheckIntervalMs,
  );
}

builder.subscriptionType({ description: 'Live events of your account, over WebSocket (graphql-ws) or SSE.' });

const conversationIdArg = (t: Parameters<Parameters<typeof builder.subscriptionField>[1]>[0]) =>
  t.arg.globalID({ description: 'Only events of this conversation (its global ID).' });

const fields = [
  ['newReply', NewReplyEvent, ['NEW_REPLY'], 'A lead replied.'],
  ['aiReady', AIReadyEvent, ['AI_READY'], 'An AI draft is ready for review.'],
  ['sent', SentEvent, ['SENT'], 'An email was sent.'],
  ['conversationError', ConversationErrorEvent, ['ERROR'], 'Something failed for a conversation.'],
  ['conversationEvents', ConversationEventUnion, ['NEW_REPLY', 'AI_READY', 'SENT', 'ERROR', ...INBOX_EVENT_KINDS], 'All of the above and the team inbox events (assigned, labels, priority, your read state, notes, your mentions), in one stream.'],
] as const;

for (const [name, type, types, description] of fields) {
  builder.subscriptionField(name, (t) =>
    t.field({
      type: type as typeof ConversationEventUnion,
      description,
      args: { conversationId: conversationIdArg(t) },
      subscribe: (_root, args, ctx) =>
        subscribeToEvents(ctx, [...types], args.conversationId ? idOfType(args.conversationId, 'Conversation', ['conversationId']) : undefined),
      resolve: (event) => event,
    }),
  );
}
