// A Parley server for benchmarks: the real startServer, on the database the environment
// names (DATABASE_URL, or a fresh embedded one). Prints READY {url, token, pid}.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { startServer } from '../../src/server.js';

const config = loadConfig({
  ...process.env,
  PORT: '0',
  HOST: '127.0.0.1',
  PARLEY_DATA_DIR: process.env.PARLEY_DATA_DIR ?? join(mkdtempSync(join(tmpdir(), 'parley-bench-')), 'data'),
});
const running = await startServer(config);
console.log(`READY ${JSON.stringify({ url: running.url, token: running.app.services.devToken, pid: process.pid, accountId: running.app.services.devAccountId })}`);
process.once('SIGTERM', () => void running.stop().then(() => process.exit(0)));
