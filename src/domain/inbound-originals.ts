// The exact bytes of what Postmark posted, kept beside the normalised rows so that nothing a
// lead sent is lost: NUL bytes, unpaired surrogates, invalid UTF-8 and attachment content all
// survive here, whatever the text columns had to replace. Compression and hashing run on
// libuv's thread pool (zlib, WebCrypto), not on the event loop.
import { promisify } from 'node:util';
import { gunzip as gunzipCallback, gzip as gzipCallback, constants } from 'node:zlib';
import type { PrismaClient } from '../db/client.js';

const gzip = promisify(gzipCallback);
const gunzip = promisify(gunzipCallback);

export interface CompressedOriginal {
  /** gzip of the body (a Buffer, which owns its ArrayBuffer: zlib's output is never shared memory). */
  content: Uint8Array<ArrayBuffer>;
  sizeBytes: number;
  /** SHA-256 of the body, hex. */
  sha256: string;
}

/**
 * Gzip at a fast level: the body is mostly base64 attachments and text, where higher levels
 * save a few percent for several times the CPU.
 */
export async function compressOriginal(body: Buffer): Promise<CompressedOriginal> {
  const [content, digest] = await Promise.all([
    gzip(body, { level: constants.Z_BEST_SPEED + 2 }) as Promise<Buffer<ArrayBuffer>>,
    crypto.subtle.digest('SHA-256', body as Uint8Array<ArrayBuffer>),
  ]);
  return { content, sizeBytes: body.byteLength, sha256: Buffer.from(digest).toString('hex') };
}

export const decompressOriginal = (content: Uint8Array): Promise<Buffer> => gunzip(content);

/**
 * Stores an inbound email's original once per (account, provider message id), in a statement
 * of its own: a retry of the same email finds it there and changes nothing.
 */
export async function keepInboundOriginal(
  prisma: PrismaClient,
  accountId: string,
  providerMessageId: string,
  original: CompressedOriginal,
): Promise<void> {
  await prisma.$executeRaw`
    INSERT INTO inbound_originals (id, account_id, provider_message_id, content_encoding, content, size_bytes, sha256)
    VALUES (gen_random_uuid(), ${accountId}::uuid, ${providerMessageId}, 'gzip', ${original.content}, ${original.sizeBytes}, ${original.sha256})
    ON CONFLICT (account_id, provider_message_id) DO NOTHING`;
}
