// What the confidence model reads from a draft: the same computation for the stored drafts
// (conversation-ai.ts) and for the labelled set it is fitted on (eval/confidence.ts).
import { questionsAnswered, type DraftFeatures } from './confidence.js';
import { fold } from './facts.js';
import type { Language } from './language.js';
import { ACCEPTS_TIME, meetingTimeIn } from './meeting-time.js';
import type { ReplyAnalysis } from './port.js';

export function draftFeatures(input: {
  reply: string;
  draft: string;
  analysis: Pick<ReplyAnalysis, 'intent' | 'intentConfidence' | 'questions'>;
  leadLanguage: Language;
  draftLanguage: Language;
  now: Date;
}): DraftFeatures {
  const { reply, draft, analysis, leadLanguage, draftLanguage, now } = input;
  const inLeadLanguage = leadLanguage === 'und' || draftLanguage === 'und' || draftLanguage === leadLanguage;
  const time = meetingTimeIn(reply, now, leadLanguage);
  let timeConfirmed = true;
  if (time && (ACCEPTS_TIME.test(reply) || analysis.intent === 'MEETING_REQUEST')) {
    const words = fold(time.label).match(/\p{L}{3,}|\d{1,2}/gu) ?? [];
    const text = fold(draft);
    timeConfirmed = words.slice(0, 2).some((w) => new RegExp(`(^|[^\\p{L}\\d])${w}([^\\p{L}\\d]|$)`, 'u').test(text));
  }
  return {
    analysisCertainty: analysis.intentConfidence,
    questionsAnswered: questionsAnswered(analysis.questions, draft),
    inLeadLanguage,
    timeConfirmed,
    generic: analysis.intent === 'OTHER',
  };
}
