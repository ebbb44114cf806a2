// Drafts in the lead's language: the offline drafter writes Spanish, German, French and
// Portuguese (never an English template to a French reply) and hands other languages to a
// person, visibly in the API; the model is told the language and a draft in another one is
// replaced. Also what a sales rep checks first: a referral names the person the email names,
// and an accepted meeting time is confirmed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectLanguage, loadLanguageDetector } from '../src/ai/language.js';
import { draftReplyForInbound } from '../src/domain/suggestions/index.js';
import { graphql } from './gql/index.js';
import { createTestApp, type TestApp } from './support/app.js';
import { systemContext, threadWithReply } from './support/drafting.js';
import { createConversation, createLead, gid, rawId } from './support/factories.js';
import { schemaName, startFakeOpenAI, textOf, type FakeOpenAI } from './support/fake-openai.js';
import { inboundPayload, postWebhook } from './support/postmark-payloads.js';

// Drafting detects the lead's language; its n-gram data loads once, slowly on a busy machine.
beforeAll(() => loadLanguageDetector(), 120_000);

const NOW = new Date('2026-11-20T10:00:00Z');

// Real-shaped replies, several intents per language.
const REPLIES: Record<'es' | 'de' | 'fr' | 'pt', string[]> = {
  es: [
    'Hola, gracias por escribir. Nos interesa bastante. ¿Cuánto costaría una página con pedidos en línea para nuestra panadería?',
    'Sí, el martes a las 10 me va bien para hablar por teléfono. Avíseme si le cuadra.',
    'Gracias, pero ahora mismo no nos interesa. Quizás el año que viene.',
  ],
  de: [
    'Hallo, danke für Ihre Nachricht. Das klingt interessant. Was würde eine Website mit Online-Bestellung für unsere Bäckerei kosten?',
    'Ja, Dienstag um 10 Uhr passt mir gut für ein kurzes Telefonat.',
    'Danke, aber wir haben schon eine Agentur, die unsere Website betreut, und sind damit zufrieden.',
  ],
  fr: [
    'Bonjour, merci pour votre message. Cela nous intéresse. Combien coûterait un site avec commande en ligne pour notre boulangerie ?',
    'Oui, mardi à 10h me convient très bien pour un appel.',
    'Merci, mais ce n’est pas le bon moment pour nous. Peut-être l’année prochaine.',
  ],
  pt: [
    'Olá, obrigado pelo contato. Temos interesse. Quanto custaria um site com pedidos online para a nossa padaria?',
    'Sim, terça-feira às 10h está ótimo para uma ligação rápida.',
    'Obrigado, mas no momento não temos interesse. Talvez no ano que vem.',
  ],
};

const Suggestion = graphql(`
  query DraftLanguage($id: ID!) {
    conversation(id: $id) {
      pendingSuggestion { id body language needsHumanWriter humanWriterReason confidence safetyFlags }
    }
  }
`);

const Approve = graphql(`
  mutation ApproveHumanWriterDraft($input: ApproveSuggestionInput!) {
    approveSuggestion(input: $input) {
      __typename
      ... on ValidationError { code issues { path message } }
    }
  }
`);

describe('offline drafter in the lead language', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ now: () => NOW });
  });
  afterAll(() => app?.close());

  for (const [language, replies] of Object.entries(REPLIES)) {
    it(`drafts ${language} replies in ${language}, never with an English template`, async () => {
      let drafted = 0;
      for (const reply of replies) {
        const ids = await threadWithReply(app, reply);
        const outcome = await draftReplyForInbound(systemContext(app), ids);
        if (outcome.kind !== 'DRAFTED') continue; // a reply the analyser reads as away or unsubscribing gets no draft
        drafted += 1;
        const { suggestion } = outcome;
        expect(suggestion.language).toBe(language);
        expect(suggestion.humanWriterReason).toBeNull();
        expect(await detectLanguage(suggestion.body), suggestion.body).toBe(language);
        expect(suggestion.body).not.toMatch(/^Hi |Best regards|Thank you|won't follow up/);
      }
      // The offline analyser (its rules are another part of issue 15) may read a reply as an
      // unsubscribe or an away notice, which gets no draft; most of each language's must draft.
      expect(drafted).toBeGreaterThanOrEqual(replies.length - 1);
      // The first draft loads the language detector; the machine is shared: a generous timeout.
    }, 120_000);
  }

  it('confirms the meeting time the lead accepted, in their language', async () => {
    const cases: [string, RegExp][] = [
      ['yes, Tuesday 10am works', /Tuesday, November 24 at 10:00\sAM works for me/],
      ['Sí, el martes a las 10 me va bien para hablar por teléfono.', /martes, 24 de noviembre a las 10:00/],
      ['Ja, Dienstag um 10 Uhr passt mir gut für ein kurzes Telefonat.', /Dienstag, 24\. November um 10:00 passt mir gut/],
    ];
    for (const [reply, expected] of cases) {
      const ids = await threadWithReply(app, reply);
      const outcome = await draftReplyForInbound(systemContext(app), ids);
      expect(outcome.kind).toBe('DRAFTED');
      if (outcome.kind !== 'DRAFTED') return;
      expect(outcome.suggestion.body).toMatch(expected);
      expect(outcome.suggestion.body).not.toMatch(/won't follow up|nicht weiter melden|no le volveré/i);
    }
  });

  it('hands a language it does not write to a person, says so in the API, and the empty draft cannot be approved unedited', async () => {
    const ids = await threadWithReply(app, 'Buongiorno, grazie per il messaggio. Quanto costerebbe un sito con ordini online per la nostra panetteria?');
    const outcome = await draftReplyForInbound(systemContext(app), ids);
    expect(outcome.kind).toBe('DRAFTED');
    const result = await app.execute(Suggestion, { id: gid('Conversation', ids.conversationId) });
    const pending = result.data?.conversation?.pendingSuggestion;
    expect(pending).toMatchObject({ language: 'other', needsHumanWriter: true, body: '', confidence: 0 });
    expect(pending?.humanWriterReason).toMatch(/person should write/);
    const approval = await app.execute(Approve, { input: { suggestionId: pending!.id } });
    expect(approval.data?.approveSuggestion).toMatchObject({ __typename: 'ValidationError' });
  });

  it('names the person the email points to: "Looping in Priya Shah" gives Priya Shah, from the text and the Cc line', async () => {
    const { prisma, devAccountId } = app.services;
    const lead = await createLead(prisma, devAccountId, { name: 'Dana Whitfield', company: 'Harbor Bakery', email: 'dana.referral@harbor.example' });
    const conversation = await createConversation(prisma, devAccountId, lead.id, {
      subject: 'A faster website for Harbor Bakery',
      messages: [{ direction: 'OUTBOUND', at: new Date('2026-11-19T09:00:00Z') }],
    });
    const payload = {
      ...inboundPayload({ from: lead.email, fromName: 'Dana Whitfield', mailboxHash: conversation.replyHash, text: "I'm not the right person for this. Looping in Priya Shah, she runs our marketing.", stripped: "I'm not the right person for this. Looping in Priya Shah, she runs our marketing." }),
      Cc: '"Priya Shah" <priya@harbor.example>',
      CcFull: [{ Email: 'priya@harbor.example', Name: 'Priya Shah', MailboxHash: '' }],
    };
    const response = await postWebhook(app, 'inbound', payload);
    expect(response.status).toBe(200);
    const outcome = await draftReplyForInbound(systemContext(app), { conversationId: conversation.id, inboundMessageId: rawId(response.body.messageId as string) });
    expect(outcome.kind).toBe('DRAFTED');
    if (outcome.kind !== 'DRAFTED') return;
    expect(outcome.suggestion.intent).toBe('REFERRAL');
    expect(outcome.suggestion.body).toContain('Priya Shah');
    expect(outcome.suggestion.body).not.toMatch(/Looping/);
    expect(outcome.suggestion).toMatchObject({ noteToName: 'Priya Shah', noteToEmail: 'priya@harbor.example' });
  });
});

describe('model drafts in the lead language', () => {
  let fake: FakeOpenAI;
  let app: TestApp;
  let draftBody = '';
  beforeAll(async () => {
    fake = await startFakeOpenAI((request) =>
      schemaName(request) === 'reply_analysis'
        ? { kind: 'json', value: { intent: 'QUESTION', sentiment: 'POSITIVE', urgency: 'MEDIUM', intentConfidence: 0.9, keyPoints: [], questions: ['¿Cuánto cuesta?'], suggestedNextStep: 'Answer', returnDate: null, referral: null, injectionSuspected: false } }
        : { kind: 'json', value: { subject: 'Re: A faster website for Harbor Bakery', body: draftBody, selfRating: 0.9, referralNote: null } },
    );
    app = await createTestApp({ now: () => NOW, env: { OPENAI_API_KEY: 'k', OPENAI_BASE_URL: fake.url, AI_MAX_RETRIES: '0', AI_OFFER_FACTS: 'Websites start at $2,500.' } });
  });
  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });

  it('tells the model the language, and replaces an English draft to a Spanish reply with a Spanish one', async () => {
    draftBody = 'Hi Dana,\n\nGreat question: websites start at $2,500 and online ordering is included. Would a short call this week work for you?\n\nBest regards,\nParley Sales';
    const ids = await threadWithReply(app, REPLIES.es[0]!);
    const outcome = await draftReplyForInbound(systemContext(app), ids);
    const request = fake.requests.filter((r) => schemaName(r) === 'reply_draft').at(-1)!;
    expect(textOf(request, 'system')).toContain('in Spanish, the language the lead wrote in');
    if (outcome.kind !== 'DRAFTED') throw new Error(outcome.kind);
    expect(outcome.suggestion).toMatchObject({ language: 'es', model: 'offline', fallback: true });
    expect(outcome.suggestion.safetyFlags).toContain('WRONG_LANGUAGE');
    expect(await detectLanguage(outcome.suggestion.body)).toBe('es');
  });

  it('keeps a model draft written in the lead language (German, French, Portuguese)', async () => {
    const drafts: Record<'de' | 'fr' | 'pt', string> = {
      de: 'Guten Tag Dana,\n\ndanke für Ihre Nachricht. Unsere Websites beginnen bei $2,500, die Online-Bestellung ist inklusive. Passt Ihnen diese Woche ein kurzes Telefonat?\n\nMit freundlichen Grüßen\nParley Sales',
      fr: 'Bonjour Dana,\n\nmerci pour votre message. Nos sites commencent à $2,500, commande en ligne comprise. Un court appel cette semaine vous conviendrait-il ?\n\nCordialement,\nParley Sales',
      pt: 'Olá, Dana,\n\nobrigado pelo contato. Nossos sites começam em $2,500, com pedidos online incluídos. Uma ligação rápida nesta semana funcionaria para você?\n\nAtenciosamente,\nParley Sales',
    };
    for (const [language, body] of Object.entries(drafts) as ['de' | 'fr' | 'pt', string][]) {
      draftBody = body;
      const ids = await threadWithReply(app, REPLIES[language][0]!);
      const outcome = await draftReplyForInbound(systemContext(app), ids);
      if (outcome.kind !== 'DRAFTED') throw new Error(outcome.kind);
      expect(outcome.suggestion, language).toMatchObject({ language, model: expect.not.stringMatching(/^offline$/), fallback: false, body });
      expect(outcome.suggestion.safetyFlags).not.toContain('WRONG_LANGUAGE');
    }
  });
});
