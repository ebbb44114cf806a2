// A Parley server for benchmarks: the real startServer, on the database the environment
// names (DATABASE_URL, or a fresh embedded one). Prints READY {url, token, pid, accountId}.
// With NODE_ENV=production there is no development token: it signs an OWNER token for the
// account PARLEY_DEV_ACCOUNT names, with the production AUTH_JWT_SECRET.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { startServer } from '../../src/server.js';

const config = loadConfig({
  ...process.env,
  PORT: '0',
  HOST: '127.0.0.1',
  // A fresh embedded data folder only when no database is named.
  ...(process.env.PARLEY_DATA_DIR || process.env.DATABASE_URL ? {} : { PARLEY_DATA_DIR: join(mkdtempSync(join(tmpdir(), 'parley-bench-')), 'data') }),
});
const running = await startServer(config);
const { services } = running.app;
let { devToken: token, devAccountId: accountId } = services;
if (!token) {
  const account = await services.prisma.account.findUniqueOrThrow({ where: { slug: config.devAccountSlug } });
  accountId = account.id;
  // Tokens must name a user who exists (src/auth/authenticate.ts): the benchmark's own owner.
  const owner = await services.prisma.user.upsert({
    where: { accountId_email: { accountId, email: 'bench@parley.local' } },
    update: { role: 'OWNER' },
    create: { accountId, email: 'bench@parley.local', name: 'Benchmark', role: 'OWNER' },
  });
  token = await services.tokens.sign({ userId: owner.id, accountId, role: 'OWNER' }, Math.min(24 * 3600, config.auth.maxTokenLifetimeSeconds));
}
console.log(`READY ${JSON.stringify({ url: running.url, token, pid: process.pid, accountId })}`);
process.once('SIGTERM', () => void running.stop().then(() => process.exit(0)));
