// Starts the embedded database (embedded.ts) in a worker thread of its own and hands back its
// URL. This module imports none of PGlite or Prisma: `npm start` imports it as soon as the port
// is open, so the database thread starts at once while the main thread imports the app.
import { Worker } from 'node:worker_threads';
import type { DatabaseConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { DEMO_TEMPLATE_SLUG, embeddedTemplateSource, isEmptyDataDir } from './embedded-template.js';

/** The embedded database as the app sees it when it runs in its own thread: a URL to connect to. */
export interface EmbeddedPostgresThread {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedThreadOptions {
  /** A folder for the data, or "memory://" for a throwaway database. */
  dataDir: string;
  /** Start from a data directory tarball (PGlite's dumpDataDir), e.g. a migrated template. */
  loadDataDir?: Blob;
  /** The same, as a file the thread reads itself. */
  loadDataDirFile?: string;
  /**
   * A closed PGlite data directory (embedded-template.ts) that the thread copies into an empty
   * dataDir before opening it: a plain file copy, where loading a tarball unpacks it through
   * PGlite's WebAssembly file system.
   */
  copyDataDirFrom?: string;
}

/**
 * Set by the server bundle's build (scripts/server-bundle.mjs) to the bundle's folder, which
 * then holds embedded.ts as plain JavaScript (embedded.mjs): the thread imports that instead of
 * compiling embedded.ts through tsx's loader (which starts a loader thread of its own; about
 * 1 s of CPU per start). Undefined when the sources run through tsx or vitest.
 */
declare const __PARLEY_SERVER_BUNDLE_URL__: string | undefined;
const bundledEmbeddedModule = typeof __PARLEY_SERVER_BUNDLE_URL__ === 'string' ? new URL('embedded.mjs', __PARLEY_SERVER_BUNDLE_URL__).href : undefined;

/** How long a stop may wait for the embedded database's clients to disconnect. */
const STOP_GRACE_MS = 5_000;

/**
 * The embedded database in a worker thread of its own. PGlite is WebAssembly: run on the main
 * thread, every statement it executes blocks the event loop (storing a 5 MiB email held it for
 * over a second), so here the API's thread only moves bytes over the loopback socket.
 */
export async function startEmbeddedPostgresThread(options: EmbeddedThreadOptions): Promise<EmbeddedPostgresThread> {
  const loadDataDir = options.loadDataDir ? await options.loadDataDir.arrayBuffer() : undefined;
  const worker = new Worker(new URL('./embedded-worker.mjs', import.meta.url), {
    workerData: {
      dataDir: options.dataDir,
      loadDataDir,
      loadDataDirFile: options.loadDataDirFile,
      copyDataDirFrom: options.copyDataDirFrom,
      module: bundledEmbeddedModule,
    },
    ...(loadDataDir ? { transferList: [loadDataDir] } : {}),
  });
  const first = await new Promise<{ url?: string; error?: string }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The embedded database thread exited (${code}) before it was ready.`)));
  });
  if (!first.url) {
    await worker.terminate();
    throw new Error(`The embedded database did not start: ${first.error}`);
  }
  worker.on('error', () => undefined);
  return {
    url: first.url,
    async stop() {
      const stopped = new Promise<void>((resolve) => {
        worker.once('message', () => resolve());
        worker.once('exit', () => resolve());
      });
      worker.postMessage('stop');
      // A graceful stop waits for the socket's clients to leave; one that never does (a pool
      // still connected when the database is taken away) must not hold the caller: after
      // STOP_GRACE_MS the thread is ended, which closes its sockets.
      let grace: NodeJS.Timeout | undefined;
      await Promise.race([stopped, new Promise<void>((resolve) => (grace = setTimeout(resolve, STOP_GRACE_MS)))]);
      clearTimeout(grace);
      await worker.terminate();
    },
  };
}

/**
 * Starts the embedded database in its thread. An empty data folder starts from the cached
 * template when there is one (embedded-template.ts), not from initdb: the demo-seeded one when
 * the start would seed the demo account anyway, else the migrated one.
 */
export async function startEmbeddedDatabase(
  config: Extract<DatabaseConfig, { kind: 'embedded' }>,
  options: { loadDataDir?: Blob; logger?: Logger; seedDemoAs?: string } = {},
): Promise<EmbeddedPostgresThread> {
  if (options.loadDataDir || !isEmptyDataDir(config.dataDir)) {
    return startEmbeddedPostgresThread({ dataDir: config.dataDir, ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}) });
  }
  // Already seeded when the start would seed the same account: the seed is not paid again.
  const source =
    (options.seedDemoAs === DEMO_TEMPLATE_SLUG ? await embeddedTemplateSource('demo', config.dataDir) : undefined) ??
    (await embeddedTemplateSource('migrated', config.dataDir));
  if (source) options.logger?.info({ dataDir: config.dataDir, kind: source.kind }, 'empty data folder: embedded database created from the cached template');
  else options.logger?.info({ dataDir: config.dataDir }, 'empty data folder and no cached template: creating the embedded database (initdb)');
  return startEmbeddedPostgresThread({
    dataDir: config.dataDir,
    ...(source?.directory ? { copyDataDirFrom: source.directory } : source ? { loadDataDirFile: source.file } : {}),
  });
}
