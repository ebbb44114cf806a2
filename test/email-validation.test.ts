// Every refused request gets its typed error and changes nothing: no row, no audit entry, no
// email in the outbox.
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { BODY_MAX_LENGTH, HTML_BODY_MAX_LENGTH, SUBJECT_MAX_LENGTH } from '../src/domain/sending/index.js';
import { createTestApp, type TestApp } from './support/app.js';
import { createAccount, gid } from './support/factories.js';
import { createThread } from './support/email-fixtures.js';
import { snapshotDatabase } from './support/snapshot.js';
import { ApproveSuggestion, RejectSuggestion, SendReply } from './support/email-operations.js';

let app: TestApp;
let open: Awaited<ReturnType<typeof createThread>>;
let archived: Awaited<ReturnType<typeof createThread>>;
let doNotContact: Awaited<ReturnType<typeof createThread>>;
let badAddress: Awaited<ReturnType<typeof createThread>>;
let emptyDraft: Awaited<ReturnType<typeof createThread>>;
let approvedDraft: Awaited<ReturnType<typeof createThread>>;
let rejectedDraft: Awaited<ReturnType<typeof createThread>>;
let foreign: Awaited<ReturnType<typeof createThread>>;

beforeAll(async () => {
  app = await createTestApp();
  const { prisma, devAccountId } = app.services;
  open = await createThread(prisma, devAccountId);
  archived = await createThread(prisma, devAccountId, { status: 'ARCHIVED' });
  doNotContact = await createThread(prisma, devAccountId, { lead: { doNotContact: true } });
  badAddress = await createThread(prisma, devAccountId, { lead: { email: 'maria at bakery' } });
  emptyDraft = await createThread(prisma, devAccountId, { suggestion: { body: '   ' } });
  approvedDraft = await createThread(prisma, devAccountId, { suggestion: { status: 'APPROVED' } });
  rejectedDraft = await createThread(prisma, devAccountId, { suggestion: { status: 'REJECTED' } });
  foreign = await createThread(prisma, (await createAccount(prisma)).id);
});

afterAll(() => app?.close());

type Refusal = { __typename: string; code?: string; currentState?: string; issues?: { path: string[]; message: string }[] };

const sendReplyInput = (overrides: Record<string, unknown> = {}) => ({
  conversationId: open.conversationGid,
  subject: 'Re: Website redesign',
  body: 'Happy to help.',
  ...overrides,
});

const cases: [string, () => Promise<Refusal>, Partial<Refusal> & { path?: string[] }][] = [
  ['sendReply: empty subject', async () => (await app.execute(SendReply, { input: sendReplyInput({ subject: '   ' }) })).data!.sendReply, { __typename: 'ValidationError', path: ['input', 'subject'] }],
  ['sendReply: subject of two lines', async () => (await app.execute(SendReply, { input: sendReplyInput({ subject: 'Re: one\ntwo' }) })).data!.sendReply, { __typename: 'ValidationError', path: ['input', 'subject'] }],
  ['sendReply: subject over the limit', async () => (await app.execute(SendReply, { input: sendReplyInput({ subject: 'x'.repeat(SUBJECT_MAX_LENGTH + 1) }) })).data!.sendReply, { __typename: 'ValidationError', path: ['input', 'subject'] }],
  ['sendReply: blank body', async () => (await app.execute(SendReply, { input: sendReplyInput({ body: ' \n ' }) })).data!.sendReply, { __typename: 'ValidationError', path: ['input', 'body'] }],
  ['sendReply: body over the limit', async () => (await app.execute(SendReply, { input: sendReplyInput({ body: 'x'.repeat(BODY_MAX_LENGTH + 1) }) })).data!.sendReply, { __typename: 'ValidationError', path: ['input', 'body'] }],
  ['sendReply: HTML body over the limit', async () => (await app.execute(SendReply, { input: sendReplyInput({ bodyHtml: 'x'.repeat(HTML_BODY_MAX_LENGTH + 1) }) })).data!.sendReply, { __typename: 'ValidationError', path: ['input', 'bodyHtml'] }],
  ['sendReply: idempotency key with spaces', async () => (await app.execute(SendReply, { input: sendReplyInput({ idempotencyKey: 'two words' }) })).data!.sendReply, { __typename: 'ValidationError', path: ['input', 'idempotencyKey'] }],
  ['sendReply: archived conversation', async () => (await app.execute(SendReply, { input: sendReplyInput({ conversationId: archived.conversationGid }) })).data!.sendReply, { __typename: 'InvalidStateError', currentState: 'ARCHIVED' }],
  ['sendReply: do-not-contact lead', async () => (await app.execute(SendReply, { input: sendReplyInput({ conversationId: doNotContact.conversationGid }) })).data!.sendReply, { __typename: 'InvalidStateError', currentState: 'DO_NOT_CONTACT' }],
  ['sendReply: invalid lead address', async () => (await app.execute(SendReply, { input: sendReplyInput({ conversationId: badAddress.conversationGid }) })).data!.sendReply, { __typename: 'ValidationError', path: ['lead', 'email'] }],
  ['sendReply: another account\'s conversation', async () => (await app.execute(SendReply, { input: sendReplyInput({ conversationId: foreign.conversationGid }) })).data!.sendReply, { __typename: 'NotFoundError', code: 'NOT_FOUND' }],
  ['sendReply: malformed id', async () => (await app.execute(SendReply, { input: sendReplyInput({ conversationId: 'bm90LWFuLWlk' }) })).data!.sendReply, { __typename: 'ValidationError' }],
  ['approve: empty edited subject', async () => (await app.execute(ApproveSuggestion, { input: { suggestionId: open.suggestionGid, editedSubject: '' } })).data!.approveSuggestion, { __typename: 'ValidationError', path: ['input', 'editedSubject'] }],
  ['approve: blank edited body', async () => (await app.execute(ApproveSuggestion, { input: { suggestionId: open.suggestionGid, editedBody: '   ' } })).data!.approveSuggestion, { __typename: 'ValidationError', path: ['input', 'editedBody'] }],
  ['approve: edited body over the limit', async () => (await app.execute(ApproveSuggestion, { input: { suggestionId: open.suggestionGid, editedBody: 'x'.repeat(BODY_MAX_LENGTH + 1) } })).data!.approveSuggestion, { __typename: 'ValidationError', path: ['input', 'editedBody'] }],
  ['approve: a blank draft sent unedited', async () => (await app.execute(ApproveSuggestion, { input: { suggestionId: emptyDraft.suggestionGid } })).data!.approveSuggestion, { __typename: 'ValidationError', path: ['suggestion', 'body'] }],
  ['approve: archived conversation', async () => (await app.execute(ApproveSuggestion, { input: { suggestionId: archived.suggestionGid } })).data!.approveSuggestion, { __typename: 'InvalidStateError', currentState: 'ARCHIVED' }],
  ['approve: do-not-contact lead', async () => (await app.execute(ApproveSuggestion, { input: { suggestionId: doNotContact.suggestionGid } })).data!.approveSuggestion, { __typename: 'InvalidStateError', currentState: 'DO_NOT_CONTACT' }],
  ['approve: invalid lead address', async () => (await app.execute(ApproveSuggestion, { input: { suggestionId: badAddress.suggestionGid } })).data!.approveSuggestion, { __typename: 'ValidationError', path: ['lead', 'email'] }],
  ['approve: an APPROVED draft', async () => (await app.execute(ApproveSuggestion, { input: { suggestionId: approvedDraft.suggestionGid } })).data!.approveSuggestion, { __typename: 'InvalidStateError', currentState: 'APPROVED' }],
  ['approve: a REJECTED draft', async () => (await app.execute(ApproveSuggestion, { input: { suggestionId: rejectedDraft.suggestionGid } })).data!.approveSuggestion, { __typename: 'InvalidStateError', currentState: 'REJECTED' }],
  ['approve: another account\'s draft', async () => (await app.execute(ApproveSuggestion, { input: { suggestionId: foreign.suggestionGid } })).data!.approveSuggestion, { __typename: 'NotFoundError' }],
  ['approve: a conversation id for a suggestion id', async () => (await app.execute(ApproveSuggestion, { input: { suggestionId: open.conversationGid } })).data!.approveSuggestion, { __typename: 'ValidationError', path: ['input', 'suggestionId'] }],
  ['sendReply: a suggestion id for a conversation id', async () => (await app.execute(SendReply, { input: sendReplyInput({ conversationId: open.suggestionGid }) })).data!.sendReply, { __typename: 'ValidationError', path: ['input', 'conversationId'] }],
  ['reject: an APPROVED draft', async () => (await app.execute(RejectSuggestion, { input: { suggestionId: approvedDraft.suggestionGid } })).data!.rejectSuggestion, { __typename: 'InvalidStateError', currentState: 'APPROVED' }],
  ['reject: reason over the limit', async () => (await app.execute(RejectSuggestion, { input: { suggestionId: open.suggestionGid, reason: 'x'.repeat(1001) } })).data!.rejectSuggestion, { __typename: 'ValidationError', path: ['input', 'reason'] }],
  ['reject: another account\'s draft', async () => (await app.execute(RejectSuggestion, { input: { suggestionId: foreign.suggestionGid } })).data!.rejectSuggestion, { __typename: 'NotFoundError' }],
];

describe('refused requests', () => {
  it.each(cases)('%s: typed error, database unchanged', async (_name, run, expected) => {
    const before = await snapshotDatabase(app.services.prisma);
    const result = await run();
    const { path, ...rest } = expected;
    expect(result).toMatchObject(rest);
    if (path) expect(result.issues?.map((i) => i.path)).toContainEqual(path);
    expect(await snapshotDatabase(app.services.prisma)).toEqual(before);
  });

  it('with the refusals out of the way, the same open thread does take a reply (the fixtures are sound)', async () => {
    const result = await app.execute(SendReply, { input: sendReplyInput({ conversationId: gid('Conversation', open.conversation.id) }) });
    expect(result.data!.sendReply).toMatchObject({ __typename: 'SendReplyPayload', reply: { deliveryStatus: 'SENT' } });
  });
});
