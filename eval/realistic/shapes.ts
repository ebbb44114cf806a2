// The wrappers real mail clients put around a lead's words: quoted history (Gmail, Outlook,
// Apple Mail, "> "), localised headers, signatures, legal footers, forwards. The eval sets are
// hand-written replies (tuning.ts, holdout.ts) wrapped by these, so each line reads like what
// Postmark delivers as TextBody. `npx tsx eval/realistic/build.ts` writes the .jsonl files.
export const LANGUAGES = ['en', 'es', 'de', 'fr', 'pt'] as const;
export type Lang = (typeof LANGUAGES)[number];
export const SHAPES = ['plain', 'gmail', 'outlook', 'apple', 'gt-quote', 'signature', 'footer', 'forward', 'auto-reply'] as const;
export type Shape = (typeof SHAPES)[number];

const US = 'Alex Rivera <alex@parley.example.com>';

/** Our first email, as the lead's client quotes it (it ends with an opt-out line on purpose). */
const OUR_EMAIL: Record<Lang, string> = {
  en: 'Hi,\n\nI noticed your website takes a while to load on phones. We build fast sites for small businesses, from $2,500.\n\nWould you be open to a quick call next week?\n\nBest,\nAlex Rivera\nParley Studio\n\nNot interested? Reply "unsubscribe" and we will not write again.',
  es: 'Hola,\n\nVi que su web tarda en cargar en el móvil. Hacemos webs rápidas para pequeños negocios desde 2.500 €.\n\n¿Le vendría bien una llamada la semana que viene?\n\nSaludos,\nAlex Rivera\n\nSi no desea recibir más correos, responda "baja".',
  de: 'Hallo,\n\nmir ist aufgefallen, dass Ihre Website auf dem Handy langsam lädt. Wir bauen schnelle Websites für kleine Unternehmen, ab 2.500 €.\n\nHätten Sie nächste Woche Zeit für ein kurzes Gespräch?\n\nViele Grüße\nAlex Rivera\n\nKein Interesse? Antworten Sie mit "abmelden".',
  fr: "Bonjour,\n\nJ'ai remarqué que votre site met du temps à charger sur mobile. Nous créons des sites rapides pour les petites entreprises, à partir de 2 500 €.\n\nSeriez-vous disponible pour un court appel la semaine prochaine ?\n\nCordialement,\nAlex Rivera\n\nPour ne plus recevoir nos e-mails, répondez « désinscrire ».",
  pt: 'Olá,\n\nNotei que o seu site demora a carregar no celular. Criamos sites rápidos para pequenas empresas, a partir de R$ 2.500.\n\nPodemos marcar uma ligação rápida na semana que vem?\n\nAbraços,\nAlex Rivera\n\nSe não quiser receber mais e-mails, responda "descadastrar".',
};

const quoted = (text: string) => text.split('\n').map((l) => (l ? `> ${l}` : '>')).join('\n');

const GMAIL: Record<Lang, string> = {
  en: `On Mon, Nov 23, 2026 at 10:14 AM Alex Rivera <\nalex@parley.example.com> wrote:`,
  es: `El lun, 23 nov 2026 a las 10:14, Alex Rivera (<alex@parley.example.com>) escribió:`,
  de: `Am Mo., 23. Nov. 2026 um 10:14 Uhr schrieb Alex Rivera <alex@parley.example.com>:`,
  fr: `Le lun. 23 nov. 2026 à 10:14, Alex Rivera <alex@parley.example.com> a écrit :`,
  pt: `Em seg., 23 de nov. de 2026 às 10:14, Alex Rivera <alex@parley.example.com> escreveu:`,
};
const APPLE: Record<Lang, string> = {
  en: `On Nov 23, 2026, at 10:14 AM, ${US} wrote:`,
  es: `El 23 nov 2026, a las 10:14, ${US} escribió:`,
  de: `Am 23.11.2026 um 10:14 schrieb ${US}:`,
  fr: `Le 23 nov. 2026 à 10:14, ${US} a écrit :`,
  pt: `Em 23 de nov. de 2026, à(s) 10:14, ${US} escreveu:`,
};
const OUTLOOK: Record<Lang, (lead: string) => string> = {
  en: (lead) => `________________________________\nFrom: ${US}\nSent: Monday, November 23, 2026 10:14 AM\nTo: ${lead}\nSubject: A faster website`,
  es: (lead) => `De: ${US}\nEnviado: lunes, 23 de noviembre de 2026 10:14\nPara: ${lead}\nAsunto: Una web más rápida`,
  de: (lead) => `-----Ursprüngliche Nachricht-----\nVon: ${US}\nGesendet: Montag, 23. November 2026 10:14\nAn: ${lead}\nBetreff: Eine schnellere Website`,
  fr: (lead) => `De : ${US}\nEnvoyé : lundi 23 novembre 2026 10:14\nÀ : ${lead}\nObjet : Un site plus rapide`,
  pt: (lead) => `De: ${US}\nEnviada em: segunda-feira, 23 de novembro de 2026 10:14\nPara: ${lead}\nAssunto: Um site mais rápido`,
};
const FORWARD: Record<Lang, string> = {
  en: `---------- Forwarded message ---------\nFrom: ${US}\nDate: Mon, Nov 23, 2026 at 10:14 AM\nSubject: A faster website\nTo: <lead@example.com>`,
  es: `---------- Mensaje reenviado ---------\nDe: ${US}\nDate: lun, 23 nov 2026 a las 10:14\nSubject: Una web más rápida\nTo: <lead@example.com>`,
  de: `---------- Weitergeleitete Nachricht ---------\nVon: ${US}\nDate: Mo., 23. Nov. 2026 um 10:14 Uhr\nSubject: Eine schnellere Website\nTo: <lead@example.com>`,
  fr: `-------- Message transféré --------\nSujet : Un site plus rapide\nDate : Mon, 23 Nov 2026 10:14:00 +0000\nDe : ${US}\nPour : lead@example.com`,
  pt: `---------- Mensagem encaminhada ---------\nDe: ${US}\nDate: seg., 23 de nov. de 2026 às 10:14\nSubject: Um site mais rápido\nTo: <lead@example.com>`,
};

export const PEOPLE: Record<Lang, { name: string; signature: string; footer: string }[]> = {
  en: [
    { name: 'Sam Carter', signature: 'Best regards,\nSam Carter\nOwner, Carter Plumbing\n+1 (555) 013-4455\nwww.carterplumbing.com', footer: 'CONFIDENTIALITY NOTICE: This email and any attachments are confidential and intended solely for the addressee. If you have received this email in error, please notify the sender and delete this email immediately.' },
    { name: 'Dana Brooks', signature: '--\nDana Brooks | Office Manager\nBrooks Family Dental\n(555) 201-7788', footer: 'The information contained in this message is privileged and confidential. If you are not the intended recipient, you are hereby notified that any use of it is prohibited; please remove it from your system.\nPlease consider the environment before printing this email.' },
    { name: 'Mike Tanaka', signature: 'Thanks,\nMike\n\nSent from my iPhone', footer: 'DISCLAIMER: This e-mail is intended only for the person to whom it is addressed. If you received it by mistake, delete it and do not forward it.' },
  ],
  es: [
    { name: 'Lucía Fernández', signature: 'Saludos,\nLucía Fernández\nGerente | Panadería La Espiga\nTel. +34 612 345 678', footer: 'AVISO DE CONFIDENCIALIDAD: Este mensaje y sus anexos son confidenciales y están dirigidos exclusivamente a su destinatario. Si usted ha recibido este mensaje por error, notifíquelo al remitente y bórrelo de inmediato.' },
    { name: 'Jorge Ramírez', signature: 'Un saludo,\nJorge\n\nEnviado desde mi iPhone', footer: 'Este correo electrónico puede contener información confidencial. Si no es el destinatario, elimínelo y no lo reenvíe.' },
  ],
  de: [
    { name: 'Jürgen Weber', signature: 'Mit freundlichen Grüßen\n\nJürgen Weber\nGeschäftsführer\nWeber Haustechnik GmbH\nTel.: +49 89 1234567', footer: 'Diese E-Mail enthält vertrauliche Informationen. Wenn Sie nicht der richtige Adressat sind oder diese E-Mail irrtümlich erhalten haben, informieren Sie bitte sofort den Absender und löschen Sie diese E-Mail.\nWeber Haustechnik GmbH · Sitz der Gesellschaft: München · Registergericht: AG München HRB 123456' },
    { name: 'Anna Schmidt', signature: 'Viele Grüße\nAnna\n\nVon meinem iPhone gesendet', footer: 'Vertraulichkeitshinweis: Diese Nachricht ist ausschließlich für den Adressaten bestimmt. Bitte löschen Sie sie, falls Sie sie irrtümlich erhalten haben.' },
  ],
  fr: [
    { name: 'Claire Dubois', signature: 'Cordialement,\nClaire Dubois\nGérante – Fleurs de Claire\n06 12 34 56 78', footer: "Ce message et toutes ses pièces jointes sont confidentiels et établis à l'intention exclusive de ses destinataires. Si vous avez reçu ce message par erreur, merci de le supprimer et d'en avertir immédiatement l'expéditeur." },
    { name: 'Luc Martin', signature: 'Bien à vous,\nLuc\n\nEnvoyé de mon iPhone', footer: "AVIS DE CONFIDENTIALITÉ : ce courriel est destiné uniquement à son destinataire. Si vous l'avez reçu par erreur, veuillez le détruire." },
  ],
  pt: [
    { name: 'João Silva', signature: 'Atenciosamente,\nJoão Silva\nDiretor | Silva Reformas\n(11) 98765-4321', footer: 'AVISO DE CONFIDENCIALIDADE: Esta mensagem e seus anexos são confidenciais. Se você recebeu esta mensagem por engano, por favor notifique o remetente e apague-a imediatamente.' },
    { name: 'Ana Costa', signature: 'Abraços,\nAna\n\nEnviado do meu iPhone', footer: 'Esta mensagem pode conter informações confidenciais. Se você não for o destinatário, por favor exclua-a.' },
  ],
};

/** The body a mail client sends for `words` written by a lead in `lang`, in `shape`. */
export function wrap(words: string, lang: Lang, shape: Shape, index: number): string {
  const people = PEOPLE[lang];
  const person = people[index % people.length]!;
  const lead = `${person.name} <lead@example.com>`;
  const ours = OUR_EMAIL[lang];
  switch (shape) {
    case 'plain':
    case 'auto-reply':
      return words;
    case 'gmail':
      return `${words}\n\n${GMAIL[lang]}\n\n${quoted(ours)}\n`;
    case 'apple':
      return `${words}\n\n${person.signature.includes('iPhone') ? person.signature.split('\n').slice(-1)[0] : ''}\n\n${APPLE[lang]}\n\n${quoted(ours)}`;
    case 'outlook':
      return `${words}\n\n${OUTLOOK[lang](lead)}\n\n${ours}`;
    case 'gt-quote':
      return `${quoted(ours.split('\n\n').slice(0, 2).join('\n\n'))}\n\n${words}\n\n${quoted(ours.split('\n\n').slice(2).join('\n\n'))}`;
    case 'signature':
      return `${words}\n\n${person.signature}\n\n${GMAIL[lang]}\n${quoted(ours)}`;
    case 'footer':
      return `${words}\n\n${person.signature}\n\n${person.footer}\n\n${OUTLOOK[lang](lead)}\n\n${ours}`;
    case 'forward':
      return `${words}\n\n${FORWARD[lang]}\n\n${ours}`;
  }
}
