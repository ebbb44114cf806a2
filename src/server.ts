// One node HTTP server for everything: GraphQL over HTTP, SSE and WebSocket (graphql-ws),
// GraphiQL, the webhooks, /health, /ready and /metrics.
//
// The port opens first, so /health (liveness) answers while the app starts; /ready and every
// other path answer 503 with Retry-After until migrations, the demo seed and the job worker
// are up. Then the app's Yoga handler takes over.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App, CreateAppOptions } from './app.js';
import type { Config } from './config.js';
import type { EmbeddedPostgresThread } from './db/embedded-thread.js';

export interface RunningServer {
  app: App;
  server: Server;
  url: string;
  stop(): Promise<void>;
}

export interface StartServerOptions extends CreateAppOptions {
  /** Called once the port is open, before the app is built (awaited: tests look at the starting server). */
  onListening?: (url: string) => void | Promise<void>;
}

const STARTING_RETRY_AFTER_SECONDS = 1;

function answerWhileStarting(request: IncomingMessage, response: ServerResponse): void {
  const path = (request.url ?? '/').split('?')[0];
  if (path === '/health') {
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"starting"}');
    return;
  }
  response
    .writeHead(503, { 'content-type': 'application/json', 'retry-after': String(STARTING_RETRY_AFTER_SECONDS) })
    .end(JSON.stringify({ errors: [{ message: 'Parley is starting; try again in a moment.', extensions: { code: 'STARTING' } }] }));
}

export async function startServer(config: Config, options: StartServerOptions = {}): Promise<RunningServer> {
  let app: App | undefined;
  const server = createServer((request, response) => {
    if (app) app.handle(request, response);
    else answerWhileStarting(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${host}:${port}`;
  let earlyDatabase: Promise<EmbeddedPostgresThread> | undefined;
  let databaseHandedOver = false;
  let wsModule: Promise<typeof import('./ws.js')> | undefined;
  try {
    await options.onListening?.(url);
    // The embedded database starts in its own thread while this one imports the app: on two
    // cores the two overlap instead of adding up (about 1 s of a restart, 3 s of a first start).
    if (config.database.kind === 'embedded' && !options.embedded) {
      const { startEmbeddedDatabase } = await import('./db/embedded-thread.js');
      earlyDatabase = startEmbeddedDatabase(config.database, { ...options, ...(config.seedOnStart ? { seedDemoAs: config.devAccountSlug } : {}) });
      // Awaited below; a failed import must not leave its rejection unhandled meanwhile.
      earlyDatabase.catch(() => undefined);
    }
    // Loaded after the port opens: the schema, Prisma and the rest take a while to import,
    // and /health should answer meanwhile.
    // The WebSocket module too, meanwhile (it used to be imported after the app was built).
    wsModule = import('./ws.js');
    wsModule.catch(() => undefined);
    const { createApp } = await import('./app.js');
    const embedded = await earlyDatabase;
    databaseHandedOver = true;
    app = await createApp(config, { ...options, ...(embedded ? { embedded } : {}) });
  } catch (error) {
    // createApp stops the database it was given when it fails; one it never got is stopped here.
    if (earlyDatabase && !databaseHandedOver) await earlyDatabase.then((database) => database.stop()).catch(() => undefined);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    throw error;
  }
  const ready = app;
  const { attachGraphQLWebSocket } = await (wsModule ?? import('./ws.js'));
  const websockets = attachGraphQLWebSocket(server, ready, { heartbeatMs: config.wsHeartbeatMs });
  let stopping: Promise<void> | undefined;
  return {
    app: ready,
    server,
    url,
    // Graceful: stop accepting, let in-flight requests finish (up to the timeout), then
    // close idle keep-alive sockets and the database.
    stop: () =>
      (stopping ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        await websockets.close();
        server.closeIdleConnections();
        const timeout = setTimeout(() => server.closeAllConnections(), config.shutdownTimeoutMs);
        await closed;
        clearTimeout(timeout);
        await ready.close();
      })()),
  };
}
