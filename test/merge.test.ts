// Merging conversations: the source's messages and drafts move into the target, the source's
// id answers as the target (node, conversation), and a reply addressed to the source's reply
// address lands in the target.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationEvent } from '../src/events/bus.js';
import { createTestApp, type TestApp } from './support/app.js';
import { createConversation, createLead, gid, rawId } from './support/factories.js';
import { graphql } from './gql/index.js';
import { inboundPayload, postWebhook } from './support/postmark-payloads.js';

const Merge = graphql(`
  mutation MergeTest($input: MergeConversationsInput!) {
    mergeConversations(input: $input) {
      __typename
      ... on MergeConversationsPayload { mergedConversationId conversation { id status messages(first: 50) { totalCount } } }
      ... on Error { code message }
    }
  }
`);

const Lookup = graphql(`
  query MergedLookupTest($id: ID!) {
    node(id: $id) { id }
    conversation(id: $id) { id subject }
  }
`);

let app: TestApp;
const events: ConversationEvent[] = [];
beforeAll(async () => {
  app = await createTestApp();
  void (async () => {
    for await (const event of app.services.events.subscribe(app.services.devAccountId)) events.push(event);
  })();
});
afterAll(() => app?.close());

async function twoThreads() {
  const { prisma, devAccountId } = app.services;
  const lead = await createLead(prisma, devAccountId, { email: `merge-${Date.now()}-${Math.random().toString(36).slice(2)}@example.net` });
  const target = await createConversation(prisma, devAccountId, lead.id, {
    subject: 'Website project',
    status: 'WAITING_FOR_LEAD',
    messages: [{ direction: 'OUTBOUND', at: new Date('2026-11-20T09:00:00Z') }],
  });
  const source = await createConversation(prisma, devAccountId, lead.id, {
    subject: 'Re: Website project (new thread)',
    status: 'NEEDS_REVIEW',
    messages: [{ direction: 'INBOUND', at: new Date('2026-11-21T09:00:00Z') }],
    suggestions: [{ status: 'PENDING', confidence: 0.8, at: new Date('2026-11-21T09:01:00Z') }],
  });
  return { lead, target, source };
}

describe('mergeConversations', () => {
  it('moves the messages and drafts, leaves a tombstone that answers as the target, and threads replies to the source into the target', async () => {
    const { prisma } = app.services;
    const { target, source } = await twoThreads();
    const merged = await app.execute(Merge, { input: { sourceId: gid('Conversation', source.id), targetId: gid('Conversation', target.id) } });
    expect(merged.data!.mergeConversations).toMatchObject({
      __typename: 'MergeConversationsPayload',
      mergedConversationId: gid('Conversation', source.id),
      conversation: { id: gid('Conversation', target.id), status: 'NEEDS_REVIEW', messages: { totalCount: 2 } },
    });
    expect(await prisma.aISuggestion.count({ where: { conversationId: target.id, status: 'PENDING' } })).toBe(1);
    const after = await prisma.conversation.findUniqueOrThrow({ where: { id: target.id } });
    expect(after.lastMessageId).toBe(source.lastMessageId);
    expect(after.lastMessageAt).toEqual(source.lastMessageAt);

    // The source's id answers as the target.
    const lookup = await app.execute(Lookup, { id: gid('Conversation', source.id) });
    expect(lookup.errors).toBeUndefined();
    expect(lookup.data).toMatchObject({ node: { id: gid('Conversation', target.id) }, conversation: { id: gid('Conversation', target.id), subject: 'Website project' } });

    // Threading learned: a reply to the source's reply address lands in the target.
    const reply = await postWebhook(app, 'inbound', inboundPayload({ from: 'someone.else@example.org', mailboxHash: source.replyHash, subject: 'Re: new thread', stripped: 'Replying to the merged thread.' }));
    expect(reply.status).toBe(200);
    const stored = await prisma.conversationMessage.findFirstOrThrow({ where: { strippedText: 'Replying to the merged thread.' } });
    expect(stored.conversationId).toBe(target.id);
    expect(await prisma.conversation.count({ where: { id: source.id } })).toBe(0);

    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { action: 'conversation.merged', entityId: source.id } });
    expect(audit).toMatchObject({ fromStatus: 'NEEDS_REVIEW', toStatus: 'MERGED', details: { targetId: target.id, messagesMoved: 1 } });
  });

  it('keeps the target pending draft when both have one, and follows a chain of merges', async () => {
    const { prisma, devAccountId } = app.services;
    const { lead, target, source } = await twoThreads();
    const third = await createConversation(prisma, devAccountId, lead.id, {
      subject: 'Third',
      status: 'NEEDS_REVIEW',
      messages: [{ direction: 'INBOUND', at: new Date('2026-11-22T09:00:00Z') }],
      suggestions: [{ status: 'PENDING', confidence: 0.7, at: new Date('2026-11-22T09:01:00Z') }],
    });
    const targetDraft = await prisma.aISuggestion.findFirstOrThrow({ where: { conversationId: third.id } });
    const sourceDraft = await prisma.aISuggestion.findFirstOrThrow({ where: { conversationId: source.id } });
    // source into target, then target into third: the source's id and address lead to third.
    await app.execute(Merge, { input: { sourceId: gid('Conversation', source.id), targetId: gid('Conversation', target.id) } });
    const second = await app.execute(Merge, { input: { sourceId: gid('Conversation', target.id), targetId: gid('Conversation', third.id) } });
    expect(second.data!.mergeConversations).toMatchObject({ conversation: { messages: { totalCount: 3 } } });
    const pending = await prisma.aISuggestion.findMany({ where: { conversationId: third.id, status: 'PENDING' } });
    expect(pending.map((s) => s.id)).toEqual([targetDraft.id]);
    // The draft set aside is announced, as every superseded draft is (the first merge had none to set aside).
    await expect
      .poll(() => events.filter((e) => e.type === 'SUGGESTION_SUPERSEDED'))
      .toEqual([expect.objectContaining({ suggestionId: sourceDraft.id, conversationId: third.id, reason: 'merged' })]);
    expect(await prisma.aISuggestion.findUniqueOrThrow({ where: { id: sourceDraft.id } })).toMatchObject({ status: 'SUPERSEDED', conversationId: third.id });
    const lookup = await app.execute(Lookup, { id: gid('Conversation', source.id) });
    expect(rawId(lookup.data!.conversation!.id)).toBe(third.id);
    await postWebhook(app, 'inbound', inboundPayload({ mailboxHash: source.replyHash, stripped: 'To the first thread.' }));
    const stored = await prisma.conversationMessage.findFirstOrThrow({ where: { strippedText: 'To the first thread.' } });
    expect(stored.conversationId).toBe(third.id);
  });

  it('answers typed errors: into itself, an unknown or already merged source', async () => {
    const { target, source } = await twoThreads();
    const self = await app.execute(Merge, { input: { sourceId: gid('Conversation', target.id), targetId: gid('Conversation', target.id) } });
    expect(self.data!.mergeConversations.__typename).toBe('ValidationError');
    await app.execute(Merge, { input: { sourceId: gid('Conversation', source.id), targetId: gid('Conversation', target.id) } });
    const again = await app.execute(Merge, { input: { sourceId: gid('Conversation', source.id), targetId: gid('Conversation', target.id) } });
    expect(again.data!.mergeConversations.__typename).toBe('NotFoundError');
  });
});

const Move = graphql(`
  mutation MoveMessageTest($input: MoveMessageInput!) {
    moveMessage(input: $input) {
      __typename
      ... on MoveMessagePayload {
        movedMessage { id }
        conversation { id subject status lead { id } messages(first: 10) { totalCount } lastMessage { id } }
        fromConversation { id messages(first: 10) { totalCount } lastMessage { id } }
      }
      ... on Error { code message }
    }
  }
`);

describe('moveMessage', () => {
  it('splits a message into a new conversation with the same lead, with the draft that answers it', async () => {
    const { prisma, devAccountId } = app.services;
    const lead = await createLead(prisma, devAccountId);
    const thread = await createConversation(prisma, devAccountId, lead.id, {
      subject: 'Website project',
      status: 'NEEDS_REVIEW',
      messages: [
        { direction: 'OUTBOUND', at: new Date('2026-11-20T09:00:00Z') },
        { direction: 'INBOUND', at: new Date('2026-11-21T09:00:00Z'), text: 'Unrelated: can you also do our logo?' },
      ],
    });
    const [first, second] = await prisma.conversationMessage.findMany({ where: { conversationId: thread.id }, orderBy: { createdAt: 'asc' } });
    await prisma.conversationMessage.update({ where: { id: second!.id }, data: { subject: 'Re: Logo' } });
    const draft = await prisma.aISuggestion.create({
      data: { accountId: devAccountId, conversationId: thread.id, inReplyToId: second!.id, status: 'PENDING', subject: 'Re: Logo', body: 'Yes.', confidence: 0.8, provider: 'offline', model: 'offline' },
    });
    const moved = await app.execute(Move, { input: { messageId: gid('ConversationMessage', second!.id), toConversationId: null } });
    const payload = moved.data!.moveMessage;
    if (payload.__typename !== 'MoveMessagePayload') throw new Error(JSON.stringify(moved));
    expect(payload.conversation).toMatchObject({ subject: 'Logo', status: 'NEEDS_REVIEW', lead: { id: gid('Lead', lead.id) }, messages: { totalCount: 1 }, lastMessage: { id: gid('ConversationMessage', second!.id) } });
    expect(payload.conversation.id).not.toBe(gid('Conversation', thread.id));
    expect(payload.fromConversation).toMatchObject({ id: gid('Conversation', thread.id), messages: { totalCount: 1 }, lastMessage: { id: gid('ConversationMessage', first!.id) } });
    const movedDraft = await prisma.aISuggestion.findUniqueOrThrow({ where: { id: draft.id } });
    expect(movedDraft.conversationId).toBe(rawId(payload.conversation.id));
    expect(await prisma.auditEntry.count({ where: { action: 'conversation.split', entityId: rawId(payload.conversation.id) } })).toBe(1);

    // And back: moved into the original conversation again.
    const back = await app.execute(Move, { input: { messageId: gid('ConversationMessage', second!.id), toConversationId: gid('Conversation', thread.id) } });
    expect(back.data!.moveMessage).toMatchObject({ conversation: { id: gid('Conversation', thread.id), messages: { totalCount: 2 }, lastMessage: { id: gid('ConversationMessage', second!.id) } } });
    const same = await app.execute(Move, { input: { messageId: gid('ConversationMessage', second!.id), toConversationId: gid('Conversation', thread.id) } });
    expect(same.data!.moveMessage.__typename).toBe('ValidationError');
  });
});
