// clients/possible-types.json (what Apollo Client and urql need for `... on Error` and the
// unions) matches the schema: `npm run codegen` rewrites it when the schema changes.
import { readFileSync } from 'node:fs';
import { isAbstractType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/schema/index.js';

describe('clients/possible-types.json', () => {
  it('lists every union and interface with its members, as the schema has them', () => {
    const file = JSON.parse(readFileSync(new URL('../clients/possible-types.json', import.meta.url), 'utf8')) as {
      possibleTypes: Record<string, string[]>;
    };
    const expected = Object.fromEntries(
      Object.values(schema.getTypeMap())
        .filter((type) => isAbstractType(type) && !type.name.startsWith('__'))
        .map((type) => [type.name, schema.getPossibleTypes(type as never).map((t) => t.name).sort()]),
    );
    const actual = Object.fromEntries(Object.entries(file.possibleTypes).map(([name, members]) => [name, [...members].sort()]));
    expect(actual).toEqual(expected);
    expect(expected.Error?.length).toBeGreaterThan(3);
  });
});
