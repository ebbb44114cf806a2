// exportLeadData has a documented size bound (PRIVACY_EXPORT_MAX_BYTES, docs/privacy.md): a lead
// with many messages beyond it gets ExportTooLargeError, measured before anything is read, and
// nothing is exported (no audit row); a lead within it exports as before; another account's lead
// is NOT_FOUND whatever its size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.js';
import { createTestApp, type TestApp } from './support/app.js';
import { createAccount, createConversation, createLead, gid } from './support/factories.js';

const ExportBound = graphql(`
  mutation ExportBoundTest($input: ExportLeadDataInput!) {
    exportLeadData(input: $input) {
      __typename
      ... on ExportLeadDataPayload { data }
      ... on ExportTooLargeError { code sizeBytes limitBytes messages }
      ... on Error { code message }
    }
  }
`);

const LIMIT = 64 * 1024;
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ env: { PRIVACY_EXPORT_MAX_BYTES: String(LIMIT) } });
});
afterAll(() => app?.close());

/** A lead whose one conversation holds `count` messages of `bytes` bytes of text each. */
async function leadWithMessages(accountId: string, count: number, bytes: number) {
  const { prisma } = app.services;
  const lead = await createLead(prisma, accountId);
  const conversation = await createConversation(prisma, accountId, lead.id);
  await prisma.conversationMessage.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      accountId,
      conversationId: conversation.id,
      direction: 'INBOUND' as const,
      fromEmail: lead.email,
      toEmail: 'us@example.com',
      subject: `Message ${i}`,
      textBody: 'x'.repeat(bytes),
      deliveryStatus: 'RECEIVED' as const,
      receivedAt: new Date(Date.UTC(2026, 10, 1, 0, i)),
      createdAt: new Date(Date.UTC(2026, 10, 1, 0, i)),
    })),
  });
  return lead;
}

describe('exportLeadData size bound', () => {
  it('refuses a lead with more data than PRIVACY_EXPORT_MAX_BYTES with ExportTooLargeError, and exports nothing', async () => {
    const { prisma, devAccountId } = app.services;
    const lead = await leadWithMessages(devAccountId, 300, 1024);
    const result = await app.execute(ExportBound, { input: { leadId: gid('Lead', lead.id) } });
    const payload = result.data!.exportLeadData;
    if (payload.__typename !== 'ExportTooLargeError') throw new Error(JSON.stringify(result).slice(0, 300));
    expect(payload).toMatchObject({ code: 'EXPORT_TOO_LARGE', limitBytes: LIMIT, messages: 300 });
    expect(payload.sizeBytes).toBeGreaterThanOrEqual(300 * 1024);
    expect(await prisma.auditEntry.count({ where: { action: 'lead.exported', entityId: lead.id } })).toBe(0);
  });

  it('exports a lead within the bound', async () => {
    const { prisma, devAccountId } = app.services;
    const lead = await leadWithMessages(devAccountId, 20, 1024);
    const result = await app.execute(ExportBound, { input: { leadId: gid('Lead', lead.id) } });
    const payload = result.data!.exportLeadData;
    if (payload.__typename !== 'ExportLeadDataPayload') throw new Error(JSON.stringify(result).slice(0, 300));
    const document = JSON.parse(payload.data) as { conversations: { messages: unknown[] }[] };
    expect(document.conversations[0]!.messages).toHaveLength(20);
    expect(await prisma.auditEntry.count({ where: { action: 'lead.exported', entityId: lead.id } })).toBe(1);
  });

  it("answers another account's lead, large or not, with NOT_FOUND (its size is not revealed)", async () => {
    const other = await createAccount(app.services.prisma);
    const lead = await leadWithMessages(other.id, 300, 1024);
    const result = await app.execute(ExportBound, { input: { leadId: gid('Lead', lead.id) } });
    expect(result.data!.exportLeadData).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
  });
});
