// Where the main thread's time goes when one statement carries three 5 MiB text parameters
// (issue 13): the same INSERT through Prisma's $queryRaw and through the adapter's pg Pool,
// each measured as the worst event-loop delay (perf_hooks, 1 ms resolution) while it runs.
// Usage: npx tsx bench/raw-insert-encoding.ts [postgres url]
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, Prisma } from '../prisma/generated/client/client.js';

const url = process.argv[2] ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const pool = new pg.Pool({ connectionString: url, max: 2 });
const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
const token = randomBytes(4 * 1024 * 1024).toString('base64').slice(0, 5 * 1024 * 1024);

async function worstDelay(run: () => Promise<unknown>): Promise<number> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  await run();
  histogram.disable();
  return histogram.max / 1e6;
}

await pool.query('CREATE TEMP TABLE IF NOT EXISTS big_rows (a text, b text, c text)');
const rounds = 3;
for (let round = 0; round < rounds; round++) {
  const idle = await worstDelay(() => new Promise((resolve) => setTimeout(resolve, 300)));
  const viaPrisma = await worstDelay(() => prisma.$executeRaw(Prisma.sql`INSERT INTO big_rows VALUES (${token}, ${token + 'x'}, ${token + 'y'})`));
  const viaPool = await worstDelay(() => pool.query('INSERT INTO big_rows VALUES ($1, $2, $3)', [token, token + 'x', token + 'y']));
  console.log(`round ${round}: idle ${idle.toFixed(0)} ms, Prisma $executeRaw ${viaPrisma.toFixed(0)} ms, pg Pool ${viaPool.toFixed(0)} ms (worst event-loop delay)`);
}
await prisma.$disconnect();
