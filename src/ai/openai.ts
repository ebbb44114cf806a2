// The model adapter on the Vercel AI SDK: any OpenAI-compatible server (OpenAI, a local
// Ollama, the tests' fake) through createOpenAI({ apiKey, baseURL }), Chat Completions with
// structured output validated by zod.
//
// Retries: the SDK retries only transport errors it deems retryable, but a malformed answer
// or a timed-out call deserves another try too. One loop here covers all three with one
// budget (config.ai.maxRetries) and exponential backoff; the SDK's own retries are off
// (maxRetries: 0) so the budget is not multiplied. Each attempt is cut at timeoutMs through
// its abortSignal. After the last attempt the adapter throws AIUnavailableError and
// ConversationAI falls back to the offline provider.
import { aiSdk, openaiProvider } from '../lazy-package.js';
import { z } from 'zod';
import type { Config } from '../config.js';
import { ANALYSIS_PROMPT_VERSION, analysisPrompt, DRAFT_PROMPT_VERSION, draftPrompt, FOLLOW_UP_PROMPT_VERSION, type Prompt } from './prompts.js';
import { estimateCostUsd } from './pricing.js';
import { INTENTS, SENTIMENTS, URGENCIES, type CallMeta, type ReplyAnalysis, type ReplyModel } from './port.js';
import { analysisModel, draftModel } from './routing.js';
import { clip } from './text.js';
import { backoffDelayMs } from '../retry/backoff.js';

export class AIUnavailableError extends Error {
  constructor(
    message: string,
    readonly attempts: number,
    readonly usage: { inputTokens: number; outputTokens: number },
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AIUnavailableError';
  }
}

// OpenAI's strict structured outputs want every field required: optional ones are nullable.
// Ranges are checked after parsing, since not every compatible server accepts min/max.
const AnalysisSchema = z.object({
  intent: z.enum(INTENTS),
  sentiment: z.enum(SENTIMENTS),
  urgency: z.enum(URGENCIES),
  intentConfidence: z.number().describe('0 to 1: how sure you are of the intent'),
  keyPoints: z.array(z.string()),
  questions: z.array(z.string()).describe("The questions the lead asked, in the lead's words"),
  suggestedNextStep: z.string(),
  returnDate: z.string().nullable().describe('OUT_OF_OFFICE: YYYY-MM-DD the lead is back; otherwise null'),
  referral: z.object({ name: z.string(), email: z.string().nullable() }).nullable(),
  injectionSuspected: z.boolean(),
});

const DraftSchema = z.object({
  subject: z.string(),
  body: z.string(),
  selfRating: z.number().describe('0 to 1: how ready the draft is to send without edits'),
  referralNote: z.object({ subject: z.string(), body: z.string() }).nullable(),
});

const unit = (n: number) => Math.min(1, Math.max(0, Number.isFinite(n) ? n : 0));

function isRetryable(error: unknown): boolean {
  const { APICallError, NoObjectGeneratedError } = aiSdk();
  if (NoObjectGeneratedError.isInstance(error)) return true;
  if (APICallError.isInstance(error)) return error.isRetryable;
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (e.name === 'TimeoutError' || e.name === 'AbortError' || /fetch failed|ECONNRE|socket hang up/i.test(e.message)) return true;
  }
  return false;
}

export interface OpenAIModelOptions {
  /** First backoff delay; doubles on each retry. */
  retryBaseDelayMs?: number;
}

export function createOpenAIModel(ai: Config['ai'], options: OpenAIModelOptions = {}): ReplyModel {
  const { generateText, NoObjectGeneratedError, Output } = aiSdk();
  const provider = openaiProvider().createOpenAI({ apiKey: ai.openaiApiKey ?? 'not-needed', baseURL: ai.openaiBaseUrl });
  const baseDelay = options.retryBaseDelayMs ?? 250;

  async function call<S extends z.ZodType>(
    modelId: string,
    prompt: Prompt,
    schema: S,
    name: string,
    promptVersion: string,
  ): Promise<{ value: z.infer<S>; meta: CallMeta }> {
    const started = performance.now();
    const usage = { inputTokens: 0, outputTokens: 0 };
    let lastError: unknown;
    let attempts = 0;
    for (let attempt = 0; attempt <= ai.maxRetries; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, backoffDelayMs(attempt, { baseDelayMs: baseDelay })));
      attempts += 1;
      try {
        const result = await generateText({
          model: provider.chat(modelId),
          system: prompt.system,
          messages: [{ role: 'user', content: prompt.user }],
          output: Output.object({ schema, name }),
          maxRetries: 0,
          abortSignal: AbortSignal.timeout(ai.timeoutMs),
        });
        usage.inputTokens += result.usage.inputTokens ?? 0;
        usage.outputTokens += result.usage.outputTokens ?? 0;
        return {
          value: result.output as z.infer<S>,
          meta: {
            provider: 'openai',
            model: modelId,
            promptVersion,
            inputTokens: usage.inputTokens,
            outputTokens: usage.outputTokens,
            latencyMs: Math.round(performance.now() - started),
            costUsd: estimateCostUsd(modelId, usage.inputTokens, usage.outputTokens),
            attempts,
          },
        };
      } catch (error) {
        // A malformed answer was still paid for.
        if (NoObjectGeneratedError.isInstance(error)) {
          usage.inputTokens += error.usage?.inputTokens ?? 0;
          usage.outputTokens += error.usage?.outputTokens ?? 0;
        }
        lastError = error;
        if (!isRetryable(error)) break;
      }
    }
    const reason = lastError instanceof Error ? lastError.message : String(lastError);
    throw new AIUnavailableError(`${modelId} failed after ${attempts} attempt(s): ${clip(reason, 300)}`, attempts, usage, {
      cause: lastError,
    });
  }

  return {
    provider: 'openai',
    async analyze(context) {
      const { value, meta } = await call(analysisModel(ai), analysisPrompt(context), AnalysisSchema, 'reply_analysis', ANALYSIS_PROMPT_VERSION);
      const analysis: ReplyAnalysis = {
        ...value,
        intentConfidence: unit(value.intentConfidence),
        keyPoints: value.keyPoints.slice(0, 5).map((p) => clip(p, 300)),
        questions: value.questions.slice(0, 10).map((q) => clip(q, 300)),
        suggestedNextStep: clip(value.suggestedNextStep, 300),
        returnDate: value.returnDate && /^\d{4}-\d{2}-\d{2}$/.test(value.returnDate) && !Number.isNaN(Date.parse(value.returnDate)) ? value.returnDate : null,
        referral: value.referral ? { name: clip(value.referral.name, 80), email: value.referral.email } : null,
      };
      return { value: analysis, meta };
    },
    async draft(context, analysis, style) {
      const prompt = draftPrompt(context, analysis, style);
      const { value, meta } = await call(draftModel(ai, context.lead), prompt, DraftSchema, 'reply_draft', style.followUp ? FOLLOW_UP_PROMPT_VERSION : DRAFT_PROMPT_VERSION);
      return { value: { ...value, selfRating: unit(value.selfRating) }, meta, prompt: { system: prompt.system, nonce: prompt.nonce } };
    },
  };
}
