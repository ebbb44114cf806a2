// A small OpenAI-compatible server on 127.0.0.1 for tests: it speaks the Chat Completions
// API that the real AI SDK provider calls, records every request, and answers with whatever
// the test scripts (a structured answer, garbage, an HTTP error, or silence).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatRequest {
  model: string;
  messages: { role: string; content: string | { type: string; text?: string }[] }[];
  response_format?: { type: string; json_schema?: { name?: string; schema?: unknown } };
  [key: string]: unknown;
}

export type FakeReply =
  | { kind: 'json'; value: unknown; usage?: { prompt_tokens: number; completion_tokens: number } }
  | { kind: 'text'; text: string }
  | { kind: 'status'; status: number; body?: unknown }
  | { kind: 'hang' };

export type FakeHandler = (request: ChatRequest, index: number) => FakeReply;

export interface FakeOpenAI {
  /** Base URL to give as OPENAI_BASE_URL. */
  url: string;
  requests: ChatRequest[];
  /** Replace the answering rule; requests seen so far stay recorded. */
  handle(handler: FakeHandler): void;
  reset(): void;
  close(): Promise<void>;
}

/** Which structured answer a request asks for: the schema name the adapter sets. */
export function schemaName(request: ChatRequest): string | undefined {
  return request.response_format?.json_schema?.name;
}

/** Text of the messages with a given role, joined. */
export function textOf(request: ChatRequest, role: string): string {
  return request.messages
    .filter((m) => m.role === role)
    .map((m) => (typeof m.content === 'string' ? m.content : m.content.map((p) => p.text ?? '').join('')))
    .join('\n');
}

function completion(model: string, content: string, usage = { prompt_tokens: 120, completion_tokens: 40 }) {
  return {
    id: `chatcmpl-${Math.random().toString(36).slice(2)}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
  };
}

export async function startFakeOpenAI(handler: FakeHandler): Promise<FakeOpenAI> {
  let current = handler;
  const requests: ChatRequest[] = [];
  const hanging = new Set<ServerResponse>();
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequest;
      requests.push(body);
      const reply = current(body, requests.length - 1);
      const send = (status: number, json: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
      switch (reply.kind) {
        case 'json':
          return send(200, completion(body.model, JSON.stringify(reply.value), reply.usage));
        case 'text':
          return send(200, completion(body.model, reply.text));
        case 'status':
          return send(reply.status, reply.body ?? { error: { message: `fake error ${reply.status}`, type: 'server_error' } });
        case 'hang':
          hanging.add(res);
          res.on('close', () => hanging.delete(res));
          return;
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    handle: (h) => {
      current = h;
    },
    reset: () => {
      requests.length = 0;
    },
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
