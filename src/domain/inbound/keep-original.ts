// Keeps an inbound email's original bytes (compressed by src/email/originals.ts) beside the
// normalised rows, so that nothing a lead sent is lost.
import { Prisma, type Database } from '../../db/client.js';
import { ORIGINAL_PART_BYTES, type CompressedOriginal } from '../../email/originals.js';

/**
 * Stores an inbound email's original once per (account, provider message id), part by part,
 * each part its own statement: a retry of the same email finds the parts there and changes
 * nothing. Outside any transaction, so no lock is held while megabytes travel. Through pg
 * directly (Database.queryLarge), which sends the bytes as a binary parameter: Prisma
 * JSON-encoded and decoded each part as base64 on the event loop, the longest stretch left
 * while a 5 MiB email was stored (issue 13).
 */
export async function keepInboundOriginal(
  database: Pick<Database, 'queryLarge'>,
  accountId: string,
  providerMessageId: string,
  original: CompressedOriginal,
): Promise<void> {
  const parts = Math.max(1, Math.ceil(original.content.byteLength / ORIGINAL_PART_BYTES));
  for (let part = 0; part < parts; part++) {
    const content = original.content.subarray(part * ORIGINAL_PART_BYTES, (part + 1) * ORIGINAL_PART_BYTES);
    await database.queryLarge(Prisma.sql`
      INSERT INTO inbound_originals (id, account_id, provider_message_id, part, parts, content_encoding, content, size_bytes, sha256)
      VALUES (gen_random_uuid(), ${accountId}::uuid, ${providerMessageId}, ${part}, ${parts}, 'gzip', ${content}, ${original.sizeBytes}, ${original.sha256})
      ON CONFLICT (account_id, provider_message_id, part) DO NOTHING`);
  }
}

