// A lead's privacy rights. exportLeadData returns what is stored about them; eraseLead removes
// it from every table: a scan of every text, JSON, array and bytea column of every table of
// the schema (read from information_schema, so tables added later are scanned too; gzip
// decompressed) finds neither their address nor their name afterwards, though it found them
// before. A new email from the address is a new lead without the erased history, and the
// address is never emailed again.
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '../src/db/client.js';
import { createTestApp, targetOffersVector, type TestApp } from './support/app.js';
import { ApproveSuggestion } from './support/email-operations.js';
import { createLead, gid } from './support/factories.js';
import { graphql } from './gql/index.js';
import { inboundPayload, postWebhook } from './support/postmark-payloads.js';

const EMAIL = 'quincy.erasable@example.org';
const NAME = 'Quincy Erasable';

const ExportLead = graphql(`
  mutation ExportLeadTest($input: ExportLeadDataInput!) {
    exportLeadData(input: $input) { __typename ... on ExportLeadDataPayload { data } ... on Error { code message } }
  }
`);
const EraseLead = graphql(`
  mutation EraseLeadTest($input: EraseLeadInput!) {
    eraseLead(input: $input) { __typename ... on EraseLeadPayload { erasedLeadId conversationsErased messagesErased } ... on Error { code message } }
  }
`);
const Reply = graphql(`
  mutation SendReplyPrivacyTest($input: SendReplyInput!) {
    sendReply(input: $input) { __typename ... on InvalidStateError { currentState message } ... on Error { code } }
  }
`);

interface Hit {
  table: string;
  column: string;
  needle: string;
}

/** Every place in the database where one of `needles` appears (case-insensitive). */
async function scanDatabase(prisma: PrismaClient, needles: string[]): Promise<Hit[]> {
  const columns = await prisma.$queryRaw<{ table_name: string; column_name: string; data_type: string }[]>`
    SELECT c.table_name, c.column_name, c.data_type
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
    WHERE c.table_schema = current_schema()
      AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'bytea')`;
  expect(columns.length).toBeGreaterThan(50);
  const hits: Hit[] = [];
  const lowered = needles.map((n) => n.toLowerCase());
  for (const { table_name: table, column_name: column, data_type: type } of columns) {
    const rows = await prisma.$queryRawUnsafe<{ value: string | Uint8Array }[]>(
      `SELECT ${type === 'bytea' ? `"${column}"` : `"${column}"::text`} AS value FROM "${table}" WHERE "${column}" IS NOT NULL`,
    );
    for (const { value } of rows) {
      let text: string;
      if (typeof value === 'string') text = value;
      else {
        const bytes = Buffer.from(value);
        text = bytes.toString('utf8');
        // gzip (inbound originals, event originals): read what it holds too.
        if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
          try {
            text += gunzipSync(bytes).toString('utf8');
          } catch {
            // A part of a multi-part original: its text is scanned as stored.
          }
        }
      }
      const lower = text.toLowerCase();
      for (const needle of lowered) if (lower.includes(needle)) hits.push({ table, column, needle });
    }
  }
  return hits;
}

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp({ env: { JOBS_RUN_WORKER: 'true' }, workerOptions: { baseDelayMs: 5, maxDelayMs: 20, pollIntervalMs: 20 } });
});
afterAll(() => app?.close());

describe('privacy: export and erase a lead', () => {
  let leadGid: string;
  let oldReplyHash: string;
  let oldConversationId: string;
  let referrerId: string;

  it('builds a lead with a whole history: inbound email and original, draft, analysis, embedding, sent reply, outbox, email event, audit', async () => {
    const { prisma } = app.services;
    const inbound = await postWebhook(
      app,
      'inbound',
      inboundPayload({
        from: EMAIL,
        fromName: NAME,
        subject: `Website for ${NAME}`,
        text: `Hello, this is ${NAME} (${EMAIL}). What would a new website cost?`,
        stripped: `Hello, this is ${NAME} (${EMAIL}). What would a new website cost?`,
        html: `<p>Hello, this is ${NAME}.</p>`,
      }),
    );
    expect(inbound.status).toBe(200);
    await app.worker!.idle();
    const lead = await prisma.lead.findFirstOrThrow({ where: { email: EMAIL } });
    leadGid = gid('Lead', lead.id);
    const conversation = await prisma.conversation.findFirstOrThrow({ where: { leadId: lead.id } });
    oldReplyHash = conversation.replyHash;
    oldConversationId = conversation.id;
    const suggestion = await prisma.aISuggestion.findFirstOrThrow({ where: { conversationId: conversation.id, status: 'PENDING' } });
    const approved = await app.execute(ApproveSuggestion, { input: { suggestionId: gid('AISuggestion', suggestion.id) } });
    expect(approved.data!.approveSuggestion.__typename).toBe('ApproveSuggestionPayload');
    const sent = await prisma.conversationMessage.findFirstOrThrow({ where: { conversationId: conversation.id, direction: 'OUTBOUND' } });
    const event = await postWebhook(app, 'events', {
      RecordType: 'Delivery', MessageID: sent.providerMessageId, DeliveredAt: '2026-11-20T09:00:05Z', Recipient: EMAIL, Details: `Delivered to ${EMAIL}`, Metadata: {},
    });
    expect(event.status).toBe(200);
    await app.worker!.idle();

    // Another lead's custom fields name them, and another lead's email has them in Cc.
    const referrer = await createLead(prisma, app.services.devAccountId, { customFields: { referredBy: EMAIL.toUpperCase(), note: `Met ${NAME} at the fair`, plan: 'pro' } });
    referrerId = referrer.id;
    const copied = await postWebhook(app, 'inbound', {
      ...inboundPayload({ from: 'colleague.keeps@example.net', fromName: 'Colleague', subject: 'Introducing someone', stripped: 'Meet my colleague.' }),
      Cc: `"${NAME}" <${EMAIL}>, boss@example.net`,
      CcFull: [{ Email: EMAIL, Name: NAME, MailboxHash: '' }, { Email: 'boss@example.net', Name: 'Boss', MailboxHash: '' }],
    });
    expect(copied.status).toBe(200);
    await app.worker!.idle();

    // The scan can fail: before the erasure it finds the lead all over the schema.
    const before = await scanDatabase(prisma, [EMAIL, NAME]);
    const tables = new Set(before.map((h) => h.table));
    // Embeddings exist where pgvector does (the embedded database; not the plain PostgreSQL 15).
    const embedded = (await targetOffersVector()) ? ['conversation_embeddings'] : [];
    expect(before.filter((h) => h.table === 'leads' && h.column === 'custom_fields').length).toBeGreaterThan(0);
    expect(before.filter((h) => h.table === 'conversation_messages' && h.column === 'cc_emails').length).toBeGreaterThan(0);
    for (const table of ['leads', 'conversation_messages', 'inbound_originals', 'outbox_emails', 'outbound_emails', 'email_events', 'message_analyses', 'ai_suggestions', ...embedded]) {
      expect(tables, table).toContain(table);
    }
  });

  it('exports everything stored about the lead as JSON', async () => {
    const result = await app.execute(ExportLead, { input: { leadId: leadGid } });
    const payload = result.data!.exportLeadData;
    if (payload.__typename !== 'ExportLeadDataPayload') throw new Error(JSON.stringify(result));
    const document = JSON.parse(payload.data) as {
      version: number;
      lead: { email: string; name: string };
      conversations: { messages: { direction: string }[]; suggestions: unknown[]; analyses: unknown[]; embeddings: { embedder: string }[] }[];
      emailEvents: { recordType: string }[];
      outboxEmails: unknown[];
      inboundOriginals: { sha256: string }[];
      auditEntries: { action: string }[];
    };
    expect(document.version).toBe(1);
    expect(document.lead).toMatchObject({ email: EMAIL, name: NAME });
    expect(document.conversations).toHaveLength(1);
    expect(document.conversations[0]!.messages.map((m) => m.direction)).toEqual(['INBOUND', 'OUTBOUND']);
    expect(document.conversations[0]!.suggestions.length).toBeGreaterThan(0);
    expect(document.conversations[0]!.analyses).toHaveLength(1);
    expect(document.emailEvents.map((e) => e.recordType)).toEqual(['Delivery']);
    expect(document.outboxEmails).toHaveLength(1);
    expect(document.inboundOriginals).toHaveLength(1);
    expect(document.auditEntries.map((a) => a.action)).toContain('suggestion.approved');
  });

  it('erases the lead: no trace of the address or the name in any column of any table, and an audit tombstone without them', async () => {
    const { prisma } = app.services;
    const result = await app.execute(EraseLead, { input: { leadId: leadGid } });
    expect(result.data!.eraseLead).toMatchObject({ __typename: 'EraseLeadPayload', erasedLeadId: leadGid, conversationsErased: 1, messagesErased: 2 });

    expect(await scanDatabase(prisma, [EMAIL, NAME, 'quincy'])).toEqual([]);
    const tombstone = await prisma.auditEntry.findMany({ where: { action: 'lead.erased' } });
    expect(tombstone).toHaveLength(1);
    expect(tombstone[0]!.details).toEqual({ conversations: 1, messages: 2, suggestions: expect.any(Number), otherLeadsRedacted: 1, otherMessagesRedacted: 1 });
    // The other rows stay, without them: the referrer's other fields, the colleague's email and its other Cc.
    const referrer = await prisma.lead.findUniqueOrThrow({ where: { id: referrerId } });
    expect(referrer.customFields).toEqual({ referredBy: '[erased]', note: 'Met [erased] at the fair', plan: 'pro' });
    const copied = await prisma.conversationMessage.findFirstOrThrow({ where: { fromEmail: 'colleague.keeps@example.net' } });
    expect(copied.ccEmails).toEqual(['boss@example.net']);
    expect(copied.strippedText).toBe('Meet my colleague.');
    expect(await prisma.suppressedAddress.count()).toBe(1);

    // Gone: a second erasure or export is not found.
    const again = await app.execute(EraseLead, { input: { leadId: leadGid } });
    expect(again.data!.eraseLead.__typename).toBe('NotFoundError');
  });

  it('stores a new email from the address as a new lead, without the erased history, and never emails the address again', async () => {
    const { prisma } = app.services;
    // Addressed to the erased conversation's reply address: that thread is gone, not revived.
    const inbound = await postWebhook(app, 'inbound', inboundPayload({ from: EMAIL.toUpperCase(), fromName: 'Q. E.', subject: 'Me again', mailboxHash: oldReplyHash, stripped: 'Me again.' }));
    expect(inbound.status).toBe(200);
    await app.worker!.idle();
    const leads = await prisma.lead.findMany({ where: { email: { equals: EMAIL, mode: 'insensitive' } } });
    expect(leads).toHaveLength(1);
    const conversations = await prisma.conversation.findMany({ where: { leadId: leads[0]!.id }, include: { messages: true } });
    expect(conversations).toHaveLength(1);
    expect(conversations[0]!.id).not.toBe(oldConversationId);
    expect(conversations[0]!.messages.map((m) => m.strippedText)).toEqual(['Me again.']);
    expect(await prisma.conversation.findUnique({ where: { id: oldConversationId } })).toBeNull();

    const reply = await app.execute(Reply, { input: { conversationId: gid('Conversation', conversations[0]!.id), subject: 'Re: Me again', body: 'Hello!' } });
    expect(reply.data!.sendReply).toMatchObject({ __typename: 'InvalidStateError', currentState: 'SUPPRESSED' });
    expect(await prisma.outboxEmail.count({ where: { toEmail: { equals: EMAIL, mode: 'insensitive' } } })).toBe(0);
  });
});
