// A lead's right of access: everything Parley stores about them, as one JSON document.
import { recordAudit } from '../audit.js';
import { NotFoundError } from '../errors.js';
import type { DomainContext } from '../use-case-context.js';

/** The document's format version: a consumer can tell what it reads. */
export const LEAD_EXPORT_VERSION = 1;

export async function exportLeadData(ctx: DomainContext, input: { leadId: string }): Promise<{ leadId: string; json: string }> {
  const { db, viewer, services } = ctx;
  return db.$transaction(async (tx) => {
    const lead = await tx.lead.findUnique({ where: { id: input.leadId } });
    if (!lead) throw new NotFoundError('Lead', input.leadId);
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
