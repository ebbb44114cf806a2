// Request replay: the node HTTP handler in front of Yoga, for GraphQL reads it has answered
// before on the compiled path.
//
// Why by hand: a minimal Yoga server (one-field schema, no plugins, no body limiter) answering
// `{ __typename }` spends 2.9x the CPU of a bare node:http handler that reads the body and
// answers, all in its fetch adapter (a Request, Headers and Response per request), envelop's
// hook chain and result processing (measured 0.060 against 0.021 ms per request). Plugins run
// inside that, so none can remove it, and no package replays a validated operation outside it.
//
// Yoga stays the GraphQL server. The first time a request body comes in, Yoga parses it,
// validates it with every rule and limit, authenticates the caller, checks its cost and runs
// it. When the compiled path answered it (one SQL statement, or data known from the schema
// alone: compile.ts) with a plain JSON 200, what produced the answer is remembered under
// everything the answer depended on: the exact body bytes (uncompressed bodies only), the
// Accept, Origin and Content-Type headers, and the authenticated caller (actor, role, account). The same request again is
// authenticated as Yoga would (the same function, the same failure limit), runs the remembered
// statement on the compiled path's connection, and gets the bytes and headers Yoga sent, with
// its own X-Request-Id, and the same Prometheus metrics. Anything else, and any failure
// (a credential that no longer holds, a failed statement), is handed to Yoga with the body
// already read, so Yoga answers it as it always has. test/request-replay.test.ts proves the
// replayed answers equal Yoga's for every query of the test suite.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Plugin } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';
import type { Counter, Histogram, Registry } from 'prom-client';
import { authenticate, type Authenticated } from '../auth/authenticate.js';
import { clientAddress, requestIdFrom, type GraphQLContext } from '../graphql-context.js';
import type { Database } from '../db/client.js';
import { CONTENT_LENGTH } from '../limits/graphql-limits.js';
import type { AppServices } from '../services.js';
import type { CompiledAnswer } from './plugin.js';
import type { Statement } from './compile.js';

export interface RequestReplayOptions {
  services: Pick<AppServices, 'rateLimits' | 'metrics'> & Parameters<typeof authenticate>[0];
  database: Pick<Database, 'queryRead'>;
  /** The path Yoga serves GraphQL at. */
  endpoint?: string;
  /** Larger bodies go to Yoga unread (operations are a few KiB; nobody's payload is kept). */
  maxBodyBytes?: number;
  /** Bytes of bodies and statements remembered, all callers together. */
  maxRememberedBytes?: number;
  /** Told whether each request it saw was replayed or handed to Yoga (tests). */
  onRequest?(path: 'replayed' | 'yoga'): void;
}

export interface RequestReplay {
  /** Recorder: joins Yoga's compiled answers to the requests the handler let through. */
  plugin: Plugin;
  /** The compiled read path's onAnswer. */
  recordAnswer(context: unknown, answer: CompiledAnswer): void;
  /** The node HTTP handler: replays what it can, hands the rest to `yoga`. */
  handlerFor(yoga: (request: IncomingMessage, response: ServerResponse) => unknown): (request: IncomingMessage, response: ServerResponse) => Promise<void>;
}

interface Remembered {
  operationName: string | undefined;
  /** Yoga's response headers, without those that differ per response. */
  headers: [string, string][];
  statement?: Statement;
  /** The whole body, for answers known from the schema alone. */
  constantBody?: string;
}

interface Pending {
  key: string;
  caller: string;
  answer?: CompiledAnswer;
}

const PER_RESPONSE_HEADERS = new Set(['x-request-id', 'content-length', 'date', 'connection', 'keep-alive', 'transfer-encoding']);
const JSON_RESPONSE = /^application\/(?:graphql-response\+)?json(?:;|$)/i;

const callerOf = ({ viewer }: Pick<Authenticated, 'viewer'>) => `${viewer.actor}\u0000${viewer.role}\u0000${viewer.accountId}`;

export function createRequestReplay(options: RequestReplayOptions): RequestReplay {
  const { services, database } = options;
  const endpoint = options.endpoint ?? '/graphql';
  const maxBodyBytes = options.maxBodyBytes ?? 16 * 1024;
  const remembered = new LRUCache<string, Remembered>({
    maxSize: options.maxRememberedBytes ?? 32 * 1024 * 1024,
    sizeCalculation: (entry, key) => key.length + (entry.statement?.text.length ?? 0) + (entry.constantBody?.length ?? 0) + 256,
  });
  const pending = new WeakMap<IncomingMessage, Pending>();
  const metrics = replayMetrics(services.metrics.registry);

  const requestOf = (context: unknown) => (context as { req?: IncomingMessage } | undefined)?.req;

  const plugin: Plugin = {
    onResponse({ serverContext, response }) {
      const request = requestOf(serverContext);
      const waiting = request && pending.get(request);
      if (!waiting) return;
      pending.delete(request);
      const { answer } = waiting;
      if (!answer || response.status !== 200) return;
      if (!JSON_RESPONSE.test(response.headers.get('content-type') ?? '') || response.headers.has('content-encoding')) return;
      const headers: [string, string][] = [];
      response.headers.forEach((value, name) => {
        if (!PER_RESPONSE_HEADERS.has(name.toLowerCase())) headers.push([name, value]);
      });
      remembered.set(waiting.key, {
        operationName: answer.operationName,
        headers,
        ...('statement' in answer ? { statement: answer.statement } : { constantBody: JSON.stringify({ data: answer.constant }) }),
      });
    },
  };

  const recordAnswer = (context: unknown, answer: CompiledAnswer) => {
    const request = requestOf(context);
    const waiting = request && pending.get(request);
    const viewer = (context as Partial<GraphQLContext>).viewer;
    // Only when Yoga's caller is the one the key names (a role may change in between).
    if (waiting && viewer && callerOf({ viewer }) === waiting.caller) waiting.answer = answer;
  };

  const handlerFor: RequestReplay['handlerFor'] = (yoga) => async (request, response) => {
    const { headers } = request;
    const length = headers['content-length'];
    if (
      request.method !== 'POST' ||
      request.url !== endpoint ||
      length === undefined ||
      !CONTENT_LENGTH.test(length) ||
      Number(length) === 0 ||
      Number(length) > maxBodyBytes ||
      headers['transfer-encoding'] !== undefined ||
      // Yoga's adapter decodes a compressed body; the key holds the bytes as sent.
      headers['content-encoding'] !== undefined
    ) {
      options.onRequest?.('yoga');
      return void yoga(request, response);
    }
    const started = performance.now();
    const body = await readBody(request);
    if (!body) return;
    let handedOver = false;
    const handOver = (record?: Pending) => {
      handedOver = true;
      if (record) pending.set(request, record);
      // Yoga's fetch adapter takes a body already read from `request.body` (as after Express's
      // body parser) instead of the consumed stream.
      (request as IncomingMessage & { body?: Buffer }).body = body;
      options.onRequest?.('yoga');
      return void yoga(request, response);
    };
    try {
      await replay(request, response, body, started, handOver);
    } catch {
      // Nothing here is expected to throw; if anything does before an answer, Yoga answers.
      if (!handedOver && !response.headersSent) handOver();
    }
  };

  const replay = async (request: IncomingMessage, response: ServerResponse, body: Buffer, started: number, handOver: (record?: Pending) => void) => {
    const { headers } = request;
    let caller: string;
    try {
      // The failure limit is only looked at here: a failure is counted once, by Yoga, which
      // authenticates the request again when this one cannot.
      await services.rateLimits.assertNotLimited('authenticationFailure', clientAddress({ req: request }));
      caller = callerOf(await authenticate(services, headers.authorization));
    } catch {
      return handOver();
    }
    // Everything the answer depends on besides the caller; header values hold no NUL.
    const key = `${caller}\u0000${headers.accept ?? ''}\u0000${headers.origin ?? ''}\u0000${headers['content-type'] ?? ''}\u0000${body.toString('latin1')}`;
    const entry = remembered.get(key);
    if (!entry) return handOver({ key, caller });
    let payload: string;
    const executed = performance.now();
    if (entry.constantBody !== undefined) payload = entry.constantBody;
    else {
      try {
        const rows = await database.queryRead<{ data: unknown }>(entry.statement!);
        payload = JSON.stringify({ data: rows[0]!.data });
      } catch {
        return handOver();
      }
    }
    const finished = performance.now();
    const out: Record<string, string> = Object.fromEntries(entry.headers);
    out['content-length'] = String(Buffer.byteLength(payload));
    out['x-request-id'] = requestIdFrom(headers['x-request-id']);
    response.writeHead(200, out).end(payload);
    options.onRequest?.('replayed');
    metrics.observe(entry.operationName, (finished - executed) / 1000, (performance.now() - started) / 1000);
  };

  return { plugin, recordAnswer, handlerFor };
}

/** The body, or undefined when the client went away first. */
function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.once('end', () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
    request.once('error', () => resolve(undefined));
    request.once('aborted', () => resolve(undefined));
  });
}

/**
 * The metrics Yoga's Prometheus plugin (src/metrics-http.ts) keeps for a query it answers, kept
 * the same way for a replayed one: its request counter, its execution and HTTP durations.
 */
function replayMetrics(registry: Registry) {
  // Looked up when used: the plugin registers them when Yoga is built, after this.
  const metric = <T>(name: string) => registry.getSingleMetric(name) as T | undefined;
  // Each metric's own label names (the plugin drops those configured off, such as url).
  const namesOf = (metric: unknown) => ((metric as { labelNames?: readonly string[] } | undefined)?.labelNames ?? []) as string[];
  const labels = (metric: unknown, operationName: string | undefined) => {
    const known: Record<string, string | number> = { operationName: operationName ?? 'Anonymous', operationType: 'query', method: 'POST', statusCode: 200 };
    return Object.fromEntries(namesOf(metric).map((name) => [name, known[name] ?? '']));
  };
  return {
    observe(operationName: string | undefined, executionSeconds: number, httpSeconds: number) {
      const counter = metric<Counter>('graphql_envelop_request');
      const execution = metric<Histogram>('graphql_envelop_request_duration');
      const http = metric<Histogram>('graphql_yoga_http_duration');
      counter?.inc(labels(counter, operationName));
      execution?.observe(labels(execution, operationName), executionSeconds);
      http?.observe(labels(http, operationName), httpSeconds);
    },
  };
}
