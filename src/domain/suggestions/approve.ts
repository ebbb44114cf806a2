// Approving a draft sends it, as drafted (APPROVED) or as a person edited it (EDITED, with the
// original text kept beside the edit so approval and edit rates can be measured).
import type { DomainContext } from '../use-case-context.js';
import { InvalidStateError, NotFoundError } from '../errors.js';
import { bodySchema, idempotencyKeySchema, subjectSchema, validateFields } from '../sending/input.js';
import { sendThroughPipeline } from '../sending/pipeline.js';

export interface ApproveInput {
  suggestionId: string;
  editedSubject?: string | null;
  editedBody?: string | null;
  idempotencyKey?: string | null;
  /** Send at this time instead of after the undo window (future, at most SEND_AT_MAX_DAYS ahead). */
  sendAt?: Date | null;
}

/** Ids of what the approval changed: the API loads each with the fields its client asked for. */
export interface ApproveResult {
  conversationId: string;
  suggestionId: string;
  messageId: string;
  /** When the QUEUED email goes (cancellable until then); null when it was sent at once. */
  scheduledFor: Date | null;
}

/** Whitespace at the ends and line-ending style are not an edit. */
const normalize = (text: string) => text.replace(/\r\n?/g, '\n').trim();

export async function approveSuggestion(ctx: DomainContext, input: ApproveInput): Promise<ApproveResult> {
  const { db, services } = ctx;
  const edits = validateFields<{ subject?: string | null; body?: string | null; key?: string | null }>({
    subject: { path: ['input', 'editedSubject'], schema: subjectSchema.nullish(), value: input.editedSubject },
    body: { path: ['input', 'editedBody'], schema: bodySchema.nullish(), value: input.editedBody },
    key: { path: ['input', 'idempotencyKey'], schema: idempotencyKeySchema.nullish(), value: input.idempotencyKey },
  });
  const found = await db.aISuggestion.findUnique({ where: { id: input.suggestionId }, select: { conversationId: true } });
  if (!found) throw new NotFoundError('AISuggestion', input.suggestionId);

  const result = await sendThroughPipeline(ctx, {
    conversationId: found.conversationId,
    suggestionId: input.suggestionId,
    idempotencyKey: edits.key,
    fingerprint: { op: 'approveSuggestion', suggestionId: input.suggestionId, subject: edits.subject ?? null, body: edits.body ?? null, sendAt: input.sendAt?.toISOString() ?? null },
    sendAt: input.sendAt,
    tag: 'approved-suggestion',
    claim: async (tx) => {
      const current = await tx.aISuggestion.findUniqueOrThrow({ where: { id: input.suggestionId } });
      if (current.status !== 'PENDING') {
        throw new InvalidStateError(`The suggestion is ${current.status}; only a PENDING suggestion can be approved.`, current.status);
      }
      // The draft itself must be sendable when it is sent unedited.
      const text = validateFields<{ subject: string; body: string }>({
        subject: { path: edits.subject ? ['input', 'editedSubject'] : ['suggestion', 'subject'], schema: subjectSchema, value: edits.subject ?? current.subject },
        body: { path: edits.body ? ['input', 'editedBody'] : ['suggestion', 'body'], schema: bodySchema, value: edits.body ?? current.body },
      });
      const subjectEdited = normalize(text.subject) !== normalize(current.subject);
      const bodyEdited = normalize(text.body) !== normalize(current.body);
      const status = subjectEdited || bodyEdited ? 'EDITED' : 'APPROVED';
      // The conversation lock serialises approvals; the condition stays as a second guard.
      const { count } = await tx.aISuggestion.updateMany({
        where: { id: current.id, status: 'PENDING' },
        data: {
          status,
          editedSubject: subjectEdited ? text.subject : null,
          editedBody: bodyEdited ? text.body : null,
          decidedAt: services.now(),
        },
      });
      if (count === 0) throw new InvalidStateError('The suggestion was decided by someone else a moment ago.', 'DECIDED');
      return {
        subject: subjectEdited ? text.subject : current.subject,
        textBody: bodyEdited ? text.body : current.body,
        htmlBody: null,
        audit: [
          {
            action: 'suggestion.approved',
            entityType: 'AISuggestion',
            entityId: current.id,
            fromStatus: 'PENDING',
            toStatus: status,
            details: { subjectEdited, bodyEdited },
          },
        ],
      };
    },
  });
  return { conversationId: result.conversationId, suggestionId: input.suggestionId, messageId: result.messageId, scheduledFor: result.scheduledFor };
}
