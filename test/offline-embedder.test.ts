// The offline embedder: deterministic unit vectors of its dimension, closer for texts that
// share words, word forms and phrases.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cosineSimilarity } from '../src/vector/embedder.js';
import { createOfflineEmbedder, tokenize } from '../src/vector/offline.js';

const embedder = createOfflineEmbedder();
const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

describe('offline embedder', () => {
  it('names its space by its dimension', () => {
    expect(embedder).toMatchObject({ name: 'offline-hash-256', dimensions: 256 });
    expect(createOfflineEmbedder(1536)).toMatchObject({ name: 'offline-hash-1536', dimensions: 1536 });
  });

  it('returns the same unit vector of its dimension for the same text, every time', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 200 }).filter((s) => tokenize(s).length > 0), async (text) => {
        const [a, b] = await Promise.all([embedder.embed(text), createOfflineEmbedder().embed(text)]);
        expect(a).toEqual(b);
        expect(a).toHaveLength(256);
        expect(norm(a)).toBeCloseTo(1, 9);
      }),
      { numRuns: 50 },
    );
    // Fixed across releases: stored vectors stay comparable with new ones.
    const v = await embedder.embed('Pricing for a new website');
    const nonZero = v.map((x, i) => [i, Number(x.toFixed(6))] as const).filter(([, x]) => x !== 0);
    expect(nonZero).toHaveLength(21);
    expect(nonZero.slice(0, 4)).toEqual([[10, 0.157956], [20, 0.157956], [68, -0.157956], [74, 0.126365]]);
  });

  it('embeds many texts as it embeds each', async () => {
    const texts = ['pricing please', 'book a call', 'unsubscribe me'];
    expect(await embedder.embedMany(texts)).toEqual(await Promise.all(texts.map((t) => embedder.embed(t))));
  });

  it('puts texts about the same thing closer than texts about different things', async () => {
    const [pricing, prices, meeting, unsubscribe] = await embedder.embedMany([
      'What is your pricing for a website?',
      'How much do websites cost? Send me your prices.',
      'Can we schedule a meeting on Friday?',
      'Remove me from this mailing list.',
    ]);
    const close = cosineSimilarity(pricing!, prices!);
    expect(close).toBeGreaterThan(cosineSimilarity(pricing!, meeting!));
    expect(close).toBeGreaterThan(cosineSimilarity(pricing!, unsubscribe!));
    // Case, accents and punctuation do not matter.
    expect(cosineSimilarity(await embedder.embed('Café PRICES!'), await embedder.embed('cafe prices'))).toBeCloseTo(1, 9);
  });

  it('returns the zero vector for a text without words', async () => {
    expect(norm(await embedder.embed('?! ...'))).toBe(0);
  });
});
