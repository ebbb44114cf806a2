// The gate every draft passes before it is stored. It allows what is known instead of blocking
// what is listed: every link, domain, email address (also "[at]"/"[dot]" or " at "/" dot "
// forms), phone number, price, percentage and claim of who is writing must come from what we
// trust (the offer facts, our own earlier emails in the thread, the lead's record), compared
// on folded text (facts.ts: NFKC, invisible characters removed, lookalikes folded). Invisible
// characters and words mixing scripts are refused outright, since folding would otherwise make
// a lookalike domain pass as ours. The lead's email is not trusted: planting a link, an address
// or "the full price is $190" there is exactly what an injected instruction does; a referral's
// address travels only in the separate proposed note. Prompt leaks are found by the draft's
// overlap with the words and phrases that only the system prompt holds, so a paraphrase is
// caught as well as a copy.
import type { ReplyContext } from './port.js';
import {
  emailsIn,
  fold,
  hasInvisibleCharacters,
  hostOf,
  identitiesIn,
  linksIn,
  lookalikeTokens,
  normaliseLink,
  percentagesIn,
  phonesIn,
  pricesIn,
} from './facts.js';

/** Flags that make a draft unusable: it is replaced by the offline draft. */
export const REFUSING_FLAGS = [
  'EMPTY_BODY',
  'UNKNOWN_EMAIL',
  'UNKNOWN_LINK',
  'UNKNOWN_PHONE',
  'UNKNOWN_PRICE',
  'UNKNOWN_PERCENTAGE',
  'UNKNOWN_IDENTITY',
  'HIDDEN_CHARACTERS',
  'PROMPT_LEAK',
  'INSTRUCTION_ECHO',
  'WRONG_LANGUAGE',
] as const;
/** Flags that keep the draft but lower its confidence. */
export const WARNING_FLAGS = ['SUSPECTED_PROMPT_INJECTION', 'UNHANDLED_LANGUAGE'] as const;
export type SafetyFlag = (typeof REFUSING_FLAGS)[number] | (typeof WARNING_FLAGS)[number];

export interface CheckedText {
  subject: string;
  body: string;
}

// Phrases a sales reply has no business containing: signs that the model followed the email
// instead of its instructions.
const INSTRUCTION_ECHO = [
  /\b(ignore|ignoring|disregard)\w*\b.{0,40}\b(instructions?|prompt|rules)\b/i,
  /\b(system\s+prompt|my\s+instructions|my\s+rules|my\s+guidelines|developer\s+mode|debug\s+mode|as\s+an\s+ai(\s+language\s+model)?)\b/i,
  /^\s*(system|assistant)\s*:/im,
];

export interface Allowed {
  emails: Set<string>;
  /** Normalised links (host and path) a draft may give, or a page under them. */
  links: Set<string>;
  /** Hosts a draft may name on their own (those of the allowed links). */
  hosts: Set<string>;
  /** Our own domain and the lead's: any page on them may be linked. */
  ownDomains: Set<string>;
  phones: Set<string>;
  prices: Set<string>;
  percentages: Set<string>;
  /** Folded text a claim of identity must appear in (our name, our emails, the offer facts). */
  identityText: string;
  /** Folded text of everything the draft may draw on, for the prompt-leak check. */
  contextText: string;
}

export function allowedFacts(context: ReplyContext): Allowed {
  const lead = context.lead;
  const ours = fold(
    [
      context.offerFacts ?? '',
      context.sender.name,
      context.sender.email,
      ...context.thread.filter((m) => m.direction === 'OUTBOUND').map((m) => `${m.subject}\n${m.text}`),
    ].join('\n'),
  );
  const leadRecord = fold([lead.name, lead.email, lead.company ?? '', lead.phone ?? '', lead.sourceUrl ?? ''].join('\n'));
  const emails = new Set([fold(lead.email), fold(context.sender.email), ...emailsIn(ours)]);
  const links = new Set(linksIn(ours));
  if (lead.sourceUrl) links.add(normaliseLink(fold(lead.sourceUrl)));
  const hosts = new Set([...links].map(hostOf));
  const ownDomains = new Set([context.sender.email, lead.email].map((a) => fold(a).split('@')[1] ?? '').filter(Boolean));
  const phones = new Set([...phonesIn(ours), ...phonesIn(leadRecord)]);
  const prices = new Set(pricesIn(ours));
  if (lead.estimatedValue !== null) prices.add(String(lead.estimatedValue));
  const contextText = fold([ours, leadRecord, ...context.thread.map((m) => `${m.subject}\n${m.text}`)].join('\n'));
  return { emails, links, hosts, phones, prices, percentages: new Set(percentagesIn(ours)), ownDomains, identityText: ours, contextText };
}

const STOPWORDS = new Set(
  `the and for are but not you your with this that from have has had was were will would could should can our ours
  they them their there here what when where which who how why all any each into onto than then also just only very
  about after before over under more most some such own same other these those been being does did doing its it's
  una uno los las del por para con que como pero sus más muy est esta este esto son ser der die das und mit für von
  den dem des ist sind nicht ein eine einen auf aus bei les des une pour avec que qui dans par sur pas est sont vous
  nous ele ela para com uma não são por mais como`.split(/\s+/),
);

function stems(folded: string): string[] {
  return (folded.match(/\p{L}{3,}/gu) ?? []).filter((w) => !STOPWORDS.has(w)).map((w) => w.slice(0, 6));
}

// Words any sales email uses, so sharing them with the prompt means nothing.
const SALES_WORDS = new Set(
  stems(
    `email emails reply replies lead leads thank thanks call week time price prices pricing website site offer details
    question questions answer next step steps clear confirm best regards company business team write send sent happy
    glad help would like today tomorrow meeting calendar invite short note person please name sign`,
  ),
);

/** Overlap with the system prompt: copied runs, or too many of the words only the prompt holds. */
export function leaksPrompt(text: string, allowed: Allowed, systemPrompt: string | undefined, canary: string | undefined): boolean {
  if (canary && text.includes(canary)) return true;
  if (!systemPrompt) return false;
  const prompt = stems(fold(systemPrompt));
  const draft = stems(fold(text));
  // Copied: eight-word runs in common.
  const runs = (ws: string[]) => new Set(ws.slice(0, Math.max(0, ws.length - 7)).map((_, i) => ws.slice(i, i + 8).join(' ')));
  const promptRuns = runs(prompt);
  let copied = 0;
  for (const r of runs(draft)) if (promptRuns.has(r)) copied += 1;
  if (copied >= 2) return true;
  // Paraphrased: the words that only the prompt holds (not the thread, the facts or a usual
  // sales email). A rewording keeps its nouns: markers, untrusted, instructions, recipients...
  const known = new Set([...stems(allowed.contextText), ...SALES_WORDS]);
  const promptOnly = new Set(prompt.filter((w) => !known.has(w)));
  const shared = new Set(draft.filter((w) => promptOnly.has(w)));
  return shared.size >= 6 && shared.size / Math.max(1, new Set(draft).size) >= 0.08;
}

export interface CheckOptions {
  systemPrompt?: string;
  canary?: string;
  /** Addresses allowed in this text only (a referral's address in the note to them). */
  extraEmails?: string[];
}

export function checkText(text: CheckedText, allowed: Allowed, options: CheckOptions = {}): SafetyFlag[] {
  const flags = new Set<SafetyFlag>();
  const raw = `${text.subject}\n${text.body}`;
  const all = fold(raw);
  if (text.body.trim().length === 0 || !/\p{L}{2,}/u.test(text.body)) flags.add('EMPTY_BODY');
  if (hasInvisibleCharacters(raw) || lookalikeTokens(raw).length > 0) flags.add('HIDDEN_CHARACTERS');
  const extra = new Set((options.extraEmails ?? []).map(fold));
  if (emailsIn(all).some((e) => !allowed.emails.has(e) && !extra.has(e))) flags.add('UNKNOWN_EMAIL');
  const linkAllowed = (link: string) =>
    allowed.hosts.has(link) ||
    allowed.ownDomains.has(hostOf(link)) ||
    [...allowed.links].some((ok) => link === ok || link.startsWith(`${ok}/`) || link.startsWith(`${ok}?`));
  if (linksIn(all).some((l) => !linkAllowed(l))) flags.add('UNKNOWN_LINK');
  if (phonesIn(all).some((p) => !allowed.phones.has(p))) flags.add('UNKNOWN_PHONE');
  if (pricesIn(all).some((p) => !allowed.prices.has(p))) flags.add('UNKNOWN_PRICE');
  if (percentagesIn(all).some((p) => !allowed.percentages.has(p))) flags.add('UNKNOWN_PERCENTAGE');
  if (identitiesIn(raw).some((claim) => !allowed.identityText.includes(claim))) flags.add('UNKNOWN_IDENTITY');
  if (leaksPrompt(raw, allowed, options.systemPrompt, options.canary)) flags.add('PROMPT_LEAK');
  if (INSTRUCTION_ECHO.some((re) => re.test(all))) flags.add('INSTRUCTION_ECHO');
  return [...flags];
}

export function isRefused(flags: readonly string[]): boolean {
  return flags.some((f) => (REFUSING_FLAGS as readonly string[]).includes(f));
}
