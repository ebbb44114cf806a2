// Turns the API's conversation filter and sort into Prisma where/orderBy clauses.
import type { Prisma } from '../db/client.js';
import type { ConversationStatus, Intent, Priority } from '../db/enums.js';

/** Whose conversations: the viewer's, nobody's, or one user's (a raw user id). */
export type AssigneeCondition = { kind: 'ME' } | { kind: 'UNASSIGNED' } | { kind: 'USER'; userId: string };

export interface ConversationFilterInput {
  status?: ConversationStatus[] | null;
  leadId?: string | null;
  hasPendingSuggestion?: boolean | null;
  search?: string | null;
  // Team inbox (issue 18, part A)
  unread?: boolean | null;
  assignee?: AssigneeCondition | null;
  /** Conversations carrying every one of these labels (raw ids). */
  labelIds?: string[] | null;
  priority?: Priority[] | null;
  intent?: Intent[] | null;
  lastMessageAfter?: Date | null;
  lastMessageBefore?: Date | null;
  snoozed?: boolean | null;
}

/** Who asks: read state and "ME" are theirs. An API key (no user) reads as the whole team. */
export interface FilterViewer {
  userId?: string | null;
}

export type ConversationOrderField = 'LAST_MESSAGE_AT' | 'CREATED_AT' | 'PRIORITY';
export type SortDirection = 'asc' | 'desc';

/** LIKE treats % _ and \ as wildcards or escapes; a search for "50%" means the text "50%". */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Unread for the viewer: the lead wrote, and the viewer's read marker (if any) does not name
 * the newest inbound email. For an API key: no one on the team has read it.
 */
export function unreadWhere(viewer: FilterViewer, unread = true): Prisma.ConversationWhereInput {
  const isUnread: Prisma.ConversationWhereInput = {
    lastInboundMessageId: { not: null },
    currentReads: { none: viewer.userId ? { userId: viewer.userId } : {} },
  };
  return unread ? isUnread : { NOT: isUnread };
}

function assigneeWhere(viewer: FilterViewer, assignee: AssigneeCondition): Prisma.ConversationWhereInput {
  if (assignee.kind === 'UNASSIGNED') return { assigneeId: null };
  if (assignee.kind === 'USER') return { assigneeId: assignee.userId };
  // "ME" as an API key: nobody is the key, so nothing matches.
  return viewer.userId ? { assigneeId: viewer.userId } : { id: { in: [] } };
}

export function conversationWhere(filter: ConversationFilterInput | null | undefined, viewer: FilterViewer = {}): Prisma.ConversationWhereInput {
  const and: Prisma.ConversationWhereInput[] = [];
  // Snoozed conversations are out of the list unless asked for: `snoozed: true`, or SNOOZED
  // named in `status`.
  if (filter?.snoozed === true) and.push({ status: 'SNOOZED' });
  else if (filter?.snoozed === false || !filter?.status?.includes('SNOOZED')) and.push({ status: { not: 'SNOOZED' } });
  if (!filter) return and[0]!;
  if (filter.status && filter.status.length > 0) and.push({ status: { in: filter.status } });
  if (filter.leadId) and.push({ leadId: filter.leadId });
  if (filter.hasPendingSuggestion != null) {
    const pending = { suggestions: { some: { status: 'PENDING' as const } } };
    and.push(filter.hasPendingSuggestion ? pending : { NOT: pending });
  }
  const search = filter.search?.trim();
  if (search) {
    const contains = { contains: escapeLike(search), mode: 'insensitive' as const };
    and.push({
      OR: [
        { subject: contains },
        { lead: { name: contains } },
        { lead: { email: contains } },
        { messages: { some: { textBody: contains } } },
      ],
    });
  }
  if (filter.unread != null) and.push(unreadWhere(viewer, filter.unread));
  if (filter.assignee) and.push(assigneeWhere(viewer, filter.assignee));
  for (const labelId of new Set(filter.labelIds ?? [])) and.push({ labels: { some: { labelId } } });
  if (filter.priority && filter.priority.length > 0) and.push({ priority: { in: filter.priority } });
  if (filter.intent && filter.intent.length > 0) and.push({ intent: { in: filter.intent } });
  if (filter.lastMessageAfter) and.push({ lastMessageAt: { gte: filter.lastMessageAfter } });
  if (filter.lastMessageBefore) and.push({ lastMessageAt: { lt: filter.lastMessageBefore } });
  return and.length === 1 ? and[0]! : { AND: and };
}

export function conversationOrderBy(
  field: ConversationOrderField = 'LAST_MESSAGE_AT',
  direction: SortDirection = 'desc',
): Prisma.ConversationOrderByWithRelationInput[] {
  // The id tie-break makes the order total, so cursors never skip or repeat a row.
  if (field === 'PRIORITY') return [{ priority: direction }, { lastMessageAt: direction }, { id: direction }];
  const key = field === 'CREATED_AT' ? 'createdAt' : 'lastMessageAt';
  return [{ [key]: direction }, { id: direction }];
}
