import type { AISuggestion } from '../../prisma/generated/client/client.js';
import { builder } from './builder.js';
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
