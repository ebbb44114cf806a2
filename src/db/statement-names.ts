// Names for server-side prepared statements, so PostgreSQL parses and plans each of Prisma's
// statements once per connection instead of on every request (and the request no longer
// carries the statement's text). Prisma's adapter-pg takes the name from this function;
// pg keeps the per-connection record of what it has prepared.
import { createHash } from 'node:crypto';

/**
 * Past this many distinct statements, new ones run unnamed: each named statement holds memory
 * in every server connection, and an API's statement shapes are few (a few hundred here), so
 * only something unusual (ad hoc raw SQL with literals) would reach it.
 */
export const MAX_NAMED_STATEMENTS = 2_000;

export function createStatementNamer(max = MAX_NAMED_STATEMENTS): (query: { sql: string }) => string | undefined {
  const names = new Map<string, string>();
  return ({ sql }) => {
    let name = names.get(sql);
    if (name === undefined && names.size < max) {
      name = `parley_${createHash('sha1').update(sql).digest('base64url')}`;
      names.set(sql, name);
    }
    return name;
  };
}
