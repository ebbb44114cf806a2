// npm run eval:intents -- FILE.jsonl [--mistakes]
// Runs the configured analyser (the model when OPENAI_API_KEY/OPENAI_BASE_URL are set, the
// offline one otherwise) on each {"text", "intent"} line and prints per-intent precision and
// recall; the last line is `macro-F1: 0.NN`.
import { conversationAIFromConfig } from '../src/ai/conversation-ai.js';
import { evaluateIntents, formatEvaluation, readLabelledFile } from '../src/ai/intent-eval.js';
import type { ConversationAI, ReplyContext } from '../src/ai/port.js';
import { loadConfig } from '../src/config.js';

/** A one-message thread around a labelled line, as the analyser sees a real reply. */
export function contextFor(text: string, now = new Date()): ReplyContext {
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
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    console.error('usage: npm run eval:intents -- FILE.jsonl [--mistakes]');
    process.exit(2);
  }
  const config = loadConfig();
  const ai = conversationAIFromConfig(config.ai);
  console.log(`analyser: ${ai.provider}${ai.provider === 'offline' ? '' : ` (${config.ai.analysisModel})`}, file: ${file}`);
  console.log(formatEvaluation(await evaluateFile(file, ai), args.includes('--mistakes')));
}
