// Entry of the embedded database's worker thread (see startEmbeddedPostgresThread). Plain
// JavaScript, because a worker thread starts without the TypeScript loader of its parent
// (vitest, tsx): tsx's documented API imports embedded.ts from here.
import { parentPort, workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { startEmbeddedPostgres } = await tsImport('./embedded.ts', import.meta.url);
const { dataDir, loadDataDir } = workerData;
try {
  const embedded = await startEmbeddedPostgres({ dataDir, ...(loadDataDir ? { loadDataDir: new Blob([loadDataDir]) } : {}) });
  parentPort.on('message', async (message) => {
    if (message !== 'stop') return;
    await embedded.stop();
    parentPort.postMessage({ stopped: true });
  });
  parentPort.postMessage({ url: embedded.url });
} catch (error) {
  parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
