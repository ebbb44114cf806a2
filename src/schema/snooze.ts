// Snooze (issue 18, part B): snoozeConversation, unsnoozeConversation, Conversation.snoozedUntil
// and snoozeReason. The rules are in src/domain/conversations/snooze.ts.
import { snoozeConversation, unsnoozeConversation } from '../domain/conversations/index.js';
import { InvalidStateError } from '../domain/errors.js';
import { domainOf } from '../graphql-context.js';
import { builder } from './builder.js';
import { ConversationNode } from './conversation.js';
import { baseMutationErrors } from './errors.js';
import { conversationPayloadField } from './conversation-payload.js';

export const SnoozeReasonEnum = builder.enumType('SnoozeReason', {
  description: 'Why a conversation is snoozed.',
  values: {
    MANUAL: { description: 'A person snoozed it.' },
    OUT_OF_OFFICE: { description: "Automatically: the lead's away notice named the day they are back." },
  } as const,
});

builder.prismaObjectFields('Conversation', (t) => ({
  snoozedUntil: t.expose('snoozedUntil', {
    type: 'DateTime',
    nullable: true,
    description: 'While SNOOZED: when it wakes by itself (a reply from the lead wakes it earlier); null otherwise.',
  }),
  snoozeReason: t.field({
    type: SnoozeReasonEnum,
    nullable: true,
    description: 'While SNOOZED: who snoozed it, a person (MANUAL) or the away notice (OUT_OF_OFFICE); null otherwise.',
    select: { snoozeReason: true },
    resolve: (c) => (c.snoozeReason === 'MANUAL' || c.snoozeReason === 'OUT_OF_OFFICE' ? c.snoozeReason : null),
  }),
}));

builder.relayMutationField(
  'snoozeConversation',
  {
    description: 'Input of snoozeConversation.',
    inputFields: (t) => ({
      conversationId: t.globalID({ for: ConversationNode, required: true, description: 'Global ID of the Conversation to snooze.' }),
      until: t.field({ type: 'DateTime', required: true, description: 'When it wakes by itself: in the future, at most a year away.' }),
    }),
  },
  {
    description:
      'Put a conversation aside until a time: status SNOOZED, out of the default list, back in the status its thread ' +
      'implies at `until` (or when the lead replies). Snoozing a snoozed conversation moves its time. Not for an archived one.',
    errors: { types: [...baseMutationErrors, InvalidStateError], directResult: true },
    resolve: (_root, { input }, ctx) => snoozeConversation(domainOf(ctx), { conversationId: input.conversationId.id, until: input.until }),
  },
  {
    description: 'Result of snoozeConversation.',
    outputFields: (t) => ({
      conversation: conversationPayloadField(t),
    }),
  },
);

builder.relayMutationField(
  'unsnoozeConversation',
  {
    description: 'Input of unsnoozeConversation.',
    inputFields: (t) => ({
      conversationId: t.globalID({ for: ConversationNode, required: true, description: 'Global ID of the snoozed Conversation.' }),
    }),
  },
  {
    description: 'Bring a snoozed conversation back now (also an automatic OUT_OF_OFFICE snooze), in the status its thread implies.',
    errors: { types: [...baseMutationErrors, InvalidStateError], directResult: true },
    resolve: (_root, { input }, ctx) => unsnoozeConversation(domainOf(ctx), { conversationId: input.conversationId.id }),
  },
  {
    description: 'Result of unsnoozeConversation.',
    outputFields: (t) => ({
      conversation: conversationPayloadField(t),
    }),
  },
);
