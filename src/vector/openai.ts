// OpenAI embeddings (text-embedding-3-small by default) through the AI SDK, against OpenAI or
// any OpenAI-compatible server (OPENAI_BASE_URL).
import { aiSdk, openaiProvider } from '../lazy-package.js';
import type { Config } from '../config.js';
import type { Embedder } from './embedder.js';
import { normalize } from './embedder.js';

const KNOWN_DIMENSIONS: Record<string, number> = {
  'text-embedding-3-small': 1536,
  'text-embedding-3-large': 3072,
  'text-embedding-ada-002': 1536,
};

/** Vectors of a model we don't know are taken to be 1536 long, and checked on every answer. */
export const DEFAULT_OPENAI_DIMENSIONS = 1536;

export class EmbeddingDimensionError extends Error {}

export function createOpenAIEmbedder(ai: Config['ai'] & { openaiApiKey: string }): Embedder {
  const { embed, embedMany } = aiSdk();
  const provider = openaiProvider().createOpenAI({ apiKey: ai.openaiApiKey, baseURL: ai.openaiBaseUrl });
  const model = provider.embedding(ai.embeddingModel);
  const dimensions = KNOWN_DIMENSIONS[ai.embeddingModel] ?? DEFAULT_OPENAI_DIMENSIONS;
  const options = () => ({ maxRetries: ai.maxRetries, abortSignal: AbortSignal.timeout(ai.timeoutMs) });
  // A vector of another length would land in the wrong space (and fail the index cast).
  const checked = (vector: number[]) => {
    if (vector.length !== dimensions) {
      throw new EmbeddingDimensionError(
        `${ai.embeddingModel} returned ${vector.length} dimensions, expected ${dimensions}`,
      );
    }
    return normalize(vector);
  };
  return {
    name: ai.embeddingModel,
    dimensions,
    async embed(text) {
      const { embedding } = await embed({ model, value: text, ...options() });
      return checked(embedding);
    },
    async embedMany(texts) {
      if (texts.length === 0) return [];
      const { embeddings } = await embedMany({ model, values: texts, ...options() });
      return embeddings.map(checked);
    },
  };
}
