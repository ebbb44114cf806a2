// Phrases for the intents that trigger actions, in the five handled languages (English rules
// stay in classifier.ts; these add Spanish, German, French and Portuguese, plus the explicit
// stop-emailing requests that alone may mark a lead do-not-contact without a person).
// Written from how people answer sales email in those languages; weights follow classifier.ts
// (4 = decisive on its own, 1-2 = supporting evidence).
//
// JavaScript's \b only knows ASCII letters, so "\b" in these sources is rewritten to a Unicode
// letter boundary (look-arounds: constant work per position, linear overall).

type Rule = [Pattern, number];

/** What the rules ask of a pattern. */
export interface Pattern {
  test(text: string): boolean;
}

const LETTER = '[\\p{L}\\p{N}_]';
const BOUNDARY = `(?:(?<!${LETTER})(?=${LETTER})|(?<=${LETTER})(?!${LETTER}))`;

/**
 * A case-insensitive Unicode pattern whose `\b` means a letter boundary in any script, compiled
 * on its first test: V8 parses a /iu pattern with \p{...} classes when it is constructed, and
 * constructing these ~100 took about 0.4 s of CPU on every start (before any email is read).
 */
export function ml(source: string): Pattern {
  let compiled: RegExp | undefined;
  return { test: (text) => (compiled ??= new RegExp(source.replaceAll('\\b', BOUNDARY), 'iu')).test(text) };
}

// ---------------------------------------------------------------------------------------------
// Explicit requests to stop emailing: the only text that may mark a lead do-not-contact with no
// person in the loop. First-person requests, not mentions ("click here to unsubscribe" in a
// newsletter footer, "don't unsubscribe me" are not requests).
const EXPLICIT_UNSUBSCRIBE = [
  // English
  ml(String.raw`^\W*unsubscribe\W*$|\b(please\s+)?unsubscribe\s+(me|us|this\s+(address|email))\b|\bplease\s+unsubscribe\b|\b(i|we)\s+(want|wish|would\s+like|'d\s+like)\s+to\s+(unsubscribe|opt\s+out|be\s+removed)\b`),
  ml(String.raw`\b(remove|take|delete)\s+(me|us|my\s+(e-?mail|address|details|data))\s+(off|from)\s+(your|the|this|all\s+your)\b`),
  ml(String.raw`\b(stop|quit)\s+(e-?mailing|contacting|messaging|spamming|writing\s+to)\s+(me|us)\b|\bstop\s+sending\s+(me|us)\b`),
  ml(String.raw`\b(don'?t|do\s+not|never)\s+(ever\s+)?(e-?mail|contact|message|write\s+to|send\s+(me|us)\s+(any|another))\s*(me|us)?\s*(again|anymore|any\s+more|ever\s+again)\b|\b(don'?t|do\s+not)\s+(ever\s+)?(e-?mail|contact|write\s+to)\s+(me|us)\s+again\b|\bnever\s+(e-?mail|contact|write\s+to)\s+(me|us)\b`),
  ml(String.raw`^\W*stop\s*[.!]+(\s|$)|\basked\s+you\s+(not\s+to|to\s+stop)\s+(e-?mail|contact|writ|messag)|\b(delete|erase|remove)\s+my\s+(contact\s+)?(details|data|information|info|address|e-?mail)\b|\b(don'?t|do\s+not|never)\s+(ever\s+)?(reach\s+out|get\s+in\s+touch)(\s+(to|with)\s+(me|us))?\s+again\b|\b(do\s+not|don'?t)\s+(wish|want)\s+to\s+be\s+(contacted|e-?mailed|written\s+to)\b`),
  ml(String.raw`\bno\s+more\s+(e-?mails|messages)\b|\bopt\s+(me\s+)?out\b|\b(i|we)\s+(don'?t|do\s+not)\s+want\s+to\s+(receive|get)\s+(any\s+)?(more\s+|further\s+)?(e-?mails|messages|these)\b`),
  // Spanish
  ml(String.raw`\b(dar(me|nos)?|d[ée](me|nos)|den(me|nos)?)\s+de\s+baja\b|\bdarse\s+de\s+baja\b`),
  ml(String.raw`\b(b[óo]rr[ae](me|nos)|elim[íi]n[ae](me|nos)|qu[íi]t[ae](me|nos)|s[áa]qu[ae](me|nos)|b[óo]rrenme|elim[íi]nenme|qu[íi]tenme|s[áa]quenme)\s+de\b`),
  ml(String.raw`\bno\s+(me|nos)\s+(vuelv[ae]n?|vuelvas)\s+a\s+(escribir|contactar|enviar|mandar)\b|\bno\s+(me|nos)\s+(escrib[ae]n?|escribas|contact[ae]n?|contactes|env[íi][ae]n?|mand[ae]n?)\s+m[áa]s\b`),
  ml(String.raw`\b(dej[ae]n?|dejes)\s+de\s+(escribir(me|nos)|enviar(me|nos)|mandar(me|nos)|contactar(me|nos))\b|\bno\s+quiero\s+recibir\s+m[áa]s\b|\bno\s+quiero\s+(m[áa]s\s+)?(correos|emails|mensajes)\b`),
  // German
  ml(String.raw`\b(bitte\s+)?abmelden\b|\bmelden\s+sie\s+mich\s+ab\b|\b(tragen\s+sie\s+mich|trag\s+mich)\s+(bitte\s+)?aus\b|\baus\s+(ihrem|dem|eurem)\s+(verteiler|newsletter|e-?mail-?verteiler)\s+(aus|entfernen|streichen|l[öo]schen)\b`),
  ml(String.raw`\b(entfernen|streichen|l[öo]schen)\s+sie\s+(mich|meine\s+(daten|adresse|e-?mail(-adresse)?))\b|\bkeine\s+(weiteren\s+)?(e-?mails|mails|nachrichten|werbung)\s+mehr\b|\b(schreiben|kontaktieren)\s+sie\s+mich\s+(bitte\s+)?nicht\s+mehr\b|\bh[öo]ren\s+sie\s+auf\b.{0,30}\b(schreiben|senden|kontaktieren)\b|\bich\s+m[öo]chte\s+keine\s+(e-?mails|mails|nachrichten)\b`),
  // French
  ml(String.raw`\b(d[ée]sabonne[rz]?|d[ée]sinscri(re|vez)|d[ée]sinscrivez-moi|d[ée]sabonnez-moi)\b|\b(retirez|supprimez|enlevez|rayez)[-\s]moi\b|\bsupprimez\s+(mon\s+adresse|mes\s+coordonn[ée]es|mes\s+donn[ée]es)\b`),
  ml(String.raw`\bne\s+(m['’]|me\s+)(([ée]crivez|contactez|envoyez|relancez)\s+plus)\b|\bne\s+m['’][ée]crivez\s+plus\b|\barr[êe]tez\s+de\s+m['’](envoyer|[ée]crire|contacter)\b|\bje\s+ne\s+(veux|souhaite)\s+plus\s+(recevoir|[êe]tre\s+contact[ée])\b`),
  // Portuguese
  ml(String.raw`\b(descadastr(ar|e)(-me)?|me\s+descadastr[ae]|cancel(ar|e)\s+(a\s+)?(minha\s+)?inscri[çc][ãa]o)\b|\b(remova|retire|tire|exclua|apague)[-\s]?(me|nos)\b|\bme\s+(remova|retire|tire|exclua)\s+d[ae]\b`),
  ml(String.raw`\bn[ãa]o\s+(me|nos)\s+(envie|enviem|mande|mandem|escreva|escrevam|contate|contatem|contacte)\s+mais\b|\bpar[ae]m?\s+de\s+(me\s+)?(enviar|mandar|escrever|contatar)\b|\bn[ãa]o\s+quero\s+(mais\s+)?receber\b`),
];

// Negated or hypothetical mentions that are not a request ("don't unsubscribe me", "how do I
// unsubscribe my colleague", "the unsubscribe link is broken").
const NOT_A_REQUEST = ml(String.raw`\b(don'?t|do\s+not|please\s+don'?t)\s+unsubscribe\b|\bunsubscribe\s+(link|button)\b|\bclick\s+here\s+to\s+unsubscribe\b|\bno\s+(me|nos)\s+(den|d[ée]s)\s+de\s+baja\b|\bnicht\s+abmelden\b|\bne\s+(me\s+)?d[ée]sabonnez\s+pas\b|\bn[ãa]o\s+me\s+descadastr`);

/** True when the text asks, in so many words, to stop receiving email (five languages). */
export function explicitUnsubscribeRequest(text: string): boolean {
  const sample = text.slice(0, 16 * 1024).replace(/[’‘]/g, "'");
  if (NOT_A_REQUEST.test(sample)) return false;
  return EXPLICIT_UNSUBSCRIBE.some((p) => p.test(sample));
}

// ---------------------------------------------------------------------------------------------
// Intent rules in Spanish, German, French and Portuguese (added to the English ones).
export const MULTILINGUAL_RULES: Record<'UNSUBSCRIBE' | 'OUT_OF_OFFICE' | 'NOT_INTERESTED' | 'MEETING_REQUEST' | 'REFERRAL' | 'INTERESTED' | 'OBJECTION' | 'QUESTION', Rule[]> = {
  UNSUBSCRIBE: [
    [ml(String.raw`\b(spam|correo\s+no\s+deseado|unerw[üu]nscht|ind[ée]sirable|indesejad[oa])\b`), 1],
    [ml(String.raw`\b(this\s+is|that'?s|c'est\s+du|esto\s+es|das\s+ist|isso\s+[ée])\s+spam\b|\breporting\s+(you|this)\b|\bmarked\s+(you\s+|this\s+)?as\s+spam\b`), 2],
    [ml(String.raw`\bc[óo]mo\s+(consiguieron|obtuvieron|tienen)\s+mi\s+(correo|email|direcci[óo]n)\b|\bwoher\s+haben\s+sie\s+meine\b|\bo[ùu]\s+avez-vous\s+(eu|trouv[ée]|obtenu)\s+mon\b|\bcomo\s+(conseguiram|obtiveram)\s+(o\s+)?meu\b`), 1.5],
    [ml(String.raw`\bnunca\s+(me\s+)?(suscrib[íi]|registr[ée])\b|\bnie\s+(angemeldet|eingetragen)\b|\bjamais\s+inscrit\b|\bnunca\s+(me\s+)?(inscrevi|cadastrei)\b`), 1.5],
  ],
  OUT_OF_OFFICE: [
    // es
    [ml(String.raw`\b(fuera\s+de\s+la\s+oficina|ausente\s+de\s+la\s+oficina|respuesta\s+autom[áa]tica|mensaje\s+autom[áa]tico|estoy\s+de\s+vacaciones|de\s+vacaciones\s+hasta|estar[ée]\s+fuera|me\s+encuentro\s+fuera|sin\s+acceso\s+(al\s+)?correo|acceso\s+limitado\s+al\s+correo)\b`), 4],
    [ml(String.raw`\b(volver[ée]|regresar[ée]|estar[ée]\s+de\s+vuelta|me\s+reincorporo|a\s+mi\s+regreso|a\s+mi\s+vuelta)\b`), 1.5],
    // de
    [ml(String.raw`\b(abwesenheitsnotiz|automatische\s+antwort|nicht\s+im\s+b[üu]ro|au[ßs]er\s+haus|im\s+urlaub|in\s+urlaub|abwesend|keinen\s+zugriff\s+auf\s+(meine\s+)?e-?mails|eingeschr[äa]nkte[nm]?\s+zugriff|elternzeit|mutterschutz|dienstreise)\b`), 4],
    [ml(String.raw`\b(ab\s+dem|ab)\s+\d{1,2}\.\s?\d{1,2}\.?|\bwieder\s+(im\s+b[üu]ro|erreichbar|da|zur[üu]ck)\b|\bnach\s+meiner\s+r[üu]ckkehr\b|\bbin\s+ich\s+wieder\b|\bin\s+dringenden\s+f[äa]llen\b`), 1.5],
    // fr
    [ml(String.raw`\b(absent(e)?\s+du\s+bureau|hors\s+du\s+bureau|r[ée]ponse\s+automatique|message\s+automatique|en\s+cong[ée]s?|en\s+vacances|actuellement\s+absente?|je\s+suis\s+absente?|acc[èe]s\s+limit[ée]\s+[àa]\s+mes\s+e-?mails|sans\s+acc[èe]s\s+[àa]\s+mes\s+e-?mails|cong[ée]\s+maternit[ée])\b`), 4],
    [ml(String.raw`\b(de\s+retour\s+le|de\s+retour\s+[àa]\s+partir|[àa]\s+mon\s+retour|d[èe]s\s+mon\s+retour|je\s+serai\s+de\s+retour|je\s+reviendrai|en\s+cas\s+d['’]urgence)\b`), 1.5],
    // pt
    [ml(String.raw`\b(fora\s+do\s+escrit[óo]rio|resposta\s+autom[áa]tica|mensagem\s+autom[áa]tica|estou\s+de\s+f[ée]rias|de\s+f[ée]rias\s+at[ée]|ausente\s+at[ée]|estarei\s+ausente|estou\s+ausente|sem\s+acesso\s+(ao|a)\s+(e-?mail|correio)|licen[çc]a\s+maternidade)\b`), 4],
    [ml(String.raw`\b(retorno\s+(no|em|dia|a\s+partir)|estarei\s+de\s+volta|volto\s+(no|em|dia|a\s+partir)|no\s+meu\s+regresso|ap[óo]s\s+o\s+meu\s+retorno|em\s+caso\s+de\s+urg[êe]ncia)\b`), 1.5],
  ],
  NOT_INTERESTED: [
    // es
    [ml(String.raw`\bno\s+(nos|me)\s+interesa\b|\bno\s+estamos\s+interesados\b|\bno\s+estoy\s+interesad[oa]\b|\bno,?\s+gracias\b|\bno\s+necesitamos\b|\bno\s+es\s+para\s+nosotros\b|\bya\s+tenemos\s+(todo\s+)?cubierto\b`), 4],
    [ml(String.raw`\bhemos\s+decidido\s+no\b|\bno\s+vamos\s+a\s+(seguir|avanzar|contratar)\b|\bno\s+seguiremos\b|\bestamos\s+bien\s+as[íi]\b`), 3.5],
    // de
    [ml(String.raw`\bkein\s+(interesse|bedarf)\b|\bnicht\s+interessiert\b|\bnein,?\s+danke\b|\bbrauchen\s+wir\s+nicht\b|\bwir\s+brauchen\s+(das\s+)?nicht\b|\bnichts\s+f[üu]r\s+uns\b|\bkommt\s+f[üu]r\s+uns\s+nicht\s+in\s+frage\b`), 4],
    [ml(String.raw`\bhaben\s+uns\s+(dagegen|anders)\s+entschieden\b|\bwerden\s+(das\s+)?nicht\s+weiterverfolgen\b|\bsind\s+(gut\s+)?versorgt\b`), 3.5],
    // fr
    [ml(String.raw`\b(pas|plus)\s+int[ée]ress[ée]e?s?\b|\bnon,?\s+merci\b|\bnous\s+n['’]avons\s+pas\s+besoin\b|\bje\s+n['’]ai\s+pas\s+besoin\b|\bpas\s+pour\s+nous\b|\bne\s+nous\s+int[ée]resse\s+pas\b|\bnous\s+passons\s+notre\s+tour\b`), 4],
    [ml(String.raw`\bavons\s+d[ée]cid[ée]\s+de\s+ne\s+pas\b|\bne\s+donnerons\s+pas\s+suite\b|\bsommes\s+d[ée]j[àa]\s+[ée]quip[ée]s\b`), 3.5],
    // pt
    [ml(String.raw`\bn[ãa]o\s+(tenho|temos)\s+interesse\b|\bn[ãa]o\s+estou\s+interessad[oa]\b|\bn[ãa]o\s+estamos\s+interessados\b|\bn[ãa]o,?\s+obrigad[oa]\b|\bn[ãa]o\s+precisamos\b|\bn[ãa]o\s+[ée]\s+para\s+n[óo]s\b|\bsem\s+interesse\b`), 4],
    [ml(String.raw`\bdecidimos\s+n[ãa]o\b|\bn[ãa]o\s+vamos\s+(seguir|avan[çc]ar|contratar)\b|\bj[áa]\s+estamos\s+bem\s+servidos\b`), 3.5],
  ],
  MEETING_REQUEST: [
    // es
    [ml(String.raw`\b(una\s+)?(llamada|reuni[óo]n|videollamada|cita)\b|\bhablamos\s+(el|la|ma[ñn]ana|por\s+tel[ée]fono)\b|\b(podemos|podr[íi]amos)\s+(hablar|vernos|reunirnos|quedar|agendar)\b|\b(me\s+viene\s+bien|te\s+viene\s+bien|le\s+viene\s+bien|me\s+va\s+bien)\b|\b(est[áa]s|est[áa]|estoy)\s+(libre|disponible)\b|\bll[áa]mame\b|\bll[áa]meme\b|\bagend(ar|emos)\b`), 2.5],
    [ml(String.raw`\b(lunes|martes|mi[ée]rcoles|jueves|viernes|ma[ñn]ana\s+a\s+las|a\s+las\s+\d{1,2}|la\s+pr[óo]xima\s+semana)\b`), 1],
    // de
    [ml(String.raw`\b(telefonat|anruf|termin|gespr[äa]ch|videocall|videokonferenz|treffen)\b|\b(k[öo]nnen|k[öo]nnten)\s+wir\b.{0,40}\b(telefonieren|sprechen|treffen|termin\s+(machen|vereinbaren|ausmachen))\b|\brufen\s+sie\s+mich\b|\bruf\s+mich\b|\bpasst\s+(mir|es|ihnen|dir)\b|\bpasst\b.{0,30}\?|\bh[äa]tten\s+sie\s+zeit\b|\bhaben\s+sie\s+zeit\b|\bich\s+habe\s+zeit\b`), 2.5],
    [ml(String.raw`\b(montag|dienstag|mittwoch|donnerstag|freitag|morgen\s+um|um\s+\d{1,2}(:\d\d)?\s*uhr|n[äa]chste\s+woche)\b`), 1],
    // fr
    [ml(String.raw`\b(un\s+)?(appel|rendez-vous|rdv|r[ée]union|visio|entretien)\b|\b(pouvons|pourrions|peut-on|pourrait-on)(-nous)?\s+(nous\s+)?(parler|appeler|rencontrer|[ée]changer|caler|fixer|voir)\b|\bappelez-moi\b|\b[êe]tes-vous\s+disponible\b|\bje\s+suis\s+disponible\b|\b(cela|[çc]a)\s+vous\s+(va|convient|irait)\b|\bme\s+convient\b`), 2.5],
    [ml(String.raw`\b(lundi|mardi|mercredi|jeudi|vendredi|demain\s+[àa]|[àa]\s+\d{1,2}\s?h|la\s+semaine\s+prochaine)\b`), 1],
    // pt
    [ml(String.raw`\b(uma\s+)?(liga[çc][ãa]o|reuni[ãa]o|chamada|videochamada|conversa)\b|\b(podemos|poder[íi]amos)\s+(conversar|falar|marcar|agendar|nos\s+encontrar)\b|\bme\s+liga\b|\bligue-me\b|\bme\s+ligue\b|\b(est[áa]|estou)\s+(livre|dispon[íi]vel)\b|\b(fica|funciona)\s+bem\s+para\s+(voc[êe]|mim)\b|\bserve\s+para\s+(voc[êe]|mim)\b|\bpode\s+ser\b.{0,40}\?`), 2.5],
    [ml(String.raw`\b(segunda|ter[çc]a|quarta|quinta|sexta)(-feira)?\b|\b[àa]s\s+\d{1,2}(h|:\d\d)?\b|\bsemana\s+que\s+vem\b|\bpr[óo]xima\s+semana\b`), 1],
  ],
  REFERRAL: [
    // es
    [ml(String.raw`\bno\s+soy\s+(la\s+persona|quien)\b|\b(la\s+persona\s+(adecuada|indicada|responsable)|el\s+responsable|la\s+responsable)\b|\b(escr[íi]bale|escr[íi]bele|contacte\s+con|contacta\s+con|habla\s+con|hable\s+con)\b|\ble\s+(reenv[íi]o|paso)\s+(su|tu)\s+(correo|mensaje)\b|\bse\s+encarga\b|\blleva\s+(el\s+tema|esto|eso)\b|\ben\s+copia\b`), 3],
    // de
    [ml(String.raw`\b(nicht\s+der\s+richtige\s+ansprechpartner|nicht\s+die\s+richtige\s+ansprechpartnerin|nicht\s+zust[äa]ndig|zust[äa]ndig\s+ist|ist\s+zust[äa]ndig|ansprechpartner(in)?\s+(ist|daf[üu]r)|wenden\s+sie\s+sich\s+(bitte\s+)?an|leite\s+(ihre\s+)?(e-?mail|nachricht|anfrage)\s+weiter|k[üu]mmert\s+sich|in\s+kopie|in\s+cc)\b`), 3],
    // fr
    [ml(String.raw`\b(pas\s+la\s+bonne\s+personne|pas\s+le\s+bon\s+interlocuteur|la\s+personne\s+en\s+charge|s['’]occupe\s+de|g[èe]re\s+(ce|cela|les)|contactez\s+plut[ôo]t|adressez-vous\s+[àa]|je\s+transf[èe]re\s+(votre|ton)\s+(message|e-?mail)|en\s+copie|je\s+mets\s+en\s+copie)\b`), 3],
    // pt
    [ml(String.raw`\b(n[ãa]o\s+sou\s+a\s+pessoa|a\s+pessoa\s+(certa|respons[áa]vel|indicada)|o\s+respons[áa]vel|a\s+respons[áa]vel|fale\s+com|entre\s+em\s+contato\s+com|encaminh(ei|o|ar)\s+(seu|sua|o\s+seu|a\s+sua)\s+(e-?mail|mensagem)|cuida\s+d(isso|e)|em\s+c[óo]pia)\b`), 3],
  ],
  INTERESTED: [
    [ml(String.raw`(?<!no\s)\b(me|nos)\s+interesa\b|(?<!no\s)\bestamos\s+interesados\b|(?<!no\s)\bestoy\s+interesad[oa]\b|\bsuena\s+(bien|interesante)\b|\bm[áa]s\s+informaci[óo]n\b|\benv[íi](e|a|eme|ame|enos|anos)\s+(m[áa]s\s+)?(informaci[óo]n|detalles|una\s+propuesta|precios|el\s+presupuesto)\b|\bme\s+gustar[íi]a\s+saber\s+m[áa]s\b`), 2.5],
    [ml(String.raw`(?<!nicht\s)(?<!kein\s)\b(interessiert|interessant|klingt\s+(gut|spannend|interessant))\b|\bmehr\s+(informationen|infos|details)\b|\bschicken\s+sie\s+(mir|uns)\b|\bgerne\s+mehr\b`), 2.5],
    [ml(String.raw`(?<!pas\s)(?<!plus\s)\bint[ée]ress(é|ée|és|ées|ant|ante)\b|\bplus\s+d['’]informations\b|\benvoyez-(moi|nous)\b|\b[çc]a\s+m['’]int[ée]resse\b|\bdevis\b|\bvolontiers\b`), 2.5],
    [ml(String.raw`(?<!n[ãa]o\s)\b(tenho|temos)\s+interesse\b|(?<!n[ãa]o\s)(?<!estou\s)(?<!estamos\s)\binteressad[oa]s?\b|\binteressante\b|\bmais\s+informa[çc][õo]es\b|\bme\s+(envie|mande)\b|\bparece\s+(bom|interessante|[óo]timo)\b|\bor[çc]amento\b`), 2.5],
  ],
  OBJECTION: [
    [ml(String.raw`\b(muy\s+caro|demasiado\s+caro|no\s+tenemos\s+presupuesto|sin\s+presupuesto|ya\s+trabajamos\s+con|ya\s+tenemos\s+(un|una|proveedor)|ahora\s+no\s+es\s+buen\s+momento|no\s+es\s+(un\s+)?buen\s+momento|m[áa]s\s+adelante|el\s+a[ñn]o\s+que\s+viene|el\s+pr[óo]ximo\s+a[ñn]o)\b`), 3],
    [ml(String.raw`\b(zu\s+teuer|kein\s+budget|budget\s+ist|arbeiten\s+bereits\s+mit|haben\s+bereits\s+(einen|eine)|gerade\s+(ung[üu]nstig|schlecht)|sp[äa]ter\s+(im\s+jahr|nochmal)|n[äa]chstes\s+jahr|im\s+moment\s+nicht|derzeit\s+nicht|aktuell\s+nicht)\b`), 3],
    [ml(String.raw`\b(trop\s+cher|pas\s+de\s+budget|budget\s+(serr[ée]|limit[ée])|travaillons\s+d[ée]j[àa]\s+avec|avons\s+d[ée]j[àa]\s+(un|une)|pas\s+le\s+bon\s+moment|plus\s+tard|l['’]ann[ée]e\s+prochaine|pour\s+l['’]instant|pour\s+le\s+moment)\b`), 3],
    [ml(String.raw`\b(muito\s+caro|caro\s+demais|sem\s+or[çc]amento|n[ãa]o\s+temos\s+or[çc]amento|j[áa]\s+trabalhamos\s+com|j[áa]\s+temos\s+(um|uma)|n[ãa]o\s+[ée]\s+(um\s+)?bom\s+momento|mais\s+para\s+frente|ano\s+que\s+vem|pr[óo]ximo\s+ano|por\s+enquanto)\b`), 3],
  ],
  QUESTION: [
    [ml(String.raw`\b(cu[áa]nto\s+cuesta|qu[ée]\s+precio|cu[áa]l\s+es\s+el\s+precio|was\s+kostet|wie\s+viel\s+kostet|wie\s+teuer|combien\s+([çc]a\s+)?co[ûu]te|quel\s+est\s+le\s+(prix|tarif)|quanto\s+custa|qual\s+[ée]\s+o\s+pre[çc]o)\b`), 1.5],
  ],
};
