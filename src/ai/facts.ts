// The checkable facts in a text: links and domains, email addresses (also written as
// "name [at] host [dot] com"), phone numbers, prices, percentages, and claims of who is writing.
// The safety gate (safety.ts) extracts them from a draft and from what we trust, and compares.
//
// Everything is found on a folded copy of the text: NFKC (fullwidth and compatibility forms),
// invisible format characters removed (zero-width spaces, joiners, bidi controls), lookalike
// letters folded to Latin by the `confusables` library, lower case. Folding is for finding
// and comparing only; lookalike and invisible characters in a draft are refused on their own
// by the gate (see lookalikeTokens), so folding can never make a foreign domain pass as ours.
//
// The patterns are ours on purpose: an allow-list wants to over-detect (anything shaped like
// host.tld is a link, whatever the TLD), while link libraries recognise only known TLDs.
import { remove as foldConfusables } from 'confusables';

/** Invisible format characters (Unicode category Cf): zero-width space/joiners, bidi controls, soft hyphen. */
const FORMAT_CHARS = /\p{Cf}/gu;

/** What the gate compares: NFKC, no invisible characters, lookalikes folded, lower case. */
export function fold(text: string): string {
  return foldConfusables(text.normalize('NFKC').replace(FORMAT_CHARS, '')).toLowerCase();
}

export function hasInvisibleCharacters(text: string): boolean {
  return /\p{Cf}/u.test(text.normalize('NFKC'));
}

/**
 * Words that mix Latin letters with letters of another script ("pаypal" with a Cyrillic а):
 * a lookalike. Accented Latin letters (é, ß, ã) are Latin and pass.
 */
export function lookalikeTokens(text: string): string[] {
  const tokens = text.normalize('NFKC').split(/[\s<>()[\]{}"'“”‘’«»,;]+/u);
  const foreignLetter = (c: string) => /\p{L}/u.test(c) && !/\p{Script=Latin}/u.test(c);
  return tokens.filter((t) => /\p{Script=Latin}/u.test(t) && [...t].some(foreignLetter));
}

// "dana [at] example [dot] com", "dana(at)example(dot)com", "dana at example dot com", and the
// same in the languages we draft in (arroba, punto, ponto, punkt, point).
const AT_WORD = String.raw`(?:at|arroba|chez|bei|em)`;
const DOT_WORD = String.raw`(?:dot|punto|ponto|punkt|point)`;
const BRACKETED_AT = new RegExp(String.raw`\s*[\[({<]\s*(?:@|${AT_WORD})\s*[\])}>]\s*`, 'giu');
const BRACKETED_DOT = new RegExp(String.raw`\s*[\[({<]\s*(?:\.|${DOT_WORD})\s*[\])}>]\s*`, 'giu');
// "name at host dot tld" needs a spelled dot: "see you at example.com" is a link, not an address.
const SPELLED_ADDRESS = new RegExp(
  String.raw`([\p{L}\p{N}._%+-]+)\s+${AT_WORD}\s+([\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\s+${DOT_WORD}\s+[\p{L}\p{N}-]+(?:\s*(?:\s${DOT_WORD}\s|\.)\s*[\p{L}\p{N}-]+)*)`,
  'giu',
);
const SPELLED_DOT = new RegExp(String.raw`\s+${DOT_WORD}\s+`, 'giu');

/** Obfuscated addresses and links written out, so that they are found like plain ones. */
export function deobfuscate(folded: string): string {
  return folded
    .replace(BRACKETED_AT, '@')
    .replace(BRACKETED_DOT, '.')
    .replace(SPELLED_ADDRESS, (_m, user: string, host: string) => `${user}@${host.replace(SPELLED_DOT, '.').replace(/\s+/g, '')}`)
    .replace(/\s*@\s*/g, '@');
}

const EMAIL_RE = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,63}/gu;
// host.tld with an optional path, scheme optional; the TLD may be any run of letters. The
// lookbehind keeps "v1.2" and the middle of an address out.
const LINK_RE = /(?:[a-z][a-z0-9+.-]*:\/\/)?(?<![\p{L}\p{N}@._-])(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+\p{L}[\p{L}\p{N}-]{1,62}(?![\p{L}\p{N}-])(?::\d{2,5})?(?:[/?#][^\s<>"')\]]*)?/gu;
// Written forms that look like host.tld but are not links.
const NOT_LINKS = /^(?:e\.g|i\.e|z\.b|d\.h|u\.a|p\.ex|etc|vs|mr|mrs|ms|dr|st|no|nr|sr|sra|dra|mme|m)\.?$/;

export function emailsIn(folded: string): string[] {
  return [...new Set((deobfuscate(folded).match(EMAIL_RE) ?? []).map((e) => e.replace(/[.]+$/, '')))];
}

/** Links as host + path, without scheme, "www.", trailing punctuation or slash. */
export function normaliseLink(link: string): string {
  return link
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[.,;:!?]+$/, '')
    .replace(/\/$/, '');
}

export function linksIn(folded: string): string[] {
  const text = deobfuscate(folded).replace(EMAIL_RE, ' ');
  const links = (text.match(LINK_RE) ?? []).map(normaliseLink).filter((l) => !NOT_LINKS.test(l) && /\.\p{L}{2,}/u.test(l));
  return [...new Set(links)];
}

/** The host of a normalised link. */
export function hostOf(link: string): string {
  return link.split(/[/?#:]/)[0] ?? link;
}

// Dates and times are not phone numbers: 2026-11-20, 20.11.2026, 11/20/2026.
const DATE_RE = /\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b/g;
const PHONE_RE = /(?:\+|\b)\d[\d\s().\/-]{5,}\d\b/g;

/** Phone numbers as their digits (7 to 15 of them); prices and dates are not phones. */
export function phonesIn(folded: string): string[] {
  const text = folded.replace(DATE_RE, ' ').replace(PRICE_RE, ' ');
  const phones: string[] = [];
  for (const match of text.match(PHONE_RE) ?? []) {
    const digits = match.replace(/\D/g, '');
    if (digits.length >= 7 && digits.length <= 15) phones.push(digits);
  }
  return [...new Set(phones)];
}

const NUMBER = String.raw`\d{1,3}(?:[.,\s]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?`;
const CURRENCY_SIGN = String.raw`(?:us\$|r\$|a\$|c\$|[$€£¥₹])`;
const CURRENCY_WORD = String.raw`(?:usd|eur|gbp|brl|chf|dollars?|d[oó]lares|euros?|pounds?|bucks|reais|real)`;
const PRICE_RE = new RegExp(
  String.raw`${CURRENCY_SIGN}\s?(?:${NUMBER})\s?[km]?(?![\p{L}\p{N}])|(?:${NUMBER})\s?[km]?\s?(?:${CURRENCY_SIGN}|${CURRENCY_WORD})(?![\p{L}])|\b(?:usd|eur|gbp|brl)\s?(?:${NUMBER})`,
  'giu',
);
const PERCENT_RE = /(\d+(?:[.,]\d+)?)\s?(?:%|percent\b|per\s?cent\b|por\s?ciento\b|por\s?cento\b|prozent\b|pour\s?cent\b)/giu;

/** "2,500", "2.500,00", "2 500", "1.5k" -> "2500", "2500", "2500", "1500". */
function numberValue(raw: string): string {
  const s = raw.replace(/\s/g, '');
  const scale = /k$/i.test(s) ? 1000 : /m$/i.test(s) ? 1_000_000 : 1;
  const digits = s.replace(/[km]$/i, '');
  // A separator followed by exactly three digits groups thousands; one or two digits are cents.
  const cents = /[.,](\d{1,2})$/.exec(digits);
  const whole = (cents ? digits.slice(0, -cents[0].length) : digits).replace(/[.,]/g, '');
  const value = (Number(whole) + (cents ? Number(`0.${cents[1]}`) : 0)) * scale;
  return String(Math.round(value * 100) / 100);
}

/** Prices as bare numbers: "$2,500", "2.500 €" and "USD 2500" all give "2500". */
export function pricesIn(folded: string): string[] {
  const found = (folded.match(PRICE_RE) ?? []).map((p) => numberValue((p.match(new RegExp(NUMBER + String.raw`\s?[km]?`, 'i')) ?? ['0'])[0].trim()));
  return [...new Set(found)];
}

/** Percentages as bare numbers: "60%", "60 percent", "60 Prozent" give "60". */
export function percentagesIn(folded: string): string[] {
  return [...new Set([...folded.matchAll(PERCENT_RE)].map((m) => numberValue(m[1]!)))];
}

// Names of departments and teams that a draft could claim to write for, matched with a
// capital or without (the names around them must keep their capitals, so no 'i' flag).
const TEAM_WORDS = `department dept team billing accounts account finance support security compliance legal helpdesk desk office
  abteilung buchhaltung kundenservice departamento equipo equipe équipe service servicio serviço servico facturación facturacion
  faturamento faturação comptabilité comptabilite`.split(/\s+/);
const anyCase = (word: string) => `[${word[0]!.toUpperCase()}${word[0]}]${word.slice(1)}`;
const ORG_WORDS = `(?:${TEAM_WORDS.map(anyCase).join('|')})`;
// A team or department named as a writer: capitalised words before a capitalised team word
// ("Parley Billing Department"; not "Pay billing"), or a capitalised team word and what it belongs to ("Equipo de Ventas").
// "l'équipe de Harbor Bakery" (lower case) is the lead's team being greeted, not a claim.
const ORG_CLAIM = new RegExp(
  String.raw`(?:\p{Lu}[\p{L}&'-]*\s+){1,3}(?=\p{Lu})${ORG_WORDS}(?![\p{L}])|(?<![\p{L}])(?=\p{Lu})${ORG_WORDS}(?![\p{L}])\s+(?:de|da|do|des|del|of)\s+\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)?`,
  'gu',
);
const DETERMINERS = new Set(
  `the our your my their this that thanks to from with for and das die der den dem unser unsere unseren ihr ihre ihren mit von el la los las nuestro nuestra su sus le les notre votre nos vos o a os as nosso nossa seu sua`.split(/\s+/),
);
// "I am X", "this is X", "my name is X" and the same in es/de/fr/pt: the writer naming themself.
// (The phrase is matched in either case by hand: the name after it must stay capitalised.)
const SELF_INTRO = /(?<![\p{L}])(?:[Ii]\s+am|[Ii]'m|[Tt]his\s+is|[Mm]y\s+name\s+is|[Ss]oy|[Mm]e\s+llamo|[Ii]ch\s+bin|[Mm]ein\s+[Nn]ame\s+ist|[Jj]e\s+suis|[Jj]e\s+m'appelle|[Ss]ou|[Ee]u\s+sou|[Mm]eu\s+nome\s+é)\s+((?:\p{Lu}[\p{L}'-]+)(?:\s+\p{Lu}[\p{L}'-]+){0,3})/gu;
const CLOSING = /^(?:best|best\s+regards|kind\s+regards|regards|warm\s+regards|many\s+thanks|thanks|thank\s+you|cheers|sincerely|talk\s+soon|yours|saludos|un\s+saludo|atentamente|cordialmente|mit\s+freundlichen\s+grüßen|viele\s+grüße|beste\s+grüße|liebe\s+grüße|grüße|gruß|cordialement|bien\s+à\s+vous|bien\s+cordialement|à\s+bientôt|merci|atenciosamente|abraços|abraço|um\s+abraço|obrigad[oa])\b[\s,!.]*$/i;

/**
 * Who the text says is writing: department or team names with capitals ("Parley Billing
 * Department"), self-introductions ("I am Sam from ..."), and the lines signed after a closing.
 */
export function identitiesIn(text: string): string[] {
  const nfkc = text.normalize('NFKC').replace(FORMAT_CHARS, '');
  const claims: string[] = [];
  for (const m of nfkc.matchAll(ORG_CLAIM)) {
    // "Our Support team", "Das Team", "Thanks to the Support team": the words before the team
    // word must name someone, not only point at a team (German capitalises every noun).
    const words = m[0].trim().split(/\s+/);
    while (words.length > 1 && DETERMINERS.has(words[0]!.toLowerCase())) words.shift();
    if (words.length > 1 && /^\p{Lu}/u.test(words[0]!) && !/^(?:support|service|team|office|finance|legal|security)$/i.test(words[0]!)) claims.push(words.join(' '));
  }
  for (const m of nfkc.matchAll(SELF_INTRO)) claims.push(m[1]!.trim());
  // The signature: what follows a closing among the last lines ("Best regards,\nParley Sales").
  const lines = nfkc.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
  const tail = lines.slice(-4);
  const closing = tail.findLastIndex((l) => CLOSING.test(l));
  if (closing >= 0) for (const line of tail.slice(closing + 1)) claims.push(line);
  return [...new Set(claims.map((c) => fold(c).replace(/\s+/g, ' ').trim()).filter((c) => c.length > 0))];
}
