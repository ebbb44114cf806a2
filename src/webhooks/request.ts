// The checks every Postmark webhook request passes before its handler runs.
import type { z } from 'zod';
import type { AppServices } from '../services.js';
import { basicAuthMatches, BodyTooLargeError, json, readBoundedText } from './http.js';

/** A 401 response when the credentials are wrong or missing; undefined when they are right. */
export function authenticate(services: AppServices, request: Request): Response | undefined {
  const { username, password } = services.config.webhooks;
  if (basicAuthMatches(request.headers.get('authorization'), username, password)) return undefined;
  services.logger.warn({ path: new URL(request.url).pathname }, 'webhook refused: bad or missing credentials');
  return json(401, { error: 'UNAUTHORIZED', message: 'Valid basic-auth credentials are required.' }, {
    'www-authenticate': 'Basic realm="parley-webhooks"',
  });
}

/** The parsed body, or the 400/413 response that explains why there is none. */
export async function readJsonBody<S extends z.ZodType>(
  services: AppServices,
  request: Request,
  schema: S,
): Promise<z.infer<S> | Response> {
  let text: string;
  try {
    text = await readBoundedText(request, services.config.webhooks.maxBodyBytes);
  } catch (err) {
    if (err instanceof BodyTooLargeError) {
      return json(413, { error: 'PAYLOAD_TOO_LARGE', message: `Body over ${services.config.webhooks.maxBodyBytes} bytes.` });
    }
    throw err;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return json(400, { error: 'MALFORMED_JSON', message: 'The body is not valid JSON.' });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message }));
    return json(400, {
      error: 'INVALID_PAYLOAD',
      message: `Invalid payload: ${issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ')}`,
      issues,
    });
  }
  return parsed.data;
}
