// A person asks for another draft: new tone, length or instruction. The pending draft becomes
// SUPERSEDED and the new one takes its place, answering the same inbound email.
import { RATE_LIMITS } from '../../limits/rate-limits.js';
import { findSimilarExamples } from './similar.js';
import type { Length, Tone } from '../../ai/port.js';
import type { DomainContext } from '../use-case-context.js';
import { analysisFor, loadReplyContext, storeDraft, toReplyAnalysis, type DraftOptions } from './draft.js';
import { InvalidStateError, NotFoundError } from '../errors.js';
import { regenerateFollowUp } from '../followups/regenerate-follow-up.js';

/** Each viewer may regenerate this often: every draft is a paid model call. */
export const REGENERATE_RATE_LIMIT = {
  limit: RATE_LIMITS.regenerateSuggestion.points,
  windowMs: RATE_LIMITS.regenerateSuggestion.duration * 1000,
};
export const CUSTOM_PROMPT_MAX = 500;

export interface RegenerateInput {
  conversationId: string;
  /** The inbound email to answer; the newest one by default. */
  messageId?: string | null;
  tone?: Tone | null;
  length?: Length | null;
  customPrompt?: string | null;
}

/** Ids only: the payload's objects are loaded by Pothos with the client's selection. */
export interface RegenerateResult {
  suggestionId: string;
  supersededSuggestionId: string | null;
  conversationId: string;
}

export async function regenerateSuggestion(
  ctx: DomainContext,
  input: RegenerateInput & Pick<DraftOptions, 'findSimilarExamples'>,
): Promise<RegenerateResult> {
  const { viewer, db, services } = ctx;
  // Counted per call (aliases and WebSocket operations too), shared across instances via Redis.
  await services.rateLimits.consume('regenerateSuggestion', viewer.actor);
  const conversation = await db.conversation.findUnique({ where: { id: input.conversationId }, include: { lead: true } });
  if (!conversation) throw new NotFoundError('Conversation', input.conversationId);
  if (conversation.status === 'ARCHIVED') throw new InvalidStateError('The conversation is archived; unarchive it first.', 'ARCHIVED');
  if (conversation.lead.doNotContact) throw new InvalidStateError('The lead asked not to be contacted.', 'DO_NOT_CONTACT');
  const style = { tone: input.tone ?? null, length: input.length ?? null, customPrompt: input.customPrompt?.trim() || null };
  // A pending follow-up is redrafted as a follow-up, unless the caller names an email to answer.
  if (!input.messageId) {
    const pendingFollowUp = await db.aISuggestion.findFirst({ where: { conversationId: conversation.id, status: 'PENDING', kind: 'FOLLOW_UP' } });
    if (pendingFollowUp?.followUpOfMessageId) return regenerateFollowUp(ctx, { conversation, pending: pendingFollowUp, style });
  }
  const message = input.messageId
    ? await db.conversationMessage.findFirst({ where: { id: input.messageId, conversationId: conversation.id, direction: 'INBOUND' } })
    : await db.conversationMessage.findFirst({
        where: { conversationId: conversation.id, direction: 'INBOUND' },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      });
  if (!message) {
    if (input.messageId) throw new NotFoundError('ConversationMessage', input.messageId);
    throw new InvalidStateError('The lead has not replied yet: there is nothing to answer.', conversation.status);
  }
  const context = await loadReplyContext(ctx, conversation, message, { textBody: message.textBody, htmlBody: message.htmlBody });
  const { row: analysis } = await analysisFor(ctx, context, message);
  const replyAnalysis = toReplyAnalysis(analysis);
  const find = input.findSimilarExamples ?? findSimilarExamples;
  context.examples = await find(ctx, { conversationId: conversation.id, messageId: message.id, text: context.inbound.text, analysis: replyAnalysis });
  const pending = await db.aISuggestion.findFirst({ where: { conversationId: conversation.id, status: 'PENDING' } });
  const draft = await services.ai.regenerateReply(context, replyAnalysis, {
    ...style,
    previousDraft: pending ? { subject: pending.subject, body: pending.body } : null,
  });
  const stored = await storeDraft(ctx, { conversationId: conversation.id, message, analysis, draft, mode: 'regenerate' });
  if (stored.kind !== 'STORED') throw new Error(`unexpected ${stored.kind} when regenerating`);
  return { suggestionId: stored.suggestion.id, supersededSuggestionId: stored.superseded[0]?.id ?? null, conversationId: conversation.id };
}
