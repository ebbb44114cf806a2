// What the offline drafter says, in each language it drafts in. Written as a sales rep would
// write to a small business owner: short, polite, one clear next step. Spanish, German, French
// and Portuguese use the polite form of address (usted, Sie, vous, você), as a first business
// exchange does.
import type { HandledLanguage } from '../language.js';
import type { Tone } from '../port.js';

export interface Phrases {
  greeting: Record<Tone, (name: string) => string>;
  thanks: Record<Tone, string>;
  closing: Record<Tone, string>;
  yourBusiness: string;
  interested: { glad: (company: string) => string; overview: string; call: string };
  meeting: { glad: string; confirm: (time: string) => string; askTime: string; prepare: (company: string) => string };
  question: { one: string; many: string; confirm: string; walk: (company: string) => string; details: string };
  objection: { fair: string; fairEmpathetic: string; small: string; offer: string };
  notInterested: { ack: string; noFollowUp: string; bye: (company: string) => string };
  referral: { thanks: (name: string | null) => string; reach: string; anything: string };
  outOfOffice: { until: (day: string) => string; later: string };
  unsubscribe: string;
  other: { noted: string; thanks: string; help: (company: string) => string };
  note: { subject: (lead: string, company: string | null) => string; hi: (name: string) => string; intro: (lead: string, company: string | null) => string; ask: string };
}

const same = (s: string): Record<Tone, string> => ({ PROFESSIONAL: s, FRIENDLY: s, CONCISE: s, ENTHUSIASTIC: s, EMPATHETIC: s });

export const PHRASES: Record<HandledLanguage, Phrases> = {
  en: {
    greeting: { PROFESSIONAL: (n) => `Hi ${n},`, FRIENDLY: (n) => `Hey ${n},`, CONCISE: (n) => `Hi ${n},`, ENTHUSIASTIC: (n) => `Hi ${n}!`, EMPATHETIC: (n) => `Hi ${n},` },
    thanks: {
      PROFESSIONAL: 'Thank you for getting back to me.',
      FRIENDLY: 'Great to hear from you, thanks for the reply!',
      CONCISE: 'Thanks for the reply.',
      ENTHUSIASTIC: 'Thanks so much for getting back to me!',
      EMPATHETIC: 'Thank you for taking the time to reply, I know your days are full.',
    },
    closing: { PROFESSIONAL: 'Best regards,', FRIENDLY: 'Cheers,', CONCISE: 'Best,', ENTHUSIASTIC: 'Talk soon,', EMPATHETIC: 'Warm regards,' },
    yourBusiness: 'your business',
    interested: {
      glad: (c) => `I'm glad this sounds useful for ${c}.`,
      overview: "I'll put together a short overview tailored to what you need.",
      call: 'Would a 15-minute call this week work to go through it? Let me know a time that suits you.',
    },
    meeting: {
      glad: "I'd be glad to talk.",
      confirm: (t) => `${t} works for me. I'll send a calendar invite shortly to confirm it.`,
      askTime: 'Please send over the time that suits you best and I will send a calendar invite to confirm it.',
      prepare: (c) => `I'll come prepared with a few ideas for ${c}, and we can keep it to 20 minutes.`,
    },
    question: {
      one: 'Good question.',
      many: 'Good questions, let me take them in turn.',
      confirm: 'Let me confirm the exact details for your case and get back to you within a day.',
      walk: (c) => `If it helps, I can also walk you through how this would work for ${c} on a quick call.`,
      details: "I'll send you the details in writing today.",
    },
    objection: {
      fair: 'That is a fair point, thanks for being upfront.',
      fairEmpathetic: 'That makes complete sense, and I appreciate you being candid.',
      small: 'Many of the businesses we work with started small, with one improvement and no long commitment.',
      offer: 'Would it help if I sent a short outline of a smaller first step, so you can judge it without any pressure?',
    },
    notInterested: {
      ack: 'Understood, and thank you for letting me know.',
      noFollowUp: "I won't follow up further on this. If anything changes, you know where to find me.",
      bye: (c) => `All the best to you and the team at ${c}.`,
    },
    referral: {
      thanks: (n) => `Thank you for pointing me to ${n ?? 'the right person'}.`,
      reach: "I'll reach out to them directly and keep my note short.",
      anything: 'If there is anything I should know before I do, just reply to this email.',
    },
    outOfOffice: {
      until: (d) => `I hope your time away goes well. I'll follow up after you are back on ${d}.`,
      later: "I hope your time away goes well. I'll follow up once you are back.",
    },
    unsubscribe: "You won't receive any further emails from me.",
    other: { noted: 'Noted, thank you.', thanks: 'Thanks for your message.', help: (c) => `If there is anything I can help ${c} with, just reply to this email.` },
    note: {
      subject: (l, c) => `${l}${c ? ` at ${c}` : ''} suggested I get in touch`,
      hi: (n) => `Hi ${n},`,
      intro: (l, c) => `${l} mentioned you are the right person to talk to about ${c ? `${c}'s` : 'your'} website.`,
      ask: 'Would you be open to a short call?',
    },
  },
  es: {
    greeting: { ...mapTones((n) => `Hola, ${n}:`), FRIENDLY: (n) => `¡Hola, ${n}!`, ENTHUSIASTIC: (n) => `¡Hola, ${n}!` },
    thanks: { ...same('Gracias por su respuesta.'), FRIENDLY: '¡Qué gusto leerle, gracias por responder!', ENTHUSIASTIC: '¡Muchas gracias por responder!', EMPATHETIC: 'Gracias por tomarse el tiempo de responder; sé que tiene mucho trabajo.' },
    closing: { ...same('Un saludo,'), PROFESSIONAL: 'Saludos cordiales,', EMPATHETIC: 'Un cordial saludo,' },
    yourBusiness: 'su negocio',
    interested: {
      glad: (c) => `Me alegra que le parezca útil para ${c}.`,
      overview: 'Le preparo un breve resumen adaptado a lo que necesita.',
      call: '¿Le vendría bien una llamada de 15 minutos esta semana para verlo juntos? Dígame qué horario le conviene.',
    },
    meeting: {
      glad: 'Con mucho gusto hablamos.',
      confirm: (t) => `Me va perfecto ${t}. Le envío enseguida una invitación de calendario para confirmarlo.`,
      askTime: 'Dígame qué día y hora le vienen mejor y le envío una invitación de calendario para confirmarlo.',
      prepare: (c) => `Llevaré algunas ideas concretas para ${c}; en 20 minutos lo vemos.`,
    },
    question: {
      one: 'Buena pregunta.',
      many: 'Buenas preguntas; le respondo una por una.',
      confirm: 'Déjeme confirmar los detalles exactos para su caso y le respondo en un día.',
      walk: (c) => `Si le sirve, también puedo explicarle en una llamada breve cómo funcionaría para ${c}.`,
      details: 'Hoy mismo le envío los detalles por escrito.',
    },
    objection: {
      fair: 'Es un punto razonable; gracias por decírmelo con franqueza.',
      fairEmpathetic: 'Lo entiendo perfectamente y le agradezco la sinceridad.',
      small: 'Muchos de nuestros clientes empezaron con algo pequeño: una sola mejora y sin compromiso a largo plazo.',
      offer: '¿Le ayudaría que le enviara un breve esquema de un primer paso más pequeño, para que lo valore sin ninguna presión?',
    },
    notInterested: {
      ack: 'Entendido, y gracias por avisarme.',
      noFollowUp: 'No le volveré a escribir sobre esto. Si algo cambia, ya sabe dónde encontrarme.',
      bye: (c) => `Le deseo lo mejor a usted y al equipo de ${c}.`,
    },
    referral: {
      thanks: (n) => `Gracias por indicarme que hable con ${n ?? 'la persona adecuada'}.`,
      reach: 'Me pondré en contacto directamente y seré breve.',
      anything: 'Si hay algo que deba saber antes, respóndame a este correo.',
    },
    outOfOffice: {
      until: (d) => `Espero que le vaya muy bien estos días. Le escribo de nuevo cuando vuelva, el ${d}.`,
      later: 'Espero que le vaya muy bien estos días. Le escribo de nuevo cuando vuelva.',
    },
    unsubscribe: 'No volverá a recibir correos míos.',
    other: { noted: 'Recibido, gracias.', thanks: 'Gracias por su mensaje.', help: (c) => `Si puedo ayudar a ${c} en algo, basta con responder a este correo.` },
    note: {
      subject: (l, c) => `${l}${c ? ` de ${c}` : ''} me sugirió contactarle`,
      hi: (n) => `Hola, ${n}:`,
      intro: (l, c) => `${l} me comentó que usted es la persona indicada para hablar sobre la web${c ? ` de ${c}` : ''}.`,
      ask: '¿Le vendría bien una llamada breve?',
    },
  },
  de: {
    greeting: { ...mapTones((n) => `Hallo ${n},`), PROFESSIONAL: (n) => `Guten Tag ${n},` },
    thanks: { ...same('Vielen Dank für Ihre Rückmeldung.'), FRIENDLY: 'Schön, von Ihnen zu hören – danke für die Antwort!', CONCISE: 'Danke für die Antwort.', EMPATHETIC: 'Danke, dass Sie sich trotz vollem Terminkalender die Zeit genommen haben.' },
    closing: { ...same('Viele Grüße'), PROFESSIONAL: 'Mit freundlichen Grüßen', FRIENDLY: 'Beste Grüße' },
    yourBusiness: 'Ihr Unternehmen',
    interested: {
      glad: (c) => `Es freut mich, dass das für ${c} interessant klingt.`,
      overview: 'Ich stelle Ihnen gern eine kurze Übersicht zusammen, die auf Ihren Bedarf zugeschnitten ist.',
      call: 'Passt Ihnen diese Woche ein 15-minütiges Telefonat, um das durchzugehen? Nennen Sie mir gern einen Termin, der Ihnen passt.',
    },
    meeting: {
      glad: 'Sehr gern sprechen wir.',
      confirm: (t) => `${t} passt mir gut. Ich schicke Ihnen gleich eine Kalendereinladung zur Bestätigung.`,
      askTime: 'Nennen Sie mir gern den Termin, der Ihnen am besten passt, dann schicke ich Ihnen eine Kalendereinladung.',
      prepare: (c) => `Ich bringe ein paar konkrete Ideen für ${c} mit, und wir halten es bei 20 Minuten.`,
    },
    question: {
      one: 'Gute Frage.',
      many: 'Gute Fragen – ich gehe sie der Reihe nach durch.',
      confirm: 'Ich kläre die genauen Details für Ihren Fall und melde mich innerhalb eines Tages.',
      walk: (c) => `Wenn es hilft, zeige ich Ihnen in einem kurzen Telefonat, wie das für ${c} aussehen würde.`,
      details: 'Die Details schicke ich Ihnen heute noch schriftlich.',
    },
    objection: {
      fair: 'Das ist ein berechtigter Einwand – danke für Ihre Offenheit.',
      fairEmpathetic: 'Das kann ich gut verstehen, und ich schätze Ihre Offenheit.',
      small: 'Viele unserer Kunden haben klein angefangen: mit einer einzigen Verbesserung und ohne lange Bindung.',
      offer: 'Wäre es hilfreich, wenn ich Ihnen einen kurzen Vorschlag für einen kleineren ersten Schritt schicke, ganz ohne Verpflichtung?',
    },
    notInterested: {
      ack: 'Verstanden, und danke für die Rückmeldung.',
      noFollowUp: 'Ich werde mich dazu nicht weiter melden. Falls sich etwas ändert, wissen Sie ja, wo Sie mich finden.',
      bye: (c) => `Alles Gute für Sie und das Team von ${c}.`,
    },
    referral: {
      thanks: (n) => `Danke für den Hinweis auf ${n ?? 'die richtige Ansprechperson'}.`,
      reach: 'Ich melde mich direkt dort und halte mich kurz.',
      anything: 'Falls ich vorher etwas wissen sollte, antworten Sie einfach auf diese E-Mail.',
    },
    outOfOffice: {
      until: (d) => `Ich wünsche Ihnen eine gute Zeit. Ich melde mich wieder, wenn Sie am ${d} zurück sind.`,
      later: 'Ich wünsche Ihnen eine gute Zeit. Ich melde mich wieder, wenn Sie zurück sind.',
    },
    unsubscribe: 'Sie erhalten keine weiteren E-Mails von mir.',
    other: { noted: 'Danke, ist notiert.', thanks: 'Danke für Ihre Nachricht.', help: (c) => `Wenn ich ${c} bei etwas helfen kann, antworten Sie einfach auf diese E-Mail.` },
    note: {
      subject: (l, c) => `${l}${c ? ` von ${c}` : ''} hat mir empfohlen, mich bei Ihnen zu melden`,
      hi: (n) => `Guten Tag ${n},`,
      intro: (l, c) => `${l} hat mir gesagt, dass Sie die richtige Ansprechperson für die Website${c ? ` von ${c}` : ''} sind.`,
      ask: 'Hätten Sie Zeit für ein kurzes Telefonat?',
    },
  },
  fr: {
    greeting: { ...mapTones((n) => `Bonjour ${n},`), FRIENDLY: (n) => `Bonjour ${n} !`, ENTHUSIASTIC: (n) => `Bonjour ${n} !` },
    thanks: { ...same('Merci pour votre réponse.'), FRIENDLY: 'Ravi d’avoir de vos nouvelles, merci pour votre retour !', ENTHUSIASTIC: 'Merci beaucoup pour votre retour !', EMPATHETIC: 'Merci d’avoir pris le temps de répondre, je sais que vos journées sont chargées.' },
    closing: { ...same('Bien à vous,'), PROFESSIONAL: 'Cordialement,', FRIENDLY: 'À bientôt,', ENTHUSIASTIC: 'À très vite,' },
    yourBusiness: 'votre entreprise',
    interested: {
      glad: (c) => `Je suis ravi que cela puisse être utile pour ${c}.`,
      overview: 'Je vous prépare un court récapitulatif adapté à vos besoins.',
      call: 'Un appel de 15 minutes cette semaine vous conviendrait-il pour en parler ? Indiquez-moi le créneau qui vous arrange.',
    },
    meeting: {
      glad: 'Avec plaisir pour un échange.',
      confirm: (t) => `${capitalise(t)} me convient très bien. Je vous envoie tout de suite une invitation pour le confirmer.`,
      askTime: 'Indiquez-moi le créneau qui vous convient le mieux et je vous envoie une invitation pour le confirmer.',
      prepare: (c) => `Je viendrai avec quelques idées concrètes pour ${c}, et nous tiendrons en 20 minutes.`,
    },
    question: {
      one: 'Bonne question.',
      many: 'Bonnes questions, je les reprends une par une.',
      confirm: 'Je vérifie les détails exacts pour votre cas et je reviens vers vous sous 24 heures.',
      walk: (c) => `Si cela vous aide, je peux aussi vous montrer lors d’un court appel comment cela fonctionnerait pour ${c}.`,
      details: 'Je vous envoie les détails par écrit dès aujourd’hui.',
    },
    objection: {
      fair: 'C’est une remarque juste, merci de votre franchise.',
      fairEmpathetic: 'Je comprends tout à fait, et j’apprécie votre franchise.',
      small: 'Beaucoup de nos clients ont commencé petit : une seule amélioration, sans engagement long.',
      offer: 'Voulez-vous que je vous envoie une courte proposition pour une première étape plus modeste, sans aucune obligation ?',
    },
    notInterested: {
      ack: 'C’est noté, et merci de m’avoir prévenu.',
      noFollowUp: 'Je ne vous relancerai pas à ce sujet. Si les choses changent, vous savez où me trouver.',
      bye: (c) => `Je vous souhaite le meilleur, à vous et à l’équipe de ${c}.`,
    },
    referral: {
      thanks: (n) => (n ? `Merci de m’avoir orienté vers ${n}.` : 'Merci de m’avoir orienté vers la bonne personne.'),
      reach: 'Je vais prendre contact directement, en restant bref.',
      anything: 'S’il y a quelque chose que je dois savoir avant, répondez simplement à cet e-mail.',
    },
    outOfOffice: {
      until: (d) => `Je vous souhaite une bonne période d’absence. Je reviendrai vers vous à votre retour, le ${d}.`,
      later: 'Je vous souhaite une bonne période d’absence. Je reviendrai vers vous à votre retour.',
    },
    unsubscribe: 'Vous ne recevrez plus d’e-mails de ma part.',
    other: { noted: 'Bien noté, merci.', thanks: 'Merci pour votre message.', help: (c) => `Si je peux aider ${c} en quoi que ce soit, il suffit de répondre à cet e-mail.` },
    note: {
      subject: (l, c) => `${l}${c ? ` (${c})` : ''} m’a suggéré de vous contacter`,
      hi: (n) => `Bonjour ${n},`,
      intro: (l, c) => `${l} m’a indiqué que vous étiez la bonne personne pour parler du site web${c ? ` de ${c}` : ''}.`,
      ask: 'Seriez-vous disponible pour un court appel ?',
    },
  },
  pt: {
    greeting: { ...mapTones((n) => `Olá, ${n},`), FRIENDLY: (n) => `Oi, ${n}!`, ENTHUSIASTIC: (n) => `Olá, ${n}!` },
    thanks: { ...same('Obrigado pelo retorno.'), FRIENDLY: 'Que bom ter notícias suas, obrigado pela resposta!', ENTHUSIASTIC: 'Muito obrigado pelo retorno!', EMPATHETIC: 'Obrigado por tirar um tempo para responder; sei que sua agenda está cheia.' },
    closing: { ...same('Abraços,'), PROFESSIONAL: 'Atenciosamente,', CONCISE: 'Abraço,' },
    yourBusiness: 'sua empresa',
    interested: {
      glad: (c) => `Que bom que isso parece útil para ${c}.`,
      overview: 'Vou preparar um breve resumo adaptado ao que você precisa.',
      call: 'Uma ligação de 15 minutos nesta semana funcionaria para conversarmos? Me diga um horário que seja bom para você.',
    },
    meeting: {
      glad: 'Será um prazer conversar.',
      confirm: (t) => `${capitalise(t)} está ótimo para mim. Vou enviar um convite de calendário em seguida para confirmar.`,
      askTime: 'Me diga o dia e o horário que forem melhores para você e eu envio um convite de calendário para confirmar.',
      prepare: (c) => `Vou levar algumas ideias concretas para ${c}, e resolvemos em 20 minutos.`,
    },
    question: {
      one: 'Boa pergunta.',
      many: 'Boas perguntas; vou responder uma de cada vez.',
      confirm: 'Vou confirmar os detalhes exatos para o seu caso e retorno em até um dia.',
      walk: (c) => `Se ajudar, também posso mostrar numa ligação rápida como isso funcionaria para ${c}.`,
      details: 'Envio os detalhes por escrito ainda hoje.',
    },
    objection: {
      fair: 'É uma observação justa; obrigado pela franqueza.',
      fairEmpathetic: 'Entendo perfeitamente e agradeço a sinceridade.',
      small: 'Muitos dos nossos clientes começaram pequeno: uma única melhoria, sem compromisso longo.',
      offer: 'Ajudaria se eu enviasse um breve esboço de um primeiro passo menor, para você avaliar sem nenhuma pressão?',
    },
    notInterested: {
      ack: 'Entendido, e obrigado por avisar.',
      noFollowUp: 'Não vou mais insistir nesse assunto. Se algo mudar, você sabe onde me encontrar.',
      bye: (c) => `Tudo de bom para você e para a equipe da ${c}.`,
    },
    referral: {
      thanks: (n) => `Obrigado por me indicar ${n ?? 'a pessoa certa'}.`,
      reach: 'Vou entrar em contato diretamente e serei breve.',
      anything: 'Se houver algo que eu deva saber antes, é só responder a este e-mail.',
    },
    outOfOffice: {
      until: (d) => `Espero que esteja tudo bem nesse período. Volto a escrever quando você retornar (${d}).`,
      later: 'Espero que esteja tudo bem nesse período. Volto a escrever quando você retornar.',
    },
    unsubscribe: 'Você não receberá mais e-mails meus.',
    other: { noted: 'Anotado, obrigado.', thanks: 'Obrigado pela mensagem.', help: (c) => `Se eu puder ajudar a ${c} em algo, é só responder a este e-mail.` },
    note: {
      subject: (l, c) => `${l}${c ? `, da ${c},` : ''} sugeriu que eu entrasse em contato`,
      hi: (n) => `Olá, ${n},`,
      intro: (l, c) => `${l} comentou que você é a pessoa certa para falar sobre o site${c ? ` da ${c}` : ''}.`,
      ask: 'Teria disponibilidade para uma ligação rápida?',
    },
  },
};

function mapTones(f: (name: string) => string): Record<Tone, (name: string) => string> {
  return { PROFESSIONAL: f, FRIENDLY: f, CONCISE: f, ENTHUSIASTIC: f, EMPATHETIC: f };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
