// Global IDs: base64("Typename:uuid"), as plugin-relay encodes them by default, but decoded
// strictly so a malformed or foreign id is a clear input error instead of a database error.
import { InvalidIdError, ValidationError } from '../domain/errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TYPENAME = /^[A-Z][A-Za-z]*$/;

export function encodeParleyId(typename: string, id: string | number | bigint): string {
  return Buffer.from(`${typename}:${id}`, 'utf8').toString('base64');
}

export function decodeParleyId(globalID: string): { typename: string; id: string } {
  const decoded = Buffer.from(globalID, 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  const typename = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  if (separator <= 0 || !TYPENAME.test(typename) || !UUID.test(id) || encodeParleyId(typename, id) !== globalID) {
    throw new InvalidIdError(globalID);
  }
  return { typename, id };
}

/**
 * The id of a decoded global ID of one type. plugin-relay's `for:` check throws an untyped
 * error that would null the whole mutation result; this one is a typed ValidationError.
 */
export function idOfType(globalId: { typename: string; id: string }, typename: string, field: string): string {
  if (globalId.typename !== typename) {
    throw ValidationError.fromIssues([{ path: ['input', field], message: `expected the global ID of a ${typename}` }]);
  }
  return globalId.id;
}
