// The one HTML policy for email bodies, inbound (what leads send) and outbound (what people
// write in sendReply): an allowlist, through sanitize-html. What survives is formatting, links
// and images; scripts, event handlers, forms, frames, SVG/MathML, style sheets and any URL
// that is not http(s)/mailto (javascript:, data:, vbscript:, ...) are removed. Inline styles
// keep only a few properties with plain values (no url(), no expression()). Remote images are
// kept or removed per HTML_REMOTE_IMAGES (they can tell a sender that the email was read).
import type { IOptions } from 'sanitize-html';
import { sanitizeHtml } from '../lazy-package.js';

export type RemoteImages = 'keep' | 'block';

const COLOR = [/^#[0-9a-f]{3,8}$/i, /^rgba?\(\s*[\d.\s,%]+\)$/i, /^[a-z]{3,20}$/i];
const LENGTH = [/^\d+(\.\d+)?(px|em|rem|%|pt)?$/i];

const baseOptions: IOptions = {
  allowedTags: [
    'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'center', 'code', 'col', 'colgroup', 'dd', 'del', 'div', 'dl', 'dt', 'em',
    'font', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'li', 'ol', 'p', 'pre', 'q', 's', 'small', 'span',
    'strike', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'u', 'ul',
  ],
  allowedAttributes: {
    '*': ['dir', 'lang', 'title', 'align', 'style'],
    a: ['href', 'name'],
    img: ['src', 'alt', 'width', 'height'],
    font: ['color', 'size', 'face'],
    table: ['width', 'border', 'cellpadding', 'cellspacing', 'bgcolor'],
    td: ['colspan', 'rowspan', 'valign', 'width', 'bgcolor'],
    th: ['colspan', 'rowspan', 'valign', 'width', 'bgcolor'],
    col: ['span', 'width'],
    ol: ['start', 'type'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'action', 'background'],
  allowProtocolRelative: false,
  allowedStyles: {
    '*': {
      color: COLOR,
      'background-color': COLOR,
      'text-align': [/^(left|right|center|justify)$/i],
      'font-weight': [/^(normal|bold|\d{3})$/i],
      'font-style': [/^(normal|italic)$/i],
      'text-decoration': [/^(none|underline|line-through)$/i],
      'font-size': LENGTH,
      width: LENGTH,
      height: LENGTH,
      padding: [/^[\d.\s]+(px|em|%)?(\s+[\d.]+(px|em|%)?)*$/i],
      margin: [/^[\d.\s]+(px|em|%)?(\s+[\d.]+(px|em|%)?)*$/i],
    },
  },
  // Removed with everything inside them (the default drops only the tag for unknown ones).
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head', 'svg', 'math', 'iframe', 'object', 'embed', 'template', 'xmp', 'noembed', 'noframes'],
  disallowedTagsMode: 'discard',
  transformTags: {
    // Links open elsewhere and tell the target nothing about the inbox that showed them.
    // (sanitize-html's simpleTransform('a', {...}), written out: the package loads on first use.)
    a: (tagName, attribs) => ({ tagName: 'a', attribs: { ...attribs, rel: 'noopener noreferrer nofollow', target: '_blank' } }),
  },
};

const policies: Record<RemoteImages, IOptions> = {
  keep: { ...baseOptions, allowedAttributes: { ...(baseOptions.allowedAttributes as object), a: ['href', 'name', 'rel', 'target'] } },
  block: {
    ...baseOptions,
    allowedAttributes: { ...(baseOptions.allowedAttributes as object), a: ['href', 'name', 'rel', 'target'] },
    // An image with a remote source is dropped (its alt text is not kept: it is the sender's).
    exclusiveFilter: (frame) => frame.tag === 'img' && /^\s*https?:/i.test(frame.attribs.src ?? ''),
  },
};

/**
 * How much of an HTML body is sanitised: sanitize-html takes about a second per MiB here, on
 * the request's event loop, so the rest is clipped, as mail clients do (Gmail clips at 102 KB).
 * The whole original stays in htmlBodyUntrusted.
 */
export const SAFE_HTML_MAX_CHARS = 200_000;
export const CLIPPED_NOTICE = '<p>[Message clipped: it is too long to show here.]</p>';

/** Sanitised HTML, safe to insert into a page (README: "Email HTML"). */
export function sanitiseEmailHtml(html: string, remoteImages: RemoteImages = 'keep'): string {
  if (html.length <= SAFE_HTML_MAX_CHARS) return sanitizeHtml()(html, policies[remoteImages]);
  // Cut before the last tag that starts in the window, so no tag is cut in half.
  const cut = html.lastIndexOf('<', SAFE_HTML_MAX_CHARS);
  const prefix = html.slice(0, cut > 0 ? cut : SAFE_HTML_MAX_CHARS);
  return sanitizeHtml()(prefix, policies[remoteImages]) + CLIPPED_NOTICE;
}

// C0 and C1 control characters except tab, newline and carriage return; and the Unicode
// bidirectional overrides, which can make a name display as something else.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** A display name as plain text: control and bidi-override characters removed, trimmed. */
export function plainDisplayName(name: string): string {
  return name.replace(CONTROL, '').trim();
}
