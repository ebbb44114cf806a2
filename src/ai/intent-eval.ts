// Intent accuracy on a labelled set: per-intent precision and recall, and macro-F1 over every
// intent that appears in the labels or the predictions (an intent predicted but never
// labelled counts with F1 0, so spurious predictions cost).
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { INTENTS, type Intent } from './port.js';

const Line = z.object({ text: z.string().min(1), intent: z.enum(INTENTS) });
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

export interface IntentEvaluation {
  total: number;
  accuracy: number;
  perIntent: IntentScore[];
  macroF1: number;
  mistakes: { text: string; expected: Intent; predicted: Intent }[];
}

export async function evaluateIntents(
  lines: LabelledLine[],
  classify: (text: string) => Intent | Promise<Intent>,
): Promise<IntentEvaluation> {
  const predictions: Intent[] = [];
  for (const line of lines) predictions.push(await classify(line.text));
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
  };
}

/** The report the eval script prints; its last line is `macro-F1: 0.NN`. */
export function formatEvaluation(evaluation: IntentEvaluation, showMistakes = false): string {
  const pct = (n: number) => n.toFixed(2);
  const rows = evaluation.perIntent.map(
    (p) => `${p.intent.padEnd(16)} ${pct(p.precision).padStart(9)} ${pct(p.recall).padStart(7)} ${pct(p.f1).padStart(5)} ${String(p.support).padStart(8)}`,
  );
  const mistakes = showMistakes
    ? ['', 'mistakes:', ...evaluation.mistakes.map((m) => `  ${m.expected} -> ${m.predicted}: ${m.text}`)]
    : [];
  return [
    `${'intent'.padEnd(16)} precision  recall    f1  support`,
    ...rows,
    ...mistakes,
    '',
    `lines: ${evaluation.total}, accuracy: ${pct(evaluation.accuracy)}`,
    `macro-F1: ${pct(evaluation.macroF1)}`,
  ].join('\n');
}
