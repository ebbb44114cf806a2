// Entry of the embedded database's worker thread (see startEmbeddedPostgresThread). Plain
// JavaScript, because a worker thread starts without the TypeScript loader of its parent
// (vitest, tsx): from the server bundle it imports the bundle's embedded.mjs; from the sources,
// tsx's documented API imports embedded.ts (tsx is loaded only then).
import { cpSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';

const { dataDir, loadDataDir, loadDataDirFile, copyDataDirFrom, module } = workerData;
try {
  const { startEmbeddedPostgres } = module
    ? await import(module)
    : await (await import('tsx/esm/api')).tsImport('./embedded.ts', import.meta.url);
  // A closed data directory (the cached template) copied into the empty folder opens like a restart.
  if (copyDataDirFrom) cpSync(copyDataDirFrom, dataDir, { recursive: true });
  const tarball = loadDataDir ?? (loadDataDirFile ? await readFile(loadDataDirFile) : undefined);
  const embedded = await startEmbeddedPostgres({ dataDir, ...(tarball ? { loadDataDir: new Blob([tarball]) } : {}) });
  parentPort.on('message', async (message) => {
    if (message !== 'stop') return;
    await embedded.stop();
    parentPort.postMessage({ stopped: true });
  });
  parentPort.postMessage({ url: embedded.url });
} catch (error) {
  parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
