import { z } from 'zod';
import { conversationOrderBy, conversationWhere, type AssigneeCondition, type FilterViewer } from './conversation-filter.js';
import { MAX_LABELS_PER_CONVERSATION } from '../domain/inbox/index.js';
import { LabelRef } from './inbox-types.js';
import { ARCHIVE_REASON_MAX, archiveConversation, mergeConversations, moveMessage, resolveConversationId, unarchiveConversation } from '../domain/conversations/index.js';
import { EmailDeliveryError, InvalidStateError, RateLimitedError } from '../domain/errors.js';
import { sendReply } from '../domain/sending/index.js';
import { idempotencyKeySchema } from '../domain/sending/index.js';
import { emailContentInputFields } from './send-fields.js';
import { baseMutationErrors } from './errors.js';
import { builder, mergedConversationIdSql } from './builder.js';
import { decodeParleyId, encodeParleyId, idOfType } from './ids.js';
import { readQuery } from './optional-row.js';
import { ConversationStatusEnum, IntentEnum, OrderDirectionEnum, PriorityEnum } from './enums.js';
import { AISuggestionNode } from './suggestion.js';
import { domainOf, dbOf, servicesOf } from '../graphql-context.js';
import { compiledSql } from '../compiled-read/annotations.js';
import { conversationPayloadField } from './conversation-payload.js';

// At most one PENDING suggestion exists per conversation (a partial unique index), so this
// nested `take` reads at most one row per conversation.
const pendingSuggestionQuery = { where: { status: 'PENDING' as const }, take: 1 };

export const ConversationNode = builder.prismaNode('Conversation', {
  id: { field: 'id' },
  // Select mode: load only the columns a query asks for (bodies, headers and JSON columns
  // are large), not whole rows.
  select: { id: true },
  // node(id) answers null, not an error, for ids that are not in the viewer's account.
  nullable: true,
  description: 'An email thread with one lead.',
  fields: (t) => ({
    subject: t.exposeString('subject', { description: 'Subject of the thread.' }),
    status: t.expose('status', { type: ConversationStatusEnum, description: 'Where the thread stands.' }),
    lead: t.relation('lead', { description: 'The lead on the other side.' }),
    lastMessageAt: t.expose('lastMessageAt', { type: 'DateTime', description: 'Time of the newest message.' }),
    lastMessage: t.relation('lastMessage', { nullable: true, description: 'The newest message.' }),
    archivedAt: t.expose('archivedAt', { type: 'DateTime', nullable: true, description: 'When it was archived.' }),
    archiveReason: t.exposeString('archiveReason', { nullable: true, description: 'Why it was archived.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the thread started.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When the thread last changed.' }),
    messages: t.relatedConnection('messages', {
      cursor: 'id',
      description: 'The emails of the thread, oldest first.',
      query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
      totalCount: true,
    }),
    suggestions: t.relatedConnection('suggestions', {
      cursor: 'id',
      description: 'Every AI draft for this thread, newest first, whatever its status.',
      query: { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] },
      totalCount: true,
    }),
    pendingSuggestion: t.field({
      type: AISuggestionNode,
      nullable: true,
      description: 'The draft waiting for review, if any.',
      select: (_args, _ctx, nestedSelection) => ({ suggestions: nestedSelection(pendingSuggestionQuery) }),
      resolve: (conversation) => conversation.suggestions[0] ?? null,
      // The same row for the compiled read path (src/compiled-read/).
      extensions: compiledSql({
        kind: 'object',
        model: 'AISuggestion',
        join: (conversation, suggestion) => `${suggestion.column('conversationId')} = ${conversation.column('id')} AND ${suggestion.column('status')} = 'PENDING'`,
      }),
    }),
    hasPendingSuggestion: t.boolean({
      description: 'True when a draft is waiting for review.',
      select: { suggestions: { ...pendingSuggestionQuery, select: { id: true } } },
      resolve: (conversation) => conversation.suggestions.length > 0,
      extensions: compiledSql({
        kind: 'scalar',
        value: (conversation) => `EXISTS (SELECT 1 FROM ai_suggestions s WHERE s.conversation_id = ${conversation.column('id')} AND s.status = 'PENDING')`,
      }),
    }),
    // Team inbox (issue 18, part A)
    unread: t.boolean({
      description:
        'True when the lead wrote since you last marked this read (markConversationsRead); a new reply makes it unread ' +
        'for everyone. Read state is per person: for an API key, true when no one on the team has read the newest reply.',
      select: (_args, ctx) => ({
        lastInboundMessageId: true,
        currentReads: { where: ctx.viewer.userId ? { userId: ctx.viewer.userId } : {}, select: { userId: true }, take: 1 },
      }),
      resolve: (conversation) => conversation.lastInboundMessageId !== null && conversation.currentReads.length === 0,
    }),
    assignee: t.relation('assignee', { nullable: true, description: 'The person who owns it; null while unassigned.' }),
    priority: t.expose('priority', { type: PriorityEnum, description: 'How urgently it needs a person.' }),
    intent: t.expose('intent', {
      type: IntentEnum,
      nullable: true,
      description: "What the lead's newest analysed reply is trying to do; null before any reply was analysed.",
    }),
    labels: t.field({
      type: [LabelRef],
      description: 'Its labels, by name.',
      select: (_args, _ctx, nestedSelection) => ({
        labels: { select: { label: nestedSelection() }, orderBy: { label: { name: 'asc' } } },
      }),
      resolve: (conversation) => conversation.labels.map((l) => l.label),
    }),
    notes: t.relatedConnection('notes', {
      cursor: 'id',
      description: "The team's internal notes, oldest first. Never sent to the lead nor shown to the AI.",
      query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
      totalCount: true,
    }),
  }),
});

const ConversationFilter = builder.inputType('ConversationFilter', {
  description: 'Narrow the conversation list. Conditions combine with AND.',
  fields: (t) => ({
    status: t.field({
      type: [ConversationStatusEnum],
      description: 'Only conversations in one of these statuses.',
    }),
    leadId: t.globalID({ description: "Only this lead's conversations (a Lead's global ID)." }),
    hasPendingSuggestion: t.boolean({ description: 'Only those with (true) or without (false) a draft waiting for review.' }),
    snoozed: t.boolean({
      description: 'true: only SNOOZED conversations; false or absent: none (they are hidden by default unless `status` names SNOOZED).',
    }),
    search: t.string({
      description: 'Case-insensitive text to find in the subject, lead name, lead email or any message text.',
      validate: z.string().trim().min(1, { message: 'must not be empty' }).max(200, { message: 'must be at most 200 characters' }),
    }),
    // Team inbox (issue 18, part A)
    unread: t.boolean({ description: 'Only those unread (true) or read (false) by you; see Conversation.unread.' }),
    assignee: t.string({
      description: 'Only those assigned to "ME", "UNASSIGNED" ones, or those of one user (a User\'s global ID).',
      validate: z.string().max(200, { message: 'must be at most 200 characters' }),
    }),
    labelIds: t.globalIDList({
      description: `Only those carrying every one of these labels (Label global IDs, at most ${MAX_LABELS_PER_CONVERSATION}).`,
      validate: z.array(z.any()).max(MAX_LABELS_PER_CONVERSATION, { message: `must name at most ${MAX_LABELS_PER_CONVERSATION} labels` }),
    }),
    priority: t.field({ type: [PriorityEnum], description: 'Only those with one of these priorities.' }),
    intent: t.field({ type: [IntentEnum], description: "Only those whose newest analysed reply has one of these intents." }),
    lastMessageAfter: t.field({ type: 'DateTime', description: 'Only those whose newest message is at or after this time.' }),
    lastMessageBefore: t.field({ type: 'DateTime', description: 'Only those whose newest message is before this time.' }),
  }),
});

/** The assignee filter's text: "ME", "UNASSIGNED" or a User's global ID (else VALIDATION_FAILED). */
function assigneeCondition(value: string | null | undefined): AssigneeCondition | null {
  if (value == null) return null;
  if (value === 'ME' || value === 'UNASSIGNED') return { kind: value };
  return { kind: 'USER', userId: idOfType(decodeParleyId(value), 'User', ['filter', 'assignee']) };
}

const ConversationOrderField = builder.enumType('ConversationOrderField', {
  description: 'What to sort conversations by.',
  values: {
    LAST_MESSAGE_AT: { description: 'Time of the newest message.' },
    CREATED_AT: { description: 'When the conversation started.' },
    PRIORITY: { description: 'Priority (URGENT highest), then time of the newest message.' },
  } as const,
});

const ConversationOrder = builder.inputType('ConversationOrder', {
  description: 'Sort order for conversations; ties break on id in the same direction.',
  fields: (t) => ({
    field: t.field({ type: ConversationOrderField, required: true, defaultValue: 'LAST_MESSAGE_AT', description: 'Sort key.' }),
    direction: t.field({ type: OrderDirectionEnum, required: true, defaultValue: 'desc', description: 'Sort direction.' }),
  }),
});

/** The list's filter as a where clause; the lead's id is checked here, for the page and the count alike. */
const filterWhere = (filter: (typeof ConversationFilter)['$inferInput'] | null | undefined, viewer: FilterViewer) =>
  conversationWhere(
    filter && {
      ...filter,
      leadId: filter.leadId && idOfType(filter.leadId, 'Lead', ['filter', 'leadId']),
      assignee: assigneeCondition(filter.assignee),
      labelIds: filter.labelIds?.map((id, i) => idOfType(id, 'Label', ['filter', 'labelIds', String(i)])),
    },
    viewer,
  );

builder.queryFields((t) => ({
  conversations: t.prismaConnection({
    type: 'Conversation',
    cursor: 'id',
    description: 'Your conversations, filtered and sorted; most recent activity first by default.',
    args: {
      filter: t.arg({ type: ConversationFilter, description: 'Which conversations to list.' }),
      orderBy: t.arg({ type: ConversationOrder, description: 'Sort order (default: LAST_MESSAGE_AT DESC).' }),
    },
    totalCount: (_parent, args, ctx) => dbOf(ctx).conversation.count({ where: filterWhere(args.filter, ctx.viewer) }),
    // The compiled read path (src/compiled-read/) applies the same where and order. Its arguments
    // come undecoded (global ids as strings): idOfType then throws and the resolvers answer.
    extensions: compiledSql({
      kind: 'rootConnection',
      model: 'Conversation',
      where: (args, viewer) => filterWhere(args.filter as Parameters<typeof filterWhere>[0], viewer) as Record<string, unknown>,
      orderBy: (args) => {
        const order = args.orderBy as { field?: Parameters<typeof conversationOrderBy>[0]; direction?: Parameters<typeof conversationOrderBy>[1] } | null | undefined;
        return conversationOrderBy(order?.field, order?.direction);
      },
    }),
    resolve: (query, _parent, args, ctx) =>
      dbOf(ctx).conversation.findMany({
        ...query,
        // One SQL statement for the page with its lead, last message and pending draft
        // (lateral joins), instead of one more round trip per relation.
        relationLoadStrategy: 'join',
        where: filterWhere(args.filter, ctx.viewer),
        orderBy: conversationOrderBy(args.orderBy?.field, args.orderBy?.direction),
      }),
  }),
  conversation: t.prismaField({
    type: 'Conversation',
    nullable: true,
    description:
      'One conversation by its global ID; null when it is not in your account (as node(id) answers). ' +
      'A malformed id, or the id of another type, is a VALIDATION_FAILED error.',
    args: { id: t.arg.globalID({ required: true, description: 'Global ID of the conversation (of a merged one: the conversation it joined is returned).' }) },
    resolve: async (query, _parent, args, ctx) => {
      const id = await resolveConversationId(domainOf(ctx), { conversationId: idOfType(args.id, 'Conversation', ['id']) });
      return id ? dbOf(ctx).conversation.findUnique({ ...query, where: { id } }) : null;
    },
    // The compiled read path: the same id, a merged one redirected as resolveConversationId does.
    extensions: compiledSql({
      kind: 'rootUnique',
      model: 'Conversation',
      id: (args) => idOfType(decodeParleyId(String(args.id)), 'Conversation', ['id']),
      idSql: mergedConversationIdSql,
    }),
  }),
}));

// Mutations follow one pattern (plugin-relay input/payload, plugin-errors typed results):
//   name(input: NameInput!): NameResult   union NameResult = NamePayload | SomeError | ...
// A resolver decodes the input and calls one domain function; the payload returns every
// object the mutation changed, so clients update their cache without a second request.
const reasonField = z
  .string()
  .trim()
  .max(ARCHIVE_REASON_MAX, { message: `must be at most ${ARCHIVE_REASON_MAX} characters` });


builder.relayMutationField(
  'archiveConversation',
  {
    description: 'Input of archiveConversation.',
    inputFields: (t) => ({
      conversationId: t.globalID({ required: true, description: 'Global ID of the Conversation to archive.' }),
      reason: t.string({ description: 'Why it is finished, for the record.', validate: reasonField }),
    }),
  },
  {
    description:
      'Finish a conversation: it leaves the inbox and takes no replies until unarchived. A draft waiting for review ' +
      'is WITHDRAWN (unarchiving does not bring it back; regenerateSuggestion drafts anew).',
    errors: { types: [...baseMutationErrors, InvalidStateError], directResult: true },
    resolve: (_root, { input }, ctx) =>
      archiveConversation(domainOf(ctx), {
        conversationId: idOfType(input.conversationId, 'Conversation', ['input', 'conversationId']),
        reason: input.reason,
      }),
  },
  {
    description: 'Result of archiveConversation.',
    outputFields: (t) => ({
      conversation: conversationPayloadField(t),
      withdrawnSuggestion: t.prismaField({
        type: 'AISuggestion',
        nullable: true,
        description: 'The draft that was waiting for review, now WITHDRAWN; null when none was.',
        resolve: (query, p, _args, ctx) => {
          const selection = readQuery(query);
          return p.withdrawnSuggestionId ? dbOf(ctx).aISuggestion.findUnique({ ...selection, where: { id: p.withdrawnSuggestionId } }) : null;
        },
      }),
    }),
  },
);

builder.relayMutationField(
  'unarchiveConversation',
  {
    description: 'Input of unarchiveConversation.',
    inputFields: (t) => ({
      conversationId: t.globalID({ required: true, description: 'Global ID of the Conversation to reopen.' }),
    }),
  },
  {
    description:
      'Reopen an archived conversation, in the status its messages and drafts imply. A draft withdrawn when it was ' +
      'archived stays WITHDRAWN: regenerateSuggestion drafts a new one.',
    errors: { types: [...baseMutationErrors, InvalidStateError], directResult: true },
    resolve: (_root, { input }, ctx) =>
      unarchiveConversation(domainOf(ctx), { conversationId: idOfType(input.conversationId, 'Conversation', ['input', 'conversationId']) }),
  },
  {
    description: 'Result of unarchiveConversation.',
    outputFields: (t) => ({
      conversation: conversationPayloadField(t),
    }),
  },
);

builder.relayMutationField(
  'sendReply',
  {
    description: 'Input of sendReply.',
    inputFields: (t) => ({
      conversationId: t.globalID({ required: true, description: 'Global ID of the Conversation to answer.' }),
      ...emailContentInputFields(t, "the conversation's lead"),
      idempotencyKey: t.string({
        description:
          'Any unique string (a UUID) chosen by the client for this reply. Sending the same request again with the ' +
          'same key returns the first result instead of sending a second email: safe retries and double clicks.',
        validate: idempotencyKeySchema,
      }),
    }),
  },
  {
    description:
      "Send a reply a person wrote, threaded in the lead's mail client, after the account's undo window (or at sendAt). A draft still waiting for review is rejected " +
      'as replaced when it goes. Archived conversations and do-not-contact leads get no email.',
    errors: { types: [...baseMutationErrors, InvalidStateError, EmailDeliveryError, RateLimitedError], directResult: true },
    resolve: async (_root, { input }, ctx) => {
      // Counted per call: aliases in one request and WebSocket operations count too.
      await servicesOf(ctx).rateLimits.consume('sendReply', ctx.viewer.actor);
      return sendReply(domainOf(ctx), {
        conversationId: idOfType(input.conversationId, 'Conversation', ['input', 'conversationId']),
        subject: input.subject,
        body: input.body,
        bodyHtml: input.bodyHtml,
        templateId: input.templateId && idOfType(input.templateId, 'EmailTemplate', ['input', 'templateId']),
        idempotencyKey: input.idempotencyKey,
        sendAt: input.sendAt,
      });
    },
  },
  {
    description: 'Result of sendReply.',
    outputFields: (t) => ({
      scheduledFor: t.field({
        type: 'DateTime',
        nullable: true,
        description: 'When the QUEUED email goes (the undo window, or sendAt); cancelScheduledSend takes it back until then. Null: it was sent at once.',
        resolve: (p) => p.scheduledFor,
      }),
      // Not `message`: that would clash with Error.message when a client selects both in the union.
      reply: t.prismaField({
        type: 'ConversationMessage',
        description: 'The email: SENT, or QUEUED while the provider has not confirmed it yet (it is then confirmed or sent automatically).',
        resolve: (query, p, _args, ctx) => dbOf(ctx).conversationMessage.findUniqueOrThrow({ ...query, where: { id: p.messageId } }),
      }),
      conversation: conversationPayloadField(t),
    }),
  },
);

builder.relayMutationField(
  'mergeConversations',
  {
    description: 'Input of mergeConversations.',
    inputFields: (t) => ({
      sourceId: t.globalID({ required: true, description: 'Global ID of the conversation merged away (its messages move).' }),
      targetId: t.globalID({ required: true, description: 'Global ID of the conversation that receives them.' }),
    }),
  },
  {
    description:
      "Merge one conversation into another of your account (a reply that started a second thread): the source's messages, drafts and analyses move into the target, the target's lead stays the thread's lead, and the source's id and reply address lead to the target from then on (node(id) and conversation(id) answer the target; replies to the source's address land in it). When both have a pending draft, the target's stays. Refused while an email of either is still being sent.",
    errors: { types: [...baseMutationErrors, InvalidStateError], directResult: true },
    resolve: (_r, { input }, ctx) =>
      mergeConversations(domainOf(ctx), {
        sourceId: idOfType(input.sourceId, 'Conversation', ['input', 'sourceId']),
        targetId: idOfType(input.targetId, 'Conversation', ['input', 'targetId']),
      }),
  },
  {
    description: 'Result of mergeConversations.',
    outputFields: (t) => ({
      conversation: t.prismaField({
        type: 'Conversation',
        description: 'The target, with the merged messages.',
        resolve: (query, p, _args, ctx) => dbOf(ctx).conversation.findUniqueOrThrow({ ...query, where: { id: p.targetId } }),
      }),
      mergedConversationId: t.id({ description: 'The global ID the source had (it now leads to the target).', resolve: (p) => encodeParleyId('Conversation', p.sourceId) }),
    }),
  },
);

builder.relayMutationField(
  'moveMessage',
  {
    description: 'Input of moveMessage.',
    inputFields: (t) => ({
      messageId: t.globalID({ required: true, description: 'Global ID of the ConversationMessage to move.' }),
      toConversationId: t.globalID({ description: 'Global ID of the conversation to move it to; null or absent: a new conversation of its own (a split).' }),
    }),
  },
  {
    description:
      'Move one email to another conversation of your account, or split it into a new conversation with the same lead (toConversationId null). Its analysis, delivery record and the drafts answering it move with it; a moved pending draft yields to the target\'s own. Refused while the email is still being sent.',
    errors: { types: [...baseMutationErrors, InvalidStateError], directResult: true },
    resolve: (_r, { input }, ctx) =>
      moveMessage(domainOf(ctx), {
        messageId: idOfType(input.messageId, 'ConversationMessage', ['input', 'messageId']),
        toConversationId: input.toConversationId ? idOfType(input.toConversationId, 'Conversation', ['input', 'toConversationId']) : null,
      }),
  },
  {
    description: 'Result of moveMessage.',
    outputFields: (t) => ({
      movedMessage: t.prismaField({
        type: 'ConversationMessage',
        description: 'The message, in its new conversation.',
        resolve: (query, p, _args, ctx) => dbOf(ctx).conversationMessage.findUniqueOrThrow({ ...query, where: { id: p.messageId } }),
      }),
      conversation: conversationPayloadField(t, 'The conversation it is in now (new, for a split).'),
      fromConversation: t.prismaField({
        type: 'Conversation',
        description: 'The conversation it left.',
        resolve: (query, p, _args, ctx) => dbOf(ctx).conversation.findUniqueOrThrow({ ...query, where: { id: p.fromConversationId } }),
      }),
    }),
  },
);
