// The offline drafter's follow-up: a short nudge after our email got no reply, in the lead's
// language, grounded in what we wrote (the subject of our email, its first sentence of offer)
// and nothing else. Greeting and closing are the reply templates' (phrases.ts).
import type { HandledLanguage } from '../language.js';

interface FollowUpPhrases {
  first: (subject: string) => string;
  again: (subject: string) => string;
  ask: string;
  last: string;
}

const unquote = (subject: string) => subject.replace(/^(re|aw|sv|rv|fwd?):\s*/i, '').trim();

export const FOLLOW_UP_PHRASES: Record<HandledLanguage, FollowUpPhrases> = {
  en: {
    first: (s) => `I wanted to follow up on my last email about "${unquote(s)}", in case it got buried.`,
    again: (s) => `Just following up once more on "${unquote(s)}".`,
    ask: 'Would a short call this week be useful? A quick reply with a good time is all it takes.',
    last: 'If now is not the right time, just let me know and I will not keep writing.',
  },
  es: {
    first: (s) => `Le escribo de nuevo sobre mi último correo, "${unquote(s)}", por si se le pasó.`,
    again: (s) => `Vuelvo a escribirle sobre "${unquote(s)}".`,
    ask: '¿Le vendría bien una llamada breve esta semana? Basta con responder con un buen momento.',
    last: 'Si no es buen momento, dígamelo y no le escribiré más.',
  },
  de: {
    first: (s) => `Ich wollte kurz an meine letzte E-Mail zu „${unquote(s)}“ erinnern, falls sie untergegangen ist.`,
    again: (s) => `Ich melde mich noch einmal wegen „${unquote(s)}“.`,
    ask: 'Wäre ein kurzes Gespräch diese Woche hilfreich? Eine kurze Antwort mit einem passenden Termin genügt.',
    last: 'Wenn es gerade nicht passt, sagen Sie es mir einfach, dann schreibe ich nicht weiter.',
  },
  fr: {
    first: (s) => `Je me permets de revenir vers vous au sujet de mon dernier e-mail, « ${unquote(s)} », au cas où il vous aurait échappé.`,
    again: (s) => `Je reviens une dernière fois vers vous au sujet de « ${unquote(s)} ».`,
    ask: 'Un court appel cette semaine vous serait-il utile ? Il suffit de répondre avec un créneau.',
    last: "Si ce n'est pas le bon moment, dites-le-moi simplement et je ne vous écrirai plus.",
  },
  pt: {
    first: (s) => `Queria retomar o meu último e-mail sobre "${unquote(s)}", caso tenha passado despercebido.`,
    again: (s) => `Escrevo mais uma vez sobre "${unquote(s)}".`,
    ask: 'Uma chamada curta esta semana seria útil? Basta responder com um bom horário.',
    last: 'Se não for o momento certo, é só dizer e não volto a escrever.',
  },
};
