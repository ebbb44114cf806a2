// Internal notes: for the team only. They live in their own table, which neither drafting
// (the AI's context) nor sending reads, so a note never reaches the lead.
import { recordAudit } from '../audit.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { inTransaction } from '../transitions.js';
import type { DomainContext } from '../use-case-context.js';

export const NOTE_BODY_MAX = 10_000;
/** Mentions looked up per note: more are ignored (a note is not a mailing list). */
export const MAX_MENTIONS = 20;

/**
 * The addresses mentioned as "@name@example.com". One pass of a pattern without nested
 * quantifiers over a bounded body: linear time. Trailing sentence punctuation is not part of
 * the address.
 */
function mentionedAddresses(body: string): string[] {
  const found = new Set<string>();
  for (const match of body.matchAll(/(?<![^\s(\[{,;:])@([^\s@<>()[\]{},;:"]+@[^\s@<>()[\]{},;:"]+)/g)) {
    const address = match[1]!.replace(/[.!?'’]+$/, '').toLowerCase();
    if (address.includes('@') && !address.endsWith('@')) found.add(address);
    if (found.size >= MAX_MENTIONS) break;
  }
  return [...found];
}

/** Adds a note to the conversation; users of the account mentioned by @email are notified. */
export async function addNote(ctx: DomainContext, input: { conversationId: string; body: string }): Promise<{ noteId: string; mentionedUserIds: string[] }> {
  const body = input.body.trim();
  if (body.length === 0 || body.length > NOTE_BODY_MAX) {
    throw ValidationError.fromIssues([{ path: ['input', 'body'], message: `must be 1 to ${NOTE_BODY_MAX} characters` }]);
  }
  const { accountId, userId } = ctx.viewer;
  return inTransaction(ctx, async (tx, events) => {
    const conversation = await tx.conversation.findUnique({ where: { id: input.conversationId }, select: { id: true } });
    if (!conversation) throw new NotFoundError('Conversation', input.conversationId);
    const addresses = mentionedAddresses(body);
    const mentioned =
      addresses.length > 0
        ? await tx.user.findMany({ where: { email: { in: addresses, mode: 'insensitive' } }, select: { id: true } })
        : [];
    // Writing "@me" does not notify me.
    const mentionedUserIds = mentioned.map((u) => u.id).filter((id) => id !== userId);
    const now = ctx.services.now();
    const note = await tx.note.create({
      data: { accountId, conversationId: conversation.id, authorId: userId ?? null, actor: ctx.viewer.actor, body, createdAt: now },
      select: { id: true },
    });
    await recordAudit(tx, ctx.viewer, {
      action: 'note.added',
      entityType: 'Note',
      entityId: note.id,
      details: { conversationId: conversation.id, mentionedUserIds },
    });
    const at = now.toISOString();
    events.publish({ type: 'NOTE_ADDED', accountId, conversationId: conversation.id, noteId: note.id, mentionedUserIds, at });
    for (const forUserId of mentionedUserIds) events.publish({ type: 'MENTIONED', accountId, conversationId: conversation.id, noteId: note.id, forUserId, at });
    return { noteId: note.id, mentionedUserIds };
  });
}
