// CPU-heavy text work (offline analysis and drafting, offline embedding, quote stripping) runs
// here, in worker threads from piscina, never on the event loop that answers requests: one
// long email must not slow anyone else's request. Every text is clipped to a bounded prefix at
// this entry, so a task's cost is bounded whatever arrives.
//
// One pool per process, made on first use: like libuv's thread pool it is a process resource,
// shared by every app in it (tests build several). Idle threads are unref'd by piscina, so the
// pool never keeps a process alive, and exit after IDLE_TIMEOUT_MS.
import { availableParallelism } from 'node:os';
import type { Piscina } from 'piscina';
import { piscina } from '../lazy-package.js';
import type * as Tasks from './text-work.js';
import type { InboundPayloadRefusal, ReadInboundEmail } from '../webhooks/postmark-inbound-payload.js';

/**
 * The longest text (in UTF-16 code units) any text work sees: the first 20,000 characters of
 * an email, about 3,000 words. Intent, questions, dates and similarity are in the first lines
 * of a reply; what follows a 20,000-character prefix is quoted history, signatures or noise.
 */
export const TEXT_WORK_MAX_CHARS = 20_000;

/** A task still running after this long is abandoned (its thread is replaced) and fails. */
export const TEXT_WORK_TIMEOUT_MS = 60_000;

const IDLE_TIMEOUT_MS = 60_000;

/** The first TEXT_WORK_MAX_CHARS of a text, never ending in half a surrogate pair. */
export function clipForTextWork(text: string): string {
  if (text.length <= TEXT_WORK_MAX_CHARS) return text;
  const end = /[\uD800-\uDBFF]/.test(text[TEXT_WORK_MAX_CHARS - 1]!) ? TEXT_WORK_MAX_CHARS - 1 : TEXT_WORK_MAX_CHARS;
  return text.slice(0, end);
}

type TaskName = keyof typeof Tasks;

let pool: Piscina | undefined;

function textWorkers(): Piscina {
  pool ??= new (piscina().Piscina)({
    filename: new URL('./worker.mjs', import.meta.url).href,
    // One core stays with the event loop (and the embedded database, which shares it).
    minThreads: 0,
    maxThreads: Math.max(1, Math.min(4, availableParallelism() - 1)),
    idleTimeout: IDLE_TIMEOUT_MS,
  });
  return pool;
}

/**
 * Runs one text task in the pool. Callers clip their texts with clipForTextWork first (the
 * typed wrappers below do).
 */
export async function runTextWork<K extends TaskName>(
  task: K,
  input: Parameters<(typeof Tasks)[K]>[0],
): Promise<ReturnType<(typeof Tasks)[K]>> {
  return tracked(textWorkers().run({ task, input }, { signal: AbortSignal.timeout(TEXT_WORK_TIMEOUT_MS) }));
}

/** Tasks submitted and not yet settled, in any pool of this process. */
let inFlight = 0;

function tracked<T>(task: Promise<T>): Promise<T> {
  inFlight++;
  return task.finally(() => inFlight--);
}

/**
 * A posted inbound body read into an InboundEmail in the pool (postmark-inbound-payload.ts).
 * The bytes are moved to the thread, not copied: the caller must not use `raw` afterwards.
 * No clip here: the body is read whole (the original is kept whole), once, bounded by the
 * webhook's body limit.
 */
export async function readInboundEmailOffLoop(
  raw: Buffer,
  options: Parameters<typeof Tasks.inboundEmail>[0]['options'],
): Promise<ReadInboundEmail | InboundPayloadRefusal> {
  // A small body may sit in Buffer's shared pool: moving that memory would take it from others.
  const owned = raw.byteOffset === 0 && raw.byteLength === raw.buffer.byteLength ? raw : new Uint8Array(raw);
  return tracked(
    textWorkers().run(
      { task: 'inboundEmail', input: { raw: owned, options } },
      { signal: AbortSignal.timeout(TEXT_WORK_TIMEOUT_MS), transferList: [owned.buffer as ArrayBuffer] },
    ),
  );
}

/** The new text of each email (quoted history cut off), from its clipped prefix. */
export const replyTextsOffLoop = (texts: string[]): Promise<string[]> =>
  runTextWork('replyTexts', { texts: texts.map(clipForTextWork) });

/** How many text-work threads are running now. */
export const textWorkerThreadCount = (): number => pool?.threads.length ?? 0;

/**
 * Stops the pool's threads if none has a task (the next task starts new ones); true if it did.
 * After large inbound work (idle-gc.ts): a thread that parsed 50 MiB emails kept ~250 MiB of
 * RSS after its own full collection (V8's pages and its malloc arena), until the pool's idle
 * timeout ended it; a new thread costs its start-up, off the event loop.
 */
export async function recycleIdleTextWorkers(): Promise<boolean> {
  if (!pool || inFlight > 0) return false;
  await closeTextWorkers();
  return true;
}

/** Stops the pool's threads (the next task starts new ones). */
export async function closeTextWorkers(): Promise<void> {
  const closing = pool;
  pool = undefined;
  await closing?.destroy();
}
