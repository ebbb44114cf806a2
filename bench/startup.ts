// Start-up time of `npm start` on the embedded database: a first start on an empty data folder
// (migrations, demo seed, embeddings) and a restart on the same folder. Measures, from the
// process's spawn, when /health first answers (liveness) and when /ready answers 200.
//   npx tsx bench/startup.ts [--runs 3] [--tsx]
// --tsx runs src/main.ts through tsx (the old `npm start`) instead of the prebuilt bundle, for an A/B.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, tsx: { type: 'boolean', default: false } } });
const runs = Number(values.runs);
/** A port free now (the machine is shared: never a fixed one); the server is told to listen on it. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
const port = await freePort();
/** `npm start`'s node arguments (package.json), so the bench runs what `npm start` runs. */
const startArgs = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } }).scripts.start.split(/\s+/).slice(1);
const base = `http://127.0.0.1:${port}`;
const loadAtStart = loadavg()[0]!;

async function answers(path: string): Promise<boolean> {
  try {
    const response = await fetch(`${base}${path}`);
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

interface Timing {
  healthMs: number;
  readyMs: number;
  /** CPU the server process had used by then (user + system, all threads): steadier than wall time on a busy machine. */
  cpuMs: number;
}

function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function startOnce(dataDir: string): Promise<Timing> {
  const started = performance.now();
  // The same command as `npm start` (the prebuilt bundle, rebuilt if stale), without npm's own
  // start-up in front of it; or the sources through tsx.
  const command = values.tsx ? ['--import', 'tsx', 'src/main.ts'] : startArgs;
  const child = spawn(process.execPath, command, {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', PARLEY_DATA_DIR: dataDir, LOG_LEVEL: 'warn', NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`server exited with ${code}`))));
  let healthMs: number | undefined;
  try {
    for (;;) {
      await Promise.race([new Promise((resolve) => setTimeout(resolve, 20)), exited]);
      if (healthMs === undefined && (await answers('/health'))) healthMs = performance.now() - started;
      if (healthMs !== undefined && (await answers('/ready'))) return { healthMs, readyMs: performance.now() - started, cpuMs: cpuMsOf(child.pid!) };
    }
  } finally {
    child.removeAllListeners('exit');
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
}

const first: Timing[] = [];
const restart: Timing[] = [];
for (let run = 0; run < runs; run++) {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-startup-'));
  try {
    first.push(await startOnce(dataDir));
    restart.push(await startOnce(dataDir));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const row = (name: string, timings: Timing[]) =>
  `| ${name} | ${seconds(median(timings.map((t) => t.healthMs)))} | ${seconds(median(timings.map((t) => t.readyMs)))} | ${seconds(median(timings.map((t) => t.cpuMs)))} | ${timings.map((t) => (t.readyMs / 1000).toFixed(1)).join(', ')} |`;
console.log(`Start-up on the embedded database (${values.tsx ? 'tsx' : 'bundle'}), median of ${runs} (from spawn; 1-minute load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end):`);
console.log('| Start | /health | /ready | server CPU to /ready | every /ready (s) |');
console.log('|---|---|---|---|---|');
console.log(row('first (empty data folder)', first));
console.log(row('restart (same folder)', restart));
