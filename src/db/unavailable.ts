// Tells a database that cannot answer now (down, restarting, unreachable, out of connections,
// too busy to start a transaction in time) from every other database error. Such a failure
// is retryable and says nothing about the request: GraphQL answers SERVICE_UNAVAILABLE with
// HTTP 503, webhooks 503, the job worker hands the job back once the database returns.
import { Prisma } from './client.js';

/** Prisma's codes for "could not talk to the database", https://www.prisma.io/docs/orm/reference/error-reference */
const UNAVAILABLE_PRISMA_CODES = new Set([
  'P1001', // can't reach database server
  'P1002', // reached, but timed out
  'P1008', // operations timed out
  'P1017', // server has closed the connection
  'P2024', // timed out fetching a connection from the pool
]);

/** Driver adapter error kinds (@prisma/adapter-pg) that mean the same. */
const UNAVAILABLE_ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);

/** PostgreSQL SQLSTATEs: connection exceptions (08), shutdown/cannot connect now (57P0x). */
const UNAVAILABLE_SQLSTATE = /^(08|57P0[1-3]|53300)/;

/** node-postgres' own messages when the socket goes away mid-query. */
const LOST_CONNECTION_MESSAGE = /Connection terminated|Connection closed|connection timeout|terminating connection|the database system is (shutting down|starting up)|ECONNREFUSED|ECONNRESET|Can't reach database server/i;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (UNAVAILABLE_PRISMA_CODES.has(error.code)) return true;
    // P2028 is the interactive-transaction error: only "could not start one in time" is load.
    if (error.code === 'P2028' && /Unable to start a transaction/i.test(error.message)) return true;
    const adapter = (error.meta as { driverAdapterError?: { cause?: { kind?: string; code?: string } } } | undefined)?.driverAdapterError?.cause;
    if (adapter?.kind && UNAVAILABLE_ADAPTER_KINDS.has(adapter.kind)) return true;
    if (adapter?.kind === 'postgres' && adapter.code && UNAVAILABLE_SQLSTATE.test(adapter.code)) return true;
  }
  const { code, message, cause, kind } = error as { code?: unknown; message?: unknown; cause?: unknown; kind?: unknown };
  if (typeof kind === 'string' && UNAVAILABLE_ADAPTER_KINDS.has(kind)) return true;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && UNAVAILABLE_SQLSTATE.test(code)) return true;
  if (typeof message === 'string' && LOST_CONNECTION_MESSAGE.test(message)) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}
