// Owners manage the account's outbound webhook endpoints: create (the signing secret shown
// once), update (which also re-enables a disabled endpoint), delete, and re-send a delivery.
import { randomBytes, randomUUID } from 'node:crypto';
import { newWebhookSecret } from '../../outbound-webhooks/sender.js';
import { webhookDeliveryJob } from '../../jobs/definitions.js';
import { enqueue } from '../../jobs/queue.js';
import { recordAudit } from '../audit.js';
import { InvalidStateError, NotFoundError, ValidationError } from '../errors.js';
import type { DomainContext } from '../use-case-context.js';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from './events.js';

/** Endpoints one account may have. */
export const WEBHOOK_ENDPOINTS_MAX = 20;

function checkedUrl(ctx: DomainContext, url: string): string {
  const trimmed = url.trim();
  const problem = ctx.services.webhookSender.checkUrl(trimmed);
  if (problem) throw ValidationError.fromIssues([{ path: ['input', 'url'], message: problem }]);
  // The parsed form: odd bytes (NUL, lone surrogates) are percent-encoded, so it can be stored.
  return new URL(trimmed).href;
}

function checkedEvents(events: readonly string[]): WebhookEventType[] {
  const unique = [...new Set(events)];
  if (unique.length === 0) throw ValidationError.fromIssues([{ path: ['input', 'events'], message: 'name at least one event type' }]);
  const unknown = unique.filter((e) => !(WEBHOOK_EVENT_TYPES as readonly string[]).includes(e));
  if (unknown.length > 0) throw ValidationError.fromIssues([{ path: ['input', 'events'], message: `unknown event types: ${unknown.join(', ')}` }]);
  return unique as WebhookEventType[];
}

export async function createWebhookEndpoint(
  ctx: DomainContext,
  input: { url: string; events: readonly string[] },
): Promise<{ endpointId: string; secret: string }> {
  const { db, viewer } = ctx;
  const url = checkedUrl(ctx, input.url);
  const events = checkedEvents(input.events);
  const id = randomUUID();
  const secret = newWebhookSecret(randomBytes);
  await db.$transaction(async (tx) => {
    if ((await tx.webhookEndpoint.count()) >= WEBHOOK_ENDPOINTS_MAX) {
      throw ValidationError.fromIssues([{ path: ['input'], message: `an account may have at most ${WEBHOOK_ENDPOINTS_MAX} webhook endpoints` }]);
    }
    await tx.webhookEndpoint.create({ data: { id, accountId: viewer.accountId, url, events, secret }, select: { id: true } });
    await recordAudit(tx, viewer, { action: 'webhook_endpoint.created', entityType: 'WebhookEndpoint', entityId: id, toStatus: 'ENABLED', details: { url, events } });
  });
  return { endpointId: id, secret };
}

/** Changes what is given; any update of a disabled endpoint enables it again (a fresh start). */
export async function updateWebhookEndpoint(
  ctx: DomainContext,
  input: { endpointId: string; url?: string | null; events?: readonly string[] | null; enabled?: boolean | null },
): Promise<{ endpointId: string }> {
  const { db, viewer } = ctx;
  const url = input.url == null ? undefined : checkedUrl(ctx, input.url);
  const events = input.events == null ? undefined : checkedEvents(input.events);
  await db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findUnique({ where: { id: input.endpointId } });
    if (!endpoint) throw new NotFoundError('WebhookEndpoint', input.endpointId);
    const enabled = input.enabled ?? true;
    await tx.webhookEndpoint.update({
      where: { id: endpoint.id },
      data: {
        ...(url ? { url } : {}),
        ...(events ? { events } : {}),
        enabled,
        ...(enabled ? { disabledAt: null, disabledReason: null, consecutiveFailures: 0, failingSince: null } : endpoint.enabled ? { disabledAt: ctx.services.now(), disabledReason: 'Disabled by an owner.' } : {}),
      },
    });
    await recordAudit(tx, viewer, {
      action: 'webhook_endpoint.updated',
      entityType: 'WebhookEndpoint',
      entityId: endpoint.id,
      fromStatus: endpoint.enabled ? 'ENABLED' : 'DISABLED',
      toStatus: enabled ? 'ENABLED' : 'DISABLED',
      details: { ...(url ? { url } : {}), ...(events ? { events } : {}) },
    });
  });
  return { endpointId: input.endpointId };
}

export async function deleteWebhookEndpoint(ctx: DomainContext, input: { endpointId: string }): Promise<{ endpointId: string }> {
  const { db, viewer } = ctx;
  await db.$transaction(async (tx) => {
    const { count } = await tx.webhookEndpoint.deleteMany({ where: { id: input.endpointId } });
    if (count === 0) throw new NotFoundError('WebhookEndpoint', input.endpointId);
    await recordAudit(tx, viewer, { action: 'webhook_endpoint.deleted', entityType: 'WebhookEndpoint', entityId: input.endpointId, toStatus: 'DELETED' });
  });
  return { endpointId: input.endpointId };
}

/**
 * Sends a delivery's event to its endpoint again, as a new delivery with the same webhook-id
 * (a receiver that handled it already can recognise it), through the queue like any other.
 */
export async function resendWebhookDelivery(ctx: DomainContext, input: { deliveryId: string }): Promise<{ deliveryId: string }> {
  const { db, viewer, services } = ctx;
  const id = randomUUID();
  await db.$transaction(async (tx) => {
    const original = await tx.webhookDelivery.findUnique({ where: { id: input.deliveryId } });
    if (!original) throw new NotFoundError('WebhookDelivery', input.deliveryId);
    const endpoint = await tx.webhookEndpoint.findUnique({ where: { id: original.endpointId }, select: { enabled: true } });
    if (!endpoint?.enabled) throw new InvalidStateError('The endpoint is disabled; enable it (updateWebhookEndpoint) first.', 'DISABLED');
    await tx.webhookDelivery.create({
      data: { id, accountId: viewer.accountId, endpointId: original.endpointId, eventId: original.eventId, eventType: original.eventType, payload: original.payload, resentFromId: original.id },
      select: { id: true },
    });
    await enqueue(tx, webhookDeliveryJob, { accountId: viewer.accountId, payload: { deliveryId: id }, dedupeKey: `webhook-delivery:${id}` });
    await recordAudit(tx, viewer, { action: 'webhook_delivery.resent', entityType: 'WebhookDelivery', entityId: id, toStatus: 'PENDING', details: { resentFromId: original.id } });
  });
  services.jobs.wake();
  return { deliveryId: id };
}
