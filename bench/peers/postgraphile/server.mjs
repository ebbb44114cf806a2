// PostGraphile 5 as a benchmark peer of Parley (bench/http.ts), on the same benchmark database.
// Runs under Node 22 (this folder's own `node` package); prints READY {url, pid} when listening.
//
// Served as deployed: no GraphiQL, no explain, no watch mode. Authentication as Parley's: an
// HS256 bearer JWT (Parley's claims: sub, acct, role) verified with jose, verified tokens
// remembered for a minute. The account filter is a condition on account_id added to the plan
// of the root fields (allConversations, conversationByRowId) from the token's account (a
// wrapPlans plugin), not row-level security: RLS needs pgSettings, and PostGraphile then
// wraps every request in BEGIN, set_config, the query and COMMIT (four statements, not one).
// Only the root fields the benchmark asks for are scoped: this server is a measuring device on
// benchmark data, not a deployment (its other root fields, node and the rest, are not).
// hasPendingSuggestion is a computed column (a SQL function, created here on start in a
// schema of its own) so the list page is one statement, as in the other servers.
import { createServer } from 'node:http';
import pg from 'pg';
import { jwtVerify } from 'jose';
import { postgraphile } from 'postgraphile';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { context } from 'postgraphile/grafast';
import { TYPES } from 'postgraphile/@dataplan/pg';
import { sql } from 'postgraphile/pg-sql2';
import { wrapPlans } from 'postgraphile/utils';

const connectionString = process.env.DATABASE_URL;
const secret = new TextEncoder().encode(process.env.AUTH_JWT_SECRET);
const PEER_SCHEMA = 'postgraphile_peer';

// The computed column, in a schema of its own (the benchmark database is Parley's).
const setup = new pg.Client({ connectionString });
await setup.connect();
await setup.query(`CREATE SCHEMA IF NOT EXISTS ${PEER_SCHEMA}`);
await setup.query(`
  CREATE OR REPLACE FUNCTION ${PEER_SCHEMA}.conversations_has_pending_suggestion(c public.conversations) RETURNS boolean
  LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM public.ai_suggestions s WHERE s.conversation_id = c.id AND s.status = 'PENDING')
  $$`);
await setup.end();

// JIT off, as Parley and the floor run it; the pool's size is theirs.
const pool = new pg.Pool({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10), options: '-c jit=off' });

/** Verified tokens for a minute, as Parley's src/auth/tokens.ts does. */
const verified = new Map();
async function accountOf(authorization) {
  const token = authorization?.startsWith('Bearer ') ? authorization.slice(7) : undefined;
  if (!token) return null;
  const hit = verified.get(token);
  if (hit && hit.until > Date.now()) return hit.accountId;
  const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'] });
  verified.set(token, { accountId: payload.acct, until: Date.now() + 60_000 });
  return payload.acct;
}

/** Every root field that reads conversations sees the token's account only. */
function scopeToAccount($select) {
  // No account (no token, or a bad one): NULL, so no row matches.
  const $accountId = context().get('accountId');
  $select.where(sql`${$select.alias}.account_id = ${$select.placeholder($accountId, TYPES.uuid)}`);
}
const AccountScopePlugin = wrapPlans({
  Query: {
    allConversations(plan) {
      const $connection = plan();
      scopeToAccount(typeof $connection.getSubplan === 'function' ? $connection.getSubplan() : $connection);
      return $connection;
    },
    conversationByRowId(plan) {
      const $single = plan();
      scopeToAccount($single.getClassStep());
      return $single;
    },
  },
});

const preset = {
  extends: [PostGraphileAmberPreset],
  plugins: [AccountScopePlugin],
  pgServices: [makePgService({ pool, schemas: ['public', PEER_SCHEMA] })],
  grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false, maskError: (error) => error },
  grafast: {
    explain: false,
    async context(requestContext) {
      const authorization = requestContext.node?.req?.headers?.authorization;
      let accountId = null;
      try {
        accountId = await accountOf(authorization);
      } catch {
        accountId = null;
      }
      return { accountId };
    },
  },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
serv.addTo(server);
await serv.ready?.();
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  console.log(`READY ${JSON.stringify({ url: `http://127.0.0.1:${port}`, pid: process.pid })}`);
});
process.once('SIGTERM', () => server.close(() => void pgl.release().then(() => pool.end()).then(() => process.exit(0))));
