// The state-transition helpers every use case goes through (src/domain/transitions.ts): a change
// is conditional, audited only when it happened, and announced only once committed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationEvent } from '../src/events/bus.js';
import { inTransaction, transitionConversation } from '../src/domain/transitions.js';
import { systemContext, type DomainContext } from '../src/domain/use-case-context.js';
import { createTestApp, type TestApp } from './support/app.js';
import { createConversation, createLead } from './support/factories.js';

let app: TestApp;
let published: ConversationEvent[];
let ctx: DomainContext;

beforeAll(async () => {
  app = await createTestApp();
  published = [];
  const base = systemContext(app.services, app.services.devAccountId, 'system:test');
  // The real bus, with the events this test's use cases publish recorded on the way.
  const events = { ...app.services.events, publish: (event: ConversationEvent) => published.push(event) };
  ctx = { ...base, services: { ...app.services, events } };
});

afterAll(() => app?.close());

async function newConversation() {
  const { prisma, devAccountId } = app.services;
  const lead = await createLead(prisma, devAccountId);
  return createConversation(prisma, devAccountId, lead.id, { messages: [{ direction: 'INBOUND', at: new Date('2026-11-19T10:00:00Z'), text: 'Hi' }] });
}

const auditRows = (entityId: string) => app.services.prisma.auditEntry.findMany({ where: { entityId } });

function archive(id: string) {
  return inTransaction(ctx, (tx) =>
    transitionConversation(tx, ctx.viewer, { id, from: { not: 'ARCHIVED' }, to: 'ARCHIVED', action: 'conversation.archived' }),
  );
}

describe('state transitions', () => {
  it('of two concurrent identical changes, exactly one happens and is audited', async () => {
    const conversation = await newConversation();
    const outcomes = await Promise.all([archive(conversation.id), archive(conversation.id)]);
    expect(outcomes.sort()).toEqual([false, true]);
    expect(await auditRows(conversation.id)).toMatchObject([{ action: 'conversation.archived', fromStatus: null, toStatus: 'ARCHIVED', actor: 'system:test' }]);
  });

  it('writes the one state `from` allows as the audit row\'s left state', async () => {
    const conversation = await newConversation();
    const changed = await inTransaction(ctx, (tx) =>
      transitionConversation(tx, ctx.viewer, { id: conversation.id, from: [conversation.status], to: 'WAITING_FOR_LEAD', action: 'conversation.replied' }),
    );
    expect(changed).toBe(true);
    expect(await auditRows(conversation.id)).toMatchObject([{ fromStatus: conversation.status, toStatus: 'WAITING_FOR_LEAD' }]);
  });

  it('publishes a transaction\'s events after it commits, not while it runs', async () => {
    published.length = 0;
    const conversation = await newConversation();
    const seenInside = await inTransaction(ctx, async (tx, events) => {
      await transitionConversation(tx, ctx.viewer, { id: conversation.id, from: { not: 'ARCHIVED' }, to: 'ARCHIVED', action: 'conversation.archived' });
      events.publish({ type: 'NEW_REPLY', accountId: ctx.viewer.accountId, conversationId: conversation.id, at: new Date().toISOString(), messageId: conversation.id });
      return published.length;
    });
    expect(seenInside).toBe(0);
    expect(published).toMatchObject([{ type: 'NEW_REPLY', conversationId: conversation.id }]);
  });

  it('announces nothing, and changes nothing, when the transaction rolls back', async () => {
    published.length = 0;
    const conversation = await newConversation();
    const failure = inTransaction(ctx, async (tx, events) => {
      await transitionConversation(tx, ctx.viewer, { id: conversation.id, from: { not: 'ARCHIVED' }, to: 'ARCHIVED', action: 'conversation.archived' });
      events.publish({ type: 'NEW_REPLY', accountId: ctx.viewer.accountId, conversationId: conversation.id, at: new Date().toISOString(), messageId: conversation.id });
      throw new Error('a later step failed');
    });
    await expect(failure).rejects.toThrow('a later step failed');
    expect(published).toEqual([]);
    expect(await auditRows(conversation.id)).toEqual([]);
    const stored = await app.services.prisma.conversation.findUniqueOrThrow({ where: { id: conversation.id } });
    expect(stored.status).toBe(conversation.status);
  });
});
