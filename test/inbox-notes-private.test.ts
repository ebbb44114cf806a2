// Internal notes never reach the lead: not in what the AI is sent (analysis or draft prompts),
// not in the email sent. And the analyser's reading sets the conversation's intent and, until a
// person chose one, its priority (issue 18, part A).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftReplyForInbound } from '../src/domain/suggestions/index.js';
import { graphql } from './gql/index.js';
import { createTestApp, type TestApp } from './support/app.js';
import { collectEvents, systemContext, threadWithReply } from './support/drafting.js';
import { gid } from './support/factories.js';
import { schemaName, startFakeOpenAI, type FakeOpenAI } from './support/fake-openai.js';

const NOTE_SECRET = 'INTERNAL-ONLY-7731: they are price sensitive, do not mention the discount';

const Note = graphql(`
  mutation PrivateNote($input: AddNoteInput!) {
    addNote(input: $input) { __typename ... on AddNotePayload { note { id body } } ... on Error { code message } }
  }
`);

const Approve = graphql(`
  mutation PrivateApprove($input: ApproveSuggestionInput!) {
    approveSuggestion(input: $input) { __typename ... on ApproveSuggestionPayload { reply { id deliveryStatus } } ... on Error { code message } }
  }
`);

const Priority = graphql(`
  mutation PrivatePriority($input: SetConversationPriorityInput!) {
    setConversationPriority(input: $input) { __typename }
  }
`);

let fake: FakeOpenAI;
let app: TestApp;
let urgency = 'HIGH';

beforeAll(async () => {
  fake = await startFakeOpenAI((request) =>
    schemaName(request) === 'reply_analysis'
      ? {
          kind: 'json',
          value: {
            intent: 'MEETING_REQUEST', sentiment: 'POSITIVE', urgency, intentConfidence: 0.9, keyPoints: ['Wants a call'],
            questions: [], suggestedNextStep: 'Offer times', returnDate: null, referral: null, injectionSuspected: false,
          },
        }
      : { kind: 'json', value: { subject: 'Re: A faster website', body: 'Hi Dana,\n\nThursday at 10 works for us.\n\nBest,\nAlex', selfRating: 0.8, referralNote: null } },
  );
  app = await createTestApp({
    now: () => new Date('2026-11-20T10:00:00Z'),
    env: { OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: fake.url, AI_MAX_RETRIES: '0', AI_TIMEOUT_MS: '5000' },
  });
});

afterAll(async () => {
  await app?.close();
  await fake?.close();
});

describe('internal notes stay internal', () => {
  it('a note is in no AI request and in no email sent to the lead; the urgent reply raises the priority', async () => {
    const ids = await threadWithReply(app, 'Could we talk on Thursday? It is quite urgent.');
    const noted = await app.execute(Note, { input: { conversationId: gid('Conversation', ids.conversationId), body: NOTE_SECRET } });
    expect(noted.data!.addNote).toMatchObject({ __typename: 'AddNotePayload' });

    const collector = collectEvents(app);
    const outcome = await draftReplyForInbound(systemContext(app), ids);
    await collector.settle();
    await collector.stop();
    expect(fake.requests.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(fake.requests)).not.toContain('INTERNAL-ONLY-7731');
    expect(JSON.stringify(outcome)).not.toContain('INTERNAL-ONLY-7731');

    // The analyser's urgency and intent, on the conversation, announced once.
    const conversation = await app.services.prisma.conversation.findUniqueOrThrow({ where: { id: ids.conversationId } });
    expect({ priority: conversation.priority, intent: conversation.intent, prioritySetAt: conversation.prioritySetAt }).toEqual({
      priority: 'HIGH',
      intent: 'MEETING_REQUEST',
      prioritySetAt: null,
    });
    expect(collector.events.filter((e) => e.type === 'PRIORITY_CHANGED')).toEqual([
      expect.objectContaining({ conversationId: ids.conversationId, priority: 'HIGH', previousPriority: 'NORMAL' }),
    ]);

    const suggestion = await app.services.prisma.aISuggestion.findFirstOrThrow({ where: { conversationId: ids.conversationId, status: 'PENDING' } });
    const approved = await app.execute(Approve, { input: { suggestionId: gid('AISuggestion', suggestion.id) } });
    expect(approved.data!.approveSuggestion).toMatchObject({ __typename: 'ApproveSuggestionPayload' });
    const { prisma } = app.services;
    const sent = {
      outbound: await prisma.outboundEmail.findMany({ where: { conversationId: ids.conversationId } }),
      outbox: await prisma.outboxEmail.findMany(),
      messages: await prisma.conversationMessage.findMany({ where: { conversationId: ids.conversationId, direction: 'OUTBOUND' } }),
    };
    expect(sent.messages.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(sent)).not.toContain('INTERNAL-ONLY-7731');
  });

  it("once a person sets the priority, the analyser's urgency no longer changes it", async () => {
    const ids = await threadWithReply(app, 'Call me today please, this is urgent.');
    await app.execute(Priority, { input: { conversationId: gid('Conversation', ids.conversationId), priority: 'LOW' } });
    urgency = 'HIGH';
    await draftReplyForInbound(systemContext(app), ids);
    const conversation = await app.services.prisma.conversation.findUniqueOrThrow({ where: { id: ids.conversationId } });
    expect(conversation.priority).toBe('LOW');
    expect(conversation.intent).toBe('MEETING_REQUEST');
  });
});
