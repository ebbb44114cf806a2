// With OTEL_EXPORTER_OTLP_ENDPOINT set, GraphQL operations are exported as OpenTelemetry spans
// over OTLP/HTTP (to a collector stand-in on loopback); without it, nothing is loaded or sent.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTracing } from '../src/telemetry.js';
import { createTestApp } from './support/app.js';

let collector: Server;
let endpoint: string;
const received: { path: string; contentType: string; body: string }[] = [];
let traced: ReturnType<typeof createTestApp>;

beforeAll(async () => {
  collector = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ path: request.url ?? '', contentType: String(request.headers['content-type']), body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
  // Built here (the hook's longer timeout), closed by the test: closing flushes the spans.
  traced = createTestApp({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_SERVICE_NAME: 'parley-test' } });
  await traced;
});
afterAll(async () => {
  await new Promise<void>((resolve) => collector.close(() => resolve()));
});

describe('OpenTelemetry', () => {
  it('is off without an endpoint', async () => {
    expect(await startTracing({ serviceName: 'parley', metricsToken: undefined, otlpEndpoint: undefined })).toBeUndefined();
  });

  it('exports a span per operation to <endpoint>/v1/traces, flushed when the app closes', async () => {
    const app = await traced;
    try {
      const result = await app.executeRaw('query TracingProbe { viewer { role } }');
      expect(result.errors).toBeUndefined();
    } finally {
      await app.close();
    }
    const traces = received.filter((r) => r.path === '/v1/traces');
    expect(traces.length).toBeGreaterThan(0);
    const body = traces.map((t) => t.body).join('\n');
    expect(body).toContain('TracingProbe');
    expect(body).toContain('parley-test');
    // The operation's variables and result are not exported.
    expect(body).not.toContain('OWNER');
  });
});
