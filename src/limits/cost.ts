// What a query costs, counted on what is expensive, before anything runs: list sizes (a
// connection's `first`/`last` multiplies what is selected under it) and email bodies (a
// body can be megabytes, so it weighs as much as a hundred ordinary fields). Two limits, both
// documented in the README: the total cost (@pothos/plugin-complexity), and how many body
// fields one operation may name, which catches ten aliases of one 5 MiB body that a
// per-field weight alone would let through. Both apply to subscriptions too: each subscriber
// gets its own copy of every event's payload.
import { GraphQLError, isListType, isNonNullType, Kind, type ASTVisitor, type FragmentDefinitionNode, type GraphQLOutputType, type SelectionSetNode, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export const COST_LIMITS = {
  /** Total cost of one operation. */
  maxCost: 10_000,
  /** Weight of one body field (textBody, htmlBody, htmlBodyUntrusted, strippedText, body, editedBody). */
  bodyFieldCost: 100,
  /** Body fields one operation may select, counting aliases and fragment repeats. */
  maxBodyFields: 8,
  /** Multiplier of an object list without a page size. */
  listMultiplier: 10,
} as const;

/** Fields that carry an email or draft body, by name on any type. */
export const BODY_FIELDS = new Set(['textBody', 'htmlBody', 'htmlBodyUntrusted', 'strippedText', 'body', 'editedBody']);

const PAGE_DEFAULT = 20;

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/** Cost of one field, for @pothos/plugin-complexity's fieldComplexity. */
export function fieldCost(args: Record<string, unknown>, field: { name: string; type: GraphQLOutputType }): { field: number; multiplier: number } {
  if (BODY_FIELDS.has(field.name)) return { field: COST_LIMITS.bodyFieldCost, multiplier: 1 };
  const pageSize = args.first ?? args.last;
  // A connection: what is selected under it is paid once per item of the page.
  if ('first' in args || 'last' in args || typeof pageSize === 'number') {
    return { field: 1, multiplier: typeof pageSize === 'number' ? Math.max(1, pageSize) : PAGE_DEFAULT };
  }
  // A connection's edges are already paid for by its page size.
  if (field.name === 'edges' || field.name === 'nodes') return { field: 1, multiplier: 1 };
  return { field: 1, multiplier: isList(field.type) ? COST_LIMITS.listMultiplier : 1 };
}

type Measure = 'complexity' | 'depth' | 'breadth';

export function costError(
  kind: string,
  result: Record<Measure, number> & { maxComplexity?: number; maxDepth?: number; maxBreadth?: number },
): GraphQLError {
  const measure = kind.toLowerCase() as Measure;
  const limit = { complexity: result.maxComplexity, depth: result.maxDepth, breadth: result.maxBreadth }[measure];
  return new GraphQLError(
    `The query is too expensive: its ${measure} is ${result[measure]}, over the limit of ${limit}. Ask for smaller pages (first) or fewer bodies.`,
    { extensions: { code: 'QUERY_TOO_EXPENSIVE', kind: measure, cost: result[measure], limit } },
  );
}

function bodyFieldCount(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen: Set<string>): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (BODY_FIELDS.has(selection.name.value)) count++;
      if (selection.selectionSet) count += bodyFieldCount(selection.selectionSet, fragments, seen);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      count += bodyFieldCount(selection.selectionSet, fragments, seen);
    } else {
      const fragment = fragments.get(selection.name.value);
      // A fragment that spreads itself is refused by validation already; do not loop on it.
      if (!fragment || seen.has(fragment.name.value)) continue;
      seen.add(fragment.name.value);
      count += bodyFieldCount(fragment.selectionSet, fragments, seen);
      seen.delete(fragment.name.value);
    }
    if (count > COST_LIMITS.maxBodyFields) return count;
  }
  return count;
}

function MaxBodyFieldsRule(context: ValidationContext): ASTVisitor {
  const fragments = new Map(context.getDocument().definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  return {
    OperationDefinition(operation) {
      const count = bodyFieldCount(operation.selectionSet, fragments, new Set());
      if (count > COST_LIMITS.maxBodyFields) {
        context.reportError(
          new GraphQLError(`The query selects more than ${COST_LIMITS.maxBodyFields} body fields (aliases and fragments count each time); bodies can be megabytes each.`, {
            nodes: [operation],
            extensions: { code: 'QUERY_TOO_EXPENSIVE', kind: 'bodyFields', limit: COST_LIMITS.maxBodyFields },
          }),
        );
      }
    },
  };
}

/** The body-field limit as a validation rule, on every transport. */
export function useBodyFieldLimit(): Plugin {
  return { onValidate: ({ addValidationRule }) => addValidationRule(MaxBodyFieldsRule) };
}
