// Recognising a unique-constraint violation, whichever way the statement reached PostgreSQL.
import { Prisma } from './client.js';

/**
 * True for a unique-constraint violation: model queries report P2002; raw SQL through Prisma
 * reports P2010 with the database's SQLSTATE 23505; statements sent through pg directly
 * (Database.queryLarge) throw pg's own error, which carries the SQLSTATE as `code`.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    const cause = (error.meta as { driverAdapterError?: { cause?: { originalCode?: string } } } | undefined)?.driverAdapterError?.cause;
    return error.code === 'P2002' || (error.code === 'P2010' && cause?.originalCode === '23505');
  }
  return error instanceof Error && (error as { code?: unknown }).code === '23505';
}
