// Every exported function that reads lead text runs in linear time on hostile input (issue 13:
// a quadratic regular expression froze the API for 13 minutes on 5 MiB of one token). Each
// function is timed on adversarial inputs of n, 4n and 16n characters in the same test: each
// step takes about 4x as long for a linear function and 16x for a quadratic one. A function
// fails when BOTH steps grow 8x or more; a linear one that crosses a cache or garbage-collector
// threshold jumps in one step only; a shape that still looks super-linear is measured twice
// more and judged on its best. When the 16n call takes under 2 ms the ratios are noise and
// are not judged: a quadratic pass over 16n >= 16 Ki characters costs hundreds of milliseconds,
// so nothing super-linear hides under that floor. Each function also runs once
// on 1 MiB (past its bounded prefix).
import { describe, expect, it } from 'vitest';
import { EMAIL_TEXT_PREFIX, inboundBody, latestReplyText, prepareEmailText } from '../src/ai/email-text.js';
import { bayesIntent } from '../src/ai/offline/bayes.js';
import {
  ANALYSIS_TEXT_PREFIX,
  analyseOffline,
  classifyIntent,
  classifySentiment,
  extractReferral,
  extractReturnDate,
  looksLikeInjection,
} from '../src/ai/offline/classifier.js';
import { clip, contentSentences, emailsIn, firstName, keywords, linksIn, normaliseLink, normalisePrice, pricesIn, questionsIn, sentences } from '../src/ai/text.js';

const NOW = new Date('2026-11-30T09:00:00Z');
const MIB = 1024 * 1024;
const NOISE_FLOOR_MS = 2;

/** Inputs that make backtracking engines rescan: long runs of what a pattern almost matches. */
const ADVERSARIAL: Record<string, (n: number) => string> = {
  'one long token': (n) => 'a'.repeat(n),
  "many '@'": (n) => 'a@'.repeat(n / 2),
  'many dots': (n) => 'a.'.repeat(n / 2),
  'dots and at signs': (n) => 'x@a.1'.repeat(n / 5),
  'many spaces': (n) => `x${' '.repeat(n - 2)}y`,
  'many capitalised words': (n) => 'Aa '.repeat(n / 3),
  'capitalised hyphenated': (n) => 'Aa-'.repeat(n / 3),
  'digits and commas': (n) => '$1,'.repeat(n / 3),
  'url-like labels': (n) => 'a-b.'.repeat(n / 4),
  'many lines': (n) => 'On x\n'.repeat(n / 5),
  'quote markers': (n) => '> '.repeat(n / 2),
  'title run': (n) => `Mr.${' '.repeat(n - 4)}x`,
  'many question marks': (n) => 'why? '.repeat(n / 5),
};

type TextFunction = (text: string) => unknown;
/** Functions with the size at which to compare (below their prefix bound, so the work grows). */
const FUNCTIONS: Record<string, { fn: TextFunction; n: number }> = {
  prepareEmailText: { fn: prepareEmailText, n: EMAIL_TEXT_PREFIX / 16 },
  latestReplyText: { fn: latestReplyText, n: EMAIL_TEXT_PREFIX / 16 },
  inboundBody: { fn: (t) => inboundBody({ textBody: t, strippedText: null }), n: EMAIL_TEXT_PREFIX / 16 },
  classifyIntent: { fn: classifyIntent, n: ANALYSIS_TEXT_PREFIX / 16 },
  classifySentiment: { fn: (t) => classifySentiment(t, 'OTHER'), n: ANALYSIS_TEXT_PREFIX / 16 },
  analyseOffline: { fn: (t) => analyseOffline(t, { now: NOW }), n: ANALYSIS_TEXT_PREFIX / 16 },
  extractReferral: { fn: (t) => extractReferral(t), n: ANALYSIS_TEXT_PREFIX / 16 },
  extractReturnDate: { fn: (t) => extractReturnDate(t, NOW), n: ANALYSIS_TEXT_PREFIX / 16 },
  looksLikeInjection: { fn: looksLikeInjection, n: ANALYSIS_TEXT_PREFIX / 16 },
  bayesIntent: { fn: bayesIntent, n: ANALYSIS_TEXT_PREFIX / 16 },
  sentences: { fn: sentences, n: 4_096 },
  contentSentences: { fn: contentSentences, n: 4_096 },
  questionsIn: { fn: (t) => questionsIn(t), n: 4_096 },
  keywords: { fn: keywords, n: 4_096 },
  emailsIn: { fn: emailsIn, n: 4_096 },
  linksIn: { fn: linksIn, n: 4_096 },
  pricesIn: { fn: pricesIn, n: 4_096 },
  normaliseLink: { fn: normaliseLink, n: 4_096 },
  normalisePrice: { fn: normalisePrice, n: 4_096 },
  clip: { fn: (t) => clip(t, 100), n: 4_096 },
  firstName: { fn: firstName, n: 4_096 },
};

/** Best-of-three time per call, repeating each round until it lasts long enough to measure. */
function timePerCall(fn: TextFunction, input: string): number {
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    let calls = 0;
    const started = performance.now();
    let elapsed = 0;
    do {
      fn(input);
      calls++;
      elapsed = performance.now() - started;
    } while (elapsed < 15);
    best = Math.min(best, elapsed / calls);
  }
  return best;
}

describe('text functions run in linear time on hostile input', () => {
  for (const [name, { fn, n }] of Object.entries(FUNCTIONS)) {
    it(`${name}: time grows less than 8x per 4x more input, on every adversarial input`, () => {
      const ratios: Record<string, number> = {};
      for (const [shape, make] of Object.entries(ADVERSARIAL)) {
        fn(make(n)); // warm up the JIT
        const growth = () => {
          const small = timePerCall(fn, make(n));
          const medium = timePerCall(fn, make(4 * n));
          const large = timePerCall(fn, make(16 * n));
          return large < NOISE_FLOOR_MS ? 1 : Number(Math.min(medium / small, large / medium).toFixed(1));
        };
        // A pause of the whole process (GC, another process on the core) can land on both
        // steps of one measurement; it does not land on three in a row, while a quadratic
        // function grows about 16x every time. So a flagged shape is measured again, twice.
        let ratio = growth();
        for (let again = 0; again < 2 && ratio >= 8; again++) ratio = Math.min(ratio, growth());
        ratios[shape] = ratio;
      }
      expect(Object.entries(ratios).filter(([, r]) => r >= 8)).toEqual([]);
      // And 1 MiB (past every prefix bound) completes.
      for (const make of Object.values(ADVERSARIAL)) fn(make(MIB));
    }, 120_000);
  }
});
