// Similar-conversation memory: conversation outcomes, similarity search and the best replies.
import { z } from 'zod';
import { ConversationOutcome } from '../db/enums.js';
import { InvalidStateError, NotFoundError, ValidationError, VectorSearchUnavailableError } from '../domain/errors.js';
import { setConversationOutcome } from '../domain/conversations/index.js';
import {
  BEST_REPLIES_MAX,
  bestReplies,
  findSimilarConversations,
  GOOD_OUTCOMES,
  SIMILAR_DEFAULT,
  SIMILAR_MAX,
  SIMILAR_TEXT_MAX,
  type BestReply,
  type SimilarConversations,
  type SimilarMatch,
} from '../domain/suggestions/index.js';
import { builder } from './builder.js';
import { ConversationNode } from './conversation.js';
import { idOfType } from './ids.js';
import { IntentEnum } from './enums.js';
import { baseMutationErrors, ErrorInterface } from './errors.js';
import { AISuggestionNode } from './suggestion.js';
import { domainOf } from '../graphql-context.js';
import { conversationPayloadField } from './conversation-payload.js';

export const ConversationOutcomeEnum = builder.enumType(ConversationOutcome, {
  name: 'ConversationOutcome',
  description: 'How a conversation turned out, as a person recorded it.',
  values: {
    NONE: { description: 'Nothing recorded yet.' },
    REPLIED: { description: 'The lead engaged in the conversation.' },
    MEETING_BOOKED: { description: 'A call or meeting was booked.' },
    WON: { description: 'The lead became a customer.' },
    LOST: { description: 'The deal is off.' },
    UNSUBSCRIBED: { description: 'The lead asked not to be emailed again.' },
  },
});

builder.prismaObjectFields(ConversationNode, (t) => ({
  outcome: t.expose('outcome', { type: ConversationOutcomeEnum, description: 'How the conversation turned out (NONE until recorded).' }),
  outcomeAt: t.expose('outcomeAt', { type: 'DateTime', nullable: true, description: 'When the outcome was recorded.' }),
}));

builder.objectType(VectorSearchUnavailableError, {
  name: 'VectorSearchUnavailableError',
  description: 'Similarity search is unavailable: the database has no pgvector extension. Everything else works.',
  interfaces: [ErrorInterface],
  fields: () => ({}),
});

const SimilarConversationRef = builder.objectRef<SimilarMatch>('SimilarConversation').implement({
  description: 'A conversation like the one asked about, with how alike they are.',
  fields: (t) => ({
    conversation: t.field({ type: ConversationNode, description: 'The similar conversation.', resolve: (m) => m.conversation }),
    similarity: t.exposeFloat('similarity', {
      description: 'Cosine similarity of the two embeddings, -1 to 1; 1 means the same direction.',
    }),
    intent: t.expose('intent', { type: IntentEnum, nullable: true, description: "The lead's latest intent in that conversation." }),
    outcome: t.expose('outcome', { type: ConversationOutcomeEnum, description: 'How that conversation turned out.' }),
  }),
});

const SimilarConversationsRef = builder.objectRef<SimilarConversations>('SimilarConversations').implement({
  description: 'The conversations nearest in meaning, most similar first.',
  fields: (t) => ({
    matches: t.field({ type: [SimilarConversationRef], description: 'Most similar first.', resolve: (s) => s.matches }),
    embedder: t.exposeString('embedder', {
      description: 'The embedder whose vectors were compared, e.g. "offline-hash-256" or "text-embedding-3-small".',
    }),
    dimensions: t.exposeInt('dimensions', { description: "Length of that embedder's vectors." }),
  }),
});

const BestReplyRef = builder.objectRef<BestReply>('BestReply').implement({
  description: 'A reply a person approved or edited, from a conversation that went well.',
  fields: (t) => ({
    subject: t.exposeString('subject', { description: 'Subject as sent.' }),
    body: t.exposeString('body', { description: 'Text as sent: the edited text when a person edited the draft.' }),
    suggestion: t.field({ type: AISuggestionNode, description: 'The draft the reply was sent from.', resolve: (r) => r.suggestion }),
    conversation: t.field({ type: ConversationNode, description: 'The conversation it was sent in.', resolve: (r) => r.conversation }),
  }),
});

const firstArg = (max: number) =>
  z.number().int().min(1, { message: 'must be at least 1' }).max(max, { message: `must be at most ${max}` });

builder.queryFields((t) => ({
  similarConversations: t.field({
    type: SimilarConversationsRef,
    description:
      'Conversations nearest in meaning to a conversation (its latest reply and thread) or to a text, in your account, ' +
      'most similar first. VectorSearchUnavailableError when the database has no pgvector.',
    errors: { types: [VectorSearchUnavailableError, NotFoundError, ValidationError], directResult: true },
    args: {
      conversationId: t.arg.globalID({
        description: 'Find conversations like this one (it is left out of the results). Give this or text.',
      }),
      text: t.arg.string({
        description: `Find conversations like this text, e.g. a reply being read. Give this or conversationId.`,
        validate: z.string().max(SIMILAR_TEXT_MAX, { message: `must be at most ${SIMILAR_TEXT_MAX} characters` }),
      }),
      first: t.arg.int({
        defaultValue: SIMILAR_DEFAULT,
        description: `How many, 1 to ${SIMILAR_MAX} (default ${SIMILAR_DEFAULT}).`,
        validate: firstArg(SIMILAR_MAX),
      }),
      intent: t.arg({ type: IntentEnum, description: "Only conversations whose lead's latest intent is this." }),
      outcome: t.arg({ type: ConversationOutcomeEnum, description: 'Only conversations with this outcome.' }),
    },
    resolve: (_root, args, ctx) =>
      findSimilarConversations(domainOf(ctx), {
        conversationId: args.conversationId && idOfType(args.conversationId, 'Conversation', ['conversationId']),
        text: args.text,
        first: args.first,
        intent: args.intent,
        outcomes: args.outcome ? [args.outcome] : null,
      }),
  }),
  bestReplies: t.field({
    type: [BestReplyRef],
    description:
      `Replies people approved or edited for leads with this intent, from conversations with a good outcome ` +
      `(${GOOD_OUTCOMES.join(', ')}): WON first, then MEETING_BOOKED, then REPLIED; newest first within each.`,
    args: {
      intent: t.arg({ type: IntentEnum, required: true, description: "The lead's intent the replies answered." }),
      first: t.arg.int({
        defaultValue: SIMILAR_DEFAULT,
        description: `How many, 1 to ${BEST_REPLIES_MAX} (default ${SIMILAR_DEFAULT}).`,
        validate: firstArg(BEST_REPLIES_MAX),
      }),
    },
    resolve: (_root, args, ctx) => bestReplies(domainOf(ctx), { intent: args.intent, first: args.first }),
  }),
}));

builder.relayMutationField(
  'setConversationOutcome',
  {
    description: 'Input of setConversationOutcome.',
    inputFields: (t) => ({
      conversationId: t.globalID({ required: true, description: 'Global ID of the Conversation.' }),
      outcome: t.field({ type: ConversationOutcomeEnum, required: true, description: 'How it turned out; NONE clears it.' }),
    }),
  },
  {
    description:
      'Record how a conversation turned out. Good outcomes make its replies examples for similar conversations. ' +
      'InvalidStateError when it already has this outcome.',
    errors: { types: [...baseMutationErrors, InvalidStateError], directResult: true },
    resolve: (_root, { input }, ctx) =>
      setConversationOutcome(domainOf(ctx), {
        conversationId: idOfType(input.conversationId, 'Conversation', ['input', 'conversationId']),
        outcome: input.outcome,
      }),
  },
  {
    description: 'Result of setConversationOutcome.',
    outputFields: (t) => ({
      conversation: conversationPayloadField(t),
    }),
  },
);
