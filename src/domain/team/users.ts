// Owners manage the account's users (who sign in with tokens): add, change role, remove.
import type { Role } from '../../auth/tokens.js';
import { isUniqueViolation } from '../../db/errors.js';
import { recordAudit } from '../audit.js';
import type { DomainContext } from '../use-case-context.js';
import { InvalidStateError, NotFoundError, ValidationError } from '../errors.js';
import { unassignConversationsOf } from '../inbox/unassign.js';
import { inTransaction } from '../transitions.js';

export async function addUser(
  { db, viewer }: DomainContext,
  input: { email: string; name: string; role: Role },
): Promise<{ userId: string }> {
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { accountId: viewer.accountId, email: input.email.toLowerCase(), name: input.name, role: input.role },
        select: { id: true },
      });
      await recordAudit(tx, viewer, { action: 'user.added', entityType: 'User', entityId: user.id, toStatus: input.role });
      return { userId: user.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ValidationError('A user with this email exists already.', [{ path: ['input', 'email'], message: 'is taken' }]);
    }
    throw error;
  }
}

export async function changeUserRole(ctx: DomainContext, input: { userId: string; role: Role }): Promise<{ userId: string }> {
  const { viewer, services } = ctx;
  const changed = await inTransaction(ctx, async (tx, events) => {
    const user = await tx.user.findUnique({ where: { id: input.userId } });
    if (!user) throw new NotFoundError('User', input.userId);
    if (user.role === 'OWNER' && input.role !== 'OWNER' && (await tx.user.count({ where: { role: 'OWNER' } })) <= 1) {
      throw new InvalidStateError('The last owner cannot stop being an owner.', user.role);
    }
    await tx.user.update({ where: { id: user.id }, data: { role: input.role }, select: { id: true } });
    await recordAudit(tx, viewer, { action: 'user.role_changed', entityType: 'User', entityId: user.id, fromStatus: user.role, toStatus: input.role });
    // Team inbox: a VIEWER owns no conversations.
    if (input.role === 'VIEWER') await unassignConversationsOf(tx, viewer, events, { userId: user.id, reason: 'made a viewer', at: services.now() });
    return user.id;
  });
  // After the commit: the next request (and every live connection's next check) sees the new role.
  await services.principals.invalidate('user', changed);
  return { userId: changed };
}

/** Removes a person from the team: their tokens stop working, their live connections end. */
export async function removeUser(ctx: DomainContext, input: { userId: string }): Promise<{ userId: string }> {
  const { viewer, services } = ctx;
  const removed = await inTransaction(ctx, async (tx, events) => {
    const user = await tx.user.findUnique({ where: { id: input.userId } });
    if (!user) throw new NotFoundError('User', input.userId);
    if (user.role === 'OWNER' && (await tx.user.count({ where: { role: 'OWNER' } })) <= 1) {
      throw new InvalidStateError('The last owner cannot be removed.', user.role);
    }
    // Team inbox: their conversations become unassigned, audited (the foreign key would do it silently).
    await unassignConversationsOf(tx, viewer, events, { userId: user.id, reason: 'user removed', at: services.now() });
    await tx.user.delete({ where: { id: user.id } });
    await recordAudit(tx, viewer, { action: 'user.removed', entityType: 'User', entityId: user.id, fromStatus: user.role, toStatus: 'REMOVED' });
    return user.id;
  });
  await services.principals.invalidate('user', removed);
  return { userId: removed };
}
