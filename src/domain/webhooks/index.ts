// Outbound webhooks: the endpoints owners register, and the delivery of the account's events to them.
export { WEBHOOK_EVENT_TYPES, type WebhookEventType } from './events.js';
export { createWebhookEndpoint, deleteWebhookEndpoint, resendWebhookDelivery, updateWebhookEndpoint, WEBHOOK_ENDPOINTS_MAX } from './endpoints.js';
export { deliverWebhook, type DeliverWebhookInput } from './deliver.js';
