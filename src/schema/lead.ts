import { builder } from './builder.js';

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
    doNotContact: t.exposeBoolean('doNotContact', {
      description: 'True when the lead must not be emailed (unsubscribed, bounced or complained).',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the lead was added.' }),
    conversations: t.relatedConnection('conversations', {
      cursor: 'id',
      description: "The lead's conversations, most recent activity first.",
      query: { orderBy: [{ lastMessageAt: 'desc' }, { id: 'desc' }] },
      totalCount: true,
    }),
  }),
});
