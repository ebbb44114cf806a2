// A lead's right of access: everything Parley stores about them, as one JSON document.
import { recordAudit } from '../audit.js';
import { Prisma } from '../../db/client.js';
import { ExportTooLargeError, NotFoundError } from '../errors.js';
import type { DomainContext } from '../use-case-context.js';

/** The document's format version: a consumer can tell what it reads. */
export const LEAD_EXPORT_VERSION = 1;

export async function exportLeadData(ctx: DomainContext, input: { leadId: string }): Promise<{ leadId: string; json: string }> {
  const { db, viewer, services } = ctx;
  return db.$transaction(async (tx) => {
    const lead = await tx.lead.findUnique({ where: { id: input.leadId } });
    if (!lead) throw new NotFoundError('Lead', input.leadId);
    // The bound, before anything large is read: the text of the lead's messages and of their
    // sent copies (outbound and outbox emails carry the body again), which is nearly all of it.
    const [size] = await tx.$queryRaw<{ messages: bigint; bytes: bigint }[]>(Prisma.sql`
      SELECT count(*) AS messages,
        COALESCE(sum(octet_length(m.text_body) + COALESCE(octet_length(m.html_body), 0) + COALESCE(octet_length(m.safe_html_body), 0)
          + COALESCE(octet_length(m.stripped_text), 0) + COALESCE(octet_length(m.headers::text), 0) + COALESCE(octet_length(m.attachments::text), 0)
          + COALESCE((SELECT octet_length(o.payload::text) FROM outbound_emails o WHERE o.message_id = m.id), 0)
          + COALESCE((SELECT sum(octet_length(x.text_body) + COALESCE(octet_length(x.html_body), 0)) FROM outbox_emails x WHERE x.message_id = m.id), 0)), 0)::bigint AS bytes
      FROM conversation_messages m JOIN conversations c ON c.id = m.conversation_id
      WHERE c.lead_id = ${lead.id}::uuid AND c.account_id = ${viewer.accountId}::uuid`);
    const limit = services.config.privacy.exportMaxBytes;
    if (Number(size!.bytes) > limit) throw new ExportTooLargeError(Number(size!.bytes), limit, Number(size!.messages));
    const conversations = await tx.conversation.findMany({ where: { leadId: lead.id }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    const conversationIds = conversations.map((c) => c.id);
    const messages = await tx.conversationMessage.findMany({ where: { conversationId: { in: conversationIds } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    const messageIds = messages.map((m) => m.id);
    const suggestions = await tx.aISuggestion.findMany({ where: { conversationId: { in: conversationIds } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    const analyses = await tx.messageAnalysis.findMany({ where: { conversationId: { in: conversationIds } }, orderBy: { createdAt: 'asc' } });
    const emailEvents = await tx.emailEvent.findMany({
      where: { messageId: { in: messageIds } },
      omit: { originalPayload: true },
      orderBy: { occurredAt: 'asc' },
    });
    const outboundEmails = await tx.outboundEmail.findMany({ where: { messageId: { in: messageIds } } });
    const outboxEmails = await tx.outboxEmail.findMany({ where: { messageId: { in: messageIds } } });
    const providerIds = messages.map((m) => m.providerMessageId).filter((id): id is string => id !== null);
    const originals = await tx.inboundOriginal.findMany({
      where: { providerMessageId: { in: providerIds }, part: 0 },
      select: { providerMessageId: true, parts: true, sizeBytes: true, sha256: true, contentEncoding: true, receivedAt: true },
    });
    const embeddings = await tx.conversationEmbedding.findMany({
      where: { conversationId: { in: conversationIds } },
      // The vector itself is Unsupported("vector") and not read; its metadata and source text are.
      select: { conversationId: true, embedder: true, dimensions: true, intent: true, outcome: true, content: true, updatedAt: true },
    });
    const audit = await tx.auditEntry.findMany({
      where: { entityId: { in: [lead.id, ...conversationIds, ...messageIds, ...suggestions.map((s) => s.id)] } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    await recordAudit(tx, viewer, { action: 'lead.exported', entityType: 'Lead', entityId: lead.id, details: { conversations: conversations.length, messages: messages.length } });
    const document = {
      version: LEAD_EXPORT_VERSION,
      exportedAt: services.now().toISOString(),
      lead,
      conversations: conversations.map((c) => ({
        ...c,
        messages: messages.filter((m) => m.conversationId === c.id),
        suggestions: suggestions.filter((s) => s.conversationId === c.id),
        analyses: analyses.filter((a) => a.conversationId === c.id),
        embeddings: embeddings.filter((e) => e.conversationId === c.id),
      })),
      emailEvents,
      outboundEmails,
      outboxEmails,
      inboundOriginals: originals,
      auditEntries: audit,
    };
    return { leadId: lead.id, json: JSON.stringify(document) };
  });
}
