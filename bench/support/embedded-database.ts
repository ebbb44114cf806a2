// The embedded database (PGlite behind its loopback socket) in a process of its own, so the
// floor's database work is counted apart from the load generator's. Prints READY {url, pid}.
import { startEmbeddedPostgres } from '../../src/db/embedded.js';

const embedded = await startEmbeddedPostgres({ dataDir: process.env.PARLEY_DATA_DIR! });
console.log(`READY ${JSON.stringify({ url: embedded.url, pid: process.pid })}`);
process.once('SIGTERM', () => void embedded.stop().then(() => process.exit(0)));
