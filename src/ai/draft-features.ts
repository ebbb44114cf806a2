// What the confidence model reads from a draft: the same computation for the stored drafts
// (conversation-ai.ts) and for the labelled set it is fitted on (eval/confidence.ts). Every
// feature compares the draft with the reply it answers, in any of the five languages.
import { questionsAnswered, type DraftFeatures } from './confidence.js';
import { fold } from './facts.js';
import type { Language } from './language.js';
import { ACCEPTS_TIME, meetingTimeIn } from './meeting-time.js';
import { PHRASES } from './offline/phrases.js';
import type { ReplyAnalysis } from './port.js';
import { pointedNames } from './referral.js';

// The catch-all sentences of every language: a draft made of them answers nothing in particular.
const GENERIC = Object.values(PHRASES).flatMap((p) => [p.other.thanks, p.other.noted, p.other.help('\u0000').split('\u0000')[0]!]).map((s) => fold(s).replace(/[.,!]+$/, ''));
// Pushing for a call or a meeting.
const SALES_PUSH = /\b(call|meeting|chat|demo|llamada|reunión|telefonat|termin|appel|rendez-vous|ligação|reunião)\b|\?/iu;

export function draftFeatures(input: {
  reply: string;
  draft: string;
  analysis: Pick<ReplyAnalysis, 'intent' | 'intentConfidence' | 'questions'>;
  leadLanguage: Language;
  draftLanguage: Language;
  now: Date;
}): DraftFeatures {
  const { reply, draft, analysis, leadLanguage, draftLanguage, now } = input;
  const text = fold(draft);
  const inLeadLanguage = leadLanguage === 'und' || draftLanguage === 'und' || draftLanguage === leadLanguage;
  const time = meetingTimeIn(reply, now, leadLanguage);
  const timeProposed = time !== null && (ACCEPTS_TIME.test(reply) || analysis.intent === 'MEETING_REQUEST' || /\?/.test(reply));
  let timeConfirmed = true;
  if (time && timeProposed) {
    const words = fold(time.label).match(/\p{L}{3,}|\d{1,2}/gu) ?? [];
    timeConfirmed = words.slice(0, 2).some((w) => new RegExp(`(^|[^\\p{L}\\d])${w}([^\\p{L}\\d]|$)`, 'u').test(text));
  }
  const names = pointedNames(reply);
  const referralNamed = names.length === 0 || names.some((n) => text.includes(fold(n)));
  const declined = (analysis.intent === 'NOT_INTERESTED' || analysis.intent === 'UNSUBSCRIBE') && !timeProposed;
  const body = text.split('\n').slice(1, -2).join(' ');
  const specificAsked = analysis.questions.length > 0 || timeProposed || names.length > 0 || ['QUESTION', 'MEETING_REQUEST', 'INTERESTED', 'REFERRAL', 'OBJECTION'].includes(analysis.intent);
  return {
    analysisCertainty: analysis.intentConfidence,
    questionsAnswered: questionsAnswered(analysis.questions, draft),
    inLeadLanguage,
    timeConfirmed,
    referralNamed,
    declineRespected: !declined || !SALES_PUSH.test(body),
    generic: specificAsked && GENERIC.some((g) => g.length > 8 && text.includes(g)),
  };
}
