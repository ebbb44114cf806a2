// A small OpenAI-compatible embeddings server on 127.0.0.1, for the real AI SDK client to talk
// to. Its vectors are the offline embedder's at 1536 dimensions, so similar texts get similar
// vectors, as they would from OpenAI.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createOfflineEmbedder } from '../../src/vector/offline.js';

export interface EmbeddingsRequest {
  path: string;
  authorization: string | undefined;
  body: { model: string; input: string | string[]; encoding_format?: string; dimensions?: number };
}

export interface FakeOpenAIEmbeddings {
  /** Base URL to give as OPENAI_BASE_URL. */
  baseUrl: string;
  requests: EmbeddingsRequest[];
  /** Answer every following request with this HTTP error status (null: answer normally). */
  failWith: number | null;
  close(): Promise<void>;
}

export async function startFakeOpenAIEmbeddings(dimensions = 1536): Promise<FakeOpenAIEmbeddings> {
  const embedder = createOfflineEmbedder(dimensions);
  const fake: FakeOpenAIEmbeddings = { baseUrl: '', requests: [], failWith: null, close: async () => undefined };
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      void (async () => {
        const body = JSON.parse(raw) as EmbeddingsRequest['body'];
        fake.requests.push({ path: req.url ?? '', authorization: req.headers.authorization, body });
        res.setHeader('content-type', 'application/json');
        if (req.method !== 'POST' || req.url !== '/v1/embeddings') {
          res.statusCode = 404;
          res.end(JSON.stringify({ error: { message: 'not found', type: 'invalid_request_error' } }));
          return;
        }
        if (fake.failWith !== null) {
          res.statusCode = fake.failWith;
          res.end(JSON.stringify({ error: { message: 'the fake is told to fail', type: 'server_error' } }));
          return;
        }
        const inputs = Array.isArray(body.input) ? body.input : [body.input];
        const vectors = await embedder.embedMany(inputs);
        res.end(
          JSON.stringify({
            object: 'list',
            model: body.model,
            data: vectors.map((embedding, index) => ({ object: 'embedding', index, embedding })),
            usage: { prompt_tokens: inputs.length, total_tokens: inputs.length },
          }),
        );
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  fake.baseUrl = `http://127.0.0.1:${port}/v1`;
  fake.close = () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
  return fake;
}
