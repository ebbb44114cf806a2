// `npm start`: load config, start the server, stop gracefully on SIGTERM/SIGINT.
import { loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { startServer } from './server.js';

const config = loadConfig();
const logger = createLogger(config.logLevel);

try {
  const running = await startServer(config, { logger });
  const { devToken, devAccountId } = running.app.services;
  if (devToken) {
    // In the message, deliberately: token fields are redacted from every log (src/logger.ts),
    // and this one line, outside production only, is how a developer gets it.
    logger.info(
      { account: config.devAccountSlug, accountId: devAccountId },
      `Development account "${config.devAccountSlug}": GraphiQL on loopback sends this OWNER token for you; other clients send "Authorization: Bearer ${devToken}"`,
    );
  }
  logger.info(
    { url: running.url, graphiql: `${running.url}/graphql`, database: config.database.kind },
    `Parley is listening: open ${running.url}/graphql`,
  );
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
