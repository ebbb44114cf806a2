// Actions the analyser suggests but may not take on a guess: the conversation's
// `suggestedAction` and the resolveSuggestedAction mutation a person answers it with. Also the
// language recorded on each inbound message.
import type { Conversation } from '../db/client.js';
import { SuggestedActionKind } from '../db/enums.js';
import { InvalidStateError } from '../domain/errors.js';
import { resolveSuggestedAction } from '../domain/conversations/index.js';
import { builder } from './builder.js';
import { ConversationNode } from './conversation.js';
import { baseMutationErrors } from './errors.js';
import { domainOf } from '../graphql-context.js';
import { conversationPayloadField } from './conversation-payload.js';

const SuggestedActionKindEnum = builder.enumType(SuggestedActionKind, {
  name: 'SuggestedActionKind',
  description: 'An action on a lead that the analyser suggests and a person confirms or dismisses.',
  values: {
    MARK_DO_NOT_CONTACT: {
      description: 'The reply may ask us to stop emailing. Confirming marks the lead do-not-contact and withdraws pending drafts.',
    },
  },
});

export const SuggestedActionDecisionEnum = builder.enumType('SuggestedActionDecision', {
  description: "A person's answer to a suggested action.",
  values: {
    CONFIRM: { description: 'Carry the action out.' },
    DISMISS: { description: 'Do not; clear the suggestion.' },
  } as const,
});

type SuggestedActionColumns = Pick<
  Conversation,
  'suggestedAction' | 'suggestedActionReason' | 'suggestedActionConfidence' | 'suggestedActionMessageId' | 'suggestedActionAt'
>;

const SuggestedAction = builder.objectRef<SuggestedActionColumns>('SuggestedAction').implement({
  description: 'An action the analyser was not sure enough to take by itself: a person confirms or dismisses it (resolveSuggestedAction).',
  fields: (t) => ({
    kind: t.field({ type: SuggestedActionKindEnum, description: 'What would be done.', resolve: (a) => a.suggestedAction! }),
    reason: t.string({ description: 'Why it is suggested.', resolve: (a) => a.suggestedActionReason ?? '' }),
    confidence: t.float({
      description: 'From 0 to 1: how sure the analyser was (below the bar for acting alone).',
      resolve: (a) => a.suggestedActionConfidence ?? 0,
    }),
    suggestedAt: t.field({ type: 'DateTime', description: 'When it was suggested.', resolve: (a) => a.suggestedActionAt ?? new Date(0) }),
  }),
});

builder.prismaObjectFields('Conversation', (t) => ({
  suggestedAction: t.field({
    type: SuggestedAction,
    nullable: true,
    description: 'An action waiting for a person to confirm or dismiss, e.g. marking the lead do-not-contact; null when none.',
    select: {
      suggestedAction: true,
      suggestedActionReason: true,
      suggestedActionConfidence: true,
      suggestedActionMessageId: true,
      suggestedActionAt: true,
    },
    resolve: (c) => (c.suggestedAction ? c : null),
  }),
  suggestedActionMessage: t.relation('suggestedActionMessage', {
    nullable: true,
    description: "The lead's email that prompted the suggested action, if one is waiting.",
  }),
}));

builder.prismaObjectFields('ConversationMessage', (t) => ({
  language: t.exposeString('language', {
    nullable: true,
    description:
      'Inbound: the language the lead wrote in (en, es, de, fr, pt; other for a language Parley does not handle; und when too short to tell). Null until analysed, and for outbound emails.',
  }),
}));

builder.relayMutationField(
  'resolveSuggestedAction',
  {
    description: 'Input of resolveSuggestedAction.',
    inputFields: (t) => ({
      conversationId: t.globalID({ for: ConversationNode, required: true, description: 'The conversation whose suggested action to answer.' }),
      decision: t.field({ type: SuggestedActionDecisionEnum, required: true, description: 'Confirm or dismiss it.' }),
    }),
  },
  {
    description: "Answer a conversation's suggested action: CONFIRM carries it out, DISMISS clears it. Audited either way.",
    errors: { types: [...baseMutationErrors, InvalidStateError], directResult: true },
    resolve: (_root, { input }, ctx) => resolveSuggestedAction(domainOf(ctx), { conversationId: input.conversationId.id, decision: input.decision }),
  },
  {
    description: 'Result of resolveSuggestedAction.',
    outputFields: (t) => ({
      conversation: conversationPayloadField(t),
    }),
  },
);
