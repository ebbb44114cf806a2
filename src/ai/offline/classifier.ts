// The offline analyser: a lexicon-and-rules classifier for sales replies. Each intent has
// weighted phrase patterns written from how people answer outreach, in English here and in
// Spanish, German, French and Portuguese in lexicon.ts; the highest total wins, ties go to the
// more consequential intent. A reply that no rule recognises is OTHER with low certainty; a
// small naive Bayes (bayes.ts) may name a harmless intent (never one that triggers an action)
// when it knows most of the words. Sentiment comes from the AFINN lexicon (the `sentiment` package),
// tempered by the intent. Dates come from chrono-node.
import type * as chrono from 'chrono-node';
import { chronoNode } from '../../lazy-package.js';
import Sentiment from 'sentiment';
import type { Intent, ReplyAnalysis, Sentiment as SentimentLabel, Urgency } from '../port.js';
import { clip, contentSentences, emailsIn, questionsIn } from '../text.js';
import { looksLikeInjection } from '../injection.js';
import { bayesIntent } from './bayes.js';
import { explicitUnsubscribeRequest, ml, MULTILINGUAL_RULES, type Pattern } from './lexicon.js';

type Rule = [Pattern, number];

const DAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)';
const MONTH = '(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)';
const WHEN = `(?:${DAY}|${MONTH}|tomorrow|today|tonight|next week|this week|the \\d{1,2}(?:st|nd|rd|th)|\\d{1,2}/\\d{1,2}|\\d{1,2}(?::\\d\\d)?\\s?(?:am|pm)|at \\d{1,2}\\b|morning|afternoon|evening)`;
const re = (source: string) => new RegExp(source, 'i');

const RULES: Record<Exclude<Intent, 'OTHER' | 'INTERESTED'>, Rule[]> = {
  UNSUBSCRIBE: [
    [re(String.raw`\bunsubscribe\b`), 5],
    [re(String.raw`\b(remove|take|delete|drop)\s+(me|us|my\s+(email|e-mail|address|info(rmation)?|name|details|data)|this\s+(email|address))\b`), 3],
    [re(String.raw`\b(off|from)\s+(your|the|all\s+your|this)\s+(mailing\s+|contact\s+|email\s+)?(list|lists|database)\b`), 2.5],
    [re(String.raw`\b(stop|quit|cease)\s+(emailing|e-mailing|sending|contacting|messaging|spamming|writing)\b`), 4],
    [re(String.raw`\b(don'?t|do\s+not|never)\s+(email|e-mail|contact|message|write\s+to|send)\s+(me|us|this\s+address|this\s+email)\b`), 4],
    [re(String.raw`\bno\s+more\s+(emails|e-mails|messages|mail)\b`), 4],
    [re(String.raw`\bopt(\s|-)?(me\s+)?out\b`), 4],
    [re(String.raw`\b(don'?t|do\s+not)\s+want\s+to\s+(receive|get)\b`), 3.5],
    [re(String.raw`\breport\s+(you|this|it)\s+(as|for)\s+spam\b`), 1.5],
    [re(String.raw`\bhow\s+did\s+you\s+(even\s+)?(get|find)\s+my\s+(email|e-mail|address|details|contact)\b`), 1.5],
    [re(String.raw`\bnever\s+signed\s+up\b`), 1.5],
    [re(String.raw`\b(do\s+not|don'?t)\s+send\s+(me\s+|us\s+)?(any\s+)?(more|further|other)\b|\b(no|any)\s+further\s+(emails|e-mails|messages|mailings)\b`), 4],
    [re(String.raw`\b(be|been|get|getting)\s+removed\s+from\b|\bremove\s+(me|us)\b`), 3],
    [re(String.raw`\b(did\s+not|didn'?t|never)\s+(consent|opt\s+in|agree)\b|\bfuture\s+(mailings|emails)\b`), 2],
  ],
  OUT_OF_OFFICE: [
    [re(String.raw`\bout\s+of\s+(the\s+)?office\b|\booo\b`), 4],
    [re(String.raw`\bauto(matic)?[\s-]?(reply|response|responder)\b|\bautoreply\b`), 4],
    [re(String.raw`\b(on|currently\s+on)\s+(vacation|holiday|holidays|leave|annual\s+leave|maternity\s+leave|paternity\s+leave|sick\s+leave|pto|sabbatical)\b`), 3.5],
    [re(String.raw`\b(i\s+am|i'?m|we\s+are|we'?re|currently)\s+away\b|\baway\s+(from|until|till|through)\b|^away\b`), 3],
    [re(String.raw`\b(limited|no)\s+(access\s+to\s+)?(email|e-mail|connectivity|internet)(\s+access)?\b`), 3],
    [re(String.raw`\bnot\s+(be\s+)?checking\s+(my\s+)?(email|e-mail|messages)\b|\b(mailbox|inbox)\s+is\s+not\s+monitored\b|\bnot\s+monitored\b`), 3],
    [re(String.raw`\b(messages|emails)\s+will\s+not\s+be\s+(forwarded|read)\b`), 2.5],
    [re(String.raw`\bout\s+sick\b|\bstaff\s+(is|are)\s+away\b|\bwe\s+reopen\b|\breopen(ing)?\s+on\b`), 3],
    [re(String.raw`\b(will\s+be\s+back|be\s+back\s+on|will\s+return|returning\s+(on|wednesday|monday|tuesday|thursday|friday)|back\s+in\s+the\s+office|when\s+i\s+(return|am\s+back|get\s+back|'?m\s+back))\b`), 1.5],
    [re(String.raw`\b(travel(l)?ing|at\s+a\s+(trade\s+show|conference|convention))\b`), 1],
    [re(String.raw`\bfor\s+urgent\s+(matters|requests|issues|inquiries)\b|\bin\s+the\s+meantime\b`), 1.5],
    [re(String.raw`\bon\s+\w+\s+leave\b|\baway\s+on\s+(business|holiday|vacation|leave)\b|\bon\s+my\s+return\b|\bupon\s+my\s+return\b`), 3],
    [re(String.raw`\b(office|shop|store|we)\s+(is|are)\s+closed\s+(today|this|for|until|over)\b|\bclosed\s+for\s+(the\s+)?(holiday|holidays|renovations?|vacation)\b`), 2.5],
    [re(String.raw`\b(will\s+)?(reply|respond|get\s+back\s+to\s+you)\s+(then|tomorrow|when|as\s+soon\s+as|upon|after)\b|\bwill\s+be\s+answered\s+when\b`), 1.5],
    [re(`\\b(until|till|through|thru|after)\\s+(${WHEN}|the\\s+\\d{1,2}|${MONTH}\\s+\\d{1,2}|\\d{1,2}/\\d{1,2})`), 1],
  ],
  REFERRAL: [
    [re(String.raw`\b(not|isn'?t)\s+the\s+(right|best|correct)\s+(person|contact|one)\b|\bthe\s+(right|best)\s+person\b|\bthe\s+person\s+you\s+(want|need)\b`), 3],
    [re(String.raw`\b(you\s+should|you'?d\s+want\s+to|you'?ll\s+(need|want)\s+to|please|try|best\s+to|better\s+to)\s+(talk|speak|reach\s+out|get\s+in\s+touch|contact|email|e-mail|write|direct\s+(this|that|it)|ask\s+for)\b`), 2.5],
    [re(String.raw`\bask\s+for\s+[A-Z]|\btry\s+(him|her|them)\b`), 2],
    [re(String.raw`\b(forward(ing|ed)?|pass(ing)?)\s+(this|it|your\s+(email|note|message))\s+(along\s+|on\s+)?to\b|\bpass\s+this\s+along\b|\bcc'?d\b|\bcopied\s+(him|her|them)\b`), 3],
    [re(String.raw`\b(he|she|they|who)\s+(handles?|manages?|runs?|maintains?|takes\s+care\s+of|looks\s+after|is\s+in\s+charge\s+of|makes?\s+(those|these|the|all)\s+decisions|decides)\b`), 2],
    [re(String.raw`\b(handles?|manages?|runs?|maintains?|takes\s+care\s+of|looks\s+after|is\s+in\s+charge\s+of)\s+(all\s+of\s+that|that|our\s+(website|site|marketing|online|social)|the\s+(website|site|marketing))\b`), 1.5],
    [re(String.raw`\b(makes?|make)\s+(those|these|the|all)\s+decisions\b|\bthat'?s\s+a\s+question\s+for\b`), 2.5],
    [re(String.raw`\b(my|our)\s+(colleague|partner|business\s+partner|boss|manager|office\s+manager|owner|husband|wife|daughter|son|marketing\s+(lead|manager|director|person)|general\s+manager|gm|director|it\s+(contractor|person|guy)|assistant|head\s+office|ceo|founder)\b`), 1],
    [re(String.raw`\b(his|her|their)\s+(email|e-mail|direct\s+line|number|address|contact)\b`), 2],
    [re(String.raw`\b(i'?m\s+just|i\s+only|i'?m\s+only|i\s+just)\s+(the|do|handle|work)\b`), 1.5],
    [re(String.raw`\bpass(ed)?\s+(your\s+(details|info|email|e-mail|message|note)|it|this)\s+(on\s+|along\s+)?to\b|\b(he|she|they)'?d\s+be\s+the\s+(one|person)\s+to\s+(talk|speak)\s+to\b|\b(anything|everything|all)\s+(about|regarding|related\s+to)\b.{0,40}\bgoes\s+to\b`), 3],
    [/\b(?:[Gg]et\s+in\s+touch|[Ss]peak|[Tt]alk)\s+(?:with|to)\s+[A-Z][a-z]+/, 2],
    [re(String.raw`\blooping\s+in\b|\bloop(ed|ing)?\s+(in|him|her|them)\b|\b(who|she|he)\s+owns\s+(this|that)\b`), 3],
    [re(String.raw`\bnot\s+my\s+(department|area|call|decision|job)\b|\b(decisions?|that|this)\s+(go|goes)\s+through\b|\bthe\s+contact\s+(there\s+)?is\b`), 3],
    [re(String.raw`\bi'?ll\s+(ask|have|get)\s+(him|her|them)\s+to\s+(call|email|contact|reach|get\s+in\s+touch)\b|\b(he|she|they)'?ll\s+(be\s+in\s+touch|reach\s+out|reply|get\s+back)\b`), 2.5],
    [/\b(?:[Mm]y|[Oo]ur)\s+(?:son|daughter|husband|wife|partner|colleague|manager|brother|sister|nephew|niece|assistant|bookkeeper|accountant)\s+[A-Z][a-z]+\s+(?:does|handles|runs|manages|takes|looks)\b/, 3],
    [/\b(?:[Tt]ry|[Aa]sk|[Ee]mail|[Cc]all|[Cc]ontact)\s+[A-Z][a-z]+\s+(?:in|at|from|on)\s+(?:the\s+)?[a-z]+/, 2.5],
  ],
  NOT_INTERESTED: [
    [re(String.raw`\bnot\s+(really\s+)?interested\b|\bno\s+interest\b|\bnot\s+something\s+we\s+need\b|\bnot\s+anything\s+we\s+need\b`), 4],
    [re(String.raw`\bno,?\s+thanks?\b|\bno\s+thank\s+you\b|\bthanks?,?\s+but\s+no\b|^\s*(no|nope|nah)[.!]*\s*$`), 4],
    [re(String.raw`\b(we'?ll|i'?ll|we\s+will|i\s+will|going\s+to|gonna)\s+pass\b|\bpass\s+on\s+(this|that)\b`), 4],
    [re(String.raw`\b(nah|nope),?\s+(we'?re|were|we\s+are|i'?m|im|all)\s+(good|fine|set|ok)\b`), 4],
    [re(String.raw`\bnot\s+going\s+to\s+happen\b|\b(isn'?t|is\s+not)\s+a\s+(good\s+|great\s+)?fit\b|\bnot\s+for\s+us\b|\bisn'?t\s+for\s+us\b|\bnot\s+(a\s+)?(fit|priority)\s+for\s+us\b`), 4],
    [re(String.raw`\bno\s+need\s+for\b|\b(don'?t|do\s+not)\s+(need|plan\s+to)\b|\bnot\s+in\s+the\s+market\b|\bnot\s+looking\s+(for|to)\b`), 3],
    [re(String.raw`\b(we'?re|we\s+are|i'?m)\s+all\s+set\b|\ball\s+set\s+(on|with)\b|\bhappy\s+with\s+(what\s+we\s+have|our\s+current)\b|\bwe'?ll\s+stick\s+with\b`), 3.5],
    [re(String.raw`\b(please\s+)?don'?t\s+bother\b|\bdecline[sd]?\b|\bwe\s+don'?t\s+work\s+with\s+(outside|external)\b`), 3],
    [re(String.raw`\b(closing|selling)\s+(the|our|my)\s+(business|shop|store)\b|\bretiring\b|\bwon'?t\s+be\s+(investing|needing|buying)\b|\bthanks\s+anyway\b`), 2.5],
    [re(String.raw`\bgood\s+luck\b`), 1],
    [re(String.raw`\b(decided|decide|chosen|chose)\s+(not\s+to|against)\b|\bnot\s+(be\s+)?(move|moving|going)\s+forward\b|\bnot\s+pursu(e|ing)\b`), 3.5],
    [re(String.raw`\b(isn'?t|is\s+not|not)\s+(something|anything)\s+we('?d|\s+would)?\s+(consider|need|want|do)\b|\b(have|got)\s+to\s+say\s+no\b|\bi'?m\s+going\s+to\s+say\s+no\b`), 3.5],
    [re(String.raw`^\s*(we'?re|we\s+are|i'?m)\s+(good|fine|ok|okay)[\s,.!]*(thanks?|thank\s+you)?[\s.!]*$|\bdownsizing\b|\bshutting\s+down\b`), 3],
  ],
  MEETING_REQUEST: [
    [re(String.raw`\b(set\s+up|schedule|book|arrange|find|hop\s+on|jump\s+on|have|grab|put)\s+(a\s+|an\s+|some\s+)?(quick\s+|short\s+|brief\s+)?(\d+[\s-]?min(ute)?\s+)?(call|meeting|chat|time|slot|zoom|demo|something)\b`), 3],
    [re(String.raw`\blet'?s\s+(talk|chat|meet|hop\s+on|jump\s+on|connect|find\s+a\s+time|set\s+up|schedule)\b`), 3],
    [re(String.raw`\b(can|could|would|shall)\s+(we|you|i)\s+(meet|talk|chat|call|speak|hop\s+on|set\s+up|schedule)\b`), 2.5],
    [re(String.raw`\b(call|ring|phone)\s+me\b|\bgive\s+me\s+a\s+(ring|call)\b|\bmy\s+(cell|mobile|number)\s+is\b`), 2.5],
    [re(String.raw`\b(are\s+you|when\s+are\s+you|you)\s+(available|free)\b`), 2.5],
    [re(String.raw`\b(i'?m|i\s+am|we'?re|we\s+are)\s+(free|available|around)\b|\bany\s+(afternoon|morning|day)\s+is\s+fine\b`), 2],
    [re(String.raw`\b(works?|work)\s+for\s+(me|you|us)\b`), 1.5],
    [re(String.raw`\b(stop|come|drop|swing)\s+by\b|\bmeet\s+in\s+person\b`), 2.5],
    [re(String.raw`\b(send\s+me\s+an\s+invite|calendar\s+invite|calendly|on\s+(my|the|our|your)\s+calendar|an\s+invite)\b`), 2.5],
    [re(String.raw`\b(zoom|teams\s+meeting|google\s+meet|video\s+call|phone\s+call|meet)\b|\ban?\s+((quick|short|brief|phone|video|intro)\s+)?(call|meeting|demo)\b`), 1.5],
    [re(String.raw`\b(happy|glad)\s+to\s+(chat|talk|meet|jump\s+on|hop\s+on|connect)\b`), 2],
    [re(String.raw`\b(coffee|lunch)\b|\b(have|got)\s+\d+\s+min(ute)?s\b|\bif\s+you\s+want\s+to\s+(talk|chat|meet|call)\b|\bpick\s+(a|any)\s+time\b|\bhow'?s\s+(${DAY}|tomorrow|next)\b`.replace('${DAY}', DAY)), 2.5],
    [re(`\\b(does|would|could)\\s+${WHEN}(\\s+\\w+){0,3}\\s+work\\b`), 1.5],
    [re(`\\b${WHEN}\\b`), 1],
  ],
  OBJECTION: [
    [re(String.raw`\blocked\s+(in|into)\b|\b(contract|deal|agreement)\s+with\s+(our|another|a|the)\b|\bcurrent\s+(provider|vendor|agency|developer|designer|host)\b`), 3],
    [re(String.raw`\b(ask|contact|try|ping)\s+(me|us)\s+(again|later|next)\b|\bin\s+(a\s+few|six|three|two|\d+)\s+months\b|\bfocused\s+on\b|\bnot\s+(right\s+)?now\b`), 2.5],
    [re(String.raw`\b(facebook|instagram|yelp|google)(\s+(page|profile|listing))?\s+(already|brings|works|is\s+enough|does)\b`), 2.5],
    [re(String.raw`\btoo\s+(expensive|pricey|much|high|steep|costly)\b|\b(can'?t|cannot|couldn'?t)\s+afford\b|\bout\s+of\s+(our|my)\s+(budget|price\s+range)\b|\bmore\s+than\s+we\s+can\s+(spend|afford)\b`), 3.5],
    [re(String.raw`\b(prices?|rates?|costs?|fees?)\s+(seem|are|is|look)\s+(high|steep|a\s+lot|too)\b|\bhard\s+sell\b|\bpricey\b|\bexpensive\b|\bbudget\s+is\s+(tight|going|spent|gone)\b|\ball\s+(of\s+)?our\s+budget\b|\bpaying\s+for\b`), 2],
    [re(String.raw`\bnot\s+(a\s+)?good\s+time\b|\bbad\s+time\b|\btiming\s+is\s+(bad|off|not\s+right)\b|\bbusy\s+season\b|\bmaybe\s+(later|next|after|in\s+the|once)\b|\bcheck\s+back\b|\bcircle\s+back\b|\blater\s+in\s+the\s+year\b|\bright\s+now\s+(all|our|we)\b|\bthis\s+year\b`), 2.5],
    [re(String.raw`\balready\s+(have|use|work\s+with|signed|got|pay)\b|\bwe\s+(use|have)\s+(wix|squarespace|wordpress|shopify|godaddy|weebly|a\s+guy)\b|\b(nephew|niece|cousin|friend|son|daughter|brother|sister|guy)\s+(who\s+)?(does|builds|handles|makes|made|did)\b|\bfine\s+for\s+now\b`), 2.5],
    [re(String.raw`\b(burned|burnt|skeptical|sceptical)\b|(a\s+)?lot\s+of\s+money\b|\bnot\s+convinced\b|\bdoubt(ful)?\b|\bpromised\b|\bdisappeared\b|\bripped\s+off\b|\b(don'?t|do\s+not)\s+(really\s+)?(see|think|trust|believe)\b|\bnot\s+sure\s+(what|how|why|we\s+need|it|this)\b|\bwhy\s+would\b|\bdidn'?t\s+bring\b|\bword\s+of\s+mouth\b|\b(hard\s+to|can'?t|cannot)\s+justify\b|\bjust\s+call\s+us\b`), 2.5],
  ],
  QUESTION: [
    [re(String.raw`\b(how\s+much|what\s+(is|are|would|does)\s+(the|your)\s+(cost|price|pricing|total|rate|fee)s?|what\s+do\s+you\s+charge)\b`), 1.5],
    [re(String.raw`\b(how\s+long|turnaround|what\s+happens\s+if|do\s+you\s+(also\s+)?(do|handle|offer|work|provide|build|support)|can\s+(the|it|customers|we|you)|is\s+(the|it|there)|would\s+we|which\s+platform|where\s+are\s+you)\b`), 1],
  ],
};

// Words of scheduling in the five languages, and day names: a question that only proposes a time.
const SCHEDULING = ml(
  String.raw`\b(call|meet|meeting|chat|zoom|teams|available|free|works?\s+for|invite|demo|monday|tuesday|wednesday|thursday|friday|mon|tue|tues|wed|thu|thurs|fri|tomorrow|next\s+week|llamada|llamar|reuni[óo]n|hablar|lunes|martes|mi[ée]rcoles|jueves|viernes|telefonieren|termin|gespr[äa]ch|treffen|passt|montag|dienstag|mittwoch|donnerstag|freitag|appel|appeler|rendez-vous|r[ée]union|disponible|lundi|mardi|mercredi|jeudi|vendredi|liga[çc][ãa]o|reuni[ãa]o|conversar|marcar|segunda|ter[çc]a|quarta|quinta|sexta)\b|\d{1,2}\s?(am|pm|h|uhr)\b|\d{1,2}:\d\d`,
);

// Questions about the sender or the email itself: not a buying question.
const META_QUESTION = ml(
  String.raw`\b(who\s+is\s+this|who\s+are\s+you|how\s+did\s+you\s+(even\s+)?(get|find)\s+my|wer\s+sind\s+sie|woher\s+(kennen|haben)|qui\s+[êe]tes-vous|qui\s+[êe]tes\s+vous|qui[ée]n\s+es\s+usted|qui[ée]n\s+eres|qui[ée]nes\s+son|quem\s+[ée]\s+voc[êe]|quem\s+s[ãa]o\s+voc[êe]s|what\s+is\s+this\s+(regarding|about)|which\s+company|what\s+company|(a\s+)?real\s+person|(a|an)\s+(bot|robot|ai)\b|is\s+this\s+(spam|automated|a\s+bot)|are\s+you\s+the\s+(same|one))`,
);
const OTHER_RULES: Rule[] = [
  [META_QUESTION, 3],
  [re(String.raw`\b(wrong\s+(person|business|company|email|address|number|shop)|mean\s+to\s+send|meant\s+to\s+send|someone\s+else|closed\s+this\s+location)\b`), 2.5],
  [re(String.raw`\b(spam\s+filter|got\s+cut\s+off|nothing\s+after|doesn'?t\s+(open|load|work)\s+on|link\s+(is\s+)?broken)\b`), 2.5],
  [re(String.raw`\b(happy\s+(thanksgiving|holidays|new\s+year|easter)|merry\s+christmas|have\s+a\s+(nice|good|great)\s+(weekend|day|week))\b`), 2.5],
  [re(String.raw`^\s*(ok|okay|k|got\s+it|received|noted|thanks|thank\s+you|cheers)[\s,.!]*(thanks|thank\s+you)?[\s.!]*$`), 3],
  [re(String.raw`\b(slow|late|delayed)\s+(reply|response)\b|\bkind\s+words\b|\b(can'?t|cannot|couldn'?t|didn'?t)\s+(see|find|open)\s+(the|your)\s+(attachment|file|link)\b|\bare\s+you\s+the\s+(same|one)\b`), 3],
];

// When two intents score the same, the one with more at stake wins.
const PRIORITY: Intent[] = [
  'UNSUBSCRIBE', 'OUT_OF_OFFICE', 'REFERRAL', 'NOT_INTERESTED', 'MEETING_REQUEST', 'OBJECTION', 'QUESTION', 'INTERESTED', 'OTHER',
];
const MIN_SCORE = 1.5;
/** The certainty reported when no rule recognised the reply. */
const UNSURE = 0.2;
/** Intents the naive Bayes may name on its own: none of them triggers an action. */
const BAYES_MAY_NAME = new Set<Intent>(['INTERESTED', 'QUESTION', 'OBJECTION']);
const SHORT_TIME_QUESTION = re(
  `^(?:\\S+\\s+){0,4}(?:${DAY}|tomorrow|today)?\\s*(?:at\\s+)?\\d{1,2}(?::\\d\\d)?\\s?(?:am|pm)\\s*\\?$|^(?:\\S+\\s+){0,3}${DAY}\\s*\\??\\s*(?:\\d{1,2}(?::\\d\\d)?\\s?(?:am|pm)?)?\\s*\\?$`,
);

const INTERESTED_RULES: Rule[] = [
  [re(String.raw`(?<!not\s)(?<!no\s)(?<!not\s+really\s)\binterested\b`), 2.5],
  [re(String.raw`\bsounds\s+(good|great|interesting|promising|useful)\b|\blooks\s+(good|great|promising|interesting)\b|\bthis\s+could\s+be\b|\bgood\s+fit\b|\bgood\s+timing\b`), 2],
  [re(String.raw`\btell\s+me\s+more\b|\b(learn|hear|know)\s+more\b|\bsend\s+(me\s+|over\s+|us\s+)?(more|some|the|a\s+few)?\s*(info|information|details|examples|samples|a\s+quote|pricing|a\s+proposal)\b|\bmore\s+details\b`), 2.5],
  [re(String.raw`\b(i'?m|we'?re|i\s+am|we\s+are)\s+open\s+to\b|\bopen\s+to\s+it\b|\bcount\s+(me|us)\s+in\b|\byes,?\s+(please|we|i)\b|\bwould\s+love\b|\blet'?s\s+explore\b|\b(i'?d|we'?d)\s+(love|like)\s+to\b|\bdefinitely\b|\bcurious\b|\bkeep\s+me\s+posted\b|\bi\s+like\s+what\b`), 2],
  [re(String.raw`\bnext\s+steps?\b|\bget\s+started\b|\bstart\s+with\b|\bthat\s+would\s+be\s+great\b|\bcould\s+(really\s+)?use\b|\bneed(ing)?\s+a\s+(better|new)\s+(website|site)\b|\bmeaning\s+to\b|\bwant\s+this\b`), 2],
  [re(String.raw`\bthanks\s+for\s+reaching\s+out\b|\bgreat\b|\bnice\b|\bawesome\b`), 0.5],
  [re(String.raw`\b(keen|intrigued|eager|excited)\b|\boverdue\b|\bexactly\s+what\s+we\b|\bjust\s+what\s+we\b|\bwhat\s+you'?d\s+(propose|suggest|recommend)\b`), 2.5],
  [re(String.raw`\blooking\s+for\s+(someone|a\s+(company|developer|designer|partner|new))\b|\b(send|share)\s+(me\s+|us\s+)?(your\s+)?(rates|pricing|prices|proposal|references|portfolio)\b|\bput\s+together\s+a\s+(proposal|quote|plan)\b|\b(might|could|would)\s+work\s+for\s+us\b`), 2.5],
];

const sentimentLexicon = new Sentiment();

export interface Classification {
  intent: Intent;
  intentConfidence: number;
  scores: Record<Intent, number>;
}

/**
 * The offline analysis reads at most this many characters of the prepared text (itself at
 * most EMAIL_TEXT_PREFIX): intent lives in the first lines of a reply, and every rule below is
 * linear in what it reads.
 */
export const ANALYSIS_TEXT_PREFIX = 16 * 1024;
/** Return dates are looked for in the first characters of an away notice only. */
const RETURN_DATE_PREFIX = 2_000;

function score(rules: Rule[], text: string): number {
  return rules.reduce((sum, [pattern, weight]) => (pattern.test(text) ? sum + weight : sum), 0);
}

/** Intent by weighted rules; confidence from the winning score and its margin over the next. */
export function classifyIntent(raw: string): Classification {
  const text = raw.slice(0, ANALYSIS_TEXT_PREFIX).replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
  // Questions about scheduling ("does Thursday work?") belong to the meeting rules.
  // A bare "Hmm?" asks nothing.
  const questions = questionsIn(text, 20);
  const questionCount = questions.filter((q) => !SCHEDULING.test(q) && (q.match(/[a-z]{2,}/gi) ?? []).length >= 3).length;
  // A question that proposes a day or a time ("Monday or Tuesday afternoon?") asks for a meeting.
  const schedulingQuestion = questions.some((q) => SCHEDULING.test(q));
  const scores = Object.fromEntries(PRIORITY.map((i) => [i, 0])) as Record<Intent, number>;
  for (const [intent, rules] of Object.entries(RULES) as [Exclude<Intent, 'OTHER' | 'INTERESTED'>, Rule[]][]) {
    scores[intent] = score(rules, text) + score(MULTILINGUAL_RULES[intent], text);
  }
  scores.INTERESTED = score(INTERESTED_RULES, text) + score(MULTILINGUAL_RULES.INTERESTED, text);
  const explicitUnsubscribe = explicitUnsubscribeRequest(text);
  if (explicitUnsubscribe) scores.UNSUBSCRIBE += 6;
  // A short question naming a time ("tues 10am?") proposes a meeting; it is not an away notice.
  if (SHORT_TIME_QUESTION.test(text)) scores.MEETING_REQUEST += 2.5;
  if (schedulingQuestion) scores.MEETING_REQUEST += 1;
  scores.OTHER = score(OTHER_RULES, text);
  // A question mark is a question, unless it asks who we are or is only about scheduling.
  if (questionCount > 0 && !META_QUESTION.test(text)) scores.QUESTION += 2 + Math.min(questionCount - 1, 1) * 0.5;
  // Naming someone with an address is what a referral looks like; an away notice also does it.
  if (emailsIn(text).length > 0 && scores.REFERRAL > 0) scores.REFERRAL += 1;
  const ranked = [...PRIORITY].sort((a, b) => scores[b] - scores[a] || PRIORITY.indexOf(a) - PRIORITY.indexOf(b));
  const top = ranked[0]!;
  const topScore = scores[top];
  if (topScore < MIN_SCORE) {
    // No rule recognised it. The naive Bayes may name a harmless intent when it knows most of
    // the words (it was trained on English only); otherwise OTHER, and say we are unsure.
    const guess = bayesIntent(text);
    if (BAYES_MAY_NAME.has(guess.intent) && guess.known >= 0.6 && guess.probability >= 0.6) {
      return { intent: guess.intent, intentConfidence: round2(0.25 + 0.2 * guess.probability), scores };
    }
    return { intent: 'OTHER', intentConfidence: UNSURE, scores };
  }
  const second = scores[ranked[1]!];
  // Margin term: 1 when nothing else scored, 0 on a tie. Strength term saturates at 6 points.
  const margin = (topScore - second) / topScore;
  const strength = Math.min(topScore, 6) / 6;
  let certainty = 0.2 + 0.4 * margin + 0.4 * strength;
  // Only an explicit request to stop is a certain unsubscribe; spam complaints and "how did
  // you get my address" are likely ones, which a person confirms.
  if (top === 'UNSUBSCRIBE') certainty = explicitUnsubscribe ? Math.max(certainty, 0.9) : Math.min(certainty, 0.6);
  return { intent: top, intentConfidence: round2(certainty), scores };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

export function classifySentiment(text: string, intent: Intent): SentimentLabel {
  const { score: afinn } = sentimentLexicon.analyze(text.slice(0, ANALYSIS_TEXT_PREFIX));
  switch (intent) {
    case 'UNSUBSCRIBE':
      return 'NEGATIVE';
    case 'NOT_INTERESTED':
    case 'OBJECTION':
      return afinn > 2 ? 'NEUTRAL' : afinn <= 0 || intent === 'NOT_INTERESTED' ? 'NEGATIVE' : 'NEUTRAL';
    case 'INTERESTED':
    case 'MEETING_REQUEST':
      return afinn >= 0 ? 'POSITIVE' : 'NEUTRAL';
    case 'OUT_OF_OFFICE':
      return 'NEUTRAL';
    default:
      return afinn > 1 ? 'POSITIVE' : afinn < -1 ? 'NEGATIVE' : 'NEUTRAL';
  }
}

const SOON = re(String.raw`\b(asap|urgent|urgently|right\s+away|immediately|today|tonight|tomorrow|this\s+week|before\s+the\s+holidays|deadline)\b`);

function urgencyOf(intent: Intent, text: string): Urgency {
  if (intent === 'OUT_OF_OFFICE' || intent === 'UNSUBSCRIBE' || intent === 'NOT_INTERESTED' || intent === 'OTHER') {
    return intent === 'UNSUBSCRIBE' ? 'MEDIUM' : 'LOW';
  }
  if (intent === 'MEETING_REQUEST' || SOON.test(text)) return 'HIGH';
  return 'MEDIUM';
}

const NEXT_STEP: Record<Intent, string> = {
  INTERESTED: 'Send the requested details and propose a short call.',
  MEETING_REQUEST: 'Confirm a time and send a calendar invite.',
  QUESTION: 'Answer each question, then propose a next step.',
  OBJECTION: 'Acknowledge the concern and offer a smaller, low-risk first step.',
  NOT_INTERESTED: 'Thank them, close politely, and stop the sequence.',
  UNSUBSCRIBE: 'Mark the lead do-not-contact; send nothing.',
  OUT_OF_OFFICE: 'Wait until they are back, then follow up.',
  REFERRAL: 'Thank the lead and write to the person they named.',
  OTHER: 'Read the reply and answer by hand if needed.',
};

const NOT_A_NAME = new Set(
  `I The Our My Your Please Hi Hello Hey Dear Thanks Thank You She He We They Her His Their If For It This That Sorry
  Forwarding Maybe Yes No Not Ok Okay Best Regards Cheers Sent Auto Automatic Out Office Happy Good Kindly Let Can Could
  Would Who What Where When Why How Is Are Do Does Email Mr Mrs Ms Dr Monday Tuesday Wednesday Thursday Friday Saturday
  Sunday January February March April May June July August September October November December Google Zoom Teams
  Craigslist Wix Squarespace WordPress Shopify IT CEO GM`.split(/\s+/),
);
// The look-behind lets a name start only at the start of a word (linear on any input).
const NAME_RE = /(?<![A-Za-z'])(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z][a-z]+(?:[ -][A-Z][a-z']+){0,2}\b/g;
const POINTER_RE = /\b(talk|speak|reach out|get in touch|contact|ask for|email|e-mail|try|direct (?:this|that|it)|forward(?:ing|ed)?|pass(?:ing)?|colleague|partner|manager|owner|husband|wife|daughter|son|lead|director|contractor|assistant|person you want|question for)\b/gi;

/** The person a referral points to: the first name-like words after a pointing phrase. */
export function extractReferral(full: string, exclude: string[] = []): { name: string; email: string | null } | null {
  const text = full.slice(0, ANALYSIS_TEXT_PREFIX);
  const excluded = new Set(exclude.flatMap((e) => e.toLowerCase().split(/\s+/)));
  const names: { name: string; index: number }[] = [];
  for (const match of text.matchAll(NAME_RE)) {
    const words = match[0].split(/[ -]/);
    // Drop leading words that are not names ("Our", "Forwarding"), keep the rest.
    while (words.length > 0 && NOT_A_NAME.has(words[0]!.replace(/\.$/, '')) && !/^(Mr|Mrs|Ms|Dr)\.?$/.test(words[0]!)) words.shift();
    if (words.length === 0 || (words.length === 1 && /^(Mr|Mrs|Ms|Dr)\.?$/.test(words[0]!))) continue;
    if (words.some((w) => excluded.has(w.toLowerCase()))) continue;
    names.push({ name: words.join(' '), index: match.index + match[0].length - words.join(' ').length });
  }
  const emails = emailsIn(text).filter((e) => !exclude.some((x) => x.toLowerCase() === e));
  if (names.length === 0 && emails.length === 0) return null;
  const pointers = [...text.matchAll(POINTER_RE)].map((m) => m.index);
  const afterPointer = names.find((n) => pointers.some((p) => p < n.index && n.index - p < 80));
  const chosen = afterPointer ?? names[0];
  const name = chosen?.name ?? emails[0]!.split('@')[0]!;
  const first = name.replace(/^(Mr|Mrs|Ms|Dr)\.?\s+/, '').split(' ')[0]!.toLowerCase();
  const email = emails.find((e) => e.startsWith(first)) ?? (emails.length === 1 ? emails[0]! : null);
  return { name: clip(name, 80), email };
}

/** The day an away notice says the sender is back, as YYYY-MM-DD; null when it does not say. */
export function extractReturnDate(text: string, now: Date): string | null {
  const sample = text.slice(0, RETURN_DATE_PREFIX);
  const today = now.toISOString().slice(0, 10);
  // English first, then chrono's Spanish, German, French and Portuguese parsers: the first that
  // finds a day from today on wins ("hasta el 8 de diciembre", "bis 4. Dezember", …).
  const c = chronoNode();
  for (const parser of [c, c.es, c.de, c.fr, c.pt]) {
    const day = firstDayFrom(parser.parse(sample, now, { forwardDate: true }), today);
    if (day) return day;
  }
  return null;
}

function firstDayFrom(results: chrono.ParsedResult[], today: string): string | null {
  for (const result of results) {
    if (/^(today|now|tonight)$/i.test(result.text.trim())) continue;
    const date = result.end?.date() ?? result.start.date();
    // "until Monday" means back on Monday; "through Friday" means back the next working day, but
    // the date named is what the lead wrote, so record it as given.
    const day = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate())).toISOString().slice(0, 10);
    if (day >= today) return day;
  }
  return null;
}

// The injection detector lives in src/ai/injection.ts; re-exported for existing callers.
export { looksLikeInjection };

/** The full offline analysis of one reply. */
export function analyseOffline(
  text: string,
  options: { now: Date; exclude?: string[] },
): ReplyAnalysis {
  text = text.slice(0, ANALYSIS_TEXT_PREFIX);
  const { intent, intentConfidence } = classifyIntent(text);
  const points = contentSentences(text).map((s) => clip(s, 160));
  return {
    intent,
    intentConfidence,
    sentiment: classifySentiment(text, intent),
    urgency: urgencyOf(intent, text),
    keyPoints: points.slice(0, 3),
    questions: questionsIn(text),
    suggestedNextStep: NEXT_STEP[intent],
    returnDate: intent === 'OUT_OF_OFFICE' ? extractReturnDate(text, options.now) : null,
    referral: intent === 'REFERRAL' ? extractReferral(text, options.exclude) : null,
    injectionSuspected: looksLikeInjection(text),
  };
}
