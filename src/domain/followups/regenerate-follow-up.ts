// regenerateSuggestion on a pending FOLLOW_UP draft: another follow-up to the same email of
// ours (new tone, length or instruction), not a reply to an older email of the lead's. The
// pending one becomes SUPERSEDED, as for any regenerated draft.
import type { AISuggestion, Conversation, Lead } from '../../db/client.js';
import type { DraftStyle } from '../../ai/port.js';
import { recordAudit } from '../audit.js';
import { lockConversation } from '../conversations/lock.js';
import { InvalidStateError } from '../errors.js';
import { BODY_COLUMNS, withTextWorkBodies } from '../inbound/text-work-bodies.js';
import { draftResultColumns, loadReplyContext } from '../suggestions/draft.js';
import { inTransaction, transitionSuggestion } from '../transitions.js';
import type { DomainContext } from '../use-case-context.js';

export async function regenerateFollowUp(
  ctx: DomainContext,
  { conversation, pending, style }: { conversation: Conversation & { lead: Lead }; pending: AISuggestion; style: DraftStyle },
): Promise<{ suggestionId: string; supersededSuggestionId: string; conversationId: string }> {
  const { db, viewer, services } = ctx;
  const oursId = pending.followUpOfMessageId!;
  const [ours] = await withTextWorkBodies(ctx, [await db.conversationMessage.findUniqueOrThrow({ where: { id: oursId }, omit: BODY_COLUMNS })]);
  const lastReply = await db.conversationMessage.findFirst({
    where: { conversationId: conversation.id, direction: 'INBOUND' },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { createdAt: true },
  });
  // Which follow-up this is: those sent since the lead last wrote, and this one.
  const sentBefore = await db.aISuggestion.count({
    where: { conversationId: conversation.id, kind: 'FOLLOW_UP', status: { in: ['APPROVED', 'EDITED'] }, createdAt: { gt: lastReply?.createdAt ?? new Date(0) } },
  });
  const context = await loadReplyContext(ctx, conversation, ours!, { injectionSuspected: false });
  const draft = await services.ai.generateFollowUp(context, { ...style, previousDraft: { subject: pending.subject, body: pending.body }, followUp: { number: sentBefore + 1 } });
  return inTransaction(ctx, async (tx, events) => {
    await lockConversation(tx, viewer.accountId, conversation.id);
    const superseded = await transitionSuggestion(tx, viewer, {
      id: pending.id,
      from: ['PENDING'],
      to: 'SUPERSEDED',
      action: 'suggestion.superseded',
      details: { reason: 'regenerated' },
    });
    if (!superseded) throw new InvalidStateError('The follow-up was decided by someone else a moment ago.', 'DECIDED');
    const suggestion = await tx.aISuggestion.create({
      data: {
        accountId: viewer.accountId,
        conversationId: conversation.id,
        kind: 'FOLLOW_UP',
        followUpOfMessageId: oursId,
        status: 'PENDING',
        ...draftResultColumns(draft),
        tone: style.tone ?? null,
        length: style.length ?? null,
        customPrompt: style.customPrompt ?? null,
        nextStep: pending.nextStep,
      },
    });
    await recordAudit(tx, viewer, {
      action: 'suggestion.regenerated',
      entityType: 'AISuggestion',
      entityId: suggestion.id,
      toStatus: 'PENDING',
      details: { followUpOf: oursId, model: suggestion.model, fallback: suggestion.fallback, superseded: [pending.id] },
    });
    events.publish({ type: 'AI_READY', accountId: viewer.accountId, conversationId: conversation.id, at: services.now().toISOString(), suggestionId: suggestion.id, confidence: suggestion.confidence });
    return { suggestionId: suggestion.id, supersededSuggestionId: pending.id, conversationId: conversation.id };
  });
}
