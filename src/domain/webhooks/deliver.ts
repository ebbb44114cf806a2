// One attempt at an outbound webhook delivery, run by its job: POST, log the attempt, and
// settle the delivery (SUCCEEDED, or FAILED after the last attempt). A failed attempt that
// has attempts left throws, so the job queue retries it with backoff. An endpoint whose
// deliveries keep failing (config: that many in a row, or failing for that long) is disabled.
import { recordAudit } from '../audit.js';
import type { DomainContext } from '../use-case-context.js';

export class WebhookAttemptFailedError extends Error {
  override name = 'WebhookAttemptFailedError';
}

export interface DeliverWebhookInput {
  deliveryId: string;
  /** This attempt's number, from 1. */
  attempt: number;
  /** Whether no retry follows a failure of this attempt. */
  lastAttempt: boolean;
}

export async function deliverWebhook(ctx: DomainContext, input: DeliverWebhookInput): Promise<void> {
  const { db, services, viewer } = ctx;
  const delivery = await db.webhookDelivery.findUnique({ where: { id: input.deliveryId } });
  if (!delivery || delivery.status !== 'PENDING') return;
  const endpoint = await db.webhookEndpoint.findUnique({ where: { id: delivery.endpointId } });
  if (!endpoint || !endpoint.enabled) {
    await db.webhookDelivery.updateMany({
      where: { id: delivery.id, status: 'PENDING' },
      data: { status: 'CANCELLED', lastError: 'The endpoint was disabled before this delivery was made.' },
    });
    return;
  }
  const at = services.now();
  const result = await services.webhookSender.send({ url: endpoint.url, secret: endpoint.secret, id: delivery.eventId, timestamp: at, body: delivery.payload });
  const failure = result.ok ? null : result.error;
  const final = result.ok || input.lastAttempt;
  await db.$transaction(async (tx) => {
    // The endpoint's row is locked first, as deleteWebhookEndpoint's DELETE does before its
    // cascade reaches the deliveries: locking the delivery first (the attempt row, then the
    // update) and the endpoint after deadlocks with a delete on PostgreSQL. An endpoint deleted
    // meanwhile took this delivery with it, so there is nothing left to record.
    const stillThere = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM webhook_endpoints WHERE id = ${endpoint.id}::uuid AND account_id = ${viewer.accountId}::uuid FOR NO KEY UPDATE`;
    if (stillThere.length === 0) return;
    await tx.webhookDeliveryAttempt.create({
      data: { accountId: viewer.accountId, deliveryId: delivery.id, attempt: input.attempt, statusCode: result.statusCode, error: failure, durationMs: result.durationMs, at },
    });
    await tx.webhookDelivery.update({
      where: { id: delivery.id },
      data: {
        attempts: input.attempt,
        lastStatusCode: result.statusCode,
        lastError: failure,
        lastAttemptAt: at,
        ...(result.ok ? { status: 'SUCCEEDED', deliveredAt: at } : final ? { status: 'FAILED' } : {}),
      },
    });
    if (result.ok) {
      await tx.webhookEndpoint.updateMany({ where: { id: endpoint.id }, data: { consecutiveFailures: 0, failingSince: null } });
      return;
    }
    const failingSince = endpoint.failingSince ?? at;
    if (!final) {
      if (!endpoint.failingSince) await tx.webhookEndpoint.updateMany({ where: { id: endpoint.id, failingSince: null }, data: { failingSince: at } });
      return;
    }
    const updated = await tx.webhookEndpoint.update({
      where: { id: endpoint.id },
      data: { consecutiveFailures: { increment: 1 }, failingSince },
      select: { consecutiveFailures: true, enabled: true },
    });
    const policy = services.config.outboundWebhooks;
    const tooMany = updated.consecutiveFailures >= policy.disableAfterFailures;
    const tooLong = at.getTime() - failingSince.getTime() >= policy.disableAfterMs;
    if (updated.enabled && (tooMany || tooLong)) {
      const reason = tooMany
        ? `${updated.consecutiveFailures} deliveries in a row failed; the last: ${failure}`
        : `Deliveries have failed since ${failingSince.toISOString()}; the last: ${failure}`;
      await tx.webhookEndpoint.update({ where: { id: endpoint.id }, data: { enabled: false, disabledAt: at, disabledReason: reason.slice(0, 1000) } });
      await recordAudit(tx, viewer, {
        action: 'webhook_endpoint.disabled',
        entityType: 'WebhookEndpoint',
        entityId: endpoint.id,
        fromStatus: 'ENABLED',
        toStatus: 'DISABLED',
        details: { consecutiveFailures: updated.consecutiveFailures, failingSince: failingSince.toISOString(), lastDeliveryId: delivery.id },
      });
      services.logger.warn({ endpointId: endpoint.id, consecutiveFailures: updated.consecutiveFailures }, 'outbound webhook endpoint disabled after persistent failure');
    }
  });
  if (!final) throw new WebhookAttemptFailedError(`Webhook delivery ${delivery.id}, attempt ${input.attempt}: ${failure}`);
}
