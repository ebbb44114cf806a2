// Account-defined labels and the labels on each conversation.
import { isUniqueViolation } from '../../db/errors.js';
import { lockConversation } from '../conversations/lock.js';
import { recordAudit } from '../audit.js';
import { InvalidStateError, NotFoundError, ValidationError } from '../errors.js';
import { inTransaction } from '../transitions.js';
import type { DomainContext } from '../use-case-context.js';
import { distinctIds, MAX_LABELS_PER_CONVERSATION } from './common.js';

export const LABEL_NAME_MAX = 50;
/** Labels one account may define: a bound on what a runaway client can create. */
export const MAX_LABELS_PER_ACCOUNT = 500;
const COLOR = /^#[0-9a-fA-F]{6}$/;

function checked(input: { name?: string | null; color?: string | null }): { name?: string; color?: string } {
  const out: { name?: string; color?: string } = {};
  const issues: { path: string[]; message: string }[] = [];
  if (input.name != null) {
    const name = input.name.trim();
    if (name.length === 0 || name.length > LABEL_NAME_MAX) issues.push({ path: ['input', 'name'], message: `must be 1 to ${LABEL_NAME_MAX} characters` });
    out.name = name;
  }
  if (input.color != null) {
    if (!COLOR.test(input.color)) issues.push({ path: ['input', 'color'], message: 'must be a colour as #RRGGBB, e.g. #1f77b4' });
    out.color = input.color.toLowerCase();
  }
  if (issues.length > 0) throw ValidationError.fromIssues(issues);
  return out;
}

const nameTaken = () => ValidationError.fromIssues([{ path: ['input', 'name'], message: 'a label with this name already exists (names ignore case)' }]);

export async function createLabel(ctx: DomainContext, input: { name: string; color: string }): Promise<{ labelId: string }> {
  const { name, color } = checked(input);
  try {
    return await inTransaction(ctx, async (tx) => {
      if ((await tx.label.count()) >= MAX_LABELS_PER_ACCOUNT) {
        throw new InvalidStateError(`An account may define at most ${MAX_LABELS_PER_ACCOUNT} labels; delete some first.`, 'LABEL_LIMIT');
      }
      const label = await tx.label.create({ data: { accountId: ctx.viewer.accountId, name: name!, color: color!, createdAt: ctx.services.now() } });
      await recordAudit(tx, ctx.viewer, { action: 'label.created', entityType: 'Label', entityId: label.id, details: { name: label.name, color: label.color } });
      return { labelId: label.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

export async function updateLabel(
  ctx: DomainContext,
  input: { labelId: string; name?: string | null; color?: string | null },
): Promise<{ labelId: string }> {
  const change = checked(input);
  try {
    return await inTransaction(ctx, async (tx) => {
      const before = await tx.label.findUnique({ where: { id: input.labelId } });
      if (!before) throw new NotFoundError('Label', input.labelId);
      await tx.label.updateMany({ where: { id: before.id }, data: change });
      await recordAudit(tx, ctx.viewer, {
        action: 'label.updated',
        entityType: 'Label',
        entityId: before.id,
        details: { before: { name: before.name, color: before.color }, after: { name: change.name ?? before.name, color: change.color ?? before.color } },
      });
      return { labelId: before.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

/**
 * Deletes the label and takes it off every conversation. One audit row for the label; no
 * LABELS_CHANGED event per conversation (a label on thousands of conversations would flood
 * every subscriber): clients refresh their labels on the deleteLabel payload.
 */
export async function deleteLabel(ctx: DomainContext, input: { labelId: string }): Promise<{ labelId: string }> {
  return inTransaction(ctx, async (tx) => {
    const before = await tx.label.findUnique({ where: { id: input.labelId } });
    if (!before) throw new NotFoundError('Label', input.labelId);
    const onConversations = await tx.conversationLabel.count({ where: { labelId: before.id } });
    await tx.label.deleteMany({ where: { id: before.id } });
    await recordAudit(tx, ctx.viewer, { action: 'label.deleted', entityType: 'Label', entityId: before.id, details: { name: before.name, onConversations } });
    return { labelId: before.id };
  });
}

export type LabelChange = 'SET' | 'ADD' | 'REMOVE';

/**
 * Sets, adds or removes labels of one conversation, under the conversation's row lock so
 * that concurrent changes apply one after the other. Unknown labels: NotFoundError, nothing changed.
 */
export async function changeConversationLabels(
  ctx: DomainContext,
  input: { conversationId: string; labelIds: string[]; change: LabelChange },
): Promise<{ conversationId: string; changed: boolean }> {
  const labelIds = distinctIds(input.labelIds, MAX_LABELS_PER_CONVERSATION, 'labelIds');
  return inTransaction(ctx, async (tx, events) => {
    if (!(await lockConversation(tx, ctx.viewer.accountId, input.conversationId))) throw new NotFoundError('Conversation', input.conversationId);
    const labels = labelIds.length > 0 ? await tx.label.findMany({ where: { id: { in: labelIds } }, select: { id: true } }) : [];
    const missing = labelIds.find((id) => !labels.some((l) => l.id === id));
    if (missing) throw new NotFoundError('Label', missing);
    const current = (await tx.conversationLabel.findMany({ where: { conversationId: input.conversationId }, select: { labelId: true } })).map((l) => l.labelId);
    const wanted =
      input.change === 'SET' ? labelIds : input.change === 'ADD' ? [...new Set([...current, ...labelIds])] : current.filter((id) => !labelIds.includes(id));
    if (wanted.length > MAX_LABELS_PER_CONVERSATION) {
      throw new InvalidStateError(`A conversation may carry at most ${MAX_LABELS_PER_CONVERSATION} labels.`, 'LABEL_LIMIT');
    }
    const added = wanted.filter((id) => !current.includes(id));
    const removed = current.filter((id) => !wanted.includes(id));
    if (added.length === 0 && removed.length === 0) return { conversationId: input.conversationId, changed: false };
    if (removed.length > 0) await tx.conversationLabel.deleteMany({ where: { conversationId: input.conversationId, labelId: { in: removed } } });
    if (added.length > 0) {
      const createdAt = ctx.services.now();
      await tx.conversationLabel.createMany({
        data: added.map((labelId) => ({ accountId: ctx.viewer.accountId, conversationId: input.conversationId, labelId, createdAt })),
      });
    }
    await recordAudit(tx, ctx.viewer, { action: 'conversation.labels_changed', entityType: 'Conversation', entityId: input.conversationId, details: { added, removed } });
    events.publish({ type: 'LABELS_CHANGED', accountId: ctx.viewer.accountId, conversationId: input.conversationId, labelIds: wanted, at: ctx.services.now().toISOString() });
    return { conversationId: input.conversationId, changed: true };
  });
}

/** The conversation carries exactly these labels afterwards. */
export async function setConversationLabels(
  ctx: DomainContext,
  input: { conversationId: string; labelIds: string[] },
): Promise<{ conversationId: string; changed: boolean }> {
  return changeConversationLabels(ctx, { ...input, change: 'SET' });
}
