// What browsers may do: which other origins may call the API (CORS), and when the GraphiQL
// page carries the development token. Credentials are never offered to an origin that is not
// listed (no reflecting whatever Origin a page sends), and the token goes only into a page
// requested by this machine's own browser at a loopback address (a DNS-rebinding page has a
// foreign Host, a cross-site fetch says so in Sec-Fetch-Site).
import type { CORSOptions } from 'graphql-yoga';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether an origin is in the list; "http://localhost:*" allows any port of that host. */
export function originAllowed(origin: string, allowed: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.origin !== origin) return false;
  return allowed.some((entry) => {
    if (!entry.endsWith(':*')) return entry === origin;
    const base = entry.slice(0, -2);
    return `${parsed.protocol}//${parsed.hostname}` === base;
  });
}

export function corsFor(allowed: readonly string[]): (request: Request) => CORSOptions {
  return (request) => {
    const origin = request.headers.get('origin');
    if (!origin || !originAllowed(origin, allowed)) return false;
    return { origin: [origin], credentials: true, allowedHeaders: ['content-type', 'authorization', 'x-request-id', 'x-graphql-yoga-csrf'], maxAge: 600 };
  };
}

/** Whether a GraphiQL page request may receive the development token. */
export function mayEmbedDevToken(request: Request): boolean {
  // The request URL's host is the Host header the browser sent (Node's server builds it so).
  const host = new URL(request.url).hostname;
  if (!LOOPBACK_HOSTS.has(host)) return false;
  const site = request.headers.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin' && site !== 'none') return false;
  const origin = request.headers.get('origin');
  if (origin === null) return true;
  try {
    return new URL(origin).hostname === host;
  } catch {
    return false;
  }
}
