import { z } from 'zod';
import type { AISuggestion } from '../db/client.js';
import type { MessageAnalysis } from '../db/client.js';
import { CUSTOM_PROMPT_MAX, REGENERATE_RATE_LIMIT, regenerateSuggestion } from '../domain/suggestions/index.js';
import { approveSuggestion } from '../domain/suggestions/index.js';
import { EmailDeliveryError, InvalidStateError, RateLimitedError } from '../domain/errors.js';
import { REJECTION_REASON_MAX, rejectSuggestion } from '../domain/suggestions/index.js';
import { BODY_MAX_LENGTH, bodySchema, idempotencyKeySchema, SEND_AT_MAX_DAYS, SUBJECT_MAX_LENGTH, subjectSchema } from '../domain/sending/index.js';
import { builder } from './builder.js';
import { baseMutationErrors } from './errors.js';
import { idOfType } from './ids.js';
import { IntentEnum, SentimentEnum, SuggestionStatusEnum, UrgencyEnum } from './enums.js';
import { readQuery } from './optional-row.js';
import { domainOf, dbOf, servicesOf } from '../graphql-context.js';
import { conversationPayloadField } from './conversation-payload.js';

type AnalysisColumns = Pick<AISuggestion, 'sentiment' | 'intent' | 'urgency' | 'keyPoints' | 'questions' | 'nextStep'>;

const ReplyAnalysis = builder.objectRef<AnalysisColumns>('ReplyAnalysis').implement({
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
  // Select mode: load only the columns a query asks for (bodies, headers and JSON columns
  // are large), not whole rows.
  select: { id: true },
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
      select: { sentiment: true, intent: true, urgency: true, keyPoints: true, questions: true, nextStep: true },
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
      sendAt: t.field({
        type: 'DateTime',
        description: `Send at this time instead of at once: in the future, at most ${SEND_AT_MAX_DAYS} days ahead. The email is QUEUED with scheduledFor until then and cancelScheduledSend takes it back; the account's undo window applies either way (the later of the two).`,
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
      'Send a draft to the lead, as drafted (APPROVED) or edited (EDITED; the draft text is kept beside the edit), after the account\'s undo window (or at sendAt). ' +
      'Exactly one email goes out however often this is called for one draft. If the provider refuses the email, ' +
      'an EmailDeliveryError comes back and the draft is PENDING again.',
    errors: { types: [...baseMutationErrors, InvalidStateError, EmailDeliveryError, RateLimitedError], directResult: true },
    resolve: async (_root, { input }, ctx) => {
      // Counted per call: aliases in one request and WebSocket operations count too.
      await servicesOf(ctx).rateLimits.consume('approveSuggestion', ctx.viewer.actor);
      return approveSuggestion(domainOf(ctx), {
        suggestionId: idOfType(input.suggestionId, 'AISuggestion', ['input', 'suggestionId']),
        editedSubject: input.editedSubject,
        editedBody: input.editedBody,
        idempotencyKey: input.idempotencyKey,
        sendAt: input.sendAt,
      });
    },
  },
  {
    description: 'Result of approveSuggestion.',
    outputFields: (t) => ({
      scheduledFor: t.field({
        type: 'DateTime',
        nullable: true,
        description: 'When the QUEUED email goes (the undo window, or sendAt); cancelScheduledSend takes it back until then. Null: it was sent at once.',
        resolve: (p) => p.scheduledFor,
      }),
      // Loaded here from the ids the domain returns, with the fields the client selected.
      suggestion: t.prismaField({
        type: 'AISuggestion',
        description: 'The draft, now APPROVED or EDITED.',
        resolve: (query, p, _args, ctx) => dbOf(ctx).aISuggestion.findUniqueOrThrow({ ...query, where: { id: p.suggestionId } }),
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
    resolve: async (_root, { input }, ctx) => rejectSuggestion(domainOf(ctx), { suggestionId: idOfType(input.suggestionId, 'AISuggestion', ['input', 'suggestionId']), reason: input.reason }),
  },
  {
    description: 'Result of rejectSuggestion.',
    outputFields: (t) => ({
      suggestion: t.prismaField({
        type: 'AISuggestion',
        description: 'The draft, now REJECTED.',
        resolve: (query, p, _args, ctx) => dbOf(ctx).aISuggestion.findUniqueOrThrow({ ...query, where: { id: p.suggestionId } }),
      }),
      conversation: conversationPayloadField(t),
    }),
  },
);

// ---------------------------------------------------------------------------------------
// AI drafting: analysis details, the draft's provenance and cost, the proposed
// referral note, each inbound email's analysis, and the regenerateSuggestion mutation.

const ProposedNote = builder.objectRef<Pick<AISuggestion, 'noteToName' | 'noteToEmail' | 'noteSubject' | 'noteBody'>>('ProposedNote').implement({
  description: 'A note to the person a lead referred us to. Parley never sends it by itself.',
  fields: (t) => ({
    toName: t.string({ description: 'Who the lead named.', resolve: (s) => s.noteToName ?? '' }),
    toEmail: t.exposeString('noteToEmail', { nullable: true, description: 'Their address, when the lead gave one.' }),
    subject: t.string({ description: 'Subject of the note.', resolve: (s) => s.noteSubject ?? '' }),
    body: t.string({ description: 'Text of the note.', resolve: (s) => s.noteBody ?? '' }),
  }),
});

builder.objectFields(ReplyAnalysis, (t) => ({
  questions: t.exposeStringList('questions', { description: 'The questions the lead asked, in their words.' }),
  suggestedNextStep: t.exposeString('nextStep', { nullable: true, description: 'What to do next, as the analyser sees it.' }),
}));

builder.prismaObjectFields('AISuggestion', (t) => ({
  fallback: t.exposeBoolean('fallback', {
    description: 'True when the offline drafter stood in because the model failed or its draft was refused.',
  }),
  estimatedCost: t.exposeFloat('estimatedCost', {
    nullable: true,
    description: 'Estimated model cost of this draft in US dollars; 0 offline, null for unpriced models.',
  }),
  customPrompt: t.exposeString('customPrompt', { nullable: true, description: 'The extra instruction it was regenerated with.' }),
  safetyFlags: t.exposeStringList('safetyFlags', {
    description:
      'What the check before storing found. A model draft with UNKNOWN_EMAIL, UNKNOWN_LINK, UNKNOWN_PHONE, UNKNOWN_PRICE, UNKNOWN_PERCENTAGE, UNKNOWN_IDENTITY, HIDDEN_CHARACTERS, PROMPT_LEAK, INSTRUCTION_ECHO, WRONG_LANGUAGE or EMPTY_BODY was replaced by the offline draft; SUSPECTED_PROMPT_INJECTION and UNHANDLED_LANGUAGE keep the draft with lower confidence.',
  }),
  language: t.exposeString('language', {
    nullable: true,
    description: "The lead's language that the draft answers in: en, es, de, fr, pt, other (a language the offline drafter does not write) or und (too little text to tell; answered in English).",
  }),
  needsHumanWriter: t.boolean({
    description: 'True when no draft was written and a person must write the reply (see humanWriterReason); the body is empty and cannot be approved unedited.',
    select: { humanWriterReason: true },
    resolve: (s) => s.humanWriterReason !== null,
  }),
  humanWriterReason: t.exposeString('humanWriterReason', { nullable: true, description: 'Why a person must write this reply; null when a draft was written.' }),
  proposedNote: t.field({
    type: ProposedNote,
    nullable: true,
    description: 'For a REFERRAL: a note to the person the lead named.',
    select: { noteToName: true, noteToEmail: true, noteSubject: true, noteBody: true },
    resolve: (s) => (s.noteToName && s.noteBody ? s : null),
  }),
}));

const MessageAnalysisRef = builder.objectRef<MessageAnalysis>('MessageAnalysis').implement({
  description: 'What the AI read in one inbound email, including those it drafted nothing for.',
  fields: (t) => ({
    intent: t.expose('intent', { type: IntentEnum, description: 'What the lead wants.' }),
    intentConfidence: t.exposeFloat('intentConfidence', { description: 'From 0 to 1: how sure the analyser is of the intent.' }),
    sentiment: t.expose('sentiment', { type: SentimentEnum, description: 'Tone of the email.' }),
    urgency: t.expose('urgency', { type: UrgencyEnum, description: 'How soon to answer.' }),
    keyPoints: t.exposeStringList('keyPoints', { description: 'The points the email makes.' }),
    questions: t.exposeStringList('questions', { description: 'The questions the lead asked.' }),
    suggestedNextStep: t.exposeString('suggestedNextStep', { nullable: true, description: 'What to do next.' }),
    returnDate: t.string({
      nullable: true,
      description: 'OUT_OF_OFFICE: the day (YYYY-MM-DD) the lead said they are back.',
      resolve: (a) => a.returnDate?.toISOString().slice(0, 10) ?? null,
    }),
    referralName: t.exposeString('referralName', { nullable: true, description: 'REFERRAL: the person the lead named.' }),
    referralEmail: t.exposeString('referralEmail', { nullable: true, description: "REFERRAL: that person's address, if given." }),
    injectionSuspected: t.exposeBoolean('injectionSuspected', { description: 'The email contains text written to steer an AI.' }),
    provider: t.exposeString('provider', { description: 'Who analysed it: "openai" or "offline".' }),
    model: t.exposeString('model', { description: 'The model; "offline" for the built-in analyser.' }),
    fallback: t.exposeBoolean('fallback', { description: 'True when the offline analyser stood in for a failed model.' }),
    estimatedCost: t.exposeFloat('estimatedCost', { nullable: true, description: 'Estimated cost in US dollars; null when unpriced.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was analysed.' }),
  }),
});

builder.prismaObjectFields('ConversationMessage', (t) => ({
  analysis: t.field({
    type: MessageAnalysisRef,
    nullable: true,
    description: 'What the AI read in this email (inbound emails, once analysed).',
    resolve: (message, _args, ctx) => dbOf(ctx).messageAnalysis.findUnique({ where: { messageId: message.id } }),
  }),
}));

const ReplyToneEnum = builder.enumType('ReplyTone', {
  description: 'The voice of a regenerated draft.',
  values: {
    PROFESSIONAL: { description: 'Courteous and businesslike (the default).' },
    FRIENDLY: { description: 'Warm and personal.' },
    CONCISE: { description: 'Brief and to the point.' },
    ENTHUSIASTIC: { description: 'Upbeat and energetic.' },
    EMPATHETIC: { description: "Understanding; acknowledges the lead's situation first." },
  } as const,
});

const ReplyLengthEnum = builder.enumType('ReplyLength', {
  description: 'How long a regenerated draft should be.',
  values: {
    SHORT: { description: 'At most about 60 words.' },
    MEDIUM: { description: 'About 80 to 150 words (the default).' },
    LONG: { description: 'About 150 to 250 words.' },
  } as const,
});

builder.relayMutationField(
  'regenerateSuggestion',
  {
    description: 'Input of regenerateSuggestion.',
    inputFields: (t) => ({
      conversationId: t.globalID({ required: true, description: 'Global ID of the Conversation to redraft for.' }),
      messageId: t.globalID({ description: "Global ID of the lead's email (ConversationMessage) to answer (default: their newest)." }),
      tone: t.field({ type: ReplyToneEnum, description: 'Voice of the new draft.' }),
      length: t.field({ type: ReplyLengthEnum, description: 'Length of the new draft.' }),
      customPrompt: t.string({
        description: `An extra instruction for the drafter, at most ${CUSTOM_PROMPT_MAX} characters.`,
        validate: z.string().max(CUSTOM_PROMPT_MAX, { message: `must be at most ${CUSTOM_PROMPT_MAX} characters` }),
      }),
    }),
  },
  {
    description: `Draft the answer again, optionally in another tone or length or with an instruction. The pending draft becomes SUPERSEDED. At most ${REGENERATE_RATE_LIMIT.limit} per minute per user.`,
    errors: { types: [...baseMutationErrors, InvalidStateError, RateLimitedError], directResult: true },
    resolve: (_root, { input }, ctx) =>
      regenerateSuggestion(domainOf(ctx), {
        conversationId: idOfType(input.conversationId, 'Conversation', ['input', 'conversationId']),
        messageId: input.messageId && idOfType(input.messageId, 'ConversationMessage', ['input', 'messageId']),
        tone: input.tone,
        length: input.length,
        customPrompt: input.customPrompt,
      }),
  },
  {
    description: 'Result of regenerateSuggestion.',
    outputFields: (t) => ({
      suggestion: t.prismaField({
        type: 'AISuggestion',
        description: 'The new draft, PENDING.',
        resolve: (query, p, _args, ctx) => dbOf(ctx).aISuggestion.findUniqueOrThrow({ ...query, where: { id: p.suggestionId } }),
      }),
      supersededSuggestion: t.prismaField({
        type: 'AISuggestion',
        nullable: true,
        description: 'The draft it replaced, now SUPERSEDED; null when none was pending.',
        resolve: (query, p, _args, ctx) => {
          const selection = readQuery(query);
          return p.supersededSuggestionId ? dbOf(ctx).aISuggestion.findUnique({ ...selection, where: { id: p.supersededSuggestionId } }) : null;
        },
      }),
      conversation: conversationPayloadField(t),
    }),
  },
);
