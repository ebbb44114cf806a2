// Packages that `npm start` does not need before /ready (the OpenAI SDK without an API key,
// Postmark without a server token, ioredis without REDIS_URL, chrono-node and sanitize-html
// until the first email is read), loaded on first use instead of with the app: importing them
// all cost about 0.5 s of CPU on every start. Synchronous, through Node's require (each of them
// ships CommonJS), so the callers keep their synchronous shape.
import { createRequire } from 'node:module';

const requirePackage = createRequire(import.meta.url);

/** A getter that loads the package the first time it is called. */
export function lazyPackage<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= requirePackage(name) as T);
}

export const ioredis = lazyPackage<typeof import('ioredis')>('ioredis');
export const postmark = lazyPackage<typeof import('postmark')>('postmark');
export const aiSdk = lazyPackage<typeof import('ai')>('ai');
export const openaiProvider = lazyPackage<typeof import('@ai-sdk/openai')>('@ai-sdk/openai');
export const chronoNode = lazyPackage<typeof import('chrono-node')>('chrono-node');
export const sanitizeHtml = lazyPackage<typeof import('sanitize-html')>('sanitize-html');
