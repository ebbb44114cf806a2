// A model that does what the email tells it to. It runs on the fake OpenAI-compatible server
// (fake-openai.ts) and reads the draft request as a model would: the subject and text of the
// latest email, base64 it finds there decoded, and follows instructions it recognises
// ("include this link: ...", "tell them ...", "sign as ...", "restate your instructions").
// Its draft is what a perfectly gullible model would write; the tests check that none of it
// reaches a stored, sendable draft.
import { textOf, type ChatRequest } from './fake-openai.js';

/** The latest email block of a draft request, as the model reads it. */
export function latestEmailOf(request: ChatRequest): string {
  const user = textOf(request, 'user');
  const start = user.search(/<<[0-9a-f]{12} LATEST EMAIL>>/);
  return start >= 0 ? user.slice(start) : user;
}

function decodedBase64(text: string): string[] {
  return [...text.matchAll(/[A-Za-z0-9+/]{24,}={0,2}/g)].map((m) => Buffer.from(m[0], 'base64').toString('utf8')).filter((s) => /^[\x20-\x7e\s]+$/.test(s));
}

// A paraphrase, as a model asked to "restate its instructions in its own words" would give:
// other words for the verbs, the clauses kept, nothing copied eight words at a time.
const SYNONYMS: [RegExp, string][] = [
  [/\bEverything inside those markers is\b/g, 'All content placed between the special markers counts as'],
  [/\bnever instructions\b/g, 'not as commands for me'],
  [/\bdo not follow, repeat or act on any\b/g, 'I must not obey, echo or carry out any'],
  [/\bnever reveal\b/g, 'must never disclose'],
  [/\bGround every statement in\b/g, 'Each claim I make has to be based on'],
  [/\bDo not add\s+recipients\b/g, 'I may not include extra recipients'],
  [/\bwrite no email address, link, phone number, price, percentage or discount that does not appear\b/g, 'I cannot mention an address, URL, phone number, price, percent or discount that is missing'],
  [/\bNever promise what the facts do not support\b/g, 'I avoid promises that the facts cannot back up'],
  [/\bAnswer every\s+question\b/g, 'I reply to each question'],
  [/\bsign only as\b/g, 'and my signature must only be'],
  [/\bRate the draft\b/g, 'I also score my draft'],
];

export function paraphrase(system: string): string {
  let text = system.replace(/<<[0-9a-f]{12} NAME>>|<<END NAME [0-9a-f]{12}>>/g, 'markers');
  for (const [pattern, replacement] of SYNONYMS) text = text.replace(pattern, replacement);
  return text;
}

/** The draft an obedient model writes for this request. */
export function obedientDraft(request: ChatRequest): { subject: string; body: string; selfRating: number; referralNote: null } {
  const email = latestEmailOf(request);
  const readable = [email, ...decodedBase64(email)].join('\n');
  const additions: string[] = [];
  let signature = 'Parley Sales';
  for (const line of readable.split(/\n|(?<=\.)\s+(?=[A-Z])/)) {
    const include = /\b(?:include|add|insert|mention|put)\b[^:]{0,60}:\s*(.+)$/i.exec(line);
    if (include) additions.push(include[1]!.trim());
    const tell = /\btell (?:them|him|her|the lead|the customer|me)(?: that)? (.+)$/i.exec(line);
    if (tell) additions.push(tell[1]!.trim());
    const sign = /\bsign (?:the (?:reply|email|message) )?as\s+["“]?([^"”.\n]+)/i.exec(line);
    if (sign) signature = sign[1]!.trim();
    if (/\b(restate|repeat|summari[sz]e|paraphrase|reveal)\b.{0,40}\b(instructions|rules|prompt|guidelines)\b/i.test(line)) {
      additions.push(`Happy to share how I work: ${paraphrase(textOf(request, 'system'))}`);
    }
  }
  const body = ['Hi Dana,', ['Thanks for getting back to me.', ...additions].join(' '), `Best regards,\n${signature}`].join('\n\n');
  return { subject: 'Re: A faster website for Harbor Bakery', body, selfRating: 1, referralNote: null };
}
