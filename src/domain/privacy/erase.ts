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
    await tx.suppressedAddress.createMany({ data: [{ accountId, addressHash: addressHash(services.config, lead.email), reason: 'erased' }], skipDuplicates: true });
    // The tombstone: that a lead was erased, when and by whom, and how much; nothing of theirs.
    await recordAudit(tx, viewer, {
      action: 'lead.erased',
      entityType: 'Lead',
      entityId: lead.id,
      fromStatus: 'STORED',
      toStatus: 'ERASED',
      details: { conversations: conversationIds.length, messages: messageIds.length, suggestions: suggestionIds.length },
    });
    return { leadId: lead.id, conversations: conversationIds.length, messages: messageIds.length };
  }, { timeout: 60_000 });
}
