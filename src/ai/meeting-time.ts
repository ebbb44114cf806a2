// The meeting time a lead gave ("yes, Tuesday 10am works"), found by chrono-node's parser for
// the lead's language and written back in that language by Intl, so a draft confirms the time
// the lead proposed instead of asking for one (or, worse, closing the conversation).
import type * as chrono from 'chrono-node';
import { chronoNode } from '../lazy-package.js';
import type { Language } from './language.js';

export interface MeetingTime {
  /** The time as the draft should state it, in the lead's language ("Tuesday, November 24 at 10:00 AM"). */
  label: string;
  /** True when the lead gave an hour, not only a day. */
  hasHour: boolean;
}

let parsers: Record<string, chrono.Chrono> | undefined;
function parserFor(language: string): chrono.Chrono {
  const c = chronoNode();
  parsers ??= { en: c.en.casual, es: c.es.casual, de: c.de.casual, fr: c.fr.casual, pt: c.pt.casual };
  return parsers[language]!;
}
const LOCALES: Record<string, string> = { en: 'en-US', es: 'es-ES', de: 'de-DE', fr: 'fr-FR', pt: 'pt-BR' };

// Words that accept a time: the reply says yes to a slot rather than only mentioning a date.
export const ACCEPTS_TIME =
  /\b(works?|working|suits?|fine|good|great|perfect|ok|okay|yes|sure|see\s+you|let'?s\s+do|sí|si|vale|perfecto|me\s+va\s+bien|me\s+viene\s+bien|de\s+acuerdo|nos\s+vemos|ja|passt|gerne|einverstanden|klappt|geht|oui|parfait|ça\s+marche|ca\s+marche|me\s+convient|d'accord|volontiers|sim|ótimo|otimo|combinado|pode\s+ser|fechado|perfeito)\b/iu;

/** The first future day or time the text names, in the lead's language; null when it names none. */
export function meetingTimeIn(text: string, now: Date, language: Language): MeetingTime | null {
  const handled = LOCALES[language] ? language : 'en';
  const parser = parserFor(handled);
  const results = parser.parse(text.slice(0, 5_000), now, { forwardDate: true });
  for (const result of results) {
    const start = result.start;
    const hasDay = start.isCertain('weekday') || start.isCertain('day');
    const hasHour = start.isCertain('hour');
    if (!hasDay && !hasHour) continue;
    const date = new Date(Date.UTC(start.get('year') ?? now.getUTCFullYear(), (start.get('month') ?? 1) - 1, start.get('day') ?? 1, start.get('hour') ?? 12, start.get('minute') ?? 0));
    if (date.getTime() < now.getTime() - 86_400_000) continue;
    const locale = LOCALES[handled]!;
    const day = new Intl.DateTimeFormat(locale, { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(date);
    const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(date);
    const at: Record<string, string> = { en: 'at', es: 'a las', de: 'um', fr: 'à', pt: 'às' };
    // Spanish reads "el martes ... a las 10:00": the article belongs to the day, the preposition to the hour.
    const article = handled === 'es' ? 'el ' : '';
    const label = hasDay && hasHour ? `${article}${day} ${at[handled]} ${time}` : hasDay ? `${article}${day}` : handled === 'en' ? time : `${at[handled]} ${time}`;
    return { label, hasHour };
  }
  return null;
}
