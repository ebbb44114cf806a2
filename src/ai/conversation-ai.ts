// ConversationAI: a provider (the model, or the offline one) wrapped in what every draft
// needs whoever wrote it: fall back to the offline provider when the model fails, check the
// draft before anyone stores it, and score it with the confidence formula.
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { confidence } from './confidence.js';
import { runTextWork } from '../cpu/pool.js';
import { detectLanguage, isHandledLanguage } from './language.js';
import { createOfflineModel } from './offline/index.js';
import { isWrongLanguage, leadLanguage } from './reply-language.js';
import { AIUnavailableError, createOpenAIModel, type OpenAIModelOptions } from './openai.js';
import type {
  AnalysisResult,
  CallMeta,
  ConversationAI,
  DraftedReply,
  DraftResult,
  FallbackOption,
  DraftStyle,
  Fallback,
  ReplyAnalysis,
  ReplyContext,
  ReplyModel,
} from './port.js';
import { FOLLOW_UP_ANALYSIS } from './port.js';
import { estimateCostUsd } from './pricing.js';
import { isRefused, type Allowed, type CheckedText, type CheckOptions, type SafetyFlag } from './safety.js';
import { clip } from './text.js';

/**
 * The injection detector reads the whole email as received when the domain passes it (or has
 * read it already, as the email arrived, with the same input: postmark-inbound-payload.ts).
 */
async function injectionIn(context: ReplyContext): Promise<boolean> {
  const raw = context.inboundRaw;
  if (raw && 'injectionSuspected' in raw) return raw.injectionSuspected;
  return runTextWork('injection', {
    subject: context.inbound.subject,
    text: raw ? `${context.inbound.text}\n${raw.textBody}` : context.inbound.text,
    html: raw?.htmlBody ?? null,
  });
}

export interface ConversationAIOptions {
  /** The provider that answers when all goes well. */
  primary: ReplyModel;
  /** The fallback; the offline provider by default. */
  offline?: ReplyModel;
  logger?: Logger;
}

/** The failed model's tokens still cost money: keep them on the fallback's record. */
function spentOn(error: unknown, meta: CallMeta, model: string | undefined): CallMeta {
  if (!(error instanceof AIUnavailableError) || (error.usage.inputTokens === 0 && error.usage.outputTokens === 0)) return meta;
  return {
    ...meta,
    inputTokens: error.usage.inputTokens,
    outputTokens: error.usage.outputTokens,
    costUsd: model ? estimateCostUsd(model, error.usage.inputTokens, error.usage.outputTokens) : null,
    attempts: error.attempts,
  };
}

export function createConversationAI(options: ConversationAIOptions): ConversationAI {
  const { primary, logger } = options;
  const offline = options.offline ?? createOfflineModel();
  const hasFallback = primary !== offline && primary.provider !== 'offline';

  async function analyzeReply(context: ReplyContext, options: FallbackOption = {}): Promise<AnalysisResult> {
    let analysis: ReplyAnalysis;
    let meta: CallMeta;
    let fallback: Fallback | null = null;
    try {
      ({ value: analysis, meta } = await primary.analyze(context));
    } catch (error) {
      if (!hasFallback || options.fallback === false) throw error;
      logger?.warn({ err: error }, 'analysis model failed; using the offline analyser');
      ({ value: analysis, meta } = await offline.analyze(context));
      meta = spentOn(error, meta, undefined);
      fallback = { code: 'AI_UNAVAILABLE', message: clip(error instanceof Error ? error.message : String(error), 500) };
    }
    // Our own detector backs the model's judgement: either one is enough to flag.
    analysis = { ...analysis, injectionSuspected: analysis.injectionSuspected || (await injectionIn(context)) };
    return { analysis, meta, fallback };
  }

  async function draft(given: ReplyContext, analysis: ReplyAnalysis, style: DraftStyle, options: FallbackOption = {}): Promise<DraftResult> {
    // Both drafters write in the lead's language; the check below holds the model to it.
    const context: ReplyContext = { ...given, language: given.language ?? (await leadLanguage(given)) };
    const language = context.language!;
    // The scans run in the text-work pool, off the event loop (cpu/text-work.ts).
    const facts = await runTextWork('draftFacts', { context });
    const allowed = facts.allowed;
    const checkText = (text: CheckedText, allowed: Allowed, options?: CheckOptions) =>
      runTextWork('safetyCheck', { text: { subject: text.subject, body: text.body }, allowed, ...(options ? { options } : {}) });
    // A referral's address may be named in the note to them, if the lead wrote it or copied them.
    const known = [...facts.known, ...(context.inboundRaw?.copied.map((c) => c.email.toLowerCase()) ?? [])];
    const referralEmail = analysis.referral?.email && known.includes(analysis.referral.email.toLowerCase()) ? analysis.referral.email.toLowerCase() : null;
    let reply: DraftedReply;
    let meta: CallMeta;
    let fallback: Fallback | null = null;
    let flags: SafetyFlag[] = [];
    let refused = false;
    const offlineDraft = async () => (await offline.draft(context, analysis, style));
    try {
      const answer = await primary.draft(context, analysis, style);
      ({ value: reply, meta } = answer);
      flags = reply.needsHumanWriter ? [] : await checkText(reply, allowed, { systemPrompt: answer.prompt?.system, canary: answer.prompt?.nonce });
      if (!reply.needsHumanWriter && (await isWrongLanguage(language, reply.body))) flags.push('WRONG_LANGUAGE');
      if (isRefused(flags) && hasFallback) {
        logger?.warn({ flags }, 'model draft refused by the safety check; using the offline drafter');
        const replacement = await offlineDraft();
        // Keep the refused call's tokens and cost: it was paid for.
        meta = { ...replacement.meta, inputTokens: meta.inputTokens, outputTokens: meta.outputTokens, costUsd: meta.costUsd };
        reply = replacement.value;
        fallback = { code: 'AI_DRAFT_REFUSED', message: `The model's draft was refused (${flags.join(', ')}); the offline draft replaces it.` };
        refused = true;
      } else if (reply.referralNote && isRefused(await checkText(reply.referralNote, allowed, { extraEmails: referralEmail ? [referralEmail] : [] }))) {
        reply = { ...reply, referralNote: (await offlineDraft()).value.referralNote };
      }
    } catch (error) {
      if (!hasFallback || options.fallback === false) throw error;
      logger?.warn({ err: error }, 'draft model failed; using the offline drafter');
      const replacement = await offlineDraft();
      reply = replacement.value;
      meta = spentOn(error, replacement.meta, undefined);
      fallback = { code: 'AI_UNAVAILABLE', message: clip(error instanceof Error ? error.message : String(error), 500) };
      flags = reply.needsHumanWriter ? [] : await checkText(reply, allowed);
    }
    // A model writes any language; the offline drafter only five, and says so.
    if (!isHandledLanguage(language) && language !== 'und' && !reply.needsHumanWriter) flags.push('UNHANDLED_LANGUAGE');
    if (analysis.injectionSuspected) flags = [...flags, 'SUSPECTED_PROMPT_INJECTION'];
    const draftLanguage = reply.language ?? (reply.body ? await detectLanguage(reply.body) : 'und');
    const features = await runTextWork('draftFeatures', { reply: context.inbound.text, draft: reply.body, analysis, leadLanguage: language, draftLanguage, now: context.now });
    const score = confidence({
      ...features,
      injectionSuspected: analysis.injectionSuspected,
      refused,
      unhandledLanguage: !isHandledLanguage(language) && language !== 'und',
      needsHumanWriter: Boolean(reply.needsHumanWriter),
    });
    const note = analysis.intent === 'REFERRAL' && analysis.referral && reply.referralNote
      ? { toName: analysis.referral.name, toEmail: referralEmail, subject: clip(reply.referralNote.subject, 200), body: reply.referralNote.body }
      : null;
    return {
      subject: clip(reply.subject.trim() || `Re: ${context.inbound.subject}`, 200),
      body: reply.body.trim(),
      referralNote: note,
      confidence: score,
      safetyFlags: [...new Set(flags)],
      meta,
      fallback,
      style,
      language,
      humanWriterReason: reply.needsHumanWriter ?? null,
    };
  }

  return {
    provider: primary.provider,
    analyzeReply,
    generateReply: (context, analysis, options) => draft(context, analysis, {}, options),
    regenerateReply: (context, analysis, style) => draft(context, analysis, style),
    generateFollowUp: (context, style, options) => draft(context, FOLLOW_UP_ANALYSIS, style, options),
  };
}

/** The application's ConversationAI: the model when an API key is set, offline otherwise. */
export function conversationAIFromConfig(ai: Config['ai'], logger?: Logger, options: OpenAIModelOptions = {}): ConversationAI {
  // A base URL alone is enough: local OpenAI-compatible servers (Ollama) take no key.
  const primary = ai.openaiApiKey || ai.openaiBaseUrl ? createOpenAIModel(ai, options) : createOfflineModel();
  return createConversationAI({ primary, logger });
}
