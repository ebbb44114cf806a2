// Compiles a read operation into one SQL statement that builds the response JSON.
//
// compileOperation() runs once per operation text (the plugin caches it by parsed document):
// it walks the selection set against the schema and keeps a plan only when every selected
// field is compilable. What a field is comes from the schema itself: plugin-prisma's metadata
// (an exposed column, a relation, a related connection and its orderBy), the relay plugin's
// node id, and `extensions.compiledSql` declarations for computed and root fields
// (annotations.ts). Column and table names come from Prisma's data model. Nothing here lists
// a field by name.
//
// renderStatement() runs per request: it reads the arguments, checks them as the resolvers
// would (page sizes, cursors, ids) and renders the statement; any doubt answers null and the
// operation runs on the resolver path instead.
import {
  getArgumentValues,
  getVariableValues,
  getNamedType,
  getNullableType,
  isAbstractType,
  isEnumType,
  isListType,
  isObjectType,
  isScalarType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { parsePrismaCursor } from '@pothos/plugin-prisma';
import type { CompiledSql, PrismaOrderBy, RootConnectionSql, RootNodeSql, RootUniqueSql, SqlBuilder, SqlRow, SqlViewer } from './annotations.js';
import { decodeParleyId } from '../schema/ids.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../schema/builder.js';
import { whereSql } from './where.js';
import { NotCompilable, type DataModel, type ModelInfo } from './data-model.js';

/** Page sizes as the relay plugin's `first` validation allows them (src/schema/builder.ts). */
const MAX_PAGE = MAX_PAGE_SIZE;
const DEFAULT_PAGE = DEFAULT_PAGE_SIZE;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** json_build_object takes at most 100 arguments. */
const MAX_KEYS = 50;

const no = (why: string): never => {
  throw new NotCompilable(why);
};

type Leaf =
  | { kind: 'literal'; key: string; value: string }
  | { kind: 'column'; key: string; field: string; datetime: boolean }
  | { kind: 'globalId'; key: string; typename: string; field: string }
  | { kind: 'computed'; key: string; sql: Extract<CompiledSql, { kind: 'scalar' }> };

type Sel =
  | Leaf
  | { kind: 'relation'; key: string; model: ModelInfo; childKey: string; parentKey: string; selections: Sel[] }
  | { kind: 'computedObject'; key: string; model: ModelInfo; sql: Extract<CompiledSql, { kind: 'object' }>; selections: Sel[] }
  | { kind: 'connection'; key: string; conn: Connection; childKey: string; parentKey: string };

interface Connection {
  model: ModelInfo;
  field: GraphQLField<unknown, unknown>;
  node: FieldNode;
  /** The orderBy the schema declares (relatedConnection's `query.orderBy`), or the root's annotation. */
  orderBy?: PrismaOrderBy;
  parts: ConnPart[];
}

type ConnPart =
  | { kind: 'literal'; key: string; value: string }
  | { kind: 'totalCount'; key: string }
  | { kind: 'edges'; key: string; edge: ({ kind: 'literal'; key: string; value: string } | { kind: 'cursor'; key: string } | { kind: 'node'; key: string; selections: Sel[] })[] }
  | { kind: 'pageInfo'; key: string; info: { kind: 'literal' | 'hasNextPage' | 'hasPreviousPage' | 'startCursor' | 'endCursor'; key: string; value?: string }[] };

type Root =
  | { kind: 'literal'; key: string; value: string }
  | { kind: 'rootConnection'; key: string; conn: Connection; sql: RootConnectionSql }
  | { kind: 'rootUnique'; key: string; field: GraphQLField<unknown, unknown>; node: FieldNode; sql: RootUniqueSql; model: ModelInfo; selections: Sel[] }
  | { kind: 'rootNode'; key: string; field: GraphQLField<unknown, unknown>; node: FieldNode; sql: RootNodeSql; byType: Map<string, { model: ModelInfo; selections: Sel[] } | null>; env: Env };

export interface CompiledOperation {
  roots: Root[];
  operation: OperationDefinitionNode;
}

interface Env {
  schema: GraphQLSchema;
  models: DataModel;
  fragments: Map<string, FragmentDefinitionNode>;
}

/** Response keys in order, one field node each; anything the executor would merge or skip falls back. */
function collect(env: Env, set: SelectionSetNode, type: GraphQLObjectType, out = new Map<string, FieldNode>(), seen = new Set<string>()): Map<string, FieldNode> {
  for (const selection of set.selections) {
    if (selection.directives && selection.directives.length > 0) no('directive');
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      if (out.has(key)) no(`repeated key ${key}`);
      out.set(key, selection);
    } else {
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : env.fragments.get(selection.name.value);
      if (!fragment) return no('unknown fragment');
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        if (seen.has(selection.name.value)) no('fragment cycle');
        seen.add(selection.name.value);
      }
      const condition = fragment.typeCondition?.name.value;
      // As the executor does: a fragment on another type does not apply here.
      if (condition && condition !== type.name) {
        const conditionType = env.schema.getType(condition);
        if (!conditionType || !isAbstractType(conditionType) || !env.schema.isSubType(conditionType, type)) continue;
      }
      collect(env, fragment.selectionSet, type, out, seen);
    }
  }
  if (out.size > MAX_KEYS) no('too many keys');
  return out;
}

type Extensions = Record<string, unknown> & { pothosOptions?: Record<string, unknown> };
const extensionsOf = (x: { extensions?: unknown }) => (x.extensions ?? {}) as Extensions;

/** Fields guarded by scope-auth (or anything else that decides per viewer) are never compiled. */
function assertUnguarded(holder: { extensions?: unknown }): void {
  const options = extensionsOf(holder).pothosOptions ?? {};
  for (const key of ['authScopes', 'grantScopes', 'skipTypeScopes', 'skipInterfaceScopes', 'runScopesOnType']) {
    if (options[key] !== undefined) no(`${key}`);
  }
}

function modelOfType(env: Env, type: GraphQLObjectType): ModelInfo {
  const name = extensionsOf(type).pothosPrismaModel;
  if (typeof name !== 'string') return no(`${type.name} is not a Prisma object`);
  return env.models.model(name);
}

/** A column's value as the scalar or enum serialises it, when the raw column already is that. */
function leafFor(env: Env, model: ModelInfo, key: string, field: GraphQLField<unknown, unknown>, prismaField: string): Leaf {
  const column = model.scalar(prismaField);
  const named = getNamedType(field.type);
  const list = isListType(getNullableType(field.type));
  if (list !== column.isList) no('list shape');
  if (isEnumType(named)) {
    if (list || column.kind !== 'enum') no('enum');
    for (const value of named.getValues()) if (value.value !== value.name) no('enum value mapping');
    const dbValues = env.models.enumValues(column.type);
    if (!dbValues || dbValues.some((v) => !named.getValue(v))) no('enum values differ');
    return { kind: 'column', key, field: prismaField, datetime: false };
  }
  if (!isScalarType(named)) return no('not a scalar');
  const compatible: Record<string, string[]> = {
    String: ['String'],
    ID: ['String'],
    Int: ['Int'],
    Float: ['Float'],
    Boolean: ['Boolean'],
    DateTime: ['DateTime'],
  };
  if (!compatible[named.name]?.includes(column.type)) no(`scalar ${named.name} over ${column.type}`);
  if (named.name === 'DateTime' && list) no('datetime list');
  return { kind: 'column', key, field: prismaField, datetime: named.name === 'DateTime' };
}

/**
 * A relatedConnection's order, as its resolver asks Prisma for it: plugin-prisma keeps the
 * field's `query` and `cursor` inside its selection function, so the function is asked (with no
 * page arguments, then with an `after`) what it would select. A `where`, or a cursor on another
 * field than the id, is not compiled.
 */
function relatedConnectionOrder(ext: Extensions, model: ModelInfo): PrismaOrderBy | undefined {
  const select = ext.pothosPrismaSelect;
  if (typeof select !== 'function') return no('connection selection');
  const ask = (args: Record<string, unknown>): Record<string, unknown> => {
    let captured: unknown;
    const nestedQuery = (query: unknown) => {
      captured = query;
      return { select: {} };
    };
    const result = (select as (...a: unknown[]) => unknown)(args, {}, nestedQuery, () => new Set(['edges']));
    if (!captured || typeof captured !== 'object' || (result && typeof (result as PromiseLike<unknown>).then === 'function')) return no('connection query');
    return captured as Record<string, unknown>;
  };
  const plain = ask({});
  for (const key of Object.keys(plain)) if (!['orderBy', 'take', 'skip'].includes(key)) no(`connection query ${key}`);
  const probe = 'probe';
  const paged = ask({ after: Buffer.from(`GPC:S:${probe}`).toString('base64'), first: 1 });
  const cursor = paged.cursor as Record<string, unknown> | undefined;
  if (!cursor || Object.keys(cursor).length !== 1 || cursor[model.idField] !== probe || paged.skip !== 1) no('connection cursor');
  return plain.orderBy as PrismaOrderBy | undefined;
}

/**
 * The Prisma field a prismaNode's global id encodes: plugin-prisma keeps only a resolver that
 * reads it from the row, so the resolver is asked which property it reads.
 */
function nodeIdField(type: GraphQLObjectType, typeOptions: Record<string, unknown>): string {
  const resolve = (typeOptions.id as { resolve?: (row: unknown) => unknown } | undefined)?.resolve;
  if (typeof resolve !== 'function') return no(`${type.name} id`);
  const read: string[] = [];
  const probe = new Proxy({}, { get: (_t, property) => (read.push(String(property)), `probe:${String(property)}`) });
  let value: unknown;
  try {
    value = resolve(probe);
  } catch {
    return no(`${type.name} id`);
  }
  if (read.length !== 1 || value !== `probe:${read[0]}`) return no(`${type.name} id`);
  return read[0]!;
}

function selectionsOf(env: Env, type: GraphQLObjectType, set: SelectionSetNode | undefined): Sel[] {
  if (!set) return no('no selection set');
  assertUnguarded(type);
  const model = modelOfType(env, type);
  const fields = type.getFields();
  const typeOptions = extensionsOf(type).pothosOptions ?? {};
  const out: Sel[] = [];
  for (const [key, node] of collect(env, set, type)) {
    const name = node.name.value;
    if (name === '__typename') {
      out.push({ kind: 'literal', key, value: type.name });
      continue;
    }
    const field = fields[name];
    if (!field) return no('unknown field');
    assertUnguarded(field);
    const ext = extensionsOf(field);
    const declared = ext.compiledSql as CompiledSql | undefined;
    const named = getNamedType(field.type);
    if (declared) {
      if (node.arguments?.length) no('arguments on a computed field');
      if (declared.kind === 'scalar') {
        if (node.selectionSet) no('selection on a scalar');
        out.push({ kind: 'computed', key, sql: declared });
      } else if (declared.kind === 'object') {
        if (!isObjectType(named) || isListType(getNullableType(field.type))) no('computed object type');
        const childModel = env.models.model(declared.model);
        if (modelOfType(env, named as GraphQLObjectType).name !== childModel.name) no('computed object model');
        out.push({ kind: 'computedObject', key, model: childModel, sql: declared, selections: selectionsOf(env, named as GraphQLObjectType, node.selectionSet) });
      } else no('root annotation on an object field');
      continue;
    }
    if (name === 'id' && named.name === 'ID' && type.getInterfaces().some((i) => i.name === 'Node') && !ext.pothosExposedField) {
      out.push({ kind: 'globalId', key, typename: type.name, field: nodeIdField(type, typeOptions) });
      continue;
    }
    if (node.arguments?.length && !ext.pothosPrismaRelationField) no('arguments');
    const exposed = ext.pothosExposedField;
    const select = ext.pothosPrismaSelect as Record<string, unknown> | undefined;
    if (typeof exposed === 'string' && select && typeof select === 'object' && Object.keys(select).length === 1 && select[exposed] === true) {
      if (node.selectionSet) no('selection on a column');
      out.push(leafFor(env, model, key, field, exposed));
      continue;
    }
    const relation = ext.pothosPrismaRelationField as { name: string; isList: boolean } | undefined;
    if (relation) {
      const rel = model.relation(relation.name);
      const options = ext.pothosOptions ?? {};
      if (!relation.isList) {
        if (options.query !== undefined || node.arguments?.length) no('relation with a query');
        if (!isObjectType(named)) no('relation type');
        const child = modelOfType(env, named as GraphQLObjectType);
        if (child.name !== rel.target.name) no('relation target');
        out.push({ kind: 'relation', key, model: child, childKey: rel.childKey, parentKey: rel.parentKey, selections: selectionsOf(env, named as GraphQLObjectType, node.selectionSet) });
        continue;
      }
      if (!isObjectType(named)) no('connection type');
      const conn = connectionOf(env, named as GraphQLObjectType, rel.target, field, node, relatedConnectionOrder(ext, rel.target));
      out.push({ kind: 'connection', key, conn, childKey: rel.childKey, parentKey: rel.parentKey });
      continue;
    }
    no(`field ${type.name}.${name}`);
  }
  return out;
}

/** A connection type's selection: edges (cursor, node), pageInfo, totalCount, __typename. */
function connectionOf(env: Env, type: GraphQLObjectType, model: ModelInfo, field: GraphQLField<unknown, unknown>, node: FieldNode, orderBy: PrismaOrderBy | undefined): Connection {
  const argNames = new Set(field.args.map((a) => a.name));
  if (!argNames.has('first') || !argNames.has('after')) no('not a relay connection');
  const parts: ConnPart[] = [];
  const fields = type.getFields();
  for (const [key, sub] of collect(env, node.selectionSet ?? no('no selection'), type)) {
    const name = sub.name.value;
    if (name === '__typename') {
      parts.push({ kind: 'literal', key, value: type.name });
      continue;
    }
    const subField = fields[name] ?? no('unknown field');
    assertUnguarded(subField);
    if (name === 'totalCount' && (extensionsOf(subField).pothosPrismaTotalCount || field.extensions?.compiledSql)) {
      parts.push({ kind: 'totalCount', key });
    } else if (name === 'edges') {
      const edgeType = getNamedType(subField.type) as GraphQLObjectType;
      const edgeFields = edgeType.getFields();
      const edge: Extract<ConnPart, { kind: 'edges' }>['edge'] = [];
      for (const [edgeKey, edgeNode] of collect(env, sub.selectionSet ?? no('no selection'), edgeType)) {
        const edgeName = edgeNode.name.value;
        if (edgeName === '__typename') edge.push({ kind: 'literal', key: edgeKey, value: edgeType.name });
        else if (edgeName === 'cursor') edge.push({ kind: 'cursor', key: edgeKey });
        else if (edgeName === 'node') {
          assertUnguarded(edgeFields.node!);
          const nodeType = getNamedType(edgeFields.node!.type) as GraphQLObjectType;
          if (modelOfType(env, nodeType).name !== model.name) no('edge node model');
          edge.push({ kind: 'node', key: edgeKey, selections: selectionsOf(env, nodeType, edgeNode.selectionSet) });
        } else no(`edge field ${edgeName}`);
      }
      parts.push({ kind: 'edges', key, edge });
    } else if (name === 'pageInfo') {
      const infoType = getNamedType(subField.type) as GraphQLObjectType;
      const info: Extract<ConnPart, { kind: 'pageInfo' }>['info'] = [];
      for (const [infoKey, infoNode] of collect(env, sub.selectionSet ?? no('no selection'), infoType)) {
        const infoName = infoNode.name.value;
        if (infoName === '__typename') info.push({ kind: 'literal', key: infoKey, value: infoType.name });
        else if (infoName === 'hasNextPage' || infoName === 'hasPreviousPage' || infoName === 'startCursor' || infoName === 'endCursor') info.push({ kind: infoName, key: infoKey });
        else no(`pageInfo field ${infoName}`);
      }
      parts.push({ kind: 'pageInfo', key, info });
    } else no(`connection field ${name}`);
  }
  return { model, field, node, orderBy, parts };
}

/** The plan of an operation, or null when any part of it is not compilable. */
export function compileOperation(
  schema: GraphQLSchema,
  models: DataModel,
  document: DocumentNode,
  operationName?: string | null,
  onReason?: (reason: string) => void,
): CompiledOperation | null {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  // One operation per document: the cost check (plugin-complexity's complexityFromQuery) reads the first.
  if (operations.length !== 1) return null;
  const operation = operations[0]!;
  if (operation.operation !== 'query' || (operationName && operation.name?.value !== operationName)) return null;
  if (operation.directives?.length) return null;
  const env: Env = {
    schema,
    models,
    fragments: new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d])),
  };
  const queryType = schema.getQueryType();
  if (!queryType) return null;
  try {
    assertUnguarded(queryType);
    const roots: Root[] = [];
    const fields = queryType.getFields();
    for (const [key, node] of collect(env, operation.selectionSet, queryType)) {
      const name = node.name.value;
      if (name === '__typename') {
        roots.push({ kind: 'literal', key, value: queryType.name });
        continue;
      }
      const field = fields[name] ?? no('unknown field');
      assertUnguarded(field);
      const declared = extensionsOf(field).compiledSql as CompiledSql | undefined;
      const named = getNamedType(field.type);
      if (declared?.kind === 'rootConnection') {
        if (!isObjectType(named)) no('connection type');
        const model = models.model(declared.model);
        roots.push({ kind: 'rootConnection', key, sql: declared, conn: connectionOf(env, named as GraphQLObjectType, model, field, node, undefined) });
      } else if (declared?.kind === 'rootUnique') {
        if (!isObjectType(named)) no('object type');
        const model = models.model(declared.model);
        if (modelOfType(env, named as GraphQLObjectType).name !== model.name) no('root model');
        roots.push({ kind: 'rootUnique', key, field, node, sql: declared, model, selections: selectionsOf(env, named as GraphQLObjectType, node.selectionSet) });
      } else if (declared?.kind === 'rootNode') {
        roots.push({ kind: 'rootNode', key, field, node, sql: declared, byType: new Map(), env });
      } else no(`root field ${name}`);
    }
    return { roots, operation };
  } catch (error) {
    if (error instanceof NotCompilable) {
      onReason?.(error.message);
      return null;
    }
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Rendering, per request.

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

class Builder implements SqlBuilder {
  readonly values: unknown[];
  readonly account = '$1';
  private aliases = 0;
  constructor(accountId: string) {
    this.values = [accountId];
  }
  param(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
  row(model: ModelInfo): SqlRow {
    const alias = `t${++this.aliases}`;
    return { alias, column: (field) => `${alias}.${quote(model.scalar(field).column)}` };
  }
}

interface RenderEnv {
  sql: Builder;
  variables: Record<string, unknown>;
  viewer: SqlViewer;
}

const DATETIME = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

function leafSql(leaf: Leaf, row: SqlRow): string {
  switch (leaf.kind) {
    case 'literal':
      return `${literal(leaf.value)}::text`;
    case 'column':
      return leaf.datetime ? `to_char(${row.column(leaf.field)} AT TIME ZONE 'UTC', ${DATETIME})` : row.column(leaf.field);
    case 'globalId':
      // plugin-relay's global id: base64("Typename:id"); PostgreSQL's base64 breaks lines at 76.
      return `translate(encode(convert_to(${literal(`${leaf.typename}:`)} || ${row.column(leaf.field)}::text, 'UTF8'), 'base64'), E'\\n', '')`;
    case 'computed':
      return `(${leaf.sql.value(row)})`;
  }
}

function objectSql(env: RenderEnv, selections: Sel[], row: SqlRow): string {
  const parts = selections.map((sel) => `${literal(sel.key)}, ${selSql(env, sel, row)}`);
  return `json_build_object(${parts.join(', ')})`;
}

function selSql(env: RenderEnv, sel: Sel, row: SqlRow): string {
  switch (sel.kind) {
    case 'relation': {
      const child = env.sql.row(sel.model);
      return `(SELECT ${objectSql(env, sel.selections, child)} FROM ${quote(sel.model.table)} ${child.alias} WHERE ${child.column(sel.childKey)} = ${row.column(sel.parentKey)})`;
    }
    case 'computedObject': {
      const child = env.sql.row(sel.model);
      return `(SELECT ${objectSql(env, sel.selections, child)} FROM ${quote(sel.model.table)} ${child.alias} WHERE ${sel.sql.join(row, child, env.sql)} LIMIT 1)`;
    }
    case 'connection':
      return connectionSql(env, sel.conn, sel.conn.orderBy, (child) => `${child.column(sel.childKey)} = ${row.column(sel.parentKey)}`);
    default:
      return leafSql(sel, row);
  }
}

class Fallback extends Error {}
const fallback = (why: string): never => {
  throw new Fallback(why);
};

/** orderBy entries as columns; only one direction, non-null columns, and the id last. */
function orderColumns(model: ModelInfo, orderBy: PrismaOrderBy | undefined): { fields: string[]; direction: 'asc' | 'desc' } {
  const entries = Array.isArray(orderBy) ? orderBy : orderBy ? [orderBy] : [];
  const fields: string[] = [];
  let direction: 'asc' | 'desc' | undefined;
  for (const entry of entries) {
    for (const [field, dir] of Object.entries(entry)) {
      if (dir !== 'asc' && dir !== 'desc') fallback('order');
      if (direction && dir !== direction) fallback('mixed order');
      direction = dir as 'asc' | 'desc';
      const column = model.scalar(field);
      if (!column.isRequired || column.isList) fallback('nullable order column');
      fields.push(field);
    }
  }
  if (fields.at(-1) !== model.idField) fallback('order without the id last');
  return { fields, direction: direction ?? 'asc' };
}

function pageArgs(env: RenderEnv, conn: Connection): { first: number; after: string | null } {
  const args = getArgumentValues(conn.field, conn.node, env.variables);
  if (args.last != null || args.before != null) fallback('backward page');
  const first = args.first ?? DEFAULT_PAGE;
  if (typeof first !== 'number' || !Number.isInteger(first) || first < 0 || first > MAX_PAGE) fallback('page size');
  let after: string | null = null;
  if (args.after != null) {
    let id: unknown;
    try {
      id = parsePrismaCursor(args.after);
    } catch {
      fallback('cursor');
    }
    if (typeof id !== 'string' || !UUID.test(id)) fallback('cursor value');
    after = id as string;
  }
  return { first: first as number, after };
}

function connectionSql(env: RenderEnv, conn: Connection, orderBy: PrismaOrderBy | undefined, where: (row: SqlRow) => string): string {
  const { first, after } = pageArgs(env, conn);
  const { model } = conn;
  const { fields, direction } = orderColumns(model, orderBy);
  const row = env.sql.row(model);
  const order = fields.map((f) => `${row.column(f)} ${direction.toUpperCase()}`).join(', ');
  let condition = where(row);
  if (after !== null) {
    const cursorRow = env.sql.row(model);
    condition += ` AND (${fields.map((f) => row.column(f)).join(', ')}) ${direction === 'asc' ? '>' : '<'} (SELECT ${fields.map((f) => cursorRow.column(f)).join(', ')} FROM ${quote(model.table)} ${cursorRow.alias} WHERE ${cursorRow.column(model.idField)} = ${env.sql.param(after)})`;
  }
  const cursor = `translate(encode(convert_to('GPC:S:' || ${row.column(model.idField)}::text, 'UTF8'), 'base64'), E'\\n', '')`;
  const inPage = `FILTER (WHERE ${row.alias}.__n <= ${first})`;
  const parts: string[] = [];
  for (const part of conn.parts) {
    let value: string;
    if (part.kind === 'literal') value = `${literal(part.value)}::text`;
    else if (part.kind === 'totalCount') {
      const countRow = env.sql.row(model);
      value = `(SELECT count(*)::int FROM ${quote(model.table)} ${countRow.alias} WHERE ${where(countRow)})`;
    } else if (part.kind === 'edges') {
      const edge = part.edge.map((e) => {
        if (e.kind === 'literal') return `${literal(e.key)}, ${literal(e.value)}::text`;
        if (e.kind === 'cursor') return `${literal(e.key)}, ${cursor}`;
        return `${literal(e.key)}, ${objectSql(env, e.selections, row)}`;
      });
      value = `COALESCE(json_agg(json_build_object(${edge.join(', ')}) ORDER BY ${row.alias}.__n) ${inPage}, '[]'::json)`;
    } else {
      const info = part.info.map((i) => {
        const v =
          i.kind === 'literal'
            ? `${literal(i.value!)}::text`
            : i.kind === 'hasNextPage'
              ? `count(*) > ${first}`
              : i.kind === 'hasPreviousPage'
                ? after !== null
                  ? 'true'
                  : 'false'
                : `(array_agg(${cursor} ORDER BY ${row.alias}.__n ${i.kind === 'startCursor' ? 'ASC' : 'DESC'}) ${inPage})[1]`;
        return `${literal(i.key)}, ${v}`;
      });
      value = `json_build_object(${info.join(', ')})`;
    }
    parts.push(`${literal(part.key)}, ${value}`);
  }
  // The page plus one row (hasNextPage), numbered in order; GROUP BY () answers one row for an
  // empty page too, whatever is selected.
  return (
    `(SELECT json_build_object(${parts.join(', ')}) FROM (SELECT ${row.alias}.*, row_number() OVER (ORDER BY ${order}) AS __n ` +
    `FROM ${quote(model.table)} ${row.alias} WHERE ${condition} ORDER BY ${order} LIMIT ${first + 1}) ${row.alias} GROUP BY ())`
  );
}

/** The account filter, in one place: every root row belongs to the viewer's account. */
function accountCondition(model: ModelInfo, row: SqlRow, sql: SqlBuilder): string {
  return model.name === 'Account' ? `${row.column(model.idField)} = ${sql.account}` : `${row.column('accountId')} = ${sql.account}`;
}

/** A node's selection for one concrete type, compiled the first time a request names it. */
function nodeShape(root: Extract<Root, { kind: 'rootNode' }>, typename: string): { model: ModelInfo; selections: Sel[] } | null {
  if (root.byType.has(typename)) return root.byType.get(typename)!;
  let shape: { model: ModelInfo; selections: Sel[] } | null = null;
  const type = root.env.schema.getType(typename);
  if (isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Node')) {
    try {
      shape = { model: modelOfType(root.env, type), selections: selectionsOf(root.env, type, root.node.selectionSet) };
    } catch (error) {
      if (!(error instanceof NotCompilable)) throw error;
    }
  }
  root.byType.set(typename, shape);
  return shape;
}

export interface Statement {
  text: string;
  values: unknown[];
}

/**
 * The answer of a plan that reads nothing (`{ __typename }`, aliased or repeated): known from
 * the schema alone, so no statement runs; undefined when the plan reads the database.
 */
export function constantData(plan: CompiledOperation): Record<string, string> | undefined {
  if (!plan.roots.every((root) => root.kind === 'literal')) return undefined;
  return Object.fromEntries(plan.roots.map((root) => [root.key, (root as { value: string }).value]));
}

/** The statement for one request, or null: then the resolver path answers. */
export function renderStatement(
  schema: GraphQLSchema,
  plan: CompiledOperation,
  rawVariables: Record<string, unknown>,
  viewer: SqlViewer,
  onReason?: (reason: string) => void,
): Statement | null {
  // Coerced as the executor would (enum values, defaults); invalid ones go the executor's way.
  const coerced = getVariableValues(schema, plan.operation.variableDefinitions ?? [], rawVariables);
  if (coerced.errors) return null;
  const variables = coerced.coerced;
  const sql = new Builder(viewer.accountId);
  const env: RenderEnv = { sql, variables, viewer };
  try {
    const parts = plan.roots.map((root) => {
      let value: string;
      if (root.kind === 'literal') value = `${literal(root.value)}::text`;
      else if (root.kind === 'rootConnection') {
        const args = getArgumentValues(root.conn.field, root.conn.node, variables);
        let where: Record<string, unknown>;
        let orderBy: PrismaOrderBy;
        try {
          where = root.sql.where(args, viewer);
          orderBy = root.sql.orderBy(args);
        } catch {
          return fallback('root arguments');
        }
        const model = root.conn.model;
        value = connectionSql(env, root.conn, orderBy, (row) => `${accountCondition(model, row, sql)} AND ${whereSql(model, where, row, sql) ?? fallback('where')}`);
      } else if (root.kind === 'rootNode') {
        const args = getArgumentValues(root.field, root.node, variables);
        let typename: string;
        let id: string;
        try {
          ({ typename, id } = decodeParleyId(String(args.id)));
        } catch {
          return fallback('node id');
        }
        const shape = nodeShape(root, typename);
        if (!shape) return fallback(`node of type ${typename}`);
        const row = sql.row(shape.model);
        const idParam = sql.param(id);
        const target = root.sql.idSql?.(typename, idParam, sql) ?? idParam;
        value = `(SELECT ${objectSql(env, shape.selections, row)} FROM ${quote(shape.model.table)} ${row.alias} WHERE ${row.column(shape.model.idField)} = ${target} AND ${accountCondition(shape.model, row, sql)})`;
      } else {
        const args = getArgumentValues(root.field, root.node, variables);
        let id: string;
        try {
          id = root.sql.id(args);
        } catch {
          return fallback('root id');
        }
        if (!UUID.test(id)) fallback('id');
        const row = sql.row(root.model);
        const idParam = sql.param(id);
        const target = root.sql.idSql ? root.sql.idSql(idParam, sql) : idParam;
        value = `(SELECT ${objectSql(env, root.selections, row)} FROM ${quote(root.model.table)} ${row.alias} WHERE ${row.column(root.model.idField)} = ${target} AND ${accountCondition(root.model, row, sql)})`;
      }
      return `${literal(root.key)}, ${value}`;
    });
    return { text: `SELECT json_build_object(${parts.join(', ')}) AS data`, values: sql.values };
  } catch (error) {
    if (error instanceof Fallback || error instanceof NotCompilable) {
      onReason?.(error.message);
      return null;
    }
    throw error;
  }
}
