// Which language a lead wrote in, for the five that Parley's analyser and drafter handle.
// eld (a maintained n-gram detector) does the work; what is ours is the mapping to the handled
// set and the rule that short or ambiguous text is 'und' rather than a guess.
import { isMainThread } from 'node:worker_threads';
import { eld } from 'eld';
import { runTextWork } from '../cpu/pool.js';

export const HANDLED_LANGUAGES = ['en', 'es', 'de', 'fr', 'pt'] as const;
export type HandledLanguage = (typeof HANDLED_LANGUAGES)[number];
/** A handled language, 'other' for a language we do not handle, 'und' when we cannot tell. */
export type Language = HandledLanguage | 'other' | 'und';

/** Detection reads at most this many characters: n-grams of a page tell the language as well as a book. */
export const LANGUAGE_DETECTION_PREFIX = 2_000;

let loading: Promise<void> | undefined;

/**
 * Loads the detector's n-gram data (about 1.4 s once per thread, so it is lazy: a process
 * that never analyses text never pays it). On the main thread it warms the text-work pool,
 * where detection runs, instead of loading the data here.
 */
export function loadLanguageDetector(): Promise<void> {
  if (isMainThread) return runTextWork('language', { text: '' }).then(() => undefined);
  // The root entry is the loader variant; its type is a union with the static entries' (no load).
  loading ??= ('load' in eld ? eld.load('small') : Promise.resolve()).then(() => undefined);
  return loading;
}

export function isHandledLanguage(language: string): language is HandledLanguage {
  return (HANDLED_LANGUAGES as readonly string[]).includes(language);
}

/**
 * The language of `text` (only its first LANGUAGE_DETECTION_PREFIX characters are read). On the
 * main thread it runs in the text-work pool: loading the n-gram module compiles and evaluates a
 * large JavaScript file synchronously, which held the event loop ~600-850 ms on the first email
 * after start-up (CPU profile, issue 13); in a worker it costs that worker once.
 */
export async function detectLanguage(text: string): Promise<Language> {
  const sample = text.slice(0, LANGUAGE_DETECTION_PREFIX);
  if (isMainThread) return runTextWork('language', { text: sample });
  return detectLanguageHere(sample);
}

/** detectLanguage in this thread (the pool's task). */
export async function detectLanguageHere(text: string): Promise<Language> {
  await loadLanguageDetector();
  const sample = text.slice(0, LANGUAGE_DETECTION_PREFIX);
  const result = eld.detect(sample);
  if (!result.language || !result.isReliable()) return 'und';
  return isHandledLanguage(result.language) ? result.language : 'other';
}
