// `npm run db:migrate`: apply pending migrations to DATABASE_URL, or to the embedded database.
import { loadConfig } from '../config.js';
import { openDatabase } from './client.js';
import { migrate } from './migrate.js';

const config = loadConfig();
const database = await openDatabase(config.database);
try {
  const result = await migrate(database.url);
  console.log(`Applied ${result.applied.length} migration(s): ${result.applied.join(', ') || 'none'}; ${result.alreadyApplied.length} already applied.`);
} finally {
  await database.close();
}
