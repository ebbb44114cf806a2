// Memory soak: the list benchmark's load for a long stretch (10 minutes by default) against
// one Parley server, sampling its resident memory. The goal is memory that stays flat (within
// 10%) once warm; a leak of even a few bytes per request shows as steady growth over ~100k
// requests. The baseline is the same server's own memory after the first minute.
// `npm run bench:soak -- [--minutes 10] [--skip-generate] [--size large]`
import autocannon from 'autocannon';
import { DEFAULT_BENCH_DATABASE, generate, type Size } from './generate.js';
import { cpuMeter, rssBytes } from './support/proc.js';
import { machine, writeSection } from './support/results.js';
import { withParleyServer } from './support/servers.js';
import { graphqlRequest, LIST_QUERY } from './support/workload.js';
import { benchOptions, numberOption } from './support/args.js';

const options = benchOptions({
  minutes: { type: 'string', default: '10' },
  size: { type: 'string', default: 'large' },
  'skip-generate': { type: 'boolean', default: false },
});
const MINUTES = numberOption('minutes', options.minutes);
const SIZE = options.size as Size;
const CONNECTIONS = 10;
const SAMPLE_EVERY_MS = 5_000;
const GOAL_GROWTH = 0.1;

if (!options['skip-generate']) await generate(SIZE);

interface Sample {
  atSeconds: number;
  rssMiB: number;
  requests: number;
}
const samples: Sample[] = [];
let requests = 0;
await withParleyServer({ database: DEFAULT_BENCH_DATABASE }, {}, async (parley) => {
  const started = Date.now();
  const serverCpu = cpuMeter([parley.pid]);
  const sampler = setInterval(() => {
    samples.push({ atSeconds: Math.round((Date.now() - started) / 1000), rssMiB: rssBytes(parley.pid) / 2 ** 20, requests });
  }, SAMPLE_EVERY_MS);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { ...graphqlRequest(parley.url, parley.token, LIST_QUERY), connections: CONNECTIONS, duration: MINUTES * 60 },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on('response', () => requests++);
  });
  clearInterval(sampler);
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`soak: ${result.non2xx} non-2xx, ${result.errors} errors`);

  // Warm-up is the first minute (JIT, pool, caches); the comparison is its last sample against
  // the mean of the final minute and against the largest sample after it.
  const warm = samples.filter((s) => s.atSeconds >= 60);
  const baseline = warm[0]!;
  const lastMinute = warm.filter((s) => s.atSeconds >= MINUTES * 60 - 60);
  const endMean = lastMinute.reduce((sum, s) => sum + s.rssMiB, 0) / lastMinute.length;
  const peak = Math.max(...warm.map((s) => s.rssMiB));
  const growth = endMean / baseline.rssMiB - 1;
  const perMinute = Array.from({ length: MINUTES }, (_, m) => {
    const inMinute = samples.filter((s) => s.atSeconds > m * 60 && s.atSeconds <= (m + 1) * 60);
    const last = inMinute.at(-1);
    const first = samples.filter((s) => s.atSeconds <= m * 60).at(-1);
    return last ? `| ${m + 1} | ${last.rssMiB.toFixed(1)} | ${Math.round((last.requests - (first?.requests ?? 0)) / 60)} |` : '';
  }).filter(Boolean);

  const markdown = `
## Memory soak: the list benchmark for ${MINUTES} minutes (PostgreSQL 15, local)

\`npm run bench:soak -- --minutes ${MINUTES}\` on ${machine()}.
One Parley server, autocannon with ${CONNECTIONS} connections sending the list query (20 conversations with lead, last
message and pending flag) for ${MINUTES} minutes: ${result.requests.total} requests, ${Math.round(result.requests.average)} req/s,
p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${(serverCpu() / result.requests.total).toFixed(2)} ms of server CPU per request.
Resident memory (RSS, from /proc) sampled every ${SAMPLE_EVERY_MS / 1000} s. Baseline: the first sample after the one-minute warm-up.

| minute | RSS at its end, MiB | req/s |
|---|---|---|
${perMinute.join('\n')}

Baseline ${baseline.rssMiB.toFixed(1)} MiB; mean over the last minute ${endMean.toFixed(1)} MiB (**${(growth * 100).toFixed(1)}%**);
peak after warm-up ${peak.toFixed(1)} MiB (${((peak / baseline.rssMiB - 1) * 100).toFixed(1)}%).
Goal: flat within ${GOAL_GROWTH * 100}%: **${Math.abs(growth) <= GOAL_GROWTH ? 'met' : 'not met'}**.
`;
  console.log(markdown);
  writeSection('soak-postgres', markdown);
});
process.exit(0);
