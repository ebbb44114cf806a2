// What the email provider tells us after sending: delivered, bounced, complained, opened,
// clicked, unsubscribed. Each event is stored once and folded into the message's counters;
// the ones that mean "never email again" mark the lead do-not-contact.
import { Prisma } from '../../db/client.js';
import type { DeliveryEventKind } from '../../events/bus.js';
import { inTransaction, markLeadDoNotContact } from '../transitions.js';
import { settleSentByProviderEvent } from '../sending/settle.js';
import { systemContext, type UnscopedContext } from '../use-case-context.js';
import type { CompressedOriginal } from '../../email/originals.js';

interface EventBase {
  providerMessageId: string;
  /** Our outbound message id, when the provider echoes the Metadata we sent. */
  parleyMessageId?: string;
  /** Our account id, when the provider echoes the Metadata we sent: must agree with the message's. */
  parleyAccountId?: string;
  /** The Message-ID header the provider gave the email (it derives it from its own id). */
  messageIdHeader?: string;
  occurredAt: Date;
  /** Distinguishes events of the same kind and time (bounce id, clicked link). */
  discriminator?: string;
  raw: Prisma.InputJsonValue;
  /** The exact body the provider posted, compressed. */
  original?: CompressedOriginal;
}

export type DeliveryEvent = EventBase &
  (
    | { kind: 'Delivery' }
    | { kind: 'Bounce'; bounceType: string; description: string; inactive: boolean }
    | { kind: 'SpamComplaint' }
    | { kind: 'Open' }
    | { kind: 'Click'; link: string }
    | { kind: 'SubscriptionChange'; suppressSending: boolean; reason?: string }
  );

export interface DeliveryEventResult {
  status: 'recorded' | 'duplicate' | 'unknown-message';
  messageId?: string;
  leadBlocked?: boolean;
}

/** Bounce types after which the address must not be mailed again. */
const BLOCKING_BOUNCES = new Set(['HardBounce', 'BadEmailAddress', 'ManuallyDeactivated', 'SpamComplaint', 'Unsubscribe', 'Blocked']);
/** Bounce records that are not about a failed delivery of this message. */
const NOT_A_BOUNCE = new Set(['Transient', 'AutoResponder', 'Subscribe', 'AddressChange', 'OpenRelayTest', 'ChallengeVerification']);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Who records provider events, in the audit trail. */
export const DELIVERY_EVENTS_ACTOR = 'system:postmark-events';

export async function recordDeliveryEvent({ services, actor }: UnscopedContext, event: DeliveryEvent): Promise<DeliveryEventResult> {
  const message = await services.prisma.conversationMessage.findFirst({
    where: {
      direction: 'OUTBOUND',
      OR: [
        { providerMessageId: event.providerMessageId },
        ...(event.parleyMessageId && UUID.test(event.parleyMessageId) ? [{ id: event.parleyMessageId }] : []),
      ],
    },
    select: { id: true, accountId: true, conversationId: true, deliveryStatus: true, providerMessageId: true, conversation: { select: { leadId: true } } },
  });
  if (!message) return { status: 'unknown-message' };
  if (event.parleyAccountId && event.parleyAccountId !== message.accountId) {
    // The echoed metadata names another account than the message it names: not ours to apply.
    services.logger.warn({ providerMessageId: event.providerMessageId, messageId: message.id }, 'provider event metadata names another account; ignored');
    return { status: 'unknown-message' };
  }

  const { accountId } = message;
  const ctx = systemContext(services, accountId, actor);
  // An event about an email we still hold as QUEUED or UNCERTAIN (the send's answer was lost)
  // proves the provider took it: settle it as SENT first, so the event then applies as it
  // would to any sent email. Only when it was found by our own id in the metadata we sent and
  // has no provider id yet: an email settled under another provider id is not this one.
  if ((message.deliveryStatus === 'QUEUED' || message.deliveryStatus === 'UNCERTAIN') && message.providerMessageId === null) {
    await settleSentByProviderEvent(ctx, {
      messageId: message.id,
      event: {
        kind: event.kind,
        providerMessageId: event.providerMessageId,
        messageIdHeader: event.messageIdHeader ?? `<${event.providerMessageId}>`,
        occurredAt: event.occurredAt,
      },
    });
  }
  const { viewer } = ctx;
  const occurredAt = event.occurredAt;
  const dedupeKey = [event.providerMessageId, event.kind, occurredAt.toISOString(), event.discriminator ?? ''].join('|');

  return inTransaction(ctx, async (tx, events): Promise<DeliveryEventResult> => {
    const { count } = await tx.emailEvent.createMany({
      data: [{ accountId, messageId: message.id, recordType: event.kind, occurredAt, dedupeKey, payload: event.raw, originalPayload: event.original?.content ?? null }],
      skipDuplicates: true,
    });
    if (count === 0) return { status: 'duplicate', messageId: message.id };

    let blockReason: string | undefined;
    // What subscribers are told: one event per provider event that changed something.
    let announce: { kind: DeliveryEventKind; link?: string; detail?: string } | undefined;
    switch (event.kind) {
      case 'Delivery': {
        const delivered = await tx.conversationMessage.updateMany({
          where: { id: message.id, deliveryStatus: { in: ['QUEUED', 'SENT'] } },
          data: { deliveryStatus: 'DELIVERED', deliveredAt: occurredAt },
        });
        if (delivered.count > 0) announce = { kind: 'DELIVERED' };
        break;
      }
      case 'Bounce':
        if (!NOT_A_BOUNCE.has(event.bounceType)) {
          announce = { kind: 'BOUNCED', detail: event.bounceType };
          await tx.conversationMessage.update({
            where: { id: message.id },
            data: { deliveryStatus: 'BOUNCED', errorCode: event.bounceType, errorMessage: event.description },
          });
        }
        if (BLOCKING_BOUNCES.has(event.bounceType) || event.inactive) blockReason = `bounce:${event.bounceType}`;
        break;
      case 'SpamComplaint':
        await tx.conversationMessage.update({
          where: { id: message.id },
          data: { errorCode: 'SpamComplaint', errorMessage: 'The recipient marked this email as spam.' },
        });
        blockReason = 'spam-complaint';
        announce = { kind: 'SPAM_COMPLAINT' };
        break;
      case 'Open':
        // Counters and first-times in one statement each, so concurrent events don't lose counts.
        await tx.$executeRaw`
          UPDATE conversation_messages
          SET open_count = open_count + 1,
              first_opened_at = LEAST(COALESCE(first_opened_at, ${occurredAt}), ${occurredAt})
          WHERE id = ${message.id}::uuid AND account_id = ${accountId}::uuid`;
        announce = { kind: 'OPENED' };
        break;
      case 'Click':
        await tx.$executeRaw`
          UPDATE conversation_messages
          SET click_count = click_count + 1,
              first_clicked_at = LEAST(COALESCE(first_clicked_at, ${occurredAt}), ${occurredAt}),
              clicked_links = CASE WHEN ${event.link} = ANY(clicked_links) THEN clicked_links
                                   ELSE array_append(clicked_links, ${event.link}) END
          WHERE id = ${message.id}::uuid AND account_id = ${accountId}::uuid`;
        announce = { kind: 'CLICKED', link: event.link };
        break;
      case 'SubscriptionChange':
        if (event.suppressSending) {
          blockReason = `suppressed:${event.reason ?? 'unknown'}`;
          announce = { kind: 'UNSUBSCRIBED', detail: event.reason };
        }
        break;
    }

    let leadBlocked = false;
    if (blockReason) {
      const leadId = message.conversation.leadId;
      leadBlocked = await markLeadDoNotContact(tx, viewer, { id: leadId, details: { reason: blockReason, messageId: message.id } });
    }
    // A bounce that is not about this delivery can still block the lead (an inactive address).
    if (!announce && leadBlocked && event.kind === 'Bounce') announce = { kind: 'BOUNCED', detail: event.bounceType };
    if (announce) {
      events.publish({
        type: 'DELIVERY',
        accountId,
        conversationId: message.conversationId,
        at: occurredAt.toISOString(),
        messageId: message.id,
        kind: announce.kind,
        leadBlocked,
        link: announce.link ?? null,
        detail: announce.detail ?? null,
      });
    }
    return { status: 'recorded', messageId: message.id, leadBlocked };
  });
}
