// Every exported function that reads lead text, and the hostile input shapes that make
// backtracking regular-expression engines rescan (issue 13: a quadratic expression froze the
// API for 13 minutes on 5 MiB of one token). Shared by test/text-linear-time.test.ts (which
// judges the expressions these functions run) and bench/text-linear-time.ts (which times them).
import { EMAIL_TEXT_PREFIX, inboundBody, latestReplyText, prepareEmailText } from '../../src/ai/email-text.js';
import { bayesIntent } from '../../src/ai/offline/bayes.js';
import {
  ANALYSIS_TEXT_PREFIX,
  analyseOffline,
  classifyIntent,
  classifySentiment,
  extractReferral,
  extractReturnDate,
  looksLikeInjection,
} from '../../src/ai/offline/classifier.js';
import { clip, contentSentences, emailsIn, firstName, keywords, linksIn, normaliseLink, normalisePrice, pricesIn, questionsIn, sentences } from '../../src/ai/text.js';

const NOW = new Date('2026-11-30T09:00:00Z');

/** Inputs that make backtracking engines rescan: long runs of what a pattern almost matches. */
export const ADVERSARIAL: Record<string, (n: number) => string> = {
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

export type TextFunction = (text: string) => unknown;
/** Functions with a size below their prefix bound, so the work they do grows with the input. */
export const TEXT_FUNCTIONS: Record<string, { fn: TextFunction; n: number }> = {
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
