// Nothing irreversible on a guess. An inbound reply may ask to stop emailing; only an explicit
// request recognised with high certainty marks the lead do-not-contact by itself (Postmark's
// own suppressions arrive as delivery events, see inbound/delivery-events.ts). Anything less becomes a
// suggested action on the conversation, visible in the API, that a person confirms or dismisses.
import type { Intent } from '../../ai/port.js';
import { explicitUnsubscribeRequest } from '../../ai/offline/lexicon.js';
import { recordAudit } from '../audit.js';
import type { DomainContext } from '../use-case-context.js';
import { markDoNotContact } from '../suggestions/draft.js';
import { InvalidStateError, NotFoundError } from '../errors.js';
import { inTransaction } from '../transitions.js';

/**
 * The analyser's certainty at or above which an explicit request to stop is acted on without a
 * person. The offline analyser reports 0.9 or more only for an explicit request (lexicon.ts);
 * a model must be at least as sure, and the text must still contain an explicit request.
 */
export const AUTOMATIC_UNSUBSCRIBE_CERTAINTY = 0.85;

export type UnsubscribeDecision = 'AUTOMATIC' | 'SUGGEST' | 'NONE';

/** What to do about a possible request to stop emailing, given the analysis and the prepared text. */
export function unsubscribeDecision(
  analysis: { intent: Intent; intentConfidence: number },
  text: string,
  explicit: boolean = explicitUnsubscribeRequest(text),
): UnsubscribeDecision {
  if (analysis.intent === 'UNSUBSCRIBE' && explicit && analysis.intentConfidence >= AUTOMATIC_UNSUBSCRIBE_CERTAINTY) return 'AUTOMATIC';
  if (analysis.intent === 'UNSUBSCRIBE' || explicit) return 'SUGGEST';
  return 'NONE';
}

/** Records (replacing any earlier one) the suggestion to mark the lead do-not-contact. */
export async function suggestDoNotContact(
  ctx: DomainContext,
  input: { conversationId: string; messageId: string; confidence: number; reason: string },
): Promise<void> {
  await ctx.db.$transaction(async (tx) => {
    await tx.conversation.update({
      where: { id: input.conversationId },
      data: {
        suggestedAction: 'MARK_DO_NOT_CONTACT',
        suggestedActionReason: input.reason,
        suggestedActionConfidence: input.confidence,
        suggestedActionMessageId: input.messageId,
        suggestedActionAt: ctx.services.now(),
      },
    });
    await recordAudit(tx, ctx.viewer, {
      action: 'conversation.action_suggested',
      entityType: 'Conversation',
      entityId: input.conversationId,
      details: { action: 'MARK_DO_NOT_CONTACT', messageId: input.messageId, confidence: input.confidence, reason: input.reason },
    });
  });
}

export type SuggestedActionDecision = 'CONFIRM' | 'DISMISS';

const CLEARED = {
  suggestedAction: null,
  suggestedActionReason: null,
  suggestedActionConfidence: null,
  suggestedActionMessageId: null,
  suggestedActionAt: null,
} as const;

/**
 * A person's answer to the conversation's suggested action. CONFIRM carries it out (the lead
 * becomes do-not-contact and pending drafts are withdrawn); DISMISS clears it. Both are audited.
 */
export async function resolveSuggestedAction(
  ctx: DomainContext,
  input: { conversationId: string; decision: SuggestedActionDecision },
): Promise<{ conversationId: string }> {
  const conversation = await ctx.db.conversation.findUnique({ where: { id: input.conversationId }, include: { lead: true } });
  if (!conversation) throw new NotFoundError('Conversation', input.conversationId);
  const action = conversation.suggestedAction;
  if (!action) throw new InvalidStateError('The conversation has no suggested action.', 'NO_SUGGESTED_ACTION');
  await inTransaction(ctx, async (tx, events) => {
    // Conditional: of two concurrent answers, exactly one clears the suggestion.
    const { count } = await tx.conversation.updateMany({
      where: { id: conversation.id, suggestedAction: action, suggestedActionAt: conversation.suggestedActionAt },
      data: CLEARED,
    });
    if (count === 0) throw new InvalidStateError('The suggested action was already answered.', 'NO_SUGGESTED_ACTION');
    await recordAudit(tx, ctx.viewer, {
      action: input.decision === 'CONFIRM' ? 'conversation.action_confirmed' : 'conversation.action_dismissed',
      entityType: 'Conversation',
      entityId: conversation.id,
      details: { action, messageId: conversation.suggestedActionMessageId, reason: conversation.suggestedActionReason },
    });
    events.publish({
      type: 'SUGGESTED_ACTION_RESOLVED',
      accountId: ctx.viewer.accountId,
      conversationId: conversation.id,
      at: ctx.services.now().toISOString(),
      action,
      decision: input.decision,
    });
    if (input.decision === 'CONFIRM') {
      await markDoNotContact(ctx, tx, events, conversation, { reason: 'confirmed suggestion', messageId: conversation.suggestedActionMessageId });
    }
  });
  // The id only: the payload's conversation is loaded by Pothos with the client's selection.
  return { conversationId: conversation.id };
}
