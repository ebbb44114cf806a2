// The durable event log (issue 18): every live event is written, numbered, in the transaction
// that made the change, and published after the commit carrying its number (`cursor`). A client
// that reconnects replays what it missed from here (conversationEvents(since:)); events are
// kept for config.events.logRetentionHours, then pruned (pruneEventLog).
//
// Why cursors are numbered under a per-account lock rather than by a sequence: a sequence value
// is taken when the row is inserted, and a transaction that took 7 may commit after one that
// took 8. A reader that saw 8 and moved its position there would never see 7. Here the account's
// counter row (event_log_heads) is incremented with an UPDATE, whose row lock is held until the
// commit: the next writer of the account waits for it, so cursors commit in the order they are
// given and every reader sees a gap-free prefix. The lock is taken as the transaction's LAST
// statement (inTransaction appends after the work), so it is held only for the commit, and it is
// always the last lock taken, which rules out lock-order deadlocks with the conversation lock.
// The cost: an account's event-writing commits are serialised (one round trip each).
import { Prisma } from '../../db/client.js';
import type { ScopedClient, ScopedTransaction } from '../../db/scoped.js';
import type { ConversationEvent, UnloggedEvent } from '../../events/bus.js';
import { CursorExpiredError, ValidationError } from '../errors.js';
import type { DomainContext, UnscopedContext } from '../use-case-context.js';

/** The largest cursor a client can hand back (PostgreSQL bigint). */
const MAX_CURSOR = 2n ** 63n - 1n;

/** A client's `since`: a decimal cursor it received; anything else is a typed error. */
export function parseCursor(value: string, path: string[] = ['since']): bigint {
  if (!/^\d{1,19}$/.test(value) || BigInt(value) > MAX_CURSOR) {
    throw ValidationError.fromIssues([{ path, message: 'not an event cursor (use the `cursor` of an event you received)' }]);
  }
  return BigInt(value);
}

/** One event as a row of eventLogCtes' source: (ord, conversation_id, type, payload). */
export function eventRowSql(event: UnloggedEvent, ord: number): Prisma.Sql {
  const { accountId: _account, ...stored } = event;
  return Prisma.sql`(${ord}::int, ${event.conversationId}::uuid, ${event.type}::text, ${JSON.stringify(stored)}::jsonb)`;
}

/**
 * The statement parts that number and write events, for a caller's own data-modifying statement
 * (the inbound email's one-statement store) as well as for appendToEventLog: CTEs `event_source`
 * (the caller's SELECT yielding (ord, conversation_id, type, payload), ords 0..n-1 with no
 * gaps), `event_count`, `event_head` (the counter, RETURNING last_cursor) and `event_rows`. The
 * first cursor is `event_head.last_cursor - event_count.n + 1`. A caller whose statement takes
 * other row locks makes `source` read from the CTE that takes them, so the counter's lock is
 * taken last (see the top of the file).
 */
export function eventLogCtes(accountId: string, source: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`event_source AS (${source}),
    event_count AS (SELECT count(*)::bigint AS n FROM event_source),
    event_head AS (
      INSERT INTO event_log_heads (account_id, last_cursor)
      SELECT ${accountId}::uuid, n FROM event_count WHERE n > 0
      ON CONFLICT (account_id) DO UPDATE SET last_cursor = event_log_heads.last_cursor + excluded.last_cursor
      RETURNING last_cursor
    ),
    event_rows AS (
      INSERT INTO event_log (account_id, cursor, conversation_id, type, payload)
      SELECT ${accountId}::uuid, h.last_cursor - c.n + 1 + s.ord, s.conversation_id, s.type, s.payload
      FROM event_head h, event_count c, event_source s
    )`;
}

/** The first cursor eventLogCtes gave, as a scalar subquery of the caller's main SELECT. */
export const FIRST_CURSOR_SQL = Prisma.sql`(SELECT h.last_cursor - c.n + 1 FROM event_head h, event_count c)`;

/**
 * Writes the events to the account's log and returns them numbered, in one statement (the
 * counter's increment and the rows). Call it last in the transaction (see the top of the file).
 */
export async function appendToEventLog(
  tx: ScopedTransaction,
  accountId: string,
  events: UnloggedEvent[],
  /** Other data-modifying CTEs to run in the same statement (the events' webhook deliveries). */
  alongside: Prisma.Sql | null = null,
): Promise<ConversationEvent[]> {
  if (events.length === 0) return [];
  const foreign = events.find((event) => event.accountId !== accountId);
  if (foreign) throw new Error(`An event of account ${foreign.accountId} was published in a transaction of account ${accountId}.`);
  const source = Prisma.sql`SELECT * FROM (VALUES ${Prisma.join(events.map(eventRowSql))}) AS e (ord, conversation_id, type, payload)`;
  const rows = await tx.$queryRaw<{ first: bigint }[]>(
    Prisma.sql`WITH ${eventLogCtes(accountId, source)}${alongside ? Prisma.sql`, ${alongside}` : Prisma.empty} SELECT ${FIRST_CURSOR_SQL} AS first`,
  );
  return numbered(events, rows[0]!.first);
}

/** The events with their cursors, the first being `first`. */
export function numbered(events: UnloggedEvent[], first: bigint | number | string): ConversationEvent[] {
  return events.map((event, index) => ({ ...event, cursor: String(BigInt(first) + BigInt(index)) }) as ConversationEvent);
}

/** An event as written to the log, with its cursor. */
function fromRow(row: { accountId: string; cursor: bigint; payload: Prisma.JsonValue }): ConversationEvent {
  return { ...(row.payload as object), accountId: row.accountId, cursor: String(row.cursor) } as ConversationEvent;
}

/**
 * The account's events after `after`, oldest first, at most `limit`. CursorExpiredError when
 * some of them were already pruned (the client must refetch), ValidationError when `after` is
 * beyond the newest cursor the account ever had (not a cursor of this account).
 */
export async function readEventLog(
  ctx: DomainContext,
  input: { after: bigint; limit: number; types?: readonly string[]; conversationId?: string },
): Promise<ConversationEvent[]> {
  const db: ScopedClient = ctx.db;
  const head = await db.eventLogHead.findUnique({ where: { accountId: ctx.viewer.accountId } });
  const last = head?.lastCursor ?? 0n;
  if (input.after > last) {
    throw ValidationError.fromIssues([{ path: ['since'], message: 'no such event cursor in your account (use the `cursor` of an event you received)' }]);
  }
  if (head && input.after < head.prunedThrough) throw new CursorExpiredError(String(input.after), ctx.services.config.events.logRetentionHours);
  if (input.after === last || input.limit === 0) return [];
  const rows = await db.eventLogEntry.findMany({
    where: {
      cursor: { gt: input.after },
      ...(input.types ? { type: { in: [...input.types] } } : {}),
      // A merge or a move is also an event of the conversation the messages left (eventConcerns, events/bus.ts).
      ...(input.conversationId
        ? {
            OR: [
              { conversationId: input.conversationId },
              { type: 'CONVERSATION_MERGED', payload: { path: ['sourceId'], equals: input.conversationId } },
              { type: 'MESSAGE_MOVED', payload: { path: ['fromConversationId'], equals: input.conversationId } },
            ],
          }
        : {}),
    },
    orderBy: { cursor: 'asc' },
    take: input.limit,
    select: { accountId: true, cursor: true, payload: true },
  });
  return rows.map(fromRow);
}

/**
 * Deletes events older than the retention window, and records per account the newest cursor
 * deleted, so that a `since` before it is told to refetch instead of silently missing events.
 * One statement, across accounts (the background work's hourly timer); returns how many were deleted.
 */
export async function pruneEventLog({ services }: UnscopedContext, _input: Record<string, never> = {}): Promise<{ deleted: number }> {
  const cutoff = new Date(services.now().getTime() - services.config.events.logRetentionHours * 3_600_000);
  const rows = await services.prisma.$queryRaw<{ deleted: bigint }[]>`
    WITH gone AS (
      DELETE FROM event_log WHERE created_at < ${cutoff}::timestamptz RETURNING account_id, cursor
    ), newest AS (
      SELECT account_id, max(cursor) AS cursor, count(*) AS n FROM gone GROUP BY account_id
    ), marked AS (
      UPDATE event_log_heads h SET pruned_through = GREATEST(h.pruned_through, newest.cursor)
      FROM newest WHERE h.account_id = newest.account_id
    )
    SELECT COALESCE(sum(n), 0)::bigint AS deleted FROM newest`;
  return { deleted: Number(rows[0]?.deleted ?? 0) };
}

/**
 * A client's `since`, checked: a cursor of this account still in the log (ValidationError for
 * garbage or a cursor beyond the newest, CursorExpiredError for one older than the window).
 */
export async function checkEventCursor(ctx: DomainContext, input: { since: string }): Promise<{ after: bigint }> {
  const after = parseCursor(input.since);
  await readEventLog(ctx, { after, limit: 0 });
  return { after };
}
