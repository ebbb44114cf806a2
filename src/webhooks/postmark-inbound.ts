// POST /webhooks/postmark/inbound: Postmark's inbound email JSON.
// Postmark retries any non-200 for about ten hours and stops at once on a 403, so: 401 (never
// 403) for bad credentials, 400/413 for bodies it should not resend, 5xx for transient faults,
// and 200 only once the message and its job are committed. The AI work runs later, in a job.
import { idleCollector } from '../cpu/idle-gc.js';
import { readInboundEmailOffLoop } from '../cpu/pool.js';
import { INBOUND_ACTOR, receiveInboundEmail, UnroutableEmailError } from '../domain/inbound/index.js';
import { encodeParleyId } from '../schema/ids.js';
import type { AppServices } from '../services.js';
import { checkWebhookCredentials, invalidPayload, malformedJson, readBody } from './request.js';
import { json } from './http.js';

export { PostmarkInboundSchema } from './postmark-inbound-payload.js';

export async function handlePostmarkInbound(services: AppServices, request: Request, url: URL, address: string): Promise<Response> {
  const refused = await checkWebhookCredentials(services, request, address);
  if (refused) return refused;
  const raw = await readBody(services, request);
  if (raw instanceof Response) return raw;
  // A large body's garbage is collected once the process is idle after it (cpu/idle-gc.ts).
  const done = idleCollector().begin(raw.byteLength);
  try {
    return await storeInbound(services, raw, url);
  } finally {
    done();
  }
}

async function storeInbound(services: AppServices, raw: Buffer, url: URL): Promise<Response> {
  // Parsed, validated and mapped in a text-work thread; the body's bytes move there, not copied.
  const read = await readInboundEmailOffLoop(raw, {
    storeAttachmentContent: services.config.webhooks.storeAttachmentContent,
    htmlRemoteImages: services.config.htmlRemoteImages,
  });
  if ('error' in read) return read.error === 'MALFORMED_JSON' ? malformedJson() : invalidPayload(read.issues);
  try {
    const result = await receiveInboundEmail({ services, actor: INBOUND_ACTOR }, { email: read.email, accountSlug: url.searchParams.get('account') ?? undefined });
    return json(200, {
      status: result.status,
      // Global IDs, as the GraphQL API shows them: usable with node(id:) and conversation(id:).
      messageId: encodeParleyId('ConversationMessage', result.messageId),
      conversationId: encodeParleyId('Conversation', result.conversationId),
      ...(result.threadedBy ? { threadedBy: result.threadedBy } : {}),
    });
  } catch (err) {
    if (err instanceof UnroutableEmailError) return json(422, { error: err.code, message: err.message });
    services.logger.error({ err, providerMessageId: read.providerMessageId }, 'inbound email not stored; Postmark will retry');
    return json(503, { error: 'UNAVAILABLE', message: 'Not stored; retry later.' });
  }
}
