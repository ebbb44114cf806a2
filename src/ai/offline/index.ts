// The offline provider: the default without an API key, and the fallback when the model
// fails. Deterministic, instant, free; its drafts carry model "offline".
import type { ReplyModel } from '../port.js';
import { analyseOffline } from './classifier.js';
import { draftOffline } from './drafter.js';
import { referralFromEmail } from '../referral.js';

export const OFFLINE_ANALYSIS_VERSION = 'offline-rules-v1';
export const OFFLINE_DRAFT_VERSION = 'offline-templates-v1';

const meta = (promptVersion: string, started: number) => ({
  provider: 'offline',
  model: 'offline',
  promptVersion,
  inputTokens: null,
  outputTokens: null,
  latencyMs: Math.round(performance.now() - started),
  costUsd: 0,
  attempts: 1,
});

export function createOfflineModel(): ReplyModel {
  return {
    provider: 'offline',
    async analyze(context) {
      const started = performance.now();
      const exclude = [context.lead.name, context.lead.email, context.sender.name, context.sender.email, context.lead.company ?? ''];
      const value = analyseOffline(context.inbound.text, { now: context.now, exclude });
      // A referral names the person the email states (address headers, "cc"/"talk to" phrases),
      // never a capitalised word picked from the text.
      const referral = value.intent === 'REFERRAL' ? referralFromEmail(context.inbound.text, context.inboundRaw?.copied ?? [], exclude) : null;
      return { value: { ...value, referral }, meta: meta(OFFLINE_ANALYSIS_VERSION, started) };
    },
    async draft(context, analysis, style) {
      const started = performance.now();
      return { value: draftOffline(context, analysis, style), meta: meta(OFFLINE_DRAFT_VERSION, started) };
    },
  };
}
