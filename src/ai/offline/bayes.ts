// The offline analyser's second opinion: a multinomial naive Bayes over words and word pairs,
// trained at first use on the labelled sentences in eval/. The rules speak first; this decides
// only replies that no rule recognises, which the rules alone would call OTHER.
// Hand-written (a few lines) because the maintained NLP package that has one (natural) pulls in
// database drivers. eval/intents-blind2.jsonl is deliberately NOT trained on: it is the set
// that measures how the analyser does on text nobody tuned it for.
import { fileURLToPath } from 'node:url';
import { readLabelledFile } from '../intent-eval.js';
import type { Intent } from '../port.js';

export const TRAINING_FILES = ['intents.jsonl', 'intents-holdout.jsonl', 'intents-blind.jsonl'].map((name) =>
  fileURLToPath(new URL(`../../../eval/${name}`, import.meta.url)),
);

interface Model {
  priors: Map<Intent, number>;
  counts: Map<Intent, Map<string, number>>;
  totals: Map<Intent, number>;
  vocabulary: number;
  /** Single words seen in training. */
  seen: Set<string>;
}

let model: Model | undefined;

function tokens(text: string): string[] {
  const words = text.slice(0, 16 * 1024).toLowerCase().replace(/[’‘]/g, "'").match(/[a-z']+/g) ?? [];
  return [...words, ...words.slice(1).map((w, i) => `${words[i]}_${w}`)];
}

function train(): Model {
  const lines = TRAINING_FILES.flatMap((file) => readLabelledFile(file));
  const priors = new Map<Intent, number>();
  const counts = new Map<Intent, Map<string, number>>();
  const totals = new Map<Intent, number>();
  const vocabulary = new Set<string>();
  for (const { text, intent } of lines) {
    priors.set(intent, (priors.get(intent) ?? 0) + 1 / lines.length);
    const bag = counts.get(intent) ?? new Map<string, number>();
    counts.set(intent, bag);
    for (const t of tokens(text)) {
      bag.set(t, (bag.get(t) ?? 0) + 1);
      totals.set(intent, (totals.get(intent) ?? 0) + 1);
      vocabulary.add(t);
    }
  }
  const seen = new Set([...vocabulary].filter((t) => !t.includes('_')));
  return { priors, counts, totals, vocabulary: vocabulary.size, seen };
}

/**
 * The most probable intent, its posterior probability (0..1) and the share of the text's words
 * the model has seen in training (0..1): a posterior over unknown words is only the prior.
 */
export function bayesIntent(text: string): { intent: Intent; probability: number; known: number } {
  model ??= train();
  const scores = [...model.priors].map(([intent, prior]) => {
    const bag = model!.counts.get(intent)!;
    const total = model!.totals.get(intent)! + model!.vocabulary;
    const logp = tokens(text).reduce((sum, t) => sum + Math.log(((bag.get(t) ?? 0) + 1) / total), Math.log(prior));
    return { intent, logp };
  });
  const max = Math.max(...scores.map((s) => s.logp));
  const sum = scores.reduce((s, x) => s + Math.exp(x.logp - max), 0);
  const best = scores.reduce((a, b) => (b.logp > a.logp ? b : a));
  const words = tokens(text).filter((t) => !t.includes('_'));
  const known = words.length === 0 ? 0 : words.filter((w) => model!.seen.has(w)).length / words.length;
  return { intent: best.intent, probability: 1 / sum, known };
}
