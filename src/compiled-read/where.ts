// A Prisma where clause as SQL, for the few shapes a compiled root uses: AND / NOT, equality,
// not, in, notIn and comparisons on the model's own columns. Anything else (relation filters,
// text search, OR) answers undefined and the operation takes the resolver path.
import type { SqlBuilder, SqlRow } from './annotations.js';
import type { ModelInfo } from './data-model.js';

const COMPARISONS: Record<string, string> = { lt: '<', lte: '<=', gt: '>', gte: '>=' };

const plain = (value: unknown): boolean =>
  value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date;

const bindable = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

export function whereSql(model: ModelInfo, where: Record<string, unknown> | undefined, row: SqlRow, sql: SqlBuilder): string | undefined {
  if (!where) return 'true';
  const parts: string[] = [];
  for (const [key, condition] of Object.entries(where)) {
    if (condition === undefined) continue;
    if (key === 'AND') {
      const list = Array.isArray(condition) ? condition : [condition];
      for (const item of list) {
        const part = whereSql(model, item as Record<string, unknown>, row, sql);
        if (part === undefined) return undefined;
        parts.push(part);
      }
      continue;
    }
    if (key === 'NOT') {
      const list = Array.isArray(condition) ? condition : [condition];
      for (const item of list) {
        const part = whereSql(model, item as Record<string, unknown>, row, sql);
        if (part === undefined) return undefined;
        parts.push(`NOT (${part})`);
      }
      continue;
    }
    let column: string;
    let isList: boolean;
    let isRequired: boolean;
    try {
      const info = model.scalar(key);
      column = row.column(key);
      isList = info.isList;
      isRequired = info.isRequired;
    } catch {
      return undefined;
    }
    if (isList) return undefined;
    if (plain(condition)) {
      parts.push(condition === null ? `${column} IS NULL` : `${column} = ${sql.param(bindable(condition))}`);
      continue;
    }
    if (typeof condition !== 'object' || condition === null || Array.isArray(condition)) return undefined;
    for (const [op, value] of Object.entries(condition)) {
      if (value === undefined) continue;
      // How Prisma treats NULL under a negation is its own business: not compiled.
      if ((op === 'not' || op === 'notIn') && !isRequired) return undefined;
      if (op === 'equals' && plain(value)) parts.push(value === null ? `${column} IS NULL` : `${column} = ${sql.param(bindable(value))}`);
      else if (op === 'not' && plain(value)) parts.push(value === null ? `${column} IS NOT NULL` : `${column} <> ${sql.param(bindable(value))}`);
      else if ((op === 'in' || op === 'notIn') && Array.isArray(value) && value.every((v) => plain(v) && v !== null)) {
        if (value.length === 0) parts.push(op === 'in' ? 'false' : 'true');
        else parts.push(`${op === 'notIn' ? 'NOT ' : ''}(${column} = ANY(${sql.param(value.map(bindable))}))`);
      } else if (COMPARISONS[op] && plain(value) && value !== null) parts.push(`${column} ${COMPARISONS[op]} ${sql.param(bindable(value))}`);
      else return undefined;
    }
  }
  return parts.length === 0 ? 'true' : parts.map((p) => `(${p})`).join(' AND ');
}
