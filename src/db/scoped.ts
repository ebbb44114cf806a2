// Account scoping: the one place that keeps every model query inside the viewer's account.
// Resolvers and domain code get a client from scopeToAccount() and never see another
// account's rows, whatever ids they are handed: every read, update and delete gets
// `accountId` added to its where clause, every create gets it in its data.
// Raw SQL ($queryRaw) is not covered: raw queries take the account id as a parameter and
// are tested for scoping on their own (test/stats.test.ts).
import { LRUCache } from 'lru-cache';
import type { PrismaClient } from './client.js';

type Args = Record<string, unknown> & { where?: Record<string, unknown>; data?: unknown };

const whereScoped = new Set([
  'findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'findMany',
  'count', 'aggregate', 'groupBy', 'update', 'updateMany', 'updateManyAndReturn',
  'delete', 'deleteMany', 'upsert',
]);

function scopeArgs(model: string, operation: string, args: Args, accountId: string): Args {
  // The Account table is the tenant itself: scope it by its id.
  const key = model === 'Account' ? 'id' : 'accountId';
  const scoped: Args = { ...args };
  if (whereScoped.has(operation)) scoped.where = { ...(args.where ?? {}), [key]: accountId };
  if (model === 'Account') {
    if (operation.startsWith('create')) throw new Error('Accounts cannot be created through an account-scoped client');
    return scoped;
  }
  if (operation === 'create') scoped.data = { ...(args.data as object), accountId };
  if (operation === 'createMany' || operation === 'createManyAndReturn') {
    const data = Array.isArray(args.data) ? args.data : [args.data];
    scoped.data = data.map((row) => ({ ...(row as object), accountId }));
  }
  if (operation === 'upsert') scoped.create = { ...(args.create as object), accountId };
  return scoped;
}

export type ScopedClient = PrismaClient;
/** The client inside an interactive transaction of a scoped client. */
export type ScopedTransaction = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$use' | '$extends'>;

// Bounded: one client per account seen recently by this process.
const cache = new WeakMap<PrismaClient, LRUCache<string, ScopedClient>>();

export function scopeToAccount(prisma: PrismaClient, accountId: string): ScopedClient {
  let perAccount = cache.get(prisma);
  if (!perAccount) cache.set(prisma, (perAccount = new LRUCache({ max: 1000 })));
  const hit = perAccount.get(accountId);
  if (hit) return hit;
  const scoped = prisma.$extends({
    name: 'account-scope',
    query: {
      $allModels: {
        $allOperations({ model, operation, args, query }) {
          return query(scopeArgs(model, operation, args as Args, accountId));
        },
      },
    },
  }) as unknown as ScopedClient;
  perAccount.set(accountId, scoped);
  return scoped;
}
