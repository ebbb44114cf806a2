// Whom a referral points to, from what the email states rather than from any capitalised word:
// the display names on its Cc and To lines, and names that follow an explicit pointing phrase
// ("cc", "looping in", "talk to", "contact", "hablar con", "wenden Sie sich an", "contactez",
// "fale com"...). "Looping in Priya Shah" gives Priya Shah, never "Looping".
import { emailsIn, fold } from './facts.js';

export interface Addressee {
  name: string | null;
  email: string;
}

const POINTING = new RegExp(
  [
    // English
    String.raw`\b(?:cc|cc'?d|cc'?ing|copying|copied|looping\s+in|loop\s+in|looped\s+in|talk\s+to|talk\s+with|speak\s+to|speak\s+with|contact|reach\s+out\s+to|get\s+in\s+touch\s+with|ask\s+for|write\s+to|email|e-mail|forwarded\s+(?:this|it|your\s+\w+)\s+to|passing\s+(?:this|it)\s+(?:on\s+)?to|introduce\s+you\s+to|meet)\b`,
    // Spanish
    String.raw`\b(?:hablar\s+con|hable\s+con|habla\s+con|contacte\s+con|contactar\s+(?:a|con)|contacta\s+(?:a|con)|escriba\s+a|escribe\s+a|escríbele\s+a|pongo\s+en\s+copia\s+a|copio\s+a|en\s+copia|te\s+paso\s+con|le\s+paso\s+con|te\s+presento\s+a|le\s+presento\s+a)\b`,
    // German
    String.raw`\b(?:sprechen\s+sie\s+mit|wenden\s+sie\s+sich\s+an|wende\s+dich\s+an|kontaktieren\s+sie|schreiben\s+sie|in\s+cc|in\s+kopie|setze\s+ich|ansprechpartner(?:in)?\s+ist|zuständig\s+ist)\b`,
    // French
    String.raw`\b(?:parlez\s+à|parlez\s+avec|contactez|écrivez\s+à|je\s+mets\s+en\s+copie|en\s+copie|voyez\s+avec|voir\s+avec|je\s+vous\s+présente)\b`,
    // Portuguese
    String.raw`\b(?:fale\s+com|falar\s+com|contate|contacte|entre\s+em\s+contato\s+com|escreva\s+para|copio|em\s+cópia|coloco\s+em\s+cópia|apresento)\b`,
  ].join('|'),
  'giu',
);
// A person's name: one to three capitalised words, with an optional title, maybe after a
// possessive role in lower case ("my business partner Dave Moreno", "mon associé Paul Martin").
const NAME_AFTER = /^[\s:,]*(?:(?:a|an|à|to|with|con|mit|com|o|a\s+la|al|de)\s+)?(?:(?:my|our|his|her|their|mi|mein|meine|unser|unsere|mon|ma|notre|meu|minha|nosso|nossa)\s+(?:[\p{Ll}-]+\s+){0,3})?((?:(?:Mr|Mrs|Ms|Dr|Sr|Sra|Herr|Frau|M|Mme|Sr\.ª)\.?\s+)?\p{Lu}[\p{Ll}'’-]+(?:[ -](?:de\s+|da\s+|van\s+|von\s+)?\p{Lu}[\p{Ll}'’-]+){0,2})/u;
const NOT_NAMES = new Set(
  `I The Our My Your Him Her Them Us Me We They Sales Marketing Support Billing Team Office Finance It This That There Here
  He She You Who Someone Anyone Everyone Thanks Please Monday Tuesday Wednesday Thursday Friday Saturday Sunday
  Ihnen Sie Ihr Uns Vous Nous Lui Elle Ellos Ella Usted Você Ele Ela Nosso Nossa Nuestro Nuestra Unser Unsere Notre`.split(/\s+/),
);

function cleanName(name: string): string | null {
  const words = name.trim().split(/\s+/);
  while (words.length > 0 && NOT_NAMES.has(words[0]!)) words.shift();
  if (words.length === 0 || /^(Mr|Mrs|Ms|Dr|Sr|Sra|Herr|Frau|M|Mme)\.?$/.test(words.join(' '))) return null;
  return words.join(' ');
}

/** Names written right after a pointing phrase, in order. */
export function pointedNames(text: string): string[] {
  const names: string[] = [];
  for (const match of text.slice(0, 20_000).matchAll(POINTING)) {
    const after = NAME_AFTER.exec(text.slice(match.index + match[0].length, match.index + match[0].length + 80));
    const name = after ? cleanName(after[1]!) : null;
    if (name) names.push(name);
  }
  return [...new Set(names)];
}

/** "priya.shah@acme.example" -> "Priya Shah": a name only when the address spells one out. */
function nameFromAddress(email: string): string | null {
  const local = email.split('@')[0] ?? '';
  const parts = local.split(/[._-]/).filter((p) => /^\p{L}{2,}$/u.test(p));
  if (parts.length < 2 || parts.length > 3) return null;
  return parts.map((p) => p[0]!.toUpperCase() + p.slice(1).toLowerCase()).join(' ');
}

/**
 * The person a referral points to: a pointed name (matched to a copied address when one fits),
 * else the one copied person with a display name, else the one copied address that spells a
 * name. Null when the email names nobody we can stand behind.
 */
export function referralFromEmail(
  text: string,
  copied: Addressee[],
  exclude: string[],
): { name: string; email: string | null } | null {
  const excluded = new Set(exclude.filter(Boolean).map((e) => fold(e)));
  const isExcluded = (s: string) => excluded.has(fold(s)) || [...excluded].some((e) => e.length > 2 && fold(s).split(/\s+/).some((w) => e.split(/\s+/).includes(w) && w.length > 2));
  const others = copied.filter((c) => !excluded.has(fold(c.email)));
  const textEmails = emailsIn(fold(text)).filter((e) => !excluded.has(e));
  const matchEmail = (name: string): string | null => {
    const first = fold(name.replace(/^(Mr|Mrs|Ms|Dr|Sr|Sra|Herr|Frau|M|Mme)\.?\s+/, '').split(/\s+/)[0] ?? '');
    const byName = others.find((c) => c.name && fold(c.name).includes(first)) ?? others.find((c) => fold(c.email).startsWith(first));
    return byName?.email.toLowerCase() ?? textEmails.find((e) => e.startsWith(first)) ?? null;
  };
  const pointed = pointedNames(text).filter((n) => !isExcluded(n));
  if (pointed.length > 0) {
    const withAddress = pointed.find((n) => matchEmail(n) !== null) ?? pointed[0]!;
    return { name: withAddress, email: matchEmail(withAddress) ?? (textEmails.length === 1 ? textEmails[0]! : null) };
  }
  const named = others.filter((c) => c.name && c.name.trim().length > 1 && !isExcluded(c.name));
  if (named.length === 1) return { name: named[0]!.name!.trim(), email: named[0]!.email.toLowerCase() };
  const spelled = [...others.map((c) => c.email), ...textEmails].map((e) => ({ e, n: nameFromAddress(e) })).filter((x) => x.n !== null);
  if (spelled.length === 1) return { name: spelled[0]!.n!, email: spelled[0]!.e.toLowerCase() };
  return null;
}
