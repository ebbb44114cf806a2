// The checks every Postmark webhook request passes before its handler runs.
import type { z } from 'zod';
import { RateLimitedError } from '../domain/errors.js';
import type { AppServices } from '../services.js';
import { basicAuthMatches, BodyTooLargeError, json, readBoundedBody } from './http.js';
import { storableJson } from './storable.js';

/**
 * A 401 response when the credentials are wrong or missing (429 once an address has failed
 * too often); undefined when they are right.
 */
export async function checkWebhookCredentials(services: AppServices, request: Request, address: string): Promise<Response | undefined> {
  const { username, password } = services.config.webhooks;
  if (basicAuthMatches(request.headers.get('authorization'), username, password)) return undefined;
  services.logger.warn({ path: new URL(request.url).pathname, address }, 'webhook refused: bad or missing credentials');
  try {
    await services.rateLimits.consume('webhookFailure', address);
  } catch (error) {
    if (!(error instanceof RateLimitedError)) throw error;
    return json(429, { error: error.code, message: error.message }, { 'retry-after': String(error.retryAfterSeconds) });
  }
  return json(401, { error: 'UNAUTHORIZED', message: 'Valid basic-auth credentials are required.' }, {
    'www-authenticate': 'Basic realm="parley-webhooks"',
  });
}

/** The body's exact bytes, or the 413 response when it is over the configured limit. */
export async function readBody(services: AppServices, request: Request): Promise<Buffer | Response> {
  try {
    return await readBoundedBody(request, services.config.webhooks.maxBodyBytes);
  } catch (err) {
    if (err instanceof BodyTooLargeError) {
      return json(413, { error: 'PAYLOAD_TOO_LARGE', message: `Body over ${services.config.webhooks.maxBodyBytes} bytes.` });
    }
    throw err;
  }
}

export const malformedJson = () => json(400, { error: 'MALFORMED_JSON', message: 'The body is not valid JSON.' });

/** The 400 answer for a body the schema refuses: every issue, with its path. */
export function invalidPayload(issues: { path: string[]; message: string }[]): Response {
  return json(400, {
    error: 'INVALID_PAYLOAD',
    message: `Invalid payload: ${issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ')}`,
    issues,
  });
}

/**
 * The parsed body, or the 400/413 response that explains why there is none. Every string in it
 * (keys too) is made storable (NUL and unpaired surrogates replaced, see storable.ts) before the
 * schema sees it; `raw` is the exact bytes that were posted, for keeping the original.
 */
export async function readJsonBody<S extends z.ZodType>(
  services: AppServices,
  request: Request,
  schema: S,
): Promise<{ data: z.infer<S>; raw: Buffer } | Response> {
  const raw = await readBody(services, request);
  if (raw instanceof Response) return raw;
  let value: unknown;
  try {
    // Invalid UTF-8 decodes to U+FFFD here; the original keeps the bytes.
    value = storableJson(JSON.parse(raw.toString('utf8')));
  } catch {
    return malformedJson();
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) return invalidPayload(parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })));
  return { data: parsed.data, raw };
}
