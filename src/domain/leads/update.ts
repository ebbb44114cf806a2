// A person corrects or completes a lead. Omitted fields stay; null clears an optional one.
import { isUniqueViolation } from '../../db/errors.js';
import type { Prisma } from '../../db/client.js';
import { recordAudit } from '../audit.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { validateFields } from '../sending/input.js';
import { inTransaction } from '../transitions.js';
import type { DomainContext } from '../use-case-context.js';
import { customFieldsSchema, leadCompanySchema, leadEmailSchema, leadNameSchema, leadSourceSchema, leadValueSchema } from './input.js';
import { DuplicateLeadError, jsonColumn, leadWithKey, lockLeadAddresses } from './write.js';

export interface UpdateLeadInput {
  leadId: string;
  name?: string | null;
  email?: string | null;
  company?: string | null;
  estimatedValue?: number | null;
  source?: string | null;
  /** Replaces the custom fields whole; null removes them. */
  customFields?: Record<string, unknown> | null;
}

export async function updateLead(ctx: DomainContext, input: UpdateLeadInput): Promise<{ leadId: string }> {
  const required = [
    ...(input.name === null ? [{ path: ['input', 'name'], message: 'cannot be cleared; omit it to keep the name' }] : []),
    ...(input.email === null ? [{ path: ['input', 'email'], message: 'cannot be cleared; omit it to keep the address' }] : []),
  ];
  if (required.length > 0) throw ValidationError.fromIssues(required);
  const fields = validateFields<{
    email: { email: string; key: string } | undefined;
    name: string | undefined;
    company: string | null | undefined;
    estimatedValue: number | null | undefined;
    source: string | null | undefined;
    customFields: Record<string, unknown> | null | undefined;
  }>({
    email: { path: ['input', 'email'], schema: leadEmailSchema.optional(), value: input.email ?? undefined },
    name: { path: ['input', 'name'], schema: leadNameSchema.optional(), value: input.name ?? undefined },
    company: { path: ['input', 'company'], schema: leadCompanySchema.nullish(), value: input.company },
    estimatedValue: { path: ['input', 'estimatedValue'], schema: leadValueSchema.nullish(), value: input.estimatedValue },
    source: { path: ['input', 'source'], schema: leadSourceSchema.nullish(), value: input.source },
    customFields: { path: ['input', 'customFields'], schema: customFieldsSchema.nullish(), value: input.customFields },
  });
  const data: Prisma.LeadUpdateInput = {};
  if (fields.name !== undefined) data.name = fields.name;
  if (fields.email !== undefined) Object.assign(data, { email: fields.email.email, emailKey: fields.email.key });
  if (fields.company !== undefined) data.company = fields.company;
  if (fields.estimatedValue !== undefined) data.estimatedValue = fields.estimatedValue;
  if (fields.source !== undefined) data.source = fields.source;
  if (fields.customFields !== undefined) data.customFields = jsonColumn(fields.customFields);
  try {
    // inTransaction: LEAD_UPDATED is logged, and its webhook deliveries written, with the change.
    await inTransaction(ctx, async (tx, events) => {
      if (fields.email) await lockLeadAddresses(tx, ctx.viewer.accountId);
      const lead = await tx.lead.findUnique({ where: { id: input.leadId }, select: { id: true } });
      if (!lead) throw new NotFoundError('Lead', input.leadId);
      if (fields.email) {
        const other = await leadWithKey(tx, fields.email.key, lead.id);
        if (other) throw new DuplicateLeadError(other);
      }
      await tx.lead.update({ where: { id: lead.id }, data, select: { id: true } });
      await recordAudit(tx, ctx.viewer, { action: 'lead.updated', entityType: 'Lead', entityId: lead.id, details: { via: 'api', fields: Object.keys(data) } });
      events.publish({ type: 'LEAD_UPDATED', accountId: ctx.viewer.accountId, conversationId: null, leadId: lead.id, via: 'API', at: ctx.services.now().toISOString() });
    });
  } catch (error) {
    if (isUniqueViolation(error) && fields.email) {
      const other = await leadWithKey(ctx.db, fields.email.key, input.leadId);
      if (other) throw new DuplicateLeadError(other);
    }
    throw error;
  }
  return { leadId: input.leadId };
}
