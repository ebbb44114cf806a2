// Outbound webhooks: the endpoints an OWNER registers, their delivery log, and re-sending.
import { z } from 'zod';
import { InvalidStateError } from '../domain/errors.js';
import { createWebhookEndpoint, deleteWebhookEndpoint, resendWebhookDelivery, updateWebhookEndpoint, WEBHOOK_EVENT_TYPES } from '../domain/webhooks/index.js';
import { dbOf, domainOf } from '../graphql-context.js';
import { MAX_WEBHOOK_URL_LENGTH } from '../outbound-webhooks/sender.js';
import { builder } from './builder.js';
import { baseMutationErrors } from './errors.js';
import { encodeParleyId, idOfType } from './ids.js';

const ownerOnly = { owner: true } as const;

const EVENT_DESCRIPTIONS: Record<(typeof WEBHOOK_EVENT_TYPES)[number], string> = {
  NEW_REPLY: 'A lead replied: data.conversationId, data.messageId.',
  AI_READY: 'An AI draft is ready for review: data.conversationId, data.suggestionId, data.confidence.',
  SENT: 'An email was sent: data.conversationId, data.messageId, data.suggestionId (null for a custom reply).',
  ERROR: 'Something went wrong on a conversation (a send failed, the model was unavailable): data.code, data.message.',
  DELIVERY: 'The email provider reported on a sent email (delivered, opened, clicked, bounced, spam complaint, unsubscribed): data.messageId, data.kind, data.leadBlocked, data.link, data.detail.',
  LEAD_DO_NOT_CONTACT: "A conversation's lead became do-not-contact (an unsubscribe, a complaint, a confirmed suggestion): data.leadId, data.reason.",
  ARCHIVED: 'A conversation was archived: data.reason.',
  CONVERSATION_MERGED:
    'A conversation was merged into another: data.sourceId (gone; node(id) answers the target), data.targetId (= data.conversationId), data.messagesMoved.',
  MESSAGE_MOVED:
    'An email was moved to another conversation, or split into a new one: data.messageId, data.fromId, data.toId (= data.conversationId), data.split.',
  LEAD_CREATED: 'A lead was created (by a person, an import or a first email from a stranger): data.leadId, data.via (API, IMPORT, INBOUND_EMAIL). No conversationId.',
  LEAD_UPDATED: "A lead's details were changed (by a person or an import): data.leadId, data.via. No conversationId.",
};

export const WebhookEventTypeEnum = builder.enumType('WebhookEventType', {
  description: 'An event an outbound webhook endpoint can receive (the body\'s "type").',
  values: Object.fromEntries(WEBHOOK_EVENT_TYPES.map((type) => [type, { description: EVENT_DESCRIPTIONS[type] }])) as Record<
    (typeof WEBHOOK_EVENT_TYPES)[number],
    { description: string }
  >,
});

const WebhookDeliveryStatusEnum = builder.enumType('WebhookDeliveryStatus', {
  description: 'Where a webhook delivery stands.',
  values: {
    PENDING: { description: 'Not delivered yet: waiting for its first attempt or a retry.' },
    SUCCEEDED: { description: 'The endpoint answered 2xx.' },
    FAILED: { description: 'Every attempt failed; resendWebhookDelivery tries again.' },
    CANCELLED: { description: 'Not attempted: the endpoint was disabled before its turn.' },
  } as const,
});
type DeliveryStatus = 'PENDING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';

export const WebhookEndpointNode = builder.prismaNode('WebhookEndpoint', {
  id: { field: 'id' },
  nullable: true,
  description: 'A URL that receives some of the account\'s events as signed POSTs (Standard Webhooks). Its secret is shown once, when created.',
  fields: (t) => ({
    url: t.exposeString('url', { description: 'Where the events are POSTed.' }),
    events: t.field({
      type: [WebhookEventTypeEnum],
      description: 'The event types it receives.',
      resolve: (endpoint) => endpoint.events.filter((e): e is (typeof WEBHOOK_EVENT_TYPES)[number] => (WEBHOOK_EVENT_TYPES as readonly string[]).includes(e)),
    }),
    enabled: t.exposeBoolean('enabled', { description: 'False after persistent failure or when an owner disabled it; updateWebhookEndpoint enables it again.' }),
    disabledAt: t.expose('disabledAt', { type: 'DateTime', nullable: true, description: 'When it was disabled.' }),
    disabledReason: t.exposeString('disabledReason', { nullable: true, description: 'Why it was disabled.' }),
    consecutiveFailures: t.exposeInt('consecutiveFailures', { description: 'Deliveries that failed (every attempt) since the last success.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When it last changed.' }),
  }),
});

const WebhookDeliveryAttemptRef = builder.prismaObject('WebhookDeliveryAttempt', {
  description: 'One POST of a delivery.',
  fields: (t) => ({
    attempt: t.exposeInt('attempt', { description: 'Its number, from 1.' }),
    statusCode: t.exposeInt('statusCode', { nullable: true, description: "The endpoint's HTTP status; null when no answer came." }),
    error: t.exposeString('error', { nullable: true, description: 'Why it failed; null when it succeeded.' }),
    durationMs: t.exposeInt('durationMs', { description: 'How long it took, in milliseconds.' }),
    at: t.expose('at', { type: 'DateTime', description: 'When it was made.' }),
  }),
});

export const WebhookDeliveryNode = builder.prismaNode('WebhookDelivery', {
  id: { field: 'id' },
  nullable: true,
  description: 'One event for one endpoint: what was sent and how its attempts went.',
  fields: (t) => ({
    endpointId: t.id({ description: 'Global ID of the WebhookEndpoint.', resolve: (d) => encodeParleyId('WebhookEndpoint', d.endpointId) }),
    eventId: t.exposeString('eventId', { description: 'The event\'s id, sent as webhook-id (the same on every attempt and re-send).' }),
    eventType: t.field({ type: WebhookEventTypeEnum, description: 'The event type.', resolve: (d) => d.eventType as (typeof WEBHOOK_EVENT_TYPES)[number] }),
    payload: t.exposeString('payload', { description: 'The JSON body, exactly as signed and sent.' }),
    status: t.field({ type: WebhookDeliveryStatusEnum, description: 'Where it stands.', resolve: (d) => d.status as DeliveryStatus }),
    attempts: t.exposeInt('attempts', { description: 'Attempts made so far.' }),
    lastStatusCode: t.exposeInt('lastStatusCode', { nullable: true, description: "The last attempt's HTTP status, if an answer came." }),
    lastError: t.exposeString('lastError', { nullable: true, description: "The last attempt's failure." }),
    lastAttemptAt: t.expose('lastAttemptAt', { type: 'DateTime', nullable: true, description: 'When it was last attempted.' }),
    deliveredAt: t.expose('deliveredAt', { type: 'DateTime', nullable: true, description: 'When the endpoint accepted it.' }),
    resentFromId: t.id({
      nullable: true,
      description: 'Global ID of the delivery this one re-sends.',
      resolve: (d) => (d.resentFromId ? encodeParleyId('WebhookDelivery', d.resentFromId) : null),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the event happened and the delivery was queued.' }),
    attemptLog: t.prismaField({
      type: [WebhookDeliveryAttemptRef],
      description: 'Every attempt, first to last.',
      resolve: (query, d, _args, ctx) => dbOf(ctx).webhookDeliveryAttempt.findMany({ ...query, where: { deliveryId: d.id }, orderBy: [{ attempt: 'asc' }, { at: 'asc' }] }),
    }),
  }),
});

builder.queryFields((t) => ({
  webhookEndpoints: t.prismaConnection({
    type: 'WebhookEndpoint',
    cursor: 'id',
    authScopes: ownerOnly,
    description: 'Your outbound webhook endpoints, newest first (owners only).',
    resolve: (query, _r, _a, ctx) => dbOf(ctx).webhookEndpoint.findMany({ ...query, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
  }),
  webhookDeliveries: t.prismaConnection({
    type: 'WebhookDelivery',
    cursor: 'id',
    authScopes: ownerOnly,
    description: "An endpoint's delivery log, newest first (owners only).",
    args: { endpointId: t.arg.globalID({ required: true, description: 'Global ID of the WebhookEndpoint.' }) },
    resolve: (query, _r, args, ctx) =>
      dbOf(ctx).webhookDelivery.findMany({
        ...query,
        where: { endpointId: idOfType(args.endpointId, 'WebhookEndpoint', ['endpointId']) },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      }),
  }),
}));

const url = z.string().trim().min(1, { message: 'must not be empty' }).max(MAX_WEBHOOK_URL_LENGTH, { message: `must be at most ${MAX_WEBHOOK_URL_LENGTH} characters` });
const events = z.array(z.string()).min(1, { message: 'name at least one event type' }).max(WEBHOOK_EVENT_TYPES.length * 2);
builder.relayMutationField(
  'createWebhookEndpoint',
  {
    description: 'Input of createWebhookEndpoint.',
    inputFields: (t) => ({
      url: t.string({ required: true, description: 'An https URL with a public address (docs/webhooks.md).', validate: url }),
      events: t.field({ type: [WebhookEventTypeEnum], required: true, description: 'The event types to send it.', validate: events }),
    }),
  },
  {
    description: 'Register an outbound webhook endpoint (owners only). Its signing secret is in the payload once and never again.',
    authScopes: ownerOnly,
    errors: { types: [...baseMutationErrors], directResult: true },
    resolve: (_r, { input }, ctx) => createWebhookEndpoint(domainOf(ctx), input),
  },
  {
    description: 'Result of createWebhookEndpoint.',
    outputFields: (t) => ({
      webhookEndpoint: t.prismaField({
        type: 'WebhookEndpoint',
        description: 'The new endpoint.',
        resolve: (query, p, _args, ctx) => dbOf(ctx).webhookEndpoint.findUniqueOrThrow({ ...query, where: { id: p.endpointId } }),
      }),
      secret: t.string({ description: 'The signing secret ("whsec_..."): verify every POST with it (docs/webhooks.md). Shown only now.', resolve: (p) => p.secret }),
    }),
  },
);

builder.relayMutationField(
  'updateWebhookEndpoint',
  {
    description: 'Input of updateWebhookEndpoint.',
    inputFields: (t) => ({
      endpointId: t.globalID({ required: true, description: 'Global ID of the WebhookEndpoint.' }),
      url: t.string({ description: 'A new URL.', validate: url.optional() }),
      events: t.field({ type: [WebhookEventTypeEnum], description: 'The new event types.', validate: events.optional() }),
      enabled: t.boolean({ description: 'False disables it; true or absent enables it (also after persistent failure).' }),
    }),
  },
  {
    description: 'Change an outbound webhook endpoint (owners only); it is enabled again unless `enabled` is false.',
    authScopes: ownerOnly,
    errors: { types: [...baseMutationErrors], directResult: true },
    resolve: (_r, { input }, ctx) =>
      updateWebhookEndpoint(domainOf(ctx), { ...input, endpointId: idOfType(input.endpointId, 'WebhookEndpoint', ['input', 'endpointId']) }),
  },
  {
    description: 'Result of updateWebhookEndpoint.',
    outputFields: (t) => ({
      webhookEndpoint: t.prismaField({
        type: 'WebhookEndpoint',
        description: 'The endpoint, as now.',
        resolve: (query, p, _args, ctx) => dbOf(ctx).webhookEndpoint.findUniqueOrThrow({ ...query, where: { id: p.endpointId } }),
      }),
    }),
  },
);

builder.relayMutationField(
  'deleteWebhookEndpoint',
  {
    description: 'Input of deleteWebhookEndpoint.',
    inputFields: (t) => ({ endpointId: t.globalID({ required: true, description: 'Global ID of the WebhookEndpoint.' }) }),
  },
  {
    description: 'Delete an outbound webhook endpoint and its delivery log (owners only); deliveries not yet made are dropped.',
    authScopes: ownerOnly,
    errors: { types: [...baseMutationErrors], directResult: true },
    resolve: (_r, { input }, ctx) => deleteWebhookEndpoint(domainOf(ctx), { endpointId: idOfType(input.endpointId, 'WebhookEndpoint', ['input', 'endpointId']) }),
  },
  {
    description: 'Result of deleteWebhookEndpoint.',
    outputFields: (t) => ({
      deletedEndpointId: t.id({ description: 'The global ID the endpoint had.', resolve: (p) => encodeParleyId('WebhookEndpoint', p.endpointId) }),
    }),
  },
);

builder.relayMutationField(
  'resendWebhookDelivery',
  {
    description: 'Input of resendWebhookDelivery.',
    inputFields: (t) => ({ deliveryId: t.globalID({ required: true, description: 'Global ID of the WebhookDelivery to send again.' }) }),
  },
  {
    description: 'Send a delivery\'s event to its endpoint again, as a new delivery with the same webhook-id (owners only). The endpoint must be enabled.',
    authScopes: ownerOnly,
    errors: { types: [...baseMutationErrors, InvalidStateError], directResult: true },
    resolve: (_r, { input }, ctx) => resendWebhookDelivery(domainOf(ctx), { deliveryId: idOfType(input.deliveryId, 'WebhookDelivery', ['input', 'deliveryId']) }),
  },
  {
    description: 'Result of resendWebhookDelivery.',
    outputFields: (t) => ({
      delivery: t.prismaField({
        type: 'WebhookDelivery',
        description: 'The new delivery, queued.',
        resolve: (query, p, _args, ctx) => dbOf(ctx).webhookDelivery.findUniqueOrThrow({ ...query, where: { id: p.deliveryId } }),
      }),
    }),
  },
);
