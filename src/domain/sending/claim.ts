// Step 1 of the send pipeline (pipeline.ts): in one transaction, with the conversation locked,
// the caller's state change, the checks that the lead may be written to, and the OUTBOUND
// message written QUEUED with its delivery record (the exact email, and a lease on sending it).
import { randomUUID } from 'node:crypto';
import { Prisma, type OutboundEmail } from '../../db/client.js';
import { textToHtml, threadingHeaders } from '../../email/format.js';
import { METADATA_KEYS, type OutgoingEmail } from '../../email/sender.js';
import { sendScheduledEmailJob } from '../../jobs/definitions.js';
import { enqueue } from '../../jobs/queue.js';
import { recordAudits } from '../audit.js';
import { InvalidStateError, NotFoundError, ValidationError } from '../errors.js';
import type { DomainContext } from '../use-case-context.js';
import { sendableAddress } from './input.js';
import { isSuppressed, suppressedLeadSql } from '../privacy/suppression.js';
import type { SendRequest } from './pipeline.js';
import { SEND_TX_OPTIONS } from './transaction.js';

export async function claim(
  { db, viewer, services }: DomainContext,
  { request, idempotencyKey, requestHash }: { request: SendRequest; idempotencyKey: string; requestHash: string },
): Promise<OutboundEmail> {
  const messageId = randomUUID();
  return db.$transaction(async (tx) => {
    // The conversation's lock, the account's undo window and whether the lead's address was
    // erased and suppressed, in one statement (the approval's statement budget:
    // test/approve-statements.test.ts).
    const [locked] = await tx.$queryRaw<{ undo_window_seconds: number | null; suppressed: boolean | null }[]>`
      SELECT s.undo_window_seconds,
        ${suppressedLeadSql(services.config, Prisma.sql`c.account_id`, Prisma.sql`l.email_key`)} AS suppressed
      FROM conversations c JOIN leads l ON l.id = c.lead_id LEFT JOIN account_settings s ON s.account_id = c.account_id
      WHERE c.id = ${request.conversationId}::uuid AND c.account_id = ${viewer.accountId}::uuid
      FOR UPDATE OF c`;
    if (!locked) throw new NotFoundError('Conversation', request.conversationId);
    const text = await request.claim(tx);
    // The thread comes with the conversation (one statement): the parents of the reply.
    const conversation = await tx.conversation.findUniqueOrThrow({
      where: { id: request.conversationId },
      include: {
        lead: true,
        messages: {
          where: { messageIdHeader: { not: null } },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          select: { direction: true, messageIdHeader: true },
        },
      },
    });
    if (conversation.status === 'ARCHIVED') {
      throw new InvalidStateError('The conversation is archived and takes no reply; unarchive it first.', 'ARCHIVED');
    }
    const { lead, messages: thread } = conversation;
    if (lead.doNotContact) {
      throw new InvalidStateError('The lead is marked do-not-contact: Parley sends them no email.', 'DO_NOT_CONTACT');
    }
    // Leads written before email_key existed have none: checked by their address instead.
    if (locked.suppressed || (lead.emailKey === null && (await isSuppressed(tx, services.config, lead.email)))) {
      throw new InvalidStateError("The address belonged to a lead erased at their request: Parley sends it no email.", 'SUPPRESSED');
    }
    const to = sendableAddress(lead.email);
    // Thread on the lead's last message (or, before they wrote, on our last one).
    const lastInbound = thread.findLastIndex((m) => m.direction === 'INBOUND');
    const parentChain = (lastInbound >= 0 ? thread.slice(0, lastInbound + 1) : thread).map((m) => m.messageIdHeader!);
    const headers = threadingHeaders(parentChain);
    const { config } = services;
    const htmlBody = text.htmlBody ?? textToHtml(text.textBody);
    const email: OutgoingEmail = {
      accountId: viewer.accountId,
      conversationId: conversation.id,
      messageId,
      from: { email: config.email.fromAddress, name: config.email.fromName },
      // On the wire the domain is ASCII (punycode); the message keeps the address as stored.
      to: { email: to, name: lead.name },
      replyTo: `replies+${conversation.replyHash}@${config.email.inboundDomain}`,
      subject: text.subject,
      textBody: text.textBody,
      htmlBody,
      headers,
      metadata: {
        [METADATA_KEYS.accountId]: viewer.accountId,
        [METADATA_KEYS.conversationId]: conversation.id,
        [METADATA_KEYS.messageId]: messageId,
        ...(request.suggestionId ? { [METADATA_KEYS.suggestionId]: request.suggestionId } : {}),
      },
      tag: request.tag,
      messageStream: config.email.messageStream,
      trackOpens: true,
      trackLinks: 'HtmlAndText',
    };
    const now = services.now();
    // Every send waits the account's undo window (or until the sender's sendAt, if later),
    // QUEUED and cancellable; a job sends it then. Without a window it goes at once.
    const undoWindowSeconds = locked.undo_window_seconds ?? services.config.email.undoWindowSeconds;
    const undoUntil = undoWindowSeconds > 0 ? new Date(now.getTime() + undoWindowSeconds * 1000) : null;
    const scheduledFor = request.sendAt && (!undoUntil || request.sendAt > undoUntil) ? request.sendAt : undoUntil;
    await tx.conversationMessage.create({
      data: {
        id: messageId,
        accountId: viewer.accountId,
        conversationId: conversation.id,
        direction: 'OUTBOUND',
        fromEmail: email.from.email,
        fromName: email.from.name ?? null,
        toEmail: lead.email,
        subject: text.subject,
        textBody: text.textBody,
        htmlBody,
        // Outgoing HTML is ours (escaped text) or already through the inbound policy (sendReply),
        // so it is its own safe form: no sanitising later, when it is first read.
        safeHtmlBody: htmlBody,
        inReplyTo: headers[0]?.value ?? null,
        idempotencyKey,
        deliveryStatus: 'QUEUED',
        scheduledFor,
        createdAt: now,
      },
    });
    const outbound = await tx.outboundEmail.create({
      data: {
        accountId: viewer.accountId,
        messageId,
        conversationId: conversation.id,
        suggestionId: request.suggestionId,
        provider: services.email.name,
        requestHash,
        payload: email as unknown as Prisma.InputJsonValue,
        // A scheduled send starts "leased" until its time, so nobody (recovery included) sends it
        // earlier; while lockedUntil still equals scheduledFor no send has begun (cancellable).
        lockedUntil: scheduledFor ?? new Date(now.getTime() + services.emailPolicy.leaseMs),
        scheduledFor,
        createdAt: now,
      },
    });
    if (scheduledFor) {
      await enqueue(tx, sendScheduledEmailJob, { accountId: viewer.accountId, payload: { outboundEmailId: outbound.id }, runAt: scheduledFor, dedupeKey: outbound.id });
    }
    if (request.suggestionId) {
      await tx.aISuggestion.updateMany({ where: { id: request.suggestionId }, data: { sentMessageId: messageId } });
    }
    await recordAudits(tx, viewer, [
      ...(text.audit ?? []),
      {
        action: 'message.queued',
        entityType: 'ConversationMessage',
        entityId: messageId,
        fromStatus: null,
        toStatus: 'QUEUED',
        details: { via: services.email.name, suggestionId: request.suggestionId, ...(scheduledFor ? { scheduledFor: scheduledFor.toISOString() } : {}) },
      },
    ]);
    return outbound;
  }, SEND_TX_OPTIONS);
}
