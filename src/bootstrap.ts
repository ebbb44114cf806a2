// Start-up work on the database before anything serves: migrations, the demo seed, and outside
// production the development account with its OWNER token.
import type { TokenVerifier } from './auth/tokens.js';
import type { Config } from './config.js';
import type { Database, PrismaClient } from './db/client.js';
import { migrate } from './db/migrate.js';
import { seedDemoData } from './db/seed-demo.js';
import { DEV_USER } from './dev-user.js';
import type { Logger } from './logger.js';

/** Migrates and seeds as the config asks; true when the demo data was seeded just now. */
export async function prepareDatabase(database: Database, config: Config, logger: Logger): Promise<{ seededNow: boolean }> {
  if (config.migrateOnStart) {
    const result = await migrate(database.url);
    if (result.applied.length > 0) logger.info({ applied: result.applied }, 'database migrated');
  }
  if (config.seedOnStart && (await database.prisma.account.count()) === 0) {
    const seeded = await seedDemoData(database.prisma, { slug: config.devAccountSlug });
    logger.info(seeded, 'empty database seeded with demo data');
    return { seededNow: true };
  }
  return { seededNow: false };
}

export interface DevelopmentAccess {
  accountId: string;
  userId: string;
  token: string;
}

/**
 * Outside production: the development account (the demo data's), an OWNER user in it, and a
 * token for that user, printed at start-up and pre-filled in GraphiQL.
 */
export async function ensureDevelopmentAccess(prisma: PrismaClient, tokens: TokenVerifier, slug: string, ttlSeconds: number): Promise<DevelopmentAccess> {
  const account = await prisma.account.upsert({ where: { slug }, update: {}, create: { slug, name: 'Development account' } });
  const user = await prisma.user.upsert({
    where: { accountId_email: { accountId: account.id, email: DEV_USER.email } },
    update: { role: 'OWNER' },
    create: { accountId: account.id, email: DEV_USER.email, name: DEV_USER.name, role: 'OWNER' },
  });
  const token = await tokens.sign({ userId: user.id, accountId: account.id, role: 'OWNER' }, ttlSeconds);
  return { accountId: account.id, userId: user.id, token };
}
