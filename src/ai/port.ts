// The ConversationAI port: what the domain asks of the AI, whichever provider answers.
// Adapters (the AI SDK one, the offline one) implement ReplyModel; createConversationAI
// (src/ai/conversation-ai.ts) wraps one in routing, retries' fallback, safety checks and
// the confidence formula, and that is what the domain sees.
import type { Intent, Sentiment, Urgency } from '../db/enums.js';
import type { Language } from './language.js';

export const INTENTS = [
  'INTERESTED',
  'MEETING_REQUEST',
  'QUESTION',
  'OBJECTION',
  'NOT_INTERESTED',
  'UNSUBSCRIBE',
  'OUT_OF_OFFICE',
  'REFERRAL',
  'OTHER',
] as const satisfies readonly Intent[];
export const SENTIMENTS = ['POSITIVE', 'NEUTRAL', 'NEGATIVE'] as const satisfies readonly Sentiment[];
export const URGENCIES = ['LOW', 'MEDIUM', 'HIGH'] as const satisfies readonly Urgency[];
export const TONES = ['PROFESSIONAL', 'FRIENDLY', 'CONCISE', 'ENTHUSIASTIC', 'EMPATHETIC'] as const;
export const LENGTHS = ['SHORT', 'MEDIUM', 'LONG'] as const;

export type { Intent, Sentiment, Urgency };
export type Tone = (typeof TONES)[number];
export type Length = (typeof LENGTHS)[number];

export interface LeadFacts {
  name: string;
  email: string;
  company: string | null;
  phone: string | null;
  source: string | null;
  sourceUrl: string | null;
  estimatedValue: number | null;
}

export interface ThreadMessage {
  direction: 'INBOUND' | 'OUTBOUND';
  fromName: string | null;
  fromEmail: string;
  subject: string;
  /** The new text of the email, without quoted history. */
  text: string;
  at: Date;
}

/** A past conversation like this one, from the similarity search (the vector issue). */
export interface SimilarExample {
  conversationId: string;
  /** What the lead wrote. */
  inbound: string;
  /** What we answered, when we did. */
  reply: string | null;
  /** How it went, e.g. "MEETING_BOOKED", "NONE". */
  outcome: string;
  /** 0..1 cosine similarity to this conversation. */
  similarity: number;
}

/** An email template the team wrote, shown to the drafter as an example of its style. */
export interface StyleExample {
  name: string;
  subject: string;
  body: string;
}

/** Everything a draft may draw on. Facts here are the only ones a draft may state. */
export interface ReplyContext {
  lead: LeadFacts;
  /** The whole thread, oldest first, including the inbound email being answered. */
  thread: ThreadMessage[];
  /** The inbound email being answered (also in thread). */
  inbound: ThreadMessage;
  sender: { name: string; email: string };
  /** Configured facts about what we sell (AI_OFFER_FACTS): prices, links, terms. */
  offerFacts: string | null;
  examples: SimilarExample[];
  /**
   * The account's email templates, as examples of the team's own style (not to be copied, and
   * with their {{variables}} unfilled). Absent or empty: none.
   */
  styleExamples?: StyleExample[];
  now: Date;
  /** The lead's language; detected from the thread when absent (see reply-language.ts). */
  language?: Language;
  /**
   * The inbound email as received, for the injection detector: quoted history, HTML, the Cc
   * line; or, instead of the bodies, the detector's verdict on them when it read them as the
   * email arrived (webhooks/postmark-inbound-payload.ts).
   */
  inboundRaw?: { copied: { name: string | null; email: string }[] } & (
    | { textBody: string; htmlBody: string | null }
    | { injectionSuspected: boolean }
  );
}

export interface ReplyAnalysis {
  sentiment: Sentiment;
  intent: Intent;
  urgency: Urgency;
  /** 0..1: how sure the analyser is of the intent. */
  intentConfidence: number;
  keyPoints: string[];
  /** Questions the lead asked, in their words. */
  questions: string[];
  suggestedNextStep: string;
  /** OUT_OF_OFFICE: the day the lead is back (YYYY-MM-DD), when the email says. */
  returnDate: string | null;
  /** REFERRAL: the person the lead pointed to. */
  referral: { name: string; email: string | null } | null;
  /** The email contains text that tries to instruct the AI. */
  injectionSuspected: boolean;
}

export interface DraftStyle {
  tone?: Tone | null;
  length?: Length | null;
  /** The reviewer's extra instruction (trusted: it comes from our user, not the lead). */
  customPrompt?: string | null;
  /** The draft being replaced, so a regenerated one differs from it. */
  previousDraft?: { subject: string; body: string } | null;
  /**
   * A follow-up instead of a reply: our last email (the context's `inbound`, direction
   * OUTBOUND) got no answer; `number` counts the follow-ups since the lead last wrote, this one included.
   */
  followUp?: { number: number } | null;
}

export interface DraftedReply {
  subject: string;
  body: string;
  /** The model's own 0..1 rating of how ready to send the draft is. */
  selfRating: number;
  /** REFERRAL: a note to the person the lead named. */
  referralNote: { subject: string; body: string } | null;
  /** The language the draft is written in, when the drafter knows it. */
  language?: Language | null;
  /** Set when the drafter wrote nothing and a person must: why. */
  needsHumanWriter?: string | null;
}

/** What one call cost and who answered it. */
export interface CallMeta {
  provider: string;
  model: string;
  promptVersion: string;
  inputTokens: number | null;
  outputTokens: number | null;
  latencyMs: number;
  /** Estimated US dollars; null for unpriced models, 0 offline. */
  costUsd: number | null;
  attempts: number;
}

/** Why the configured model was not used. */
export interface Fallback {
  code: 'AI_UNAVAILABLE' | 'AI_DRAFT_REFUSED';
  message: string;
}

/** One provider: the AI SDK adapter or the offline one. Throws when it cannot answer. */
export interface ReplyModel {
  readonly provider: string;
  analyze(context: ReplyContext): Promise<{ value: ReplyAnalysis; meta: CallMeta }>;
  draft(
    context: ReplyContext,
    analysis: ReplyAnalysis,
    style: DraftStyle,
  ): Promise<{ value: DraftedReply; meta: CallMeta; /** What was sent, for the leak check. */ prompt?: { system: string; nonce: string } }>;
}

export interface AnalysisResult {
  analysis: ReplyAnalysis;
  meta: CallMeta;
  fallback: Fallback | null;
}

export interface DraftResult {
  subject: string;
  body: string;
  referralNote: { toName: string; toEmail: string | null; subject: string; body: string } | null;
  /** 0..1, see src/ai/confidence.ts. */
  confidence: number;
  /** What the pre-storage check found (see src/ai/safety.ts); empty for a clean draft. */
  safetyFlags: string[];
  meta: CallMeta;
  fallback: Fallback | null;
  style: DraftStyle;
  /** The lead's language, which the draft is written in (or 'other'/'und'). */
  language: Language;
  /** Non-null when nobody drafted and a person must write the reply: why. */
  humanWriterReason: string | null;
}

export interface ConversationAI {
  /** "openai" or "offline": which provider drafts when all goes well. */
  readonly provider: string;
  /** `fallback: false`: a failed model call throws instead of using the offline provider. */
  analyzeReply(context: ReplyContext, options?: FallbackOption): Promise<AnalysisResult>;
  generateReply(context: ReplyContext, analysis: ReplyAnalysis, options?: FallbackOption): Promise<DraftResult>;
  regenerateReply(context: ReplyContext, analysis: ReplyAnalysis, style: DraftStyle): Promise<DraftResult>;
  /** A follow-up to our last email (the context's `inbound`), which got no reply; style as for regenerating. */
  generateFollowUp(context: ReplyContext, style: DraftStyle & { followUp: { number: number } }, options?: FallbackOption): Promise<DraftResult>;
}

/** What a follow-up is drafted against: no email of the lead's to analyse, so nothing read into one. */
export const FOLLOW_UP_ANALYSIS: ReplyAnalysis = {
  sentiment: 'NEUTRAL',
  intent: 'OTHER',
  urgency: 'LOW',
  intentConfidence: 1,
  keyPoints: [],
  questions: [],
  suggestedNextStep: 'Follow up on our last email, which got no reply.',
  returnDate: null,
  referral: null,
  injectionSuspected: false,
};

export interface FallbackOption {
  /** Use the offline provider when the model fails (default true). */
  fallback?: boolean;
}
