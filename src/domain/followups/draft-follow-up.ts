// Drafting a follow-up for a conversation that went quiet (the draft-follow-up job): grounded in
// the thread up to our last email, by the model or the offline drafter like any draft, stored
// as the conversation's PENDING suggestion of kind FOLLOW_UP, and the conversation NEEDS_REVIEW,
// so a person approves (and sends) it like any draft. Nothing is sent by itself.
import { Prisma, type AISuggestion } from '../../db/client.js';
import { recordAudit } from '../audit.js';
import { lockConversation } from '../conversations/lock.js';
import { BODY_COLUMNS, withTextWorkBodies } from '../inbound/text-work-bodies.js';
import { draftResultColumns, loadReplyContext } from '../suggestions/draft.js';
import { inTransaction, transitionConversation } from '../transitions.js';
import type { DomainContext } from '../use-case-context.js';
import { dueFollowUpsSql, type DueFollowUp } from './due.js';

export interface DraftFollowUpInput {
  conversationId: string;
  /** Our email to follow up: the job's, as the scan found it. */
  afterMessageId: string;
  /** When the model fails: false throws (the job retries), true drafts offline (default). */
  allowFallback?: boolean;
}

export type DraftFollowUpOutcome = { kind: 'DRAFTED'; suggestionId: string } | { kind: 'NOT_NEEDED' };

export async function draftFollowUp(ctx: DomainContext, input: DraftFollowUpInput): Promise<DraftFollowUpOutcome> {
  const { db, viewer, services } = ctx;
  const only = Prisma.sql`c.id = ${input.conversationId}::uuid AND c.account_id = ${viewer.accountId}::uuid AND lo.id = ${input.afterMessageId}::uuid`;
  const isDue = async (tx: Pick<typeof db, '$queryRaw'>) => (await tx.$queryRaw<DueFollowUp[]>(dueFollowUpsSql(services.now(), only, 1)))[0];
  // Checked before the model is paid for, and again under the lock before the draft is stored:
  // the lead may write, or a person archive, while it drafts.
  const due = await isDue(db);
  if (!due) return { kind: 'NOT_NEEDED' };
  const conversation = await db.conversation.findUniqueOrThrow({ where: { id: input.conversationId }, include: { lead: true } });
  const [ours] = await withTextWorkBodies(ctx, [await db.conversationMessage.findUniqueOrThrow({ where: { id: input.afterMessageId }, omit: BODY_COLUMNS })]);
  const context = await loadReplyContext(ctx, conversation, ours!, { injectionSuspected: false });
  const draft = await services.ai.generateFollowUp(context, { followUp: { number: due.draftedSince + 1 } }, { fallback: input.allowFallback ?? true });
  const stored = await inTransaction(ctx, async (tx, events): Promise<AISuggestion | null> => {
    const locked = await lockConversation(tx, viewer.accountId, input.conversationId);
    if (!locked || !(await isDue(tx))) return null;
    const suggestion = await tx.aISuggestion.create({
      data: {
        accountId: viewer.accountId,
        conversationId: input.conversationId,
        kind: 'FOLLOW_UP',
        followUpOfMessageId: input.afterMessageId,
        status: 'PENDING',
        ...draftResultColumns(draft),
        intent: null,
        nextStep: 'Follow up on our last email, which got no reply.',
      },
    });
    await recordAudit(tx, viewer, {
      action: 'suggestion.follow_up_drafted',
      entityType: 'AISuggestion',
      entityId: suggestion.id,
      toStatus: 'PENDING',
      details: { followUpOf: input.afterMessageId, number: due.draftedSince + 1, model: suggestion.model, fallback: suggestion.fallback },
    });
    if (locked.status !== 'NEEDS_REVIEW') {
      await transitionConversation(tx, viewer, { id: input.conversationId, from: [locked.status], to: 'NEEDS_REVIEW', action: 'conversation.needs_review', details: { followUp: suggestion.id } });
    }
    const at = services.now().toISOString();
    events.publish({ type: 'AI_READY', accountId: viewer.accountId, conversationId: input.conversationId, at, suggestionId: suggestion.id, confidence: suggestion.confidence });
    if (draft.fallback) {
      events.publish({ type: 'ERROR', accountId: viewer.accountId, conversationId: input.conversationId, at, code: draft.fallback.code, message: draft.fallback.message, messageId: input.afterMessageId, suggestionId: suggestion.id });
    }
    return suggestion;
  });
  return stored ? { kind: 'DRAFTED', suggestionId: stored.id } : { kind: 'NOT_NEEDED' };
}
