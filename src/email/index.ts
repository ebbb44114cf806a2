// Chooses the email sender from the config: Postmark when a server token is set, otherwise
// the local outbox.
import type { Config } from '../config.js';
import type { PrismaClient } from '../db/client.js';
import type { Logger } from '../logger.js';
import { OutboxSender } from './outbox.js';
import { PostmarkSender } from './postmark.js';
import type { EmailSender } from './sender.js';

export function createEmailSender(
  config: Config['email'],
  deps: { prisma: PrismaClient; logger: Logger; requestTimeoutMs: number },
): EmailSender {
  if (config.postmarkServerToken) {
    return new PostmarkSender({
      serverToken: config.postmarkServerToken,
      apiUrl: config.postmarkApiUrl,
      timeoutMs: deps.requestTimeoutMs,
    });
  }
  return new OutboxSender(deps.prisma, deps.logger);
}
