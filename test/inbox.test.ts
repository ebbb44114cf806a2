// The team inbox (issue 18, part A): read state per user, assignment, labels, priority,
// notes, filters over all of them with keyset paging, and bulk changes with per-item results.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationEvent } from '../src/events/bus.js';
import { graphql } from './gql/index.js';
import { createTestApp, type TestApp } from './support/app.js';
import { createAccount, createConversation, createLead, gid, rawId } from './support/factories.js';
import { inboundPayload, postWebhook } from './support/postmark-payloads.js';

const Unread = graphql(`
  query InboxUnread($id: ID!) {
    conversation(id: $id) { id unread }
    viewer { unreadCount }
  }
`);

const MarkRead = graphql(`
  mutation InboxMarkRead($input: MarkConversationsReadInput!) {
    markConversationsRead(input: $input) {
      __typename
      ... on MarkConversationsReadPayload { conversations { id unread } }
      ... on Error { code message }
      ... on InvalidStateError { currentState }
    }
  }
`);

const Assign = graphql(`
  mutation InboxAssign($input: AssignConversationInput!) {
    assignConversation(input: $input) {
      __typename
      ... on AssignConversationPayload { conversation { id assignee { id email } } }
      ... on Error { code message }
    }
  }
`);

const CreateLabel = graphql(`
  mutation InboxCreateLabel($input: CreateLabelInput!) {
    createLabel(input: $input) {
      __typename
      ... on CreateLabelPayload { label { id name color } }
      ... on Error { code message }
      ... on ValidationError { issues { path message } }
    }
  }
`);

const SetLabels = graphql(`
  mutation InboxSetLabels($input: SetConversationLabelsInput!) {
    setConversationLabels(input: $input) {
      __typename
      ... on SetConversationLabelsPayload { conversation { id labels { id name } } }
      ... on Error { code message }
    }
  }
`);

const SetPriority = graphql(`
  mutation InboxSetPriority($input: SetConversationPriorityInput!) {
    setConversationPriority(input: $input) {
      __typename
      ... on SetConversationPriorityPayload { conversation { id priority } }
      ... on Error { code message }
    }
  }
`);

const AddNote = graphql(`
  mutation InboxAddNote($input: AddNoteInput!) {
    addNote(input: $input) {
      __typename
      ... on AddNotePayload { note { id body author { email } actor } mentioned { email } }
      ... on Error { code message }
    }
  }
`);

const List = graphql(`
  query InboxList($filter: ConversationFilter, $orderBy: ConversationOrder, $first: Int, $after: String) {
    conversations(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      edges { node { id priority unread assignee { id } labels { name } notes(first: 5) { totalCount edges { node { body } } } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const ListLight = graphql(`
  query InboxListLight($filter: ConversationFilter, $first: Int) {
    conversations(filter: $filter, first: $first) { totalCount edges { node { id unread } } }
  }
`);

const Bulk = graphql(`
  mutation InboxBulk($input: BulkUpdateConversationsInput!) {
    bulkUpdateConversations(input: $input) {
      __typename
      ... on BulkUpdateConversationsPayload {
        succeeded
        failed
        results { conversationId ok error { __typename ... on Error { code message } } conversation { id status } }
      }
      ... on Error { code message }
    }
  }
`);

let app: TestApp;
let accountId: string;
let owner: { id: string; token: string };
let agent: { id: string; token: string; email: string };
let viewerUser: { id: string; token: string };

async function userWithToken(role: 'OWNER' | 'AGENT' | 'VIEWER', email: string) {
  const { prisma, tokens } = app.services;
  const user = await prisma.user.create({ data: { accountId, email, name: email.split('@')[0]!, role } });
  return { id: user.id, email, token: await tokens.sign({ userId: user.id, accountId, role }, 3600) };
}

/** Events published while `work` runs. */
async function eventsDuring(work: () => Promise<unknown>): Promise<ConversationEvent[]> {
  const seen: ConversationEvent[] = [];
  const bus = app.services.events;
  const original = bus.publish.bind(bus);
  bus.publish = (event) => {
    seen.push(event);
    original(event);
  };
  try {
    await work();
  } finally {
    bus.publish = original;
  }
  return seen;
}

beforeAll(async () => {
  app = await createTestApp({ now: () => new Date('2026-11-20T10:00:00Z') });
  accountId = app.services.devAccountId;
  owner = await userWithToken('OWNER', 'olga@team.example');
  agent = await userWithToken('AGENT', 'arno@team.example');
  viewerUser = await userWithToken('VIEWER', 'vera@team.example');
});

afterAll(() => app?.close());

describe('read state per user', () => {
  it('A marks read, B still sees unread; a new reply makes it unread for both; unreadCount follows', async () => {
    const { prisma } = app.services;
    const lead = await createLead(prisma, accountId);
    const conversation = await createConversation(prisma, accountId, lead.id, {
      status: 'NEEDS_REVIEW',
      messages: [{ direction: 'INBOUND', at: new Date('2026-11-19T09:00:00Z') }],
    });
    const id = gid('Conversation', conversation.id);
    const state = async (token: string) => {
      const r = await app.execute(Unread, { id }, token);
      expect(r.errors).toBeUndefined();
      return { unread: r.data!.conversation!.unread, count: r.data!.viewer.unreadCount };
    };
    const a0 = await state(owner.token);
    const b0 = await state(agent.token);
    expect(a0.unread).toBe(true);
    expect(b0.unread).toBe(true);

    const events = await eventsDuring(async () => {
      const marked = await app.execute(MarkRead, { input: { conversationIds: [id], read: true } }, owner.token);
      expect(marked.data!.markConversationsRead).toMatchObject({ __typename: 'MarkConversationsReadPayload', conversations: [{ id, unread: false }] });
    });
    // Personal: one event, addressed to A only.
    expect(events).toEqual([expect.objectContaining({ type: 'READ_STATE_CHANGED', forUserId: owner.id, read: true, conversationId: conversation.id })]);
    expect(await state(owner.token)).toEqual({ unread: false, count: a0.count - 1 });
    expect(await state(agent.token)).toEqual(b0);
    // Marking read again changes nothing and announces nothing.
    expect(await eventsDuring(() => app.execute(MarkRead, { input: { conversationIds: [id], read: true } }, owner.token))).toEqual([]);

    // The lead writes again (threaded by the reply address): unread for A and B alike.
    const reply = await postWebhook(app, 'inbound', inboundPayload({ mailboxHash: conversation.replyHash, from: lead.email, text: 'One more thing' }));
    expect(reply.status).toBe(200);
    expect(await state(owner.token)).toEqual({ unread: true, count: a0.count });
    expect(await state(agent.token)).toEqual(b0);

    // B reads it, then marks it unread again; A is untouched.
    await app.execute(MarkRead, { input: { conversationIds: [id], read: true } }, agent.token);
    expect(await state(agent.token)).toEqual({ unread: false, count: b0.count - 1 });
    await app.execute(MarkRead, { input: { conversationIds: [id], read: false } }, agent.token);
    expect(await state(agent.token)).toEqual(b0);
    expect(await state(owner.token)).toEqual({ unread: true, count: a0.count });

    // Audited per person.
    const audit = await prisma.auditEntry.findMany({ where: { entityId: conversation.id, action: { in: ['conversation.read', 'conversation.unread'] } }, orderBy: { createdAt: 'asc' } });
    // Sorted: rows of consecutive requests may share a millisecond.
    expect(audit.map((a) => `${a.action} ${a.actor}`).sort()).toEqual(
      [`conversation.read user:${owner.id}`, `conversation.read user:${agent.id}`, `conversation.unread user:${agent.id}`].sort(),
    );
  });

  it('a new reply writes no read marker: a marker names the email it read and simply stops being current', async () => {
    const { prisma } = app.services;
    const lead = await createLead(prisma, accountId);
    const conversation = await createConversation(prisma, accountId, lead.id, { messages: [{ direction: 'INBOUND', at: new Date('2026-11-19T09:00:00Z') }] });
    const id = gid('Conversation', conversation.id);
    await app.execute(MarkRead, { input: { conversationIds: [id] } }, agent.token);
    expect((await app.execute(Unread, { id }, agent.token)).data!.conversation!.unread).toBe(false);
    await postWebhook(app, 'inbound', inboundPayload({ mailboxHash: conversation.replyHash, from: lead.email }));
    const marker = await prisma.conversationRead.findUniqueOrThrow({ where: { conversationId_userId: { conversationId: conversation.id, userId: agent.id } } });
    expect(marker.readMessageId).toBe(conversation.lastInboundMessageId);
    expect((await app.execute(Unread, { id }, agent.token)).data!.conversation!.unread).toBe(true);
  });

  it('an API key has no read state: typed error; its unread means no one on the team read it', async () => {
    const { prisma } = app.services;
    const created = await app.executeRaw(
      'mutation { createApiKey(input: { name: "bot", role: AGENT }) { ... on CreateApiKeyPayload { key } } }',
      undefined,
      owner.token,
    );
    const key = (created.data!.createApiKey as { key: string }).key;
    const lead = await createLead(prisma, accountId);
    const conversation = await createConversation(prisma, accountId, lead.id, { messages: [{ direction: 'INBOUND', at: new Date('2026-11-19T09:00:00Z') }] });
    const id = gid('Conversation', conversation.id);
    const refused = await app.execute(MarkRead, { input: { conversationIds: [id] } }, key);
    expect(refused.data!.markConversationsRead).toMatchObject({ __typename: 'InvalidStateError', currentState: 'API_KEY' });
    expect((await app.execute(Unread, { id }, key)).data!.conversation!.unread).toBe(true);
    await app.execute(MarkRead, { input: { conversationIds: [id] } }, viewerUser.token);
    expect((await app.execute(Unread, { id }, key)).data!.conversation!.unread).toBe(false);
  });

  it('all or nothing: one id of another account marks none', async () => {
    const { prisma } = app.services;
    const other = await createAccount(prisma);
    const foreign = await createConversation(prisma, other.id, (await createLead(prisma, other.id)).id);
    const lead = await createLead(prisma, accountId);
    const mine = await createConversation(prisma, accountId, lead.id, { messages: [{ direction: 'INBOUND', at: new Date('2026-11-19T09:00:00Z') }] });
    const r = await app.execute(MarkRead, { input: { conversationIds: [gid('Conversation', mine.id), gid('Conversation', foreign.id)] } }, owner.token);
    expect(r.data!.markConversationsRead).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
    expect(await prisma.conversationRead.count({ where: { conversationId: mine.id } })).toBe(0);
  });
});

describe('assignment, labels, priority and notes', () => {
  it('assigns to an AGENT, refuses a VIEWER and another account\'s user, unassigns with null', async () => {
    const { prisma } = app.services;
    const conversation = await createConversation(prisma, accountId, (await createLead(prisma, accountId)).id);
    const id = gid('Conversation', conversation.id);
    const events = await eventsDuring(async () => {
      const ok = await app.execute(Assign, { input: { conversationId: id, assigneeId: gid('User', agent.id) } }, owner.token);
      expect(ok.data!.assignConversation).toMatchObject({ conversation: { assignee: { email: agent.email } } });
    });
    expect(events).toEqual([expect.objectContaining({ type: 'ASSIGNED', assigneeId: agent.id, previousAssigneeId: null })]);
    const toViewer = await app.execute(Assign, { input: { conversationId: id, assigneeId: gid('User', viewerUser.id) } }, owner.token);
    expect(toViewer.data!.assignConversation).toMatchObject({ __typename: 'InvalidStateError' });
    const other = await createAccount(prisma);
    const stranger = await prisma.user.create({ data: { accountId: other.id, email: 'x@other.example', name: 'x', role: 'AGENT' } });
    const toStranger = await app.execute(Assign, { input: { conversationId: id, assigneeId: gid('User', stranger.id) } }, owner.token);
    expect(toStranger.data!.assignConversation).toMatchObject({ __typename: 'NotFoundError' });
    const unassigned = await app.execute(Assign, { input: { conversationId: id, assigneeId: null } }, owner.token);
    expect(unassigned.data!.assignConversation).toMatchObject({ conversation: { assignee: null } });
    expect(await prisma.auditEntry.count({ where: { entityId: conversation.id, action: 'conversation.assigned' } })).toBe(2);
  });

  it('labels: validated colour, unique name whatever the case, set on a conversation', async () => {
    const bad = await app.execute(CreateLabel, { input: { name: 'Hot', color: 'red' } }, owner.token);
    expect(bad.data!.createLabel).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['input', 'color'] }] });
    const hot = await app.execute(CreateLabel, { input: { name: 'Hot', color: '#FF0000' } }, owner.token);
    expect(hot.data!.createLabel).toMatchObject({ label: { name: 'Hot', color: '#ff0000' } });
    const again = await app.execute(CreateLabel, { input: { name: ' hot ', color: '#00ff00' } }, owner.token);
    expect(again.data!.createLabel).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['input', 'name'] }] });
    const conversation = await createConversation(app.services.prisma, accountId, (await createLead(app.services.prisma, accountId)).id);
    const labelId = (hot.data!.createLabel as { label: { id: string } }).label.id;
    const set = await app.execute(SetLabels, { input: { conversationId: gid('Conversation', conversation.id), labelIds: [labelId] } }, agent.token);
    expect(set.data!.setConversationLabels).toMatchObject({ conversation: { labels: [{ name: 'Hot' }] } });
  });

  it('labels: rename and recolour (a taken name refused), delete takes it off conversations; audited', async () => {
    const { prisma } = app.services;
    const one = await prisma.label.create({ data: { accountId, name: 'One', color: '#111111' } });
    await prisma.label.create({ data: { accountId, name: 'Two', color: '#222222' } });
    const conversation = await createConversation(prisma, accountId, (await createLead(prisma, accountId)).id);
    await prisma.conversationLabel.create({ data: { accountId, conversationId: conversation.id, labelId: one.id } });
    const update = (input: Record<string, unknown>) =>
      app.executeRaw(
        'mutation ($input: UpdateLabelInput!) { updateLabel(input: $input) { __typename ... on UpdateLabelPayload { label { name color } } ... on ValidationError { issues { path } } } }',
        { input: { labelId: gid('Label', one.id), ...input } },
        agent.token,
      );
    expect((await update({ name: 'TWO' })).data!.updateLabel).toEqual({ __typename: 'ValidationError', issues: [{ path: ['input', 'name'] }] });
    expect((await update({ color: '#zzzzzz' })).data!.updateLabel).toMatchObject({ __typename: 'ValidationError' });
    expect((await update({ name: 'Uno', color: '#ABCDEF' })).data!.updateLabel).toEqual({ __typename: 'UpdateLabelPayload', label: { name: 'Uno', color: '#abcdef' } });
    const deleted = await app.executeRaw(
      'mutation ($input: DeleteLabelInput!) { deleteLabel(input: $input) { __typename ... on DeleteLabelPayload { deletedLabelId } } }',
      { input: { labelId: gid('Label', one.id) } },
      agent.token,
    );
    expect(deleted.data!.deleteLabel).toEqual({ __typename: 'DeleteLabelPayload', deletedLabelId: gid('Label', one.id) });
    expect(await prisma.conversationLabel.count({ where: { conversationId: conversation.id } })).toBe(0);
    const audit = await prisma.auditEntry.findMany({ where: { entityId: one.id }, orderBy: { createdAt: 'asc' } });
    // Sorted: two rows may share a millisecond.
    expect(audit.map((a) => a.action).sort()).toEqual(['label.deleted', 'label.updated']);
  });

  it('a user made a VIEWER or removed no longer owns conversations: unassigned, audited, announced', async () => {
    const { prisma } = app.services;
    const leaving = await userWithToken('AGENT', 'leaving@team.example');
    const demoted = await userWithToken('AGENT', 'demoted@team.example');
    const lead = await createLead(prisma, accountId);
    const mine = [];
    for (const assigneeId of [leaving.id, leaving.id, demoted.id]) mine.push((await prisma.conversation.update({ where: { id: (await createConversation(prisma, accountId, lead.id)).id }, data: { assigneeId } })).id);
    const events = await eventsDuring(async () => {
      const demote = await app.executeRaw('mutation ($id: ID!) { changeUserRole(input: { userId: $id, role: VIEWER }) { __typename } }', { id: gid('User', demoted.id) }, owner.token);
      expect(demote.data!.changeUserRole).toEqual({ __typename: 'ChangeUserRolePayload' });
      const remove = await app.executeRaw('mutation ($id: ID!) { removeUser(input: { userId: $id }) { __typename } }', { id: gid('User', leaving.id) }, owner.token);
      expect(remove.data!.removeUser).toEqual({ __typename: 'RemoveUserPayload' });
    });
    expect(await prisma.conversation.count({ where: { id: { in: mine }, assigneeId: null } })).toBe(3);
    expect(events.filter((e) => e.type === 'ASSIGNED').map((e) => e.conversationId).sort()).toEqual([...mine].sort());
    expect(await prisma.auditEntry.count({ where: { entityId: { in: mine }, action: 'conversation.assigned' } })).toBe(3);
  });

  it('priority: set by a person, audited, announced', async () => {
    const conversation = await createConversation(app.services.prisma, accountId, (await createLead(app.services.prisma, accountId)).id);
    const events = await eventsDuring(async () => {
      const r = await app.execute(SetPriority, { input: { conversationId: gid('Conversation', conversation.id), priority: 'URGENT' } }, agent.token);
      expect(r.data!.setConversationPriority).toMatchObject({ conversation: { priority: 'URGENT' } });
    });
    expect(events).toEqual([expect.objectContaining({ type: 'PRIORITY_CHANGED', priority: 'URGENT', previousPriority: 'NORMAL' })]);
    const row = await app.services.prisma.conversation.findUniqueOrThrow({ where: { id: conversation.id } });
    expect(row.prioritySetAt).not.toBeNull();
  });

  it('notes: author and time; @email mentions notify those users only', async () => {
    const conversation = await createConversation(app.services.prisma, accountId, (await createLead(app.services.prisma, accountId)).id);
    const events = await eventsDuring(async () => {
      const r = await app.execute(
        AddNote,
        { input: { conversationId: gid('Conversation', conversation.id), body: `Call them back, @${agent.email.toUpperCase()}. And @nobody@else.example.` } },
        owner.token,
      );
      expect(r.data!.addNote).toMatchObject({ note: { author: { email: 'olga@team.example' }, actor: gid('User', owner.id) }, mentioned: [{ email: agent.email }] });
    });
    expect(events.map((e) => e.type)).toEqual(['NOTE_ADDED', 'MENTIONED']);
    expect(events[1]).toMatchObject({ forUserId: agent.id });
  });
});

describe('filters together, with keyset paging', () => {
  it('assignee + label + priority + unread + intent + date range on one list, paged by priority', async () => {
    const { prisma } = app.services;
    const mark = await createAccount(prisma, 'filters-acct');
    const ownerB = await prisma.user.create({ data: { accountId: mark.id, email: 'b@filters.example', name: 'b', role: 'OWNER' } });
    const tokenB = await app.services.tokens.sign({ userId: ownerB.id, accountId: mark.id, role: 'OWNER' }, 3600);
    const label = await prisma.label.create({ data: { accountId: mark.id, name: 'VIP', color: '#123456' } });
    const priorities = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;
    const expected: { id: string; priority: string; at: Date }[] = [];
    for (let i = 0; i < 24; i++) {
      const lead = await createLead(prisma, mark.id);
      const at = new Date(Date.UTC(2026, 10, 10, i));
      const c = await createConversation(prisma, mark.id, lead.id, { messages: [{ direction: 'INBOUND', at }] });
      const matches = i % 3 !== 0; // every third misses one condition or another
      const priority = priorities[i % 4]!;
      await prisma.conversation.update({
        where: { id: c.id },
        data: { priority, assigneeId: i % 6 === 0 ? null : ownerB.id, intent: i % 9 === 0 ? 'OTHER' : 'QUESTION' },
      });
      const labelled = i % 2 === 0 || matches;
      if (labelled) await prisma.conversationLabel.create({ data: { accountId: mark.id, conversationId: c.id, labelId: label.id } });
      await prisma.note.create({ data: { accountId: mark.id, conversationId: c.id, actor: 'test', body: `note ${i}` } });
      if (i % 5 === 0) await prisma.conversationRead.create({ data: { accountId: mark.id, conversationId: c.id, userId: ownerB.id, readMessageId: c.lastInboundMessageId } });
      const inRange = at >= new Date('2026-11-10T02:00:00Z') && at < new Date('2026-11-10T22:00:00Z');
      if (labelled && i % 6 !== 0 && i % 9 !== 0 && i % 5 !== 0 && priority !== 'LOW' && inRange) expected.push({ id: gid('Conversation', c.id), priority, at });
    }
    const rank = { LOW: 0, NORMAL: 1, HIGH: 2, URGENT: 3 } as Record<string, number>;
    expected.sort((x, y) => rank[y.priority]! - rank[x.priority]! || y.at.getTime() - x.at.getTime());
    expect(expected.length).toBeGreaterThan(6);

    const filter = {
      assignee: 'ME',
      labelIds: [gid('Label', label.id)],
      priority: ['NORMAL', 'HIGH', 'URGENT'] as ('NORMAL' | 'HIGH' | 'URGENT')[],
      unread: true,
      intent: ['QUESTION'] as 'QUESTION'[],
      lastMessageAfter: '2026-11-10T02:00:00Z',
      lastMessageBefore: '2026-11-10T22:00:00Z',
    };
    const seen: string[] = [];
    let after: string | null | undefined;
    for (let page = 0; page < 20; page++) {
      const r = await app.execute(List, { filter, orderBy: { field: 'PRIORITY', direction: 'DESC' }, first: 3, after }, tokenB);
      expect(r.errors).toBeUndefined();
      const list = r.data!.conversations;
      expect(list.totalCount).toBe(expected.length);
      for (const { node } of list.edges) {
        seen.push(node.id);
        expect(node.unread).toBe(true);
        expect(node.assignee?.id).toBe(gid('User', ownerB.id));
        expect(node.labels.map((l) => l.name)).toEqual(['VIP']);
        expect(node.notes.totalCount).toBe(1);
      }
      if (!list.pageInfo.hasNextPage) break;
      after = list.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected.map((e) => e.id));

    // UNASSIGNED and a user id.
    const unassigned = await app.execute(ListLight, { filter: { assignee: 'UNASSIGNED' }, first: 50 }, tokenB);
    expect(unassigned.errors).toBeUndefined();
    expect(unassigned.data!.conversations.totalCount).toBe(4);
    const byId = await app.execute(ListLight, { filter: { assignee: gid('User', ownerB.id), unread: false }, first: 50 }, tokenB);
    expect(byId.data!.conversations.edges.every((e) => !e.node.unread)).toBe(true);
    const badAssignee = await app.execute(ListLight, { filter: { assignee: 'nonsense' }, first: 5 }, tokenB);
    expect(badAssignee.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
  });
});

describe('bulk changes', () => {
  it('100 ids where 3 are not allowed: 97 successes, 3 typed errors, nothing partial', async () => {
    const { prisma } = app.services;
    const lead = await createLead(prisma, accountId);
    const ids: string[] = [];
    for (let i = 0; i < 97; i++) ids.push(gid('Conversation', (await createConversation(prisma, accountId, lead.id, { messages: [{ direction: 'INBOUND', at: new Date(Date.UTC(2026, 10, 1, 0, i)) }] })).id));
    const archived = await createConversation(prisma, accountId, lead.id, { status: 'ARCHIVED' });
    const other = await createAccount(prisma);
    const foreign = await createConversation(prisma, other.id, (await createLead(prisma, other.id)).id);
    const refused = [gid('Conversation', archived.id), gid('Conversation', foreign.id), 'not-a-global-id'];
    const all = [...ids.slice(0, 40), refused[0]!, ...ids.slice(40, 80), refused[1]!, ...ids.slice(80), refused[2]!];
    expect(all).toHaveLength(100);
    const auditBefore = await prisma.auditEntry.count({ where: { action: 'conversation.archived' } });
    const r = await app.execute(Bulk, { input: { conversationIds: all, operation: 'ARCHIVE' } }, agent.token);
    expect(r.errors).toBeUndefined();
    const payload = r.data!.bulkUpdateConversations;
    if (payload.__typename !== 'BulkUpdateConversationsPayload') throw new Error(JSON.stringify(payload));
    expect({ succeeded: payload.succeeded, failed: payload.failed }).toEqual({ succeeded: 97, failed: 3 });
    expect(payload.results.map((x) => x.conversationId)).toEqual(all);
    const failures = payload.results.filter((x) => !x.ok);
    expect(failures.map((x) => [x.conversationId, x.error?.__typename])).toEqual([
      [refused[0], 'InvalidStateError'],
      [refused[1], 'NotFoundError'],
      [refused[2], 'ValidationError'],
    ]);
    expect(failures[1]!.conversation).toBeNull();
    expect(payload.results.filter((x) => x.ok).every((x) => x.conversation?.status === 'ARCHIVED')).toBe(true);
    // Exactly the 97: archived, each audited once; the refused ones untouched.
    expect(await prisma.conversation.count({ where: { id: { in: ids.map(rawId) }, status: 'ARCHIVED' } })).toBe(97);
    expect(await prisma.auditEntry.count({ where: { action: 'conversation.archived' } })).toBe(auditBefore + 97);
    expect((await prisma.conversation.findUniqueOrThrow({ where: { id: foreign.id } })).status).toBe('ACTIVE');
    expect((await prisma.conversation.findUniqueOrThrow({ where: { id: archived.id } })).archivedAt).toBeNull();
  });

  it('bulk label and priority; a label of another account fails each item and changes nothing', async () => {
    const { prisma } = app.services;
    const lead = await createLead(prisma, accountId);
    const a = await createConversation(prisma, accountId, lead.id);
    const b = await createConversation(prisma, accountId, lead.id);
    const label = await prisma.label.create({ data: { accountId, name: 'Bulk', color: '#abcdef' } });
    const other = await createAccount(prisma);
    const foreignLabel = await prisma.label.create({ data: { accountId: other.id, name: 'Theirs', color: '#abcdef' } });
    const ids = [gid('Conversation', a.id), gid('Conversation', b.id)];
    const added = await app.execute(Bulk, { input: { conversationIds: ids, operation: 'ADD_LABELS', labelIds: [gid('Label', label.id)] } }, agent.token);
    expect(added.data!.bulkUpdateConversations).toMatchObject({ succeeded: 2, failed: 0 });
    const foreign = await app.execute(Bulk, { input: { conversationIds: ids, operation: 'ADD_LABELS', labelIds: [gid('Label', foreignLabel.id), gid('Label', label.id)] } }, agent.token);
    expect(foreign.data!.bulkUpdateConversations).toMatchObject({ succeeded: 0, failed: 2 });
    expect(await prisma.conversationLabel.count({ where: { conversationId: { in: [a.id, b.id] } } })).toBe(2);
    const urgent = await app.execute(Bulk, { input: { conversationIds: ids, operation: 'SET_PRIORITY', priority: 'URGENT' } }, agent.token);
    expect(urgent.data!.bulkUpdateConversations).toMatchObject({ succeeded: 2 });
    expect(await prisma.conversation.count({ where: { id: { in: [a.id, b.id] }, priority: 'URGENT' } })).toBe(2);
  });
});

describe('round-robin assignment of new conversations', () => {
  it('each new conversation opened by an inbound email goes to the next OWNER or AGENT in turn', async () => {
    const { prisma } = app.services;
    const set = await app.executeRaw('mutation { setInboxSettings(input: { autoAssign: ROUND_ROBIN }) { __typename ... on SetInboxSettingsPayload { account { autoAssign } } } }', undefined, owner.token);
    expect(set.data!.setInboxSettings).toEqual({ __typename: 'SetInboxSettingsPayload', account: { autoAssign: 'ROUND_ROBIN' } });
    const byAgent = await app.executeRaw('mutation { setInboxSettings(input: { autoAssign: OFF }) { __typename } }', undefined, agent.token);
    expect(byAgent.data!.setInboxSettings).toEqual({ __typename: 'ForbiddenError' });
    const team = await prisma.user.findMany({ where: { accountId, role: { in: ['OWNER', 'AGENT'] } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    const assignees: (string | null)[] = [];
    for (let i = 0; i < team.length * 2; i++) {
      const r = await postWebhook(app, 'inbound', inboundPayload({ from: `rr${i}@leads.example`, subject: `Round ${i}` }));
      expect(r.status).toBe(200);
      const conversation = await prisma.conversation.findFirstOrThrow({ where: { accountId, subject: `Round ${i}` } });
      assignees.push(conversation.assigneeId);
    }
    const ids = team.map((u) => u.id);
    // Every member twice, in a fixed rotation.
    expect([...assignees].sort()).toEqual([...ids, ...ids].sort());
    expect(assignees.slice(team.length)).toEqual(assignees.slice(0, team.length));
    expect(await prisma.auditEntry.count({ where: { action: 'conversation.assigned', actor: 'system:inbound-email' } })).toBe(team.length * 2);
  });

  it('concurrent new conversations each take their own turn: every member gets the same number', async () => {
    const { prisma } = app.services;
    const team = await prisma.user.findMany({ where: { accountId, role: { in: ['OWNER', 'AGENT'] } }, select: { id: true } });
    const rounds = 3;
    const statuses = await Promise.all(
      Array.from({ length: team.length * rounds }, (_, i) => postWebhook(app, 'inbound', inboundPayload({ from: `burst${i}@leads.example`, subject: `Burst ${i}` })).then((r) => r.status)),
    );
    expect(statuses.every((s) => s === 200)).toBe(true);
    const rows = await prisma.conversation.groupBy({ by: ['assigneeId'], where: { accountId, subject: { startsWith: 'Burst ' } }, _count: true });
    expect(rows.map((r) => r._count).sort()).toEqual(team.map(() => rounds));
    expect(rows.map((r) => r.assigneeId).sort()).toEqual(team.map((u) => u.id).sort());
  });
});
