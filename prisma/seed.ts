// `npm run db:seed` (and `prisma db seed`): load the demo account into DATABASE_URL, or into
// the embedded database when it is unset. Does nothing when the demo account exists.
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { seedDemoData } from '../src/db/seed-demo.js';

const config = loadConfig();
const database = await openDatabase(config.database);
try {
  if (config.database.kind === 'embedded') await migrate(database.url);
  const existing = await database.prisma.account.findUnique({ where: { slug: config.devAccountSlug } });
  if (existing) {
    console.log(`Account "${config.devAccountSlug}" exists already; nothing seeded.`);
  } else {
    const result = await seedDemoData(database.prisma, { slug: config.devAccountSlug });
    console.log(`Seeded: ${JSON.stringify(result)}`);
  }
} finally {
  await database.close();
}
