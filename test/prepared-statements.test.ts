// On PostgreSQL, Prisma's statements run as named prepared statements: parsed once per
// connection, not on every request. DATABASE_PREPARED_STATEMENTS=false turns that off (poolers
// that cannot keep them); the embedded database never uses them (one session, many connections).
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createStatementNamer } from '../src/db/statement-names.js';
import { createTestApp, type TestApp } from './support/app.js';

describe('statement names', () => {
  it('names the same text the same way, and different texts differently', () => {
    const name = createStatementNamer();
    const a = name({ sql: 'SELECT 1' });
    expect(a).toMatch(/^parley_[\w-]+$/);
    expect(a!.length).toBeLessThan(64); // PostgreSQL truncates identifiers at 63 bytes
    expect(name({ sql: 'SELECT 1' })).toBe(a);
    expect(name({ sql: 'SELECT 2' })).not.toBe(a);
  });

  it('runs statements unnamed past its bound, and keeps the names it gave', () => {
    const name = createStatementNamer(2);
    const first = name({ sql: 'SELECT 1' });
    name({ sql: 'SELECT 2' });
    expect(name({ sql: 'SELECT 3' })).toBeUndefined();
    expect(name({ sql: 'SELECT 1' })).toBe(first);
  });
});

let app: TestApp | undefined;
afterEach(() => app?.close());

/** The connection's prepared statements after reading conversations twice on it. */
async function preparedOnOneConnection(testApp: TestApp) {
  const { prisma, devAccountId } = testApp.services;
  // A transaction keeps every statement on one connection, the one pg_prepared_statements describes.
  return prisma.$transaction(async (tx) => {
    for (let i = 0; i < 2; i++) await tx.conversation.findMany({ where: { accountId: devAccountId }, take: 1 });
    return tx.$queryRaw<{ name: string; statement: string }[]>`SELECT name, statement FROM pg_prepared_statements`;
  });
}

const onPostgres = inject('testDatabase').kind === 'postgres';

it.runIf(onPostgres)('prepares the statements Prisma runs, by default, on PostgreSQL', async () => {
  app = await createTestApp();
  const prepared = await preparedOnOneConnection(app);
  const conversationReads = prepared.filter((p) => p.name.startsWith('parley_') && p.statement.includes('"conversations"'));
  expect(conversationReads).toHaveLength(1);
});

it.runIf(!onPostgres)('prepares nothing on the embedded database', async () => {
  app = await createTestApp();
  const prepared = await preparedOnOneConnection(app);
  expect(prepared.filter((p) => p.name.startsWith('parley_'))).toEqual([]);
});

it('keeps working after a statement fails outside a transaction (the pool replaces that connection)', async () => {
  app = await createTestApp();
  const { prisma, devAccountId } = app.services;
  for (let i = 0; i < 3; i++) {
    await expect(prisma.$queryRawUnsafe('SELECT * FROM no_such_table')).rejects.toThrow(/no_such_table/);
    expect(await prisma.$queryRaw`SELECT ${i}::int AS i`).toEqual([{ i }]);
    // A unique violation from a model query, as a duplicate would cause.
    await expect(prisma.account.create({ data: { id: devAccountId, slug: `again-${i}`, name: 'Again' } })).rejects.toMatchObject({ code: 'P2002' });
    expect(await prisma.account.count({ where: { id: devAccountId } })).toBe(1);
  }
});

it('prepares nothing with DATABASE_PREPARED_STATEMENTS=false', async () => {
  app = await createTestApp({ env: { DATABASE_PREPARED_STATEMENTS: 'false' } });
  const prepared = await preparedOnOneConnection(app);
  expect(prepared.filter((p) => p.name.startsWith('parley_'))).toEqual([]);
});
