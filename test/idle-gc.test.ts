// Memory returns after large inbound work (issue 13): once the process is idle after large
// emails, it asks V8 for one full collection (src/cpu/idle-gc.ts). The idle signal is the
// test's own (no timer decides anything here): the test fires it when it chooses.
import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fullGc,
  IDLE_GC_AFTER_BYTES,
  IDLE_GC_MIN_INTERVAL_MS,
  IDLE_GC_QUIET_MS,
  IdleCollector,
  LARGE_BODY_BYTES,
  restoreIdleSignal,
  useIdleSignalForTests,
} from '../src/cpu/idle-gc.js';
import { textWorkerThreadCount } from '../src/cpu/pool.js';
import { devAuth, inboundPayload } from './support/postmark-payloads.js';
import { startTestServer, type TestServer } from './support/server.js';
import { waitFor } from './support/wait.js';

const MiB = 1024 * 1024;

/** A collector whose idle signal, clock and collection are the test's. */
function collectorUnderTest() {
  const scheduled: { callback: () => void; ms: number; cancelled: boolean }[] = [];
  let clock = 0;
  let collected = 0;
  const collector = new IdleCollector({
    collect: () => collected++,
    schedule: (callback, ms) => {
      const entry = { callback, ms, cancelled: false };
      scheduled.push(entry);
      return () => (entry.cancelled = true);
    },
    now: () => clock,
  });
  const pending = () => scheduled.filter((s) => !s.cancelled);
  return {
    collector,
    pending,
    /** Fires the one pending idle signal, as its timer would. */
    fire: () => {
      const [entry] = pending();
      entry!.cancelled = true;
      entry!.callback();
    },
    advance: (ms: number) => (clock += ms),
    collected: () => collected,
  };
}

describe('IdleCollector', () => {
  it('ignores small bodies, however many', () => {
    const t = collectorUnderTest();
    for (let i = 0; i < 1_000; i++) t.collector.begin(LARGE_BODY_BYTES - 1)();
    expect(t.pending()).toHaveLength(0);
  });

  it('waits until large work adds up and none is in flight, then collects once', () => {
    const t = collectorUnderTest();
    const half = IDLE_GC_AFTER_BYTES / 2;
    const first = t.collector.begin(half);
    const second = t.collector.begin(half);
    first();
    // Still one in flight.
    expect(t.pending()).toHaveLength(0);
    second();
    expect(t.pending().map((s) => s.ms)).toEqual([IDLE_GC_QUIET_MS]);
    t.fire();
    expect(t.collected()).toBe(1);
    // Calling done twice changes nothing.
    second();
    expect(t.pending()).toHaveLength(0);
  });

  it('does not collect below the threshold', () => {
    const t = collectorUnderTest();
    t.collector.begin(IDLE_GC_AFTER_BYTES - 1)();
    expect(t.pending()).toHaveLength(0);
  });

  it('new large work cancels a pending collection; it is scheduled again once that work is done', () => {
    const t = collectorUnderTest();
    t.collector.begin(IDLE_GC_AFTER_BYTES)();
    expect(t.pending()).toHaveLength(1);
    const next = t.collector.begin(LARGE_BODY_BYTES);
    expect(t.pending()).toHaveLength(0);
    next();
    t.fire();
    expect(t.collected()).toBe(1);
  });

  it('collects at most once per IDLE_GC_MIN_INTERVAL_MS', () => {
    const t = collectorUnderTest();
    t.collector.begin(IDLE_GC_AFTER_BYTES)();
    t.advance(IDLE_GC_QUIET_MS);
    t.fire();
    t.advance(1_000);
    t.collector.begin(IDLE_GC_AFTER_BYTES)();
    expect(t.pending().map((s) => s.ms)).toEqual([IDLE_GC_MIN_INTERVAL_MS - 1_000]);
    t.fire();
    expect(t.collected()).toBe(2);
  });

  it('a signal that fires while large work has started again does nothing', () => {
    const t = collectorUnderTest();
    t.collector.begin(IDLE_GC_AFTER_BYTES)();
    const [entry] = t.pending();
    t.collector.begin(LARGE_BODY_BYTES);
    entry!.callback();
    expect(t.collected()).toBe(0);
  });

  it("V8's full collection is available in this process without --expose-gc on the command line", () => {
    expect(process.execArgv).not.toContain('--expose-gc');
    expect(typeof fullGc()).toBe('function');
    // The process's own global is left alone.
    expect('gc' in globalThis).toBe(false);
  });
});

describe('the server after large inbound emails', () => {
  let server: TestServer;
  const signals: (() => void)[] = [];
  let collector: IdleCollector;

  beforeAll(async () => {
    collector = useIdleSignalForTests((callback) => {
      signals.push(callback);
      return () => signals.splice(signals.indexOf(callback) >>> 0, 1);
    });
    server = await startTestServer();
  }, 300_000);

  afterAll(async () => {
    restoreIdleSignal();
    await server?.close();
  });

  const run = promisify(execFile);

  /** Posts from a child process, so that the request's memory is the server's alone. */
  async function post(body: Buffer): Promise<number> {
    const folder = await mkdtemp(join(tmpdir(), 'parley-idle-gc-'));
    try {
      const file = join(folder, 'body.json');
      await writeFile(file, body);
      const poster = `
        const body = require('node:fs').readFileSync(process.argv[1]);
        fetch(process.argv[2], { method: 'POST', headers: { 'content-type': 'application/json', authorization: process.argv[3] }, body })
          .then(async (r) => { await r.arrayBuffer(); console.log(r.status); });`;
      const { stdout } = await run(process.execPath, ['-e', poster, file, `${server.url}/webhooks/postmark/inbound`, devAuth]);
      return Number(stdout.trim());
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }

  it('memory outside the heap (the emails\' buffers) returns once the idle signal fires', async () => {
    fullGc()!();
    await new Promise((resolve) => setImmediate(resolve));
    const baseline = process.memoryUsage().arrayBuffers;
    // Two emails of 12 MiB of attachments each: the request bodies, their compressed originals
    // and pg's write buffers pass through this thread's ArrayBuffers.
    const email = () =>
      Buffer.from(
        JSON.stringify({
          ...inboundPayload({ from: `big-${randomUUID().slice(0, 8)}@example.net` }),
          Attachments: [{ Name: 'plan.pdf', ContentType: 'application/pdf', ContentLength: 9 * MiB, Content: randomBytes(9 * MiB).toString('base64') }],
        }),
      );
    const statuses = await Promise.all([post(email()), post(email())]);
    expect(textWorkerThreadCount()).toBeGreaterThan(0);
    expect(statuses).toEqual([200, 200]);
    // Both are done and nothing else is in flight: the collection is scheduled, not yet run.
    expect(signals).toHaveLength(1);
    expect(collector.collections).toBe(0);
    signals[0]!();
    expect(collector.collections).toBe(1);
    // V8 frees ArrayBuffers' memory on a background thread after the collection: a state
    // awaited, with room for what the server keeps (pools, caches).
    await waitFor(() => process.memoryUsage().arrayBuffers < baseline + 8 * MiB);
    // The text-work thread that read them (and holds its memory while it lives) is stopped.
    await waitFor(() => textWorkerThreadCount() === 0);
  }, 300_000);
});
