// Time growth of every lead-text function on hostile input (issue 13), moved here from the test
// suite: performance is measured in bench/ as ratios within one run, never asserted in a test.
// Each function is timed on adversarial inputs of n, 4n and 16n characters: each step takes
// about 4x as long for a linear function and 16x for a quadratic one. A shape is reported
// SUPER-LINEAR when BOTH steps grow 8x or more on its best of three measurements (a GC pause or
// another process lands on one step, not on both three times). When the 16n call takes under
// 2 ms the ratio is noise and reported as 1. Exit code 1 when any shape looks super-linear.
// `npx tsx bench/text-linear-time.ts [--only name]`
import { ADVERSARIAL, TEXT_FUNCTIONS, type TextFunction } from '../test/support/text-functions.js';
import { benchOptions } from './support/args.js';

const NOISE_FLOOR_MS = 2;
const ONLY = benchOptions({ only: { type: 'string' } }).only;

/** Best-of-three time per call, repeating each round until it lasts long enough to measure. */
function timePerCall(fn: TextFunction, input: string): number {
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    let calls = 0;
    const started = performance.now();
    let elapsed = 0;
    do {
      fn(input);
      calls++;
      elapsed = performance.now() - started;
    } while (elapsed < 15);
    best = Math.min(best, elapsed / calls);
  }
  return best;
}

let superLinear = 0;
for (const [name, { fn, n }] of Object.entries(TEXT_FUNCTIONS)) {
  if (ONLY && name !== ONLY) continue;
  const ratios: string[] = [];
  for (const [shape, make] of Object.entries(ADVERSARIAL)) {
    fn(make(n)); // warm up the JIT
    const growth = () => {
      const small = timePerCall(fn, make(n));
      const medium = timePerCall(fn, make(4 * n));
      const large = timePerCall(fn, make(16 * n));
      return large < NOISE_FLOOR_MS ? 1 : Math.min(medium / small, large / medium);
    };
    let ratio = growth();
    for (let again = 0; again < 2 && ratio >= 8; again++) ratio = Math.min(ratio, growth());
    if (ratio >= 8) superLinear++;
    ratios.push(`${shape} ${ratio.toFixed(1)}x${ratio >= 8 ? ' SUPER-LINEAR' : ''}`);
  }
  console.log(`${name} (n=${n}): ${ratios.join(', ')}`);
}
console.log(superLinear === 0 ? 'every function grows less than 8x per 4x more input' : `${superLinear} super-linear shape(s)`);
process.exitCode = superLinear === 0 ? 0 : 1;
