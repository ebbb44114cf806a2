// Leads a team manages itself, and the first email to one: createLead, updateLead, leads(...),
// and startConversation through the real postmark client against the fake Postmark API, with
// the lead's answer (the inbound webhook) threading back into the conversation it opened.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.js';
import type { CreateLeadInput } from './gql/graphql.js';
import { createTestApp, type TestApp } from './support/app.js';
import { rawId } from './support/factories.js';
import { FakePostmark } from './support/fake-postmark.js';
import { inboundPayload, postWebhook } from './support/postmark-payloads.js';

const CreateLead = graphql(`
  mutation CreateLeadT($input: CreateLeadInput!) {
    createLead(input: $input) {
      __typename
      ... on CreateLeadPayload { lead { id name email company estimatedValue source customFields doNotContact } }
      ... on DuplicateLeadError { code existingLeadId }
      ... on ValidationError { code issues { path message } }
    }
  }
`);

const UpdateLead = graphql(`
  mutation UpdateLeadT($input: UpdateLeadInput!) {
    updateLead(input: $input) {
      __typename
      ... on UpdateLeadPayload { lead { id name email company estimatedValue customFields } }
      ... on DuplicateLeadError { code existingLeadId }
      ... on ValidationError { code issues { path message } }
      ... on NotFoundError { code }
    }
  }
`);

const Leads = graphql(`
  query LeadsT($filter: LeadFilter, $first: Int, $after: String) {
    leads(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id email name } }
    }
  }
`);

const StartConversation = graphql(`
  mutation StartConversationT($input: StartConversationInput!) {
    startConversation(input: $input) {
      __typename
      ... on StartConversationPayload {
        firstEmail { id direction deliveryStatus subject textBody toEmail }
        conversation { id subject status lead { id } messages(first: 10) { totalCount } }
      }
      ... on Error { code message }
      ... on InvalidStateError { currentState }
      ... on ValidationError { issues { path message } }
    }
  }
`);

const LeadConversations = graphql(`
  query LeadConversationsT($id: ID!) {
    lead(id: $id) {
      conversations(first: 2) {
        totalCount
        edges { node { id status messages(first: 5) { edges { node { direction strippedText } } } } }
      }
    }
  }
`);

let fake: FakePostmark;
let app: TestApp;
const NOW = new Date('2026-11-30T10:00:00.000Z');
// Moved by the tests: the thread's order is by time, and the lead answers after we wrote.
let clock = NOW;

beforeAll(async () => {
  fake = await FakePostmark.start();
  app = await createTestApp({
    env: { POSTMARK_SERVER_TOKEN: fake.token, POSTMARK_API_URL: fake.url },
    now: () => clock,
    emailPolicy: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 },
  });
});

afterAll(async () => {
  await app?.close();
  await fake?.close();
});

beforeEach(() => {
  fake.reset();
  clock = NOW;
});

let n = 0;
const address = (local = 'lead') => `${local}-${++n}@example.org`;

async function newLead(input: CreateLeadInput) {
  const result = await app.execute(CreateLead, { input: input as never });
  const payload = result.data!.createLead;
  if (payload.__typename !== 'CreateLeadPayload') throw new Error(JSON.stringify(result));
  return payload.lead;
}

describe('createLead + startConversation', () => {
  it('sends exactly one email, and the lead\'s reply to it threads into that conversation', async () => {
    const lead = await newLead({ email: address('maria'), name: 'Maria Delgado', company: 'Delgado Bakery' });
    const sent = await app.execute(StartConversation, {
      input: { leadId: lead.id, subject: 'A faster website for Delgado Bakery', body: 'Hi Maria,\n\nCould we make your site faster?', idempotencyKey: 'first-1' },
    });
    const payload = sent.data!.startConversation;
    if (payload.__typename !== 'StartConversationPayload') throw new Error(JSON.stringify(sent));
    expect(payload.firstEmail).toMatchObject({ direction: 'OUTBOUND', deliveryStatus: 'SENT', toEmail: lead.email, subject: 'A faster website for Delgado Bakery' });
    expect(payload.conversation).toMatchObject({ subject: 'A faster website for Delgado Bakery', status: 'WAITING_FOR_LEAD', lead: { id: lead.id }, messages: { totalCount: 1 } });

    // Exactly one email reached Postmark, to the lead, with the conversation's Reply-To.
    expect(fake.emails).toHaveLength(1);
    const conversation = await app.services.prisma.conversation.findUniqueOrThrow({ where: { id: rawId(payload.conversation.id) } });
    const email = fake.emails[0]!.body;
    expect(email.To).toBe(`"Maria Delgado" <${lead.email}>`);
    expect(email.ReplyTo).toBe(`replies+${conversation.replyHash}@inbound.parley.example.com`);
    expect(email.Tag).toBe('first-email');
    expect(email.Metadata).toMatchObject({ conversationId: conversation.id, messageId: rawId(payload.firstEmail.id) });

    // The same request again (a retry, a double click): the first result, no second email or conversation.
    const again = await app.execute(StartConversation, {
      input: { leadId: lead.id, subject: 'A faster website for Delgado Bakery', body: 'Hi Maria,\n\nCould we make your site faster?', idempotencyKey: 'first-1' },
    });
    expect(again.data!.startConversation).toMatchObject({ firstEmail: { id: payload.firstEmail.id }, conversation: { id: payload.conversation.id } });
    expect(fake.emails).toHaveLength(1);

    // An hour later the lead answers to the Reply-To, with a subject of their own and no threading headers.
    clock = new Date(NOW.getTime() + 3_600_000);
    const replyTo = email.ReplyTo!;
    const answer = await postWebhook(app, 'inbound', inboundPayload({
      from: lead.email,
      fromName: 'Maria Delgado',
      to: replyTo,
      mailboxHash: conversation.replyHash,
      subject: 'Re: your email',
      text: 'Yes, tell me more.',
      stripped: 'Yes, tell me more.',
    }));
    expect(answer.status).toBe(200);
    const threads = await app.execute(LeadConversations, { id: lead.id });
    expect(threads.errors).toBeUndefined();
    expect(threads.data!.lead!.conversations.totalCount).toBe(1);
    const thread = threads.data!.lead!.conversations.edges[0]!.node;
    expect(thread.id).toBe(payload.conversation.id);
    expect(thread.status).toBe('NEEDS_REVIEW');
    expect(thread.messages.edges.map((e) => e.node.direction)).toEqual(['OUTBOUND', 'INBOUND']);
    expect(thread.messages.edges[1]!.node.strippedText).toBe('Yes, tell me more.');
    expect(await app.services.prisma.lead.count({ where: { emailKey: lead.email } })).toBe(1);
  });

  it('refuses a do-not-contact lead with a typed error, sends nothing and opens no conversation', async () => {
    const lead = await newLead({ email: address('gone') });
    await app.services.prisma.lead.update({ where: { id: rawId(lead.id) }, data: { doNotContact: true } });
    const result = await app.execute(StartConversation, { input: { leadId: lead.id, subject: 'Hello', body: 'Hi' } });
    expect(result.data!.startConversation).toMatchObject({ __typename: 'InvalidStateError', code: 'INVALID_STATE', currentState: 'DO_NOT_CONTACT' });
    expect(fake.emails).toHaveLength(0);
    expect(await app.services.prisma.conversation.count({ where: { leadId: rawId(lead.id) } })).toBe(0);
  });

  it('answers a key reused for another lead with a ValidationError, and an unknown lead with NotFoundError', async () => {
    const one = await newLead({ email: address() });
    const two = await newLead({ email: address() });
    await app.execute(StartConversation, { input: { leadId: one.id, subject: 'Hello', body: 'Hi', idempotencyKey: 'shared-key' } });
    const reused = await app.execute(StartConversation, { input: { leadId: two.id, subject: 'Hello', body: 'Hi', idempotencyKey: 'shared-key' } });
    expect(reused.data!.startConversation).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['input', 'idempotencyKey'] }] });
    const missing = await app.execute(StartConversation, {
      input: { leadId: Buffer.from('Lead:00000000-0000-4000-8000-000000000000').toString('base64'), subject: 'Hello', body: 'Hi' },
    });
    expect(missing.data!.startConversation).toMatchObject({ __typename: 'NotFoundError' });
    expect(fake.emails).toHaveLength(1);
  });
});

describe('createLead, updateLead and the list', () => {
  it('normalises nothing away: an internationalised address is kept as written and matched by its key', async () => {
    const lead = await newLead({ email: '  José.Núñez@Bücher.example ', customFields: { plan: 'pro', seats: 5, tags: ['a', 'b'] } });
    expect(lead).toMatchObject({ email: 'José.Núñez@Bücher.example', name: 'José.Núñez', customFields: { plan: 'pro', seats: 5, tags: ['a', 'b'] } });
    const row = await app.services.prisma.lead.findUniqueOrThrow({ where: { id: rawId(lead.id) } });
    expect(row.emailKey).toBe('josé.núñez@xn--bcher-kva.example');
    // The same mailbox spelled otherwise is a duplicate, naming the lead that has it.
    const dup = await app.execute(CreateLead, { input: { email: 'JOSÉ.NÚÑEZ@xn--bcher-kva.example' } });
    expect(dup.data!.createLead).toEqual({ __typename: 'DuplicateLeadError', code: 'DUPLICATE', existingLeadId: lead.id });
    expect(await app.services.prisma.auditEntry.count({ where: { entityId: row.id, action: 'lead.created' } })).toBe(1);
  });

  it('refuses bad fields with their paths and writes nothing', async () => {
    const before = await app.services.prisma.lead.count();
    const deep = { a: { b: { c: { d: 1 } } } };
    const result = await app.execute(CreateLead, {
      input: { email: 'not an address', name: 'x'.repeat(201), estimatedValue: -5, customFields: deep },
    });
    const payload = result.data!.createLead;
    if (payload.__typename !== 'ValidationError') throw new Error(JSON.stringify(result));
    expect(payload.issues.map((i) => i.path.join('.')).sort()).toEqual(['input.customFields', 'input.email', 'input.estimatedValue', 'input.name']);
    const huge = await app.execute(CreateLead, { input: { email: address(), customFields: { note: 'x'.repeat(9000) } } });
    expect(huge.data!.createLead).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['input', 'customFields'] }] });
    expect(await app.services.prisma.lead.count()).toBe(before);
  });

  it('updates the given fields, clears with null, and refuses an address another lead has', async () => {
    const lead = await newLead({ email: address(), name: 'Pat Lee', company: 'Lee Co', estimatedValue: 100 });
    const other = await newLead({ email: address() });
    const updated = await app.execute(UpdateLead, { input: { leadId: lead.id, name: 'Pat Lee-Smith', company: null, customFields: { stage: 'demo' } } });
    expect(updated.data!.updateLead).toMatchObject({ lead: { name: 'Pat Lee-Smith', company: null, estimatedValue: 100, customFields: { stage: 'demo' }, email: lead.email } });
    const taken = await app.execute(UpdateLead, { input: { leadId: lead.id, email: other.email.toUpperCase() } });
    expect(taken.data!.updateLead).toEqual({ __typename: 'DuplicateLeadError', code: 'DUPLICATE', existingLeadId: other.id });
    const cleared = await app.execute(UpdateLead, { input: { leadId: lead.id, name: null } });
    expect(cleared.data!.updateLead).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['input', 'name'] }] });
    expect(await app.services.prisma.auditEntry.count({ where: { entityId: rawId(lead.id), action: 'lead.updated' } })).toBe(1);
  });

  it('searches name, address and company case-insensitively, literally, and pages with cursors', async () => {
    await newLead({ email: address('s'), name: 'Search Target', company: '100%_Real Co' });
    await newLead({ email: address('s'), name: 'Another', company: '100 Real Co' });
    const literal = await app.execute(Leads, { filter: { search: '100%_real' } });
    expect(literal.data!.leads.edges.map((e) => e.node.name)).toEqual(['Search Target']);
    const odd = await app.execute(Leads, { filter: { search: "'; DROP TABLE leads; -- \\ 😀" } });
    expect(odd.errors).toBeUndefined();
    expect(odd.data!.leads.totalCount).toBe(0);
    const all = await app.execute(Leads, { first: 2 });
    const next = await app.execute(Leads, { first: 100, after: all.data!.leads.pageInfo.endCursor });
    const ids = [...all.data!.leads.edges, ...next.data!.leads.edges].map((e) => e.node.id);
    expect(new Set(ids).size).toBe(all.data!.leads.totalCount);
    const blocked = await newLead({ email: address('blocked') });
    await app.services.prisma.lead.update({ where: { id: rawId(blocked.id) }, data: { doNotContact: true } });
    const onlyBlocked = await app.execute(Leads, { filter: { doNotContact: true, search: 'blocked-' } });
    expect(onlyBlocked.data!.leads.edges.map((e) => e.node.id)).toEqual([blocked.id]);
    const notBlocked = await app.execute(Leads, { filter: { doNotContact: false, search: 'blocked-' } });
    expect(notBlocked.data!.leads.totalCount).toBe(0);
  });
});
