// Posts one signed webhook to a customer's URL, defended against server-side request forgery.
//
// Signing is the Standard Webhooks scheme (https://www.standardwebhooks.com, docs/webhooks.md),
// through its reference library `standardwebhooks`: headers webhook-id, webhook-timestamp
// (Unix seconds) and webhook-signature = "v1," + base64(HMAC-SHA256(key, `${id}.${timestamp}.${body}`)),
// the key being the base64 after the secret's "whsec_" prefix.
//
// SSRF: the URL must be https (http only when configured); the host's addresses are resolved
// here and EVERY one must be public unicast (not private, loopback, link-local, CGNAT,
// multicast, unique-local, IPv4-mapped private, reserved...), unless configured to allow them.
// The request then connects to the address that was checked (a pinned `lookup`), so a DNS
// answer that changes between the check and the connection (rebinding) cannot redirect it.
// Redirects are not followed (node:http never does; a 3xx is a failed attempt), the response
// body is read to at most a few KiB, and the whole attempt has a timeout.
//
// Hand-written around node:http rather than request-filtering-agent or ssrf-req-filter: those
// check the address on the socket's connect event, after the lookup, and neither pins the
// connection to the address checked for a hostname with several answers; ipaddr.js classifies
// the addresses (its ranges are the IANA special-purpose registries).
import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { Webhook } from 'standardwebhooks';

export interface WebhookSenderOptions {
  /** Allow http:// URLs (development, tests). */
  allowHttp: boolean;
  /** Allow private, loopback and other non-public addresses (development, tests' local receivers). */
  allowPrivateAddresses: boolean;
  /** Whole attempt: connect, send, answer. */
  timeoutMs: number;
  /** At most this much of a response body is read (it is kept, shortened, in the delivery log). */
  maxResponseBytes?: number;
  /** Host resolution (tests give their own to play DNS answers). */
  resolve?: (hostname: string) => Promise<{ address: string; family: number }[]>;
}

export interface WebhookMessage {
  url: string;
  /** "whsec_..." */
  secret: string;
  /** webhook-id: the event's id, the same on every attempt. */
  id: string;
  timestamp: Date;
  body: string;
}

export type WebhookAttempt =
  | { ok: true; statusCode: number; durationMs: number }
  | { ok: false; statusCode: number | null; error: string; durationMs: number };

export interface WebhookSender {
  /** Why this URL cannot be an endpoint (as a user-facing sentence), or null when it can. */
  checkUrl(url: string): string | null;
  /** One attempt; never throws. */
  send(message: WebhookMessage): Promise<WebhookAttempt>;
}

export const MAX_WEBHOOK_URL_LENGTH = 2048;

export class RefusedAddressError extends Error {
  override name = 'RefusedAddressError';
}

/** Whether an address is public unicast (IPv4-mapped IPv6 addresses are judged as IPv4). */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() === 'unicast';
}

/** The standard headers for a message, signed with the endpoint's secret. */
export function signedHeaders(message: Pick<WebhookMessage, 'secret' | 'id' | 'timestamp' | 'body'>): Record<string, string> {
  const signature = new Webhook(message.secret).sign(message.id, message.timestamp, message.body);
  return {
    'webhook-id': message.id,
    'webhook-timestamp': String(Math.floor(message.timestamp.getTime() / 1000)),
    'webhook-signature': signature,
  };
}

/** A new endpoint secret: "whsec_" and 32 random bytes in base64. */
export function newWebhookSecret(randomBytes: (n: number) => Buffer): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '');

export function createWebhookSender(options: WebhookSenderOptions): WebhookSender {
  const maxResponseBytes = options.maxResponseBytes ?? 4096;
  const resolve = options.resolve ?? ((hostname: string) => dnsLookup(hostname, { all: true, verbatim: true }));

  function checkUrl(raw: string): string | null {
    if (raw.length > MAX_WEBHOOK_URL_LENGTH) return `The URL is longer than ${MAX_WEBHOOK_URL_LENGTH} characters.`;
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return 'Not a valid absolute URL.';
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && options.allowHttp)) {
      return options.allowHttp ? 'The URL must be http or https.' : 'The URL must be https.';
    }
    if (url.username || url.password) return 'The URL must not carry credentials.';
    const host = hostOf(url);
    if (!host) return 'The URL has no host.';
    if (isIP(host) && !options.allowPrivateAddresses && !isPublicAddress(host)) {
      return `The address ${host} is not a public one.`;
    }
    return null;
  }

  /** The address to connect to: every address of the host checked, the first one used. */
  async function addressFor(host: string): Promise<{ address: string; family: number }> {
    const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await resolve(host);
    if (addresses.length === 0) throw new RefusedAddressError(`${host} has no address`);
    if (!options.allowPrivateAddresses) {
      const refused = addresses.find((a) => !isPublicAddress(a.address));
      if (refused) throw new RefusedAddressError(`${host} resolves to ${refused.address}, which is not a public address`);
    }
    return addresses[0]!;
  }

  async function send(message: WebhookMessage): Promise<WebhookAttempt> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const problem = checkUrl(message.url);
    if (problem) return { ok: false, statusCode: null, error: problem, durationMs: 0 };
    const url = new URL(message.url);
    const signal = AbortSignal.timeout(options.timeoutMs);
    try {
      const pinned = await addressFor(hostOf(url));
      const lookup: LookupFunction = (_hostname, lookupOptions, callback) => {
        // net asks for every address (autoSelectFamily) or one: either way, only the checked one.
        if (lookupOptions.all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [pinned]);
        else callback(null, pinned.address, pinned.family);
      };
      const body = Buffer.from(message.body, 'utf8');
      const statusCode = await new Promise<number>((resolveStatus, reject) => {
        const request = (url.protocol === 'https:' ? https : http).request(
          url,
          {
            method: 'POST',
            // For a literal IP host net skips `lookup`: it connects to that (checked) address.
            lookup,
            signal,
            agent: false,
            headers: {
              'content-type': 'application/json',
              'content-length': String(body.length),
              'user-agent': 'Parley-Webhooks/1',
              ...signedHeaders(message),
            },
          },
          (response) => {
            let read = 0;
            response.on('data', (chunk: Buffer) => {
              read += chunk.length;
              // Enough of the answer: the rest is not read (a huge or endless body costs nothing).
              if (read > maxResponseBytes) response.destroy();
            });
            response.on('error', () => undefined);
            response.on('close', () => resolveStatus(response.statusCode ?? 0));
          },
        );
        request.on('error', reject);
        request.end(body);
      });
      if (statusCode >= 200 && statusCode < 300) return { ok: true, statusCode, durationMs: elapsed() };
      return { ok: false, statusCode, error: `The endpoint answered HTTP ${statusCode}.`, durationMs: elapsed() };
    } catch (err) {
      const error =
        err instanceof RefusedAddressError
          ? `Refused: ${err.message}.`
          : signal.aborted
            ? `No answer within ${options.timeoutMs} ms.`
            : `Could not reach the endpoint: ${err instanceof Error ? err.message : String(err)}`;
      return { ok: false, statusCode: null, error: error.slice(0, 500), durationMs: elapsed() };
    }
  }

  return { checkUrl, send };
}
