// Request plumbing shared by the webhooks: basic auth, bounded body reading, JSON answers.
import { createHash, timingSafeEqual } from 'node:crypto';

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Checks HTTP basic auth in constant time (hashing both sides first makes the comparison
 * independent of the lengths too). With no credentials configured, nothing is accepted.
 */
export function basicAuthMatches(header: string | null, username?: string, password?: string): boolean {
  if (!username || !password || !header?.startsWith('Basic ')) return false;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const expected = `${username}:${password}`;
  return timingSafeEqual(digest(decoded), digest(expected));
}

export class BodyTooLargeError extends Error {}

/** Reads the body's bytes, refusing (without buffering it all) anything over maxBytes. */
export async function readBoundedBody(request: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw new BodyTooLargeError();
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new BodyTooLargeError();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}
