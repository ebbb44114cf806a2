// Small text helpers shared by the analysers, the drafters and the safety check.

// Quoted-history removal lives in email-text.ts (the one preparation every path uses).
export { latestReplyText } from './email-text.js';

/** Sentences, split on end punctuation and line breaks. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

const GREETING = /^(hi|hello|hey|dear|good (morning|afternoon|evening))\b[^.!?]{0,40}[,!.]?$/i;
const SIGN_OFF = /^(thanks|thank you|cheers|best|regards|kind regards|best regards|sincerely|sent from my)\b[^.!?]{0,40}[,!.]?$/i;

/** The sentences that carry content: greetings and sign-offs dropped. */
export function contentSentences(text: string): string[] {
  return sentences(text).filter((s) => !GREETING.test(s) && !SIGN_OFF.test(s));
}

/** The questions a text asks, in its own words (at most `max`). */
export function questionsIn(text: string, max = 5): string[] {
  return contentSentences(text)
    .filter((s) => s.endsWith('?'))
    .map((s) => clip(s, 300))
    .slice(0, max);
}

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

const STOPWORDS = new Set(
  `a about above after again all also am an and any are as at be because been before being
  between both but by can could did do does doing down during each few for from further had has
  have having he her here hers him his how i if in into is it its itself just me more most my
  no nor not now of off on once only or other our ours out over own same she should so some
  such than that the their them then there these they this those through to too under until up
  us very was we were what when where which while who whom why will with would you your yours
  hi hello thanks thank please quick question like know want need get got make much many one
  sure really also still yet well ok okay let lets`.split(/\s+/),
);

/** Content words (lower case, 5-letter stems) for rough topic overlap. */
export function keywords(text: string): Set<string> {
  const words = text.toLowerCase().match(/[a-z][a-z'-]{2,}/g) ?? [];
  return new Set(words.filter((w) => !STOPWORDS.has(w)).map((w) => w.slice(0, 5)));
}

// Linear time on any input: the look-behinds let a match start only where a run of address
// (or number) characters starts, so a failed attempt inside a long run costs one step instead
// of a rescan of the run (the quadratic case of issue 13: 100 KB of one token took 15 s).
export const EMAIL_RE = /(?<![A-Z0-9._%+-])[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/gi;
export const URL_RE = /(?<![a-z0-9.-])(?:https?:\/\/|www\.)[^\s<>"')\]]+|(?<![a-z0-9.\/-])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|co|biz|info|app|dev|ly|me|us|uk|de|fr)(?:\/[^\s<>"')\]]*)?/gi;
// Currency amounts: $2,500 / $30/month / 2500 USD / €40 / 1.5k dollars.
export const PRICE_RE = /(?:[$€£]\s?\d[\d,]*(?:\.\d+)?\s?[kKmM]?\b|(?<![\d,.])\d[\d,]*(?:\.\d+)?\s?[kKmM]?\s?(?:usd|eur|gbp|dollars?|euros?|pounds?|bucks)\b)/gi;

export function emailsIn(text: string): string[] {
  return [...new Set((text.match(EMAIL_RE) ?? []).map((e) => e.toLowerCase()))];
}

/** Links, normalised (scheme, "www." and trailing punctuation dropped); email domains excluded. */
export function linksIn(text: string): string[] {
  const withoutEmails = text.replace(EMAIL_RE, ' ');
  return [...new Set((withoutEmails.match(URL_RE) ?? []).map(normaliseLink))];
}

export function normaliseLink(link: string): string {
  return link
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[.,;:!?]+$/, '')
    .replace(/\/$/, '');
}

/** Prices as bare numbers ("$2,500" and "2500 USD" both give "2500"). */
export function pricesIn(text: string): string[] {
  return [...new Set((text.match(PRICE_RE) ?? []).map(normalisePrice))];
}

export function normalisePrice(price: string): string {
  const match = /(\d[\d,]*(?:\.\d+)?)\s?([kKmM])?/.exec(price);
  if (!match) return price;
  let value = Number(match[1]!.replace(/,/g, ''));
  if (match[2]?.toLowerCase() === 'k') value *= 1000;
  if (match[2]?.toLowerCase() === 'm') value *= 1_000_000;
  return String(value);
}

export function firstName(name: string): string {
  // Reads only up to the first space (no split of the whole string).
  const trimmed = name.trimStart();
  const end = trimmed.search(/\s/);
  return end < 0 ? trimmed : trimmed.slice(0, end);
}
