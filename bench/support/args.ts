// Command-line options of the benches, parsed by node:util parseArgs. Strict: an unknown or
// misspelt option stops the run with its name instead of being silently ignored.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export function benchOptions<const O extends NonNullable<ParseArgsConfig['options']>>(options: O) {
  return parseArgs({ options, strict: true, allowPositionals: false }).values;
}

/** A numeric option's value; anything but a finite number stops the run with a clear message. */
export function numberOption(name: string, value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number)) throw new Error(`--${name} must be a number, not "${value}"`);
  return number;
}
