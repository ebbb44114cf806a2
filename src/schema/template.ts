// Email templates: listed, created, changed, deleted; rendered by startConversation and sendReply.
import { createTemplate, deleteTemplate, TEMPLATE_BODY_MAX, TEMPLATE_NAME_MAX, TEMPLATE_VARIABLES, updateTemplate } from '../domain/templates/index.js';
import { dbOf, domainOf } from '../graphql-context.js';
import { builder } from './builder.js';
import { baseMutationErrors } from './errors.js';
import { globalIdFor, idOfType } from './ids.js';

const VARIABLES = Object.entries(TEMPLATE_VARIABLES)
  .map(([name, meaning]) => `{{${name}}} (${meaning.replace(/\.$/, '')})`)
  .join(', ');

export const EmailTemplateNode = builder.prismaNode('EmailTemplate', {
  id: { field: 'id' },
  select: { id: true },
  nullable: true,
  description:
    `A reusable email with Mustache variables: ${VARIABLES}. Sections show text only when a value is present: ` +
    '{{#lead.company}}at {{lead.company}}{{/lead.company}}. The account\'s templates are also style examples for AI drafts.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Name, unique in the account.' }),
    subject: t.exposeString('subject', { description: 'Subject template (one line).' }),
    body: t.exposeString('body', { description: 'Plain-text body template.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When it last changed.' }),
  }),
});

builder.queryFields((t) => ({
  templates: t.prismaConnection({
    type: 'EmailTemplate',
    cursor: 'id',
    description: "The account's email templates, newest first.",
    totalCount: (_parent, _args, ctx) => dbOf(ctx).emailTemplate.count(),
    resolve: (query, _parent, _args, ctx) => dbOf(ctx).emailTemplate.findMany({ ...query, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
  }),
}));

const templatePayload = {
  description: 'The template as it is now.',
};

builder.relayMutationField(
  'createTemplate',
  {
    description: 'Input of createTemplate.',
    inputFields: (t) => ({
      name: t.string({ required: true, description: `Name, unique in the account, at most ${TEMPLATE_NAME_MAX} characters.` }),
      subject: t.string({ required: true, description: 'Subject template: one line.' }),
      body: t.string({ required: true, description: `Plain-text body template, at most ${TEMPLATE_BODY_MAX} characters.` }),
    }),
  },
  {
    description: 'Create an email template. An unknown variable, a partial or unescaped output is a ValidationError naming the field.',
    errors: { types: [...baseMutationErrors], directResult: true },
    resolve: (_root, { input }, ctx) => createTemplate(domainOf(ctx), input),
  },
  {
    description: 'Result of createTemplate.',
    outputFields: (t) => ({
      template: t.prismaField({
        type: 'EmailTemplate',
        ...templatePayload,
        resolve: (query, p, _args, ctx) => dbOf(ctx).emailTemplate.findUniqueOrThrow({ ...query, where: { id: p.templateId } }),
      }),
    }),
  },
);

builder.relayMutationField(
  'updateTemplate',
  {
    description: 'Input of updateTemplate: omitted fields stay as they are.',
    inputFields: (t) => ({
      templateId: t.globalID({ required: true, description: 'Global ID of the EmailTemplate.' }),
      name: t.string({ description: 'New name.' }),
      subject: t.string({ description: 'New subject template.' }),
      body: t.string({ description: 'New body template.' }),
    }),
  },
  {
    description: 'Change an email template; checked as createTemplate checks.',
    errors: { types: [...baseMutationErrors], directResult: true },
    resolve: (_root, { input }, ctx) =>
      updateTemplate(domainOf(ctx), { ...input, templateId: idOfType(input.templateId, 'EmailTemplate', ['input', 'templateId']) }),
  },
  {
    description: 'Result of updateTemplate.',
    outputFields: (t) => ({
      template: t.prismaField({
        type: 'EmailTemplate',
        ...templatePayload,
        resolve: (query, p, _args, ctx) => dbOf(ctx).emailTemplate.findUniqueOrThrow({ ...query, where: { id: p.templateId } }),
      }),
    }),
  },
);

builder.relayMutationField(
  'deleteTemplate',
  {
    description: 'Input of deleteTemplate.',
    inputFields: (t) => ({
      templateId: t.globalID({ required: true, description: 'Global ID of the EmailTemplate.' }),
    }),
  },
  {
    description: 'Delete an email template. Emails already sent from it are unchanged.',
    errors: { types: [...baseMutationErrors], directResult: true },
    resolve: (_root, { input }, ctx) =>
      deleteTemplate(domainOf(ctx), { templateId: idOfType(input.templateId, 'EmailTemplate', ['input', 'templateId']) }),
  },
  {
    description: 'Result of deleteTemplate.',
    outputFields: (t) => ({
      deletedTemplateId: t.id({ description: 'Global ID of the template that was deleted.', resolve: (p) => globalIdFor('EmailTemplate', p.templateId) }),
    }),
  },
);
