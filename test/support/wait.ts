// Waiting for a state in tests: the one place a test looks at a condition again and again.

/**
 * Resolves once `condition` holds. A state awaited, not a delay: nothing bounds it but the
 * test's timeout (a count of polls would be a hidden time limit that a loaded machine can hit),
 * and the pause between looks only spares the CPU, nothing depends on its length.
 */
export async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}
