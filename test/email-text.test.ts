// The one text preparation every path uses (src/ai/email-text.ts), and the offline analyser's
// handling of the five languages: quoted history, forwards, signatures and legal footers cut in
// each client's and language's format; certainty that says when it is unsure.
import { describe, expect, it } from 'vitest';
import { EMAIL_TEXT_PREFIX, inboundThreadText, prepareEmailText } from '../src/ai/email-text.js';
import { analyseOffline, classifyIntent, extractReturnDate } from '../src/ai/offline/classifier.js';
import { explicitUnsubscribeRequest } from '../src/ai/offline/lexicon.js';

const NOW = new Date('2026-11-30T09:00:00Z');
const OURS = 'Hi,\nWe build fast websites.\nReply "unsubscribe" to stop.';
const quoted = OURS.split('\n').map((l) => `> ${l}`).join('\n');

describe('prepareEmailText', () => {
  it.each([
    ['Gmail en', `Sounds good.\n\nOn Mon, Nov 23, 2026 at 10:14 AM Alex Rivera <alex@parley.example.com> wrote:\n\n${quoted}`],
    ['Gmail en, header wrapped', `Sounds good.\n\nOn Mon, Nov 23, 2026 at 10:14 AM Alex Rivera <\nalex@parley.example.com> wrote:\n\n${quoted}`],
    ['Gmail es', `Sounds good.\n\nEl lun, 23 nov 2026 a las 10:14, Alex Rivera (<alex@parley.example.com>) escribió:\n\n${quoted}`],
    ['Gmail de', `Sounds good.\n\nAm Mo., 23. Nov. 2026 um 10:14 Uhr schrieb Alex Rivera <alex@parley.example.com>:\n\n${quoted}`],
    ['Gmail fr', `Sounds good.\n\nLe lun. 23 nov. 2026 à 10:14, Alex Rivera <alex@parley.example.com> a écrit :\n\n${quoted}`],
    ['Gmail pt', `Sounds good.\n\nEm seg., 23 de nov. de 2026 às 10:14, Alex Rivera <alex@parley.example.com> escreveu:\n\n${quoted}`],
    ['Apple de', `Sounds good.\n\nAm 23.11.2026 um 10:14 schrieb Alex Rivera <alex@parley.example.com>:\n\n${quoted}`],
    ['Outlook en', `Sounds good.\n\n________________________________\nFrom: Alex Rivera <alex@parley.example.com>\nSent: Monday, November 23, 2026 10:14 AM\nTo: Sam\nSubject: Hi\n\n${OURS}`],
    ['Outlook original message', `Sounds good.\n\n-----Original Message-----\nFrom: Alex Rivera\nSent: Monday\n\n${OURS}`],
    ['Outlook de', `Sounds good.\n\nVon: Alex Rivera <alex@parley.example.com>\nGesendet: Montag, 23. November 2026 10:14\nAn: Jürgen\nBetreff: Hallo\n\n${OURS}`],
    ['Outlook es', `Sounds good.\n\nDe: Alex Rivera <alex@parley.example.com>\nEnviado: lunes, 23 de noviembre de 2026 10:14\nPara: Lucía\nAsunto: Hola\n\n${OURS}`],
    ['Outlook fr', `Sounds good.\n\nDe : Alex Rivera <alex@parley.example.com>\nEnvoyé : lundi 23 novembre 2026 10:14\nÀ : Claire\nObjet : Bonjour\n\n${OURS}`],
    ['Outlook pt', `Sounds good.\n\nDe: Alex Rivera <alex@parley.example.com>\nEnviada em: segunda-feira, 23 de novembro de 2026 10:14\nPara: João\nAssunto: Olá\n\n${OURS}`],
    ['"> " quoting around the reply', `${quoted}\n\nSounds good.\n\n${quoted}`],
    ['signature after a sign-off', 'Sounds good.\n\nBest regards,\nSam Carter\nOwner, Carter Plumbing\n+1 (555) 013-4455'],
    ['"-- " signature', 'Sounds good.\n\n--\nDana Brooks | Office Manager\n(555) 201-7788'],
    ['German sign-off and mobile line', 'Sounds good.\n\nMit freundlichen Grüßen\n\nJürgen Weber\nGeschäftsführer\n\nVon meinem iPhone gesendet'],
    ['confidentiality footer', 'Sounds good.\n\nCONFIDENTIALITY NOTICE: This email and any attachments are confidential. If you have received this email in error, please delete this email.'],
    ['German legal footer', 'Sounds good.\n\nDiese E-Mail enthält vertrauliche Informationen. Bitte löschen Sie diese E-Mail.\nSitz der Gesellschaft: München'],
    ['Portuguese footer', 'Sounds good.\n\nAVISO DE CONFIDENCIALIDADE: Esta mensagem e seus anexos são confidenciais. Se você recebeu esta mensagem por engano, apague-a.'],
  ])('%s: keeps only the new words', (_name, body) => {
    expect(prepareEmailText(body).text).toBe('Sounds good.');
  });

  it.each([
    ['en', '---------- Forwarded message ---------\nFrom: Alex <alex@parley.example.com>\nDate: Mon\nSubject: Hi\nTo: <a@b.c>'],
    ['es', '---------- Mensaje reenviado ---------\nDe: Alex <alex@parley.example.com>\nDate: lun\nSubject: Hola\nTo: <a@b.c>'],
    ['de', '---------- Weitergeleitete Nachricht ---------\nVon: Alex <alex@parley.example.com>\nDate: Mo\nSubject: Hallo\nTo: <a@b.c>'],
    ['fr', '-------- Message transféré --------\nSujet : Bonjour\nDate : Mon\nDe : Alex <alex@parley.example.com>\nPour : a@b.c'],
    ['pt', '---------- Mensagem encaminhada ---------\nDe: Alex <alex@parley.example.com>\nDate: seg\nSubject: Olá\nTo: <a@b.c>'],
    ['Apple', 'Begin forwarded message:\n\nFrom: Alex <alex@parley.example.com>\nSubject: Hi\nDate: Mon\nTo: a@b.c'],
  ])('forward (%s): the note above it is the reply; a bare forward reads as its body', (_lang, header) => {
    const withNote = prepareEmailText(`Priya, you handle this.\n\n${header}\n\n${OURS}`);
    expect(withNote).toMatchObject({ text: 'Priya, you handle this.', cut: { history: true, forward: true } });
    expect(prepareEmailText(`${header}\n\n${OURS}`).text).toBe('Hi,\nWe build fast websites.\nReply "unsubscribe" to stop.');
  });

  it('never returns nothing for a body that had words, and reads a bounded prefix', () => {
    expect(prepareEmailText('Best regards,\nSam').text).toBe('Best regards,\nSam');
    const huge = prepareEmailText(`Sounds good. ${'x'.repeat(EMAIL_TEXT_PREFIX * 3)}`);
    expect(huge.truncated).toBe(true);
    expect(huge.text.length).toBeLessThanOrEqual(EMAIL_TEXT_PREFIX);
  });

  it('prepares an inbound message from its full body, Postmark\'s stripped reply only without one', () => {
    expect(inboundThreadText({ textBody: `Yes.\n\nOn Mon, Alex <a@b.c> wrote:\n${quoted}`, strippedText: 'something else' })).toBe('Yes.');
    expect(inboundThreadText({ textBody: '  ', strippedText: 'Yes.' })).toBe('Yes.');
  });
});

describe('offline analysis in five languages', () => {
  it.each([
    ['tues 10am?', 'MEETING_REQUEST'],
    ['¿Le viene bien una llamada el jueves a las 10?', 'MEETING_REQUEST'],
    ['Können wir am Donnerstag um 14 Uhr telefonieren?', 'MEETING_REQUEST'],
    ['Gracias, pero no nos interesa.', 'NOT_INTERESTED'],
    ['Kein Interesse, danke.', 'NOT_INTERESTED'],
    ['Não temos interesse, obrigado.', 'NOT_INTERESTED'],
    ['Estoy fuera de la oficina hasta el 8 de diciembre.', 'OUT_OF_OFFICE'],
    ['Ich bin bis 4. Dezember nicht im Büro.', 'OUT_OF_OFFICE'],
    ["Je suis absente du bureau jusqu'au 7 décembre.", 'OUT_OF_OFFICE'],
    ['Estou de férias até 10 de dezembro, sem acesso ao e-mail.', 'OUT_OF_OFFICE'],
    ['No soy la persona adecuada, hable con Carmen: carmen@example.es', 'REFERRAL'],
    ["Don't ever write to me again.", 'UNSUBSCRIBE'],
    ['Por favor, denme de baja.', 'UNSUBSCRIBE'],
    ['Bitte tragen Sie mich aus Ihrem Verteiler aus.', 'UNSUBSCRIBE'],
    ['Désinscrivez-moi svp.', 'UNSUBSCRIBE'],
    ['Parem de me mandar mensagens.', 'UNSUBSCRIBE'],
  ])('%s -> %s', (text, intent) => {
    expect(classifyIntent(text).intent).toBe(intent);
  });

  it('says OTHER with low certainty for text no rule knows, instead of guessing a class', () => {
    for (const text of ['Hoy hace buen tiempo en Sevilla y el mercado está lleno.', 'Der Zug war heute wieder voll.', 'Lorem ipsum dolor sit amet.']) {
      expect(classifyIntent(text)).toMatchObject({ intent: 'OTHER', intentConfidence: 0.2 });
    }
  });

  it('is certain of an unsubscribe only when it is asked for in so many words', () => {
    expect(classifyIntent('Please remove me from your mailing list.').intentConfidence).toBeGreaterThanOrEqual(0.9);
    const complaint = classifyIntent('How did you even get my email? I never signed up for this.');
    expect(complaint.intent).toBe('UNSUBSCRIBE');
    expect(complaint.intentConfidence).toBeLessThanOrEqual(0.6);
    expect(explicitUnsubscribeRequest('Please delete this email if you are not the intended recipient.')).toBe(false);
  });

  it('reads return dates in the five languages', () => {
    expect(extractReturnDate('Estoy fuera de la oficina hasta el 8 de diciembre.', NOW)).toBe('2026-12-08');
    expect(extractReturnDate('Ich bin bis einschließlich 4. Dezember nicht im Büro.', NOW)).toBe('2026-12-04');
    expect(extractReturnDate("Je suis absente jusqu'au 7 décembre inclus.", NOW)).toBe('2026-12-07');
    expect(extractReturnDate('Estou de férias até 10 de dezembro.', NOW)).toBe('2026-12-10');
    expect(analyseOffline('Respuesta automática: estoy de vacaciones hasta el lunes 14 de diciembre.', { now: NOW })).toMatchObject({
      intent: 'OUT_OF_OFFICE', returnDate: '2026-12-14',
    });
  });
});
