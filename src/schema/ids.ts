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
 * The id of a decoded global ID of one type, or a ValidationError naming the argument at fault
 * (`path`, e.g. ["input", "suggestionId"] or ["id"]). The one check for every id argument:
 * plugin-relay's `for:` option throws an untyped error instead ("ID: ... is not of type"), so
 * no argument uses it. A malformed id fails earlier, in decodeParleyId, with the same error.
 */
export function idOfType(globalId: { typename: string; id: string }, typename: string, path: string[]): string {
  if (globalId.typename !== typename) {
    throw ValidationError.fromIssues([{ path, message: `expected the global ID of a ${typename}` }]);
  }
  return globalId.id;
}

const ACTOR = /^(user|apikey):(.+)$/;
const ACTOR_TYPENAMES = { user: 'User', apikey: 'ApiKey' } as const;

/**
 * Who acted, as the API shows it: the global ID of the User or ApiKey, or "system:<component>"
 * for background work. The audit trail stores "user:<id>" / "apikey:<id>".
 */
export function actorForApi(actor: string): string {
  const match = ACTOR.exec(actor);
  if (!match) return actor;
  return encodeParleyId(ACTOR_TYPENAMES[match[1] as keyof typeof ACTOR_TYPENAMES], match[2]!);
}

/** A raw id as the API shows it (global); an id that is already global stays as it is. */
export function globalIdFor(typename: string, id: string): string {
  return UUID.test(id) ? encodeParleyId(typename, id) : id;
}
