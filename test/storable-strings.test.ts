// The storable-strings check remembers a document's literal issues (it walks each document
// once); what a request's variables carry is checked every time, never remembered.
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { unstorableStringIssues } from '../src/limits/storable-strings.js';

describe('unstorableStringIssues', () => {
  it('finds literal issues on every call for the same document, and variable issues only for the call that has them', () => {
    const document = parse(`mutation { a: sendReply(input: { conversationId: "x", text: "nul \\u0000 here" }) { __typename } }`);
    const literal = { path: ['a', 'input', 'text'], message: 'must not contain NUL characters' };
    expect(unstorableStringIssues(document, {})).toEqual([literal]);
    expect(unstorableStringIssues(document, { body: 'lone \ud800' })).toEqual([
      { path: ['variables', 'body'], message: 'must be valid Unicode (it contains a lone surrogate)' },
      literal,
    ]);
    expect(unstorableStringIssues(document, { body: 'fine' })).toEqual([literal]);
    const clean = parse(`query ($q: String) { viewer { role } }`);
    expect(unstorableStringIssues(clean, { q: 'a\u0000b' })).toEqual([{ path: ['variables', 'q'], message: 'must not contain NUL characters' }]);
    expect(unstorableStringIssues(clean, { q: 'ab' })).toEqual([]);
  });

  it('reports at most 20 issues, variables first', () => {
    const document = parse(`{ ${Array.from({ length: 15 }, (_, i) => `f${i}: viewer(x: "\\u0000") { role }`).join(' ')} }`);
    const variables = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`v${i}`, '\u0000']));
    const issues = unstorableStringIssues(document, variables);
    expect(issues).toHaveLength(20);
    expect(issues.slice(0, 10).every((issue) => issue.path[0] === 'variables')).toBe(true);
    expect(unstorableStringIssues(document, {})).toHaveLength(15);
  });
});
