// Packages that `npm start` does not need before /ready, loaded on first use instead of with
// the app: the OpenAI SDK (only with an API key), Postmark (only with a server token), ioredis
// (only with REDIS_URL), and chrono-node, sanitize-html and piscina (until the first email is
// read). Importing them all cost about 0.5 s of CPU on every start. Synchronous, through Node's
// require (each ships CommonJS), so their callers keep their synchronous shape.
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
export const piscina = lazyPackage<typeof import('piscina')>('piscina');
