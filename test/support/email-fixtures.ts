// A conversation as approve and reply find it: our first email, the lead's answer (both with
// Message-IDs, for threading) and a PENDING draft answering it.
import { randomUUID } from 'node:crypto';
import type { Prisma, PrismaClient } from '../../src/db/client.js';
import { createLead, gid } from './factories.js';

export const T0 = new Date('2026-11-19T09:00:00.000Z');
export const T1 = new Date('2026-11-19T11:30:00.000Z');

export interface ThreadOptions {
  lead?: Partial<Prisma.LeadUncheckedCreateInput>;
  status?: Prisma.ConversationUncheckedCreateInput['status'];
  /** false: no draft. */
  suggestion?: boolean | Partial<Prisma.AISuggestionUncheckedCreateInput>;
}

export async function createThread(prisma: PrismaClient, accountId: string, options: ThreadOptions = {}) {
  const n = randomUUID().slice(0, 8);
  const lead = await createLead(prisma, accountId, { name: 'Maria Delgado', email: `maria-${n}@bakery.example`, ...options.lead });
  const conversation = await prisma.conversation.create({
    data: {
      accountId,
      leadId: lead.id,
      subject: 'Website redesign',
      status: options.status ?? 'NEEDS_REVIEW',
      replyHash: `h${n}`,
      createdAt: T0,
      lastMessageAt: T1,
    },
  });
  const first = await prisma.conversationMessage.create({
    data: {
      accountId,
      conversationId: conversation.id,
      direction: 'OUTBOUND',
      fromEmail: 'sales@parley.example.com',
      toEmail: lead.email,
      subject: 'Website redesign',
      textBody: 'Would a new website help the bakery?',
      messageIdHeader: `<first-${n}@mtasv.net>`,
      deliveryStatus: 'SENT',
      sentAt: T0,
      createdAt: T0,
    },
  });
  const inbound = await prisma.conversationMessage.create({
    data: {
      accountId,
      conversationId: conversation.id,
      direction: 'INBOUND',
      fromEmail: lead.email,
      toEmail: `replies+h${n}@inbound.parley.example.com`,
      subject: 'Re: Website redesign',
      textBody: 'What would it cost?',
      messageIdHeader: `<reply-${n}@mail.bakery.example>`,
      inReplyTo: `<first-${n}@mtasv.net>`,
      deliveryStatus: 'RECEIVED',
      receivedAt: T1,
      createdAt: T1,
    },
  });
  await prisma.conversation.update({ where: { id: conversation.id }, data: { lastMessageId: inbound.id } });
  const suggestion =
    options.suggestion === false
      ? null
      : await prisma.aISuggestion.create({
          data: {
            accountId,
            conversationId: conversation.id,
            inReplyToId: inbound.id,
            subject: 'Re: Website redesign',
            body: 'Most redesigns land between $2,500 and $4,500.\n\nWould Thursday work for a call?',
            confidence: 0.86,
            provider: 'offline',
            model: 'offline',
            createdAt: T1,
            ...(typeof options.suggestion === 'object' ? options.suggestion : {}),
          },
        });
  return {
    lead,
    conversation,
    first,
    inbound,
    suggestion,
    conversationGid: gid('Conversation', conversation.id),
    suggestionGid: suggestion ? gid('AISuggestion', suggestion.id) : '',
  };
}

/** Collects conversation events from the moment it is called. */
export function collectEvents(bus: { subscribe(accountId: string): AsyncIterable<unknown> }, accountId: string) {
  const events: Record<string, unknown>[] = [];
  const iterator = bus.subscribe(accountId)[Symbol.asyncIterator]();
  void (async () => {
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      events.push(next.value as Record<string, unknown>);
    }
  })();
  return { events, stop: () => void iterator.return?.() };
}
