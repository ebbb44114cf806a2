// The team inbox's API (issue 18, part A): read state, assignment, labels, priority, notes,
// the round-robin setting and bulk changes. Object types are in inbox-types.ts.
import { z } from 'zod';
import { unwrapError, wrapErrorIfMatches } from '@pothos/plugin-errors';
import { DomainError, ForbiddenError, InvalidStateError, NotFoundError, RateLimitedError, ValidationError } from '../domain/errors.js';
import {
  addNote,
  assignConversation,
  bulkUpdateConversations,
  createLabel,
  deleteLabel,
  LABEL_NAME_MAX,
  markConversationsRead,
  MAX_CONVERSATIONS_PER_CALL,
  MAX_LABELS_PER_CONVERSATION,
  NOTE_BODY_MAX,
  setConversationLabels,
  setConversationPriority,
  setInboxSettings,
  updateLabel,
  type BulkOperation,
} from '../domain/inbox/index.js';
import { dbOf, domainOf, servicesOf } from '../graphql-context.js';
import { builder } from './builder.js';
import { AutoAssignEnum, PriorityEnum } from './enums.js';
import { baseMutationErrors } from './errors.js';
import { decodeParleyId, encodeParleyId, idOfType } from './ids.js';
import { readQuery } from './optional-row.js';
import { conversationPayloadField } from './conversation-payload.js';

const idList = (max: number) => z.array(z.any()).max(max, { message: `must name at most ${max} ids` });

// ---- Read state --------------------------------------------------------------------------

builder.relayMutationField(
  'markConversationsRead',
  {
    description: 'Input of markConversationsRead.',
    inputFields: (t) => ({
      conversationIds: t.globalIDList({
        required: true,
        description: `Global IDs of the Conversations, at most ${MAX_CONVERSATIONS_PER_CALL}.`,
        validate: idList(MAX_CONVERSATIONS_PER_CALL),
      }),
      read: t.boolean({ required: true, defaultValue: true, description: 'True marks them read, false unread.' }),
    }),
  },
  {
    description:
      'Mark conversations read or unread for you (every role, viewers too); all or nothing. Read state is personal: ' +
      'others are not told, and a new reply makes a conversation unread for everyone. A conversation the lead never ' +
      'wrote in has nothing to read and stays read. API keys have no read state (InvalidStateError API_KEY).',
    skipTypeScopes: true,
    errors: { types: [...baseMutationErrors, InvalidStateError], directResult: true },
    resolve: (_root, { input }, ctx) =>
      markConversationsRead(domainOf(ctx), {
        conversationIds: input.conversationIds.map((id, i) => idOfType(id, 'Conversation', ['input', 'conversationIds', String(i)])),
        read: input.read,
      }),
  },
  {
    description: 'Result of markConversationsRead.',
    outputFields: (t) => ({
      conversations: t.prismaField({
        type: ['Conversation'],
        description: 'The conversations, as they are now, in the order given.',
        resolve: async (query, p, _args, ctx) => {
          const rows = await dbOf(ctx).conversation.findMany({ ...query, where: { id: { in: p.conversationIds } } });
          return p.conversationIds.map((id) => rows.find((r) => r.id === id)).filter((r) => r !== undefined);
        },
      }),
    }),
  },
);

// ---- Assignment --------------------------------------------------------------------------

builder.relayMutationField(
  'assignConversation',
  {
    description: 'Input of assignConversation.',
    inputFields: (t) => ({
      conversationId: t.globalID({ required: true, description: 'Global ID of the Conversation to assign.' }),
      assigneeId: t.globalID({ description: 'Global ID of the User (OWNER or AGENT of your account); null unassigns.' }),
    }),
  },
  {
    description: 'Give a conversation to one person of the team (OWNER or AGENT), or unassign it with assigneeId null.',
    errors: { types: [...baseMutationErrors, InvalidStateError], directResult: true },
    resolve: (_root, { input }, ctx) =>
      assignConversation(domainOf(ctx), {
        conversationId: idOfType(input.conversationId, 'Conversation', ['input', 'conversationId']),
        assigneeId: input.assigneeId ? idOfType(input.assigneeId, 'User', ['input', 'assigneeId']) : null,
      }),
  },
  {
    description: 'Result of assignConversation.',
    outputFields: (t) => ({
      conversation: conversationPayloadField(t),
    }),
  },
);

builder.relayMutationField(
  'setInboxSettings',
  {
    description: 'Input of setInboxSettings.',
    inputFields: (t) => ({
      autoAssign: t.field({ type: AutoAssignEnum, required: true, description: 'How conversations opened by an inbound email get an assignee.' }),
    }),
  },
  {
    description: "Change your account's inbox settings (owners only).",
    authScopes: { owner: true },
    errors: { types: [...baseMutationErrors], directResult: true },
    resolve: (_root, { input }, ctx) => setInboxSettings(domainOf(ctx), { autoAssign: input.autoAssign }),
  },
  {
    description: 'Result of setInboxSettings.',
    outputFields: (t) => ({
      account: t.prismaField({
        type: 'Account',
        description: 'Your account, with its settings.',
        resolve: (query, p, _args, ctx) => dbOf(ctx).account.findUniqueOrThrow({ ...query, where: { id: p.accountId } }),
      }),
    }),
  },
);

// ---- Labels ------------------------------------------------------------------------------

const labelName = z.string().max(LABEL_NAME_MAX * 4, { message: `must be at most ${LABEL_NAME_MAX} characters` });
const labelColor = z.string().max(20, { message: 'must be a colour as #RRGGBB' });
builder.relayMutationField(
  'createLabel',
  {
    description: 'Input of createLabel.',
    inputFields: (t) => ({
      name: t.string({ required: true, description: `1 to ${LABEL_NAME_MAX} characters, unique in your account whatever the case.`, validate: labelName }),
      color: t.string({ required: true, description: 'A colour as #RRGGBB, e.g. #1f77b4.', validate: labelColor }),
    }),
  },
  {
    description: 'Define a label for conversations.',
    errors: { types: [...baseMutationErrors, InvalidStateError], directResult: true },
    resolve: (_root, { input }, ctx) => createLabel(domainOf(ctx), input),
  },
  {
    description: 'Result of createLabel.',
    outputFields: (t) => ({
      label: t.prismaField({
        type: 'Label',
        description: 'The label as it is now.',
        resolve: (query, p, _args, ctx) => dbOf(ctx).label.findUniqueOrThrow({ ...query, where: { id: p.labelId } }),
      }),
    }),
  },
);

builder.relayMutationField(
  'updateLabel',
  {
    description: 'Input of updateLabel.',
    inputFields: (t) => ({
      labelId: t.globalID({ required: true, description: 'Global ID of the Label.' }),
      name: t.string({ description: 'New name; omit to keep it.', validate: labelName }),
      color: t.string({ description: 'New colour as #RRGGBB; omit to keep it.', validate: labelColor }),
    }),
  },
  {
    description: "Rename or recolour a label; conversations keep it.",
    errors: { types: [...baseMutationErrors], directResult: true },
    resolve: (_root, { input }, ctx) =>
      updateLabel(domainOf(ctx), { labelId: idOfType(input.labelId, 'Label', ['input', 'labelId']), name: input.name, color: input.color }),
  },
  {
    description: 'Result of updateLabel.',
    outputFields: (t) => ({
      label: t.prismaField({
        type: 'Label',
        description: 'The label as it is now.',
        resolve: (query, p, _args, ctx) => dbOf(ctx).label.findUniqueOrThrow({ ...query, where: { id: p.labelId } }),
      }),
    }),
  },
);

builder.relayMutationField(
  'deleteLabel',
  {
    description: 'Input of deleteLabel.',
    inputFields: (t) => ({ labelId: t.globalID({ required: true, description: 'Global ID of the Label.' }) }),
  },
  {
    description: 'Delete a label; it comes off every conversation (no per-conversation event: refresh labels from this payload).',
    errors: { types: [...baseMutationErrors], directResult: true },
    resolve: (_root, { input }, ctx) => deleteLabel(domainOf(ctx), { labelId: idOfType(input.labelId, 'Label', ['input', 'labelId']) }),
  },
  {
    description: 'Result of deleteLabel.',
    outputFields: (t) => ({
      deletedLabelId: t.id({ description: 'The global ID the deleted label had.', resolve: (p) => encodeParleyId('Label', p.labelId) }),
    }),
  },
);

builder.relayMutationField(
  'setConversationLabels',
  {
    description: 'Input of setConversationLabels.',
    inputFields: (t) => ({
      conversationId: t.globalID({ required: true, description: 'Global ID of the Conversation.' }),
      labelIds: t.globalIDList({
        required: true,
        description: `Global IDs of every Label it should carry (at most ${MAX_LABELS_PER_CONVERSATION}); [] removes all.`,
        validate: idList(MAX_LABELS_PER_CONVERSATION),
      }),
    }),
  },
  {
    description: 'Set the labels of a conversation: afterwards it carries exactly these.',
    errors: { types: [...baseMutationErrors, InvalidStateError], directResult: true },
    resolve: (_root, { input }, ctx) =>
      setConversationLabels(domainOf(ctx), {
        conversationId: idOfType(input.conversationId, 'Conversation', ['input', 'conversationId']),
        labelIds: input.labelIds.map((id, i) => idOfType(id, 'Label', ['input', 'labelIds', String(i)])),
      }),
  },
  {
    description: 'Result of setConversationLabels.',
    outputFields: (t) => ({
      conversation: conversationPayloadField(t),
    }),
  },
);

// ---- Priority ----------------------------------------------------------------------------

builder.relayMutationField(
  'setConversationPriority',
  {
    description: 'Input of setConversationPriority.',
    inputFields: (t) => ({
      conversationId: t.globalID({ required: true, description: 'Global ID of the Conversation.' }),
      priority: t.field({ type: PriorityEnum, required: true, description: 'Its new priority.' }),
    }),
  },
  {
    description: "Set a conversation's priority. From then on the analyser's urgency no longer changes it.",
    errors: { types: [...baseMutationErrors, InvalidStateError], directResult: true },
    resolve: (_root, { input }, ctx) =>
      setConversationPriority(domainOf(ctx), {
        conversationId: idOfType(input.conversationId, 'Conversation', ['input', 'conversationId']),
        priority: input.priority,
      }),
  },
  {
    description: 'Result of setConversationPriority.',
    outputFields: (t) => ({
      conversation: conversationPayloadField(t),
    }),
  },
);

// ---- Notes -------------------------------------------------------------------------------

builder.relayMutationField(
  'addNote',
  {
    description: 'Input of addNote.',
    inputFields: (t) => ({
      conversationId: t.globalID({ required: true, description: 'Global ID of the Conversation.' }),
      body: t.string({
        required: true,
        description: `Plain text, 1 to ${NOTE_BODY_MAX} characters. "@someone@example.com" mentions a user of your account, who is notified.`,
        validate: z.string().max(NOTE_BODY_MAX * 2, { message: `must be at most ${NOTE_BODY_MAX} characters` }),
      }),
    }),
  },
  {
    description: 'Add an internal note to a conversation, for the team only: never sent to the lead nor shown to the AI.',
    errors: { types: [...baseMutationErrors], directResult: true },
    resolve: (_root, { input }, ctx) =>
      addNote(domainOf(ctx), { conversationId: idOfType(input.conversationId, 'Conversation', ['input', 'conversationId']), body: input.body }),
  },
  {
    description: 'Result of addNote.',
    outputFields: (t) => ({
      note: t.prismaField({
        type: 'Note',
        description: 'The note.',
        resolve: (query, p, _args, ctx) => dbOf(ctx).note.findUniqueOrThrow({ ...query, where: { id: p.noteId } }),
      }),
      mentioned: t.prismaField({
        type: ['User'],
        description: 'The users of your account it mentions (and notified).',
        resolve: (query, p, _args, ctx) => dbOf(ctx).user.findMany({ ...query, where: { id: { in: p.mentionedUserIds } } }),
      }),
    }),
  },
);

// ---- Bulk --------------------------------------------------------------------------------

const BulkOperationKind = builder.enumType('BulkOperationKind', {
  description: 'What bulkUpdateConversations does to each conversation.',
  values: {
    ARCHIVE: { description: 'archiveConversation.' },
    UNARCHIVE: { description: 'unarchiveConversation.' },
    ASSIGN: { description: 'assignConversation to assigneeId (null unassigns).' },
    ADD_LABELS: { description: 'Add labelIds to its labels.' },
    REMOVE_LABELS: { description: 'Remove labelIds from its labels.' },
    SET_LABELS: { description: 'setConversationLabels to labelIds.' },
    MARK_READ: { description: 'Mark read for you.' },
    MARK_UNREAD: { description: 'Mark unread for you.' },
    SET_PRIORITY: { description: 'setConversationPriority to priority.' },
  } as const,
});

interface BulkItem {
  /** The global ID as given. */
  id: string;
  conversationId: string | null;
  error: DomainError | null;
}

const BULK_ITEM_ERRORS = [NotFoundError, InvalidStateError, ForbiddenError, RateLimitedError, ValidationError] as const;

const BulkItemErrorUnion = builder.unionType('BulkItemError', {
  description: 'Why one conversation of a bulk change was not changed.',
  types: [...BULK_ITEM_ERRORS],
  resolveType: (error) => {
    // The value is wrapped as plugin-errors wraps a mutation's error (graphql-js would treat a
    // returned Error as a thrown one); unwrapped here so that instanceof sees the class.
    (error as unknown as Record<symbol, (() => void) | undefined>)[unwrapError]?.();
    // Named here, not by class name: a bundler may rename classes.
    if (error instanceof NotFoundError) return 'NotFoundError';
    if (error instanceof InvalidStateError) return 'InvalidStateError';
    if (error instanceof ForbiddenError) return 'ForbiddenError';
    if (error instanceof RateLimitedError) return 'RateLimitedError';
    return 'ValidationError';
  },
});

const BulkItemResultRef = builder.objectRef<BulkItem>('BulkItemResult').implement({
  description: 'What happened to one conversation of a bulk change: done (error null) or the typed error; never half done.',
  fields: (t) => ({
    conversationId: t.id({ description: 'The Conversation global ID, as given.', resolve: (item) => item.id }),
    ok: t.boolean({ description: 'True when the change was made (or there was nothing to change).', resolve: (item) => item.error === null }),
    error: t.field({
      type: BulkItemErrorUnion,
      nullable: true,
      description: 'Why this conversation was not changed.',
      resolve: (item) => item.error && (wrapErrorIfMatches(item.error, [...BULK_ITEM_ERRORS]) as InstanceType<(typeof BULK_ITEM_ERRORS)[number]>),
    }),
    conversation: t.prismaField({
      type: 'Conversation',
      nullable: true,
      description: 'The conversation as it is now; null when it is not in your account.',
      resolve: (query, item, _args, ctx) => {
        const selection = readQuery(query);
        return item.conversationId ? dbOf(ctx).conversation.findUnique({ ...selection, where: { id: item.conversationId } }) : null;
      },
    }),
  }),
});

function operationOf(input: { operation: string; assigneeId?: { typename: string; id: string } | null; labelIds?: { typename: string; id: string }[] | null; priority?: string | null }): BulkOperation {
  const missing = (field: string) => ValidationError.fromIssues([{ path: ['input', field], message: `is required for ${input.operation}` }]);
  switch (input.operation) {
    case 'ASSIGN':
      return { kind: 'ASSIGN', assigneeId: input.assigneeId ? idOfType(input.assigneeId, 'User', ['input', 'assigneeId']) : null };
    case 'ADD_LABELS':
    case 'REMOVE_LABELS':
    case 'SET_LABELS':
      if (!input.labelIds) throw missing('labelIds');
      return { kind: input.operation, labelIds: input.labelIds.map((id, i) => idOfType(id, 'Label', ['input', 'labelIds', String(i)])) };
    case 'SET_PRIORITY':
      if (!input.priority) throw missing('priority');
      return { kind: 'SET_PRIORITY', priority: input.priority as 'LOW' };
    default:
      return { kind: input.operation as 'ARCHIVE' };
  }
}

builder.relayMutationField(
  'bulkUpdateConversations',
  {
    description: 'Input of bulkUpdateConversations.',
    inputFields: (t) => ({
      conversationIds: t.idList({
        required: true,
        description: `Global IDs of the Conversations, 1 to ${MAX_CONVERSATIONS_PER_CALL}; a malformed one fails alone.`,
        validate: z.array(z.any()).min(1, { message: 'must name at least one conversation' }).max(MAX_CONVERSATIONS_PER_CALL, {
          message: `must name at most ${MAX_CONVERSATIONS_PER_CALL} ids`,
        }),
      }),
      operation: t.field({ type: BulkOperationKind, required: true, description: 'What to do to each.' }),
      assigneeId: t.globalID({ description: 'ASSIGN: the User (null unassigns).' }),
      labelIds: t.globalIDList({ description: `ADD_LABELS, REMOVE_LABELS, SET_LABELS: the Labels (at most ${MAX_LABELS_PER_CONVERSATION}).`, validate: idList(MAX_LABELS_PER_CONVERSATION) }),
      priority: t.field({ type: PriorityEnum, description: 'SET_PRIORITY: the priority.' }),
    }),
  },
  {
    description:
      'One change over many conversations. Each conversation is changed in its own transaction, exactly as the single ' +
      'mutation would: the result lists, per id and in order, success or the typed error. Rate limited per caller.',
    errors: { types: [...baseMutationErrors, RateLimitedError], directResult: true },
    resolve: async (_root, { input }, ctx) => {
      await servicesOf(ctx).rateLimits.consume('bulkUpdateConversations', ctx.viewer.actor);
      const operation = operationOf(input);
      // Decoded one by one: a malformed id is that item's ValidationError, not the call's.
      const items: BulkItem[] = input.conversationIds.map((id, i) => {
        try {
          return { id, conversationId: idOfType(decodeParleyId(id), 'Conversation', ['input', 'conversationIds', String(i)]), error: null };
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          return { id, conversationId: null, error };
        }
      });
      const ids = items.flatMap((item) => (item.conversationId ? [item.conversationId] : []));
      const { results } = ids.length > 0 ? await bulkUpdateConversations(domainOf(ctx), { conversationIds: ids, operation }) : { results: [] };
      for (const item of items) {
        const result = results.find((r) => r.conversationId === item.conversationId);
        if (result?.error) item.error = result.error;
        if (item.error instanceof NotFoundError) item.conversationId = null;
      }
      return { items };
    },
  },
  {
    description: 'Result of bulkUpdateConversations.',
    outputFields: (t) => ({
      results: t.field({ type: [BulkItemResultRef], description: 'One result per id, in the order given.', resolve: (p) => p.items }),
      succeeded: t.int({ description: 'How many were changed (or had nothing to change).', resolve: (p) => p.items.filter((i) => !i.error).length }),
      failed: t.int({ description: 'How many were refused.', resolve: (p) => p.items.filter((i) => i.error).length }),
    }),
  },
);

// ---- Queries -----------------------------------------------------------------------------

builder.queryFields((t) => ({
  labels: t.prismaConnection({
    type: 'Label',
    cursor: 'id',
    description: "Your account's labels, by name.",
    totalCount: (_parent, _args, ctx) => dbOf(ctx).label.count(),
    resolve: (query, _parent, _args, ctx) => dbOf(ctx).label.findMany({ ...query, orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
  }),
}));

