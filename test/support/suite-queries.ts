// Every query the test suite sends, for the tests that run each one through two paths and
// compare (compiled reads against resolvers, replayed requests against Yoga).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, Kind, type OperationDefinitionNode, type TypeNode } from 'graphql';
import type { PrismaClient } from '../../src/db/client.js';
import { gid } from './factories.js';

/** Files that only collect queries from the others. */
const COLLECTORS = new Set(['compiled-read.test.ts', 'request-replay.test.ts']);

/** Query texts from the codegen documents and from string literals in the test files. */
export function suiteQueries(): string[] {
  const found = new Set<string>();
  const sources = [join('test', 'gql', 'graphql.ts'), ...readdirSync('test').filter((f) => f.endsWith('.test.ts') && !COLLECTORS.has(f)).map((f) => join('test', f))];
  for (const file of sources) {
    const text = readFileSync(file, 'utf8');
    // Template and quoted literals with no interpolation that parse as a query document.
    for (const match of text.matchAll(/`([^`$]*)`|'((?:query|\{)[^'\n]*)'/g)) {
      const candidate = (match[1] ?? match[2] ?? '').replace(/\\n/g, '\n');
      if (!/^\s*(query\b|\{)/.test(candidate)) continue;
      try {
        const document = parse(candidate);
        const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode[];
        if (operations.length === 1 && operations[0]!.operation === 'query') found.add(candidate);
      } catch {
        // not GraphQL
      }
    }
  }
  return [...found];
}

const typeName = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : typeName(type.type));

/** Ids of demo rows, by the kind of id a variable's name asks for. */
export interface DemoIds {
  conversation?: string;
  lead?: string;
  message?: string;
  suggestion?: string;
}

/** The demo's newest thread with a draft: it, its lead, a message and a draft. */
export async function demoIds(prisma: PrismaClient): Promise<Required<DemoIds>> {
  const conversation = await prisma.conversation.findFirstOrThrow({ where: { suggestions: { some: {} } }, orderBy: { lastMessageAt: 'desc' }, select: { id: true, leadId: true } });
  const message = await prisma.conversationMessage.findFirstOrThrow({ where: { conversationId: conversation.id }, select: { id: true } });
  const suggestion = await prisma.aISuggestion.findFirstOrThrow({ where: { conversationId: conversation.id }, select: { id: true } });
  return {
    conversation: gid('Conversation', conversation.id),
    lead: gid('Lead', conversation.leadId),
    message: gid('ConversationMessage', message.id),
    suggestion: gid('AISuggestion', suggestion.id),
  };
}

/** Variables from the demo data, by name and type; undefined when one cannot be supplied. */
export function variablesFor(query: string, ids: DemoIds): Record<string, unknown> | undefined {
  const operation = parse(query).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const variables: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeName(definition.type);
    const required = definition.type.kind === Kind.NON_NULL_TYPE && !definition.defaultValue;
    if (type === 'ID') {
      const lower = name.toLowerCase();
      variables[name] = lower.includes('lead') ? ids.lead : lower.includes('message') ? ids.message : lower.includes('suggestion') ? ids.suggestion : ids.conversation;
    } else if (type === 'Int') variables[name] = 3;
    else if (required) return undefined;
  }
  return variables;
}
