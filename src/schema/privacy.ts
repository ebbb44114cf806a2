// A lead's privacy rights: export (access) and erasure (owners only).
import { eraseLead, exportLeadData } from '../domain/privacy/index.js';
import { domainOf } from '../graphql-context.js';
import { builder } from './builder.js';
import { ExportTooLargeError } from '../domain/errors.js';
import { baseMutationErrors } from './errors.js';
import { encodeParleyId, idOfType } from './ids.js';

const ownerOnly = { owner: true } as const;

builder.relayMutationField(
  'exportLeadData',
  {
    description: 'Input of exportLeadData.',
    inputFields: (t) => ({ leadId: t.globalID({ required: true, description: 'Global ID of the Lead.' }) }),
  },
  {
    description:
      'Everything Parley stores about a lead, as one JSON document (owners only): the lead, their conversations with messages, drafts, analyses and embeddings\' metadata, email events, outbound and outbox emails, the originals\' metadata, and the audit rows about them. The export is audited. A lead whose data exceeds PRIVACY_EXPORT_MAX_BYTES (default 32 MiB) gets ExportTooLargeError, before anything is read.',
    authScopes: ownerOnly,
    errors: { types: [...baseMutationErrors, ExportTooLargeError], directResult: true },
    resolve: (_r, { input }, ctx) => exportLeadData(domainOf(ctx), { leadId: idOfType(input.leadId, 'Lead', ['input', 'leadId']) }),
  },
  {
    description: 'Result of exportLeadData.',
    outputFields: (t) => ({
      leadId: t.id({ description: 'Global ID of the Lead.', resolve: (p) => encodeParleyId('Lead', p.leadId) }),
      data: t.string({ description: 'The document, as JSON text (its "version" names the format).', resolve: (p) => p.json }),
    }),
  },
);

builder.relayMutationField(
  'eraseLead',
  {
    description: 'Input of eraseLead.',
    inputFields: (t) => ({ leadId: t.globalID({ required: true, description: 'Global ID of the Lead to erase.' }) }),
  },
  {
    description:
      "Erase a lead's personal data from every table (owners only), at once and for good: the lead, their conversations, messages and originals, drafts, analyses, embeddings, email events, outbound and outbox emails, their jobs and webhook deliveries, and the details of the audit rows about them. An audit tombstone without personal data stays, and the address is suppressed (kept as a keyed hash) so Parley never emails it again.",
    authScopes: ownerOnly,
    errors: { types: [...baseMutationErrors], directResult: true },
    resolve: (_r, { input }, ctx) => eraseLead(domainOf(ctx), { leadId: idOfType(input.leadId, 'Lead', ['input', 'leadId']) }),
  },
  {
    description: 'Result of eraseLead.',
    outputFields: (t) => ({
      erasedLeadId: t.id({ description: 'The global ID the lead had.', resolve: (p) => encodeParleyId('Lead', p.leadId) }),
      conversationsErased: t.int({ description: 'Conversations erased.', resolve: (p) => p.conversations }),
      messagesErased: t.int({ description: 'Messages erased.', resolve: (p) => p.messages }),
    }),
  },
);
