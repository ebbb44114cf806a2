// The message bodies as the text work reads them: a bounded prefix, cut in SQL. A 5 MiB email's
// four bodies, read back whole through Prisma by each job, were decoded on the event loop
// although the text work reads only its first TEXT_WORK_MAX_CHARS characters (issue 13).
import type { ConversationMessage } from '../../db/client.js';
import { TEXT_WORK_MAX_CHARS } from '../../cpu/pool.js';
import type { DomainContext } from '../use-case-context.js';
import { NotFoundError } from '../errors.js';

/** The body columns of a message, for Prisma's omit: read through withTextWorkBodies instead. */
export const BODY_COLUMNS = { textBody: true, htmlBody: true, safeHtmlBody: true, strippedText: true } as const;

/**
 * A message as the text work reads it: textBody and strippedText may be only their first
 * TEXT_WORK_MAX_CHARS characters (enough for inboundBody and clipForTextWork to give what they
 * give on the whole body); the HTML is not read.
 */
export type TextWorkMessage = Omit<ConversationMessage, keyof typeof BODY_COLUMNS> & { textBody: string; strippedText: string | null };

/**
 * The messages with their text bodies cut to the text work's bound in SQL. PostgreSQL's left()
 * counts characters, so the prefix holds at least TEXT_WORK_MAX_CHARS UTF-16 units: the clip
 * (pool.ts) then cuts it where it would cut the whole text. A text body whose prefix is blank
 * but which goes on is read whole: inboundBody's choice depends on the whole text there.
 */
export async function withTextWorkBodies<M extends { id: string }>(
  ctx: DomainContext,
  messages: M[],
): Promise<(M & { textBody: string; strippedText: string | null })[]> {
  if (messages.length === 0) return [];
  const ids = messages.map((m) => m.id);
  const rows = await ctx.services.prisma.$queryRaw<{ id: string; text_body: string; text_goes_on: boolean; stripped_text: string | null }[]>`
    SELECT id::text, left(text_body, ${TEXT_WORK_MAX_CHARS}) AS text_body, length(text_body) > ${TEXT_WORK_MAX_CHARS} AS text_goes_on,
      left(stripped_text, ${TEXT_WORK_MAX_CHARS}) AS stripped_text
    FROM conversation_messages WHERE id = ANY(${ids}::uuid[]) AND account_id = ${ctx.viewer.accountId}::uuid`;
  const byId = new Map(rows.map((r) => [r.id, r]));
  return Promise.all(
    messages.map(async (m) => {
      const row = byId.get(m.id);
      if (!row) throw new NotFoundError('ConversationMessage', m.id);
      let textBody = row.text_body;
      if (row.text_goes_on && textBody.trim().length === 0) {
        ({ textBody } = await ctx.db.conversationMessage.findUniqueOrThrow({ where: { id: m.id }, select: { textBody: true } }));
      }
      return { ...m, textBody, strippedText: row.stripped_text };
    }),
  );
}
