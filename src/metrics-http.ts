// Serves /metrics to Prometheus (bearer METRICS_TOKEN) and counts GraphQL operations through
// Yoga's Prometheus plugin: rate and latency per operation, errors by code, HTTP durations.
import { timingSafeEqual } from 'node:crypto';
import { createCounter, usePrometheus } from '@graphql-yoga/plugin-prometheus';
import type { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { AppServices } from './services.js';

export const METRICS_PATH = '/metrics';

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The code the client sees: set on the GraphQL error, or (before masking) on the domain error it wraps. */
function errorCode(error: unknown): string {
  const graphqlError = error as GraphQLError | undefined;
  const code = graphqlError?.extensions?.code ?? (graphqlError?.originalError as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
}

export function useMetrics(services: Pick<AppServices, 'metrics' | 'config'>): Plugin {
  const { registry } = services.metrics;
  const token = services.config.observability.metricsToken;
  const prometheus = usePrometheus({
    registry,
    // Served below, behind the token.
    endpoint: false,
    // GET queries carry their variables in the URL: never a label.
    labels: { url: false },
    metrics: {
      graphql_envelop_request: true,
      graphql_envelop_request_duration: true,
      graphql_yoga_http_duration: true,
      graphql_envelop_phase_parse: false,
      graphql_envelop_phase_validate: false,
      graphql_envelop_phase_context: false,
      graphql_envelop_phase_execute: false,
      graphql_envelop_phase_subscribe: false,
      graphql_envelop_request_time_summary: false,
      graphql_envelop_deprecated_field: false,
      graphql_envelop_schema_change: false,
      graphql_envelop_execute_resolver: false,
      graphql_envelop_error_result: createCounter({
        registry,
        counter: {
          name: 'graphql_envelop_error_result',
          help: 'GraphQL errors in responses, by extensions.code and phase.',
          labelNames: ['code', 'phase', 'operationName', 'operationType'],
        },
        fillLabelsFn: (params) => ({
          code: errorCode(params.error),
          phase: params.errorPhase ?? 'execute',
          operationName: params.operationName ?? 'Anonymous',
          operationType: params.operationType ?? 'unknown',
        }),
      }),
    },
  });
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(prometheus);
    },
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== METRICS_PATH || !token) return;
      const given = /^Bearer (.+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
      if (!given || !sameSecret(given, token)) {
        endResponse(new fetchAPI.Response('Unauthorized: send Authorization: Bearer <METRICS_TOKEN>.\n', { status: 401, headers: { 'www-authenticate': 'Bearer' } }));
        return;
      }
      endResponse(new fetchAPI.Response(await registry.metrics(), { status: 200, headers: { 'content-type': registry.contentType } }));
    },
  };
}
