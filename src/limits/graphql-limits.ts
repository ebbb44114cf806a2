// Limits on what one GraphQL request may ask for, documented in the README. graphql-armor
// rejects a document before it runs; the body limit is checked before Yoga reads the body.
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { Plugin } from 'graphql-yoga';

export const GRAPHQL_LIMITS = {
  maxDepth: 12,
  maxAliases: 30,
  maxDirectives: 20,
  maxTokens: 5000,
  maxCost: 100_000,
} as const;

export function useGraphQLArmor(production: boolean): Plugin {
  return EnvelopArmorPlugin({
    maxDepth: { n: GRAPHQL_LIMITS.maxDepth, ignoreIntrospection: true, exposeLimits: true },
    maxAliases: { n: GRAPHQL_LIMITS.maxAliases, exposeLimits: true },
    maxDirectives: { n: GRAPHQL_LIMITS.maxDirectives, exposeLimits: true },
    maxTokens: { n: GRAPHQL_LIMITS.maxTokens, exposeLimits: true },
    costLimit: { maxCost: GRAPHQL_LIMITS.maxCost, exposeLimits: true, ignoreIntrospection: true },
    // "Did you mean ...?" reveals the schema; off where introspection is off.
    blockFieldSuggestion: { enabled: production },
  }) as Plugin;
}

/**
 * Bounds the body of GraphQL requests: a declared length over the limit is 413 at once, and
 * a POST without a length (chunked) is 411, so no request makes the server buffer an
 * unbounded body.
 */
export function useRequestSizeLimit(maxBytes: number, path = '/graphql'): Plugin {
  return {
    onRequest({ request, url, endResponse }) {
      if (url.pathname !== path || request.method !== 'POST') return;
      const length = request.headers.get('content-length');
      const error = (status: number, message: string) =>
        endResponse(
          new Response(JSON.stringify({ errors: [{ message, extensions: { code: status === 413 ? 'PAYLOAD_TOO_LARGE' : 'LENGTH_REQUIRED' } }] }), {
            status,
            headers: { 'content-type': 'application/json' },
          }),
        );
      if (length === null) error(411, 'A Content-Length header is required.');
      else if (Number(length) > maxBytes) error(413, `The request body is over ${maxBytes} bytes.`);
    },
  };
}
