// Parley against itself at an earlier commit, in one run: `{ __typename }` (the fixed cost of a
// request) and the list page, the two alternating round by round so both see the same machine
// load, with the floor's `{ __typename }` as the reference. For before/after figures of a change
// to the request path (issue 20's cheap wins).
// `npm run bench:compare -- --before <git ref> [--rounds 2] [--duration 8] [--database parley_bench] [--size large] [--skip-generate]`
// The ref is unpacked (git archive) into a temporary folder that borrows this tree's
// node_modules and generated Prisma client, so it must have the same dependencies and schema.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { backendsOf } from './support/backends.js';
import { benchDatabaseUrl, DEFAULT_BENCH_DATABASE, generate, type Size } from './generate.js';
import { benchOptions, numberOption } from './support/args.js';
import { measure } from './support/load.js';
import { TYPENAME_QUERY } from './support/pages.js';
import { machine, writeSection } from './support/results.js';
import { parleyEnv, withBareServer } from './support/servers.js';
import { spawnServer } from './support/spawn.js';
import { graphqlRequest, LIST_QUERY } from './support/workload.js';

const options = benchOptions({
  before: { type: 'string' },
  rounds: { type: 'string', default: '2' },
  duration: { type: 'string', default: '8' },
  database: { type: 'string', default: DEFAULT_BENCH_DATABASE },
  size: { type: 'string', default: 'large' },
  'skip-generate': { type: 'boolean', default: false },
});
if (!options.before) throw new Error('--before <git ref> is required');
const ROUNDS = numberOption('rounds', options.rounds);
const DURATION = numberOption('duration', options.duration);
const DATABASE = options.database;
const CONNECTIONS = 10;
const WARM_UP_SECONDS = 2;
if (!options['skip-generate']) await generate(options.size as Size, undefined, DATABASE);

const here = resolve('.');
const commit = execFileSync('git', ['rev-parse', '--short', options.before], { encoding: 'utf8' }).trim();
const beforeDir = mkdtempSync(join(tmpdir(), 'parley-before-'));
execFileSync('sh', ['-c', `git archive ${commit} | tar -x -C ${beforeDir}`]);
rmSync(join(beforeDir, 'prisma/generated'), { recursive: true, force: true });
symlinkSync(join(here, 'node_modules'), join(beforeDir, 'node_modules'));
symlinkSync(join(here, 'prisma/generated'), join(beforeDir, 'prisma/generated'));

interface Figures {
  typename: number[];
  typenameRps: number[];
  list: number[];
  listRps: number[];
  load: number[];
}
const VARIANTS = { before: beforeDir, after: here } as const;
const results: Record<keyof typeof VARIANTS, Figures> = {
  before: { typename: [], typenameRps: [], list: [], listRps: [], load: [] },
  after: { typename: [], typenameRps: [], list: [], listRps: [], load: [] },
};
const floor: { typename: number[]; typenameRps: number[] } = { typename: [], typenameRps: [] };

async function timed(request: object, pids: () => Promise<number[]>) {
  await measure({ ...request, connections: CONNECTIONS, duration: WARM_UP_SECONDS } as never);
  return measure({ ...request, connections: CONNECTIONS, duration: DURATION } as never, await pids());
}

for (let round = 0; round < ROUNDS; round++) {
  for (const [name, dir] of Object.entries(VARIANTS) as Array<[keyof typeof VARIANTS, string]>) {
    const applicationName = `bench-compare-${name}`;
    const url = new URL(benchDatabaseUrl(DATABASE));
    url.searchParams.set('application_name', applicationName);
    const server = await spawnServer<{ url: string; token: string; pid: number }>(
      join(dir, 'bench/support/parley-server.ts'),
      parleyEnv({ database: DATABASE }, { DATABASE_URL: url.toString() }),
    );
    try {
      const figures = results[name];
      figures.load.push(loadavg()[0]!);
      // The list first, as in bench:http: a fresh server's own start-up work (background loads,
      // the JIT's first compiles) would otherwise land in the small `{ __typename }` figure.
      const list = await timed(graphqlRequest(server.info.url, server.info.token, LIST_QUERY), async () => [server.info.pid, ...(await backendsOf(DATABASE, applicationName))]);
      figures.list.push(list.cpuPerRequest!);
      figures.listRps.push(list.rps);
      const typename = await timed(graphqlRequest(server.info.url, server.info.token, TYPENAME_QUERY), async () => [server.info.pid]);
      figures.typename.push(typename.cpuPerRequest!);
      figures.typenameRps.push(typename.rps);
    } finally {
      await server.stop();
    }
  }
  await withBareServer({ database: DATABASE }, async (base, pids) => {
    const typename = await timed({ url: `${base}/typename`, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: TYPENAME_QUERY }) }, async () => pids);
    floor.typename.push(typename.cpuPerRequest!);
    floor.typenameRps.push(typename.rps);
  });
  console.log(`round ${round + 1}`, JSON.stringify({ results, floor }));
}
rmSync(beforeDir, { recursive: true, force: true });

// On a shared machine other work only ever adds CPU time and takes throughput: each figure is the
// best of the rounds (lowest CPU, highest req/s), every round's value beside it.
const best = (values: number[], higher = false) => (higher ? Math.max(...values) : Math.min(...values));
const all = (values: number[], digits: number) => values.map((v) => v.toFixed(digits)).join(', ');
const row = (label: string, f: { typename: number[]; typenameRps: number[]; list?: number[]; listRps?: number[] }) =>
  `| ${label} | ${best(f.typename).toFixed(3)} (${all(f.typename, 3)}) | ${Math.round(best(f.typenameRps, true))} | ${f.list ? `${best(f.list).toFixed(2)} (${all(f.list, 2)})` : '-'} | ${f.listRps ? Math.round(best(f.listRps, true)) : '-'} |`;
const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
const markdown = `
## Parley before and after (\`{ __typename }\` and the list page)

\`npm run bench:compare -- --before ${commit} --rounds ${ROUNDS} --duration ${DURATION}\` on ${machine()}; the working tree at ${head}.
Best of ${ROUNDS} rounds (lowest CPU, highest req/s: other work on the machine only adds), each round's CPU in brackets; in each round the two run one after the other (then the floor), so both see the same machine
load (1-min load average as each began: before ${results.before.load.map((l) => l.toFixed(1)).join(', ')}; after ${results.after.load.map((l) => l.toFixed(1)).join(', ')}).
autocannon, ${CONNECTIONS} connections, ${DURATION} s after a ${WARM_UP_SECONDS} s warm-up. CPU: the server's process (the list adds its own PostgreSQL backends), per request.

| server | \`{ __typename }\` CPU ms per request | \`{ __typename }\` req/s | list CPU ms per request | list req/s |
|---|---|---|---|---|
${row(`Parley before (${commit})`, results.before)}
${row('Parley after', results.after)}
${row('floor (bare handler)', floor)}

\`{ __typename }\` CPU after / before: ${(best(results.after.typename) / best(results.before.typename)).toFixed(2)}x; after / floor: ${(best(results.after.typename) / best(floor.typename)).toFixed(2)}x (goal of issue 20: at most 2x).
`;
console.log(markdown);
writeSection('compare-ref', markdown);
process.exit(0);
