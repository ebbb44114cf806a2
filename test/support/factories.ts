// Small builders for test rows, written through the unscoped client with explicit accounts.
import { randomUUID } from 'node:crypto';
import type { Prisma, PrismaClient } from '../../src/db/client.js';
import { decodeParleyId, encodeParleyId } from '../../src/schema/ids.js';

export const gid = encodeParleyId;
/** The row id inside a global ID (for reading rows the API named). */
export const rawId = (globalId: string) => decodeParleyId(globalId).id;

export async function createAccount(prisma: PrismaClient, slug = `acct-${randomUUID().slice(0, 8)}`) {
  return prisma.account.create({ data: { slug, name: `Account ${slug}` } });
}

export async function createLead(
  prisma: PrismaClient,
  accountId: string,
  data: Partial<Prisma.LeadUncheckedCreateInput> = {},
) {
  const n = randomUUID().slice(0, 8);
  return prisma.lead.create({ data: { accountId, name: `Lead ${n}`, email: `lead-${n}@example.com`, ...data } });
}

export interface MessageSpec {
  direction: 'INBOUND' | 'OUTBOUND';
  at: Date;
  text?: string;
  deliveredAt?: Date | null;
  firstOpenedAt?: Date | null;
  firstClickedAt?: Date | null;
  openCount?: number;
  clickCount?: number;
  deliveryStatus?: Prisma.ConversationMessageUncheckedCreateInput['deliveryStatus'];
}

export interface SuggestionSpec {
  status: Prisma.AISuggestionUncheckedCreateInput['status'];
  confidence: number;
  at: Date;
}

/** A conversation with its messages (oldest first) and suggestions; lastMessage is kept right. */
export async function createConversation(
  prisma: PrismaClient,
  accountId: string,
  leadId: string,
  spec: {
    subject?: string;
    status?: Prisma.ConversationUncheckedCreateInput['status'];
    createdAt?: Date;
    messages?: MessageSpec[];
    suggestions?: SuggestionSpec[];
  } = {},
) {
  const id = randomUUID();
  const messages = spec.messages ?? [];
  const createdAt = spec.createdAt ?? messages[0]?.at ?? new Date();
  const lastAt = messages.at(-1)?.at ?? createdAt;
  await prisma.conversation.create({
    data: {
      id,
      accountId,
      leadId,
      subject: spec.subject ?? `Subject ${id.slice(0, 8)}`,
      status: spec.status ?? 'ACTIVE',
      replyHash: randomUUID().replaceAll('-', ''),
      createdAt,
      lastMessageAt: lastAt,
    },
  });
  let lastMessageId: string | undefined;
  let lastInboundMessageId: string | undefined;
  for (const m of messages) {
    const message = await prisma.conversationMessage.create({
      data: {
        accountId,
        conversationId: id,
        direction: m.direction,
        fromEmail: m.direction === 'INBOUND' ? 'lead@example.com' : 'us@example.com',
        toEmail: m.direction === 'INBOUND' ? 'us@example.com' : 'lead@example.com',
        subject: 'Re: hello',
        textBody: m.text ?? `${m.direction} message`,
        deliveryStatus: m.deliveryStatus ?? (m.direction === 'INBOUND' ? 'RECEIVED' : 'SENT'),
        sentAt: m.direction === 'OUTBOUND' ? m.at : null,
        receivedAt: m.direction === 'INBOUND' ? m.at : null,
        deliveredAt: m.deliveredAt ?? null,
        firstOpenedAt: m.firstOpenedAt ?? null,
        firstClickedAt: m.firstClickedAt ?? null,
        openCount: m.openCount ?? 0,
        clickCount: m.clickCount ?? 0,
        createdAt: m.at,
      },
    });
    lastMessageId = message.id;
    if (m.direction === 'INBOUND') lastInboundMessageId = message.id;
  }
  for (const s of spec.suggestions ?? []) {
    await prisma.aISuggestion.create({
      data: {
        accountId,
        conversationId: id,
        status: s.status,
        subject: 'Re: hello',
        body: 'Drafted reply',
        confidence: s.confidence,
        provider: 'offline',
        model: 'offline',
        createdAt: s.at,
      },
    });
  }
  if (lastMessageId) await prisma.conversation.update({ where: { id }, data: { lastMessageId, lastInboundMessageId } });
  return prisma.conversation.findUniqueOrThrow({ where: { id } });
}
