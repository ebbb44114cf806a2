// `npm start`: load config, start the server, print where to go, stop gracefully on SIGTERM/SIGINT.
// The process exits within SHUTDOWN_TIMEOUT_MS + 1 s of the signal whatever state it is in: a
// graceful stop that hangs (a stuck job, a dead database) is cut short, and so is one whose
// logs cannot be written because whoever read stdout is gone (a closed pipe).
import { startBanner } from './banner.js';
import { loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { startServer, type RunningServer } from './server.js';

// A closed stdout (the parent that read it exited) fails writes with EPIPE: the logs are
// lost, which must not take the server (or its shutdown) with them.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
}

const startedAt = performance.now();
const config = loadConfig();
const logger = createLogger(config.logLevel);

/** Logs that may fail (closed stdout) without stopping the caller. */
function tryLog(log: () => void) {
  try {
    log();
  } catch {
    // Nobody can read it anyway.
  }
}

let running: RunningServer | undefined;
let stopRequested: string | undefined;

function stop(signal: string) {
  tryLog(() => logger.info({ signal }, 'shutting down'));
  running!.stop().then(
    () => {
      tryLog(() => logger.info('stopped'));
      process.exit(0);
    },
    (err: unknown) => {
      tryLog(() => logger.error({ err }, 'shutdown failed'));
      process.exit(1);
    },
  );
}

// Listening from the start: a signal while the server is still starting is honoured too.
const onSignal = (signal: string) => {
  if (stopRequested) return;
  stopRequested = signal;
  // The bound comes first, before anything that could throw or hang; ref'd, so it fires.
  setTimeout(() => {
    tryLog(() => logger.error({ signal, timeoutMs: config.shutdownTimeoutMs }, 'graceful shutdown took too long; exiting'));
    process.exit(1);
  }, config.shutdownTimeoutMs + 1000);
  if (running) stop(signal);
};
process.on('SIGTERM', () => onSignal('SIGTERM'));
process.on('SIGINT', () => onSignal('SIGINT'));

try {
  running = await startServer(config, {
    logger,
    onListening: (url) => tryLog(() => logger.info({ url }, 'port open: /health answers; /ready once the database and workers are up')),
  });
  const { devToken, devAccountId } = running.app.services;
  const url = running.url;
  const readyMs = performance.now() - startedAt;
  tryLog(() =>
    logger.info(
      {
        url,
        graphiql: `${url}/graphql`,
        database: config.database.kind,
        readyMs: Math.round(readyMs),
        ...(devToken ? { account: config.devAccountSlug, accountId: devAccountId } : {}),
      },
      // The token in the message, deliberately: token fields are redacted from every log
      // (src/logger.ts), and this one line, outside production only, is how a developer gets it.
      `Parley is ready: open ${url}/graphql` +
        (devToken
          ? `; development account "${config.devAccountSlug}": GraphiQL on loopback sends this OWNER token for you; other clients send "Authorization: Bearer ${devToken}"`
          : ''),
    ),
  );
  // Plain text on stderr, apart from the JSON log lines on stdout: for the person at the terminal.
  if (config.logLevel !== 'silent') tryLog(() => process.stderr.write(`${startBanner({ url, config, devToken, readyMs })}\n`));
  if (stopRequested) stop(stopRequested);
} catch (err) {
  tryLog(() => logger.fatal({ err }, 'Parley failed to start'));
  process.exit(1);
}
