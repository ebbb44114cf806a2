// Loading a row that may not exist from a `t.prismaField` resolver.

/**
 * The planned selection, read before deciding whether there is a row to load. plugin-prisma's
 * unused-query check (onUnusedQuery) fails a field whose resolver never read its `query`; a
 * field whose id is optional (an event without a draft, a viewer without a user) loads nothing
 * when the id is absent, and null is then the answer, not a resolver bug.
 */
export const readQuery = <Q extends object>(query: Q): Q => ({ ...query });
