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

/** The only valid Content-Length: one non-negative integer (no list, sign or blank). */
export const CONTENT_LENGTH = /^\d+$/;

/**
 * Bounds the body of GraphQL requests: a declared length over the limit is 413 at once, and
 * a body without a length (chunked) is 411, so no request makes the server buffer an
 * unbounded body. Node's HTTP parser never hands on more bytes than the Content-Length
 * declares, so the declared length bounds the body: nothing needs to count the bytes as they
 * arrive, and Yoga's own limiter, which pipes every body through a counting stream (about
 * 0.3 ms of every request), is off (`maxRequestBodySize: false` in src/yoga.ts).
 *
 * Runs where Yoga parses a GraphQL request, so on every path Yoga serves GraphQL at (it also
 * answers at `/graphql/`), and for any method.
 */
export function useRequestSizeLimit(maxBytes: number): Plugin {
  return {
    onRequestParse({ request, endResponse }) {
      const { headers } = request;
      const length = headers.get('content-length');
      if (length !== null) {
        if (!CONTENT_LENGTH.test(length)) refuse(endResponse, 400, 'BAD_REQUEST', 'The Content-Length header is invalid.');
        else if (Number(length) > maxBytes) refuse(endResponse, 413, 'PAYLOAD_TOO_LARGE', `The request body is over ${maxBytes} bytes.`);
      } else if (headers.has('transfer-encoding') || request.method === 'POST') {
        refuse(endResponse, 411, 'LENGTH_REQUIRED', 'A Content-Length header is required.');
      }
    },
  };
}

function refuse(endResponse: (response: Response) => void, status: number, code: string, message: string): void {
  endResponse(new Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), { status, headers: { 'content-type': 'application/json' } }));
}
