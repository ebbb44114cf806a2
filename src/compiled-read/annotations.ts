// What a schema field declares so the compiled read path (src/compiled-read/) can turn it into
// SQL. A field without a declaration is compiled only when plugin-prisma's own metadata says
// what it is (an exposed column, a relation, a related connection); anything else makes its
// operation take the resolver path. The declarations sit in `extensions` on the Pothos field,
// next to the resolver they must agree with (test/compiled-read.test.ts compares the two).

/** A row of a model inside the statement being built. */
export interface SqlRow {
  /** The SQL alias of the row's table. */
  alias: string;
  /** `alias."column"` for a Prisma field name of the row's model. */
  column(field: string): string;
}

/** Builds SQL text with bound parameters (never values spliced into the text). */
export interface SqlBuilder {
  /** A placeholder (`$n`) bound to this value. */
  param(value: unknown): string;
  /** The placeholder of the viewer's account id. */
  readonly account: string;
}

/** Whom the statement is built for (the same facts the resolvers read from the context). */
export interface SqlViewer {
  accountId: string;
  userId?: string | null;
}

export type PrismaOrderBy = Record<string, unknown> | Record<string, unknown>[];

/** A computed scalar: its value as an SQL expression over the row. */
export interface ComputedScalarSql {
  kind: 'scalar';
  value(row: SqlRow): string;
}

/** A computed object field: at most one row of `model` matching `join` (null when none). */
export interface ComputedObjectSql {
  kind: 'object';
  model: string;
  join(parent: SqlRow, child: SqlRow, sql: SqlBuilder): string;
}

/** A root connection of `model`: the resolver's where and order, from the same functions. */
export interface RootConnectionSql {
  kind: 'rootConnection';
  model: string;
  /** The Prisma where the resolver uses for these (GraphQL, coerced) arguments; throw to fall back. */
  where(args: Record<string, unknown>, viewer: SqlViewer): Record<string, unknown>;
  /** The Prisma orderBy the resolver uses; throw to fall back. */
  orderBy(args: Record<string, unknown>): PrismaOrderBy;
}

/** A root field that loads one row of `model` by an id taken from its arguments. */
export interface RootUniqueSql {
  kind: 'rootUnique';
  model: string;
  /** The row id from the (GraphQL, coerced) arguments; throw to fall back (the resolver then reports the error). */
  id(args: Record<string, unknown>): string;
  /** The id actually loaded, as SQL over the id's placeholder (e.g. a merged id redirected). */
  idSql?(id: string, sql: SqlBuilder): string;
}

/** Query.node: any prismaNode by its global id; `idSql` may redirect the id per type. */
export interface RootNodeSql {
  kind: 'rootNode';
  idSql?(typename: string, id: string, sql: SqlBuilder): string;
}

export type CompiledSql = ComputedScalarSql | ComputedObjectSql | RootConnectionSql | RootUniqueSql | RootNodeSql;

/** `extensions: compiledSql({...})` on a Pothos field. */
export function compiledSql(sql: CompiledSql): { compiledSql: CompiledSql } {
  return { compiledSql: sql };
}
