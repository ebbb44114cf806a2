// Memory returns after large inbound work without an operator's help (issue 13). Three 50 MiB
// emails left a server at ~1.1 GiB RSS for as long as it stayed idle, and at ~570 MiB after a
// forced GC: the garbage was mostly outside V8's heap (the bodies' ArrayBuffers, the request
// bodies, pg's write buffers), held only by small, dead JS objects. V8 collects when its heap
// grows; an idle process allocates nothing, so nothing ever collected them.
//
// So once the process has been quiet for a while after large inbound work, it asks V8 for one
// full collection. That costs the event loop one pause (tens of ms on this server's heap), so
// it is throttled: only after at least IDLE_GC_AFTER_BYTES of inbound bodies, only when no
// large body is in flight, only after IDLE_GC_QUIET_MS (15 s) without a new one, and at most once per
// IDLE_GC_MIN_INTERVAL_MS. The text-work threads collect their own heaps after a large task
// (text-work.ts) and are stopped at this collection if idle (pool.ts). Limiting glibc's malloc
// arenas (MALLOC_ARENA_MAX=2) without this collection was measured and barely helped, so
// `npm start` does not set it (bench/RESULTS.md has the figures).
//
// V8 offers a full collection to JavaScript only behind --expose-gc. The flag is set at run
// time (v8.setFlagsFromString) and the function taken from a new context, which V8 creates with
// the flag's `gc` global: the process's own global is left as it was (no `gc` appears in it),
// and no start script must remember the flag (the server starts through scripts/start.mjs, tsx
// or a test, all in-process). jest-leak-detector takes V8's gc the same way.
import v8 from 'node:v8';
import vm from 'node:vm';

/** Inbound bodies at least this large count as large work (a typical email is a few KiB). */
export const LARGE_BODY_BYTES = 1024 * 1024;
/** How much large work since the last collection makes one worth its pause. */
export const IDLE_GC_AFTER_BYTES = 16 * 1024 * 1024;
/**
 * How long without large work counts as idle: past Node's HTTP keep-alive timeout (5 s) and
 * pg's idle-connection timeout (10 s is its default, after the statement), which release what
 * the last request and connection still hold.
 */
export const IDLE_GC_QUIET_MS = 15_000;
/** At most one collection this often, however much arrives. */
export const IDLE_GC_MIN_INTERVAL_MS = 30_000;

/** Cancels a scheduled callback. */
type Cancel = () => void;

export interface IdleCollectorOptions {
  /** A full garbage collection of this thread's heap. */
  collect: () => void;
  /** Runs `callback` after `ms` (the idle signal); tests drive it themselves. */
  schedule: (callback: () => void, ms: number) => Cancel;
  /** Milliseconds now, for the throttle. */
  now: () => number;
}

/** Counts large work in flight and collects once the process is idle after it. */
export class IdleCollector {
  private inFlight = 0;
  private pendingBytes = 0;
  private lastCollectedAt = -Infinity;
  private cancel: Cancel | undefined;
  /** How many collections ran (metrics and tests). */
  collections = 0;

  constructor(private readonly options: IdleCollectorOptions) {}

  /**
   * Notes work on a body of `bytes`; call the returned function once it is done (stored,
   * refused or failed). Small bodies are not counted.
   */
  begin(bytes: number): () => void {
    if (bytes < LARGE_BODY_BYTES) return () => {};
    this.inFlight++;
    this.pendingBytes += bytes;
    this.cancel?.();
    this.cancel = undefined;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.inFlight--;
      this.scheduleIfIdle();
    };
  }

  private scheduleIfIdle(): void {
    if (this.inFlight > 0 || this.pendingBytes < IDLE_GC_AFTER_BYTES) return;
    this.cancel?.();
    const wait = Math.max(IDLE_GC_QUIET_MS, this.lastCollectedAt + IDLE_GC_MIN_INTERVAL_MS - this.options.now());
    this.cancel = this.options.schedule(() => {
      this.cancel = undefined;
      if (this.inFlight > 0) return;
      this.pendingBytes = 0;
      this.lastCollectedAt = this.options.now();
      this.collections++;
      this.options.collect();
    }, wait);
  }
}

let exposedGc: (() => void) | undefined | null;

/**
 * V8's full collection of the calling thread's heap, or undefined if this V8 refuses the flag.
 * Usable from worker threads too (the flag is process-wide; each thread takes its own function).
 */
export function fullGc(): (() => void) | undefined {
  if (exposedGc === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      const gc = vm.runInNewContext('typeof gc === "function" ? gc : undefined') as (() => void) | undefined;
      exposedGc = gc ?? null;
    } catch {
      exposedGc = null;
    }
  }
  return exposedGc ?? undefined;
}

const timers: IdleCollectorOptions['schedule'] = (callback, ms) => {
  // Never keeps the process alive.
  const timer = setTimeout(callback, ms).unref();
  return () => clearTimeout(timer);
};

let processCollector: IdleCollector | undefined;

/**
 * The process's collection: this thread's heap, and the text-work threads, which are stopped
 * if idle (pool.ts, recycleIdleTextWorkers: their memory is returned only when they end).
 */
function collectProcess(): void {
  // The threads first: the pool holds the last results they sent (the bodies and the compressed
  // original moved here, ~46 MiB after 3 x 50 MiB emails) until it is gone. Imported here, not
  // at the top: text-work threads import this module too.
  void import('./pool.js')
    .then(({ recycleIdleTextWorkers }) => recycleIdleTextWorkers())
    .catch(() => false)
    .then(() => fullGc()?.())
    .catch(() => undefined);
}

/** The process's collector (one per process, as V8's heap is). */
export function idleCollector(): IdleCollector {
  processCollector ??= new IdleCollector({ collect: collectProcess, schedule: timers, now: () => performance.now() });
  return processCollector;
}

/** Replaces the process's idle signal (tests fire it themselves); returns the collector. */
export function useIdleSignalForTests(schedule: IdleCollectorOptions['schedule']): IdleCollector {
  processCollector = new IdleCollector({ collect: collectProcess, schedule, now: () => performance.now() });
  return processCollector;
}

/** Back to the process's own idle signal (after useIdleSignalForTests). */
export function restoreIdleSignal(): void {
  processCollector = undefined;
}
