// `npm run eval:confidence`: is a draft's confidence the share of such drafts a reviewer would
// send? Reads the labelled drafting sets (a lead's reply, a draft, and 1 when a reviewer would
// send it as is or after a light edit, 0 when not), computes the features the production
// formula reads (src/ai/draft-features.ts, with the offline analyser and language detection),
// refits the logistic weights on the fit set only, and prints reliability tables (confidence
// bucket -> share sent, count) for the fit set and for the holdout set, which is never fitted.
// `--write` is not offered on purpose: the weights in src/ai/confidence.ts are copied by hand,
// so a change to them is a reviewed commit.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { calibratedScore, CALIBRATION, confidence, FEATURE_KEYS, featureVector, type Calibration, type DraftFeatures } from '../src/ai/confidence.js';
import { draftFeatures } from '../src/ai/draft-features.js';
import { detectLanguage, isHandledLanguage } from '../src/ai/language.js';
import { analyseOffline } from '../src/ai/offline/classifier.js';

interface Row {
  lang: string;
  reply: string;
  draft: string;
  label: 0 | 1;
}

const NOW = new Date('2026-11-20T10:00:00Z');
const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));

function load(name: string): Row[] {
  return readFileSync(here(name), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row);
}

interface Scored {
  row: Row;
  features: DraftFeatures;
  unhandled: boolean;
}

async function featuresOf(rows: Row[]): Promise<Scored[]> {
  const out: Scored[] = [];
  for (const row of rows) {
    const analysis = analyseOffline(row.reply, { now: NOW });
    const leadLanguage = await detectLanguage(row.reply);
    const draftLanguage = await detectLanguage(row.draft);
    out.push({
      row,
      features: draftFeatures({ reply: row.reply, draft: row.draft, analysis, leadLanguage, draftLanguage, now: NOW }),
      unhandled: leadLanguage === 'other',
    });
  }
  return out;
}

type Weights = Calibration;

/** Logistic regression by gradient descent with a small L2 penalty (the set is small). */
function fit(data: Scored[], epochs = 20_000, rate = 0.1, l2 = 0.01): Weights {
  const w = new Array<number>(FEATURE_KEYS.length + 1).fill(0);
  for (let e = 0; e < epochs; e++) {
    const grad = new Array<number>(FEATURE_KEYS.length + 1).fill(0);
    for (const d of data) {
      const x = [1, ...featureVector(d.features)];
      const p = 1 / (1 + Math.exp(-x.reduce((s, xi, i) => s + xi * w[i]!, 0)));
      for (let i = 0; i < x.length; i++) grad[i]! += (p - d.row.label) * x[i]!;
    }
    for (let i = 0; i < w.length; i++) w[i]! -= rate * (grad[i]! / data.length + (i === 0 ? 0 : l2 * w[i]!));
  }
  const round = (n: number) => Math.round(n * 10) / 10;
  return { intercept: round(w[0]!), ...Object.fromEntries(FEATURE_KEYS.map((k, i) => [k, round(w[i + 1]!)])) } as Weights;
}

const score = (d: Scored, weights: Weights = CALIBRATION) =>
  d.unhandled ? confidence({ ...d.features, injectionSuspected: false, refused: false, unhandledLanguage: true, needsHumanWriter: false }) : calibratedScore(d.features, weights);

const BUCKETS = [0, 0.2, 0.4, 0.6, 0.8, 1.0001];

function table(title: string, data: Scored[], weights?: Weights): string {
  const lines = [`${title}`, '| confidence | drafts | share a reviewer would send |', '| --- | ---: | ---: |'];
  for (let b = 0; b < BUCKETS.length - 1; b++) {
    const inBucket = data.filter((d) => score(d, weights) >= BUCKETS[b]! && score(d, weights) < BUCKETS[b + 1]!);
    const sent = inBucket.filter((d) => d.row.label === 1).length;
    lines.push(`| ${BUCKETS[b]!.toFixed(1)}–${Math.min(1, BUCKETS[b + 1]!).toFixed(1)} | ${inBucket.length} | ${inBucket.length ? `${((100 * sent) / inBucket.length).toFixed(0)}%` : '–'} |`);
  }
  const mean = (label: 0 | 1) => {
    const xs = data.filter((d) => d.row.label === label).map((d) => score(d, weights));
    return xs.length ? (xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(3) : '–';
  };
  const brier = data.reduce((s, d) => s + (score(d, weights) - d.row.label) ** 2, 0) / data.length;
  // The formula before calibration, as the offline drafter scored: min(0.6, 0.35·A + 0.30·0.5 + 0.20·Q).
  const before = (label: 0 | 1) => {
    const xs = data.filter((d) => d.row.label === label).map((d) => Math.min(0.6, 0.35 * d.features.analysisCertainty + 0.15 + 0.2 * d.features.questionsAnswered));
    return xs.length ? (xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(3) : '–';
  };
  lines.push('', `mean confidence of drafts a reviewer would send: ${mean(1)}; would not send: ${mean(0)}; Brier score ${brier.toFixed(3)} (n=${data.length}, ${data.filter((d) => d.row.lang !== 'en').length} not English)`);
  lines.push(`before calibration (the old formula): would send ${before(1)}, would not send ${before(0)}`);
  return lines.join('\n');
}

export async function main(): Promise<void> {
  const fitSet = await featuresOf(load('drafts-fit.jsonl'));
  const holdout = await featuresOf(load('drafts-holdout.jsonl'));
  const refit = fit(fitSet.filter((d) => !d.unhandled));
  console.log('Weights in src/ai/confidence.ts:', JSON.stringify(CALIBRATION));
  console.log('Weights refitted on the fit set: ', JSON.stringify(refit));
  console.log('');
  console.log(table('Fit set (eval/drafts-fit.jsonl), production weights', fitSet));
  console.log('');
  console.log(table('Holdout (eval/drafts-holdout.jsonl, never fitted), production weights', holdout));
  const languages = new Set([...fitSet, ...holdout].map((d) => d.row.lang));
  console.log('');
  console.log(`languages: ${[...languages].join(', ')}; handled: ${[...languages].filter(isHandledLanguage).join(', ')}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // No options (see the header on --write): one given stops the run instead of being ignored.
  parseArgs({ options: {}, strict: true, allowPositionals: false });
  await main();
}
