// Email text preparation: the one place that turns a raw inbound body into the text every
// path reads (analysis, drafting context, embedding, the intent eval). It keeps the lead's
// newest words and drops what is not theirs or not new: quoted history and forwarded mail
// (Gmail, Outlook, Apple Mail, "> " quoting; headers in English, Spanish, German, French and
// Portuguese), signatures, mobile "sent from" lines and legal/confidentiality footers (a footer
// saying "delete this email" must not read as a request to be deleted).
//
// Written here rather than taken from a library: email-reply-parser 2.3.9 (the maintained port
// of EmailReplyParser) declares Node >= 22, and its pattern table runs unbounded multi-line
// regular expressions with shapes like `.+\s.+` over the whole body, which backtrack
// quadratically on a long line; talon and planer are ports of Mailgun's Python talon whose
// JavaScript versions are English-first and unmaintained. What is ours is small: a line
// scanner whose every pattern is tested against at most LINE_TEST_MAX characters of a line, so
// the whole pass is linear in the (bounded) input whatever the text is.
import { detectLanguage, type Language } from './language.js';

/** Preparation reads at most this many characters of a body; the rest is never looked at. */
export const EMAIL_TEXT_PREFIX = 64 * 1024;
/** Each pattern sees at most this much of a line: headers and sign-offs are short. */
const LINE_TEST_MAX = 400;

// A line that starts the quoted copy of an earlier email. Gmail and Apple Mail write one line
// (sometimes wrapped onto two, so a line is also tested joined with the next one).
const QUOTE_INTRO = [
  /^On\s.{1,300}\swrote\s?:?$/i,
  /^El\s.{1,300}\sescribi[oó]\s?:?$/i,
  /^Am\s.{1,300}\sschrieb.{0,200}:$/i,
  /^.{1,200}\sschrieb\s(am\s.{1,100})?:$/i,
  /^Le\s.{1,300}\sa\s[ée]crit\s?:?$/i,
  /^Em\s.{1,300}\sescreveu\s?:?$/i,
  /^.{1,200}\s(wrote|escribi[oó]|escreveu|a\s[ée]crit)\s?:$/i,
];

// Separator lines that Outlook and others put above the quoted or forwarded email.
const SEPARATOR = [
  /^-{2,}\s*(original\s+message|mensaje\s+original|urspr[üu]ngliche\s+nachricht|message\s+d['’]origine|mensagem\s+original|original\s+nachricht)\s*-{2,}\s*$/i,
  /^_{8,}\s*$/,
];

// The opening line of a forwarded email, in the five languages and the usual clients.
const FORWARD_INTRO = [
  /^-{2,}\s*(forwarded\s+message|mensaje\s+reenviado|weitergeleitete\s+nachricht|message\s+transf[ée]r[ée]|mensagem\s+encaminhada|mensaje\s+reenviado\s+original)\s*-{2,}\s*$/i,
  /^(begin\s+forwarded\s+message|inicio\s+del\s+mensaje\s+reenviado|comienzo\s+del\s+mensaje\s+reenviado|anfang\s+der\s+weitergeleiteten\s+nachricht|d[ée]but\s+du\s+message\s+r[ée]exp[ée]di[ée]|in[ií]cio\s+da\s+mensagem\s+reencaminhada|in[ií]cio\s+da\s+mensagem\s+encaminhada)\s*:?\s*$/i,
];

// An Outlook-style header block: a "From:" line with a "Sent:"/"Date:" line close below.
const FROM_LABEL = /^\*?(from|von|de|da)\s?\*?\s?:\s?\S/i;
const SENT_LABEL = /^\*?(sent|date|gesendet|datum|enviado|enviada\s+em|fecha|envoy[ée]|data|to|an|para|[àa]|subject|betreff|asunto|objet|sujet|assunto|pour|cc|bcc|reply-to|antwort\s+an|responder\s+a|r[ée]pondre\s+[àa])\s?\*?\s?:/i;

// Signature delimiter ("-- ") and mobile-client lines that carry no words of the lead.
const SIGNATURE_DELIMITER = /^(--|—|__)\s*$/;
const SENT_FROM = /^(sent\s+from\s+my|sent\s+from\s+(outlook|mail|yahoo)|get\s+outlook\s+for|enviado\s+desde\s+mi|obtener\s+outlook\s+para|von\s+meinem\s+\S+\s+gesendet|gesendet\s+von\s+meinem|envoy[ée]\s+de\s+mon|envoy[ée]\s+depuis\s+mon|obtenir\s+outlook\s+pour|enviado\s+do\s+meu|enviado\s+de\s+meu|obter\s+o\s+outlook\s+para)\b/i;

// Sign-offs: what follows them (name, title, phone) is a signature when it is a few short lines.
const SIGN_OFF = /^(best(\s+regards|\s+wishes)?|regards|kind\s+regards|warm\s+regards|many\s+thanks|thanks(\s+again|\s+so\s+much)?|thank\s+you|cheers|sincerely|yours(\s+truly|\s+sincerely)?|talk\s+soon|all\s+the\s+best|saludos(\s+cordiales)?|un\s+saludo|muchas\s+gracias|gracias|atentamente|cordialmente|abrazos?|mit\s+freundlichen\s+gr[üu](ß|ss)en|freundliche\s+gr[üu](ß|ss)e|viele\s+gr[üu](ß|ss)e|beste\s+gr[üu](ß|ss)e|liebe\s+gr[üu](ß|ss)e|sch[öo]ne\s+gr[üu](ß|ss)e|gr[üu](ß|ss)e|lg|vg|mfg|danke(\s+schön)?|cordialement|bien\s+cordialement|bien\s+[àa]\s+vous|salutations(\s+distingu[ée]es)?|merci(\s+beaucoup)?|bonne\s+journ[ée]e|atenciosamente|cumprimentos|abra[çc]os?|abs|obrigad[oa]|att)\b[\s,.!]*$/i;
const SIGNATURE_TAIL_LINES = 8;
const SIGNATURE_LINE_MAX = 80;

// Legal and confidentiality footers: from the first such line on, nothing is the lead's.
const FOOTER_START = [
  /\b(confidential(ity)?\s+(notice|note|statement|warning)|disclaimer\s*:|this\s+(e-?mail|message|communication)(\s+and\s+any\s+(files|attachments))?[^.]{0,80}\b(is|are|may\s+be)\s+(strictly\s+)?(confidential|privileged|intended\s+(solely|only))|the\s+information\s+(contained\s+)?in\s+this\s+(e-?mail|message)|if\s+you\s+(are\s+not|have\s+received\s+this)\s+(the\s+intended|in\s+error|this\s+(e-?mail|message)\s+in\s+error)|please\s+consider\s+the\s+environment)/i,
  /\b(aviso\s+(de\s+)?confidencialidad|aviso\s+legal\s*:|este\s+(correo|mensaje|e-?mail)[^.]{0,80}\b(es|son|puede\s+contener)\s+(confidencial|informaci[óo]n\s+confidencial|privilegiad)|si\s+(usted\s+)?(no\s+es\s+el\s+destinatario|ha\s+recibido\s+este))/i,
  /\b(vertraulichkeitshinweis|haftungsausschluss|diese\s+(e-?mail|nachricht)[^.]{0,80}\b(enth[äa]lt|ist)\s+(vertrauliche|vertraulich)|wenn\s+sie\s+nicht\s+der\s+(richtige|beabsichtigte)\s+adressat|sitz\s+der\s+gesellschaft|registergericht|gesch[äa]ftsf[üu]hrer(in)?\s*:)/i,
  /\b(avis\s+de\s+confidentialit[ée]|ce\s+(message|courriel|e-?mail)[^.]{0,80}\b(est|sont)\s+(strictement\s+)?(confidentiel|[ée]tabli|destin[ée])|si\s+vous\s+(n['’][êe]tes\s+pas\s+le\s+destinataire|avez\s+re[çc]u\s+ce))/i,
  /\b(aviso\s+de\s+confidencialidade|esta\s+(mensagem|comunica[çc][ãa]o)[^.]{0,80}\b([ée]|s[ãa]o|pode\s+conter)\s+(confidencia|informa[çc][õo]es\s+confidenciais|privilegiad)|se\s+voc[êe]\s+(n[ãa]o\s+for\s+o\s+destinat[áa]rio|recebeu\s+esta))/i,
];

const test = (patterns: RegExp[], line: string) => patterns.some((p) => p.test(line));
const head = (line: string) => line.trimStart().slice(0, LINE_TEST_MAX).trimEnd();
const isQuoted = (line: string) => /^\s*>/.test(line.slice(0, LINE_TEST_MAX));

/** Index of the line where quoted or forwarded history starts, or -1. */
function historyStart(lines: string[], from: number): { index: number; forward: boolean } | null {
  for (let i = from; i < lines.length; i++) {
    const line = head(lines[i]!);
    if (line.length === 0) continue;
    if (test(FORWARD_INTRO, line)) return { index: i, forward: true };
    if (test(SEPARATOR, line)) return { index: i, forward: false };
    const next = head(lines[i + 1] ?? '');
    if (test(QUOTE_INTRO, line) || test(QUOTE_INTRO, `${line} ${next}`.slice(0, LINE_TEST_MAX))) return { index: i, forward: false };
    if (FROM_LABEL.test(line)) {
      // "From:" alone is common in prose; the header block has its other labels right below.
      const below = lines.slice(i + 1, i + 4).map(head);
      if (below.some((l) => SENT_LABEL.test(l))) return { index: i, forward: false };
    }
  }
  return null;
}

/** Lines after a forwarded-message header block: the forwarded email's own body. */
function forwardedBody(lines: string[], start: number): string[] {
  let i = start + 1;
  // Skip the header block ("From: ...", "Date: ...", "Subject: ...", "To: ...") and blank lines.
  while (i < lines.length && (head(lines[i]!).length === 0 || FROM_LABEL.test(head(lines[i]!)) || SENT_LABEL.test(head(lines[i]!)))) i++;
  return lines.slice(i);
}

function cutFooter(lines: string[]): { lines: string[]; cut: boolean } {
  for (let i = 0; i < lines.length; i++) {
    if (test(FOOTER_START, head(lines[i]!))) return { lines: lines.slice(0, i), cut: true };
  }
  return { lines, cut: false };
}

function cutSignature(lines: string[]): { lines: string[]; cut: boolean } {
  let cut = false;
  let kept = lines.filter((line) => {
    const drop = SENT_FROM.test(head(line));
    cut ||= drop;
    return !drop;
  });
  const delimiter = kept.findIndex((line) => SIGNATURE_DELIMITER.test(line.trim()));
  if (delimiter > 0) {
    kept = kept.slice(0, delimiter);
    cut = true;
  }
  // A sign-off near the end followed only by a few short lines (name, title, phone): cut there,
  // when words of the lead remain above it.
  const lastContent = lastNonEmpty(kept);
  for (let i = Math.max(0, lastContent - SIGNATURE_TAIL_LINES); i <= lastContent; i++) {
    if (!SIGN_OFF.test(head(kept[i]!))) continue;
    const tail = kept.slice(i + 1, lastContent + 1);
    const above = kept.slice(0, i).some((l) => l.trim().length > 0);
    if (above && tail.every((l) => l.trim().length <= SIGNATURE_LINE_MAX)) {
      return { lines: kept.slice(0, i), cut: true };
    }
  }
  return { lines: kept, cut };
}

function lastNonEmpty(lines: string[]): number {
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i]!.trim().length > 0) return i;
  return -1;
}

export interface PreparedText {
  /** The lead's newest words: what analysis, drafting and embedding read. */
  text: string;
  /** What was cut, for the record and the eval's per-shape figures. */
  cut: { history: boolean; forward: boolean; signature: boolean; footer: boolean };
  /** True when the body was longer than EMAIL_TEXT_PREFIX and only its prefix was read. */
  truncated: boolean;
}

/**
 * The newest text of an email body. Linear in the input: it reads at most EMAIL_TEXT_PREFIX
 * characters, and every pattern sees at most LINE_TEST_MAX characters of one line.
 */
export function prepareEmailText(body: string): PreparedText {
  const truncated = body.length > EMAIL_TEXT_PREFIX;
  let lines = body.slice(0, EMAIL_TEXT_PREFIX).replace(/\r\n?/g, '\n').split('\n');
  const cut = { history: false, forward: false, signature: false, footer: false };
  const history = historyStart(lines, 0);
  if (history) {
    const above = lines.slice(0, history.index);
    cut.history = true;
    cut.forward = history.forward;
    // "FYI, see below" over a forward is the lead's; a bare forward speaks through its body.
    const wroteAbove = above.some((l) => l.trim().length > 0 && !isQuoted(l));
    if (!wroteAbove && history.forward) {
      const body2 = forwardedBody(lines, history.index);
      const inner = historyStart(body2, 0);
      lines = inner ? body2.slice(0, inner.index) : body2;
    } else {
      lines = above;
    }
  }
  lines = lines.filter((l) => !isQuoted(l));
  const footer = cutFooter(lines);
  cut.footer = footer.cut;
  const signature = cutSignature(footer.lines);
  cut.signature = signature.cut;
  let text = signature.lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
  // Never return nothing for a body that had words: a reply that is only a signature or only a
  // footer is still what the lead sent, and an empty text would read as "no reply".
  if (text.length === 0) text = footer.lines.join('\n').trim() || lines.join('\n').trim();
  return { text, cut, truncated };
}

/** The newest text of an email (see prepareEmailText). */
export function latestReplyText(body: string): string {
  return prepareEmailText(body).text;
}

/** The prepared text and its language, as the analysis records it on the message. */
export async function prepareWithLanguage(body: string): Promise<PreparedText & { language: Language }> {
  const prepared = prepareEmailText(body);
  return { ...prepared, language: await detectLanguage(prepared.text) };
}

/** The body an inbound message is prepared from: the full text, else Postmark's stripped reply. */
export function inboundBody(message: { textBody: string; strippedText: string | null }): string {
  return message.textBody.trim().length > 0 ? message.textBody : (message.strippedText ?? '');
}

/**
 * The text of an inbound message as analysis, drafting and the eval read it: the full body
 * prepared (Postmark's own stripped reply only when there is no body; its quote detection is
 * English-only).
 */
export function inboundThreadText(message: { textBody: string; strippedText: string | null }): string {
  return latestReplyText(inboundBody(message));
}
