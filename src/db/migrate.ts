// Applies prisma/migrations/*/migration.sql and records them in Prisma's own
// `_prisma_migrations` table, so `prisma migrate deploy` and this runner agree on what has
// been applied and either can take over from the other.
//
// Why our own runner: Prisma 7's migrate commands need the native schema-engine binary,
// which its install downloads from Prisma's CDN (not reachable from every machine, this
// project's CI included), and Prisma 7 removed the adapter option that let migrate run
// against in-process PGlite. Applying plain SQL files in order is small enough to own.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { listMigrations, migrationsDir } from './migrations.js';

export { listMigrations, migrationsDir };

// The advisory lock key `prisma migrate` takes, so the two never run at once.
const MIGRATE_LOCK_KEY = 72707369;

export interface MigrationResult {
  applied: string[];
  alreadyApplied: string[];
}

export class MigrationChecksumError extends Error {}

const APPLIED_SQL = 'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL';

interface AppliedRow {
  migration_name: string;
  checksum: string;
}

export async function migrate(databaseUrl: string, dir = migrationsDir): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const migrations = await listMigrations(dir);
  // The usual start finds every migration applied, unchanged: one query, no lock and no DDL.
  // Anything else (a new migration, a changed one, no table yet) takes the path below.
  const upToDate = await client.query<AppliedRow>(APPLIED_SQL).then(
    ({ rows }) => {
      const applied = new Map(rows.map((r) => [r.migration_name, r.checksum]));
      return migrations.every((m) => applied.get(m.name) === m.checksum);
    },
    () => false,
  );
  if (upToDate) {
    await client.end();
    return { applied: [], alreadyApplied: migrations.map((m) => m.name) };
  }
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATE_LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const { rows } = await client.query<AppliedRow>(APPLIED_SQL);
    const applied = new Map(rows.map((r) => [r.migration_name, r.checksum]));
    const result: MigrationResult = { applied: [], alreadyApplied: [] };
    for (const migration of migrations) {
      const previous = applied.get(migration.name);
      if (previous !== undefined) {
        if (previous !== migration.checksum) {
          throw new MigrationChecksumError(
            `Migration ${migration.name} was changed after it was applied (checksum differs); add a new migration instead.`,
          );
        }
        result.alreadyApplied.push(migration.name);
        continue;
      }
      // One transaction per migration: a failing migration leaves no half-applied schema.
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
      }
      result.applied.push(migration.name);
    }
    return result;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATE_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}
