// The offline drafter: one template per intent, filled with facts we hold (the lead's name
// and company, our offer facts, the thread's subject, a time or person the analysis found).
// It never copies the lead's sentences into the draft, so an email cannot write our reply.
import type { DraftedReply, DraftStyle, Length, ReplyAnalysis, ReplyContext, Tone } from '../port.js';
import { firstName, sentences } from '../text.js';

const GREETING: Record<Tone, (name: string) => string> = {
  PROFESSIONAL: (n) => `Hi ${n},`,
  FRIENDLY: (n) => `Hey ${n},`,
  CONCISE: (n) => `Hi ${n},`,
  ENTHUSIASTIC: (n) => `Hi ${n}!`,
  EMPATHETIC: (n) => `Hi ${n},`,
};

const THANKS: Record<Tone, string> = {
  PROFESSIONAL: 'Thank you for getting back to me.',
  FRIENDLY: 'Great to hear from you, thanks for the reply!',
  CONCISE: 'Thanks for the reply.',
  ENTHUSIASTIC: 'Thanks so much for getting back to me, it made my day!',
  EMPATHETIC: 'Thank you for taking the time to reply, I know your days are full.',
};

const CLOSING: Record<Tone, string> = {
  PROFESSIONAL: 'Best regards,',
  FRIENDLY: 'Cheers,',
  CONCISE: 'Best,',
  ENTHUSIASTIC: 'Talk soon,',
  EMPATHETIC: 'Warm regards,',
};

// Offer-fact sentences that speak to a topic the lead raised.
const TOPIC_WORDS: [RegExp, RegExp][] = [
  [/\b(price|pricing|cost|much|quote|fee|charge|budget|afford|expensive|total)\b/i, /[$€£]|\b(price|cost|from|fee|month|usd)\b/i],
  [/\b(long|turnaround|timeline|when|weeks?|launch|live)\b/i, /\b(weeks?|days?|turnaround|launch|live)\b/i],
  [/\b(host|hosting|domain|maintenance|support|own)\b/i, /\b(host|hosting|domain|maintenance|support|own)\b/i],
  [/\b(example|examples|portfolio|samples?|work|clients|results)\b/i, /\b(portfolio|examples?|clients|work)\b|https?:\/\//i],
  [/\b(booking|book|calendar|order|ordering|integrat\w*|sync|platform|mobile|phone)\b/i, /\b(booking|ordering|calendar|integrat\w*|mobile|platform)\b/i],
  [/\b(contract|cancel|subscription|monthly|plan|payment)\b/i, /\b(contract|cancel|month|plan|payment)\b/i],
];

function relevantFacts(context: ReplyContext, text: string): string[] {
  if (!context.offerFacts) return [];
  const facts = sentences(context.offerFacts);
  const picked = new Set<string>();
  for (const [asks, answers] of TOPIC_WORDS) {
    if (!asks.test(text)) continue;
    for (const fact of facts) if (answers.test(fact)) picked.add(fact);
  }
  return [...picked].slice(0, 3);
}

function replySubject(context: ReplyContext): string {
  const base = context.inbound.subject.trim() || context.thread.find((m) => m.subject)?.subject || 'Your enquiry';
  return /^re:/i.test(base) ? base : `Re: ${base}`;
}

function formatDay(iso: string): string {
  const d = new Date(`${iso}T12:00:00Z`);
  return d.toLocaleDateString('en-US', { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' });
}

function bodyFor(context: ReplyContext, analysis: ReplyAnalysis, tone: Tone, length: Length): string[] {
  const company = context.lead.company ?? 'your business';
  const facts = relevantFacts(context, `${analysis.questions.join(' ')} ${context.inbound.text}`);
  const factsLine = facts.length > 0 ? facts.join(' ') : null;
  const long = length === 'LONG';
  const short = length === 'SHORT';
  const general = context.offerFacts ? sentences(context.offerFacts).slice(0, 2).join(' ') : null;
  switch (analysis.intent) {
    case 'INTERESTED':
      return [
        `I'm glad this sounds useful for ${company}.`,
        factsLine ?? (short ? null : "I'll put together a short overview tailored to what you need."),
        long && general && general !== factsLine ? `In short: ${general}` : null,
        'Would a 15-minute call this week work to go through it? Let me know a time that suits you.',
      ].filter((l): l is string => l !== null);
    case 'MEETING_REQUEST':
      return [
        "I'd be glad to talk.",
        'Please send over the time that suits you best and I will send a calendar invite to confirm it.',
        long ? `I'll come prepared with a few ideas for ${company}, and we can keep it to 20 minutes.` : null,
      ].filter((l): l is string => l !== null);
    case 'QUESTION':
      return [
        analysis.questions.length > 1 ? 'Good questions, let me take them in turn.' : 'Good question.',
        factsLine ?? "Let me confirm the exact details for your case and get back to you within a day.",
        short ? null : `If it helps, I can also walk you through how this would work for ${company} on a quick call.`,
      ].filter((l): l is string => l !== null);
    case 'OBJECTION':
      return [
        tone === 'EMPATHETIC' ? 'That makes complete sense, and I appreciate you being candid.' : 'That is a fair point, thanks for being upfront.',
        factsLine,
        short ? null : 'Many of the businesses we work with started small, with one improvement and no long commitment.',
        'Would it help if I sent a short outline of a smaller first step, so you can judge it without any pressure?',
      ].filter((l): l is string => l !== null);
    case 'NOT_INTERESTED':
      return [
        'Understood, and thank you for letting me know.',
        short ? null : "I won't follow up further on this. If anything changes, you know where to find me.",
        `All the best to you and the team at ${company}.`,
      ].filter((l): l is string => l !== null);
    case 'REFERRAL':
      return [
        `Thank you for pointing me to ${analysis.referral?.name ?? 'the right person'}.`,
        `I'll reach out to them directly and keep my note short.`,
        short ? null : 'If there is anything I should know before I do, just reply to this email.',
      ].filter((l): l is string => l !== null);
    case 'OUT_OF_OFFICE':
      return [
        analysis.returnDate
          ? `I hope your time away goes well. I'll follow up after you are back on ${formatDay(analysis.returnDate)}.`
          : "I hope your time away goes well. I'll follow up once you are back.",
      ];
    case 'UNSUBSCRIBE':
      return ["You won't receive any further emails from me."];
    default:
      return [
        short ? 'Noted, thank you.' : 'Thanks for your message.',
        `If there is anything I can help ${company} with, just reply to this email.`,
      ];
  }
}

/** "Mr. Daniels" stays whole; "Maria Lopez" becomes "Maria". */
function greetingName(name: string): string {
  const titled = /^(Mr|Mrs|Ms|Dr)\.?\s+(.+)$/.exec(name);
  return titled ? `${titled[1]}. ${titled[2]}` : firstName(name);
}

export function draftOffline(context: ReplyContext, analysis: ReplyAnalysis, style: DraftStyle): DraftedReply {
  const tone = style.tone ?? 'PROFESSIONAL';
  const length = style.length ?? 'MEDIUM';
  const name = firstName(context.lead.name);
  const paragraphs = [
    GREETING[tone](name),
    [tone === 'CONCISE' || length === 'SHORT' ? null : THANKS[tone], ...bodyFor(context, analysis, tone, length)]
      .filter(Boolean)
      .join(' '),
    `${CLOSING[tone]}\n${context.sender.name}`,
  ];
  const referralNote =
    analysis.intent === 'REFERRAL' && analysis.referral
      ? {
          subject: `${context.lead.name}${context.lead.company ? ` at ${context.lead.company}` : ''} suggested I get in touch`,
          body: [
            `Hi ${greetingName(analysis.referral.name)},`,
            `${context.lead.name} mentioned you are the right person to talk to about ${context.lead.company ? `${context.lead.company}'s` : 'your'} website.` +
              (context.offerFacts ? ` ${sentences(context.offerFacts)[0]}` : '') +
              ' Would you be open to a short call?',
            `${CLOSING[tone]}\n${context.sender.name}`,
          ].join('\n\n'),
        }
      : null;
  return { subject: replySubject(context), body: paragraphs.join('\n\n'), selfRating: 0.5, referralNote };
}
