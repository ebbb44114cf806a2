// npx tsx eval/realistic/build.ts — writes eval/realistic-tuning.jsonl and
// eval/realistic-holdout.jsonl from the hand-written replies and the mail-client shapes.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HOLDOUT } from './holdout.js';
import { wrap } from './shapes.js';
import { TUNING, type Entry } from './tuning.js';

function lines(entries: Entry[]): string {
  return entries
    .map(([language, intent, shape, words, explicit], i) =>
      JSON.stringify({
        text: wrap(words, language, shape, i),
        intent,
        language,
        shape,
        ...(intent === 'UNSUBSCRIBE' ? { explicitUnsubscribe: explicit !== false } : {}),
      }),
    )
    .join('\n');
}

for (const [name, entries] of [['realistic-tuning', TUNING], ['realistic-holdout', HOLDOUT]] as const) {
  writeFileSync(fileURLToPath(new URL(`../${name}.jsonl`, import.meta.url)), `${lines(entries)}\n`);
  console.log(`${name}.jsonl: ${entries.length} lines`);
}
