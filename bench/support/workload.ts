// What the read benchmarks send, and the environment every benchmark's Parley server runs in,
// shared by bench/http.ts and bench/soak.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { BENCH_ACCOUNT, benchDatabaseUrl } from '../generate.js';

export const LIST_QUERY = `query { conversations(first: 20) { edges { node { id subject status lastMessageAt hasPendingSuggestion
  lead { name email company } lastMessage { direction textBody sentAt receivedAt } } } } }`;
export const THREAD_QUERY = `query ($id: ID!) { conversation(id: $id) { id subject status lead { name email }
  messages(first: 50) { edges { node { direction subject textBody sentAt receivedAt } } }
  suggestions(first: 10) { edges { node { status confidence body } } } } }`;
export const STATS_QUERY = `query { conversationStats { conversations { total open archived } email { sent received responseRate }
  ai { suggestions approvalRate meanConfidence } delivery { delivered opened clicked openRate clickRate } } }`;

/**
 * Parley's environment for a read benchmark: production mode (as deployed: no GraphiQL, no
 * development checks), the bench account, no job worker, no seeding.
 */
export function parleyEnv(embeddedDataDir?: string): Record<string, string> {
  const database: Record<string, string> = embeddedDataDir
    ? { PARLEY_DATA_DIR: embeddedDataDir, DATABASE_URL: '' }
    : { DATABASE_URL: benchDatabaseUrl(), DATABASE_POOL_SIZE: '10' };
  return {
    ...database,
    NODE_ENV: 'production',
    AUTH_JWT_SECRET: 'benchmark-secret-benchmark-secret-32',
    PARLEY_MIGRATE_ON_START: 'false',
    PARLEY_DEV_ACCOUNT: BENCH_ACCOUNT,
    JOBS_RUN_WORKER: 'false',
    PARLEY_SEED_ON_START: 'false',
  };
}

/** An autocannon request for one GraphQL operation, as the development account's token. */
export function graphqlRequest(baseUrl: string, token: string, query: string, variables?: object) {
  return {
    url: `${baseUrl}/graphql`,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  };
}

/** CPU time (user + system, every thread) a process has used, in ms, from /proc (Linux). */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * (1000 / 100);
}

/** The local PostgreSQL server's processes (its backends included), from /proc (Linux). */
export function postgresPids(): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres';
      } catch {
        return false; // gone since the listing
      }
    })
    .map(Number);
}
