// What every writer of leads shares: one lock per account on lead addresses, and the typed
// error for an address the account already has.
import { Prisma } from '../../db/client.js';
import type { ScopedTransaction } from '../../db/scoped.js';
import { DomainError } from '../errors.js';

/** The account already has a lead with this address (compared by its matching key). */
export class DuplicateLeadError extends DomainError {
  readonly code = 'DUPLICATE';
  constructor(
    /** The lead that has the address. */
    readonly existingLeadId: string,
  ) {
    super('A lead with this email address already exists in your account.');
    this.name = 'DuplicateLeadError';
  }
}

/**
 * Serialises the writers that check an address before writing it (create, update, import) in
 * one account, until the transaction ends. An advisory lock rather than a unique index on
 * email_key: leads written before the key existed may share one, and a migration that failed
 * on them would stop the app from starting. (Inbound email finds a lead by the key first and
 * creates one only when none has it.)
 */
export async function lockLeadAddresses(tx: ScopedTransaction, accountId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`leads:${accountId}`}, 0))`;
}

/** The oldest lead with this key (inbound email matches the same one), other than `except`. */
export async function leadWithKey(tx: ScopedTransaction, key: string, except?: string): Promise<string | null> {
  const lead = await tx.lead.findFirst({
    where: { emailKey: key, ...(except ? { id: { not: except } } : {}) },
    orderBy: { createdAt: 'asc' },
    select: { id: true },
  });
  return lead?.id ?? null;
}

/** Prisma's JSON input for a nullable JSON column: null is the database's NULL. */
export const jsonColumn = (value: Record<string, unknown> | null): Prisma.InputJsonValue | typeof Prisma.DbNull =>
  value === null ? Prisma.DbNull : (value as Prisma.InputJsonValue);
