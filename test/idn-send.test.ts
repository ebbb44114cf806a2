// Internationalised lead addresses and sending (issue 19). Postmark takes ASCII addresses only
// (its documented checks, which the fake Postmark applies): an IDN domain goes on the wire as
// punycode while the message keeps the address as stored; a non-ASCII local part (EAI) has no
// ASCII form, so startConversation, sendReply and approveSuggestion refuse it with
// InvalidStateError ADDRESS_NOT_SENDABLE before anything is queued (no QUEUED message, no
// conversation opened, the draft still PENDING, nothing sent). Through the real postmark client.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.js';
import { createTestApp, type TestApp } from './support/app.js';
import { createThread } from './support/email-fixtures.js';
import { ApproveSuggestion, SendReply } from './support/email-operations.js';
import { rawId } from './support/factories.js';
import { FakePostmark, postmarkTakesAddress } from './support/fake-postmark.js';

const CreateLeadIdn = graphql(`
  mutation CreateLeadIdn($input: CreateLeadInput!) {
    createLead(input: $input) { __typename ... on CreateLeadPayload { lead { id email } } ... on Error { code message } }
  }
`);
const StartConversationIdn = graphql(`
  mutation StartConversationIdn($input: StartConversationInput!) {
    startConversation(input: $input) {
      __typename
      ... on StartConversationPayload { firstEmail { id deliveryStatus toEmail } conversation { id } }
      ... on InvalidStateError { code currentState message }
      ... on Error { code message }
    }
  }
`);

let fake: FakePostmark;
let app: TestApp;
beforeAll(async () => {
  fake = await FakePostmark.start();
  app = await createTestApp({
    env: { POSTMARK_SERVER_TOKEN: fake.token, POSTMARK_API_URL: fake.url },
    emailPolicy: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
  });
});
afterAll(async () => {
  await app?.close();
  await fake?.close();
});
beforeEach(() => fake.reset());

async function newLead(email: string, name: string) {
  const created = await app.execute(CreateLeadIdn, { input: { email, name } });
  if (created.data?.createLead.__typename !== 'CreateLeadPayload') throw new Error(JSON.stringify(created));
  return created.data.createLead.lead;
}

describe('the fake Postmark checks addresses as Postmark documents', () => {
  it('takes ASCII addresses and punycode domains, refuses a Unicode domain or local part', () => {
    expect(postmarkTakesAddress('"Ana" <ana@example.org>')).toBe(true);
    expect(postmarkTakesAddress('ana@xn--bcher-kva.example')).toBe(true);
    expect(postmarkTakesAddress('ana@bücher.example')).toBe(false);
    expect(postmarkTakesAddress('"José" <josé@example.org>')).toBe(false);
  });
});

describe('an IDN domain', () => {
  it('startConversation and sendReply send to the punycode domain; the message keeps the address as stored', async () => {
    const lead = await newLead('Maria@Bücher.example', 'Maria Núñez');
    const started = await app.execute(StartConversationIdn, { input: { leadId: lead.id, subject: 'Hello', body: 'Hi Maria' } });
    const payload = started.data!.startConversation;
    if (payload.__typename !== 'StartConversationPayload') throw new Error(JSON.stringify(started));
    expect(payload.firstEmail).toMatchObject({ deliveryStatus: 'SENT', toEmail: 'Maria@Bücher.example' });
    expect(fake.emails.map((e) => e.body.To)).toEqual(['"Maria Núñez" <Maria@xn--bcher-kva.example>']);

    const thread = await createThread(app.services.prisma, app.services.devAccountId, { lead: { email: 'pat@überweisung.example', emailKey: 'pat@xn--berweisung-8db.example', name: 'Pat' }, suggestion: false });
    const replied = await app.execute(SendReply, { input: { conversationId: thread.conversationGid, subject: 'Re: Website redesign', body: 'Thanks, Pat.' } });
    expect(replied.data!.sendReply).toMatchObject({ __typename: 'SendReplyPayload', reply: { deliveryStatus: 'SENT' } });
    expect(fake.emails.at(-1)!.body.To).toBe('"Pat" <pat@xn--berweisung-8db.example>');
    const stored = await app.services.prisma.conversationMessage.findFirstOrThrow({ where: { conversationId: thread.conversation.id, direction: 'OUTBOUND', textBody: 'Thanks, Pat.' } });
    expect(stored.toEmail).toBe('pat@überweisung.example');
  });
});

describe('a non-ASCII local part (EAI)', () => {
  it('startConversation refuses it with ADDRESS_NOT_SENDABLE: no conversation opened, nothing queued or sent', async () => {
    const lead = await newLead('josé@example.org', 'José');
    const before = await app.services.prisma.conversation.count({ where: { leadId: rawId(lead.id) } });
    const started = await app.execute(StartConversationIdn, { input: { leadId: lead.id, subject: 'Hola', body: 'Hola José' } });
    expect(started.data!.startConversation).toMatchObject({ __typename: 'InvalidStateError', code: 'INVALID_STATE', currentState: 'ADDRESS_NOT_SENDABLE' });
    expect(await app.services.prisma.conversation.count({ where: { leadId: rawId(lead.id) } })).toBe(before);
    expect(await app.services.prisma.conversationMessage.count({ where: { toEmail: 'josé@example.org' } })).toBe(0);
    expect(fake.requestsTo('POST', '/email')).toHaveLength(0);
  });

  it('sendReply and approveSuggestion refuse it with ADDRESS_NOT_SENDABLE: no QUEUED message, the draft stays PENDING', async () => {
    const { prisma, devAccountId } = app.services;
    const thread = await createThread(prisma, devAccountId, { lead: { email: 'søren@example.dk', emailKey: 'søren@example.dk', name: 'Søren' } });
    const messagesBefore = await prisma.conversationMessage.count({ where: { conversationId: thread.conversation.id } });

    const replied = await app.execute(SendReply, { input: { conversationId: thread.conversationGid, subject: 'Re: Website redesign', body: 'Hej Søren' } });
    expect(replied.data!.sendReply).toMatchObject({ __typename: 'InvalidStateError', currentState: 'ADDRESS_NOT_SENDABLE' });
    const approved = await app.execute(ApproveSuggestion, { input: { suggestionId: thread.suggestionGid } });
    expect(approved.data!.approveSuggestion).toMatchObject({ __typename: 'InvalidStateError', currentState: 'ADDRESS_NOT_SENDABLE' });
    // A scheduled send is refused the same way, at once (not when its time comes).
    const scheduled = await app.execute(SendReply, {
      input: { conversationId: thread.conversationGid, subject: 'Re: Website redesign', body: 'Later', sendAt: new Date(Date.now() + 3_600_000).toISOString() },
    });
    expect(scheduled.data!.sendReply).toMatchObject({ __typename: 'InvalidStateError', currentState: 'ADDRESS_NOT_SENDABLE' });

    expect(await prisma.conversationMessage.count({ where: { conversationId: thread.conversation.id } })).toBe(messagesBefore);
    expect(await prisma.outboundEmail.count({ where: { conversationId: thread.conversation.id } })).toBe(0);
    expect((await prisma.aISuggestion.findUniqueOrThrow({ where: { id: thread.suggestion!.id } })).status).toBe('PENDING');
    expect(fake.requestsTo('POST', '/email')).toHaveLength(0);
  });
});
