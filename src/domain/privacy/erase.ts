// A lead's right to erasure: their personal data goes from every table in one transaction (the
// lead, conversations, messages with their originals, drafts, analyses, embeddings, email
// events, outbound and outbox emails, jobs and webhook deliveries that name them, audit
// details), an audit tombstone without personal data stays, and the address is suppressed
// (kept as a keyed hash, suppression.ts) so Parley never emails it again. A later email from
// the address is a stranger's: a new lead, with none of the erased history.
import { Prisma } from '../../db/client.js';
import { recordAudit } from '../audit.js';
import { NotFoundError } from '../errors.js';
import type { DomainContext } from '../use-case-context.js';
import { addressHash } from './suppression.js';

/** Names shorter than this are not searched for in other rows: "Al" would match "Alpha". */
const MIN_NAME_LENGTH = 4;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const likePattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;

/**
 * Replaces the person (address anywhere, name as a whole word) in a JSON value's strings and
 * keys with "[erased]"; everything else is kept.
 */
function redactor(email: string, name: string | null) {
  const patterns = [new RegExp(escapeRegExp(email), 'giu')];
  if (name && name.trim().length >= MIN_NAME_LENGTH) patterns.push(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name.trim())}(?![\\p{L}\\p{N}])`, 'giu'));
  const text = (value: string) => patterns.reduce((t, p) => t.replace(p, '[erased]'), value);
  const json = (value: unknown): unknown => {
    if (typeof value === 'string') return text(value);
    if (Array.isArray(value)) return value.map(json);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [text(k), json(v)]));
    return value;
  };
  return { text, json };
}

/** A row's global ID as the API (and webhook bodies) show it; see src/domain/webhooks/events.ts. */
const globalId = (typename: string, id: string) => Buffer.from(`${typename}:${id}`, 'utf8').toString('base64');

export async function eraseLead(ctx: DomainContext, input: { leadId: string }): Promise<{ leadId: string; conversations: number; messages: number }> {
  const { db, viewer, services } = ctx;
  const accountId = viewer.accountId;
  return db.$transaction(async (tx) => {
    const lead = await tx.lead.findUnique({ where: { id: input.leadId } });
    if (!lead) throw new NotFoundError('Lead', input.leadId);
    // Every writer of a thread locks its conversation first (conversations/lock.ts): a send
    // being claimed finishes before, or finds the conversation gone after.
    const conversations = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM conversations WHERE lead_id = ${lead.id}::uuid AND account_id = ${accountId}::uuid ORDER BY id FOR UPDATE`;
    const conversationIds = conversations.map((c) => c.id);
    const messages = await tx.conversationMessage.findMany({ where: { conversationId: { in: conversationIds } }, select: { id: true, providerMessageId: true } });
    const messageIds = messages.map((m) => m.id);
    const suggestionIds = (await tx.aISuggestion.findMany({ where: { conversationId: { in: conversationIds } }, select: { id: true } })).map((s) => s.id);
    const providerIds = messages.map((m) => m.providerMessageId).filter((id): id is string => id !== null);
    const ids = [lead.id, ...conversationIds, ...messageIds, ...suggestionIds];

    // The exact inbound bodies (gzip), keyed by provider id, not by a foreign key.
    if (providerIds.length > 0) await tx.inboundOriginal.deleteMany({ where: { providerMessageId: { in: providerIds } } });
    // Jobs whose payload names the lead, a thread of theirs, or their address, whatever their
    // kind or state (a job still queued would otherwise carry it, or act on it, later).
    const needles = [...ids, lead.email.toLowerCase()].map((n) => `%${n.replace(/[\\%_]/g, '\\$&')}%`);
    await tx.$executeRaw`DELETE FROM jobs WHERE account_id = ${accountId}::uuid AND lower(payload::text) LIKE ANY (${needles}::text[])`;
    // Webhook bodies name conversations and messages by global ID.
    const globalIds = [
      ...conversationIds.map((id) => globalId('Conversation', id)),
      ...messageIds.map((id) => globalId('ConversationMessage', id)),
      ...suggestionIds.map((id) => globalId('AISuggestion', id)),
    ].map((g) => `%${g.replace(/[\\%_]/g, '\\$&')}%`);
    if (globalIds.length > 0) {
      await tx.$executeRaw`DELETE FROM webhook_deliveries WHERE account_id = ${accountId}::uuid AND payload LIKE ANY (${globalIds}::text[])`;
    }
    // The audit trail keeps who did what when, not what was written: details go.
    await tx.auditEntry.updateMany({ where: { entityId: { in: ids } }, data: { details: Prisma.DbNull } });
    // Rows that reference the messages by foreign key go with them (ON DELETE CASCADE: email
    // events, analyses, outbound and outbox emails), as do conversations, messages, drafts and
    // embeddings with the lead; deleted explicitly anyway, so no cascade is relied on silently.
    await tx.emailEvent.deleteMany({ where: { messageId: { in: messageIds } } });
    await tx.messageAnalysis.deleteMany({ where: { conversationId: { in: conversationIds } } });
    await tx.outboxEmail.deleteMany({ where: { messageId: { in: messageIds } } });
    await tx.outboundEmail.deleteMany({ where: { messageId: { in: messageIds } } });
    await tx.conversationEmbedding.deleteMany({ where: { conversationId: { in: conversationIds } } });
    await tx.lead.delete({ where: { id: lead.id } });
    // The person named in the account's other rows: another lead's custom fields (a referral, a
    // note), and the address lists of other messages (Cc, To, their headers). Redacted in place;
    // the exact originals of those messages hold them too, so those originals go.
    const redact = redactor(lead.email, lead.name);
    const personNeedles = [likePattern(lead.email), ...(lead.name && lead.name.trim().length >= MIN_NAME_LENGTH ? [likePattern(lead.name.trim())] : [])];
    const namingLeads = await tx.$queryRaw<{ id: string; custom_fields: Prisma.JsonValue }[]>`
      SELECT id, custom_fields FROM leads
      WHERE account_id = ${accountId}::uuid AND custom_fields IS NOT NULL AND lower(custom_fields::text) LIKE ANY (${personNeedles}::text[])`;
    for (const other of namingLeads) {
      await tx.lead.update({ where: { id: other.id }, data: { customFields: redact.json(other.custom_fields) as Prisma.InputJsonValue }, select: { id: true } });
    }
    const address = likePattern(lead.email);
    const namingMessages = await tx.$queryRaw<{ id: string; to_email: string; cc_emails: string[]; headers: Prisma.JsonValue; provider_message_id: string | null }[]>`
      SELECT id, to_email, cc_emails, headers, provider_message_id FROM conversation_messages
      WHERE account_id = ${accountId}::uuid
        AND (lower(to_email) LIKE ${address} OR lower(array_to_string(cc_emails, ' ')) LIKE ${address} OR lower(headers::text) LIKE ${address})`;
    const erasedKey = lead.email.trim().toLowerCase();
    for (const message of namingMessages) {
      await tx.conversationMessage.update({
        where: { id: message.id },
        data: {
          toEmail: redact.text(message.to_email),
          ccEmails: message.cc_emails.filter((cc) => !cc.toLowerCase().includes(erasedKey)),
          ...(message.headers === null ? {} : { headers: redact.json(message.headers) as Prisma.InputJsonValue }),
        },
        select: { id: true },
      });
    }
    const namingOriginals = namingMessages.map((m) => m.provider_message_id).filter((id): id is string => id !== null);
    if (namingOriginals.length > 0) await tx.inboundOriginal.deleteMany({ where: { providerMessageId: { in: namingOriginals } } });
    await tx.suppressedAddress.createMany({ data: [{ accountId, addressHash: addressHash(services.config, lead.email), reason: 'erased' }], skipDuplicates: true });
    // The tombstone: that a lead was erased, when and by whom, and how much; nothing of theirs.
    await recordAudit(tx, viewer, {
      action: 'lead.erased',
      entityType: 'Lead',
      entityId: lead.id,
      fromStatus: 'STORED',
      toStatus: 'ERASED',
      details: {
        conversations: conversationIds.length,
        messages: messageIds.length,
        suggestions: suggestionIds.length,
        otherLeadsRedacted: namingLeads.length,
        otherMessagesRedacted: namingMessages.length,
      },
    });
    return { leadId: lead.id, conversations: conversationIds.length, messages: messageIds.length };
  }, { timeout: 60_000 });
}
