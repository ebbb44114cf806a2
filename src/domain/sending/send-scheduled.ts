// The job behind every scheduled send (the undo window, or sendAt): at its time, the queued
// email goes through the pipeline's steps 2 and 3 (deliver.ts), under its lease, so however
// often the job runs (a retry, a restart, recovery at the same time) one email goes.
import type { DomainContext } from '../use-case-context.js';
import { deliverQueued, type DeliverQueuedResult } from './deliver.js';

export class ScheduledSendNotReady extends Error {
  constructor(readonly outboundEmailId: string) {
    super('The scheduled email is not due yet by this clock, or another worker holds it; tried again later.');
    this.name = 'ScheduledSendNotReady';
  }
}

export async function sendScheduledEmail(ctx: DomainContext, input: { outboundEmailId: string }): Promise<DeliverQueuedResult> {
  const outbound = await ctx.db.outboundEmail.findUnique({ where: { id: input.outboundEmailId } });
  // Settled already (sent, failed, or cancelled by a person), or gone with its account.
  if (!outbound || outbound.completedAt) return 'settled';
  // Looked up first unless no send of it has begun (deliverQueued knows): after a crash mid-send,
  // the provider may have it already.
  const result = await deliverQueued(ctx, { outboundEmailId: outbound.id, lookupFirst: true });
  // Busy: not due yet by the app's clock (the database's came first), or someone else is
  // sending it; the queue runs the job again after a backoff and it finds the outcome then.
  if (result === 'busy') throw new ScheduledSendNotReady(outbound.id);
  return result;
}
