// The exact bytes of what Postmark posted, kept beside the normalised rows so that nothing a
// lead sent is lost: NUL bytes, unpaired surrogates, invalid UTF-8 and attachment content all
// survive here, whatever the text columns had to replace. Compression and hashing run on
// libuv's thread pool (zlib, WebCrypto), not on the event loop.
import { promisify } from 'node:util';
import { gunzip as gunzipCallback, gzip as gzipCallback, constants } from 'node:zlib';

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
 * The largest part of a compressed original written in one statement. A 37 MiB statement took
 * longer than the 15 s statement timeout with three large emails at once on PostgreSQL, and
 * PGlite takes in large messages slowly; 1 MiB statements stay quick on both.
 */
export const ORIGINAL_PART_BYTES = 1024 * 1024;

/** The original's parts, joined: the gzip of the body, or null unless every part is there. */
export function joinOriginalParts(rows: { part: number; parts: number; content: Uint8Array }[]): Buffer | null {
  const sorted = [...rows].sort((a, b) => a.part - b.part);
  if (sorted.length === 0 || sorted.length !== sorted[0]!.parts || sorted.some((row, i) => row.part !== i)) return null;
  return Buffer.concat(sorted.map((row) => row.content));
}
