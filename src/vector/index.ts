// Picks the embedder the config asks for: OpenAI when a key is set, the offline one otherwise.
import type { Config } from '../config.js';
import type { Embedder } from './embedder.js';
import { createOfflineEmbedder } from './offline.js';
import { createOpenAIEmbedder } from './openai.js';

export type { Embedder } from './embedder.js';

export function createEmbedder(ai: Config['ai']): Embedder {
  const { openaiApiKey } = ai;
  return openaiApiKey ? createOpenAIEmbedder({ ...ai, openaiApiKey }) : createOfflineEmbedder();
}
