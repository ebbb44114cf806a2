// Email templates are Mustache (a maintained, logic-less engine: no code runs, only named
// values are looked up). Which names a template may use is checked when it is saved, so an
// unknown variable is a typed error then, not an empty gap in an email later.
import Mustache from 'mustache';
import { textToHtml } from '../../email/format.js';
import type { FieldIssue } from '../errors.js';

/** The variables a template may use, and what each holds. */
export const TEMPLATE_VARIABLES = {
  'lead.name': "The lead's full name.",
  'lead.firstName': "The first word of the lead's name.",
  'lead.lastName': "The rest of the lead's name after the first word (may be empty).",
  'lead.email': "The lead's email address.",
  'lead.company': "The lead's company (may be empty).",
  'lead.source': 'Where the lead came from (may be empty).',
  'sender.name': 'The name emails are sent from.',
  'sender.firstName': 'The first word of the sender name.',
  'sender.email': 'The address emails are sent from.',
} as const;

type Token = [type: string, value: string, start: number, end: number, children?: Token[]];

// A writer of our own with no cache: Mustache's default one keeps every template text it
// has parsed, for ever, and template texts come from clients.
const writer = new Mustache.Writer();
(writer as unknown as { templateCache: undefined }).templateCache = undefined;

/**
 * What is wrong with a template text: its syntax, and any tag that is not a known variable (or
 * a section over one, {{#lead.company}}...{{/lead.company}}). Partials, delimiter changes and
 * unescaped output ({{{x}}}, {{&x}}) are refused: HTML versions always escape values.
 */
export function templateIssues(text: string, path: string[]): FieldIssue[] {
  let tokens: Token[];
  try {
    tokens = writer.parse(text) as unknown as Token[];
  } catch (error) {
    return [{ path, message: `is not a valid template: ${(error as Error).message}` }];
  }
  const issues: FieldIssue[] = [];
  const walk = (list: Token[]) => {
    for (const [type, value, , , children] of list) {
      if (type === 'text' || type === '!') continue;
      if (type === 'name' || type === '#' || type === '^') {
        if (!Object.hasOwn(TEMPLATE_VARIABLES, value)) {
          issues.push({ path, message: `uses the unknown variable {{${value}}}; known: ${Object.keys(TEMPLATE_VARIABLES).join(', ')}` });
        }
        if (children) walk(children);
        continue;
      }
      issues.push({ path, message: type === '&' ? `must not use unescaped output ({{{${value}}}} or {{&${value}}}); use {{${value}}}` : `must not use {{${type}${value}}}: only variables and sections` });
    }
  };
  walk(tokens);
  return issues.slice(0, 10);
}

export interface TemplateValues {
  lead: { name: string; email: string; company: string | null; source: string | null };
  sender: { name: string; email: string };
}

function view({ lead, sender }: TemplateValues) {
  const [first = '', ...rest] = lead.name.trim().split(/\s+/);
  return {
    lead: { name: lead.name, firstName: first, lastName: rest.join(' '), email: lead.email, company: lead.company ?? '', source: lead.source ?? '' },
    sender: { name: sender.name, firstName: sender.name.trim().split(/\s+/)[0] ?? '', email: sender.email },
  };
}

const asIs = (value: unknown) => String(value);

/** The template's text for one lead: plain text as is, and HTML with every value escaped. */
export function renderTemplate(template: { subject: string; body: string }, values: TemplateValues): { subject: string; body: string; bodyHtml: string } {
  const v = view(values);
  return {
    subject: writer.render(template.subject, v, undefined, { escape: asIs }).replace(/\s+/g, ' ').trim(),
    body: writer.render(template.body, v, undefined, { escape: asIs }),
    // The text's HTML form still holds the tags (textToHtml escapes the text around them),
    // and Mustache escapes each value it puts in.
    bodyHtml: writer.render(textToHtml(template.body), v),
  };
}
