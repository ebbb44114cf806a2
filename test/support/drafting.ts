// Helpers for the drafting tests: a domain context as the inbound job builds one, a thread
// with the lead's reply, and a collector for published events.
import { systemContext as domainSystemContext, type DomainContext } from '../../src/domain/use-case-context.js';
import type { ConversationEvent } from '../../src/events/bus.js';
import type { TestApp } from './app.js';
import { createConversation, createLead } from './factories.js';

export function systemContext(app: TestApp, accountId = app.services.devAccountId): DomainContext {
  return domainSystemContext(app.services, accountId, 'system:test');
}

export const OUTREACH =
  "Hi Dana,\n\nI saw Harbor Bakery's listing and we build fast websites with online ordering for local shops. Would a short call be useful?\n\nBest,\nAlex";

/** A conversation: our outreach, then the lead's reply; returns ids for the domain calls. */
export async function threadWithReply(
  app: TestApp,
  reply: string,
  lead: { name?: string; company?: string; estimatedValue?: number; email?: string } = {},
  at = new Date('2026-11-19T09:00:00Z'),
) {
  const { prisma, devAccountId } = app.services;
  const created = await createLead(prisma, devAccountId, {
    name: lead.name ?? 'Dana Whitfield',
    company: lead.company ?? 'Harbor Bakery',
    ...(lead.email ? { email: lead.email } : {}),
    ...(lead.estimatedValue !== undefined ? { estimatedValue: lead.estimatedValue } : {}),
  });
  const conversation = await createConversation(prisma, devAccountId, created.id, {
    subject: 'A faster website for Harbor Bakery',
    messages: [
      { direction: 'OUTBOUND', at, text: OUTREACH },
      { direction: 'INBOUND', at: new Date(at.getTime() + 3_600_000), text: reply },
    ],
  });
  const inbound = await prisma.conversationMessage.findFirstOrThrow({ where: { conversationId: conversation.id, direction: 'INBOUND' } });
  return { leadId: created.id, lead: created, conversationId: conversation.id, inboundMessageId: inbound.id };
}

/** Collects the account's events from now on; call stop() when done. */
export function collectEvents(app: TestApp, accountId = app.services.devAccountId) {
  const events: ConversationEvent[] = [];
  const iterator = app.services.events.subscribe(accountId)[Symbol.asyncIterator]();
  let stopped = false;
  void (async () => {
    while (!stopped) {
      const next = await iterator.next();
      if (next.done) return;
      events.push(next.value);
    }
  })();
  return {
    events,
    /**
     * Lets already-published events reach the collector: in-memory delivery is a chain of
     * microtasks, all run before the next macrotask (so this is an ordering, not a delay).
     */
    settle: () => new Promise((r) => setImmediate(r)),
    stop: async () => {
      stopped = true;
      await iterator.return?.();
    },
  };
}
