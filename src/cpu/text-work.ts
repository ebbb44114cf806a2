// The CPU-heavy text work, as it runs inside a worker thread of the text-work pool (pool.ts):
// each task takes one structured-cloneable input and returns a cloneable result. Nothing here
// does I/O; the inputs were clipped to TEXT_WORK_MAX_CHARS before they were sent.
import type { DraftStyle, ReplyAnalysis, ReplyContext } from '../ai/port.js';
import { analyseOffline } from '../ai/offline/classifier.js';
import { draftOffline } from '../ai/offline/drafter.js';
import { emailsIn, latestReplyText } from '../ai/text.js';
import { allowedFacts, checkText, type Allowed, type CheckedText, type CheckOptions, type SafetyFlag } from '../ai/safety.js';
import { embedOffline } from '../vector/offline.js';
import { draftFeatures as computeDraftFeatures } from '../ai/draft-features.js';
import { looksLikeInjection, type InboundParts } from '../ai/injection.js';
import { explicitUnsubscribeRequest } from '../ai/offline/lexicon.js';
import { detectLanguageHere, type Language } from '../ai/language.js';
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { fullGc, LARGE_BODY_BYTES } from './idle-gc.js';
import { readInboundEmail } from '../webhooks/postmark-inbound-payload.js';

export function analyse(input: { text: string; options: Parameters<typeof analyseOffline>[1] }): ReplyAnalysis {
  return analyseOffline(input.text, input.options);
}

export function draft(input: { context: ReplyContext; analysis: ReplyAnalysis; style: DraftStyle }) {
  return draftOffline(input.context, input.analysis, input.style);
}

export function embed(input: { texts: string[]; dimensions: number }): number[][] {
  return input.texts.map((text) => embedOffline(text, input.dimensions));
}

/** The new text of each email: quoted history cut off. */
export function replyTexts(input: { texts: string[] }): string[] {
  return input.texts.map(latestReplyText);
}

/**
 * What a draft may state (safety.ts, allowedFacts) and the addresses the lead's text names:
 * regular-expression scans over the thread and the clipped inbound text.
 */
export function draftFacts(input: { context: ReplyContext }): { allowed: Allowed; known: string[] } {
  return { allowed: allowedFacts(input.context), known: emailsIn(input.context.inbound.text) };
}

/**
 * The safety check of a draft (safety.ts, checkText). A draft may quote the lead's text: on a
 * single-token email its identity scan held the event loop for ~50 ms.
 */
export function safetyCheck(input: { text: CheckedText; allowed: Allowed; options?: CheckOptions }): SafetyFlag[] {
  return checkText(input.text, input.allowed, input.options);
}

// The checks below read the whole email, not a prefix (an instruction hidden at its end must
// still be seen); their regular expressions are linear-time (test/text-linear-time.test.ts),
// and here they cost a worker thread, not the event loop: on a 5 MiB email they held the loop
// for 100-350 ms each.

/** Whether the email looks like it carries instructions to a machine (ai/injection.ts). */
export function injection(input: InboundParts): boolean {
  return looksLikeInjection(input);
}

/** The confidence model's features of a draft (ai/draft-features.ts; chrono parses dates). */
export function draftFeatures(input: Parameters<typeof computeDraftFeatures>[0]) {
  return computeDraftFeatures(input);
}

/** Whether the text asks in so many words to stop emailing (ai/offline/lexicon.ts). */
export function explicitUnsubscribe(input: { text: string }): boolean {
  return explicitUnsubscribeRequest(input.text);
}

/** The language of a text's first characters (ai/language.ts; loads eld's n-grams once per thread). */
export function language(input: { text: string }): Promise<Language> {
  return detectLanguageHere(input.text);
}

/**
 * A posted inbound body, parsed, validated, mapped and compressed (webhooks/postmark-inbound-payload.ts).
 * Its bodies (UTF-8 bytes) and compressed original are moved to the caller's thread, not
 * cloned: a clone of a 5 MiB email's bodies was ~20 MiB copied on the event loop.
 */
export function inboundEmail(input: { raw: Uint8Array; options: Parameters<typeof readInboundEmail>[1] }): ReturnType<typeof readInboundEmail> {
  // This thread's garbage from a large email (its text, the parsed JSON: several times the
  // body) is collected as soon as the answer has left, not when the thread next allocates
  // (maybe never: idle threads stay until the pool's idle timeout). See idle-gc.ts.
  if (input.raw.byteLength >= LARGE_BODY_BYTES) setTimeout(() => fullGc()?.(), 0);
  const read = readInboundEmail(input.raw, input.options);
  if ('error' in read) return read;
  const { email } = read;
  // zlib's output owns its ArrayBuffer when large; a small one may share Buffer's pool, which
  // must not be moved (it is other Buffers' memory too): it is copied into its own.
  if (email.original.content.byteOffset !== 0 || email.original.content.byteLength !== email.original.content.buffer.byteLength) {
    email.original.content = new Uint8Array(email.original.content);
  }
  // Each ArrayBuffer once (a body equal to another is the same array, postmark-inbound-payload.ts).
  const moved = [
    ...new Set(
      [email.textBody, email.htmlBody, email.strippedText, email.safeHtmlBody, email.original.content]
        .filter((bytes): bytes is Uint8Array<ArrayBuffer> => bytes != null)
        .map((bytes) => bytes.buffer),
    ),
  ];
  // Piscina's Transferable: the value is sent with these ArrayBuffers in its transfer list.
  return move({
    get [transferableSymbol]() {
      return moved;
    },
    get [valueSymbol]() {
      return read;
    },
  }) as unknown as ReturnType<typeof readInboundEmail>;
}
