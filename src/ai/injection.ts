// Does an inbound email carry text written to steer an AI? The detector reads every place an
// attacker can hide an instruction, not only the visible new text: the subject, the quoted
// history (whatever the mail client's quote header, "Von:", "De :", "El ... escribió:"), HTML
// comments, text the HTML hides (display:none, white on white, tiny fonts), and base64 blobs
// decoded. Its verdict lowers a draft's confidence and flags it; the safety gate (safety.ts)
// is what keeps an obeyed instruction out of a stored draft.
import { Parser } from 'htmlparser2';
import { fold } from './facts.js';

/** Each part is read up to this many characters: the patterns are linear, the input bounded. */
export const INJECTION_SCAN_PREFIX = 200_000;

export interface InboundParts {
  subject?: string | null;
  text?: string | null;
  html?: string | null;
}

const INJECTION_PATTERNS = [
  // English
  /\b(ignore|disregard|forget|override|bypass)\b.{0,60}\b(instructions?|prompts?|rules|guidelines|directions|above|previous|prior|system)\b/i,
  /\b(system\s+prompt|system\s+message|developer\s+mode|debug\s+mode|jailbreak|new\s+instructions|you\s+are\s+now|from\s+now\s+on\s+you|act\s+as\s+(an?\s+)?(ai|assistant|system))\b/i,
  /^\s*(system|assistant|developer)\s*:/im,
  /<\/?\s*(system|instructions?|prompt|email)\s*>|\[\/?(system|inst)\]|\b(begin|end)\s+(system|instructions|email)\b|-{3,}\s*end\b/i,
  /\b(reveal|print|repeat|show|output)\b.{0,40}\b(prompt|instructions|rules)\b/i,
  /\b(ai|assistant|model|llm|gpt|chatbot|language\s+model)\b.{0,40}\b(must|should|shall|needs?\s+to|will)\b.{0,40}\b(include|add|write|reply|answer|say|sign|offer|mention|insert|put)\b/i,
  /\b(when|if)\s+(you\s+)?(reply|replying|respond|responding|draft|drafting|write|writing)\b.{0,60}\b(include|add|mention|insert|sign|offer|say|put)\b/i,
  /\b(note|instruction|message)\s+(to|for)\s+(the\s+)?(ai|assistant|model|llm|bot|gpt)\b/i,
  // "AI assistant: include ...", "Bot, write ...": an order addressed to the machine.
  /\b(ai|a\.i\.|assistant|llm|gpt|chatgpt|chatbot|bot|model|ki|ia)\s*[:,-]\s*(please\s+)?(include|add|write|reply|respond|say|sign|insert|mention|ignore|tell|put|offer|answer|use|send)\b/i,
  // Spanish
  /\b(ignora|ignore|olvida|omite)\w*\b.{0,60}\b(instrucciones|indicaciones|reglas|normas|anteriores)\b/i,
  /\b(nuevas\s+instrucciones|modo\s+desarrollador|eres\s+ahora|ahora\s+eres|mensaje\s+del\s+sistema)\b/i,
  // German
  /\b(ignorier|vergiss|missacht)\w*\b.{0,60}\b(anweisungen|anleitungen|regeln|vorgaben|instruktionen|vorherigen)\b/i,
  /\b(neue\s+anweisungen|du\s+bist\s+(jetzt|nun)|entwicklermodus|systemnachricht|systemprompt)\b/i,
  // French
  /\b(ignore|ignorez|oublie|oubliez)\b.{0,60}\b(instructions|consignes|règles|précédentes)\b/i,
  /\b(nouvelles\s+instructions|tu\s+es\s+maintenant|vous\s+êtes\s+maintenant|mode\s+développeur|message\s+système)\b/i,
  // Portuguese
  /\b(ignore|ignora|esqueça|esqueca|desconsidere)\b.{0,60}\b(instruções|instrucoes|regras|anteriores)\b/i,
  /\b(novas\s+instruções|novas\s+instrucoes|você\s+agora\s+é|voce\s+agora\s+e|modo\s+desenvolvedor|mensagem\s+do\s+sistema)\b/i,
];

/** Words addressed to a machine: hidden text that speaks to one is an injection whatever it asks. */
const ADDRESSES_A_MACHINE = /\b(ai|a\.i\.|assistant|llm|gpt|chatgpt|language\s+model|bot|chatbot|ki|ia|model)\b/i;

function matchesPattern(text: string): boolean {
  const folded = fold(text.slice(0, INJECTION_SCAN_PREFIX));
  return INJECTION_PATTERNS.some((p) => p.test(folded) || p.test(text));
}

/** Quoted history read as text: "> " prefixes removed so an instruction split over quoted lines reads whole. */
function unquoted(text: string): string {
  return text.replace(/^[ \t]*(?:>[ \t]?)+/gm, '');
}

// A style that hides text from a person but not from a model reading the source.
const HIDING_STYLE =
  /display\s*:\s*none|visibility\s*:\s*hidden|opacity\s*:\s*0(?:\.0+)?\s*(?:;|$)|font-size\s*:\s*(?:0|[01](?:\.\d+)?px|0?\.\d+(?:em|rem|pt))\b|max-height\s*:\s*0|height\s*:\s*0(?:px)?\s*;\s*overflow\s*:\s*hidden|color\s*:\s*(?:#f{3}(?:f{3})?\b|white\b|rgba?\(\s*255\s*,\s*255\s*,\s*255)|color\s*:\s*transparent/i;
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** Comments and hidden text of an HTML body (htmlparser2 does the parsing; the hiding rules are ours). */
export function concealedHtmlText(html: string): { comments: string[]; hidden: string[] } {
  const comments: string[] = [];
  const hidden: string[] = [];
  // Each open element: whether it (or an ancestor) hides its content.
  const stack: boolean[] = [];
  let buffer = '';
  const flush = () => {
    if (buffer.trim()) hidden.push(buffer.trim());
    buffer = '';
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const hides =
          (stack.at(-1) ?? false) ||
          'hidden' in attributes ||
          attributes['aria-hidden'] === 'true' ||
          HIDING_STYLE.test(attributes.style ?? '') ||
          /^(?:#f{3}(?:f{3})?|white)$/i.test(attributes.color ?? '') ||
          name === 'template';
        if (!VOID_ELEMENTS.has(name)) stack.push(hides);
      },
      onclosetag(name) {
        if (VOID_ELEMENTS.has(name)) return;
        const wasHidden = stack.pop() ?? false;
        if (wasHidden && !(stack.at(-1) ?? false)) flush();
      },
      ontext(text) {
        if (stack.at(-1)) buffer += text;
      },
      oncomment(text) {
        comments.push(text);
      },
    },
    { decodeEntities: true },
  );
  parser.write(html.slice(0, INJECTION_SCAN_PREFIX));
  parser.end();
  flush();
  return { comments, hidden };
}

/** Runs of base64 (24+ characters) that decode to mostly readable UTF-8 text. */
export function decodedBase64Blobs(text: string): string[] {
  const decoded: string[] = [];
  for (const match of text.slice(0, INJECTION_SCAN_PREFIX).matchAll(/[A-Za-z0-9+/_-]{24,}={0,2}/g)) {
    const candidate = Buffer.from(match[0].replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
    const readable = candidate.match(/[\p{L}\p{N}\p{P}\s]/gu)?.length ?? 0;
    if (candidate.length >= 16 && readable / candidate.length > 0.9) decoded.push(candidate);
    if (decoded.length >= 20) break;
  }
  return decoded;
}

/** True when any part of the email carries text written to steer an AI. */
export function looksLikeInjection(parts: InboundParts | string): boolean {
  const { subject, text, html } = typeof parts === 'string' ? { subject: null, text: parts, html: null } : parts;
  const visible = [subject ?? '', text ? unquoted(text) : ''];
  if (visible.some(matchesPattern)) return true;
  const concealed = html ? concealedHtmlText(html) : { comments: [], hidden: [] };
  const hiddenParts = [...concealed.comments, ...concealed.hidden];
  if (hiddenParts.some((h) => matchesPattern(h) || ADDRESSES_A_MACHINE.test(h))) return true;
  const blobs = [subject, text, html, ...hiddenParts].flatMap((p) => (p ? decodedBase64Blobs(p) : []));
  return blobs.some((b) => matchesPattern(b) || ADDRESSES_A_MACHINE.test(b));
}
