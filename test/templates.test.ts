// Email templates: checked when saved (unknown variables, partials, unescaped output are typed
// errors), rendered per lead in startConversation and sendReply (text as is, HTML escaped),
// managed (list, update, delete, audit), and shown to the drafting model as style examples.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { draftReplyForInbound } from '../src/domain/suggestions/index.js';
import { graphql } from './gql/index.js';
import { createTestApp, type TestApp } from './support/app.js';
import { systemContext, threadWithReply } from './support/drafting.js';
import { createLead, gid, rawId } from './support/factories.js';
import { schemaName, startFakeOpenAI, textOf, type FakeOpenAI } from './support/fake-openai.js';

const CreateTemplate = graphql(`
  mutation CreateTemplateT($input: CreateTemplateInput!) {
    createTemplate(input: $input) {
      __typename
      ... on CreateTemplatePayload { template { id name subject body } }
      ... on ValidationError { code issues { path message } }
    }
  }
`);
const UpdateTemplate = graphql(`
  mutation UpdateTemplateT($input: UpdateTemplateInput!) {
    updateTemplate(input: $input) {
      __typename
      ... on UpdateTemplatePayload { template { id name subject body } }
      ... on Error { code }
      ... on ValidationError { issues { path message } }
    }
  }
`);
const DeleteTemplate = graphql(`
  mutation DeleteTemplateT($input: DeleteTemplateInput!) {
    deleteTemplate(input: $input) { __typename ... on DeleteTemplatePayload { deletedTemplateId } ... on Error { code } }
  }
`);
const Templates = graphql(`
  query TemplatesT { templates(first: 50) { totalCount edges { node { id name } } } }
`);
const StartWithTemplate = graphql(`
  mutation StartWithTemplateT($input: StartConversationInput!) {
    startConversation(input: $input) {
      __typename
      ... on StartConversationPayload { firstEmail { subject textBody htmlBody } conversation { id subject } }
      ... on Error { code }
      ... on ValidationError { issues { path message } }
    }
  }
`);
const ReplyWithTemplate = graphql(`
  mutation ReplyWithTemplateT($input: SendReplyInput!) {
    sendReply(input: $input) {
      __typename
      ... on SendReplyPayload { reply { subject textBody } }
      ... on Error { code }
    }
  }
`);

let fake: FakeOpenAI;
let app: TestApp;
const DRAFT = { subject: 'Re: hello', body: 'Hi Dana,\n\nThanks for asking. Would Thursday work for a call?\n\nBest,\nParley Sales', selfRating: 0.8, referralNote: null };
const ANALYSIS = {
  intent: 'QUESTION', sentiment: 'POSITIVE', urgency: 'MEDIUM', intentConfidence: 0.9, keyPoints: ['Asks about price'],
  questions: [], suggestedNextStep: 'Offer a call', returnDate: null, referral: null, injectionSuspected: false,
};

beforeAll(async () => {
  fake = await startFakeOpenAI((request) => ({ kind: 'json', value: schemaName(request) === 'reply_analysis' ? ANALYSIS : DRAFT, usage: { prompt_tokens: 10, completion_tokens: 10 } }));
  app = await createTestApp({
    env: { OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: fake.url, AI_MAX_RETRIES: '0', AI_TIMEOUT_MS: '5000' },
  });
});
afterAll(async () => {
  await app?.close();
  await fake?.close();
});
beforeEach(() => fake.reset());

async function template(name: string, subject: string, body: string) {
  const result = await app.execute(CreateTemplate, { input: { name, subject, body } });
  const payload = result.data!.createTemplate;
  if (payload.__typename !== 'CreateTemplatePayload') throw new Error(JSON.stringify(result));
  return payload.template;
}

describe('templates', () => {
  it('refuses unknown variables, partials, unescaped output and broken tags when saved, naming the field', async () => {
    const cases: [string, string, RegExp][] = [
      ['Hi {{lead.firstName}}', 'Dear {{lead.favouriteColour}}', /unknown variable \{\{lead\.favouriteColour\}\}/],
      ['Hi', '{{> header}} hello', /only variables and sections/],
      ['Hi', 'Hello {{{lead.company}}}', /unescaped output/],
      ['Hi {{lead.name', 'Hello', /not a valid template/],
      ['Hi {{constructor}}', 'Hello', /unknown variable/],
    ];
    for (const [subject, body, message] of cases) {
      const result = await app.execute(CreateTemplate, { input: { name: `bad ${subject}${body}`, subject, body } });
      expect(result.data!.createTemplate).toMatchObject({ __typename: 'ValidationError', issues: [{ message: expect.stringMatching(message) }] });
    }
    expect(await app.services.prisma.emailTemplate.count({ where: { name: { startsWith: 'bad ' } } })).toBe(0);
  });

  it('renders for the lead in startConversation and sendReply: text as written, HTML escaped', async () => {
    const { prisma, devAccountId } = app.services;
    const t = await template(
      'Intro',
      'A faster website for {{lead.company}}',
      'Hi {{lead.firstName}},\n\n{{#lead.company}}I looked at {{lead.company}}.{{/lead.company}}{{^lead.source}} No source.{{/lead.source}}\n\n{{sender.firstName}}',
    );
    const lead = await createLead(prisma, devAccountId, { name: 'Dana Whitfield', company: 'Fish & <Chips>', email: 'dana@tpl.example' });
    const started = await app.execute(StartWithTemplate, { input: { leadId: gid('Lead', lead.id), templateId: t.id } });
    const payload = started.data!.startConversation;
    if (payload.__typename !== 'StartConversationPayload') throw new Error(JSON.stringify(started));
    expect(payload.firstEmail.subject).toBe('A faster website for Fish & <Chips>');
    expect(payload.conversation.subject).toBe('A faster website for Fish & <Chips>');
    expect(payload.firstEmail.textBody).toBe('Hi Dana,\n\nI looked at Fish & <Chips>. No source.\n\nParley');
    expect(payload.firstEmail.htmlBody).toContain('<p>I looked at Fish &amp; &lt;Chips&gt;. No source.</p>');
    expect(payload.firstEmail.htmlBody).not.toContain('<Chips>');
    expect(await prisma.auditEntry.findFirst({ where: { action: 'conversation.started', entityId: rawId(payload.conversation.id) } })).not.toBeNull();

    // A template with text of its own is refused: one or the other.
    const both = await app.execute(StartWithTemplate, { input: { leadId: gid('Lead', lead.id), templateId: t.id, body: 'Hi' } });
    expect(both.data!.startConversation).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['input', 'body'] }] });

    const reply = await app.execute(ReplyWithTemplate, { input: { conversationId: payload.conversation.id, templateId: t.id } });
    expect(reply.data!.sendReply).toMatchObject({ reply: { subject: 'A faster website for Fish & <Chips>', textBody: expect.stringContaining('Hi Dana,') } });
  });

  it('lists, updates (checked again), deletes, and audits each change', async () => {
    const t = await template('Follow-up', 'Following up', 'Hi {{lead.firstName}}');
    const dupName = await app.execute(CreateTemplate, { input: { name: 'Follow-up', subject: 'x', body: 'y' } });
    expect(dupName.data!.createTemplate).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['input', 'name'] }] });
    const bad = await app.execute(UpdateTemplate, { input: { templateId: t.id, body: '{{lead.secret}}' } });
    expect(bad.data!.updateTemplate).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['input', 'body'] }] });
    const good = await app.execute(UpdateTemplate, { input: { templateId: t.id, subject: 'Still interested, {{lead.firstName}}?' } });
    expect(good.data!.updateTemplate).toMatchObject({ template: { name: 'Follow-up', subject: 'Still interested, {{lead.firstName}}?', body: 'Hi {{lead.firstName}}' } });
    const listed = await app.execute(Templates, {});
    expect(listed.data!.templates.edges.map((e) => e.node.id)).toContain(t.id);
    expect(await app.execute(DeleteTemplate, { input: { templateId: t.id } })).toMatchObject({ data: { deleteTemplate: { deletedTemplateId: t.id } } });
    expect(await app.execute(DeleteTemplate, { input: { templateId: t.id } })).toMatchObject({ data: { deleteTemplate: { __typename: 'NotFoundError' } } });
    const actions = await app.services.prisma.auditEntry.findMany({ where: { entityId: rawId(t.id) }, orderBy: { createdAt: 'asc' }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(['template.created', 'template.updated', 'template.deleted']);
  });

  it("gives the account's templates to the drafting model as style examples", async () => {
    await template('Style sample', 'Quick idea for {{lead.company}}', 'Hey {{lead.firstName}} — short and friendly, always ends with a question? STYLE-MARKER-42');
    const ids = await threadWithReply(app, 'How much would a new site cost?');
    const outcome = await draftReplyForInbound(systemContext(app), ids);
    expect(outcome.kind).toBe('DRAFTED');
    const draftRequest = fake.requests.find((r) => schemaName(r) === 'reply_draft')!;
    const user = textOf(draftRequest, 'user');
    expect(user).toMatch(/OUR TEAM'S EMAIL TEMPLATES/);
    expect(user).toMatch(/Template \d \(Style sample\):\nSubject: Quick idea for \{\{lead\.company\}\}/);
    expect(user).toContain('STYLE-MARKER-42');
  });
});
