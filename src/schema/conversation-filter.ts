// Turns the API's conversation filter and sort into Prisma where/orderBy clauses.
import type { Prisma } from '../db/client.js';
import type { ConversationStatus } from '../db/enums.js';

export interface ConversationFilterInput {
  status?: ConversationStatus[] | null;
  leadId?: string | null;
  hasPendingSuggestion?: boolean | null;
  search?: string | null;
  snoozed?: boolean | null;
}

export type ConversationOrderField = 'LAST_MESSAGE_AT' | 'CREATED_AT';
export type SortDirection = 'asc' | 'desc';

/** LIKE treats % _ and \ as wildcards or escapes; a search for "50%" means the text "50%". */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function conversationWhere(filter: ConversationFilterInput | null | undefined): Prisma.ConversationWhereInput {
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
  return and.length === 1 ? and[0]! : { AND: and };
}

export function conversationOrderBy(
  field: ConversationOrderField = 'LAST_MESSAGE_AT',
  direction: SortDirection = 'desc',
): Prisma.ConversationOrderByWithRelationInput[] {
  // The id tie-break makes the order total, so cursors never skip or repeat a row.
  const key = field === 'CREATED_AT' ? 'createdAt' : 'lastMessageAt';
  return [{ [key]: direction }, { id: direction }];
}
