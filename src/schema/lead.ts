// Leads: the list and one lead, and what a team does with them (add, correct, import a CSV).
import { z } from 'zod';
import type { Prisma } from '../db/client.js';
import {
  createLead,
  DuplicateLeadError,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  importLeads,
  LEAD_NAME_MAX,
  updateLead,
  type ImportRowResult,
  type ImportLeadsResult,
} from '../domain/leads/index.js';
import { EmailDeliveryError, InvalidStateError, RateLimitedError } from '../domain/errors.js';
import { startConversation } from '../domain/sending/index.js';
import { emailContentInputFields } from './send-fields.js';
import { dbOf, domainOf, servicesOf } from '../graphql-context.js';
import { builder } from './builder.js';
import { escapeLike } from './conversation-filter.js';
import { baseMutationErrors, ErrorInterface, FieldIssueRef } from './errors.js';
import { globalIdFor, idOfType } from './ids.js';
import { readQuery } from './optional-row.js';
import { conversationPayloadField } from './conversation-payload.js';

export const LeadNode = builder.prismaNode('Lead', {
  id: { field: 'id' },
  // Select mode: load only the columns a query asks for (bodies, headers and JSON columns
  // are large), not whole rows.
  select: { id: true },
  // node(id) answers null, not an error, for ids that are not in the viewer's account.
  nullable: true,
  description: 'A prospective customer the team writes to.',
  fields: (t) => ({
    name: t.exposeString('name', { description: "The lead's name." }),
    email: t.exposeString('email', { description: "The lead's email address." }),
    company: t.exposeString('company', { nullable: true, description: 'Company, when known.' }),
    phone: t.exposeString('phone', { nullable: true, description: 'Phone number, when known.' }),
    source: t.exposeString('source', { nullable: true, description: 'Where the lead came from, e.g. "craigslist".' }),
    sourceUrl: t.exposeString('sourceUrl', { nullable: true, description: 'The listing or page the lead came from.' }),
    estimatedValue: t.exposeFloat('estimatedValue', {
      nullable: true,
      description: "Estimated deal value in the account's currency.",
    }),
    customFields: t.field({
      type: 'JSONObject',
      nullable: true,
      description: 'Fields the team added beyond the known ones (from createLead, updateLead or extra CSV columns).',
      select: { customFields: true },
      resolve: (lead) => lead.customFields,
    }),
    doNotContact: t.exposeBoolean('doNotContact', {
      description: 'True when the lead must not be emailed (unsubscribed, bounced or complained).',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the lead was added.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When the lead last changed.' }),
    conversations: t.relatedConnection('conversations', {
      cursor: 'id',
      description: "The lead's conversations, most recent activity first.",
      query: { orderBy: [{ lastMessageAt: 'desc' }, { id: 'desc' }] },
      totalCount: true,
    }),
  }),
});

const LeadFilter = builder.inputType('LeadFilter', {
  description: 'Narrow the lead list. Conditions combine with AND.',
  fields: (t) => ({
    search: t.string({
      description: 'Case-insensitive text to find in the name, email address or company (taken literally: % and _ are not wildcards).',
      validate: z.string().trim().min(1, { message: 'must not be empty' }).max(200, { message: 'must be at most 200 characters' }),
    }),
    doNotContact: t.boolean({ description: 'Only do-not-contact leads (true) or only contactable ones (false).' }),
    source: t.string({
      description: 'Only leads from this source (exact, case-insensitive).',
      validate: z.string().trim().min(1, { message: 'must not be empty' }).max(100, { message: 'must be at most 100 characters' }),
    }),
  }),
});

function leadWhere(filter: (typeof LeadFilter)['$inferInput'] | null | undefined): Prisma.LeadWhereInput {
  if (!filter) return {};
  const and: Prisma.LeadWhereInput[] = [];
  const search = filter.search?.trim();
  if (search) {
    const contains = { contains: escapeLike(search), mode: 'insensitive' as const };
    and.push({ OR: [{ name: contains }, { email: contains }, { company: contains }] });
  }
  if (filter.doNotContact != null) and.push({ doNotContact: filter.doNotContact });
  const source = filter.source?.trim();
  if (source) and.push({ source: { equals: source, mode: 'insensitive' } });
  return { AND: and };
}

builder.queryFields((t) => ({
  leads: t.prismaConnection({
    type: 'Lead',
    cursor: 'id',
    description: 'Your leads, newest first, filtered.',
    args: { filter: t.arg({ type: LeadFilter, description: 'Which leads to list.' }) },
    totalCount: (_parent, args, ctx) => dbOf(ctx).lead.count({ where: leadWhere(args.filter) }),
    resolve: (query, _parent, args, ctx) =>
      dbOf(ctx).lead.findMany({ ...query, where: leadWhere(args.filter), orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
  }),
  lead: t.prismaField({
    type: 'Lead',
    nullable: true,
    description:
      'One lead by its global ID; null when it is not in your account (as node(id) answers). ' +
      'A malformed id, or the id of another type, is a VALIDATION_FAILED error.',
    args: { id: t.arg.globalID({ required: true, description: 'Global ID of the lead.' }) },
    resolve: (query, _parent, args, ctx) => dbOf(ctx).lead.findUnique({ ...query, where: { id: idOfType(args.id, 'Lead', ['id']) } }),
  }),
}));

builder.objectType(DuplicateLeadError, {
  name: 'DuplicateLeadError',
  description: 'A lead with this email address is already in your account (addresses compare case-insensitively, IDN domains in either spelling).',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    existingLeadId: t.id({ description: 'Global ID of the lead that has the address.', resolve: (e) => globalIdFor('Lead', e.existingLeadId) }),
  }),
});

builder.relayMutationField(
  'createLead',
  {
    description: 'Input of createLead.',
    inputFields: (t) => ({
      email: t.string({ required: true, description: 'Email address; internationalised addresses are accepted. One lead per address.' }),
      name: t.string({ description: `Name, at most ${LEAD_NAME_MAX} characters; omitted, the address's local part.` }),
      company: t.string({ description: 'Company.' }),
      estimatedValue: t.float({ description: "Estimated deal value in the account's currency, 0 or more." }),
      source: t.string({ description: 'Where the lead came from.' }),
      customFields: t.field({ type: 'JSONObject', description: 'Other fields: a JSON object of at most 50 keys, 3 levels and 8 KiB.' }),
    }),
  },
  {
    description: 'Add a lead. An address the account already has is a DuplicateLeadError naming that lead.',
    errors: { types: [...baseMutationErrors, DuplicateLeadError], directResult: true },
    resolve: (_root, { input }, ctx) => createLead(domainOf(ctx), input),
  },
  {
    description: 'Result of createLead.',
    outputFields: (t) => ({
      lead: t.prismaField({
        type: 'Lead',
        description: 'The new lead.',
        resolve: (query, p, _args, ctx) => dbOf(ctx).lead.findUniqueOrThrow({ ...query, where: { id: p.leadId } }),
      }),
    }),
  },
);

builder.relayMutationField(
  'updateLead',
  {
    description: 'Input of updateLead. Omitted fields stay as they are; null clears company, estimatedValue, source or customFields.',
    inputFields: (t) => ({
      leadId: t.globalID({ required: true, description: 'Global ID of the Lead to change.' }),
      email: t.string({ description: 'New email address; one lead per address.' }),
      name: t.string({ description: `New name, at most ${LEAD_NAME_MAX} characters.` }),
      company: t.string({ description: 'Company.' }),
      estimatedValue: t.float({ description: "Estimated deal value in the account's currency, 0 or more." }),
      source: t.string({ description: 'Where the lead came from.' }),
      customFields: t.field({ type: 'JSONObject', description: 'Replaces the other fields whole: a JSON object of at most 50 keys, 3 levels and 8 KiB.' }),
    }),
  },
  {
    description: "Correct or complete a lead's details.",
    errors: { types: [...baseMutationErrors, DuplicateLeadError], directResult: true },
    resolve: (_root, { input }, ctx) =>
      updateLead(domainOf(ctx), { ...input, leadId: idOfType(input.leadId, 'Lead', ['input', 'leadId']) }),
  },
  {
    description: 'Result of updateLead.',
    outputFields: (t) => ({
      lead: t.prismaField({
        type: 'Lead',
        description: 'The lead as it is now.',
        resolve: (query, p, _args, ctx) => dbOf(ctx).lead.findUniqueOrThrow({ ...query, where: { id: p.leadId } }),
      }),
    }),
  },
);

const ImportRowStatusEnum = builder.enumType('ImportRowStatus', {
  description: 'What importLeads did with one row.',
  values: {
    CREATED: { description: 'A new lead.' },
    UPDATED: { description: "The address was already a lead's (or an earlier row's): its blank cells kept the lead's values, the others replaced them." },
    FAILED: { description: 'Nothing was written for this row; issues says why.' },
  } as const,
});

const ImportRowRef = builder.objectRef<ImportRowResult>('ImportLeadRow').implement({
  description: 'The outcome of one row of an imported CSV.',
  fields: (t) => ({
    row: t.exposeInt('row', { description: 'Row number as a spreadsheet shows it (the header is row 1).' }),
    status: t.field({ type: ImportRowStatusEnum, description: 'Created, updated or failed.', resolve: (r) => r.status }),
    lead: t.prismaField({
      type: 'Lead',
      nullable: true,
      description: 'The lead the row created or updated; null when it failed.',
      // findUnique calls of one tick are batched by Prisma into one query: a page of rows is one read.
      resolve: (query, r, _args, ctx) => {
        const selection = readQuery(query);
        return r.leadId ? dbOf(ctx).lead.findUnique({ ...selection, where: { id: r.leadId } }) : null;
      },
    }),
    issues: t.field({
      type: [FieldIssueRef],
      description: 'Why the row failed: each field at fault, with the path ["input", "csv", "row N", column].',
      resolve: (r) => r.issues,
    }),
  }),
});

builder.relayMutationField(
  'importLeads',
  {
    description: 'Input of importLeads.',
    inputFields: (t) => ({
      csv: t.string({
        required: true,
        description:
          `CSV text, at most ${IMPORT_MAX_BYTES} bytes and ${IMPORT_MAX_ROWS} rows, with a header row. Known columns: email (required), ` +
          'name (or first_name and last_name), company, estimated_value, source; every other column goes into customFields. ' +
          'Comma, semicolon or tab separated; quoted cells may hold newlines; a byte-order mark and any line endings are fine.',
      }),
    }),
  },
  {
    description:
      'Import leads from CSV. Each row is created, or updated when its address is already a lead, or fails with its ' +
      'issues; a failed row writes nothing, and the other rows are written together.',
    errors: { types: [...baseMutationErrors], directResult: true },
    resolve: (_root, { input }, ctx) => importLeads(domainOf(ctx), { csv: input.csv }),
  },
  {
    description: 'Result of importLeads.',
    outputFields: (t) => ({
      created: t.int({ description: 'Rows that created a lead.', resolve: (r: ImportLeadsResult) => r.created }),
      updated: t.int({ description: 'Rows that updated a lead.', resolve: (r: ImportLeadsResult) => r.updated }),
      failed: t.int({ description: 'Rows that failed (nothing written for them).', resolve: (r: ImportLeadsResult) => r.failed }),
      rows: t.field({ type: [ImportRowRef], description: 'Every data row, in file order.', resolve: (r: ImportLeadsResult) => r.rows }),
    }),
  },
);

builder.relayMutationField(
  'startConversation',
  {
    description: 'Input of startConversation: subject and body, or a templateId.',
    inputFields: (t) => ({
      leadId: t.globalID({ required: true, description: 'Global ID of the Lead to write to.' }),
      ...emailContentInputFields(t, 'the lead'),
      idempotencyKey: t.string({
        description:
          'Any unique string (a UUID) chosen by the client. Sending the same request again with the same key returns the ' +
          'first result (the same conversation and email) instead of opening a second one.',
      }),
    }),
  },
  {
    description:
      "Open a conversation with a lead and send its first email through the exactly-once pipeline. The email's Reply-To " +
      "routes the lead's answer back into this conversation. Do-not-contact leads get no email (InvalidStateError DO_NOT_CONTACT), nor an address Postmark cannot take, one whose part before the @ is not ASCII (InvalidStateError ADDRESS_NOT_SENDABLE; an IDN domain is sent as punycode).",
    errors: { types: [...baseMutationErrors, InvalidStateError, EmailDeliveryError, RateLimitedError], directResult: true },
    resolve: async (_root, { input }, ctx) => {
      // The same budget as sendReply: both send an email a person asked for.
      await servicesOf(ctx).rateLimits.consume('sendReply', ctx.viewer.actor);
      return startConversation(domainOf(ctx), {
        leadId: idOfType(input.leadId, 'Lead', ['input', 'leadId']),
        subject: input.subject,
        body: input.body,
        bodyHtml: input.bodyHtml,
        templateId: input.templateId && idOfType(input.templateId, 'EmailTemplate', ['input', 'templateId']),
        idempotencyKey: input.idempotencyKey,
        sendAt: input.sendAt,
      });
    },
  },
  {
    description: 'Result of startConversation.',
    outputFields: (t) => ({
      scheduledFor: t.field({
        type: 'DateTime',
        nullable: true,
        description: 'When the QUEUED email goes (the undo window, or sendAt); cancelScheduledSend takes it back until then. Null: it was sent at once.',
        resolve: (p) => p.scheduledFor,
      }),
      firstEmail: t.prismaField({
        type: 'ConversationMessage',
        description: 'The email: SENT, or QUEUED until its scheduled time or while the provider has not confirmed it.',
        resolve: (query, p, _args, ctx) => dbOf(ctx).conversationMessage.findUniqueOrThrow({ ...query, where: { id: p.messageId } }),
      }),
      conversation: conversationPayloadField(t, 'The new conversation.'),
    }),
  },
);
