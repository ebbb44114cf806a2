// One node HTTP server for everything: GraphQL over HTTP, SSE and WebSocket (graphql-ws),
// GraphiQL, the webhooks, /health and /ready.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type App, type CreateAppOptions } from './app.js';
import type { Config } from './config.js';
import { attachGraphQLWebSocket } from './ws.js';

export interface RunningServer {
  app: App;
  server: Server;
  url: string;
  stop(): Promise<void>;
}

export async function startServer(config: Config, options: CreateAppOptions = {}): Promise<RunningServer> {
  const app = await createApp(config, options);
  const server = createServer(app.yoga);
  const websockets = attachGraphQLWebSocket(server, app, { heartbeatMs: config.wsHeartbeatMs });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${host}:${port}`;
  let stopping: Promise<void> | undefined;
  return {
    app,
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
        await app.close();
      })()),
  };
}
