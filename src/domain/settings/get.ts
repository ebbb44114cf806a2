import type { DomainContext } from '../use-case-context.js';
import { readSettings, type ResolvedSettings } from './read.js';

/** The viewer's account's settings, defaults filled in. */
export async function getAccountSettings(ctx: DomainContext, _input: Record<string, never> = {}): Promise<ResolvedSettings> {
  return readSettings(ctx);
}
