// Drafting the answer to a lead's email: analyse it once, apply the intent rules, draft with
// the thread, the lead and similar past conversations, store the draft for review, and tell
// subscribers. The inbound-email job calls draftReplyForInbound; regenerate.ts reuses the parts.
import type { AISuggestion, Conversation, ConversationMessage, Lead } from '../../db/client.js';
import type { MessageAnalysis } from '../../db/client.js';
import type { Priority } from '../../db/enums.js';
import type { ScopedTransaction } from '../../db/scoped.js';
import type { DraftResult, Fallback, ReplyAnalysis, ReplyContext, SimilarExample, ThreadMessage } from '../../ai/port.js';
import { inboundBody } from '../../ai/email-text.js';
import { detectLanguage } from '../../ai/language.js';
import { runTextWork } from '../../cpu/pool.js';
import { parseAddressList } from '../../ai/addresses.js';
import { replyTextsOffLoop } from '../../cpu/pool.js';
import { BODY_COLUMNS, withTextWorkBodies, type TextWorkMessage } from '../inbound/text-work-bodies.js';
import { recordAudit } from '../audit.js';
import type { DomainContext } from '../use-case-context.js';
import { inTransaction, markLeadDoNotContact, publishEvents, transitionConversation, transitionConversationSuggestions, type PendingEvents } from '../transitions.js';
import type { UnloggedEvent } from '../../events/bus.js';
import { InvalidStateError, NotFoundError, ValidationError } from '../errors.js';
import { snoozeConversation } from '../conversations/snooze.js';
import { lockConversation } from '../conversations/lock.js';
import { applyAnalysisToInbox } from '../inbox/analysis.js';
import { suggestDoNotContact, unsubscribeDecision } from '../conversations/suggested-action.js';
import { templateExamples } from '../templates/index.js';

/** The account's newest templates shown to the drafter as style examples. */
const STYLE_EXAMPLES = 3;

/** Past conversations like this one, best first (similar.ts, findSimilarExamples). */
export type FindSimilarExamples = (
  ctx: DomainContext,
  query: { conversationId: string; messageId: string; text: string; analysis: ReplyAnalysis },
) => Promise<SimilarExample[]>;

/** No examples: drafting without similarity search (the default when the caller passes none). */
export const noSimilarExamples: FindSimilarExamples = async () => [];

export interface DraftOptions {
  findSimilarExamples?: FindSimilarExamples;
  /**
   * When the model fails: false throws (the job queue retries later with backoff), true (the
   * default) drafts offline, flags it and publishes an ERROR event. Jobs pass false until
   * their last attempt.
   */
  allowFallback?: boolean;
}

export type DraftOutcome =
  | {
      kind: 'DRAFTED';
      suggestion: AISuggestion;
      /** Earlier pending drafts this one replaced. */
      supersededIds: string[];
      /** True when the offline drafter stood in for the model. */
      fallback: boolean;
      /** True when an earlier run had already drafted for this email: nothing new was made. */
      reused: boolean;
    }
  | { kind: 'UNSUBSCRIBED'; leadId: string; analysis: MessageAnalysis }
  | { kind: 'OUT_OF_OFFICE'; returnDate: Date | null; analysis: MessageAnalysis }
  | { kind: 'SKIPPED'; reason: 'ARCHIVED' | 'DO_NOT_CONTACT' | 'NEWER_MESSAGE'; analysis: MessageAnalysis };

const THREAD_LIMIT = 20;

type ConversationWithLead = Conversation & { lead: Lead };

/**
 * What the injection detector reads of the inbound email: the whole email as received, or its
 * verdict when that was read when the email arrived (inbound/receive.ts, injectionSuspected).
 */
export type WholeInboundEmail = { textBody: string; htmlBody: string | null } | { injectionSuspected: boolean };

/** The inbound email, its conversation and lead, and the thread up to it, as the AI sees them. */
export async function loadReplyContext(
  ctx: DomainContext,
  conversation: ConversationWithLead,
  message: TextWorkMessage,
  whole: WholeInboundEmail,
  examples: SimilarExample[] = [],
): Promise<ReplyContext> {
  const recent = await withTextWorkBodies(
    ctx,
    await ctx.db.conversationMessage.findMany({
      where: { conversationId: conversation.id, createdAt: { lte: message.createdAt } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: THREAD_LIMIT,
      omit: BODY_COLUMNS,
    }),
  );
  const messages = recent.reverse();
  if (!recent.some((m) => m.id === message.id)) messages.push(message);
  // Quote stripping runs in the text-work pool, on each email's bounded prefix.
  const texts = await replyTextsOffLoop(messages.map(inboundBody));
  const toThread = (m: TextWorkMessage, text: string): ThreadMessage => ({
    direction: m.direction,
    fromName: m.fromName,
    fromEmail: m.fromEmail,
    subject: m.subject,
    // The same preparation for every path (analysis, drafting, embedding, eval): email-text.ts.
    text,
    at: m.receivedAt ?? m.sentAt ?? m.createdAt,
  });
  const thread = messages.map((m, i) => toThread(m, texts[i]!));
  const { lead } = conversation;
  const { config } = ctx.services;
  return {
    lead: {
      name: lead.name,
      email: lead.email,
      company: lead.company,
      phone: lead.phone,
      source: lead.source,
      sourceUrl: lead.sourceUrl,
      estimatedValue: lead.estimatedValue,
    },
    thread,
    inbound: thread.find((_, i) => messages[i]!.id === message.id)!,
    sender: { name: config.email.fromName, email: config.email.fromAddress },
    offerFacts: config.ai.offerFacts ?? null,
    examples,
    styleExamples: await templateExamples(ctx, { limit: STYLE_EXAMPLES }),
    now: ctx.services.now(),
    inboundRaw: { ...whole, copied: copiedAddressees(message) },
  };
}

/** Who else the inbound email was addressed to, with display names where the Cc header kept them. */
function copiedAddressees(message: Pick<ConversationMessage, 'headers' | 'ccEmails'>): { name: string | null; email: string }[] {
  const headers = Array.isArray(message.headers) ? (message.headers as { name?: unknown; value?: unknown }[]) : [];
  const ccHeader = headers.find((h) => typeof h.name === 'string' && h.name.toLowerCase() === 'cc' && typeof h.value === 'string');
  const named = ccHeader ? parseAddressList(ccHeader.value as string) : [];
  const fromHeader = (email: string) => named.find((a) => a.email.toLowerCase() === email.toLowerCase())?.name ?? null;
  const all = [...message.ccEmails.map((email) => ({ name: fromHeader(email), email })), ...named];
  return [...new Map(all.map((a) => [a.email.toLowerCase(), a])).values()];
}

export function toReplyAnalysis(row: MessageAnalysis): ReplyAnalysis {
  return {
    sentiment: row.sentiment,
    intent: row.intent,
    urgency: row.urgency,
    intentConfidence: row.intentConfidence,
    keyPoints: row.keyPoints,
    questions: row.questions,
    suggestedNextStep: row.suggestedNextStep ?? '',
    returnDate: row.returnDate ? row.returnDate.toISOString().slice(0, 10) : null,
    referral: row.referralName ? { name: row.referralName, email: row.referralEmail } : null,
    injectionSuspected: row.injectionSuspected,
  };
}

/**
 * The stored analysis of an inbound email, made (and stored) on first use. Concurrent first
 * uses both ask the model, but only one row is kept and both return it.
 */
export async function analysisFor(
  ctx: DomainContext,
  context: ReplyContext,
  message: Pick<ConversationMessage, 'id' | 'conversationId'>,
  allowFallback = true,
): Promise<{ row: MessageAnalysis; fallback: Fallback | null }> {
  const existing = await ctx.db.messageAnalysis.findUnique({ where: { messageId: message.id } });
  if (existing) return { row: existing, fallback: null };
  const { analysis: a, meta, fallback } = await ctx.services.ai.analyzeReply(context, { fallback: allowFallback });
  await ctx.db.messageAnalysis.createMany({
    skipDuplicates: true,
    data: [
      {
        accountId: ctx.viewer.accountId,
        conversationId: message.conversationId,
        messageId: message.id,
        sentiment: a.sentiment,
        intent: a.intent,
        urgency: a.urgency,
        intentConfidence: a.intentConfidence,
        keyPoints: a.keyPoints,
        questions: a.questions,
        suggestedNextStep: a.suggestedNextStep,
        returnDate: a.returnDate ? new Date(`${a.returnDate}T00:00:00Z`) : null,
        referralName: a.referral?.name ?? null,
        referralEmail: a.referral?.email ?? null,
        injectionSuspected: a.injectionSuspected,
        provider: meta.provider,
        model: meta.model,
        promptVersion: meta.promptVersion,
        promptTokens: meta.inputTokens,
        completionTokens: meta.outputTokens,
        latencyMs: meta.latencyMs,
        estimatedCost: meta.costUsd,
        fallback: fallback !== null,
      },
    ],
  });
  const row = await ctx.db.messageAnalysis.findUniqueOrThrow({ where: { messageId: message.id } });
  // The language the lead wrote in, recorded on the message (prepared text: quotes excluded).
  const language = await detectLanguage(context.inbound.text);
  await ctx.db.conversationMessage.updateMany({ where: { id: message.id, language: null }, data: { language } });
  return { row, fallback };
}

/** Marks every pending draft of the conversation SUPERSEDED (audited, announced); returns them. */
async function supersedePending(
  ctx: DomainContext,
  tx: ScopedTransaction,
  events: PendingEvents,
  conversationId: string,
  reason: string,
): Promise<AISuggestion[]> {
  const ids = await transitionConversationSuggestions(tx, ctx.viewer, {
    conversationId,
    from: ['PENDING'],
    to: 'SUPERSEDED',
    action: 'suggestion.superseded',
    details: { reason },
  });
  const at = ctx.services.now().toISOString();
  for (const suggestionId of ids) {
    events.publish({ type: 'SUGGESTION_SUPERSEDED', accountId: ctx.viewer.accountId, conversationId, at, suggestionId, reason });
  }
  return ids.length === 0 ? [] : tx.aISuggestion.findMany({ where: { id: { in: ids } } });
}

/** The columns every stored draft takes from the model's result: first drafts, regenerations and follow-ups. */
export function draftResultColumns(draft: DraftResult) {
  return {
    subject: draft.subject,
    body: draft.body,
    confidence: draft.confidence,
    provider: draft.meta.provider,
    model: draft.meta.model,
    promptVersion: draft.meta.promptVersion,
    promptTokens: draft.meta.inputTokens,
    completionTokens: draft.meta.outputTokens,
    latencyMs: draft.meta.latencyMs,
    estimatedCost: draft.meta.costUsd,
    fallback: draft.fallback !== null,
    safetyFlags: draft.safetyFlags,
    language: draft.language,
    humanWriterReason: draft.humanWriterReason,
  };
}

export interface StoreDraftInput {
  conversationId: string;
  message: Pick<ConversationMessage, 'id' | 'createdAt'>;
  analysis: MessageAnalysis;
  draft: DraftResult;
  /** inbound: a retried job must not draft twice; regenerate: a person asked for another. */
  mode: 'inbound' | 'regenerate';
}

export type StoreDraftResult =
  | { kind: 'STORED'; suggestion: AISuggestion; superseded: AISuggestion[]; conversation: Conversation }
  | { kind: 'EXISTING'; suggestion: AISuggestion }
  | { kind: 'SKIPPED'; reason: 'ARCHIVED' | 'DO_NOT_CONTACT' | 'NEWER_MESSAGE' };

/**
 * Stores a draft as the conversation's one PENDING suggestion, in one transaction: earlier
 * pending drafts become SUPERSEDED and the conversation NEEDS_REVIEW. Events go out after
 * commit: AI_READY, and ERROR when the offline drafter stood in for the model.
 */
export async function storeDraft(ctx: DomainContext, input: StoreDraftInput): Promise<StoreDraftResult> {
  const { draft, message, analysis } = input;
  return inTransaction(ctx, async (tx, events): Promise<StoreDraftResult> => {
    await lockConversation(tx, ctx.viewer.accountId, input.conversationId);
    const conversation = await tx.conversation.findUnique({ where: { id: input.conversationId }, include: { lead: true } });
    if (!conversation) throw new NotFoundError('Conversation', input.conversationId);
    if (input.mode === 'inbound') {
      const existing = await tx.aISuggestion.findFirst({
        where: { inReplyToId: message.id },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      });
      if (existing) return { kind: 'EXISTING', suggestion: existing };
      if (conversation.status === 'ARCHIVED') return { kind: 'SKIPPED', reason: 'ARCHIVED' };
      if (conversation.lead.doNotContact) return { kind: 'SKIPPED', reason: 'DO_NOT_CONTACT' };
      const newer = await tx.conversationMessage.count({
        where: { conversationId: conversation.id, direction: 'INBOUND', createdAt: { gt: message.createdAt } },
      });
      if (newer > 0) return { kind: 'SKIPPED', reason: 'NEWER_MESSAGE' };
    } else {
      if (conversation.status === 'ARCHIVED') throw new InvalidStateError('The conversation is archived; unarchive it first.', 'ARCHIVED');
      if (conversation.lead.doNotContact) throw new InvalidStateError('The lead asked not to be contacted.', 'DO_NOT_CONTACT');
    }
    const superseded = await supersedePending(ctx, tx, events, conversation.id, input.mode === 'regenerate' ? 'regenerated' : 'new reply');
    const suggestion = await tx.aISuggestion.create({
      data: {
        accountId: ctx.viewer.accountId,
        conversationId: conversation.id,
        inReplyToId: message.id,
        status: 'PENDING',
        ...draftResultColumns(draft),
        sentiment: analysis.sentiment,
        intent: analysis.intent,
        urgency: analysis.urgency,
        keyPoints: analysis.keyPoints,
        questions: analysis.questions,
        nextStep: analysis.suggestedNextStep,
        tone: draft.style.tone ?? null,
        length: draft.style.length ?? null,
        customPrompt: draft.style.customPrompt ?? null,
        noteToName: draft.referralNote?.toName ?? null,
        noteToEmail: draft.referralNote?.toEmail ?? null,
        noteSubject: draft.referralNote?.subject ?? null,
        noteBody: draft.referralNote?.body ?? null,
      },
    });
    await recordAudit(tx, ctx.viewer, {
      action: input.mode === 'regenerate' ? 'suggestion.regenerated' : 'suggestion.drafted',
      entityType: 'AISuggestion',
      entityId: suggestion.id,
      toStatus: 'PENDING',
      details: {
        messageId: message.id,
        model: suggestion.model,
        fallback: suggestion.fallback,
        ...(superseded.length > 0 ? { superseded: superseded.map((s) => s.id) } : {}),
      },
    });
    // A snoozed conversation stays snoozed for a regenerated draft (a reply woke it already).
    if (conversation.status !== 'NEEDS_REVIEW' && conversation.status !== 'SNOOZED') {
      await transitionConversation(tx, ctx.viewer, { id: conversation.id, from: [conversation.status], to: 'NEEDS_REVIEW', action: 'conversation.needs_review' });
    }
    // Team inbox (issue 18, part A): the newest reply's intent and urgency.
    const priorityChange = await applyAnalysisToInbox(tx, ctx.viewer, conversation, analysis);
    const updated = await tx.conversation.findUniqueOrThrow({ where: { id: conversation.id } });
    const at = ctx.services.now().toISOString();
    events.publish({ type: 'AI_READY', accountId: ctx.viewer.accountId, conversationId: input.conversationId, at, suggestionId: suggestion.id, confidence: suggestion.confidence });
    if (draft.fallback) events.publish(errorEvent(ctx, input.conversationId, draft.fallback, message.id, suggestion.id));
    if (priorityChange) events.publish({ type: 'PRIORITY_CHANGED', accountId: ctx.viewer.accountId, conversationId: input.conversationId, at, ...priorityChange });
    return { kind: 'STORED', suggestion, superseded, conversation: updated };
  });
}

function errorEvent(ctx: DomainContext, conversationId: string, fallback: Fallback, messageId: string, suggestionId: string | null): UnloggedEvent {
  return {
    type: 'ERROR',
    accountId: ctx.viewer.accountId,
    conversationId,
    at: ctx.services.now().toISOString(),
    code: fallback.code,
    message: fallback.message,
    messageId,
    suggestionId,
  };
}

/** A conversation's inbound email, or NotFoundError (also for an outbound one). */
async function loadInbound(ctx: DomainContext, conversationId: string, messageId: string) {
  const found = await ctx.db.conversationMessage.findFirst({ where: { id: messageId, conversationId, direction: 'INBOUND' }, omit: BODY_COLUMNS });
  if (!found) throw new NotFoundError('ConversationMessage', messageId);
  const [message] = await withTextWorkBodies(ctx, [found]);
  if (!message) throw new NotFoundError('ConversationMessage', messageId);
  const conversation = await ctx.db.conversation.findUnique({ where: { id: conversationId }, include: { lead: true } });
  if (!conversation) throw new NotFoundError('Conversation', conversationId);
  return { message, conversation };
}

/**
 * The verdict read when the email arrived, or (a job queued before it was carried, a caller
 * without one) the whole email for the detector to read now.
 */
async function wholeInboundEmail(ctx: DomainContext, messageId: string, injectionSuspected: boolean | undefined): Promise<WholeInboundEmail> {
  if (injectionSuspected !== undefined) return { injectionSuspected };
  return ctx.db.conversationMessage.findUniqueOrThrow({ where: { id: messageId }, select: { textBody: true, htmlBody: true } });
}

/**
 * Analyse a lead's new email and draft the answer for review. Idempotent per email: a second
 * call (a retried job) returns what the first made (the newest draft for that email, which is
 * a regenerated one if a person regenerated since) and asks no model again.
 */
export async function draftReplyForInbound(
  ctx: DomainContext,
  input: { conversationId: string; inboundMessageId: string; injectionSuspected?: boolean } & DraftOptions,
): Promise<DraftOutcome> {
  const options: DraftOptions = input;
  const { message, conversation } = await loadInbound(ctx, input.conversationId, input.inboundMessageId);
  const previous = await ctx.db.aISuggestion.findFirst({
    where: { inReplyToId: message.id },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
  if (previous) return { kind: 'DRAFTED', suggestion: previous, supersededIds: [], fallback: previous.fallback, reused: true };

  const context = await loadReplyContext(ctx, conversation, message, await wholeInboundEmail(ctx, message.id, input.injectionSuspected));
  const { row: analysis, fallback: analysisFallback } = await analysisFor(ctx, context, message, options.allowFallback ?? true);

  // Without a draft to carry the news, the failed analysis is reported on its own.
  const reportAnalysisFallback = async () => {
    if (analysisFallback) await publishEvents(ctx, [errorEvent(ctx, conversation.id, analysisFallback, message.id, null)]);
  };
  // Do-not-contact cannot be undone by the lead: set it alone only on an explicit request the
  // analyser is sure of; otherwise a person confirms (conversations/suggested-action.ts). Either way the
  // conversation stays NEEDS_REVIEW, so the reply is in front of a person.
  // The lexicon's scan runs in the text-work pool: on a long email it held the event loop.
  const explicitRequest = await runTextWork('explicitUnsubscribe', { text: context.inbound.text });
  const unsubscribe = unsubscribeDecision(analysis, context.inbound.text, explicitRequest);
  if (unsubscribe === 'AUTOMATIC') {
    await applyUnsubscribe(ctx, conversation, message);
    await reportAnalysisFallback();
    return { kind: 'UNSUBSCRIBED', leadId: conversation.leadId, analysis };
  }
  if (unsubscribe === 'SUGGEST' && !conversation.lead.doNotContact) {
    await suggestDoNotContact(ctx, {
      conversationId: conversation.id,
      messageId: message.id,
      confidence: analysis.intentConfidence,
      reason:
        analysis.intent === 'UNSUBSCRIBE'
          ? 'The reply may ask us to stop emailing, but not in so many words.'
          : 'The reply contains a request to stop emailing, but the analysis reads it as something else.',
    });
  }
  if (analysis.intent === 'OUT_OF_OFFICE') {
    await snoozeUntilReturn(ctx, conversation, message.id, analysis.returnDate);
    await reportAnalysisFallback();
    return { kind: 'OUT_OF_OFFICE', returnDate: analysis.returnDate, analysis };
  }
  if (conversation.status === 'ARCHIVED' || conversation.lead.doNotContact) {
    await reportAnalysisFallback();
    return { kind: 'SKIPPED', reason: conversation.status === 'ARCHIVED' ? 'ARCHIVED' : 'DO_NOT_CONTACT', analysis };
  }

  const replyAnalysis = toReplyAnalysis(analysis);
  const find = options.findSimilarExamples ?? noSimilarExamples;
  context.examples = await find(ctx, { conversationId: conversation.id, messageId: message.id, text: context.inbound.text, analysis: replyAnalysis });
  const draft = await ctx.services.ai.generateReply(context, replyAnalysis, { fallback: options.allowFallback ?? true });
  // A model that failed at analysis but drafted fine is still worth reporting.
  const withFallback: DraftResult = draft.fallback || !analysisFallback ? draft : { ...draft, fallback: analysisFallback };
  const stored = await storeDraft(ctx, { conversationId: conversation.id, message, analysis, draft: withFallback, mode: 'inbound' });
  switch (stored.kind) {
    case 'STORED':
      return { kind: 'DRAFTED', suggestion: stored.suggestion, supersededIds: stored.superseded.map((s) => s.id), fallback: withFallback.fallback !== null, reused: false };
    case 'EXISTING':
      return { kind: 'DRAFTED', suggestion: stored.suggestion, supersededIds: [], fallback: stored.suggestion.fallback, reused: true };
    case 'SKIPPED':
      return { kind: 'SKIPPED', reason: stored.reason, analysis };
  }
}

/**
 * An away notice that names the day the lead is back snoozes the conversation until then, by
 * itself: visible (snoozeReason OUT_OF_OFFICE, the audit row says automatic) and undone by
 * unsnoozeConversation. Not for an archived conversation, nor a return date that is past or
 * more than a year away (then it stays in front of a person), nor again for the same date (a
 * retried job).
 */
async function snoozeUntilReturn(ctx: DomainContext, conversation: Conversation, messageId: string, returnDate: Date | null): Promise<void> {
  if (!returnDate || conversation.status === 'ARCHIVED') return;
  if (conversation.status === 'SNOOZED' && conversation.snoozedUntil?.getTime() === returnDate.getTime()) return;
  try {
    await snoozeConversation(ctx, { conversationId: conversation.id, until: returnDate, reason: 'OUT_OF_OFFICE', details: { messageId } });
  } catch (error) {
    if (!(error instanceof ValidationError || error instanceof InvalidStateError)) throw error;
    ctx.services.logger.info({ conversationId: conversation.id, returnDate, reason: error.message }, 'away notice: conversation not snoozed');
  }
}

/**
 * An explicit, certain UNSUBSCRIBE: the lead is marked do-not-contact and any pending draft is
 * withdrawn (SUPERSEDED, since nobody may send it); nothing is drafted. The conversation keeps
 * its NEEDS_REVIEW status: the reply stays in front of a person, who archives it when read.
 */
async function applyUnsubscribe(ctx: DomainContext, conversation: ConversationWithLead, message: Pick<ConversationMessage, 'id'>): Promise<void> {
  await inTransaction(ctx, async (tx, events) => {
    await lockConversation(tx, ctx.viewer.accountId, conversation.id);
    await markDoNotContact(ctx, tx, events, conversation, { reason: 'unsubscribe', messageId: message.id });
  });
}

/**
 * Marks the lead do-not-contact (audited and announced once) and withdraws the conversation's
 * pending drafts (each announced as superseded).
 */
export async function markDoNotContact(
  ctx: DomainContext,
  tx: ScopedTransaction,
  events: PendingEvents,
  conversation: Pick<Conversation, 'id' | 'leadId'>,
  cause: { reason: string; messageId: string | null },
): Promise<void> {
  const marked = await markLeadDoNotContact(tx, ctx.viewer, { id: conversation.leadId, details: { reason: cause.reason, messageId: cause.messageId } });
  if (marked) {
    events.publish({
      type: 'LEAD_DO_NOT_CONTACT',
      accountId: ctx.viewer.accountId,
      conversationId: conversation.id,
      at: ctx.services.now().toISOString(),
      leadId: conversation.leadId,
      reason: cause.reason,
    });
  }
  await supersedePending(ctx, tx, events, conversation.id, 'lead unsubscribed');
}
