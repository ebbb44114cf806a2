// `npm run schema:print`: write schema.graphql from the Pothos builder (sorted).
import { writeFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { schema } from './index.js';

export const schemaFile = new URL('../../schema.graphql', import.meta.url);
export const printedSchema = () => `${printSchema(schema)}\n`;

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(schemaFile, printedSchema());
  console.log('schema.graphql written');
}
