// Issue 19, part B in the API: when a queued email goes (scheduledFor) and taking it back
// (cancelScheduledSend), the account's send settings (undo window), its follow-up policy, and
// what kind of draft a suggestion is.
import { InvalidStateError } from '../domain/errors.js';
import { cancelScheduledSend } from '../domain/sending/index.js';
import {
  FOLLOW_UP_AFTER_DAYS_MAX,
  getAccountSettings,
  MAX_FOLLOW_UPS_LIMIT,
  setFollowUpPolicy,
  UNDO_WINDOW_MAX_SECONDS,
  updateSendSettings,
  type ResolvedSettings,
} from '../domain/settings/index.js';
import { dbOf, domainOf } from '../graphql-context.js';
import { builder } from './builder.js';
import { SuggestionKindEnum } from './enums.js';
import { baseMutationErrors } from './errors.js';
import { idOfType } from './ids.js';
import { readQuery } from './optional-row.js';
import { conversationPayloadField } from './conversation-payload.js';

builder.prismaObjectFields('ConversationMessage', (t) => ({
  scheduledFor: t.expose('scheduledFor', {
    type: 'DateTime',
    nullable: true,
    description:
      'Outbound: when the email was (or is) to go, after the undo window or at the sender\'s sendAt; while it is QUEUED and this is ahead, cancelScheduledSend takes it back. Null: sent at once.',
  }),
}));

builder.prismaObjectFields('AISuggestion', (t) => ({
  kind: t.expose('kind', { type: SuggestionKindEnum, description: "REPLY answers the lead's email; FOLLOW_UP follows up our email that got no reply." }),
  followUpOf: t.prismaField({
    type: 'ConversationMessage',
    nullable: true,
    description: 'FOLLOW_UP: our email this follows up.',
    select: { followUpOfMessageId: true },
    resolve: (query, s, _args, ctx) => {
      const selection = readQuery(query);
      return s.followUpOfMessageId ? dbOf(ctx).conversationMessage.findUnique({ ...selection, where: { id: s.followUpOfMessageId } }) : null;
    },
  }),
}));

const SendSettingsRef = builder.objectRef<ResolvedSettings>('SendSettings').implement({
  description: "How the account's emails are sent.",
  fields: (t) => ({
    undoWindowSeconds: t.int({
      description: 'Seconds every send waits, QUEUED and cancellable (cancelScheduledSend), before it goes; 0 sends at once.',
      resolve: (s) => s.undoWindowSeconds,
    }),
    undoWindowIsDefault: t.boolean({ description: "True while the account uses the server's default undo window.", resolve: (s) => s.undoWindowIsDefault }),
    sendScheduledAfterReply: t.boolean({
      description: 'Whether a scheduled email still goes when the lead replied after it was scheduled (false: it is not sent, and its draft is back for review). An unsubscribe always stops it.',
      resolve: (s) => s.sendScheduledAfterReply,
    }),
  }),
});

const FollowUpPolicyRef = builder.objectRef<ResolvedSettings['followUp']>('FollowUpPolicy').implement({
  description: 'When Parley drafts a follow-up for a conversation whose lead has not answered our last email.',
  fields: (t) => ({
    enabled: t.exposeBoolean('enabled', { description: 'Whether follow-ups are drafted at all.' }),
    followUpAfterDays: t.exposeInt('afterDays', { description: 'Days of silence after our last email before a follow-up is drafted.' }),
    maxFollowUps: t.exposeInt('maxFollowUps', { description: 'Follow-ups per conversation since the lead last wrote.' }),
    sendWindowStartHour: t.exposeInt('startHour', { description: 'Follow-ups are drafted from this hour (UTC, 0-23)...' }),
    sendWindowEndHour: t.exposeInt('endHour', { description: '...until before this hour (UTC, 1-24).' }),
    sendWindowDays: t.exposeIntList('days', { description: '...on these ISO weekdays (1 Monday to 7 Sunday).' }),
  }),
});

builder.prismaObjectFields('Account', (t) => ({
  sendSettings: t.field({
    type: SendSettingsRef,
    description: "How the account's emails are sent (the undo window).",
    resolve: (_account, _args, ctx) => getAccountSettings(domainOf(ctx), {}),
  }),
  followUpPolicy: t.field({
    type: FollowUpPolicyRef,
    description: 'When follow-ups are drafted.',
    resolve: async (_account, _args, ctx) => (await getAccountSettings(domainOf(ctx), {})).followUp,
  }),
}));

const ownerOnly = { owner: true } as const;

builder.relayMutationField(
  'cancelScheduledSend',
  {
    description: 'Input of cancelScheduledSend.',
    inputFields: (t) => ({
      messageId: t.globalID({ required: true, description: 'Global ID of the QUEUED outbound email (ConversationMessage) to take back.' }),
    }),
  },
  {
    description:
      'Take back an email before it goes (within the undo window, or before its sendAt): it becomes CANCELLED and is never sent. ' +
      'A draft it came from is PENDING again, with the text as approved kept in editedSubject and editedBody. ' +
      'Once the email has gone or is going out: InvalidStateError.',
    errors: { types: [...baseMutationErrors, InvalidStateError], directResult: true },
    resolve: (_root, { input }, ctx) => cancelScheduledSend(domainOf(ctx), { messageId: idOfType(input.messageId, 'ConversationMessage', ['input', 'messageId']) }),
  },
  {
    description: 'Result of cancelScheduledSend.',
    outputFields: (t) => ({
      cancelledMessage: t.prismaField({
        type: 'ConversationMessage',
        description: 'The email, now CANCELLED.',
        resolve: (query, p, _args, ctx) => dbOf(ctx).conversationMessage.findUniqueOrThrow({ ...query, where: { id: p.messageId } }),
      }),
      suggestion: t.prismaField({
        type: 'AISuggestion',
        nullable: true,
        description: 'The draft it came from, PENDING again (or SUPERSEDED by a newer one); null for a reply a person wrote.',
        resolve: (query, p, _args, ctx) => {
          const selection = readQuery(query);
          return p.suggestionId ? dbOf(ctx).aISuggestion.findUnique({ ...selection, where: { id: p.suggestionId } }) : null;
        },
      }),
      conversation: conversationPayloadField(t),
    }),
  },
);

builder.relayMutationField(
  'updateSendSettings',
  {
    description: 'Input of updateSendSettings; a field left out is unchanged.',
    inputFields: (t) => ({
      undoWindowSeconds: t.int({
        description: `Seconds every send waits, cancellable, before it goes: 0 to ${UNDO_WINDOW_MAX_SECONDS}. 0 sends at once.`,
      }),
      useDefaultUndoWindow: t.boolean({ description: "True: back to the server's default undo window (undoWindowSeconds is then ignored)." }),
      sendScheduledAfterReply: t.boolean({ description: 'Whether a scheduled email still goes when the lead replied after it was scheduled.' }),
    }),
  },
  {
    description: "Change how the account's emails are sent (owners only).",
    authScopes: ownerOnly,
    errors: { types: [...baseMutationErrors], directResult: true },
    resolve: async (_root, { input }, ctx) => {
      await updateSendSettings(domainOf(ctx), {
        undoWindowSeconds: input.useDefaultUndoWindow ? null : (input.undoWindowSeconds ?? undefined),
        sendScheduledAfterReply: input.sendScheduledAfterReply,
      });
      return { accountId: ctx.viewer.accountId };
    },
  },
  {
    description: 'Result of updateSendSettings.',
    outputFields: (t) => ({
      account: t.prismaField({
        type: 'Account',
        description: 'The account, with its sendSettings.',
        resolve: (query, p, _args, ctx) => dbOf(ctx).account.findUniqueOrThrow({ ...query, where: { id: p.accountId } }),
      }),
    }),
  },
);

builder.relayMutationField(
  'setFollowUpPolicy',
  {
    description: 'Input of setFollowUpPolicy.',
    inputFields: (t) => ({
      enabled: t.boolean({ required: true, description: 'Whether follow-ups are drafted.' }),
      followUpAfterDays: t.int({ required: true, description: `Days of silence after our last email before a follow-up is drafted: 1 to ${FOLLOW_UP_AFTER_DAYS_MAX}.` }),
      maxFollowUps: t.int({ required: true, description: `Follow-ups per conversation since the lead last wrote: 0 to ${MAX_FOLLOW_UPS_LIMIT}.` }),
      sendWindowStartHour: t.int({ description: 'Follow-ups are drafted from this hour, UTC (0-23; default 0).' }),
      sendWindowEndHour: t.int({ description: 'Until before this hour, UTC (1-24; default 24).' }),
      sendWindowDays: t.intList({ description: 'On these ISO weekdays, 1 Monday to 7 Sunday (default Monday to Friday).' }),
    }),
  },
  {
    description:
      'Set when Parley drafts follow-ups (owners only): after followUpAfterDays without a reply to our last email, a FOLLOW_UP draft ' +
      'for a person to approve, and the conversation NEEDS_REVIEW. None after any reply, unsubscribe, bounce or archive; an ' +
      "out-of-office notice's return date pushes it after that day.",
    authScopes: ownerOnly,
    errors: { types: [...baseMutationErrors], directResult: true },
    resolve: async (_root, { input }, ctx) => {
      await setFollowUpPolicy(domainOf(ctx), input);
      return { accountId: ctx.viewer.accountId };
    },
  },
  {
    description: 'Result of setFollowUpPolicy.',
    outputFields: (t) => ({
      account: t.prismaField({
        type: 'Account',
        description: 'The account, with its followUpPolicy.',
        resolve: (query, p, _args, ctx) => dbOf(ctx).account.findUniqueOrThrow({ ...query, where: { id: p.accountId } }),
      }),
    }),
  },
);
