// The account's email templates: create, change, delete; and a template rendered for a lead.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { isUniqueViolation } from '../../db/errors.js';
import { recordAudit } from '../audit.js';
import { NotFoundError, ValidationError, type FieldIssue } from '../errors.js';
import { bodySchema, subjectSchema, validateFields } from '../sending/input.js';
import type { DomainContext } from '../use-case-context.js';
import { renderTemplate, templateIssues } from './render.js';

export const TEMPLATE_NAME_MAX = 100;
/** Template bodies are sales emails: a few paragraphs. */
export const TEMPLATE_BODY_MAX = 20_000;

const nameSchema = z
  .string()
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(TEMPLATE_NAME_MAX, { message: `must be at most ${TEMPLATE_NAME_MAX} characters` })
  .refine((s) => !/[\r\n]/.test(s), { message: 'must be a single line' });
const templateBodySchema = bodySchema.refine((s) => s.length <= TEMPLATE_BODY_MAX, { message: `must be at most ${TEMPLATE_BODY_MAX} characters` });

const duplicateName = () => ValidationError.fromIssues([{ path: ['input', 'name'], message: 'is already the name of another template' }]);

function checkTexts(texts: { subject?: string; body?: string }): void {
  const issues: FieldIssue[] = [
    ...(texts.subject === undefined ? [] : templateIssues(texts.subject, ['input', 'subject'])),
    ...(texts.body === undefined ? [] : templateIssues(texts.body, ['input', 'body'])),
  ];
  if (issues.length > 0) throw ValidationError.fromIssues(issues);
}

export async function createTemplate(ctx: DomainContext, input: { name: string; subject: string; body: string }): Promise<{ templateId: string }> {
  const fields = validateFields<{ name: string; subject: string; body: string }>({
    name: { path: ['input', 'name'], schema: nameSchema, value: input.name },
    subject: { path: ['input', 'subject'], schema: subjectSchema, value: input.subject },
    body: { path: ['input', 'body'], schema: templateBodySchema, value: input.body },
  });
  checkTexts(fields);
  const id = randomUUID();
  try {
    await ctx.db.$transaction(async (tx) => {
      await tx.emailTemplate.create({ data: { id, accountId: ctx.viewer.accountId, ...fields }, select: { id: true } });
      await recordAudit(tx, ctx.viewer, { action: 'template.created', entityType: 'EmailTemplate', entityId: id, details: { name: fields.name } });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName();
    throw error;
  }
  return { templateId: id };
}

export async function updateTemplate(
  ctx: DomainContext,
  input: { templateId: string; name?: string | null; subject?: string | null; body?: string | null },
): Promise<{ templateId: string }> {
  const fields = validateFields<{ name?: string; subject?: string; body?: string }>({
    name: { path: ['input', 'name'], schema: nameSchema.optional(), value: input.name ?? undefined },
    subject: { path: ['input', 'subject'], schema: subjectSchema.optional(), value: input.subject ?? undefined },
    body: { path: ['input', 'body'], schema: templateBodySchema.optional(), value: input.body ?? undefined },
  });
  checkTexts(fields);
  const data = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  try {
    await ctx.db.$transaction(async (tx) => {
      const { count } = await tx.emailTemplate.updateMany({ where: { id: input.templateId }, data });
      if (count === 0) throw new NotFoundError('EmailTemplate', input.templateId);
      await recordAudit(tx, ctx.viewer, { action: 'template.updated', entityType: 'EmailTemplate', entityId: input.templateId, details: { fields: Object.keys(data) } });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName();
    throw error;
  }
  return { templateId: input.templateId };
}

export async function deleteTemplate(ctx: DomainContext, input: { templateId: string }): Promise<{ templateId: string }> {
  await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.emailTemplate.deleteMany({ where: { id: input.templateId } });
    if (count === 0) throw new NotFoundError('EmailTemplate', input.templateId);
    await recordAudit(tx, ctx.viewer, { action: 'template.deleted', entityType: 'EmailTemplate', entityId: input.templateId });
  });
  return { templateId: input.templateId };
}

/**
 * A template's subject and body for one lead, checked as any email a person writes would be
 * (a rendered subject must still be one line of at most 500 characters, and so on).
 */
export async function renderTemplateForLead(
  ctx: DomainContext,
  input: { templateId: string; leadId: string; path: string[] },
): Promise<{ subject: string; body: string; bodyHtml: string }> {
  const [template, lead] = await Promise.all([
    ctx.db.emailTemplate.findUnique({ where: { id: input.templateId }, select: { subject: true, body: true } }),
    ctx.db.lead.findUnique({ where: { id: input.leadId }, select: { name: true, email: true, company: true, source: true } }),
  ]);
  if (!template) throw new NotFoundError('EmailTemplate', input.templateId);
  if (!lead) throw new NotFoundError('Lead', input.leadId);
  const { config } = ctx.services;
  const rendered = renderTemplate(template, { lead, sender: { name: config.email.fromName, email: config.email.fromAddress } });
  const checked = validateFields<{ subject: string; body: string }>({
    subject: { path: [...input.path, 'subject'], schema: subjectSchema, value: rendered.subject },
    body: { path: [...input.path, 'body'], schema: bodySchema, value: rendered.body },
  });
  return { ...checked, bodyHtml: rendered.bodyHtml };
}

/** The account's newest templates as style examples for drafting (subject and body as written, tags included). */
export async function templateExamples(ctx: DomainContext, input: { limit: number }): Promise<{ name: string; subject: string; body: string }[]> {
  return ctx.db.emailTemplate.findMany({
    orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
    take: input.limit,
    select: { name: true, subject: true, body: true },
  });
}
