// Issue 15, part A: nothing irreversible on a guess, and no reply out of sight. Every line of
// every eval set goes through the drafting job's analysis and decision (the offline analyser),
// and a sample of every kind of line through the real inbound pipeline (the Postmark webhook,
// then the drafting job's domain call), which must decide each as predicted: only explicit
// unsubscribes may mark the lead do-not-contact, and every conversation ends NEEDS_REVIEW. Then the suggested action
// a likely-but-not-explicit unsubscribe leaves, answered through the API.
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboundThreadText } from '../src/ai/email-text.js';
import { isExplicitUnsubscribe, readLabelledFile } from '../src/ai/intent-eval.js';
import { explicitUnsubscribeRequest } from '../src/ai/offline/lexicon.js';
import { draftReplyForInbound } from '../src/domain/suggestions/index.js';
import { unsubscribeDecision } from '../src/domain/conversations/suggested-action.js';
import { contextFor } from '../eval/intents.js';
import { graphql } from './gql/index.js';
import { createTestApp, type TestApp } from './support/app.js';
import { systemContext } from './support/drafting.js';
import { gid, rawId } from './support/factories.js';
import { inboundPayload, postWebhook } from './support/postmark-payloads.js';

// Every intent set (the draft-confidence sets, eval/drafts-*.jsonl, label drafts, not replies).
const EVAL_FILES = readdirSync('eval').filter((f) => f.endsWith('.jsonl') && !f.startsWith('drafts')).sort();
const LINES = EVAL_FILES.flatMap((file) => readLabelledFile(`eval/${file}`).map((line, i) => ({ ...line, where: `${file}:${i + 1}` })));

const ConversationState = graphql(`
  query ConversationState($id: ID!) {
    node(id: $id) {
      ... on Conversation {
        status
        lead { doNotContact }
        suggestedAction { kind reason confidence suggestedAt }
        suggestedActionMessage { id language }
        pendingSuggestion { id status }
      }
    }
  }
`);

const Resolve = graphql(`
  mutation ResolveSuggestedAction($input: ResolveSuggestedActionInput!) {
    resolveSuggestedAction(input: $input) {
      __typename
      ... on ResolveSuggestedActionPayload { conversation { status lead { doNotContact } suggestedAction { kind } pendingSuggestion { id } } }
      ... on Error { message code }
      ... on InvalidStateError { currentState }
    }
  }
`);

const NOW = new Date('2026-11-24T10:00:00Z');
let app: TestApp;

interface Prediction {
  line: (typeof LINES)[number];
  decision: ReturnType<typeof unsubscribeDecision>;
  /** Read as an away notice that names a return date still to come (the job snoozes it until then). */
  awayUntil: boolean;
}
let predictions: Prediction[] = [];
/**
 * What goes through the pipeline: the first two lines of each set for each outcome (decision,
 * away with a date), and every 25th line besides (about 50 of the ~450).
 */
let sample: Prediction[] = [];

beforeAll(async () => {
  app = await createTestApp({ now: () => NOW });
  for (const line of LINES) {
    const context = contextFor(line.text, NOW);
    const { analysis } = await app.services.ai.analyzeReply(context);
    predictions.push({
      line,
      decision: unsubscribeDecision(analysis, context.inbound.text, explicitUnsubscribeRequest(context.inbound.text)),
      awayUntil: analysis.intent === 'OUT_OF_OFFICE' && analysis.returnDate !== null && new Date(`${analysis.returnDate}T00:00:00Z`) > NOW,
    });
  }
  const taken = new Map<string, number>();
  sample = predictions.filter((p, i) => {
    const bucket = `${p.line.where.split(':')[0]} ${p.decision} ${p.awayUntil}`;
    taken.set(bucket, (taken.get(bucket) ?? 0) + 1);
    return taken.get(bucket)! <= 2 || i % 25 === 0;
  });
});

afterAll(() => app?.close());

describe('every eval line through the inbound pipeline', () => {
  it('has lines from every set, the realistic ones labelled for explicit unsubscribes', () => {
    expect(EVAL_FILES).toEqual(expect.arrayContaining(['intents.jsonl', 'realistic-tuning.jsonl', 'realistic-holdout.jsonl']));
    expect(LINES.length).toBeGreaterThanOrEqual(400);
    const realistic = LINES.filter((l) => l.where.startsWith('realistic'));
    expect(realistic.filter((l) => l.intent === 'UNSUBSCRIBE' && l.explicitUnsubscribe === undefined)).toEqual([]);
  });

  // Every line, through the analysis and decision the drafting job runs (the same analyser on
  // the same prepared text, then unsubscribeDecision), without a database: the property over the
  // whole corpus. The pipeline below takes a sample of them end to end and checks that it
  // decides each exactly as predicted here, so this stands for what the pipeline does.
  it('decides do-not-contact alone only on an explicit unsubscribe, for every line', async () => {
    const wrongly = predictions.filter((p) => p.decision === 'AUTOMATIC' && !isExplicitUnsubscribe(p.line));
    expect(wrongly.map((p) => `${p.line.where} ${p.line.intent}: ${p.line.text.slice(0, 80)}`)).toEqual([]);
    // The rule is not vacuous: explicit unsubscribes are acted on, away notices with a date snoozed.
    expect(predictions.filter((p) => p.decision === 'AUTOMATIC').length).toBeGreaterThan(0);
    expect(predictions.filter((p) => p.awayUntil).length).toBeGreaterThan(0);
  });

  it('a sample of every kind of line through the webhook and the drafting job: decided as predicted, never hidden (an away notice with a return date: snoozed until then)', async () => {
    const { prisma } = app.services;
    const mismatched: string[] = [];
    const hidden: string[] = [];
    let automatic = 0;
    let snoozed = 0;
    for (const [i, { line, decision, awayUntil }] of sample.entries()) {
      const posted = await postWebhook(app, 'inbound', inboundPayload({ from: `lead${i}@eval.example.com`, fromName: `Eval Lead ${i}`, text: line.text, stripped: '' }));
      expect(posted.status).toBe(200);
      const conversationId = rawId((posted.body as { conversationId: string }).conversationId);
      const messageId = rawId((posted.body as { messageId: string }).messageId);
      await draftReplyForInbound(systemContext(app), { conversationId, inboundMessageId: messageId });
      const after = await prisma.conversation.findUniqueOrThrow({ where: { id: conversationId }, include: { lead: true } });
      if (after.lead.doNotContact) automatic++;
      if (after.lead.doNotContact !== (decision === 'AUTOMATIC')) mismatched.push(`${line.where} predicted ${decision}, doNotContact ${after.lead.doNotContact}`);
      if ((after.suggestedAction === 'MARK_DO_NOT_CONTACT') !== (decision === 'SUGGEST' && !after.lead.doNotContact)) {
        mismatched.push(`${line.where} predicted ${decision}, suggested action ${after.suggestedAction}`);
      }
      // In front of a person: NEEDS_REVIEW, whatever the analyser made of it; except an away
      // notice that names a return date, snoozed until then (issue 18), visibly and undoably.
      const awayUntilReturn = after.status === 'SNOOZED' && after.snoozeReason === 'OUT_OF_OFFICE' && after.snoozedUntil !== null;
      if (awayUntilReturn !== awayUntil) mismatched.push(`${line.where} predicted away ${awayUntil}, status ${after.status}`);
      if (awayUntilReturn) snoozed++;
      else if (after.status !== 'NEEDS_REVIEW') hidden.push(`${line.where} ${after.status}`);
    }
    expect(mismatched).toEqual([]);
    expect(hidden).toEqual([]);
    // The sample holds each decision, an away notice, and lines from every set.
    expect(automatic).toBeGreaterThan(0);
    expect(snoozed).toBeGreaterThan(0);
    expect(sample.length).toBeLessThan(predictions.length / 4);
    expect(new Set(sample.map((p) => p.decision))).toEqual(new Set(['AUTOMATIC', 'SUGGEST', 'NONE']));
    expect(new Set(sample.map((p) => p.line.where.split(':')[0]))).toEqual(new Set(EVAL_FILES));
  }, 600_000);

  it('the automatic decision needs an explicit request in the prepared text, whatever the analyser says', () => {
    // Property over every line: even an analyser that answers UNSUBSCRIBE with certainty 1 for
    // everything (a model that obeys an injected instruction) acts alone only on explicit requests.
    const acted = LINES.filter((line) => unsubscribeDecision({ intent: 'UNSUBSCRIBE', intentConfidence: 1 }, inboundThreadText({ textBody: line.text, strippedText: null })) === 'AUTOMATIC');
    expect(acted.filter((l) => !isExplicitUnsubscribe(l)).map((l) => l.where)).toEqual([]);
    expect(acted.length).toBeGreaterThan(0);
  });

  it('does not read a confidentiality footer or our own quoted opt-out line as a request', () => {
    expect(explicitUnsubscribeRequest('If you have received this email in error, please notify the sender and delete this email.')).toBe(false);
    expect(explicitUnsubscribeRequest("Please don't unsubscribe me, I like these.")).toBe(false);
    const quotedOptOut = 'Sounds good, call me Tuesday.\n\nOn Mon, Nov 23, 2026 at 10:14 AM Alex <alex@parley.example.com> wrote:\n> Reply "unsubscribe" to stop.';
    expect(explicitUnsubscribeRequest(inboundThreadText({ textBody: quotedOptOut, strippedText: null }))).toBe(false);
  });
});

let received = 0;
/** A reply through the inbound webhook from a new lead, as production receives one. */
async function receive(text: string) {
  const from = `reply${received++}@lead.example.com`;
  expect((await postWebhook(app, 'inbound', inboundPayload({ from, text, stripped: '' }))).status).toBe(200);
  const message = await app.services.prisma.conversationMessage.findFirstOrThrow({ where: { fromEmail: from }, include: { conversation: true } });
  return { conversationId: message.conversationId, inboundMessageId: message.id, leadId: message.conversation.leadId };
}

describe('suggested action: a likely unsubscribe waits for a person', () => {
  async function likelyUnsubscribe() {
    const ids = await receive('How did you even get my email address? I never signed up for this. This is spam.');
    const outcome = await draftReplyForInbound(systemContext(app), ids);
    expect(outcome.kind).toBe('DRAFTED');
    return ids;
  }

  it('is visible on the conversation with the email that prompted it, and the lead is not marked', async () => {
    const ids = await likelyUnsubscribe();
    const state = await app.execute(ConversationState, { id: gid('Conversation', ids.conversationId) });
    expect(state.data!.node).toMatchObject({
      status: 'NEEDS_REVIEW',
      lead: { doNotContact: false },
      suggestedAction: { kind: 'MARK_DO_NOT_CONTACT', reason: expect.stringMatching(/stop emailing/) },
      suggestedActionMessage: { id: gid('ConversationMessage', ids.inboundMessageId), language: 'en' },
      pendingSuggestion: { status: 'PENDING' },
    });
    const confidence = (state.data!.node as { suggestedAction: { confidence: number } }).suggestedAction.confidence;
    expect(confidence).toBeLessThan(0.85);
  });

  it('CONFIRM marks the lead do-not-contact, withdraws the pending draft and is audited', async () => {
    const ids = await likelyUnsubscribe();
    const result = await app.execute(Resolve, { input: { conversationId: gid('Conversation', ids.conversationId), decision: 'CONFIRM' } });
    expect(result.data!.resolveSuggestedAction).toEqual({
      __typename: 'ResolveSuggestedActionPayload',
      conversation: { status: 'NEEDS_REVIEW', lead: { doNotContact: true }, suggestedAction: null, pendingSuggestion: null },
    });
    const audit = await app.services.prisma.auditEntry.findMany({ where: { entityId: { in: [ids.conversationId, ids.leadId] } }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['conversation.action_suggested', 'conversation.action_confirmed', 'lead.do_not_contact']));
    // Answered once: a second answer is a typed error.
    const again = await app.execute(Resolve, { input: { conversationId: gid('Conversation', ids.conversationId), decision: 'DISMISS' } });
    expect(again.data!.resolveSuggestedAction).toMatchObject({ __typename: 'InvalidStateError', currentState: 'NO_SUGGESTED_ACTION' });
  });

  it('DISMISS clears it, keeps the lead and the draft, and is audited', async () => {
    const ids = await likelyUnsubscribe();
    const result = await app.execute(Resolve, { input: { conversationId: gid('Conversation', ids.conversationId), decision: 'DISMISS' } });
    expect(result.data!.resolveSuggestedAction).toMatchObject({
      __typename: 'ResolveSuggestedActionPayload',
      conversation: { lead: { doNotContact: false }, suggestedAction: null, pendingSuggestion: { id: expect.any(String) } },
    });
    const audit = await app.services.prisma.auditEntry.findMany({ where: { entityId: ids.conversationId } });
    expect(audit.map((a) => a.action)).toContain('conversation.action_dismissed');
  });

  it('an explicit request is acted on without a person, and the reply stays in view', async () => {
    const ids = await receive("Don't ever write to me again.");
    const outcome = await draftReplyForInbound(systemContext(app), ids);
    expect(outcome.kind).toBe('UNSUBSCRIBED');
    const state = await app.execute(ConversationState, { id: gid('Conversation', ids.conversationId) });
    expect(state.data!.node).toMatchObject({ status: 'NEEDS_REVIEW', lead: { doNotContact: true }, suggestedAction: null });
  });

  it('records the language of each analysed inbound email', async () => {
    const ids = await receive('Gracias por escribir, pero ahora mismo no nos interesa. Quizás el año que viene.');
    await draftReplyForInbound(systemContext(app), ids);
    const message = await app.services.prisma.conversationMessage.findUniqueOrThrow({ where: { id: ids.inboundMessageId } });
    expect(message.language).toBe('es');
  });
});
