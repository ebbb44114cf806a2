// The offline provider: the default without an API key, and the fallback when the model
// fails. Deterministic, quick, free; its drafts carry model "offline". Its rules and templates
// run in the text-work pool's threads on clipped text (src/cpu/pool.ts), off the event loop.
import { clipForTextWork, runTextWork } from '../../cpu/pool.js';
import type { ReplyContext, ReplyModel, ThreadMessage } from '../port.js';

const clipMessage = (m: ThreadMessage): ThreadMessage => ({ ...m, text: clipForTextWork(m.text) });

/** The context with every email text clipped to the text-work bound. */
const clipContext = (context: ReplyContext): ReplyContext => ({
  ...context,
  inbound: clipMessage(context.inbound),
  thread: context.thread.map(clipMessage),
});
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
      const text = clipForTextWork(context.inbound.text);
      const value = await runTextWork('analyse', { text, options: { now: context.now, exclude } });
      // A referral names the person the email states (address headers, "cc"/"talk to" phrases),
      // never a capitalised word picked from the text.
      const referral = value.intent === 'REFERRAL' ? referralFromEmail(text, context.inboundRaw?.copied ?? [], exclude) : null;
      return { value: { ...value, referral }, meta: meta(OFFLINE_ANALYSIS_VERSION, started) };
    },
    async draft(context, analysis, style) {
      const started = performance.now();
      const value = await runTextWork('draft', { context: clipContext(context), analysis, style });
      return { value, meta: meta(OFFLINE_DRAFT_VERSION, started) };
    },
  };
}
