// Every string a client sends must be storable: PostgreSQL text cannot hold NUL, and UTF-8
// cannot encode a lone UTF-16 surrogate (JSON's "\ud800"). Checked once for the whole
// operation, on the variables and on the literals in the document, before anything runs, so
// no resolver (or database driver) ever sees one: the answer is VALIDATION_FAILED with the
// path of each offending value, on every transport (it runs at execute and subscribe).
// Field-specific rules (lengths, formats) stay with the fields (zod in the schema).
import { GraphQLError, Kind, visit, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';

// A NUL, or a lone surrogate: with the u flag a proper pair is one code point, so only a lone
// half matches the surrogate range.
const unstorable = /\u0000|[\uD800-\uDFFF]/u;

const MAX_ISSUES = 20;

interface Issue {
  path: string[];
  message: string;
}

function problemOf(value: string): string | undefined {
  if (!unstorable.test(value)) return undefined;
  return value.includes('\u0000') ? 'must not contain NUL characters' : 'must be valid Unicode (it contains a lone surrogate)';
}

function checkValue(value: unknown, path: string[], issues: Issue[]): void {
  if (issues.length >= MAX_ISSUES) return;
  if (typeof value === 'string') {
    const problem = problemOf(value);
    if (problem) issues.push({ path, message: problem });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => checkValue(item, [...path, String(index)], issues));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const keyProblem = problemOf(key);
      if (keyProblem) issues.push({ path: [...path, key], message: `field name ${keyProblem}` });
      checkValue(item, [...path, key], issues);
    }
  }
}

/** Literal strings in the document, with the path of fields and arguments that leads to each. */
function checkDocument(document: DocumentNode, issues: Issue[]): void {
  const path: string[] = [];
  visit(document, {
    Field: { enter: (node) => void path.push(node.alias?.value ?? node.name.value), leave: () => void path.pop() },
    Argument: { enter: (node) => void path.push(node.name.value), leave: () => void path.pop() },
    ObjectField: { enter: (node) => void path.push(node.name.value), leave: () => void path.pop() },
    StringValue: (node) => {
      if (issues.length >= MAX_ISSUES) return;
      const problem = problemOf(node.value);
      if (problem) issues.push({ path: [...path], message: problem });
    },
    VariableDefinition: { enter: (node) => void path.push(`$${node.variable.name.value}`), leave: () => void path.pop() },
  });
}

/**
 * A document's literals are checked once: Yoga's parse cache hands every request of the same
 * text the same DocumentNode, and walking it was about 5% of a `{ __typename }` request's CPU.
 */
const documentIssues = new WeakMap<DocumentNode, readonly Issue[]>();

export function unstorableStringIssues(document: DocumentNode, variables: unknown): Issue[] {
  const issues: Issue[] = [];
  checkValue(variables ?? {}, ['variables'], issues);
  let literal = documentIssues.get(document);
  if (!literal) {
    const found: Issue[] = [];
    checkDocument(document, found);
    documentIssues.set(document, (literal = found));
  }
  if (literal.length === 0) return issues;
  return [...issues, ...literal].slice(0, MAX_ISSUES);
}

function refusal(issues: Issue[]): GraphQLError {
  const text = issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  return new GraphQLError(`Invalid input: ${text}`, { extensions: { code: 'VALIDATION_FAILED', issues } });
}

export function useStorableStrings(): Plugin {
  const check = ({ args, setResultAndStopExecution }: { args: { document: DocumentNode; variableValues?: unknown }; setResultAndStopExecution: (result: never) => void }) => {
    if (args.document.kind !== Kind.DOCUMENT) return;
    const issues = unstorableStringIssues(args.document, args.variableValues);
    if (issues.length > 0) setResultAndStopExecution({ errors: [refusal(issues)] } as never);
  };
  return { onExecute: check, onSubscribe: check } as Plugin;
}
