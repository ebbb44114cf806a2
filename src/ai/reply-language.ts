// The language to answer a lead in: their latest email's, or when it is too short to tell
// ("ok", "tues 10am?") their earlier emails' together. Also: is a draft in that language?
import { detectLanguage, isHandledLanguage, type Language } from './language.js';
import type { ReplyContext } from './port.js';

export async function leadLanguage(context: ReplyContext): Promise<Language> {
  const latest = await detectLanguage(context.inbound.text);
  if (latest !== 'und') return latest;
  const earlier = context.thread.filter((m) => m.direction === 'INBOUND').map((m) => m.text).join('\n');
  return earlier.trim() ? detectLanguage(earlier) : 'und';
}

/** True when the draft is recognisably in another handled language than the lead's. */
export async function isWrongLanguage(expected: Language, draftBody: string): Promise<boolean> {
  if (!isHandledLanguage(expected)) return false;
  const written = await detectLanguage(draftBody);
  return isHandledLanguage(written) && written !== expected;
}

export const LANGUAGE_NAMES: Record<string, string> = { en: 'English', es: 'Spanish', de: 'German', fr: 'French', pt: 'Portuguese' };
