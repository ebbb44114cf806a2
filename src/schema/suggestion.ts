import { z } from 'zod';
import type { AISuggestion } from '../../prisma/generated/client/client.js';
import { approveSuggestion } from '../domain/approve.js';
import { EmailDeliveryError, InvalidStateError, RateLimitedError } from '../domain/errors.js';
import { REJECTION_REASON_MAX, rejectSuggestion } from '../domain/reject.js';
import { BODY_MAX_LENGTH, bodySchema, idempotencyKeySchema, SUBJECT_MAX_LENGTH, subjectSchema } from '../domain/send-email.js';
import { builder } from './builder.js';
import { ConversationNode } from './conversation.js';
import { baseMutationErrors } from './errors.js';
import { idOfType } from './ids.js';
import { ConversationMessageNode } from './message.js';
import { IntentEnum, SentimentEnum, SuggestionStatusEnum, UrgencyEnum } from './enums.js';

const ReplyAnalysis = builder.objectRef<AISuggestion>('ReplyAnalysis').implement({
  description: "What the AI read in the lead's reply.",
  fields: (t) => ({
    sentiment: t.expose('sentiment', { type: SentimentEnum, nullable: true, description: 'Tone of the reply.' }),
    intent: t.expose('intent', { type: IntentEnum, nullable: true, description: 'What the lead wants.' }),
    urgency: t.expose('urgency', { type: UrgencyEnum, nullable: true, description: 'How soon to answer.' }),
    keyPoints: t.exposeStringList('keyPoints', { description: 'The points the reply makes.' }),
  }),
});

export const AISuggestionNode = builder.prismaNode('AISuggestion', {
  id: { field: 'id' },
  // node(id) answers null, not an error, for ids that are not in the viewer's account.
  nullable: true,
  description: 'An AI-drafted reply for a person to approve, edit or reject.',
  fields: (t) => ({
    conversation: t.relation('conversation', { description: 'The conversation the draft answers.' }),
    inReplyTo: t.relation('inReplyTo', { nullable: true, description: 'The inbound email the draft answers.' }),
    sentMessage: t.relation('sentMessage', { nullable: true, description: 'The email sent from this draft, once approved.' }),
    status: t.expose('status', { type: SuggestionStatusEnum, description: 'Review state.' }),
    subject: t.exposeString('subject', { description: 'Drafted subject line.' }),
    body: t.exposeString('body', { description: 'Drafted body.' }),
    editedSubject: t.exposeString('editedSubject', { nullable: true, description: 'Subject as a person edited it.' }),
    editedBody: t.exposeString('editedBody', { nullable: true, description: 'Body as a person edited it.' }),
    confidence: t.exposeFloat('confidence', {
      description: 'From 0 to 1: how sure Parley is that the draft can be sent as is.',
    }),
    analysis: t.field({
      type: ReplyAnalysis,
      description: "What the AI read in the lead's reply.",
      resolve: (suggestion) => suggestion,
    }),
    provider: t.exposeString('provider', { description: 'Who drafted it: "openai", "offline", ...' }),
    model: t.exposeString('model', { description: 'The model that drafted it; "offline" for the built-in drafter.' }),
    promptVersion: t.exposeString('promptVersion', { nullable: true, description: 'Version of the prompt used.' }),
    tone: t.exposeString('tone', { nullable: true, description: 'Requested tone, when regenerated with one.' }),
    length: t.exposeString('length', { nullable: true, description: 'Requested length, when regenerated with one.' }),
    promptTokens: t.exposeInt('promptTokens', { nullable: true, description: 'Tokens sent to the model.' }),
    completionTokens: t.exposeInt('completionTokens', { nullable: true, description: 'Tokens the model produced.' }),
    latencyMs: t.exposeInt('latencyMs', { nullable: true, description: 'Time the draft took, in milliseconds.' }),
    rejectionReason: t.exposeString('rejectionReason', { nullable: true, description: 'Why a person rejected it.' }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true, description: 'When a person decided.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was drafted.' }),
  }),
});

// Approve and reject follow the mutation pattern of src/schema/conversation.ts: one input,
// a payload with every object changed, typed errors in a <Name>Result union.
const reasonField = z
  .string()
  .trim()
  .max(REJECTION_REASON_MAX, { message: `must be at most ${REJECTION_REASON_MAX} characters` });

builder.relayMutationField(
  'approveSuggestion',
  {
    description: 'Input of approveSuggestion.',
    inputFields: (t) => ({
      suggestionId: t.globalID({ required: true, description: 'Global ID of the PENDING draft (AISuggestion) to send.' }),
      editedSubject: t.string({
        description: `The subject as edited; omit to send the drafted one. One line, at most ${SUBJECT_MAX_LENGTH} characters.`,
        validate: subjectSchema,
      }),
      editedBody: t.string({
        description: `The body as edited; omit to send the drafted one. At most ${BODY_MAX_LENGTH} characters.`,
        validate: bodySchema,
      }),
      idempotencyKey: t.string({
        description:
          'Any unique string (a UUID) chosen by the client for this approval. Sending the same request again with the ' +
          'same key returns the first result instead of sending again: safe retries after a timeout.',
        validate: idempotencyKeySchema,
      }),
    }),
  },
  {
    description:
      'Send a draft to the lead, as drafted (APPROVED) or edited (EDITED; the draft text is kept beside the edit). ' +
      'Exactly one email goes out however often this is called for one draft. If the provider refuses the email, ' +
      'an EmailDeliveryError comes back and the draft is PENDING again.',
    errors: { types: [...baseMutationErrors, InvalidStateError, EmailDeliveryError, RateLimitedError], directResult: true },
    resolve: async (_root, { input }, ctx) => {
      // Counted per call: aliases in one request and WebSocket operations count too.
      await ctx.services.rateLimits.consume('approveSuggestion', ctx.viewer.actor);
      return approveSuggestion(ctx, {
        suggestionId: idOfType(input.suggestionId, 'AISuggestion', 'suggestionId'),
        editedSubject: input.editedSubject,
        editedBody: input.editedBody,
        idempotencyKey: input.idempotencyKey,
      });
    },
  },
  {
    description: 'Result of approveSuggestion.',
    outputFields: (t) => ({
      suggestion: t.field({ type: AISuggestionNode, description: 'The draft, now APPROVED or EDITED.', resolve: (p) => p.suggestion }),
      // Not `message`: that would clash with Error.message when a client selects both in the union.
      reply: t.field({
        type: ConversationMessageNode,
        description: 'The email: SENT, or QUEUED while the provider has not confirmed it yet (it is then confirmed or sent automatically).',
        resolve: (p) => p.message,
      }),
      conversation: t.field({ type: ConversationNode, description: 'The conversation as it is now.', resolve: (p) => p.conversation }),
    }),
  },
);

builder.relayMutationField(
  'rejectSuggestion',
  {
    description: 'Input of rejectSuggestion.',
    inputFields: (t) => ({
      suggestionId: t.globalID({ required: true, description: 'Global ID of the PENDING draft (AISuggestion) to reject.' }),
      reason: t.string({ description: `Why, for measuring drafts (at most ${REJECTION_REASON_MAX} characters).`, validate: reasonField }),
    }),
  },
  {
    description: 'Decline a draft: nothing is sent. A conversation that needed review becomes ACTIVE.',
    errors: { types: [...baseMutationErrors, InvalidStateError], directResult: true },
    resolve: async (_root, { input }, ctx) => rejectSuggestion(ctx, { suggestionId: idOfType(input.suggestionId, 'AISuggestion', 'suggestionId'), reason: input.reason }),
  },
  {
    description: 'Result of rejectSuggestion.',
    outputFields: (t) => ({
      suggestion: t.field({ type: AISuggestionNode, description: 'The draft, now REJECTED.', resolve: (p) => p.suggestion }),
      conversation: t.field({ type: ConversationNode, description: 'The conversation as it is now.', resolve: (p) => p.conversation }),
    }),
  },
);
