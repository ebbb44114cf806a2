// autocannon runs that fail loudly: figures from a run that answered errors measure nothing.
import autocannon from 'autocannon';
import { cpuMeter } from './proc.js';
import { percentile } from './results.js';

export interface Measured {
  /** Latency percentiles in ms, to the microsecond (autocannon's own are whole ms). */
  p50: number;
  p99: number;
  rps: number;
  /** Responses received in the run. */
  requests: number;
  /** CPU ms per response of the processes asked about (server and database), when asked. */
  cpuPerRequest?: number;
}

/** `cpuOf`: processes whose CPU time to count (read before and after the run). */
export async function measure(options: autocannon.Options, cpuOf: number[] = []): Promise<Measured> {
  const cpuUsed = cpuMeter(cpuOf);
  // autocannon's histogram keeps whole milliseconds: a 1.4 ms and a 2.6 ms p50 both read 2, and
  // ratios of fast pages mean nothing. Each response's own time (hrtime, fractional ms) is kept.
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const run = autocannon(options, (error, finished) => (error ? reject(error) : resolve(finished)));
    run.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
  const failed = result.non2xx + result.errors + result.timeouts + result.mismatches;
  if (failed > 0) {
    throw new Error(
      `${options.url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts, ` +
        `${result.mismatches} unexpected bodies in ${result.requests.total} responses`,
    );
  }
  const cpuPerRequest = cpuOf.length > 0 ? cpuUsed() / result.requests.total : undefined;
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), rps: result.requests.average, requests: result.requests.total, cpuPerRequest };
}

/** An unrecorded warm-up run (JIT, connection pools, caches), then the timed run. */
/** `cpuOf` is asked after the warm-up: the pools' database connections exist only from then. */
export async function measureAfterWarmUp(options: autocannon.Options, warmUpSeconds: number, cpuOf: () => number[] = () => []): Promise<Measured> {
  await measure({ ...options, duration: warmUpSeconds });
  return measure(options, cpuOf());
}
