// Memory of a Parley server (its own process, `src/main.ts`) around three concurrent 50 MiB
// inbound emails from new leads: RSS before, once all three are acknowledged, and after the
// server has been idle a while (memory must return). Prints one line per figure.
// `npx tsx bench/inbound-memory.ts [--embedded] [--port 4101] [--idle-seconds 20]`
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import WebSocket from 'ws';
import { devAuth, inboundPayload } from '../test/support/postmark-payloads.js';
import { benchOptions, numberOption } from './support/args.js';

const options = benchOptions({
  embedded: { type: 'boolean', default: false },
  port: { type: 'string', default: '4101' },
  'idle-seconds': { type: 'string', default: '20' },
  rounds: { type: 'string', default: '1' },
  // glibc's malloc arenas for the server (MALLOC_ARENA_MAX), to compare. Empty: glibc's default
  // (8 per core), as `npm start` runs.
  'malloc-arena-max': { type: 'string', default: '' },
});
const MALLOC_ARENA_MAX = options['malloc-arena-max'];
const EMBEDDED = options.embedded;
const PORT = numberOption('port', options.port);
const IDLE_SECONDS = numberOption('idle-seconds', options['idle-seconds']);
const ROUNDS = numberOption('rounds', options.rounds);
const SERVER_URL = 'postgresql://postgres@127.0.0.1:5432';
const DATABASE = 'parley_bench_inbound_memory';
const MiB = 1024 * 1024;

const METRICS_TOKEN = 'bench-inbound-memory-metrics';

/** The server's own view of its memory, from /metrics (prom-client's default Node metrics). */

/** Posts the emails to the inbound webhook all at once; their HTTP statuses. */
function postAll(url: string, bodies: Buffer[]): Promise<number[]> {
  return Promise.all(
    bodies.map(async (body) => {
      const response = await fetch(`${url}/webhooks/postmark/inbound`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: devAuth },
        body: new Uint8Array(body),
      });
      await response.arrayBuffer();
      return response.status;
    }),
  );
}
async function heapFigures(url: string): Promise<string> {
  const text = await (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  const value = (name: string) => {
    const match = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text);
    return match ? `${Math.round(Number(match[1]) / MiB)} MiB` : 'n/a';
  };
  return `heapUsed ${value('parley_nodejs_heap_size_used_bytes')}, heapTotal ${value('parley_nodejs_heap_size_total_bytes')}, external ${value('parley_nodejs_external_memory_bytes')}, rss ${value('parley_process_resident_memory_bytes')}`;
}

const rssMiB = (pid: number) => Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024);

function email(from: string): Buffer {
  const shell = inboundPayload({ from, subject: `Plans ${randomUUID().slice(0, 8)}` });
  const attachments = Array.from({ length: 4 }, (_, i) => ({
    Name: `plan-${i}.pdf`,
    ContentType: 'application/pdf',
    ContentLength: Math.floor((12.4 * MiB * 3) / 4),
    Content: randomBytes(Math.floor((12.4 * MiB * 3) / 4)).toString('base64'),
  }));
  return Buffer.from(JSON.stringify({ ...shell, Attachments: attachments }));
}

/**
 * Makes the server collect garbage now, through its inspector (HeapProfiler.collectGarbage):
 * an idle process allocates nothing, so V8 may never collect what the emails left behind, and
 * the idle figure alone cannot tell retained memory from garbage not yet collected.
 */
async function forceGarbageCollection(inspectorUrl: string): Promise<void> {
  const socket = new WebSocket(inspectorUrl);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  for (const id of [1, 2]) {
    await new Promise<void>((resolve) => {
      socket.on('message', function answered(data) {
        if ((JSON.parse(String(data)) as { id?: number }).id !== id) return;
        socket.off('message', answered);
        resolve();
      });
      socket.send(JSON.stringify({ id, method: 'HeapProfiler.collectGarbage' }));
    });
  }
  socket.close();
}

async function main() {
  const dataDir = EMBEDDED ? mkdtempSync(join(tmpdir(), 'parley-inbound-memory-')) : undefined;
  if (!EMBEDDED) {
    const admin = new pg.Client({ connectionString: `${SERVER_URL}/postgres` });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${DATABASE}`);
    await admin.query(`CREATE DATABASE ${DATABASE}`);
    await admin.end();
  }
  // The inspector on a free loopback port only, to force a GC before the last figure.
  const child = spawn(process.execPath, ['--inspect=127.0.0.1:0', '--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      METRICS_TOKEN,
      JOBS_RUN_WORKER: 'false',
      PARLEY_MIGRATE_ON_START: 'true',
      PARLEY_SEED_ON_START: 'false',
      ...(MALLOC_ARENA_MAX ? { MALLOC_ARENA_MAX } : {}),
      ...(EMBEDDED ? { PARLEY_DATA_DIR: dataDir!, DATABASE_URL: '' } : { DATABASE_URL: `${SERVER_URL}/${DATABASE}` }),
    },
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  const inspectorUrl = new Promise<string>((resolve) => {
    let seen = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      seen += chunk.toString();
      const found = /Debugger listening on (ws:\/\/\S+)/.exec(seen);
      if (found) resolve(found[1]!);
    });
  });
  try {
    const url = `http://127.0.0.1:${PORT}`;
    for (;;) {
      const ready = await fetch(`${url}/ready`).then((r) => r.ok, () => false);
      if (ready) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const bodies = [0, 1, 2].map((i) => email(`memory-${i}-${randomUUID().slice(0, 6)}@example.net`));
    const before = rssMiB(child.pid!);
    const heapBefore = await heapFigures(url);
    const started = performance.now();
    const statuses = await postAll(url, bodies);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const stored = rssMiB(child.pid!);
    const heapStored = await heapFigures(url);
    await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000));
    const idle = rssMiB(child.pid!);
    const heapIdle = await heapFigures(url);
    await forceGarbageCollection(await inspectorUrl);
    const collected = rssMiB(child.pid!);
    const heapCollected = await heapFigures(url);
    console.log(
      `database: ${EMBEDDED ? 'embedded (PGlite)' : 'PostgreSQL'}; body: ${(bodies[0]!.byteLength / MiB).toFixed(1)} MiB x 3; ` +
        `MALLOC_ARENA_MAX ${MALLOC_ARENA_MAX || 'unset'}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`,
    );
    console.log(`statuses: ${statuses.join(', ')} in ${seconds} s`);
    console.log(`server RSS: ${before} MiB before, ${stored} MiB once all three were acknowledged, ${idle} MiB after ${IDLE_SECONDS} s idle`);
    console.log(`main thread, before: ${heapBefore}`);
    console.log(`main thread, acknowledged: ${heapStored}`);
    console.log(`main thread, after ${IDLE_SECONDS} s idle: ${heapIdle}`);
    console.log(`after a forced GC: RSS ${collected} MiB; main thread ${heapCollected}`);
    // More rounds of the same three emails: memory kept after a GC that grows with every round
    // is held per email (a leak); memory that stays flat was a one-time cost (code, caches, pools).
    for (let round = 2; round <= ROUNDS; round++) {
      const again = [0, 1, 2].map((i) => email(`memory-${round}-${i}-${randomUUID().slice(0, 6)}@example.net`));
      const roundStatuses = await postAll(url, again);
      await forceGarbageCollection(await inspectorUrl);
      console.log(`round ${round} (${roundStatuses.join(', ')}), after a forced GC: RSS ${rssMiB(child.pid!)} MiB; main thread ${await heapFigures(url)}`);
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
