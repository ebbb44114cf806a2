// `npm start`: load config, start the server, print where to go, stop gracefully on SIGTERM/SIGINT.
import { startBanner } from './banner.js';
import { loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { startServer } from './server.js';

const startedAt = performance.now();
const config = loadConfig();
const logger = createLogger(config.logLevel);

try {
  const running = await startServer(config, {
    logger,
    onListening: (url) => logger.info({ url }, 'port open: /health answers; /ready once the database and workers are up'),
  });
  const { devToken, devAccountId } = running.app.services;
  const readyMs = performance.now() - startedAt;
  logger.info(
    {
      url: running.url,
      graphiql: `${running.url}/graphql`,
      database: config.database.kind,
      readyMs: Math.round(readyMs),
      ...(devToken ? { account: config.devAccountSlug, accountId: devAccountId, token: devToken } : {}),
    },
    `Parley is ready: open ${running.url}/graphql`,
  );
  // Plain text on stderr, apart from the JSON log lines on stdout: for the person at the terminal.
  if (config.logLevel !== 'silent') process.stderr.write(`${startBanner({ url: running.url, config, devToken, readyMs })}\n`);
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    running.stop().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
} catch (err) {
  logger.fatal({ err }, 'Parley failed to start');
  process.exit(1);
}
