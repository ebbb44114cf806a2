// Prisma's data model as the compiler needs it: table and column names, relations' keys,
// enum values. Read from the generated client (its runtime data model holds the @map/@@map
// names) and plugin-prisma's data model (relations, nullability): nothing is restated here.
import * as dbEnums from '../db/enums.js';
import { getDatamodel } from '../db/pothos-types.js';

/** Thrown while compiling: the operation takes the resolver path. */
export class NotCompilable extends Error {}

export interface ScalarInfo {
  column: string;
  /** Prisma's type: String, Int, Float, Boolean, DateTime, Json, an enum's name... */
  type: string;
  kind: 'scalar' | 'enum';
  isList: boolean;
  isRequired: boolean;
}

export interface RelationInfo {
  target: ModelInfo;
  /** Prisma field on the target row matched against parentKey on the parent row. */
  childKey: string;
  parentKey: string;
}

export interface ModelInfo {
  name: string;
  table: string;
  idField: string;
  scalar(field: string): ScalarInfo;
  relation(field: string): RelationInfo;
}

export interface DataModel {
  model(name: string): ModelInfo;
  /** The values of a database enum, by its Prisma name; undefined when unknown. */
  enumValues(name: string): string[] | undefined;
}

interface PothosField {
  name: string;
  kind: string;
  type: string;
  isRequired: boolean;
  isList: boolean;
  isId: boolean;
  relationName?: string;
  relationFromFields?: string[];
}

interface RuntimeModel {
  dbName: string | null;
  fields: { name: string; dbName?: string | null }[];
}

/**
 * The data model from a Prisma client. Its runtime data model is an internal of the generated
 * client (`_runtimeDataModel`); when a Prisma upgrade moves it, every operation simply takes
 * the resolver path (the plugin logs it once).
 */
export function dataModelOf(prisma: unknown): DataModel | undefined {
  const client = prisma as { _runtimeDataModel?: { models?: Record<string, RuntimeModel> }; _engineConfig?: { inlineSchema?: string } };
  const runtime = client._runtimeDataModel?.models;
  const schemaText = client._engineConfig?.inlineSchema;
  if (!runtime || typeof schemaText !== 'string') return undefined;
  /** The `references` of a relation field, read from the Prisma schema the client was generated from. */
  const references = (modelName: string, field: string): string | undefined => {
    const block = new RegExp(`^model ${modelName} \\{([\\s\\S]*?)^\\}`, 'm').exec(schemaText)?.[1];
    const line = block?.split('\n').find((l) => l.trim().split(/\s+/)[0] === field);
    const match = line && /@relation\([^)]*references:\s*\[\s*(\w+)\s*\]/.exec(line);
    return match ? match[1] : undefined;
  };
  const pothos = getDatamodel().datamodel.models as unknown as Record<string, { fields: PothosField[] }>;
  const cache = new Map<string, ModelInfo>();
  const no = (why: string): never => {
    throw new NotCompilable(why);
  };

  function model(name: string): ModelInfo {
    const hit = cache.get(name);
    if (hit) return hit;
    const runtimeModel = runtime![name] ?? no(`model ${name}`);
    const fields = pothos[name]?.fields ?? no(`model ${name}`);
    const byName = new Map(fields.map((f) => [f.name, f]));
    const idField = fields.find((f) => f.isId)?.name ?? no('no id');
    const columns = new Map(runtimeModel.fields.map((f) => [f.name, f.dbName ?? f.name]));
    const info: ModelInfo = {
      name,
      table: runtimeModel.dbName ?? name,
      idField,
      scalar(field) {
        const f = byName.get(field);
        if (!f || (f.kind !== 'scalar' && f.kind !== 'enum')) return no(`${name}.${field} is not a column`);
        return { column: columns.get(field) ?? field, type: f.type, kind: f.kind, isList: f.isList, isRequired: f.isRequired };
      },
      relation(field) {
        const f = byName.get(field);
        if (!f || f.kind !== 'object' || !f.relationName) return no(`${name}.${field} is not a relation`);
        const target = model(f.type);
        const from = f.relationFromFields ?? [];
        if (from.length === 1) {
          if (references(name, field) !== target.idField) return no('relation to a key other than the id');
          return { target, childKey: target.idField, parentKey: from[0]! };
        }
        if (from.length > 0) return no('compound relation');
        // The other side holds the key.
        const back = (pothos[f.type]?.fields ?? []).filter((o) => o.relationName === f.relationName && o !== f && (o.relationFromFields?.length ?? 0) === 1);
        if (back.length !== 1 || references(f.type, back[0]!.name) !== idField) return no('relation key');
        return { target, childKey: back[0]!.relationFromFields![0]!, parentKey: idField };
      },
    };
    cache.set(name, info);
    return info;
  }

  const enums = dbEnums as unknown as Record<string, Record<string, string> | undefined>;
  return {
    model,
    enumValues: (name) => {
      const values = enums[name];
      return values && typeof values === 'object' ? Object.values(values) : undefined;
    },
  };
}
