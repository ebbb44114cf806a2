// Exports for test/domain-shape.test.ts to reject: one of each shape a use case must not have,
// beside two it must accept.
import type { DomainContext, UnscopedContext } from '../../src/domain/use-case-context.js';

export async function fine(_ctx: DomainContext, _input: { conversationId: string }): Promise<void> {}
export const fineForSystemCallers = async (_ctx: UnscopedContext, _input: { limit?: number } = {}): Promise<void> => {};
export async function takesServices(_services: { services: unknown }, _input: { id: string }): Promise<void> {}
export async function takesAnId(_ctx: DomainContext, _conversationId: string): Promise<void> {}
export async function takesOptions(_ctx: DomainContext, _input: { id: string }, _options: { fast: boolean }): Promise<void> {}
export const LIMIT = 10;
