// The embedder port: text in, unit-length vectors out. One embedder is one vector space: its
// name is stored beside each vector, and queries only ever compare vectors of the same name.

export interface Embedder {
  /** Stored in conversation_embeddings.embedder, e.g. "offline-hash-256", "text-embedding-3-small". */
  readonly name: string;
  /** Length of every vector this embedder returns. */
  readonly dimensions: number;
  embed(text: string): Promise<number[]>;
  /** One vector per text, in order. */
  embedMany(texts: string[]): Promise<number[][]>;
}

/** Unit length, so cosine similarity is a dot product and vectors of one space compare fairly. */
export function normalize(vector: number[]): number[] {
  let sum = 0;
  for (const x of vector) sum += x * x;
  const norm = Math.sqrt(sum);
  return norm === 0 ? vector : vector.map((x) => x / norm);
}

/** Cosine similarity of two vectors of the same length (1 = same direction). */
export function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new Error(`cannot compare vectors of ${a.length} and ${b.length} dimensions`);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}
