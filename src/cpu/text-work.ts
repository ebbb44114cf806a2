// The CPU-heavy text work, as it runs inside a worker thread of the text-work pool (pool.ts):
// each task takes one structured-cloneable input and returns a cloneable result. Nothing here
// does I/O; the inputs were clipped to TEXT_WORK_MAX_CHARS before they were sent.
import type { DraftStyle, ReplyAnalysis, ReplyContext } from '../ai/port.js';
import { analyseOffline } from '../ai/offline/classifier.js';
import { draftOffline } from '../ai/offline/drafter.js';
import { latestReplyText } from '../ai/text.js';
import { embedOffline } from '../vector/offline.js';

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
