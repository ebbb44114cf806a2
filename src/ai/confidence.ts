// How sure Parley is that a draft can be sent as is, from 0 to 1.
//
//   confidence = min(ceiling, (0.35·A + 0.30·M + 0.20·Q + 0.15·R) · S)
//
//   A  analysis certainty: the analyser's confidence in the intent (0..1).
//   M  the drafter's own rating of the draft (0..1). The offline drafter has no judgement of
//      its own and counts 0.5.
//   Q  questions answered: the share of the lead's questions that the draft addresses (by
//      topic words, see questionsAnswered); 1 when the lead asked nothing.
//   R  retrieval support: the mean similarity of up to three similar past conversations,
//      counting missing ones as 0, so a draft without examples gets 0 here.
//   S  safety: 1 for a clean draft; 0.5 when the email looks like a prompt injection.
//   ceiling: 1 for a model draft; 0.6 for the offline drafter (templates are never send-ready);
//      0.2 when a model draft was refused by the safety check and replaced.
//
// The weights favour what we can check (A, Q) and the model's view (M) over retrieval, which
// is absent until the similarity search lands.
import type { SimilarExample } from './port.js';
import { keywords } from './text.js';

export const WEIGHTS = { analysis: 0.35, model: 0.3, questions: 0.2, retrieval: 0.15 } as const;
export const OFFLINE_CEILING = 0.6;
export const REFUSED_CEILING = 0.2;
export const INJECTION_FACTOR = 0.5;
export const OFFLINE_SELF_RATING = 0.5;

export interface ConfidenceInputs {
  analysisCertainty: number;
  selfRating: number;
  questionsAnswered: number;
  retrievalSupport: number;
  injectionSuspected: boolean;
  ceiling: number;
}

const unit = (n: number) => (Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0);

export function confidence(inputs: ConfidenceInputs): number {
  const raw =
    WEIGHTS.analysis * unit(inputs.analysisCertainty) +
    WEIGHTS.model * unit(inputs.selfRating) +
    WEIGHTS.questions * unit(inputs.questionsAnswered) +
    WEIGHTS.retrieval * unit(inputs.retrievalSupport);
  const safe = raw * (inputs.injectionSuspected ? INJECTION_FACTOR : 1);
  return Math.round(Math.min(inputs.ceiling, safe) * 1000) / 1000;
}

export function retrievalSupport(examples: SimilarExample[]): number {
  const top = [...examples].sort((a, b) => b.similarity - a.similarity).slice(0, 3);
  return top.reduce((sum, e) => sum + unit(e.similarity), 0) / 3;
}

// Topic words: a question about price is answered by a draft that talks about price.
const TOPICS: string[][] = [
  ['price', 'pricing', 'cost', 'costs', 'much', 'quote', 'fee', 'fees', 'charge', 'budget', 'rate', 'rates', 'total', 'afford', '$'],
  ['long', 'turnaround', 'timeline', 'weeks', 'week', 'days', 'when', 'launch', 'live', 'time'],
  ['hosting', 'host', 'domain', 'maintenance', 'support', 'updates', 'own'],
  ['call', 'meet', 'meeting', 'available', 'free', 'time', 'calendar', 'demo', 'zoom'],
  ['examples', 'portfolio', 'work', 'samples', 'clients', 'results', 'references'],
  ['platform', 'wordpress', 'shopify', 'custom', 'integrate', 'sync', 'calendar', 'square', 'mobile', 'phones', 'booking'],
  ['contract', 'cancel', 'subscription', 'month', 'monthly', 'year', 'plan', 'plans', 'payment'],
];

/** Share of the questions the draft addresses: a shared topic or shared content words. */
export function questionsAnswered(questions: string[], draft: string): number {
  if (questions.length === 0) return 1;
  const draftWords = keywords(draft);
  const draftLower = draft.toLowerCase();
  const answered = questions.filter((q) => {
    const lower = q.toLowerCase();
    const topic = TOPICS.find((words) => words.some((w) => new RegExp(`(^|\\W)${w.replace('$', '\\$')}(\\W|$)`).test(lower)));
    if (topic && topic.some((w) => draftLower.includes(w))) return true;
    const qWords = [...keywords(q)];
    const shared = qWords.filter((w) => draftWords.has(w)).length;
    return qWords.length > 0 && shared / qWords.length >= 0.5;
  });
  return answered.length / questions.length;
}
