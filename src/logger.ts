// Structured logs (pino) to stdout, written so that a stdout nobody reads can never stop the
// server. pino's default destination writes synchronously, and when the pipe behind stdout
// is full (the reader stopped reading, or the process that held it went away while another
// still holds it) it busy-waits on EAGAIN: every request froze, and on exit the final flush
// could wait forever. Here writes are asynchronous, at most MAX_BUFFERED_LOG_BYTES wait in
// memory (beyond that lines are dropped: losing logs beats losing the service), and once the
// process is exiting a full pipe is given up on instead of retried.
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Never logged, whatever a log call passes: credentials (Authorization headers, tokens, API
 * keys) and email content (bodies, inbound or outbound, in our names and Postmark's).
 */
export const REDACTED_PATHS = [
  'token',
  'authorization',
  'apiKey',
  'password',
  'textBody',
  'htmlBody',
  'safeHtmlBody',
  'bodyHtml',
  'strippedText',
  'TextBody',
  'HtmlBody',
  'StrippedTextReply',
  'body',
].flatMap((key) => [key, `*.${key}`, `*.*.${key}`]).concat(['*.headers.cookie', 'req.headers.authorization', 'request.headers.authorization']);

const MAX_BUFFERED_LOG_BYTES = 8 * 1024 * 1024;

let exiting = false;
// Registered before the destination exists, so it runs before pino's own exit-time flush.
process.once('exit', () => (exiting = true));

let stdout: DestinationStream | undefined;

function stdoutDestination(): DestinationStream {
  if (stdout) return stdout;
  const destination = pino.destination({
    dest: 1,
    sync: false,
    maxLength: MAX_BUFFERED_LOG_BYTES,
    retryEAGAIN: () => !exiting,
  });
  // A write that cannot be retried (the exit-time flush into a full pipe, a closed stdout):
  // the lines are lost, the process goes on.
  destination.on('error', () => undefined);
  const flushSync = destination.flushSync.bind(destination);
  destination.flushSync = () => {
    try {
      flushSync();
    } catch {
      // Exiting with a full or closed stdout: those last lines are lost.
    }
  };
  stdout = destination;
  return destination;
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'parley' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  return pino(options, destination ?? stdoutDestination());
}
