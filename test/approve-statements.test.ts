// An approval costs the SQL statements it needs: the claim transaction, the send's settlement,
// and one load per object the client selected in the payload; no row is read twice for the
// payload. Counted through Prisma's query log (transaction control statements included).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/app.js';
import { createThread } from './support/email-fixtures.js';
import { ApproveSuggestion } from './support/email-operations.js';
import { FakePostmark } from './support/fake-postmark.js';

/**
 * The most statements one approval (with the payload of ApproveSuggestion) may cost (issue 17).
 * The settlement's SENT event is written to the event log together with its outbound webhook
 * deliveries, in one statement (src/domain/transitions.ts, inTransaction).
 */
const APPROVAL_STATEMENT_BUDGET = 20;

let app: TestApp;
let fake: FakePostmark;
const statements: string[] = [];

beforeAll(async () => {
  fake = await FakePostmark.start();
  app = await createTestApp({ logQueries: true, env: { POSTMARK_SERVER_TOKEN: fake.token, POSTMARK_API_URL: fake.url } });
  (app.services.prisma as unknown as { $on(event: 'query', cb: (e: { query: string }) => void): void }).$on('query', (e) =>
    statements.push(e.query),
  );
});

afterAll(async () => {
  await app?.close();
  await fake?.close();
});

it(`approves a draft in at most ${APPROVAL_STATEMENT_BUDGET} statements, reading each row for the payload once`, async () => {
  const t = await createThread(app.services.prisma, app.services.devAccountId);
  // The caller's current role is read once per principal-cache window, not per request: a
  // first request warms it, so what is counted is the approval's own cost.
  expect((await app.executeRaw('{ viewer { role } }')).errors).toBeUndefined();
  statements.length = 0;
  const result = await app.execute(ApproveSuggestion, { input: { suggestionId: t.suggestionGid } });
  const counted = [...statements];
  expect(result.errors).toBeUndefined();
  const payload = result.data!.approveSuggestion;
  if (payload.__typename !== 'ApproveSuggestionPayload') throw new Error(JSON.stringify(payload));
  // The payload is complete and current: what a client caches after the mutation.
  expect(payload.suggestion).toMatchObject({ id: t.suggestionGid, status: 'APPROVED', sentMessage: { id: payload.reply.id } });
  expect(payload.reply).toMatchObject({ direction: 'OUTBOUND', deliveryStatus: 'SENT' });
  expect(payload.conversation).toMatchObject({ status: 'WAITING_FOR_LEAD', lastMessage: { id: payload.reply.id }, hasPendingSuggestion: false });
  expect(fake.emails).toHaveLength(1);

  console.info(`approveSuggestion: ${counted.length} statements (budget ${APPROVAL_STATEMENT_BUDGET})`);
  if (counted.length > APPROVAL_STATEMENT_BUDGET || process.env.PRINT_STATEMENTS) console.log(counted.map((q) => q.slice(0, 160)).join('\n'));
  expect(counted.length).toBeLessThanOrEqual(APPROVAL_STATEMENT_BUDGET);
});
