import { conversationStats, MAX_WINDOW_DAYS, type ConversationStats } from '../domain/read/index.js';
import { builder } from './builder.js';
import { domainOf } from '../graphql-context.js';

type Stats = ConversationStats;

const StatsWindowRef = builder.objectRef<Stats['window']>('StatsWindow').implement({
  description: 'The time range that the windowed figures count: from since (inclusive) to until (exclusive).',
  fields: (t) => ({
    since: t.expose('since', { type: 'DateTime', description: 'Start, inclusive.' }),
    until: t.expose('until', { type: 'DateTime', description: 'End, exclusive.' }),
  }),
});

const ConversationCounts = builder.objectRef<Stats['conversations']>('ConversationCounts').implement({
  description: 'How many conversations are in each state now (not windowed).',
  fields: (t) => ({
    total: t.exposeInt('total', { description: 'All conversations.' }),
    open: t.exposeInt('open', { description: 'Every conversation that is not archived.' }),
    active: t.exposeInt('active', { description: 'Status ACTIVE.' }),
    needsReview: t.exposeInt('needsReview', { description: 'Status NEEDS_REVIEW.' }),
    waitingForLead: t.exposeInt('waitingForLead', { description: 'Status WAITING_FOR_LEAD.' }),
    archived: t.exposeInt('archived', { description: 'Status ARCHIVED.' }),
  }),
});

const EmailStats = builder.objectRef<Stats['email']>('EmailStats').implement({
  description: 'Email volume in the window.',
  fields: (t) => ({
    sent: t.exposeInt('sent', { description: 'Emails we sent.' }),
    received: t.exposeInt('received', { description: 'Emails leads sent us.' }),
    conversationsEmailed: t.exposeInt('conversationsEmailed', { description: 'Conversations we emailed.' }),
    conversationsReplied: t.exposeInt('conversationsReplied', {
      description: 'Of those, how many got a reply after our first email of the window.',
    }),
    responseRate: t.exposeFloat('responseRate', {
      nullable: true,
      description: 'conversationsReplied / conversationsEmailed, 0..1; null when we emailed no one.',
    }),
  }),
});

const AIStats = builder.objectRef<Stats['ai']>('AIStats').implement({
  description: 'AI drafts created in the window and what people did with them.',
  fields: (t) => ({
    suggestions: t.exposeInt('suggestions', { description: 'Drafts created.' }),
    pending: t.exposeInt('pending', { description: 'Still waiting for review.' }),
    approved: t.exposeInt('approved', { description: 'Sent as drafted.' }),
    edited: t.exposeInt('edited', { description: 'Sent after edits.' }),
    rejected: t.exposeInt('rejected', { description: 'Rejected.' }),
    superseded: t.exposeInt('superseded', { description: 'Replaced by a newer draft.' }),
    approvalRate: t.exposeFloat('approvalRate', {
      nullable: true,
      description: '(approved + edited) / (approved + edited + rejected), 0..1; null before any decision.',
    }),
    editRate: t.exposeFloat('editRate', {
      nullable: true,
      description: 'edited / (approved + edited), 0..1; null when nothing was sent.',
    }),
    rejectRate: t.exposeFloat('rejectRate', {
      nullable: true,
      description: 'rejected / (approved + edited + rejected), 0..1; null before any decision.',
    }),
    meanConfidence: t.exposeFloat('meanConfidence', {
      nullable: true,
      description: 'Mean confidence of the drafts, 0..1; null when there were none.',
    }),
    fallbacks: t.exposeInt('fallbacks', {
      description: 'Drafts the offline drafter wrote because the model failed or its draft was refused.',
    }),
    promptTokens: t.exposeInt('promptTokens', { description: 'Tokens sent to models for the analyses and drafts of the window.' }),
    completionTokens: t.exposeInt('completionTokens', { description: 'Tokens models produced for them.' }),
    estimatedCost: t.exposeFloat('estimatedCost', {
      description: 'Estimated model cost of those analyses and drafts in US dollars (unpriced models count 0).',
    }),
  }),
});

const DeliveryStats = builder.objectRef<Stats['delivery']>('DeliveryStats').implement({
  description: 'What happened to the emails sent in the window.',
  fields: (t) => ({
    delivered: t.exposeInt('delivered', { description: "Accepted by the lead's server." }),
    bounced: t.exposeInt('bounced', { description: 'Bounced.' }),
    opened: t.exposeInt('opened', { description: 'Opened at least once.' }),
    clicked: t.exposeInt('clicked', { description: 'Had at least one link click.' }),
    opens: t.exposeInt('opens', { description: 'Total tracked opens.' }),
    clicks: t.exposeInt('clicks', { description: 'Total tracked clicks.' }),
    deliveryRate: t.exposeFloat('deliveryRate', { nullable: true, description: 'delivered / sent; null when none sent.' }),
    openRate: t.exposeFloat('openRate', { nullable: true, description: 'opened / sent; null when none sent.' }),
    clickRate: t.exposeFloat('clickRate', { nullable: true, description: 'clicked / sent; null when none sent.' }),
  }),
});

const ConversationStatsRef = builder.objectRef<Stats>('ConversationStats').implement({
  description: 'Figures for your account, computed by the database when asked.',
  fields: (t) => ({
    window: t.expose('window', { type: StatsWindowRef, description: 'The time range the windowed figures count.' }),
    conversations: t.expose('conversations', { type: ConversationCounts, description: 'Conversations by state, now.' }),
    email: t.expose('email', { type: EmailStats, description: 'Email volume and response rate.' }),
    ai: t.expose('ai', { type: AIStats, description: 'AI drafting figures.' }),
    delivery: t.expose('delivery', { type: DeliveryStats, description: 'Delivery, opens and clicks.' }),
  }),
});

builder.queryField('conversationStats', (t) =>
  t.field({
    type: ConversationStatsRef,
    description: `Statistics for your account. The window defaults to the last 7 days and may span up to ${MAX_WINDOW_DAYS} days.`,
    args: {
      since: t.arg({ type: 'DateTime', description: 'Start of the window, inclusive (default: until minus 7 days).' }),
      until: t.arg({ type: 'DateTime', description: 'End of the window, exclusive (default: now).' }),
    },
    resolve: (_parent, args, ctx) => conversationStats(domainOf(ctx), { since: args.since, until: args.until }),
  }),
);
