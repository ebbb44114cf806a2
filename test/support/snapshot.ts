// Every row a request could write, to prove that a refused request changed nothing.
import type { PrismaClient } from '../../src/db/client.js';

/** The writable tables (by their SQL names; the Prisma models Conversation, ConversationMessage, …). */
const TABLES = [
  'conversations',
  'conversation_messages',
  'ai_suggestions',
  'leads',
  'users',
  'api_keys',
  'audit_entries',
  'jobs',
  'outbound_emails',
  'outbox_emails',
  'account_settings',
  // Team inbox (issue 18, part A)
  'labels',
  'conversation_labels',
  'conversation_reads',
  'conversation_notes',
  'inbox_settings',
  'email_templates',
  'conversation_merges',
  'suppressed_addresses',
  'webhook_endpoints',
  'webhook_deliveries',
] as const;

/**
 * All rows of the writable tables (of one account, when given), every column of each, as one
 * digest per table: two snapshots are equal exactly when no row was added, removed or changed
 * (a diff names the table). One statement: the fuzz tests take two per request, and reading
 * every row into JavaScript through 21 queries made those tests the slowest of the suite.
 */
export async function snapshotDatabase(prisma: PrismaClient, accountId?: string): Promise<string> {
  const where = accountId ? `WHERE t.account_id = $1::uuid` : '';
  const digests = TABLES.map((table) => `'${table}', (SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '') FROM ${table} t ${where})`);
  const statement = `SELECT json_build_object(${digests.join(', ')})::text AS snapshot`;
  const rows = accountId
    ? await prisma.$queryRawUnsafe<{ snapshot: string }[]>(statement, accountId)
    : await prisma.$queryRawUnsafe<{ snapshot: string }[]>(statement);
  return rows[0]!.snapshot;
}
