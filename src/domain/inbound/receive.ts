// A lead's email arrives: find its conversation (or open one), store it exactly once, move
// the conversation to NEEDS_REVIEW and queue the AI draft, all in one statement. One
// statement rather than an interactive transaction: a 50 MiB email takes seconds to write, and
// an interactive transaction would hold the connection (the embedded database's only one)
// for all of it and hit its time limit. The exact original is stored first, in parts.
import { randomUUID } from 'node:crypto';
import { Prisma } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { ScopedClient } from '../../db/scoped.js';
import { sanitiseEmailHtml } from '../../email/safe-html.js';
import { draftReplyJob, embedConversationJob } from '../../jobs/definitions.js';
import { insertJobsSql, jobOf } from '../../jobs/queue.js';
import type { AppServices } from '../../services.js';
import { addressKey } from '../../email/addresses.js';
import { insertAuditSql } from '../audit.js';
import { eventLogCtes, eventRowSql, FIRST_CURSOR_SQL, numbered } from '../event-log/log.js';
import type { ConversationEvent, UnloggedEvent } from '../../events/bus.js';
import { webhookDeliveriesCtes } from '../webhooks/enqueue.js';
import type { CompressedOriginal } from '../../email/originals.js';
import { keepInboundOriginal } from './keep-original.js';
import { DomainError } from '../errors.js';
import { systemContext, type UnscopedContext } from '../use-case-context.js';
import { mailboxHashOf, newReplyHash, normaliseSubject } from '../../email/threading.js';

export interface InboundAddress {
  email: string;
  name?: string;
}

/** An inbound email in Parley's terms (the webhook maps the provider's JSON onto it). */
export interface InboundEmail {
  providerMessageId: string;
  from: InboundAddress;
  to: InboundAddress[];
  cc: string[];
  originalRecipient?: string;
  subject: string;
  textBody: StorableText;
  htmlBody?: StorableText;
  strippedText?: StorableText;
  mailboxHash?: string;
  messageIdHeader?: string;
  inReplyTo?: string;
  references: string[];
  headers: { name: string; value: string }[];
  attachments: { name: string; contentType: string; size: number; content?: string }[];
  /** The exact body the provider posted, compressed: kept once per email, whatever the rest. */
  original?: CompressedOriginal;
  /**
   * The injection detector's verdict on the whole email, when the caller read it whole
   * (webhooks/postmark-inbound-payload.ts): carried to the drafting job, which then reads only
   * the bounded prefix of the body it prepares. Without it the job reads the whole body.
   */
  injectionSuspected?: boolean;
  /** The HTML body sanitised for display, when the caller sanitised it (off the event loop). */
  safeHtmlBody?: StorableText | null;
}

/**
 * A body as it is stored: text, or its UTF-8 bytes (already storable: no NUL, no lone
 * surrogate). The webhook gives bytes, made in a text-work thread and moved here without a
 * copy; pg sends bytes as they are (binary format, which PostgreSQL's text input reads as
 * UTF-8 and validates as it does text), so the event loop never encodes a multi-MiB body.
 */
export type StorableText = string | Uint8Array;

export type ThreadedBy = 'mailbox-hash' | 'references' | 'subject' | 'new-conversation' | 'new-lead';

export interface ReceiveResult {
  status: 'stored' | 'duplicate';
  accountId: string;
  conversationId: string;
  messageId: string;
  threadedBy?: ThreadedBy;
}

/** No account can be found for the email; answered with a retryable error, not dropped. */
export class UnroutableEmailError extends DomainError {
  readonly code = 'UNROUTABLE';
}

interface ThreadMatch {
  id: string;
  accountId: string;
  threadedBy: ThreadedBy;
}

async function byMailboxHash(services: AppServices, email: InboundEmail, accountId?: string): Promise<ThreadMatch | null> {
  const hashes = [email.mailboxHash, mailboxHashOf(email.originalRecipient), ...email.to.map((a) => mailboxHashOf(a.email))]
    .filter((h): h is string => !!h);
  if (hashes.length === 0) return null;
  const conversation = await services.prisma.conversation.findFirst({
    where: { replyHash: { in: hashes }, ...(accountId ? { accountId } : {}) },
    select: { id: true, accountId: true },
  });
  if (conversation) return { ...conversation, threadedBy: 'mailbox-hash' };
  // The reply address of a conversation merged into another leads to that one.
  const merged = await services.prisma.conversationMerge.findFirst({
    where: { replyHash: { in: hashes }, ...(accountId ? { accountId } : {}) },
    select: { targetId: true, accountId: true },
  });
  return merged && { id: merged.targetId, accountId: merged.accountId, threadedBy: 'mailbox-hash' };
}

/** In-Reply-To and References name Message-IDs of earlier emails: ours or Postmark's ids. */
async function byReferences(services: AppServices, email: InboundEmail, accountId?: string): Promise<ThreadMatch | null> {
  const ids = [...new Set([email.inReplyTo, ...email.references].filter((id): id is string => !!id))];
  if (ids.length === 0) return null;
  const providerIds = ids.map((id) => id.replace(/^<|>$/g, '').split('@')[0]!).filter(Boolean);
  const message = await services.prisma.conversationMessage.findFirst({
    where: { OR: [{ messageIdHeader: { in: ids } }, { providerMessageId: { in: providerIds } }], ...(accountId ? { accountId } : {}) },
    orderBy: { createdAt: 'desc' },
    select: { conversationId: true, accountId: true },
  });
  return message && { id: message.conversationId, accountId: message.accountId, threadedBy: 'references' };
}

/** The account slug a recipient address names: "acme" in acme@inbound... or acme+hash@... */
function recipientSlugs(email: InboundEmail): string[] {
  return [email.originalRecipient, ...email.to.map((a) => a.email)]
    .map((a) => a?.split('@')[0]?.split('+')[0]?.toLowerCase())
    .filter((s): s is string => !!s);
}

/**
 * The account of an email that names no known thread (no URL account): the first recipient,
 * in the order originalRecipient, To, that names an account.
 */
async function resolveAccountByRecipient(services: AppServices, email: InboundEmail): Promise<string> {
  const slugs = recipientSlugs(email);
  const accounts = await services.prisma.account.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } });
  const first = slugs.map((slug) => accounts.find((a) => a.slug === slug)).find((a) => a !== undefined);
  if (first) return first.id;
  if (services.config.env !== 'production') return services.devAccountId;
  throw new UnroutableEmailError(
    `No account for recipient ${email.originalRecipient ?? email.to[0]?.email ?? '(none)'}; set ?account=<slug> on the webhook URL.`,
  );
}

function stripReplyPrefix(subject: string): string {
  const normalised = normaliseSubject(subject);
  const at = subject.toLowerCase().lastIndexOf(normalised.slice(0, 20));
  return (at >= 0 ? subject.slice(at) : subject).trim() || '(no subject)';
}

/** Where rule 3 puts an email: an existing conversation, or a new one (and maybe a new lead). */
type SenderThread =
  | { kind: 'existing'; conversationId: string }
  | { kind: 'new'; conversationId: string; leadId: string; newLead: boolean };

/** The conversation a reply goes to, and what the store must create first. */
interface StoreTarget {
  conversationId: string;
  threadedBy: ThreadedBy;
  create?: { leadId: string; newLead: boolean };
}

/**
 * Rule 3 and the fallbacks: the lead's conversation with the same subject, or a new one. The
 * lead is found by its address key, so an internationalised address matches however its
 * domain is spelled (Unicode or punycode) and whatever the case.
 */
async function threadBySender(db: ScopedClient, email: InboundEmail): Promise<SenderThread> {
  const key = addressKey(email.from.email) ?? email.from.email.toLowerCase();
  const lead = await db.lead.findFirst({ where: { emailKey: key }, orderBy: { createdAt: 'asc' }, select: { id: true } });
  if (!lead) return { kind: 'new', conversationId: randomUUID(), leadId: randomUUID(), newLead: true };
  const subject = normaliseSubject(email.subject);
  const candidates = await db.conversation.findMany({
    where: { leadId: lead.id },
    orderBy: { lastMessageAt: 'desc' },
    select: { id: true, subject: true },
    take: 200,
  });
  const match = candidates.find((c) => normaliseSubject(c.subject) === subject);
  if (match) return { kind: 'existing', conversationId: match.id };
  return { kind: 'new', conversationId: randomUUID(), leadId: lead.id, newLead: false };
}

function toTarget(found: SenderThread): StoreTarget {
  if (found.kind === 'existing') return { conversationId: found.conversationId, threadedBy: 'subject' };
  return {
    conversationId: found.conversationId,
    threadedBy: found.newLead ? 'new-lead' : 'new-conversation',
    create: { leadId: found.leadId, newLead: found.newLead },
  };
}

async function findDuplicate(services: AppServices, accountId: string, email: InboundEmail): Promise<ReceiveResult | null> {
  const existing = await services.prisma.conversationMessage.findUnique({
    where: { accountId_providerMessageId: { accountId, providerMessageId: email.providerMessageId } },
    select: { id: true, conversationId: true },
  });
  return existing && { status: 'duplicate', accountId, conversationId: existing.conversationId, messageId: existing.id };
}

/** An optional body, null when empty (text or bytes). */
const nonEmpty = (text: StorableText | undefined): StorableText | null => (text && text.length > 0 ? text : null);

const textOf = (text: StorableText): string => (typeof text === 'string' ? text : Buffer.from(text.buffer, text.byteOffset, text.byteLength).toString('utf8'));

/** Who stores an inbound email, in the audit trail. */
export const INBOUND_ACTOR = 'system:inbound-email';

/**
 * Stores the reply with one statement: the lead and the conversation when they are new, the
 * message, the conversation moved to NEEDS_REVIEW (unarchived), the audit row and the drafting
 * and embedding jobs. As Prisma calls these were several round trips in an interactive
 * transaction; nothing is written unless the conversation is in the account.
 */
async function storeReply(
  services: AppServices,
  { accountId, actor }: { accountId: string; actor: string },
  target: StoreTarget,
  messageId: string,
  email: InboundEmail,
  safeHtmlBody: StorableText | null,
  now: Date,
): Promise<{ conversationId: string; threadedBy: ThreadedBy; events: ConversationEvent[] }> {
  const { conversationId, threadedBy, create } = target;
  const jobs = insertJobsSql(
    [
      jobOf(draftReplyJob, { accountId, payload: { conversationId, inboundMessageId: messageId, ...(email.injectionSuspected === undefined ? {} : { injectionSuspected: email.injectionSuspected }) }, dedupeKey: messageId }),
      jobOf(embedConversationJob, { accountId, payload: { conversationId }, dedupeKey: messageId }),
    ],
    Prisma.sql`EXISTS (SELECT 1 FROM message)`,
  );
  const audit = insertAuditSql(
    { accountId, actor },
    {
      action: 'conversation.reply_received',
      entityType: 'Conversation',
      entityId: conversationId,
      fromStatus: create ? Prisma.sql`NULL` : Prisma.sql`before.status::text`,
      toStatus: 'NEEDS_REVIEW',
      details: { messageId, threadedBy },
    },
    Prisma.sql`before, message`,
  );
  // The reply's events, written to the event log by this same statement (domain/event-log.ts):
  // NEW_REPLY, and WOKE when the reply ends a snooze. They read `moved` (or the new
  // conversation), so the event log's lock is taken after the conversation's row lock.
  const at = now.toISOString();
  const newReply: UnloggedEvent = { type: 'NEW_REPLY', accountId, conversationId, messageId, at };
  // Outbound webhooks for NEW_REPLY, written by this statement too (durable with the message).
  // A stranger's first email creates the lead: LEAD_CREATED (ord 1; conversation_id NULL).
  const leadCreated: UnloggedEvent | null = create?.newLead
    ? { type: 'LEAD_CREATED', accountId, conversationId: null, leadId: create.leadId, via: 'INBOUND_EMAIL', at }
    : null;
  const webhooks = webhookDeliveriesCtes(leadCreated ? [newReply, leadCreated] : [newReply], Prisma.sql`EXISTS (SELECT 1 FROM message)`);
  const woke: UnloggedEvent = { type: 'WOKE', accountId, conversationId, at, status: 'NEEDS_REVIEW', cause: 'REPLY' };
  // A new conversation given to someone by round-robin: ASSIGNED, whose assignee only the
  // statement knows (a new conversation is never snoozed, so its ords stay 0, 1, or 0, 1, 2
  // after a new lead's LEAD_CREATED).
  const assigned = { type: 'ASSIGNED', accountId, conversationId, at, assigneeId: '', previousAssigneeId: null } as const;
  const eventSource = Prisma.sql`
      SELECT e.* FROM (VALUES ${eventRowSql(newReply, 0)}, ${eventRowSql(leadCreated ?? woke, 1)}) AS e (ord, conversation_id, type, payload),
        before, ${create ? Prisma.sql`new_conversation` : Prisma.sql`moved`}
      WHERE e.type IN ('NEW_REPLY', 'LEAD_CREATED') OR before.status = 'SNOOZED'${
        create
          ? Prisma.sql`
      UNION ALL
      SELECT ${leadCreated ? 2 : 1}::int, ${conversationId}::uuid, 'ASSIGNED',
        jsonb_build_object('type', 'ASSIGNED', 'conversationId', ${conversationId}::text, 'at', ${at}::text,
          'assigneeId', assignee.id::text, 'previousAssigneeId', NULL)
      FROM assignee, new_conversation`
          : Prisma.empty
      }`;
  // Prisma would set it itself: @updatedAt takes the wall clock.
  const wallClock = new Date();
  const leadKey = addressKey(email.from.email) ?? email.from.email.toLowerCase();
  // A new conversation is inserted by this statement, which cannot see its own inserts: the
  // conversation row already points at the message (the foreign keys are checked at the end of
  // the statement), and `before` is the new row's values rather than a read.
  // Round-robin (an account setting): a new conversation goes to the next OWNER or AGENT in
  // turn. The counter's row lock orders concurrent new conversations, so each takes its own
  // turn (inbox_settings, prisma/schema/inbox.prisma).
  const assignee = Prisma.sql`turn AS (
      UPDATE inbox_settings SET assign_turn = assign_turn + 1
      WHERE account_id = ${accountId}::uuid AND auto_assign = 'ROUND_ROBIN'
      RETURNING assign_turn - 1 AS n
    ), team AS (
      SELECT id, row_number() OVER (ORDER BY created_at, id) - 1 AS n, count(*) OVER () AS size
      FROM users WHERE account_id = ${accountId}::uuid AND role IN ('OWNER', 'AGENT')
    ), assignee AS (
      SELECT team.id FROM team, turn WHERE team.n = turn.n % team.size
    ), `;
  const assignedAudit = create
    ? insertAuditSql(
        { accountId, actor },
        {
          action: 'conversation.assigned',
          entityType: 'Conversation',
          entityId: conversationId,
          fromStatus: Prisma.sql`NULL`,
          details: Prisma.sql`jsonb_build_object('assigneeId', assignee.id, 'previousAssigneeId', NULL, 'by', 'ROUND_ROBIN')`,
        },
        Prisma.sql`assignee, message`,
      )
    : null;
  const before = create
    ? Prisma.sql`${assignee}
    ${create.newLead ? Prisma.sql`new_lead AS (
      INSERT INTO leads (id, account_id, email, email_key, name, source, created_at, updated_at)
      VALUES (${create.leadId}::uuid, ${accountId}::uuid, ${email.from.email.toLowerCase()}, ${leadKey},
        ${email.from.name?.trim() || email.from.email.split('@')[0]!}, 'inbound-email', ${wallClock}::timestamptz, ${wallClock}::timestamptz)
      RETURNING id
    ), ` : Prisma.empty}new_conversation AS (
      INSERT INTO conversations (id, account_id, lead_id, subject, status, last_message_at, last_message_id, last_inbound_message_id,
        assignee_id, reply_hash, created_at, updated_at)
      SELECT ${conversationId}::uuid, ${accountId}::uuid, ${create.leadId}::uuid, ${stripReplyPrefix(email.subject)}, 'NEEDS_REVIEW',
        ${now}::timestamptz, ${messageId}::uuid, ${messageId}::uuid, (SELECT id FROM assignee), ${newReplyHash()},
        ${wallClock}::timestamptz, ${wallClock}::timestamptz
      ${create.newLead ? Prisma.sql`FROM new_lead` : Prisma.sql`FROM leads WHERE id = ${create.leadId}::uuid AND account_id = ${accountId}::uuid`}
      RETURNING status
    ), before AS (SELECT status FROM new_conversation)`
    : Prisma.sql`before AS (
      SELECT status FROM conversations WHERE id = ${conversationId}::uuid AND account_id = ${accountId}::uuid
      FOR NO KEY UPDATE
    )`;
  // Each body travels once: a stripped text that is the text body, or a sanitised HTML that is
  // the HTML body (the same bytes from the text-work thread, or an equal string), is taken from
  // the statement's own `bodies` row. pg copies every parameter into one message on the event
  // loop (~4 copies of each byte with its buffer growth): a 5 MiB single-token email sent its
  // body four times, and the copying was the longest stretch left (issue 13).
  const htmlBody = nonEmpty(email.htmlBody);
  const stripped = nonEmpty(email.strippedText);
  const safeHtml =
    safeHtmlBody === null ? Prisma.sql`NULL::text` : htmlBody !== null && safeHtmlBody === htmlBody ? Prisma.sql`bodies.html_body` : Prisma.sql`${safeHtmlBody}::text`;
  const strippedText = stripped === null ? Prisma.sql`NULL::text` : stripped === email.textBody ? Prisma.sql`bodies.text_body` : Prisma.sql`${stripped}::text`;
  // Through pg directly, not $queryRaw: Prisma would JSON-encode and decode the ~3 copies of
  // a body (up to 3 x 5 MiB+) on the event loop first (src/db/client.ts, queryLarge).
  const stored = await services.database.queryLarge<{ id: string; first_cursor: string; before_status: string; assignee_id: string | null }>(Prisma.sql`
    WITH ${before}, bodies AS (SELECT ${email.textBody}::text AS text_body, ${htmlBody}::text AS html_body), message AS (
      INSERT INTO conversation_messages (id, account_id, conversation_id, direction, from_email, from_name, to_email, cc_emails,
        subject, text_body, html_body, safe_html_body, stripped_text, message_id_header, in_reply_to, "references", provider_message_id,
        idempotency_key, delivery_status, received_at, created_at, headers, attachments)
      SELECT ${messageId}::uuid, ${accountId}::uuid, ${conversationId}::uuid, 'INBOUND'::"MessageDirection", ${email.from.email},
        ${email.from.name || null}::text, ${email.originalRecipient ?? email.to[0]?.email ?? ''}, ${email.cc}::text[],
        ${email.subject}, bodies.text_body, bodies.html_body, ${safeHtml}, ${strippedText},
        ${email.messageIdHeader ?? null}::text, ${email.inReplyTo ?? null}::text, ${email.references}::text[], ${email.providerMessageId},
        ${`inbound:${email.providerMessageId}`}, 'RECEIVED'::"DeliveryStatus", ${now}::timestamptz, ${now}::timestamptz,
        ${JSON.stringify(email.headers)}::jsonb, ${JSON.stringify(email.attachments.map(({ content: _content, ...metadata }) => metadata))}::jsonb
      FROM before, bodies
      RETURNING id
    ), moved AS (
      UPDATE conversations
      SET status = 'NEEDS_REVIEW', last_message_at = ${now}::timestamptz, last_message_id = ${messageId}::uuid,
          last_inbound_message_id = ${messageId}::uuid,
          archived_at = NULL, archive_reason = NULL, snoozed_until = NULL, snooze_reason = NULL, updated_at = ${wallClock}::timestamptz
      WHERE id = ${conversationId}::uuid AND EXISTS (SELECT 1 FROM message)
      RETURNING id
    ), audit AS (${audit}    ), ${assignedAudit ? Prisma.sql`assigned_audit AS (${assignedAudit}), ` : Prisma.empty}jobs AS (${jobs}),${webhooks ? Prisma.sql`
    ${webhooks},` : Prisma.empty}
    ${eventLogCtes(accountId, eventSource)}
    SELECT id, ${FIRST_CURSOR_SQL}::text AS first_cursor, (SELECT status::text FROM before) AS before_status,
      ${create ? Prisma.sql`(SELECT id FROM assignee)` : Prisma.sql`NULL::uuid`} AS assignee_id
    FROM message`);
  if (stored.length === 0) throw new Error(`Conversation ${conversationId} is not in account ${accountId}.`);
  const { first_cursor: firstCursor, before_status: beforeStatus, assignee_id: assigneeId } = stored[0]!;
  const events: UnloggedEvent[] =
    beforeStatus === 'SNOOZED'
      ? [newReply, woke]
      : [newReply, ...(leadCreated ? [leadCreated] : []), ...(assigneeId ? [{ ...assigned, assigneeId }] : [])];
  return { conversationId, threadedBy, events: numbered(events, firstCursor) };
}

/**
 * Attachment content, when the account keeps it (INBOUND_STORE_ATTACHMENT_CONTENT), is written
 * after the message, one attachment per statement: up to 50 MiB of base64 would otherwise
 * travel inside the statement that locks the conversation, and one 50 MiB statement ran into
 * PostgreSQL's statement timeout under load. If a write fails the email is still stored and its
 * original (attachments included) is in inbound_originals, so it is logged, not retried.
 */
async function keepAttachmentContent(services: AppServices, accountId: string, messageId: string, email: InboundEmail): Promise<void> {
  for (const [index, attachment] of email.attachments.entries()) {
    if (attachment.content === undefined) continue;
    try {
      await services.prisma.$executeRaw`
        UPDATE conversation_messages
        SET attachments = jsonb_set(attachments, ARRAY[${String(index)}, 'content'], to_jsonb(${attachment.content}::text))
        WHERE id = ${messageId}::uuid AND account_id = ${accountId}::uuid`;
    } catch (err) {
      services.logger.warn({ err, messageId, attachment: index }, 'attachment content not kept on the message; the original payload has it');
    }
  }
}

export async function receiveInboundEmail(
  { services, actor }: UnscopedContext,
  { email, ...routing }: { email: InboundEmail; accountSlug?: string },
): Promise<ReceiveResult> {
  // One precedence (README, "Inbound routing"): the webhook URL's ?account= wins. Threads are
  // then looked for in that account only, and a recipient naming another account is logged,
  // never followed. Without it: the thread the email names, else the first recipient that
  // names an account.
  let urlAccountId: string | undefined;
  if (routing.accountSlug) {
    const account = await services.prisma.account.findUnique({ where: { slug: routing.accountSlug }, select: { id: true } });
    if (!account) throw new UnroutableEmailError(`No account "${routing.accountSlug}" (the webhook URL's ?account=).`);
    urlAccountId = account.id;
    const others = recipientSlugs(email).filter((slug) => slug !== routing.accountSlug);
    const named = others.length > 0 ? await services.prisma.account.findMany({ where: { slug: { in: others } }, select: { slug: true } }) : [];
    if (named.length > 0) {
      services.logger.warn(
        { urlAccount: routing.accountSlug, recipientAccounts: named.map((a) => a.slug), providerMessageId: email.providerMessageId },
        'inbound email: a recipient names another account; stored in the URL account, as documented',
      );
    }
  }
  const thread = (await byMailboxHash(services, email, urlAccountId)) ?? (await byReferences(services, email, urlAccountId));
  const accountId = urlAccountId ?? thread?.accountId ?? (await resolveAccountByRecipient(services, email));

  // Sanitised once, when first needed (not for a duplicate), and stored beside the original.
  let sanitised: StorableText | null | undefined;
  const safeHtml = () =>
    (sanitised ??= email.safeHtmlBody !== undefined ? email.safeHtmlBody : email.htmlBody ? sanitiseEmailHtml(textOf(email.htmlBody), services.config.htmlRemoteImages) : null);

  // Postmark retries until it gets a 200, and may deliver the same email concurrently: the
  // unique (account, provider message id) index keeps one; a lost race reads the winner.
  for (let attempt = 0; ; attempt++) {
    const duplicate = await findDuplicate(services, accountId, email);
    if (duplicate) return duplicate;
    try {
      if (email.original && attempt === 0) await keepInboundOriginal(services.database, accountId, email.providerMessageId, email.original);
      const messageId = randomUUID();
      // Reads first, then one statement that writes everything: a lost race (the same new lead
      // created concurrently) fails that statement whole, and the next attempt reads again.
      const target = thread ? { conversationId: thread.id, threadedBy: thread.threadedBy } : toTarget(await threadBySender(systemContext(services, accountId, actor).db, email));
      const { events, ...threaded } = await storeReply(services, { accountId, actor }, target, messageId, email, safeHtml(), services.now());
      await keepAttachmentContent(services, accountId, messageId, email);
      const result = { status: 'stored' as const, accountId, messageId, ...threaded };
      for (const event of events) services.events.publish(event);
      services.jobs.wake();
      return result;
    } catch (error) {
      // A concurrent copy won (message) or created the same new lead first: look again.
      if (isUniqueViolation(error) && attempt < 2) continue;
      throw error;
    }
  }
}
