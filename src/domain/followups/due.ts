// Which conversations need a follow-up, in one query for the scan (every account) and the
// draft job (one conversation, again under its lock). A conversation needs one when:
// - its account's policy is enabled and the lead is not do-not-contact;
// - its status is one that waits for the lead: WAITING_FOR_LEAD, or NEEDS_REVIEW with nothing
//   to review (an out-of-office notice leaves it there). A status listed nowhere here (ARCHIVED,
//   or one added later such as SNOOZED) never gets a follow-up;
// - our latest sent email was not bounced, and the lead wrote nothing since except out-of-office
//   notices (an inbound email not analysed yet counts as a reply: no guessing);
// - no draft is pending and none follows up that email already;
// - fewer than maxFollowUps follow-ups were drafted since the lead last wrote;
// - followUpAfterDays have passed since that email, and the day after the latest return date an
//   out-of-office notice gave, and now is inside the policy's hours and weekdays (UTC).
import { Prisma } from '../../db/client.js';

export interface DueFollowUp {
  conversationId: string;
  accountId: string;
  /** Our latest sent email: the one the follow-up follows up. */
  afterMessageId: string;
  dueAt: Date;
  /** Follow-ups drafted since the lead last wrote (this one not included). */
  draftedSince: number;
}

export function dueFollowUpsSql(now: Date, only: Prisma.Sql, limit: number): Prisma.Sql {
  return Prisma.sql`
    SELECT * FROM (
      SELECT c.id::text AS "conversationId", c.account_id::text AS "accountId", lo.id::text AS "afterMessageId",
        GREATEST(lo.sent_at + make_interval(days => s.follow_up_after_days),
                 COALESCE((ooo.back + 1)::timestamp AT TIME ZONE 'UTC', '-infinity'::timestamptz)) AS "dueAt",
        (SELECT count(*)::int FROM ai_suggestions f
          WHERE f.conversation_id = c.id AND f.kind = 'FOLLOW_UP' AND f.created_at > COALESCE(lr.at, '-infinity'::timestamptz)) AS "draftedSince",
        s.max_follow_ups AS max_follow_ups
      FROM conversations c
      JOIN account_settings s ON s.account_id = c.account_id
      JOIN leads l ON l.id = c.lead_id
      CROSS JOIN LATERAL (
        SELECT m.id, m.sent_at, m.delivery_status FROM conversation_messages m
        WHERE m.conversation_id = c.id AND m.direction = 'OUTBOUND' AND m.sent_at IS NOT NULL
        ORDER BY m.sent_at DESC, m.id DESC LIMIT 1
      ) lo
      LEFT JOIN LATERAL (
        SELECT max(i.created_at) AS at FROM conversation_messages i LEFT JOIN message_analyses a ON a.message_id = i.id
        WHERE i.conversation_id = c.id AND i.direction = 'INBOUND' AND (a.intent IS NULL OR a.intent <> 'OUT_OF_OFFICE')
      ) lr ON true
      LEFT JOIN LATERAL (
        SELECT max(a.return_date) AS back FROM conversation_messages i JOIN message_analyses a ON a.message_id = i.id
        WHERE i.conversation_id = c.id AND i.direction = 'INBOUND' AND a.intent = 'OUT_OF_OFFICE' AND i.created_at > lo.sent_at
      ) ooo ON true
      WHERE s.follow_up_enabled AND NOT l.do_not_contact
        AND c.status IN ('WAITING_FOR_LEAD', 'NEEDS_REVIEW')
        AND lo.delivery_status IN ('SENT', 'DELIVERED')
        AND (lr.at IS NULL OR lr.at < lo.sent_at)
        AND NOT EXISTS (
          SELECT 1 FROM ai_suggestions p WHERE p.conversation_id = c.id AND (p.status = 'PENDING' OR p.follow_up_of_message_id = lo.id))
        AND EXTRACT(ISODOW FROM ${now}::timestamptz AT TIME ZONE 'UTC')::int = ANY(s.follow_up_days)
        AND EXTRACT(HOUR FROM ${now}::timestamptz AT TIME ZONE 'UTC')::int >= s.follow_up_start_hour
        AND EXTRACT(HOUR FROM ${now}::timestamptz AT TIME ZONE 'UTC')::int < s.follow_up_end_hour
        AND ${only}
    ) due
    WHERE "dueAt" <= ${now}::timestamptz AND "draftedSince" < max_follow_ups
    ORDER BY "dueAt"
    LIMIT ${limit}`;
}
