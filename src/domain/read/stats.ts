// Conversation statistics, computed by the database in one statement of aggregates; no
// rows are loaded into JavaScript.
import { Prisma } from '../../db/client.js';
import { ValidationError } from '../errors.js';
import type { DomainContext } from '../use-case-context.js';

export interface StatsWindow {
  since: Date;
  until: Date;
}

export interface ConversationStats {
  window: StatsWindow;
  conversations: { total: number; open: number; active: number; needsReview: number; waitingForLead: number; archived: number };
  email: {
    sent: number;
    received: number;
    conversationsEmailed: number;
    conversationsReplied: number;
    responseRate: number | null;
  };
  ai: {
    suggestions: number;
    pending: number;
    approved: number;
    edited: number;
    rejected: number;
    superseded: number;
    approvalRate: number | null;
    editRate: number | null;
    meanConfidence: number | null;
    rejectRate: number | null;
    /** Drafts the offline drafter wrote because the model failed or was refused. */
    fallbacks: number;
    /** Tokens and estimated cost of drafts and analyses made in the window. */
    promptTokens: number;
    completionTokens: number;
    estimatedCost: number;
  };
  delivery: {
    delivered: number;
    bounced: number;
    opened: number;
    clicked: number;
    opens: number;
    clicks: number;
    deliveryRate: number | null;
    openRate: number | null;
    clickRate: number | null;
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_WINDOW_DAYS = 7;
export const MAX_WINDOW_DAYS = 366;

/** The window asked for: until defaults to now, since to a week before until. */
function windowFor(now: Date, input: { since?: Date | null; until?: Date | null }): StatsWindow {
  const until = input.until ?? now;
  const since = input.since ?? new Date(until.getTime() - DEFAULT_WINDOW_DAYS * DAY_MS);
  if (since >= until) {
    throw new ValidationError('since must be before until.', [{ path: ['since'], message: 'must be before until' }]);
  }
  if (until.getTime() - since.getTime() > MAX_WINDOW_DAYS * DAY_MS) {
    throw new ValidationError(`The window may span at most ${MAX_WINDOW_DAYS} days.`, [
      { path: ['since'], message: `must be within ${MAX_WINDOW_DAYS} days of until` },
    ]);
  }
  return { since, until };
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

interface StatsRow {
  total: number; open: number; active: number; needs_review: number; waiting: number; archived: number;
  sent: number; delivered: number; bounced: number; opened: number; clicked: number; opens: number; clicks: number;
  conversations_emailed: number; received: number; conversations_replied: number;
  suggestions: number; pending: number; approved: number; edited: number; rejected: number; superseded: number;
  mean_confidence: number | null; fallbacks: number;
  draft_prompt_tokens: number; draft_completion_tokens: number; draft_cost: number;
  analysis_prompt_tokens: number; analysis_completion_tokens: number; analysis_cost: number;
}

/**
 * Figures for one account. Conversation counts are the current state; everything else
 * counts what happened in [since, until): emails sent and received, drafts created, and the
 * delivery outcome of the emails sent in the window.
 */
export async function conversationStats(
  { db, viewer, services }: DomainContext,
  input: { since?: Date | null; until?: Date | null },
): Promise<ConversationStats> {
  const window = windowFor(services.now(), input);
  // Raw SQL is not confined by the scoped client: the account id is the statement's parameter.
  const [row] = await db.$queryRaw<StatsRow[]>(conversationStatsSql(viewer.accountId, window));
  return toStats(row!, window);
}

/** The one statement behind conversationStats (the benchmarks run it bare, as the floor). */
export function conversationStatsSql(accountId: string, { since, until }: StatsWindow): Prisma.Sql {
  return Prisma.sql`
    -- The window's emails, grouped per conversation, each direction read from its covering
    -- index alone (no heap visits): volumes and delivery figures, and for the response rate
    -- each conversation's first email out and last email in.
    WITH outbound AS (
      SELECT conversation_id, min(sent_at) AS first_sent, count(*) AS n,
             count(delivered_at) AS delivered,
             count(*) FILTER (WHERE delivery_status = 'BOUNCED') AS bounced,
             count(first_opened_at) AS opened, count(first_clicked_at) AS clicked,
             sum(open_count) AS opens, sum(click_count) AS clicks
      FROM conversation_messages
      WHERE account_id = ${accountId}::uuid AND direction = 'OUTBOUND'
        AND sent_at >= ${since} AND sent_at < ${until}
      GROUP BY conversation_id
    ), inbound AS (
      SELECT conversation_id, max(received_at) AS last_received, count(*) AS n
      FROM conversation_messages
      WHERE account_id = ${accountId}::uuid AND direction = 'INBOUND'
        AND received_at >= ${since} AND received_at < ${until}
      GROUP BY conversation_id
    )
    SELECT c.*, o.*, i.*, s.*, a.*
    FROM (
      SELECT count(*)::int AS total,
             count(*) FILTER (WHERE status <> 'ARCHIVED')::int AS open,
             count(*) FILTER (WHERE status = 'ACTIVE')::int AS active,
             count(*) FILTER (WHERE status = 'NEEDS_REVIEW')::int AS needs_review,
             count(*) FILTER (WHERE status = 'WAITING_FOR_LEAD')::int AS waiting,
             count(*) FILTER (WHERE status = 'ARCHIVED')::int AS archived
      FROM conversations WHERE account_id = ${accountId}::uuid
    ) c, (
      SELECT coalesce(sum(outbound.n), 0)::int AS sent,
             coalesce(sum(delivered), 0)::int AS delivered,
             coalesce(sum(bounced), 0)::int AS bounced,
             coalesce(sum(opened), 0)::int AS opened,
             coalesce(sum(clicked), 0)::int AS clicked,
             coalesce(sum(opens), 0)::int AS opens,
             coalesce(sum(clicks), 0)::int AS clicks,
             count(*)::int AS conversations_emailed,
             -- Replied: the lead wrote back after our first email of the window, before it
             -- closed. Such a reply is itself in the window, as the first email is.
             count(*) FILTER (WHERE inbound.last_received > outbound.first_sent)::int AS conversations_replied
      FROM outbound LEFT JOIN inbound USING (conversation_id)
    ) o, (
      SELECT coalesce(sum(n), 0)::int AS received FROM inbound
    ) i, (
      SELECT count(*)::int AS suggestions,
             count(*) FILTER (WHERE status = 'PENDING')::int AS pending,
             count(*) FILTER (WHERE status = 'APPROVED')::int AS approved,
             count(*) FILTER (WHERE status = 'EDITED')::int AS edited,
             count(*) FILTER (WHERE status = 'REJECTED')::int AS rejected,
             count(*) FILTER (WHERE status = 'SUPERSEDED')::int AS superseded,
             avg(confidence)::float8 AS mean_confidence,
             count(*) FILTER (WHERE fallback)::int AS fallbacks,
             coalesce(sum(prompt_tokens), 0)::int AS draft_prompt_tokens,
             coalesce(sum(completion_tokens), 0)::int AS draft_completion_tokens,
             coalesce(sum(estimated_cost), 0)::float8 AS draft_cost
      FROM ai_suggestions
      WHERE account_id = ${accountId}::uuid AND created_at >= ${since} AND created_at < ${until}
    ) s, (
      SELECT coalesce(sum(prompt_tokens), 0)::int AS analysis_prompt_tokens,
             coalesce(sum(completion_tokens), 0)::int AS analysis_completion_tokens,
             coalesce(sum(estimated_cost), 0)::float8 AS analysis_cost
      FROM message_analyses
      WHERE account_id = ${accountId}::uuid AND created_at >= ${since} AND created_at < ${until}
    ) a`;
}

function toStats(r: StatsRow, window: StatsWindow): ConversationStats {
  const decided = r.approved + r.edited + r.rejected;
  return {
    window,
    conversations: {
      total: r.total,
      open: r.open,
      active: r.active,
      needsReview: r.needs_review,
      waitingForLead: r.waiting,
      archived: r.archived,
    },
    email: {
      sent: r.sent,
      received: r.received,
      conversationsEmailed: r.conversations_emailed,
      conversationsReplied: r.conversations_replied,
      responseRate: ratio(r.conversations_replied, r.conversations_emailed),
    },
    ai: {
      suggestions: r.suggestions,
      pending: r.pending,
      approved: r.approved,
      edited: r.edited,
      rejected: r.rejected,
      superseded: r.superseded,
      approvalRate: ratio(r.approved + r.edited, decided),
      editRate: ratio(r.edited, r.approved + r.edited),
      meanConfidence: r.mean_confidence,
      rejectRate: ratio(r.rejected, decided),
      fallbacks: r.fallbacks,
      promptTokens: r.draft_prompt_tokens + r.analysis_prompt_tokens,
      completionTokens: r.draft_completion_tokens + r.analysis_completion_tokens,
      estimatedCost: r.draft_cost + r.analysis_cost,
    },
    delivery: {
      delivered: r.delivered,
      bounced: r.bounced,
      opened: r.opened,
      clicked: r.clicked,
      opens: r.opens,
      clicks: r.clicks,
      deliveryRate: ratio(r.delivered, r.sent),
      openRate: ratio(r.opened, r.sent),
      clickRate: ratio(r.clicked, r.sent),
    },
  };
}
