// Routes the webhook paths inside Yoga, so the server, tests (yoga.fetch) and every Yoga
// plugin see one request pipeline.
import type { Plugin } from 'graphql-yoga';
import { clientAddress } from '../graphql-context.js';
import type { AppServices } from '../services.js';
import { handlePostmarkEvent } from './postmark-events.js';
import { handlePostmarkInbound } from './postmark-inbound.js';
import { json } from './http.js';

const routes: Record<string, (services: AppServices, request: Request, url: URL, address: string) => Promise<Response>> = {
  '/webhooks/postmark/inbound': handlePostmarkInbound,
  '/webhooks/postmark/events': handlePostmarkEvent,
};

export function useWebhooks(services: AppServices): Plugin {
  return {
    async onRequest({ request, url, endResponse, serverContext }) {
      const route = routes[url.pathname];
      if (!route) return;
      if (request.method !== 'POST') {
        endResponse(json(405, { error: 'METHOD_NOT_ALLOWED', message: 'Use POST.' }, { allow: 'POST' }));
        return;
      }
      endResponse(await route(services, request, url, clientAddress(serverContext)));
    },
  };
}
