// Authentication (JWTs, API keys) and what each role may do.
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_JWT_SECRET } from '../src/config.js';
import { graphql } from './gql/index.js';
import { createTestApp, type TestApp } from './support/app.js';
import { createConversation, createLead, gid } from './support/factories.js';

const WhoAmI = graphql(`
  query WhoAmI { viewer { role actor user { name email role } account { slug } } conversations(first: 1) { totalCount } }
`);
const ArchiveAs = graphql(`
  mutation ArchiveAs($input: ArchiveConversationInput!) {
    archiveConversation(input: $input) {
      __typename
      ... on Error { code message }
      ... on ForbiddenError { requiredRole }
    }
  }
`);
const UnarchiveAs = graphql(`
  mutation UnarchiveAs($input: UnarchiveConversationInput!) {
    unarchiveConversation(input: $input) { __typename ... on Error { code } }
  }
`);
const AddUser = graphql(`
  mutation AddUser($input: AddUserInput!) {
    addUser(input: $input) { __typename ... on AddUserPayload { user { email role } } ... on Error { code } ... on ForbiddenError { requiredRole } }
  }
`);
const CreateKey = graphql(`
  mutation CreateKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) { __typename ... on CreateApiKeyPayload { key apiKey { id role } } ... on Error { code } }
  }
`);
const RevokeKey = graphql(`
  mutation RevokeKey($input: RevokeApiKeyInput!) {
    revokeApiKey(input: $input) { __typename ... on RevokeApiKeyPayload { apiKey { revokedAt } } ... on Error { code } }
  }
`);
const Audit = graphql(`
  query Audit { auditLog(first: 50) { edges { node { action actor fromStatus toStatus } } } }
`);

let app: TestApp;
let conversationId: string;
const tokens: Record<'OWNER' | 'AGENT' | 'VIEWER', string> = { OWNER: '', AGENT: '', VIEWER: '' };

async function post(headers: Record<string, string>, query = '{ viewer { role } }') {
  const body = JSON.stringify({ query });
  const response = await app.yoga.fetch('http://parley.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': String(body.length), ...headers },
    body,
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } };
}

const secret = new TextEncoder().encode(DEV_JWT_SECRET);
const claims = () => ({ acct: app.services.devAccountId, role: 'OWNER' });
let devUserId = '';
const baseToken = () => new SignJWT(claims()).setSubject(devUserId).setIssuer('parley').setAudience('parley-api').setIssuedAt();

beforeAll(async () => {
  app = await createTestApp();
  const { prisma, devAccountId, tokens: verifier } = app.services;
  devUserId = (await prisma.user.findFirstOrThrow({ where: { email: 'dev@parley.local' } })).id;
  for (const role of ['AGENT', 'VIEWER'] as const) {
    const user = await prisma.user.create({ data: { accountId: devAccountId, email: `${role.toLowerCase()}@team.example`, name: role, role } });
    tokens[role] = await verifier.sign({ userId: user.id, accountId: devAccountId, role }, 600);
  }
  tokens.OWNER = app.token;
  const lead = await createLead(prisma, devAccountId);
  conversationId = gid('Conversation', (await createConversation(prisma, devAccountId, lead.id)).id);
});
afterAll(() => app?.close());

describe('authentication', () => {
  it('answers a missing or malformed Authorization header with 401 and a clear message', async () => {
    const missing = await post({});
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    expect(missing.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/Authentication required/), extensions: { code: 'UNAUTHENTICATED' } });
    const basic = await post({ authorization: 'Basic abc' });
    expect(basic.status).toBe(401);
    expect(basic.body.errors?.[0]?.message).toMatch(/must be "Bearer/);
  });

  it('refuses expired, tampered, wrongly signed and wrong-algorithm tokens', async () => {
    const expired = await baseToken().setProtectedHeader({ alg: 'HS256' }).setExpirationTime(Math.floor(Date.now() / 1000) - 60).sign(secret);
    const good = await baseToken().setProtectedHeader({ alg: 'HS256' }).setExpirationTime('10m').sign(secret);
    const [header, payload, signature] = good.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), role: 'OWNER', acct: '00000000-0000-4000-8000-00000000beef' })).toString('base64url');
    const tampered = `${header}.${forged}.${signature}`;
    const otherSecret = await baseToken().setProtectedHeader({ alg: 'HS256' }).setExpirationTime('10m').sign(new TextEncoder().encode('x'.repeat(40)));
    const hs512 = await baseToken().setProtectedHeader({ alg: 'HS512' }).setExpirationTime('10m').sign(secret);
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    const wrongAudience = await new SignJWT(claims()).setSubject(devUserId).setIssuer('parley').setAudience('someone-else').setIssuedAt().setProtectedHeader({ alg: 'HS256' }).setExpirationTime('10m').sign(secret);
    const cases: [string, string, RegExp][] = [
      ['expired', expired, /expired/],
      ['tampered', tampered, /signature is invalid/],
      ['other secret', otherSecret, /signature is invalid/],
      ['HS512', hs512, /algorithm/],
      ['alg none', none, /algorithm|malformed/],
      ['wrong audience', wrongAudience, /claim "aud"/],
      ['garbage', 'not.a.token', /malformed/],
      ['no exp', await baseToken().setProtectedHeader({ alg: 'HS256' }).sign(secret), /claim "exp" is missing/],
      ['no iat', await new SignJWT(claims()).setSubject(devUserId).setIssuer('parley').setAudience('parley-api').setProtectedHeader({ alg: 'HS256' }).setExpirationTime('10m').sign(secret), /claim "iat" is missing/],
      [
        'iat ten years ahead',
        await baseToken().setProtectedHeader({ alg: 'HS256' }).setIssuedAt(Math.floor(Date.now() / 1000) + 10 * 365 * 86400).setExpirationTime(Math.floor(Date.now() / 1000) + 10 * 365 * 86400 + 600).sign(secret),
        /"iat" is in the future/,
      ],
      ['lives 30 days', await baseToken().setProtectedHeader({ alg: 'HS256' }).setExpirationTime('30d').sign(secret), /lives longer than the 86400 s/],
      [
        'user that does not exist',
        await new SignJWT(claims()).setSubject('00000000-0000-4000-8000-000000000001').setIssuer('parley').setAudience('parley-api').setIssuedAt().setProtectedHeader({ alg: 'HS256' }).setExpirationTime('10m').sign(secret),
        /user does not exist/,
      ],
    ];
    for (const [name, token, reason] of cases) {
      const response = await post({ authorization: `Bearer ${token}` });
      expect(response.status, name).toBe(401);
      expect(response.body.errors?.[0]?.message, name).toMatch(reason);
      expect(response.body.data ?? null, name).toBeNull();
    }
    const ok = await post({ authorization: `Bearer ${good}` });
    expect(ok.status).toBe(200);
  });

  it('issues short development tokens, and no token past the maximum lifetime', async () => {
    const [, payload] = app.token.split('.');
    const { iat, exp } = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as { iat: number; exp: number };
    expect(exp - iat).toBe(8 * 3600);
    await expect(app.services.tokens.sign({ userId: devUserId, accountId: app.services.devAccountId, role: 'OWNER' }, 30 * 86400)).rejects.toThrow(/1 to 86400 s/);
  });

  it('refuses a token once it expires, though it was accepted (and remembered) before', async () => {
    const { createTokenVerifier } = await import('../src/auth/tokens.js');
    // The verifier's clock, moved by the test: no waiting for real seconds to pass.
    let clock = Date.UTC(2026, 10, 20, 10, 0, 0);
    const verifier = createTokenVerifier(app.config.auth, () => clock);
    const expiresAt = clock / 1000 + 2;
    const shortLived = await baseToken().setIssuedAt(clock / 1000).setProtectedHeader({ alg: 'HS256' }).setExpirationTime(expiresAt).sign(secret);
    const first = await verifier.verify(shortLived);
    expect(await verifier.verify(shortLived)).toBe(first);
    clock = expiresAt * 1000 + 1;
    await expect(verifier.verify(shortLived)).rejects.toThrow(/expired/);
    // Through the API as well: an expired token is refused with 401.
    const expired = await baseToken().setProtectedHeader({ alg: 'HS256' }).setExpirationTime(Math.floor(Date.now() / 1000) - 1).sign(secret);
    const late = await post({ authorization: `Bearer ${expired}` });
    expect(late.status).toBe(401);
    expect(late.body.errors?.[0]?.message).toMatch(/expired/);
  });

  it('checks a remembered token again after a minute', async () => {
    const { createTokenVerifier } = await import('../src/auth/tokens.js');
    let clock = Date.now();
    const verifier = createTokenVerifier(app.config.auth, () => clock);
    const token = await baseToken().setProtectedHeader({ alg: 'HS256' }).setExpirationTime('10m').sign(secret);
    const first = await verifier.verify(token);
    // The same object: the second answer came from memory, not from a new signature check.
    expect(await verifier.verify(token)).toBe(first);
    clock += 61_000;
    const again = await verifier.verify(token);
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
  });

  it('accepts API keys, shows the secret once, and refuses a key once revoked', async () => {
    const created = await app.execute(CreateKey, { input: { name: 'CRM sync', role: 'VIEWER' } });
    const payload = created.data?.createApiKey as { key: string; apiKey: { id: string; role: string } };
    expect(payload.key).toMatch(/^pk_[0-9a-f]{32}_/);
    const stored = await app.services.prisma.apiKey.findFirstOrThrow();
    // The whole secret: it is base64url, so it may itself contain '_' (split('_') would take a fragment).
    const secret = payload.key.slice('pk_'.length + 32 + 1);
    expect(secret).toHaveLength(43);
    expect(JSON.stringify(stored)).not.toContain(secret);
    const asKey = await app.execute(WhoAmI, {}, payload.key);
    // An API key acts as itself: its global ID, and no user.
    expect(asKey.data?.viewer).toMatchObject({ role: 'VIEWER', actor: payload.apiKey.id, user: null, account: { slug: 'demo' } });
    const readOnly = await app.execute(ArchiveAs, { input: { conversationId } }, payload.key);
    expect(readOnly.data?.archiveConversation).toMatchObject({ __typename: 'ForbiddenError', requiredRole: 'AGENT' });
    await app.execute(RevokeKey, { input: { apiKeyId: payload.apiKey.id } });
    const revoked = await post({ authorization: `Bearer ${payload.key}` });
    expect(revoked.status).toBe(401);
    expect(revoked.body.errors?.[0]?.message).toMatch(/revoked/);
    const wrongSecret = await post({ authorization: `Bearer ${payload.key.slice(0, -4)}AAAA` });
    expect(wrongSecret.status).toBe(401);
  });

  it('slows down an address after repeated failures with 429 and Retry-After', async () => {
    const { createRateLimits } = await import('../src/limits/rate-limits.js');
    const strict = await createTestApp({ rateLimits: createRateLimits({ overrides: { authenticationFailure: { points: 3, duration: 60 } } }) });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await strict.executeRaw('{ viewer { role } }', undefined, 'bad-token');
        statuses.push(r.errors?.[0]?.extensions?.code === 'RATE_LIMITED' ? 429 : 401);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await strict.close();
    }
  });
});

describe('roles', () => {
  it('VIEWER reads but may not act, manage or read the audit log', async () => {
    const read = await app.execute(WhoAmI, {}, tokens.VIEWER);
    expect(read.data?.viewer.role).toBe('VIEWER');
    // A person's token names the person.
    expect(read.data?.viewer.user).toEqual({ name: 'VIEWER', email: 'viewer@team.example', role: 'VIEWER' });
    expect(read.data?.viewer.actor).toBe(gid('User', (await app.services.prisma.user.findFirstOrThrow({ where: { email: 'viewer@team.example' } })).id));
    expect(read.data?.conversations.totalCount).toBeGreaterThan(0);
    expect((await app.execute(ArchiveAs, { input: { conversationId } }, tokens.VIEWER)).data?.archiveConversation).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    expect((await app.execute(AddUser, { input: { email: 'x@y.example', name: 'X', role: 'AGENT' } }, tokens.VIEWER)).data?.addUser).toMatchObject({ __typename: 'ForbiddenError', requiredRole: 'OWNER' });
    const audit = await app.execute(Audit, {}, tokens.VIEWER);
    expect(audit.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await app.services.prisma.conversation.count({ where: { status: 'ARCHIVED' } })).toBe(0);
  });

  it('AGENT acts on conversations but may not manage users, keys or read the audit log', async () => {
    expect((await app.execute(ArchiveAs, { input: { conversationId } }, tokens.AGENT)).data?.archiveConversation.__typename).toBe('ArchiveConversationPayload');
    expect((await app.execute(UnarchiveAs, { input: { conversationId } }, tokens.AGENT)).data?.unarchiveConversation.__typename).toBe('UnarchiveConversationPayload');
    expect((await app.execute(CreateKey, { input: { name: 'k', role: 'AGENT' } }, tokens.AGENT)).data?.createApiKey).toMatchObject({ __typename: 'ForbiddenError' });
    expect((await app.execute(Audit, {}, tokens.AGENT)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('OWNER does all of it, and sees each change in the audit log', async () => {
    expect((await app.execute(AddUser, { input: { email: 'new@team.example', name: 'New', role: 'AGENT' } }, tokens.OWNER)).data?.addUser).toMatchObject({ user: { email: 'new@team.example', role: 'AGENT' } });
    expect((await app.execute(ArchiveAs, { input: { conversationId } }, tokens.OWNER)).data?.archiveConversation.__typename).toBe('ArchiveConversationPayload');
    const audit = await app.execute(Audit, {}, tokens.OWNER);
    const actions = audit.data!.auditLog.edges.map((e) => e.node.action);
    expect(actions).toEqual(expect.arrayContaining(['conversation.archived', 'conversation.unarchived', 'user.added', 'api_key.created', 'api_key.revoked']));
    // Who did it, as the viewer field names the owner: the same global ID.
    const owner = (await app.execute(WhoAmI, {}, tokens.OWNER)).data!.viewer;
    expect(owner.actor).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(audit.data!.auditLog.edges[0]!.node).toMatchObject({ action: 'conversation.archived', toStatus: 'ARCHIVED', actor: owner.actor });
  });
});
