// POST /webhooks/postmark/events: Postmark's delivery, bounce, spam complaint, open, click
// and subscription-change webhooks. Events about messages we don't know are acknowledged
// (and logged), so Postmark does not retry them for hours.
import { z } from 'zod';
import { DELIVERY_EVENTS_ACTOR, recordDeliveryEvent, type DeliveryEvent } from '../domain/inbound/index.js';
import { encodeParleyId } from '../schema/ids.js';
import { compressOriginal } from '../email/originals.js';
import type { AppServices } from '../services.js';
import { messageIdHeaderFor } from '../email/postmark.js';
import { METADATA_KEYS } from '../email/sender.js';
import { json } from './http.js';
import { checkWebhookCredentials, readJsonBody } from './request.js';

const Metadata = z.record(z.string(), z.string()).optional();
const Time = z.iso.datetime({ offset: true });
const base = { MessageID: z.string().min(1, 'is required'), Metadata };

export const PostmarkEventSchema = z.discriminatedUnion('RecordType', [
  z.object({ RecordType: z.literal('Delivery'), DeliveredAt: Time, ...base }),
  z.object({
    RecordType: z.literal('Bounce'),
    ID: z.union([z.number(), z.string()]),
    Type: z.string(),
    Description: z.string().default(''),
    Inactive: z.boolean().default(false),
    BouncedAt: Time,
    ...base,
  }),
  z.object({ RecordType: z.literal('SpamComplaint'), BouncedAt: Time, ...base }),
  z.object({ RecordType: z.literal('Open'), ReceivedAt: Time, ...base }),
  z.object({ RecordType: z.literal('Click'), ReceivedAt: Time, OriginalLink: z.string().min(1), ...base }),
  z.object({
    RecordType: z.literal('SubscriptionChange'),
    ChangedAt: Time,
    SuppressSending: z.boolean(),
    SuppressionReason: z.string().nullish(),
    ...base,
  }),
]);

type PostmarkEvent = z.infer<typeof PostmarkEventSchema>;

function toDeliveryEvent(e: PostmarkEvent): DeliveryEvent {
  const common = {
    providerMessageId: e.MessageID,
    parleyMessageId: e.Metadata?.[METADATA_KEYS.messageId] ?? e.Metadata?.parleyMessageId,
    parleyAccountId: e.Metadata?.[METADATA_KEYS.accountId],
    messageIdHeader: messageIdHeaderFor(e.MessageID),
    raw: e as unknown as Record<string, string>,
  };
  switch (e.RecordType) {
    case 'Delivery':
      return { ...common, kind: 'Delivery', occurredAt: new Date(e.DeliveredAt) };
    case 'Bounce':
      return {
        ...common,
        kind: 'Bounce',
        occurredAt: new Date(e.BouncedAt),
        discriminator: String(e.ID),
        bounceType: e.Type,
        description: e.Description,
        inactive: e.Inactive,
      };
    case 'SpamComplaint':
      return { ...common, kind: 'SpamComplaint', occurredAt: new Date(e.BouncedAt) };
    case 'Open':
      return { ...common, kind: 'Open', occurredAt: new Date(e.ReceivedAt) };
    case 'Click':
      return { ...common, kind: 'Click', occurredAt: new Date(e.ReceivedAt), discriminator: e.OriginalLink, link: e.OriginalLink };
    case 'SubscriptionChange':
      return {
        ...common,
        kind: 'SubscriptionChange',
        occurredAt: new Date(e.ChangedAt),
        suppressSending: e.SuppressSending,
        reason: e.SuppressionReason ?? undefined,
      };
  }
}

const KNOWN = new Set(['Delivery', 'Bounce', 'SpamComplaint', 'Open', 'Click', 'SubscriptionChange']);

export async function handlePostmarkEvent(services: AppServices, request: Request, _url: URL, address: string): Promise<Response> {
  const refused = await checkWebhookCredentials(services, request, address);
  if (refused) return refused;
  const read = await readJsonBody(services, request, z.unknown());
  if (read instanceof Response) return read;
  const body = read.data;
  const recordType = (body as { RecordType?: unknown } | null)?.RecordType;
  if (typeof recordType === 'string' && !KNOWN.has(recordType)) {
    services.logger.info({ recordType }, 'ignored a Postmark event of a kind Parley does not track');
    return json(200, { status: 'ignored' });
  }
  const parsed = PostmarkEventSchema.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message }));
    return json(400, { error: 'INVALID_PAYLOAD', message: `Invalid event: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, issues });
  }
  try {
    const result = await recordDeliveryEvent({ services, actor: DELIVERY_EVENTS_ACTOR }, { ...toDeliveryEvent(parsed.data), original: await compressOriginal(read.raw) });
    if (result.status === 'unknown-message') {
      services.logger.info({ providerMessageId: parsed.data.MessageID, recordType }, 'Postmark event for an unknown message');
    }
    // The message as a global ID, as the GraphQL API shows it.
    return json(200, { ...result, ...(result.messageId ? { messageId: encodeParleyId('ConversationMessage', result.messageId) } : {}) });
  } catch (err) {
    services.logger.error({ err, providerMessageId: parsed.data.MessageID }, 'delivery event not recorded; Postmark will retry');
    return json(503, { error: 'UNAVAILABLE', message: 'Not recorded; retry later.' });
  }
}
