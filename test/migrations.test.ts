// The SQL migrations apply from empty on both PGlite and PostgreSQL (with or without
// pgvector), agree with the Prisma schema, and are tracked the way `prisma migrate` tracks them.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { getDatamodel } from '../src/db/pothos-types.js';
import { openDatabase } from '../src/db/client.js';
import { listMigrations, migrate, MigrationChecksumError, migrationsDir } from '../src/db/migrate.js';
import { graphql } from './gql/index.js';
import { createTestApp } from './support/app.js';
import { createEmptyDatabase } from './support/database.js';

const ServerCheck = graphql(`
  query ServerCheck { conversations(first: 1) { totalCount } }
`);

let empty: Awaited<ReturnType<typeof createEmptyDatabase>>;

// One connection at a time: the embedded PGlite serves a single client.
async function query<R extends pg.QueryResultRow>(sql: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: empty.url });
  await client.connect();
  try {
    return (await client.query<R>(sql)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  empty = await createEmptyDatabase(inject('testDatabase'));
});

afterAll(() => empty?.drop());

describe('migrations', () => {
  it('apply from empty, are recorded in _prisma_migrations with their checksum, and re-run as a no-op', async () => {
    const migrations = await listMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    const first = await migrate(empty.url);
    expect(first.applied).toEqual(migrations.map((m) => m.name));
    const again = await migrate(empty.url);
    expect(again).toEqual({ applied: [], alreadyApplied: migrations.map((m) => m.name) });

    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      'SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(migrations.map((m) => [m.name, m.checksum]));
    expect(rows.every((r) => r.finished_at instanceof Date)).toBe(true);
  });

  it('create every column the Prisma schema declares, and no others', async () => {
    const rows = await query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    const vector = (await query(`SELECT 1 FROM pg_extension WHERE extname = 'vector'`)).length === 1;
    const database = await openDatabase({ kind: 'postgres', url: empty.url, poolSize: 1 });
    try {
      for (const [model, { fields }] of Object.entries(getDatamodel().datamodel.models)) {
        // Reading a row of each model selects every scalar column Prisma knows: a missing
        // column, table or enum fails here.
        const delegate = (database.prisma as unknown as Record<string, { findFirst(): Promise<unknown> }>)[
          model.charAt(0).toLowerCase() + model.slice(1)
        ];
        await expect(delegate!.findFirst()).resolves.toBeNull();
        const scalarCount = fields.filter((f) => f.kind === 'scalar' || f.kind === 'enum').length;
        const table = { Account: 'accounts', User: 'users', Lead: 'leads', Conversation: 'conversations', AuditEntry: 'audit_entries', Job: 'jobs', EmailEvent: 'email_events', ApiKey: 'api_keys',
          ConversationMessage: 'conversation_messages', AISuggestion: 'ai_suggestions',
          ConversationEmbedding: 'conversation_embeddings', OutboundEmail: 'outbound_emails', OutboxEmail: 'outbox_emails', MessageAnalysis: 'message_analyses', InboundOriginal: 'inbound_originals', AccountSettings: 'account_settings',
          InboxSettings: 'inbox_settings', ConversationRead: 'conversation_reads', Label: 'labels', ConversationLabel: 'conversation_labels', Note: 'conversation_notes',
          EventLogHead: 'event_log_heads', EventLogEntry: 'event_log',
          EmailTemplate: 'email_templates',
          WebhookEndpoint: 'webhook_endpoints', WebhookDelivery: 'webhook_deliveries', WebhookDeliveryAttempt: 'webhook_delivery_attempts',
          SuppressedAddress: 'suppressed_addresses', ConversationMerge: 'conversation_merges' }[model];
        expect(table, `table for ${model}`).toBeDefined();
        const columns = rows.filter((r) => r.table_name === table).map((r) => r.column_name);
        // The embedding column is Unsupported("vector") in Prisma: present only with pgvector.
        const extra = model === 'ConversationEmbedding' && vector ? 1 : 0;
        expect(columns.length, `${table}: ${columns.join(', ')}`).toBe(scalarCount + extra);
      }
    } finally {
      await database.close();
    }
  });

  it('refuse a migration that was edited after it was applied', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-migrations-'));
    try {
      cpSync(migrationsDir, dir, { recursive: true });
      const [firstMigration] = await listMigrations(dir);
      const file = join(dir, firstMigration!.name, 'migration.sql');
      writeFileSync(file, `${readFileSync(file, 'utf8')}\n-- edited\n`);
      await expect(migrate(empty.url, dir)).rejects.toBeInstanceOf(MigrationChecksumError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('pgvector availability', () => {
  it('matches what the server offers, and the API works either way', async () => {
    const offered = (await query(`SELECT 1 FROM pg_available_extensions WHERE name = 'vector'`)).length === 1;
    if (inject('testDatabase').kind === 'embedded') expect(offered).toBe(true);
    const app = await createTestApp();
    try {
      expect(app.services.vectorSearchAvailable).toBe(offered);
      const embeddingColumn = await query(
        `SELECT 1 FROM information_schema.columns WHERE table_name = 'conversation_embeddings' AND column_name = 'embedding'`,
      );
      expect(embeddingColumn.length).toBe(offered ? 1 : 0);
      const result = await app.execute(ServerCheck);
      expect(result.errors).toBeUndefined();
      expect(result.data?.conversations.totalCount).toBe(0);
    } finally {
      await app.close();
    }
  });
});
