// Intent accuracy on a labelled set: per-intent precision and recall, and macro-F1 over every
// intent that appears in the labels or the predictions (an intent predicted but never
// labelled counts with F1 0, so spurious predictions cost).
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { INTENTS, type Intent } from './port.js';

const Line = z.object({
  text: z.string().min(1),
  intent: z.enum(INTENTS),
  /** The language the lead wrote in (the realistic sets say; the older ones are English). */
  language: z.string().default('en'),
  /** How the mail client wrapped it: plain, gmail, outlook, apple, gt-quote, signature, footer, forward, auto-reply. */
  shape: z.string().default('plain'),
  /** UNSUBSCRIBE lines: false for a likely but not explicit request (a complaint, "how did you get my address"). */
  explicitUnsubscribe: z.boolean().optional(),
});
export type LabelledLine = z.infer<typeof Line>;

export function readLabelledFile(path: string): LabelledLine[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, i) => ({ line: line.trim(), number: i + 1 }))
    .filter(({ line }) => line.length > 0)
    .map(({ line, number }) => {
      const parsed = Line.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${path}:${number}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
      return parsed.data;
    });
}

export interface IntentScore {
  intent: Intent;
  support: number;
  predicted: number;
  precision: number;
  recall: number;
  f1: number;
}

/** True when a labelled line asks, in so many words, to stop receiving email. */
export function isExplicitUnsubscribe(line: LabelledLine): boolean {
  return line.intent === 'UNSUBSCRIBE' && line.explicitUnsubscribe !== false;
}

export interface IntentEvaluation {
  total: number;
  accuracy: number;
  perIntent: IntentScore[];
  macroF1: number;
  mistakes: { text: string; expected: Intent; predicted: Intent }[];
  /** Macro-F1 and size per language and per shape (lines of that group only). */
  groups: { by: 'language' | 'shape'; value: string; total: number; macroF1: number }[];
}

export async function evaluateIntents(
  lines: LabelledLine[],
  classify: (text: string) => Intent | Promise<Intent>,
): Promise<IntentEvaluation> {
  const predictions: Intent[] = [];
  for (const line of lines) predictions.push(await classify(line.text));
  return score(lines, predictions, true);
}

function score(lines: LabelledLine[], predictions: Intent[], withGroups: boolean): IntentEvaluation {
  const labels = INTENTS.filter((i) => lines.some((l) => l.intent === i) || predictions.includes(i));
  const perIntent = labels.map((intent): IntentScore => {
    const tp = lines.filter((l, k) => l.intent === intent && predictions[k] === intent).length;
    const support = lines.filter((l) => l.intent === intent).length;
    const predicted = predictions.filter((p) => p === intent).length;
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { intent, support, predicted, precision, recall, f1 };
  });
  const correct = lines.filter((l, k) => l.intent === predictions[k]).length;
  return {
    total: lines.length,
    accuracy: lines.length === 0 ? 0 : correct / lines.length,
    perIntent,
    macroF1: perIntent.length === 0 ? 0 : perIntent.reduce((s, p) => s + p.f1, 0) / perIntent.length,
    mistakes: lines
      .map((l, k) => ({ text: l.text, expected: l.intent, predicted: predictions[k]! }))
      .filter((m) => m.expected !== m.predicted),
    groups: withGroups ? groupScores(lines, predictions) : [],
  };
}

function groupScores(lines: LabelledLine[], predictions: Intent[]): IntentEvaluation['groups'] {
  const groups: IntentEvaluation['groups'] = [];
  for (const by of ['language', 'shape'] as const) {
    const values = [...new Set(lines.map((l) => l[by]))].sort();
    const keyed = by === 'language' && values.length > 1 ? [...values, 'non-English'] : values;
    for (const value of keyed) {
      const inGroup = (l: LabelledLine) => (value === 'non-English' ? l.language !== 'en' : l[by] === value);
      const indexes = lines.map((l, k) => (inGroup(l) ? k : -1)).filter((k) => k >= 0);
      const sub = score(indexes.map((k) => lines[k]!), indexes.map((k) => predictions[k]!), false);
      groups.push({ by, value, total: sub.total, macroF1: sub.macroF1 });
    }
  }
  return groups;
}

/** The report the eval script prints; its last line is `macro-F1: 0.NN`. */
export function formatEvaluation(evaluation: IntentEvaluation, showMistakes = false): string {
  const pct = (n: number) => n.toFixed(2);
  const rows = evaluation.perIntent.map(
    (p) => `${p.intent.padEnd(16)} ${pct(p.precision).padStart(9)} ${pct(p.recall).padStart(7)} ${pct(p.f1).padStart(5)} ${String(p.support).padStart(8)}`,
  );
  const mistakes = showMistakes
    ? ['', 'mistakes:', ...evaluation.mistakes.map((m) => `  ${m.expected} -> ${m.predicted}: ${JSON.stringify(m.text.slice(0, 200))}`)]
    : [];
  const groups = (by: 'language' | 'shape') => {
    const rows = evaluation.groups.filter((g) => g.by === by);
    return rows.length > 1 ? [`macro-F1 by ${by}: ${rows.map((g) => `${g.value} ${pct(g.macroF1)} (${g.total})`).join(', ')}`] : [];
  };
  return [
    `${'intent'.padEnd(16)} precision  recall    f1  support`,
    ...rows,
    ...mistakes,
    '',
    ...groups('language'),
    ...groups('shape'),
    `lines: ${evaluation.total}, accuracy: ${pct(evaluation.accuracy)}`,
    `macro-F1: ${pct(evaluation.macroF1)}`,
  ].join('\n');
}
