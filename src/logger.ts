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

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'parley' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}
