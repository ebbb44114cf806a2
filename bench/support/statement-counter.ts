// Counts the SQL statements servers send to PostgreSQL: a TCP proxy in front of it that reads
// the frontend side of the wire protocol and counts each simple Query ('Q') and each extended
// Execute ('E') message, whatever the client library. Used by bench/http.ts to check that every
// server sends exactly one statement per page (not during the timed runs: it costs a hop).
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface StatementCounter {
  /** A connection string that reaches `upstreamUrl` through the counter. */
  url: string;
  /** Statements seen since the last reset. */
  count(): number;
  /** SQL texts parsed or sent since the last reset (for the message when a count is wrong). */
  texts(): string[];
  reset(): void;
  close(): Promise<void>;
}

export async function startStatementCounter(upstreamUrl: string): Promise<StatementCounter> {
  const upstream = new URL(upstreamUrl);
  let statements = 0;
  let texts: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const backend = connect({ host: upstream.hostname, port: Number(upstream.port || 5432) });
    sockets.add(client).add(backend);
    const closeBoth = () => {
      client.destroy();
      backend.destroy();
      sockets.delete(client);
      sockets.delete(backend);
    };
    client.on('error', closeBoth).on('close', closeBoth);
    backend.on('error', closeBoth).on('close', closeBoth);
    backend.pipe(client);
    // Frontend messages: the startup packet (length first, no type byte), then type + length.
    let pending: Buffer = Buffer.alloc(0);
    let started = false;
    const parsed = new Map<string, string>();
    client.on('data', (chunk: Buffer) => {
      backend.write(chunk);
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      for (;;) {
        if (!started) {
          if (pending.length < 8) break;
          const length = pending.readInt32BE(0);
          if (pending.length < length) break;
          // An SSLRequest or GSSENCRequest is answered with one byte and followed by a real startup.
          const code = pending.readInt32BE(4);
          if (code !== 80877103 && code !== 80877104) started = true;
          pending = pending.subarray(length);
          continue;
        }
        if (pending.length < 5) break;
        const length = pending.readInt32BE(1);
        if (pending.length < 1 + length) break;
        const type = String.fromCharCode(pending[0]!);
        if (type === 'Q' || type === 'E') statements += 1;
        // The text of each statement run: a simple Query's, or the parsed statement a Bind names
        // (a named statement is parsed once per connection, then bound again and again).
        const fields = () => pending.toString('utf8', 5, 1 + length).split('\0');
        if (type === 'Q') texts.push(fields()[0]!);
        if (type === 'P') parsed.set(fields()[0]!, fields()[1]!);
        if (type === 'B') texts.push(parsed.get(fields()[1]!) ?? '?');
        pending = pending.subarray(1 + length);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const url = new URL(upstreamUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.toString(),
    count: () => statements,
    texts: () => texts,
    reset: () => {
      statements = 0;
      texts = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
