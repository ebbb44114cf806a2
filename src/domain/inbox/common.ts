// What the team-inbox use cases share: the id limits, and who the viewer is as a person.
import { InvalidStateError, NotFoundError, ValidationError } from '../errors.js';
import type { ScopedTransaction } from '../../db/scoped.js';
import type { Viewer } from '../use-case-context.js';

/** Most conversations one call (markConversationsRead, bulkUpdateConversations) may name. */
export const MAX_CONVERSATIONS_PER_CALL = 100;
/** Most labels one conversation may carry, and one call may name. */
export const MAX_LABELS_PER_CONVERSATION = 20;

/**
 * The signed-in person. Read state and mentions belong to people: an API key acts for the
 * account and has none (documented on markConversationsRead and Conversation.unread).
 */
export function personOf(viewer: Viewer): string {
  if (!viewer.userId) throw new InvalidStateError('Read state belongs to a person; an API key has none. Sign in as a user.', 'API_KEY');
  return viewer.userId;
}

/** The ids, once each, in the order given; refused past `max`. */
export function distinctIds(ids: readonly string[], max: number, field: string): string[] {
  const unique = [...new Set(ids)];
  if (unique.length > max) throw ValidationError.fromIssues([{ path: ['input', field], message: `must name at most ${max} distinct ids` }]);
  return unique;
}

/** The conversation, or NotFoundError when it is not in the account. */
export async function conversationOrThrow(tx: ScopedTransaction, conversationId: string) {
  const conversation = await tx.conversation.findUnique({
    where: { id: conversationId },
    select: { id: true, assigneeId: true, priority: true },
  });
  if (!conversation) throw new NotFoundError('Conversation', conversationId);
  return conversation;
}
