// npm run eval:intents -- FILE.jsonl [FILE.jsonl ...] [--mistakes]
// Runs the configured analyser (the model when OPENAI_API_KEY/OPENAI_BASE_URL are set, the
// offline one otherwise) on each labelled line, after the same preparation production applies
// to an inbound email (src/ai/email-text.ts: quotes, forwards, signatures and footers cut), and
// prints per-intent precision and recall, macro-F1 per language and per shape; the last line
// is `macro-F1: 0.NN`.
import { parseArgs } from 'node:util';
import { conversationAIFromConfig } from '../src/ai/conversation-ai.js';
import { inboundThreadText } from '../src/ai/email-text.js';
import { evaluateIntents, formatEvaluation, readLabelledFile } from '../src/ai/intent-eval.js';
import type { ConversationAI, ReplyContext } from '../src/ai/port.js';
import { loadConfig } from '../src/config.js';

/** A one-message thread around a labelled email body, prepared as production prepares one. */
export function contextFor(body: string, now = new Date()): ReplyContext {
  const text = inboundThreadText({ textBody: body, strippedText: null });
  const inbound = { direction: 'INBOUND' as const, fromName: 'Sam Lead', fromEmail: 'sam@lead.example.com', subject: 'Re: A faster website', text, at: now };
  return {
    lead: { name: 'Sam Lead', email: 'sam@lead.example.com', company: 'Lead Co', phone: null, source: null, sourceUrl: null, estimatedValue: null },
    thread: [inbound],
    inbound,
    sender: { name: 'Alex Rivera', email: 'alex@parley.example.com' },
    offerFacts: null,
    examples: [],
    now,
  };
}

export async function evaluateFile(path: string, ai: ConversationAI) {
  return evaluateIntents(readLabelledFile(path), async (text) => (await ai.analyzeReply(contextFor(text))).analysis.intent);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // Strict: a misspelt option stops the run with its name instead of being read as a file.
  const { values, positionals: files } = parseArgs({ options: { mistakes: { type: 'boolean', default: false } }, strict: true, allowPositionals: true });
  if (files.length === 0) {
    console.error('usage: npm run eval:intents -- FILE.jsonl [FILE.jsonl ...] [--mistakes]');
    process.exit(2);
  }
  const config = loadConfig();
  const ai = conversationAIFromConfig(config.ai);
  for (const file of files) {
    console.log(`analyser: ${ai.provider}${ai.provider === 'offline' ? '' : ` (${config.ai.analysisModel})`}, file: ${file}`);
    console.log(formatEvaluation(await evaluateFile(file, ai), values.mistakes));
    console.log('');
  }
}
