// Demo data for a new embedded database: one account with 25 leads found on Craigslist,
// and a conversation with each in every workflow state, so GraphiQL has something real to show.
import { createHash, randomUUID } from 'node:crypto';
import { Prisma, type PrismaClient } from './client.js';
import type {
  ConversationOutcome,
  ConversationStatus,
  Intent,
  Sentiment,
  SuggestionStatus,
  Urgency,
} from '../../prisma/generated/client/enums.js';

interface DemoLead {
  name: string;
  company: string;
  city: string;
  category: string;
  value: number;
}

const LEADS: DemoLead[] = [
  { name: 'Maria Delgado', company: 'Delgado Family Bakery', city: 'sfbay', category: 'bfs', value: 4200 },
  { name: 'Tom Becker', company: 'Becker Auto Repair', city: 'portland', category: 'aos', value: 3100 },
  { name: 'Priya Raman', company: 'Lotus Yoga Studio', city: 'seattle', category: 'bts', value: 2600 },
  { name: 'James Okafor', company: 'Okafor Landscaping', city: 'atlanta', category: 'lss', value: 5400 },
  { name: 'Linda Chu', company: 'Golden Gate Dry Cleaners', city: 'sfbay', category: 'bfs', value: 1900 },
  { name: 'Rafael Soto', company: 'Soto Roofing & Gutters', city: 'phoenix', category: 'sks', value: 8800 },
  { name: 'Hannah Weiss', company: 'Weiss Piano Lessons', city: 'chicago', category: 'lss', value: 1200 },
  { name: 'Derek Lawson', company: 'Lawson Moving Co.', city: 'denver', category: 'lbs', value: 6300 },
  { name: 'Aiko Tanaka', company: 'Tanaka Florals', city: 'losangeles', category: 'bfs', value: 2800 },
  { name: 'Marcus Hill', company: 'Hill Plumbing', city: 'dallas', category: 'sks', value: 7200 },
  { name: 'Sofia Rossi', company: 'Rossi Trattoria', city: 'newyork', category: 'bfs', value: 5100 },
  { name: 'Ben Carter', company: 'Carter Handyman Services', city: 'austin', category: 'hss', value: 2200 },
  { name: 'Grace Kim', company: 'Kim Tax & Bookkeeping', city: 'seattle', category: 'fns', value: 4600 },
  { name: 'Omar Haddad', company: 'Haddad Mediterranean Grill', city: 'detroit', category: 'bfs', value: 3900 },
  { name: 'Emily Novak', company: 'Novak Pet Grooming', city: 'minneapolis', category: 'pas', value: 1700 },
  { name: 'Carlos Mendez', company: 'Mendez Painting', city: 'sandiego', category: 'sks', value: 4800 },
  { name: 'Rachel Green', company: 'Green Leaf Cleaning', city: 'boston', category: 'hss', value: 2500 },
  { name: 'Victor Petrov', company: 'Petrov Custom Cabinets', city: 'sacramento', category: 'sks', value: 9600 },
  { name: 'Nina Patel', company: 'Patel Dental Lab', city: 'houston', category: 'bts', value: 6900 },
  { name: 'Sam Whitaker', company: 'Whitaker Guitar Repair', city: 'nashville', category: 'bts', value: 1400 },
  { name: 'Leah Goldberg', company: 'Goldberg Event Rentals', city: 'miami', category: 'evs', value: 5800 },
  { name: 'Kofi Mensah', company: 'Mensah Electric', city: 'charlotte', category: 'sks', value: 7700 },
  { name: 'Isabel Cruz', company: 'Cruz Tailoring', city: 'sanantonio', category: 'bfs', value: 1600 },
  { name: 'Owen Brady', company: 'Brady Brothers Fencing', city: 'kansascity', category: 'sks', value: 6100 },
  { name: 'Fatima Zahra', company: 'Zahra Henna & Beauty', city: 'philadelphia', category: 'bts', value: 2100 },
];

interface Reply {
  text: string;
  sentiment: Sentiment;
  intent: Intent;
  urgency: Urgency;
  keyPoints: string[];
  draft: string;
  confidence: number;
}

const REPLIES: Reply[] = [
  {
    text: 'Thanks for reaching out! Our current site is pretty dated and we lose online orders. Could you send pricing for a redesign, and how long would it take?',
    sentiment: 'POSITIVE', intent: 'QUESTION', urgency: 'MEDIUM',
    keyPoints: ['Current site is dated', 'Losing online orders', 'Asks for cost and timeline'],
    draft: 'Most redesigns like yours land between $2,500 and $4,500 and take four to six weeks, including online ordering. I can send two examples from similar businesses and a short proposal this week. Would a 20-minute call on Thursday work?',
    confidence: 0.86,
  },
  {
    text: 'Sure, I could do a quick call next Tuesday afternoon. Does 2pm work for you?',
    sentiment: 'POSITIVE', intent: 'MEETING_REQUEST', urgency: 'HIGH',
    keyPoints: ['Open to a call', 'Proposes Tuesday 2pm'],
    draft: 'Tuesday at 2pm works well. I will send a calendar invite with a video link shortly. To make the most of the call, could you share your current site address and the two things you would most like to change?',
    confidence: 0.93,
  },
  {
    text: 'Honestly we already pay someone for the website and I am not sure we need more. Why would we switch?',
    sentiment: 'NEUTRAL', intent: 'OBJECTION', urgency: 'LOW',
    keyPoints: ['Already has a web provider', 'Unsure of the need', 'Asks why switch'],
    draft: 'That is fair, and if your current provider is delivering, switching is not worth the hassle. Where we usually help is speed and bookings: sites we rebuild load in under two seconds and take bookings straight from Google. Happy to run a free five-minute audit of your current site so you can judge for yourself.',
    confidence: 0.71,
  },
  {
    text: 'Not interested, thanks.',
    sentiment: 'NEGATIVE', intent: 'NOT_INTERESTED', urgency: 'LOW',
    keyPoints: ['Declines'],
    draft: 'Understood, thank you for letting me know. I will not follow up again. All the best with the business.',
    confidence: 0.9,
  },
  {
    text: 'I am out of the office until Monday the 3rd with limited access to email. I will reply when I am back.',
    sentiment: 'NEUTRAL', intent: 'OUT_OF_OFFICE', urgency: 'LOW',
    keyPoints: ['Out of office', 'Back on Monday the 3rd'],
    draft: 'Thanks for the note. I will follow up after you are back on Monday the 3rd.',
    confidence: 0.62,
  },
  {
    text: 'This sounds interesting but my business partner Dana handles all of this. You can reach her at dana@example.org.',
    sentiment: 'POSITIVE', intent: 'REFERRAL', urgency: 'MEDIUM',
    keyPoints: ['Partner Dana decides', 'Gives Dana\'s email'],
    draft: 'Thank you for pointing me to Dana. I will write to her with a short summary and mention that you suggested it. If there is anything you would like me to highlight for her, just let me know.',
    confidence: 0.78,
  },
  {
    text: 'Yes! We have been meaning to get online booking for months. Can you send over some examples of your work?',
    sentiment: 'POSITIVE', intent: 'INTERESTED', urgency: 'MEDIUM',
    keyPoints: ['Wants online booking', 'Asks for portfolio examples'],
    draft: 'Great to hear. Here are three recent sites with online booking built in, all for local service businesses. If one of them feels close to what you want, we can start from it and have a first version ready within three weeks.',
    confidence: 0.88,
  },
  {
    text: 'Please remove me from your list.',
    sentiment: 'NEGATIVE', intent: 'UNSUBSCRIBE', urgency: 'MEDIUM',
    keyPoints: ['Asks to be removed'],
    draft: 'You have been removed and will not hear from us again. Sorry for the interruption.',
    confidence: 0.95,
  },
];

const STATUSES: ConversationStatus[] = ['NEEDS_REVIEW', 'WAITING_FOR_LEAD', 'ACTIVE', 'ARCHIVED'];
/** The interactive transaction's limit: only there to free the database if the process hangs mid-seed. */
const SEED_TRANSACTION_TIMEOUT_MS = 5 * 60_000;

/** How an answered conversation turned out, so outcome filters and bestReplies have examples. */
function outcomeOf(status: ConversationStatus, intent: Intent): ConversationOutcome {
  if (status === 'ARCHIVED') return intent === 'UNSUBSCRIBE' ? 'UNSUBSCRIBED' : 'LOST';
  if (status === 'ACTIVE') return 'REPLIED';
  if (status !== 'WAITING_FOR_LEAD') return 'NONE';
  if (intent === 'MEETING_REQUEST') return 'MEETING_BOOKED';
  return intent === 'QUESTION' || intent === 'INTERESTED' ? 'WON' : 'REPLIED';
}
const HOUR = 60 * 60 * 1000;
const SENDER = { email: 'alex@northwind-web.example.com', name: 'Alex Rivera' };

const slugify = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/(^-|-$)/g, '');
const replyHash = () => createHash('sha256').update(randomUUID()).digest('hex').slice(0, 24);

/** A demo lead's address and the subject of our outreach to them, as the seed writes them. */
export interface DemoLeadContact {
  name: string;
  email: string;
  company: string;
  subject: string;
}

export function demoLeadContacts(): DemoLeadContact[] {
  return LEADS.map((lead) => ({
    name: lead.name,
    email: `${slugify(lead.name)}@${slugify(lead.company)}.example.com`,
    company: lead.company,
    subject: `A faster website for ${lead.company}`,
  }));
}

export interface SeedResult {
  accountId: string;
  leads: number;
  conversations: number;
  messages: number;
  suggestions: number;
}

/**
 * Seeds the demo account and all its data in one transaction: a crash or a failure part-way
 * leaves no account behind, so the next start (which seeds an empty database) simply seeds again.
 */
export async function seedDemoData(
  prisma: PrismaClient,
  options: { slug: string; now?: Date },
): Promise<SeedResult> {
  const now = options.now ?? new Date();
  const accountId = randomUUID();
  const contacts = demoLeadContacts();

  const leads = LEADS.map((lead, i) => ({
    id: randomUUID(),
    accountId,
    name: lead.name,
    email: contacts[i]!.email,
    company: lead.company,
    phone: `+1-555-01${String(i).padStart(2, '0')}`,
    source: 'craigslist',
    sourceUrl: `https://${lead.city}.craigslist.org/${lead.category}/d/${slugify(lead.company)}/${7700000000 + i * 7919}.html`,
    estimatedValue: lead.value,
    doNotContact: false,
    createdAt: new Date(now.getTime() - (40 - i) * 24 * HOUR),
  }));

  const conversations: Prisma.ConversationCreateManyInput[] = [];
  const messages: Prisma.ConversationMessageCreateManyInput[] = [];
  const suggestions: Prisma.AISuggestionCreateManyInput[] = [];
  const lastMessage = new Map<string, string>();

  leads.forEach((lead, i) => {
    // The reply rotates against the status, so every kind of reply shows up answered and waiting.
    const reply = REPLIES[(i + Math.floor(i / STATUSES.length)) % REPLIES.length]!;
    const status: ConversationStatus =
      reply.intent === 'UNSUBSCRIBE' || reply.intent === 'NOT_INTERESTED' ? 'ARCHIVED' : STATUSES[i % STATUSES.length]!;
    if (reply.intent === 'UNSUBSCRIBE') lead.doNotContact = true;
    const conversationId = randomUUID();
    const subject = `A faster website for ${lead.company}`;
    const start = new Date(now.getTime() - (i * 11 + 30) * HOUR);
    const outreachAt = start;
    const replyAt = new Date(start.getTime() + 5 * HOUR);
    const outreachId = randomUUID();
    const inboundId = randomUUID();
    const outreachHeader = `<${outreachId}@northwind-web.example.com>`;
    messages.push({
      id: outreachId, accountId, conversationId, direction: 'OUTBOUND',
      fromEmail: SENDER.email, fromName: SENDER.name, toEmail: lead.email, subject,
      textBody: `Hi ${lead.name.split(' ')[0]},\n\nI saw ${lead.company}'s listing on Craigslist. We build fast, mobile-friendly sites for local businesses, with online booking and ordering built in. Would a short call about your site be useful?\n\nBest,\n${SENDER.name}`,
      messageIdHeader: outreachHeader, providerMessageId: randomUUID(), idempotencyKey: `seed-${outreachId}`,
      deliveryStatus: 'DELIVERED', sentAt: outreachAt, deliveredAt: new Date(outreachAt.getTime() + 60_000),
      firstOpenedAt: i % 3 === 2 ? null : new Date(outreachAt.getTime() + 2 * HOUR),
      openCount: i % 3 === 2 ? 0 : 1 + (i % 4),
      firstClickedAt: i % 4 === 0 ? new Date(outreachAt.getTime() + 3 * HOUR) : null,
      clickCount: i % 4 === 0 ? 1 : 0,
      createdAt: outreachAt,
    });
    messages.push({
      id: inboundId, accountId, conversationId, direction: 'INBOUND',
      fromEmail: lead.email, fromName: lead.name, toEmail: SENDER.email, subject: `Re: ${subject}`,
      textBody: `${reply.text}\n\n${lead.name}\n${lead.company}`, strippedText: reply.text,
      messageIdHeader: `<${inboundId}@mail.example.net>`, inReplyTo: outreachHeader,
      providerMessageId: randomUUID(), idempotencyKey: `inbound-${inboundId}`,
      deliveryStatus: 'RECEIVED', receivedAt: replyAt, createdAt: replyAt,
    });
    let last = inboundId;
    let lastAt = replyAt;
    const draft = {
      accountId, conversationId, inReplyToId: inboundId, subject: `Re: ${subject}`, body: reply.draft,
      confidence: reply.confidence, sentiment: reply.sentiment, intent: reply.intent, urgency: reply.urgency,
      keyPoints: reply.keyPoints, provider: 'offline', model: 'offline', promptVersion: 'seed',
      createdAt: new Date(replyAt.getTime() + 30_000),
    };
    if (status === 'NEEDS_REVIEW') {
      suggestions.push({ ...draft, id: randomUUID(), status: 'PENDING' });
    } else if (status === 'WAITING_FOR_LEAD' || (status === 'ARCHIVED' && reply.intent !== 'UNSUBSCRIBE')) {
      // We answered: from the draft as is, edited, or after rejecting it and writing our own.
      const decision: SuggestionStatus = (['APPROVED', 'EDITED', 'REJECTED'] as const)[i % 3]!;
      const sentId = randomUUID();
      const sentAt = new Date(replyAt.getTime() + 3 * HOUR);
      const editedBody = decision === 'EDITED' ? `${reply.draft}\n\nP.S. Happy to work around your schedule.` : null;
      messages.push({
        id: sentId, accountId, conversationId, direction: 'OUTBOUND',
        fromEmail: SENDER.email, fromName: SENDER.name, toEmail: lead.email, subject: `Re: ${subject}`,
        textBody: decision === 'REJECTED' ? 'Thanks for getting back to me. I will send details shortly.' : (editedBody ?? reply.draft),
        messageIdHeader: `<${sentId}@northwind-web.example.com>`, inReplyTo: `<${inboundId}@mail.example.net>`,
        providerMessageId: randomUUID(), idempotencyKey: `seed-${sentId}`,
        deliveryStatus: 'DELIVERED', sentAt, deliveredAt: new Date(sentAt.getTime() + 60_000),
        firstOpenedAt: i % 2 === 0 ? new Date(sentAt.getTime() + HOUR) : null, openCount: i % 2 === 0 ? 1 : 0,
        createdAt: sentAt,
      });
      suggestions.push({
        ...draft, id: randomUUID(), status: decision, decidedAt: sentAt,
        editedBody, sentMessageId: decision === 'REJECTED' ? null : sentId,
        rejectionReason: decision === 'REJECTED' ? 'Too long for a first answer' : null,
      });
      last = sentId;
      lastAt = sentAt;
    } else if (status === 'ACTIVE' || reply.intent === 'UNSUBSCRIBE') {
      suggestions.push({ ...draft, id: randomUUID(), status: 'SUPERSEDED' });
    }
    lastMessage.set(conversationId, last);
    conversations.push({
      id: conversationId, accountId, leadId: lead.id, subject, status,
      archivedAt: status === 'ARCHIVED' ? new Date(lastAt.getTime() + HOUR) : null,
      archiveReason: status === 'ARCHIVED' ? (reply.intent === 'UNSUBSCRIBE' ? 'Lead unsubscribed' : 'Lead not interested') : null,
      lastMessageAt: lastAt, replyHash: replyHash(), createdAt: start,
      outcome: outcomeOf(status, reply.intent),
      outcomeAt: outcomeOf(status, reply.intent) === 'NONE' ? null : new Date(lastAt.getTime() + HOUR),
    });
  });

  await prisma.$transaction(
    async (tx) => {
      await tx.account.create({ data: { id: accountId, slug: options.slug, name: 'Northwind Web Studio (demo)' } });
      await tx.user.create({ data: { accountId, email: SENDER.email, name: SENDER.name, role: 'OWNER' } });
      await tx.lead.createMany({ data: leads });
      await tx.conversation.createMany({ data: conversations });
      await tx.conversationMessage.createMany({ data: messages });
      await tx.aISuggestion.createMany({ data: suggestions });
      // One statement for every conversation's last-message references (rather than 25 updates):
      // the newest message, and the newest lead reply, which makes the thread unread for the
      // whole team (the team inbox's read state) until someone reads it.
      const pairs = [...lastMessage].map(([id, lastMessageId]) => Prisma.sql`(${id}::uuid, ${lastMessageId}::uuid)`);
      await tx.$executeRaw`
        UPDATE conversations AS c SET last_message_id = v.last_message_id,
          last_inbound_message_id = (
            SELECT m.id FROM conversation_messages m
            WHERE m.conversation_id = c.id AND m.direction = 'INBOUND'
            ORDER BY m.created_at DESC, m.id DESC LIMIT 1
          )
        FROM (VALUES ${Prisma.join(pairs)}) AS v(id, last_message_id) WHERE c.id = v.id`;
    },
    { maxWait: SEED_TRANSACTION_TIMEOUT_MS, timeout: SEED_TRANSACTION_TIMEOUT_MS },
  );
  return {
    accountId,
    leads: leads.length,
    conversations: conversations.length,
    messages: messages.length,
    suggestions: suggestions.length,
  };
}
