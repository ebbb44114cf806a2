// Outbound webhooks are durable: the deliveries of a change's events are written, with their
// jobs, in the transaction that makes the change (a crash after commit cannot lose them, and
// a rollback sends nothing). One statement, whatever the number of events and endpoints; for
// an account without endpoints it writes nothing.
import { Prisma } from '../../db/client.js';
import type { UnloggedEvent } from '../../events/bus.js';
import { webhookDeliveryJob } from '../../jobs/definitions.js';
import { isWebhookEvent, webhookEventOf } from './events.js';

/**
 * Data-modifying CTEs (`webhook_deliveries_new AS (...), webhook_jobs AS (...)`) for a caller
 * that writes them within a statement of its own; `onlyIf` is a condition on that statement's
 * other rows. The job rows are insertJobsSql's, written from the deliveries the first CTE
 * returns (their payload is webhookDeliveryJob's: { deliveryId }).
 */
export function webhookDeliveriesCtes(events: readonly UnloggedEvent[], onlyIf: Prisma.Sql = Prisma.sql`true`): Prisma.Sql | null {
  const subscribable = events.filter(isWebhookEvent);
  if (subscribable.length === 0) return null;
  const now = new Date();
  const rows = subscribable.map(webhookEventOf).map(
    (e) => Prisma.sql`(${e.accountId}::uuid, ${e.id}::text, ${e.type}::text, ${e.body}::text)`,
  );
  return Prisma.sql`webhook_deliveries_new AS (
      INSERT INTO webhook_deliveries (id, account_id, endpoint_id, event_id, event_type, payload, status, attempts, created_at)
      SELECT gen_random_uuid(), endpoint.account_id, endpoint.id, event.event_id, event.event_type, event.payload, 'PENDING', 0, ${now}::timestamptz
      FROM (VALUES ${Prisma.join(rows)}) AS event (account_id, event_id, event_type, payload)
      JOIN webhook_endpoints endpoint ON endpoint.account_id = event.account_id AND endpoint.enabled AND event.event_type = ANY (endpoint.events)
      WHERE ${onlyIf}
      RETURNING id, account_id
    ), webhook_jobs AS (
      INSERT INTO jobs (id, account_id, kind, payload, status, attempts, max_attempts, run_at, dedupe_key, created_at)
      SELECT gen_random_uuid(), account_id, ${webhookDeliveryJob.kind}, jsonb_build_object('deliveryId', id::text), 'QUEUED', 0,
        ${webhookDeliveryJob.maxAttempts}::int, ${now}::timestamptz, 'webhook-delivery:' || id::text, ${now}::timestamptz
      FROM webhook_deliveries_new
      ON CONFLICT DO NOTHING
    )`;
}
