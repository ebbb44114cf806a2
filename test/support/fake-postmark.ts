// A fake Postmark API on 127.0.0.1, spoken to by the real `postmark` client. It takes
// emails (POST /email) and answers outbound message search (GET /messages/outbound) with
// metadata_ filters, like the real one. Tests script failures: error answers, an email taken
// and then answered with an error, a dropped connection or no answer at all (the three ways
// an outcome is unknown), a search that lags behind what was taken (by the fake's own clock,
// which tests set), and a hook that runs once an email is taken.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface TakenEmail {
  messageId: string;
  receivedAt: string;
  /** The JSON body Postmark received. */
  body: {
    From: string;
    To: string;
    ReplyTo?: string;
    Subject: string;
    TextBody?: string;
    HtmlBody?: string;
    Headers?: { Name: string; Value: string }[];
    Metadata?: Record<string, string>;
    Tag?: string;
    MessageStream?: string;
    TrackOpens?: boolean;
    TrackLinks?: string;
  };
  headers: IncomingHttpHeaders;
}

/** What the next POST /email gets instead of a normal 200. */
export type EmailScript =
  | { status: number; ErrorCode?: number; Message?: string }
  /** Take the email, then cut the connection before answering: an unknown outcome. */
  | { takeThenDrop: true }
  /** Take the email, then answer this error status anyway (a 500 after accepting). */
  | { takeThenStatus: number }
  /** Take the email and never answer: the client times out. */
  | { takeThenHang: true };

/**
 * Postmark's own check of an address (support article 1180, "What does Error Code 300 mean?"):
 * ASCII only, a domain of letters, digits and dashes (an IDN domain must come as punycode).
 * `To` may be `"Name" <address>`.
 */
export function postmarkTakesAddress(to: string): boolean {
  const address = /<([^>]*)>\s*$/.exec(to)?.[1] ?? to.trim();
  const at = address.lastIndexOf('@');
  return /^[a-z0-9.!#$%&'`*+\-/=^_{}|~]+$/i.test(address.slice(0, at)) && /^((\.)?[a-zA-Z0-9-])+$/.test(address.slice(at + 1));
}

export class FakePostmark {
  readonly requests: RecordedRequest[] = [];
  readonly emails: TakenEmail[] = [];
  private readonly emailScripts: EmailScript[] = [];
  private readonly searchScripts: { status: number }[] = [];
  /** Runs after an email is taken and before the answer is written. */
  onTaken?: (email: TakenEmail) => void | Promise<void>;
  /**
   * The fake's clock: an email shows in the search only once `now()` has reached its taking
   * time plus `searchLagMs`. Tests drive both (no wall-clock waiting).
   */
  now: () => Date = () => new Date();
  searchLagMs = 0;
  private readonly hanging = new Set<import('node:http').ServerResponse>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
    readonly token: string,
  ) {}

  static async start(token = 'test-server-token'): Promise<FakePostmark> {
    let fake: FakePostmark | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        void fake!.handle(req.method ?? 'GET', req.url ?? '/', req.headers, Buffer.concat(chunks).toString('utf8'), res, req.socket);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    fake = new FakePostmark(server, `http://127.0.0.1:${port}`, token);
    return fake;
  }

  /** The next POST /email requests get these answers, in order. */
  scriptEmails(...scripts: EmailScript[]) {
    this.emailScripts.push(...scripts);
  }

  /** The next GET /messages/outbound requests get these error statuses, in order. */
  scriptSearches(...scripts: { status: number }[]) {
    this.searchScripts.push(...scripts);
  }

  requestsTo(method: string, path: string) {
    return this.requests.filter((r) => r.method === method && r.path === path);
  }

  reset() {
    this.requests.length = 0;
    this.emails.length = 0;
    this.emailScripts.length = 0;
    this.searchScripts.length = 0;
    this.onTaken = undefined;
    this.now = () => new Date();
    this.searchLagMs = 0;
  }

  close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(
    method: string,
    rawUrl: string,
    headers: IncomingHttpHeaders,
    text: string,
    res: import('node:http').ServerResponse,
    socket: import('node:net').Socket,
  ) {
    const url = new URL(rawUrl, this.url);
    const body = text ? (JSON.parse(text) as unknown) : null;
    this.requests.push({ method, path: url.pathname, query: url.searchParams, headers, body });
    const json = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    if (headers['x-postmark-server-token'] !== this.token) {
      return json(401, { ErrorCode: 10, Message: 'Request does not contain a valid Server token.' });
    }
    if (method === 'POST' && url.pathname === '/email') {
      const script = this.emailScripts.shift();
      if (script && 'status' in script) {
        return json(script.status, { ErrorCode: script.ErrorCode ?? 0, Message: script.Message ?? `Scripted ${script.status}` });
      }
      const email = body as TakenEmail['body'];
      if (!email?.To?.includes('@') || !email.From || !postmarkTakesAddress(email.To)) {
        return json(422, { ErrorCode: 300, Message: "Invalid 'To' address." });
      }
      const taken: TakenEmail = { messageId: randomUUID(), receivedAt: this.now().toISOString(), body: email, headers };
      this.emails.push(taken);
      await this.onTaken?.(taken);
      if (script && 'takeThenDrop' in script) {
        socket.destroy();
        return;
      }
      if (script && 'takeThenStatus' in script) {
        return json(script.takeThenStatus, { ErrorCode: 0, Message: `Scripted ${script.takeThenStatus} after taking the email` });
      }
      if (script && 'takeThenHang' in script) {
        this.hanging.add(res);
        res.once('close', () => this.hanging.delete(res));
        return;
      }
      return json(200, { To: email.To, SubmittedAt: taken.receivedAt, MessageID: taken.messageId, ErrorCode: 0, Message: 'OK' });
    }
    if (method === 'GET' && url.pathname === '/messages/outbound') {
      const script = this.searchScripts.shift();
      if (script) return json(script.status, { ErrorCode: 0, Message: `Scripted ${script.status}` });
      const count = Number(url.searchParams.get('count') ?? 100);
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const filters = [...url.searchParams.entries()].filter(([k]) => k.startsWith('metadata_'));
      const searchable = this.now().getTime() - this.searchLagMs;
      const matching = this.emails.filter(
        (e) => Date.parse(e.receivedAt) <= searchable && filters.every(([k, v]) => e.body.Metadata?.[k.slice('metadata_'.length)] === v),
      );
      return json(200, {
        TotalCount: matching.length,
        Messages: matching.slice(offset, offset + count).map((e) => ({
          MessageID: e.messageId,
          Tag: e.body.Tag,
          To: [{ Email: e.body.To, Name: null }],
          Cc: [],
          Bcc: [],
          Recipients: [e.body.To],
          ReceivedAt: e.receivedAt,
          From: e.body.From,
          Subject: e.body.Subject,
          Attachments: [],
          Status: 'Sent',
          TrackOpens: e.body.TrackOpens ?? false,
          TrackLinks: e.body.TrackLinks ?? 'None',
          Metadata: e.body.Metadata ?? {},
          MessageStream: e.body.MessageStream ?? 'outbound',
          Sandboxed: false,
        })),
      });
    }
    return json(404, { ErrorCode: 0, Message: `No route ${method} ${url.pathname}` });
  }
}
