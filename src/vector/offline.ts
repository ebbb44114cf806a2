// The offline embedder: deterministic, local, no network. Feature hashing of word unigrams,
// word bigrams and character trigrams, weighted by sublinear term frequency and a fixed
// inverse-document-frequency proxy, then L2-normalised. Hand-written because no maintained
// npm package does hashed TF-IDF without a fitted vocabulary, and the vectors must not depend
// on the corpus: a corpus-fitted IDF would change every stored vector as data arrives.
import type { Embedder } from './embedder.js';
import { normalize } from './embedder.js';
import { clipForTextWork, runTextWork } from '../cpu/pool.js';

export const OFFLINE_DIMENSIONS = 256;

// Words that carry almost no topic: the fixed stand-in for a low IDF.
const STOP_WORDS = new Set(
  `a about above after again all also am an and any are as at be because been before being below between both but by
  can could did do does doing down during each few for from further had has have having he her here hers him his how
  i if in into is it its itself just let me more most my no nor not now of off on once only or other our ours out over
  own re same she should so some such than that the their theirs them then there these they this those through to too
  under until up very was we were what when where which while who whom why will with would you your yours yourself
  hi hello hey thanks thank regards best cheers dear sent`.split(/\s+/),
);

// FNV-1a (32-bit): fast, stable across platforms and releases, unlike a language's own hash.
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function tokenize(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? []
  ).map((w) => w.replace(/['’]/g, ''));
}

/** Weighted features of a text: the terms before hashing. */
function features(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (feature: string, weight: number) => counts.set(feature, (counts.get(feature) ?? 0) + weight);
  const words = tokenize(text);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const stop = STOP_WORDS.has(word);
    add(`w:${word}`, stop ? 0.1 : 1);
    const next = words[i + 1];
    if (next !== undefined) add(`b:${word} ${next}`, stop || STOP_WORDS.has(next) ? 0.2 : 0.7);
    // Character trigrams match inflections and typos ("price", "prices", "pricing").
    if (!stop && word.length > 3) {
      const padded = `<${word}>`;
      for (let j = 0; j + 3 <= padded.length; j++) add(`c:${padded.slice(j, j + 3)}`, 0.25);
    }
  }
  return counts;
}

/** The offline vector of one text (run in the text-work pool by createOfflineEmbedder). */
export function embedOffline(text: string, dimensions = OFFLINE_DIMENSIONS): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const [feature, weight] of features(text)) {
    const hash = fnv1a(feature);
    // A sign bit from the hash keeps collisions from piling up in one direction.
    const sign = hash & 0x80000000 ? -1 : 1;
    // Sublinear term frequency: the tenth "price" says less than the first.
    vector[hash % dimensions]! += sign * (weight <= 1 ? weight : 1 + Math.log(weight));
  }
  return normalize(vector);
}

/**
 * The offline embedder. Its work runs in the text-work pool's threads, on each text's first
 * TEXT_WORK_MAX_CHARS characters, so embedding a huge email costs the event loop nothing.
 */
export function createOfflineEmbedder(dimensions = OFFLINE_DIMENSIONS): Embedder {
  const embedMany = (texts: string[]) => runTextWork('embed', { texts: texts.map(clipForTextWork), dimensions });
  return {
    name: `offline-hash-${dimensions}`,
    dimensions,
    embed: async (text) => (await embedMany([text]))[0]!,
    embedMany,
  };
}
