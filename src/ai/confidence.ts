// How likely a reviewer is to send a draft as it stands, from 0 to 1.
//
// A logistic model fitted on a labelled drafting set (eval/drafts-fit.jsonl: a lead's reply, a
// draft, and whether a reviewer would send it), checked on a holdout set never used for fitting
// (eval/drafts-holdout.jsonl); `npm run eval:confidence` refits it and prints the reliability
// tables that the README shows. Inputs, each 0..1:
//
//   Q  the share of the lead's questions the draft addresses (questionsAnswered below).
//   L  1 when the draft is in the lead's language (or the lead's is too short to tell).
//   T  1 unless the lead proposed a meeting time and the draft does not confirm it.
//   N  1 unless the lead pointed to a person ("talk to Priya Shah") the draft does not name.
//   D  1 unless the lead declined and the draft still pushes for a call.
//   G  1 for a catch-all draft ("Thanks for your message") to a reply that asked something.
//
// Then rules the set cannot teach, because they come from outside the draft's text:
//   - an unsure analysis cannot make a sure draft: at most 0.25 + 0.75·A, A being the
//     analyser's certainty in the intent (a labelled set of drafts to one reply each says
//     little about the analyser, so this is a rule, not a fitted weight);
//   - a reply for a person to write (needsHumanWriter) is 0;
//   - a language the drafters do not handle caps it at UNHANDLED_LANGUAGE_CEILING;
//   - a suspected prompt injection halves it;
//   - a model draft refused by the safety gate and replaced caps it at REFUSED_CEILING.
// The model's own self-rating is not used: nothing shows it is calibrated.
import { keywords } from './text.js';

/** Fitted by eval/confidence.ts on eval/drafts-fit.jsonl (see the README's reliability table). */
export const CALIBRATION = { intercept: -5.7, questions: 0.9, language: 2.3, time: 1.7, referral: 1.6, decline: 0.6, generic: -2 } as const;
export const REFUSED_CEILING = 0.2;
export const UNHANDLED_LANGUAGE_CEILING = 0.3;
export const INJECTION_FACTOR = 0.5;

export interface DraftFeatures {
  analysisCertainty: number;
  questionsAnswered: number;
  inLeadLanguage: boolean;
  timeConfirmed: boolean;
  referralNamed: boolean;
  declineRespected: boolean;
  generic: boolean;
}

export interface ConfidenceInputs extends DraftFeatures {
  injectionSuspected: boolean;
  refused: boolean;
  unhandledLanguage: boolean;
  needsHumanWriter: boolean;
}

const unit = (n: number) => (Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0);

export type Calibration = Record<keyof typeof CALIBRATION, number>;
/** The fitted weights' names, in featureVector's order. */
export const FEATURE_KEYS = ['questions', 'language', 'time', 'referral', 'decline', 'generic'] as const;

/** The features as the fitted model reads them, in FEATURE_KEYS' order. */
export function featureVector(f: DraftFeatures): number[] {
  const bit = (b: boolean) => (b ? 1 : 0);
  return [unit(f.questionsAnswered), bit(f.inLeadLanguage), bit(f.timeConfirmed), bit(f.referralNamed), bit(f.declineRespected), bit(f.generic)];
}

export function calibratedScore(f: DraftFeatures, calibration: Calibration = CALIBRATION): number {
  const x = featureVector(f);
  const z = FEATURE_KEYS.reduce((sum, key, i) => sum + calibration[key] * x[i]!, calibration.intercept);
  return Math.min(1 / (1 + Math.exp(-z)), 0.25 + 0.75 * unit(f.analysisCertainty));
}

export function confidence(inputs: ConfidenceInputs): number {
  if (inputs.needsHumanWriter) return 0;
  let score = calibratedScore(inputs);
  if (inputs.unhandledLanguage) score = Math.min(score, UNHANDLED_LANGUAGE_CEILING);
  if (inputs.injectionSuspected) score *= INJECTION_FACTOR;
  if (inputs.refused) score = Math.min(score, REFUSED_CEILING);
  return Math.round(score * 1000) / 1000;
}


// Topic words: a question about price is answered by a draft that talks about price, in any
// of the five languages.
const TOPICS: string[][] = [
  ['price', 'pricing', 'cost', 'costs', 'much', 'quote', 'fee', 'fees', 'charge', 'budget', 'rate', 'rates', 'total', 'afford', '$', 'precio', 'cuesta', 'coste', 'costo', 'preis', 'kosten', 'kostet', 'prix', 'coût', 'tarif', 'preço', 'custa', 'custo', 'valor'],
  ['long', 'turnaround', 'timeline', 'weeks', 'week', 'days', 'when', 'launch', 'live', 'time', 'plazo', 'semanas', 'cuándo', 'dauer', 'wochen', 'wann', 'délai', 'semaines', 'quand', 'prazo', 'quando'],
  ['hosting', 'host', 'domain', 'maintenance', 'support', 'updates', 'own', 'alojamiento', 'mantenimiento', 'wartung', 'hébergement', 'maintenance', 'hospedagem', 'manutenção'],
  ['call', 'meet', 'meeting', 'available', 'free', 'time', 'calendar', 'demo', 'zoom', 'llamada', 'reunión', 'telefonat', 'termin', 'appel', 'rendez-vous', 'ligação', 'reunião'],
  ['examples', 'portfolio', 'work', 'samples', 'clients', 'results', 'references', 'ejemplos', 'beispiele', 'exemples', 'exemplos'],
  ['platform', 'wordpress', 'shopify', 'custom', 'integrate', 'sync', 'calendar', 'square', 'mobile', 'phones', 'booking'],
  ['contract', 'cancel', 'subscription', 'month', 'monthly', 'year', 'plan', 'plans', 'payment', 'contrato', 'vertrag', 'kündigen', 'contrat', 'mensual', 'monatlich', 'mensuel', 'mensal'],
];

/** Share of the questions the draft addresses: a shared topic or shared content words. */
export function questionsAnswered(questions: string[], draft: string): number {
  if (questions.length === 0) return 1;
  const draftWords = keywords(draft);
  const draftLower = draft.toLowerCase();
  const answered = questions.filter((q) => {
    const lower = q.toLowerCase();
    const topic = TOPICS.find((words) => words.some((w) => new RegExp(`(^|[^\\p{L}])${w.replace('$', '\\$')}([^\\p{L}]|$)`, 'u').test(lower)));
    if (topic && topic.some((w) => draftLower.includes(w))) return true;
    const qWords = [...keywords(q)];
    const shared = qWords.filter((w) => draftWords.has(w)).length;
    return qWords.length > 0 && shared / qWords.length >= 0.5;
  });
  return answered.length / questions.length;
}
