// A person adds a lead: validated like inbound addresses, one lead per address in an account.
import { randomUUID } from 'node:crypto';
import { isUniqueViolation } from '../../db/errors.js';
import { recordAudit } from '../audit.js';
import { validateFields } from '../sending/input.js';
import { inTransaction } from '../transitions.js';
import type { DomainContext } from '../use-case-context.js';
import {
  customFieldsSchema,
  defaultLeadName,
  leadCompanySchema,
  leadEmailSchema,
  leadNameSchema,
  leadSourceSchema,
  leadValueSchema,
} from './input.js';
import { DuplicateLeadError, jsonColumn, leadWithKey, lockLeadAddresses } from './write.js';

export interface CreateLeadInput {
  email: string;
  /** Omitted: the address's local part, as for a lead that wrote in. */
  name?: string | null;
  company?: string | null;
  estimatedValue?: number | null;
  source?: string | null;
  customFields?: Record<string, unknown> | null;
}

export async function createLead(ctx: DomainContext, input: CreateLeadInput): Promise<{ leadId: string }> {
  const fields = validateFields<{
    email: { email: string; key: string };
    name: string | null | undefined;
    company: string | null | undefined;
    estimatedValue: number | null | undefined;
    source: string | null | undefined;
    customFields: Record<string, unknown> | null | undefined;
  }>({
    email: { path: ['input', 'email'], schema: leadEmailSchema, value: input.email },
    name: { path: ['input', 'name'], schema: leadNameSchema.nullish(), value: input.name },
    company: { path: ['input', 'company'], schema: leadCompanySchema.nullish(), value: input.company },
    estimatedValue: { path: ['input', 'estimatedValue'], schema: leadValueSchema.nullish(), value: input.estimatedValue },
    source: { path: ['input', 'source'], schema: leadSourceSchema.nullish(), value: input.source },
    customFields: { path: ['input', 'customFields'], schema: customFieldsSchema.nullish(), value: input.customFields },
  });
  const id = randomUUID();
  try {
    // inTransaction: LEAD_CREATED is logged, and its webhook deliveries written, with the lead.
    await inTransaction(ctx, async (tx, events) => {
      await lockLeadAddresses(tx, ctx.viewer.accountId);
      const existing = await leadWithKey(tx, fields.email.key);
      if (existing) throw new DuplicateLeadError(existing);
      await tx.lead.create({
        data: {
          id,
          accountId: ctx.viewer.accountId,
          email: fields.email.email,
          emailKey: fields.email.key,
          name: fields.name ?? defaultLeadName(fields.email.email),
          company: fields.company ?? null,
          estimatedValue: fields.estimatedValue ?? null,
          source: fields.source ?? null,
          customFields: jsonColumn(fields.customFields ?? null),
        },
        select: { id: true },
      });
      await recordAudit(tx, ctx.viewer, { action: 'lead.created', entityType: 'Lead', entityId: id, toStatus: 'CONTACTABLE', details: { via: 'api' } });
      events.publish({ type: 'LEAD_CREATED', accountId: ctx.viewer.accountId, conversationId: null, leadId: id, via: 'API', at: ctx.services.now().toISOString() });
    });
  } catch (error) {
    // The same address written at the same moment by a path that does not take the lock
    // (an inbound email from it): the unique (account, email) index stopped the second.
    if (isUniqueViolation(error)) {
      const existing = await leadWithKey(ctx.db, fields.email.key);
      if (existing) throw new DuplicateLeadError(existing);
    }
    throw error;
  }
  return { leadId: id };
}
