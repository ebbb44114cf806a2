// Property-based: random and malformed inputs at every mutation. Whatever comes in, the API
// answers with data or typed errors (never an internal error), and an input it refuses
// leaves the database exactly as it was.
import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../src/schema/index.js';
import { createTestApp, type TestApp } from './support/app.js';
import { createConversation, createLead, gid } from './support/factories.js';
import { snapshotDatabase } from './support/snapshot.js';

let app: TestApp;
const ids: string[] = [];

beforeAll(async () => {
  app = await createTestApp();
  const { prisma, devAccountId } = app.services;
  const lead = await createLead(prisma, devAccountId);
  const conversation = await createConversation(prisma, devAccountId, lead.id, {
    status: 'NEEDS_REVIEW',
    messages: [{ direction: 'INBOUND', at: new Date('2026-11-20T10:00:00Z') }],
    suggestions: [{ status: 'PENDING', confidence: 0.7, at: new Date('2026-11-20T10:01:00Z') }],
  });
  const suggestion = await prisma.aISuggestion.findFirstOrThrow();
  const user = await prisma.user.findFirstOrThrow();
  const template = await prisma.emailTemplate.create({ data: { accountId: devAccountId, name: 'Fuzzed', subject: 'Hi {{lead.firstName}}', body: 'Hello' } });
  ids.push(
    gid('EmailTemplate', template.id),
    gid('Conversation', conversation.id),
    gid('AISuggestion', suggestion.id),
    gid('Lead', lead.id),
    gid('User', user.id),
    gid('ConversationMessage', conversation.lastMessageId!),
    gid('Conversation', '00000000-0000-4000-8000-000000000000'),
  );
});
afterAll(() => app?.close());

/**
 * Text PostgreSQL cannot store (NUL, lone surrogates) or that trips naive text handling
 * (right-to-left overrides, zalgo stacks of combining marks), mixed into ordinary words.
 */
const hostileUnit = fc.constantFrom('\u0000', '\uD800', '\uDFFF', '\uDBFF\u0041', '\u202E', '\u200F', 'مرحبا', 'שלום', 'Z\u0336\u0335\u0334\u0489\u0358\u035C\u0361\u0322', '\u0301'.repeat(50), '😀', 'e\u0301');
const hostileText = fc.array(fc.oneof(hostileUnit, fc.string({ maxLength: 8 })), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));

/** Values for an input type: mostly well-typed (so resolvers run), often hostile. */
function arbitraryFor(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return arbitraryFor(type.ofType, depth);
  const nullable = (arb: fc.Arbitrary<unknown>) => fc.oneof({ weight: 5, arbitrary: arb }, { weight: 1, arbitrary: fc.constant(null) });
  if (isListType(type)) return nullable(fc.array(arbitraryFor(type.ofType, depth + 1), { maxLength: 3 }));
  const named = getNamedType(type);
  if (isEnumType(named)) return nullable(fc.constantFrom(...named.getValues().map((v) => v.name)));
  if (isInputObjectType(named)) {
    if (depth > 2) return fc.constant(null);
    const fields = Object.values(named.getFields());
    return nullable(fc.record(Object.fromEntries(fields.map((f) => [f.name, arbitraryFor(f.type, depth + 1)])), { requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name) }));
  }
  if (isScalarType(named)) {
    switch (named.name) {
      case 'ID':
        return fc.oneof(fc.constantFrom(...ids), fc.string(), fc.base64String(), fc.constant(''));
      case 'Int':
        return fc.oneof(fc.integer({ min: -5, max: 200 }), fc.constant(2 ** 31 - 1));
      case 'Float':
        return fc.oneof(fc.double({ noNaN: true }), fc.constantFrom(-1, 0, 0.5, 1, 2));
      case 'Boolean':
        return fc.boolean();
      case 'DateTime':
        return fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string());
      default:
        return fc.oneof(
          fc.string({ maxLength: 40 }),
          hostileText,
          fc.constantFrom('', '   ', 'x'.repeat(100_001), 'a@b.example', 'not an email', '<script>alert(1)</script>', "'; DROP TABLE leads; --", '\u0000\uFFFF'),
          fc.string({ unit: 'grapheme', maxLength: 30 }),
        );
    }
  }
  return fc.constant(null);
}

const snapshot = () => snapshotDatabase(app.services.prisma);

const mutationFields = Object.values(schema.getMutationType()!.getFields());

describe('every mutation under random input', () => {
  for (const field of mutationFields) {
    it(`${field.name}: typed answers only, and no partial writes when refused`, async () => {
      const inputArg = field.args.find((a) => a.name === 'input')!;
      const query = `mutation ($input: ${inputArg.type.toString()}) { result: ${field.name}(input: $input) { __typename ... on Error { code message } } }`;
      await fc.assert(
        fc.asyncProperty(arbitraryFor(inputArg.type), async (input) => {
          const before = await snapshot();
          const response = await app.executeRaw(query, { input });
          const text = JSON.stringify(response);
          expect(text).not.toContain('INTERNAL_SERVER_ERROR');
          expect(text).not.toContain('Unexpected error');
          const result = response.data?.result as { __typename: string; code?: string } | undefined;
          // Refused: a typed error result, or a request-level error (bad variables).
          if (!result || result.code) expect(await snapshot()).toBe(before);
        }),
        { numRuns: 25, seed: 20261124 },
      );
    });
  }
});

const queryFields = Object.values(schema.getQueryType()!.getFields()).filter((field) => field.args.length > 0);

describe('every query argument and filter under hostile text', () => {
  for (const field of queryFields) {
    it(`${field.name}: data or typed errors, never an internal error`, async () => {
      const definitions = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
      const call = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
      const selection = isScalarType(getNamedType(field.type)) || isEnumType(getNamedType(field.type)) ? '' : ' { __typename }';
      const query = `query (${definitions}) { result: ${field.name}(${call})${selection} }`;
      const argsArbitrary = fc.record(Object.fromEntries(field.args.map((a) => [a.name, arbitraryFor(a.type)])), {
        requiredKeys: field.args.filter((a) => isNonNullType(a.type)).map((a) => a.name),
      });
      await fc.assert(
        fc.asyncProperty(argsArbitrary, async (variables) => {
          const text = JSON.stringify(await app.executeRaw(query, variables as Record<string, unknown>));
          expect(text).not.toContain('INTERNAL_SERVER_ERROR');
          expect(text).not.toContain('Unexpected error');
        }),
        { numRuns: 25, seed: 20261130 },
      );
    });
  }

  it('names the offending field: NUL and lone surrogates are VALIDATION_FAILED with its path', async () => {
    const response = await app.executeRaw('query ($action: String) { auditLog(action: $action) { edges { cursor } } }', { action: 'ok\u0000' });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: ['variables', 'action'] }] });
    const literal = await app.executeRaw('{ conversations(filter: { search: "x\\u0000" }) { totalCount } }');
    expect(literal.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: ['conversations', 'filter', 'search'] }] });
  });
});
