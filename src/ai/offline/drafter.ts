// The offline drafter: one template per intent and language (phrases.ts), filled with facts we
// hold (the lead's name and company, our offer facts, the thread's subject, a time or person
// the analysis found). It never copies the lead's sentences into the draft, so an email cannot
// write our reply. It drafts in the five handled languages; for any other language it writes
// nothing and hands the reply to a person (needsHumanWriter), rather than answer in English.
import { isHandledLanguage, type HandledLanguage, type Language } from '../language.js';
import { ACCEPTS_TIME, meetingTimeIn } from '../meeting-time.js';
import type { DraftedReply, DraftStyle, Length, ReplyAnalysis, ReplyContext, Tone } from '../port.js';
import { firstName, sentences } from '../text.js';
import { FOLLOW_UP_PHRASES } from './follow-up.js';
import { PHRASES, type Phrases } from './phrases.js';

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

/** "Re:" and the subject we wrote: the lead's own subject line is theirs to fill with anything. */
function replySubject(context: ReplyContext): string {
  const ours = context.thread.find((m) => m.direction === 'OUTBOUND' && m.subject.trim())?.subject;
  const base = ours?.trim() || context.inbound.subject.trim() || 'Re:';
  return /^re:/i.test(base) ? base : `Re: ${base}`;
}

function formatDay(iso: string, language: HandledLanguage): string {
  const d = new Date(`${iso}T12:00:00Z`);
  const locale = { en: 'en-US', es: 'es-ES', de: 'de-DE', fr: 'fr-FR', pt: 'pt-BR' }[language];
  return d.toLocaleDateString(locale, { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' });
}

/** Offer facts are written in English: they are quoted only in English drafts, never mixed into another language. */
function factsFor(context: ReplyContext, analysis: ReplyAnalysis, language: HandledLanguage) {
  if (language !== 'en') return { factsLine: null, general: null };
  const facts = relevantFacts(context, `${analysis.questions.join(' ')} ${context.inbound.text}`);
  return {
    factsLine: facts.length > 0 ? facts.join(' ') : null,
    general: context.offerFacts ? sentences(context.offerFacts).slice(0, 2).join(' ') : null,
  };
}

function bodyFor(context: ReplyContext, analysis: ReplyAnalysis, tone: Tone, length: Length, language: HandledLanguage): string[] {
  const p: Phrases = PHRASES[language];
  const company = context.lead.company ?? p.yourBusiness;
  const { factsLine, general } = factsFor(context, analysis, language);
  const long = length === 'LONG';
  const short = length === 'SHORT';
  const keep = (lines: (string | null)[]) => lines.filter((l): l is string => l !== null);
  // A reply that accepts a time the lead named is a meeting, whatever else it says: confirm
  // the time they gave (never "I won't follow up" to "yes, Tuesday 10am works").
  const time = meetingTimeIn(context.inbound.text, context.now, language);
  const acceptsTime = time !== null && ACCEPTS_TIME.test(context.inbound.text) && analysis.intent !== 'OUT_OF_OFFICE' && analysis.intent !== 'UNSUBSCRIBE';
  if (analysis.intent === 'MEETING_REQUEST' || acceptsTime) {
    return keep([
      time && (acceptsTime || time.hasHour) ? null : p.meeting.glad,
      time && (acceptsTime || time.hasHour) ? p.meeting.confirm(time.label) : p.meeting.askTime,
      long ? p.meeting.prepare(company) : null,
    ]);
  }
  switch (analysis.intent) {
    case 'INTERESTED':
      return keep([
        p.interested.glad(company),
        factsLine ?? (short ? null : p.interested.overview),
        long && general && general !== factsLine ? `In short: ${general}` : null,
        p.interested.call,
      ]);
    case 'QUESTION':
      return keep([
        analysis.questions.length > 1 ? p.question.many : p.question.one,
        factsLine ?? p.question.confirm,
        short ? null : p.question.walk(company),
      ]);
    case 'OBJECTION':
      return keep([
        tone === 'EMPATHETIC' ? p.objection.fairEmpathetic : p.objection.fair,
        factsLine,
        short ? null : p.objection.small,
        p.objection.offer,
      ]);
    case 'NOT_INTERESTED':
      return keep([p.notInterested.ack, short ? null : p.notInterested.noFollowUp, p.notInterested.bye(company)]);
    case 'REFERRAL':
      return keep([p.referral.thanks(analysis.referral?.name ?? null), p.referral.reach, short ? null : p.referral.anything]);
    case 'OUT_OF_OFFICE':
      return [analysis.returnDate ? p.outOfOffice.until(formatDay(analysis.returnDate, language)) : p.outOfOffice.later];
    case 'UNSUBSCRIBE':
      return [p.unsubscribe];
    default:
      return [short ? p.other.noted : p.other.thanks, p.other.help(company)];
  }
}

/** "Mr. Daniels" stays whole; "Maria Lopez" becomes "Maria". */
function greetingName(name: string): string {
  const titled = /^(Mr|Mrs|Ms|Dr)\.?\s+(.+)$/.exec(name);
  return titled ? `${titled[1]}. ${titled[2]}` : firstName(name);
}

/** Why the offline drafter wrote nothing: the reply is for a person to write. */
export function humanWriterReason(language: Language): string | null {
  return isHandledLanguage(language)
    ? null
    : 'The lead wrote in a language the offline drafter does not write (it drafts in English, Spanish, German, French and Portuguese); a person should write this reply.';
}

/**
 * The lead's language decides the draft's: 'und' (too little text to tell) is answered in
 * English, the language of our outreach; a language we do not handle gets no draft at all.
 */
export function draftOffline(context: ReplyContext, analysis: ReplyAnalysis, style: DraftStyle): DraftedReply {
  const tone = style.tone ?? 'PROFESSIONAL';
  const length = style.length ?? 'MEDIUM';
  const detected = context.language ?? 'und';
  const reason = humanWriterReason(detected === 'und' ? 'en' : detected);
  if (reason !== null) {
    return { subject: replySubject(context), body: '', selfRating: 0, referralNote: null, language: detected, needsHumanWriter: reason };
  }
  const language: HandledLanguage = isHandledLanguage(detected) ? detected : 'en';
  const p = PHRASES[language];
  const name = firstName(context.lead.name);
  if (style.followUp) {
    // Our email (the context's `inbound`) got no answer: a nudge, not a reply.
    const f = FOLLOW_UP_PHRASES[language];
    const opener = style.followUp.number <= 1 ? f.first(context.inbound.subject) : f.again(context.inbound.subject);
    const body = [p.greeting[tone](name), [opener, f.ask, style.followUp.number > 1 ? f.last : null].filter(Boolean).join(' '), `${p.closing[tone]}\n${context.sender.name}`];
    return { subject: replySubject(context), body: body.join('\n\n'), selfRating: 0.6, referralNote: null, language, needsHumanWriter: null };
  }
  const paragraphs = [
    p.greeting[tone](name),
    [tone === 'CONCISE' || length === 'SHORT' ? null : p.thanks[tone], ...bodyFor(context, analysis, tone, length, language)]
      .filter(Boolean)
      .join(' '),
    `${p.closing[tone]}\n${context.sender.name}`,
  ];
  const referralNote =
    analysis.intent === 'REFERRAL' && analysis.referral
      ? {
          subject: p.note.subject(context.lead.name, context.lead.company),
          body: [
            p.note.hi(greetingName(analysis.referral.name)),
            p.note.intro(context.lead.name, context.lead.company) +
              (context.offerFacts && language === 'en' ? ` ${sentences(context.offerFacts)[0]}` : '') +
              ` ${p.note.ask}`,
            `${p.closing[tone]}\n${context.sender.name}`,
          ].join('\n\n'),
        }
      : null;
  return { subject: replySubject(context), body: paragraphs.join('\n\n'), selfRating: 0.5, referralNote, language, needsHumanWriter: null };
}
