// OpenTelemetry traces of GraphQL operations, only when an OTLP endpoint is configured: the
// SDK and exporter are loaded then and not otherwise, so a server without a collector pays
// nothing. Spans cover each operation's parse, validate and execute (envelop's plugin);
// per-resolver spans, variables and results stay off to keep tracing cheap and free of data.
import type { Plugin } from 'graphql-yoga';
import type { Config } from './config.js';

export interface Tracing {
  plugin: Plugin;
  /** Sends the spans still buffered, then stops. */
  shutdown(): Promise<void>;
}

export async function startTracing(observability: Config['observability']): Promise<Tracing | undefined> {
  if (!observability.otlpEndpoint) return undefined;
  const [{ NodeTracerProvider, BatchSpanProcessor }, { OTLPTraceExporter }, { resourceFromAttributes }, { useOpenTelemetry }] =
    await Promise.all([
      import('@opentelemetry/sdk-trace-node'),
      import('@opentelemetry/exporter-trace-otlp-http'),
      import('@opentelemetry/resources'),
      import('@envelop/opentelemetry'),
    ]);
  const exporter = new OTLPTraceExporter({ url: new URL('v1/traces', `${observability.otlpEndpoint.replace(/\/?$/, '/')}`).toString() });
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': observability.serviceName }),
    spanProcessors: [new BatchSpanProcessor(exporter)],
  });
  return {
    plugin: useOpenTelemetry({ resolvers: false, variables: false, result: false, document: true }, provider) as Plugin,
    shutdown: () => provider.shutdown(),
  };
}
