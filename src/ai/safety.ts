// The check every draft passes before it is stored. A draft may only state contact details,
// links and prices that come from us: the lead's record, our own earlier emails, and the
// configured offer facts. Addresses and links that appear only in the lead's email are
// refused too, because planting them is exactly what an injected instruction does; a
// referral's address travels in the separate proposed note instead. Prices may also repeat
// the lead's own figures (a budget they named).
import type { ReplyContext } from './port.js';
import { emailsIn, keywords, linksIn, normaliseLink, normalisePrice, pricesIn } from './text.js';

/** Flags that make a draft unusable: it is replaced by the offline draft. */
export const REFUSING_FLAGS = ['EMPTY_BODY', 'UNKNOWN_EMAIL', 'UNKNOWN_LINK', 'UNKNOWN_PRICE', 'PROMPT_LEAK', 'INSTRUCTION_ECHO'] as const;
/** Flags that keep the draft but lower its confidence. */
export const WARNING_FLAGS = ['SUSPECTED_PROMPT_INJECTION'] as const;
export type SafetyFlag = (typeof REFUSING_FLAGS)[number] | (typeof WARNING_FLAGS)[number];

export interface CheckedText {
  subject: string;
  body: string;
}

// Phrases a sales reply has no business containing: signs that the model followed the email
// instead of its instructions.
const INSTRUCTION_ECHO = [
  /\b(ignore|ignoring|disregard)\w*\b.{0,40}\b(instructions?|prompt|rules)\b/i,
  /\b(system\s+prompt|my\s+instructions|my\s+rules|developer\s+mode|debug\s+mode|as\s+an\s+ai(\s+language\s+model)?)\b/i,
  /^\s*(system|assistant)\s*:/im,
];

export interface Allowed {
  emails: Set<string>;
  links: Set<string>;
  prices: Set<string>;
}

export function allowedFacts(context: ReplyContext): Allowed {
  const ours = [
    context.offerFacts ?? '',
    ...context.thread.filter((m) => m.direction === 'OUTBOUND').map((m) => `${m.subject}\n${m.text}`),
  ].join('\n');
  const everything = [ours, ...context.thread.map((m) => `${m.subject}\n${m.text}`)].join('\n');
  const emails = new Set([context.lead.email.toLowerCase(), context.sender.email.toLowerCase(), ...emailsIn(ours)]);
  const links = new Set(linksIn(ours));
  if (context.lead.sourceUrl) links.add(normaliseLink(context.lead.sourceUrl));
  // Our own domain (the sender's address) may be linked.
  const senderDomain = context.sender.email.split('@')[1];
  if (senderDomain) links.add(senderDomain.toLowerCase());
  const prices = new Set(pricesIn(everything));
  if (context.lead.estimatedValue !== null) prices.add(normalisePrice(String(context.lead.estimatedValue)));
  return { emails, links, prices };
}

/** Overlap with the system prompt: eight-word runs copied from it mean the prompt leaked. */
function leaksPrompt(text: string, systemPrompt: string | undefined, canary: string | undefined): boolean {
  if (canary && text.includes(canary)) return true;
  if (!systemPrompt) return false;
  const words = (s: string) => s.toLowerCase().match(/[a-z0-9']+/g) ?? [];
  const shingles = (ws: string[]) => new Set(ws.slice(0, Math.max(0, ws.length - 7)).map((_, i) => ws.slice(i, i + 8).join(' ')));
  const prompt = shingles(words(systemPrompt));
  let shared = 0;
  for (const s of shingles(words(text))) if (prompt.has(s)) shared += 1;
  return shared >= 2;
}

export function checkText(
  text: CheckedText,
  allowed: Allowed,
  options: { systemPrompt?: string; canary?: string; extraEmails?: string[] } = {},
): SafetyFlag[] {
  const flags = new Set<SafetyFlag>();
  const all = `${text.subject}\n${text.body}`;
  if (text.body.trim().length === 0 || keywords(text.body).size === 0) flags.add('EMPTY_BODY');
  const extra = new Set((options.extraEmails ?? []).map((e) => e.toLowerCase()));
  if (emailsIn(all).some((e) => !allowed.emails.has(e) && !extra.has(e))) flags.add('UNKNOWN_EMAIL');
  const links = linksIn(all).filter((l) => ![...allowed.links].some((ok) => l === ok || l.startsWith(`${ok}/`)));
  if (links.length > 0) flags.add('UNKNOWN_LINK');
  if (pricesIn(all).some((p) => !allowed.prices.has(p))) flags.add('UNKNOWN_PRICE');
  if (leaksPrompt(all, options.systemPrompt, options.canary)) flags.add('PROMPT_LEAK');
  if (INSTRUCTION_ECHO.some((re) => re.test(all))) flags.add('INSTRUCTION_ECHO');
  return [...flags];
}

export function isRefused(flags: readonly string[]): boolean {
  return flags.some((f) => (REFUSING_FLAGS as readonly string[]).includes(f));
}
