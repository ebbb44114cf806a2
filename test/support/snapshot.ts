// Every row a request could write, to prove that a refused request changed nothing.
import type { PrismaClient } from '../../src/db/client.js';

/** All rows of the writable tables (of one account, when given), as comparable JSON. */
export async function snapshotDatabase(prisma: PrismaClient, accountId?: string): Promise<string> {
  const query = { where: accountId ? { accountId } : {}, orderBy: { id: 'asc' as const } };
  return JSON.stringify({
    conversations: await prisma.conversation.findMany(query),
    messages: await prisma.conversationMessage.findMany(query),
    suggestions: await prisma.aISuggestion.findMany(query),
    leads: await prisma.lead.findMany(query),
    users: await prisma.user.findMany(query),
    apiKeys: await prisma.apiKey.findMany(query),
    audit: await prisma.auditEntry.findMany(query),
    jobs: await prisma.job.findMany(query),
    outbound: await prisma.outboundEmail.findMany(query),
    outbox: await prisma.outboxEmail.findMany(query),
    settings: await prisma.accountSettings.findMany({ where: accountId ? { accountId } : {}, orderBy: { accountId: 'asc' } }),
    // Team inbox (issue 18, part A)
    labels: await prisma.label.findMany(query),
    conversationLabels: await prisma.conversationLabel.findMany({ where: query.where, orderBy: [{ conversationId: 'asc' }, { labelId: 'asc' }] }),
    reads: await prisma.conversationRead.findMany({ where: query.where, orderBy: [{ conversationId: 'asc' }, { userId: 'asc' }] }),
    notes: await prisma.note.findMany(query),
    inboxSettings: await prisma.inboxSettings.findMany({ where: query.where, orderBy: { accountId: 'asc' } }),
    templates: await prisma.emailTemplate.findMany(query),
    merges: await prisma.conversationMerge.findMany(query),
    suppressed: await prisma.suppressedAddress.findMany(query),
    webhookEndpoints: await prisma.webhookEndpoint.findMany(query),
    webhookDeliveries: await prisma.webhookDelivery.findMany(query),
  });
}
