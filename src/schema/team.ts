// The account's people, API keys and audit trail; and who is asking (viewer).
import { z } from 'zod';
import { ROLES } from '../auth/tokens.js';
import { InvalidStateError } from '../domain/errors.js';
import { addUser, changeUserRole, createApiKey, removeUser, revokeApiKey } from '../domain/team/index.js';
import { builder } from './builder.js';
import { unreadWhere } from './conversation-filter.js';
import { AutoAssignEnum } from './enums.js';
import { baseMutationErrors } from './errors.js';
import { actorForApi, encodeParleyId, idOfType } from './ids.js';
import { readQuery } from './optional-row.js';
import { dbOf, domainOf } from '../graphql-context.js';

export const RoleEnum = builder.enumType('Role', {
  description: 'What a user or API key may do.',
  values: {
    OWNER: { description: 'Everything, including users, API keys and the audit log.' },
    AGENT: { description: 'Read, and act on conversations: approve, reject, reply, regenerate, archive.' },
    VIEWER: { description: 'Read only.' },
  } as const,
});

export const UserNode = builder.prismaNode('User', {
  id: { field: 'id' },
  nullable: true,
  description: 'A person on the team.',
  fields: (t) => ({
    email: t.exposeString('email', { description: 'Sign-in address.' }),
    name: t.exposeString('name', { description: 'Display name.' }),
    role: t.expose('role', { type: RoleEnum, description: 'What they may do.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When they were added.' }),
  }),
});

export const ApiKeyNode = builder.prismaNode('ApiKey', {
  id: { field: 'id' },
  nullable: true,
  description: 'A server-to-server credential. Its secret is shown once, when created.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'What it is for.' }),
    role: t.expose('role', { type: RoleEnum, description: 'What it may do.' }),
    createdBy: t.string({ description: 'Who created it: the global ID of a User or ApiKey.', resolve: (key) => actorForApi(key.createdBy) }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true, description: 'Last successful use.' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true, description: 'When it was revoked; revoked keys are refused.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
  }),
});

const AuditEntryRef = builder.prismaObject('AuditEntry', {
  description: 'One state change: who did what, when, from which state to which.',
  fields: (t) => ({
    id: t.id({ description: 'Global ID of the entry.', resolve: (entry) => encodeParleyId('AuditEntry', entry.id) }),
    actor: t.string({
      description: 'Who did it: the global ID of a User or ApiKey, or "system:<component>" for background work.',
      resolve: (entry) => actorForApi(entry.actor),
    }),
    action: t.exposeString('action', { description: 'What happened, e.g. "suggestion.approved".' }),
    entityType: t.exposeString('entityType', { description: 'The kind of object changed.' }),
    entityId: t.id({
      description: 'Global ID of the object changed (usable with node(id:) while it exists).',
      resolve: (entry) => encodeParleyId(entry.entityType, entry.entityId),
    }),
    fromStatus: t.exposeString('fromStatus', { nullable: true, description: 'State before.' }),
    toStatus: t.exposeString('toStatus', { nullable: true, description: 'State after.' }),
    details: t.string({
      nullable: true,
      description: 'Extra facts as JSON text (a reason, the message sent, ...).',
      resolve: (entry) => (entry.details === null ? null : JSON.stringify(entry.details)),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When.' }),
  }),
});

interface ViewerInfo {
  accountId: string;
  actor: string;
  role: (typeof ROLES)[number];
  userId?: string | null;
}

const ViewerRef = builder.objectRef<ViewerInfo>('Viewer').implement({
  description: 'Who is asking.',
  fields: (t) => ({
    actor: t.id({
      description: 'The global ID of the User or ApiKey you act as; AuditEntry.actor shows it for what you did.',
      resolve: (v) => actorForApi(v.actor),
    }),
    role: t.field({ type: RoleEnum, description: 'What you may do.', resolve: (v) => v.role }),
    user: t.prismaField({
      type: 'User',
      nullable: true,
      description: 'The person signed in; null for an API key (it acts for the account, not for a person).',
      resolve: (query, v, _args, ctx) => {
        const selection = readQuery(query);
        return v.userId ? dbOf(ctx).user.findUnique({ ...selection, where: { id: v.userId } }) : null;
      },
    }),
    unreadCount: t.int({
      description:
        'How many conversations are unread for you (Conversation.unread); ' +
        'for an API key, those no one on the team has read.',
      resolve: (v, _args, ctx) => dbOf(ctx).conversation.count({ where: unreadWhere(v) }),
    }),
    account: t.prismaField({
      type: 'Account',
      description: 'Your account.',
      resolve: (query, v, _args, ctx) => dbOf(ctx).account.findUniqueOrThrow({ ...query, where: { id: v.accountId } }),
    }),
  }),
});

builder.prismaObject('Account', {
  description: 'A sales team: everything you can see belongs to it.',
  fields: (t) => ({
    id: t.id({ description: 'Global ID of the account.', resolve: (account) => encodeParleyId('Account', account.id) }),
    slug: t.exposeString('slug', { description: 'Short name, used in inbound addresses.' }),
    name: t.exposeString('name', { description: 'Display name.' }),
    autoAssign: t.field({
      type: AutoAssignEnum,
      description: 'How conversations opened by an inbound email get an assignee (setInboxSettings).',
      resolve: async (account, _args, ctx) =>
        (await dbOf(ctx).inboxSettings.findUnique({ where: { accountId: account.id }, select: { autoAssign: true } }))?.autoAssign ?? 'OFF',
    }),
  }),
});

const ownerOnly = { owner: true } as const;

builder.queryFields((t) => ({
  viewer: t.field({ type: ViewerRef, description: 'Who you are and what you may do.', resolve: (_r, _a, ctx) => ctx.viewer }),
  users: t.prismaConnection({
    type: 'User',
    cursor: 'id',
    description: 'The people on your team.',
    resolve: (query, _r, _a, ctx) => dbOf(ctx).user.findMany({ ...query, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
  }),
  apiKeys: t.prismaConnection({
    type: 'ApiKey',
    cursor: 'id',
    authScopes: ownerOnly,
    description: 'Your API keys (owners only).',
    resolve: (query, _r, _a, ctx) => dbOf(ctx).apiKey.findMany({ ...query, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
  }),
  auditLog: t.prismaConnection({
    type: 'AuditEntry',
    cursor: 'id',
    authScopes: ownerOnly,
    description: 'Every state change in your account, newest first (owners only).',
    args: {
      entityId: t.arg.globalID({ description: 'Only changes to this object (its global ID, as in AuditEntry.entityId).' }),
      action: t.arg.string({ description: 'Only this action, e.g. "conversation.archived".', validate: z.string().max(100) }),
    },
    resolve: (query, _r, args, ctx) =>
      dbOf(ctx).auditEntry.findMany({
        ...query,
        where: {
          ...(args.entityId ? { entityType: args.entityId.typename, entityId: args.entityId.id } : {}),
          ...(args.action ? { action: args.action } : {}),
        },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      }),
  }),
}));

// The team mutations return ids; their payloads load the rows with the client's selection.
const name = z.string().trim().min(1, { message: 'must not be empty' }).max(200, { message: 'must be at most 200 characters' });

builder.relayMutationField(
  'addUser',
  {
    description: 'Input of addUser.',
    inputFields: (t) => ({
      email: t.string({ required: true, description: 'Their sign-in address.', validate: z.email({ message: 'must be an email address' }).max(320) }),
      name: t.string({ required: true, description: 'Display name.', validate: name }),
      role: t.field({ type: RoleEnum, required: true, description: 'What they may do.' }),
    }),
  },
  {
    description: 'Add a person to the team (owners only).',
    authScopes: ownerOnly,
    errors: { types: [...baseMutationErrors], directResult: true },
    resolve: (_r, { input }, ctx) => addUser(domainOf(ctx), input),
  },
  { description: 'Result of addUser.', outputFields: (t) => ({ user: t.prismaField({ type: 'User', description: 'The new user.', resolve: (query, p, _args, ctx) => dbOf(ctx).user.findUniqueOrThrow({ ...query, where: { id: p.userId } }) }) }) },
);

builder.relayMutationField(
  'changeUserRole',
  {
    description: 'Input of changeUserRole.',
    inputFields: (t) => ({
      userId: t.globalID({ required: true, description: 'Global ID of the User.' }),
      role: t.field({ type: RoleEnum, required: true, description: 'Their new role.' }),
    }),
  },
  {
    description: "Change a user's role (owners only). The last owner stays an owner.",
    authScopes: ownerOnly,
    errors: { types: [...baseMutationErrors, InvalidStateError], directResult: true },
    resolve: (_r, { input }, ctx) => changeUserRole(domainOf(ctx), { userId: idOfType(input.userId, 'User', ['input', 'userId']), role: input.role }),
  },
  { description: 'Result of changeUserRole.', outputFields: (t) => ({ user: t.prismaField({ type: 'User', description: 'The user, as now.', resolve: (query, p, _args, ctx) => dbOf(ctx).user.findUniqueOrThrow({ ...query, where: { id: p.userId } }) }) }) },
);

builder.relayMutationField(
  'removeUser',
  {
    description: 'Input of removeUser.',
    inputFields: (t) => ({ userId: t.globalID({ for: UserNode, required: true, description: 'The user to remove.' }) }),
  },
  {
    description: 'Remove a person from the team (owners only): their tokens stop working and their live subscriptions end. The last owner stays.',
    authScopes: ownerOnly,
    errors: { types: [...baseMutationErrors, InvalidStateError], directResult: true },
    resolve: async (_r, { input }, ctx) => {
      const { userId } = await removeUser(domainOf(ctx), { userId: input.userId.id });
      return { removedUserId: userId };
    },
  },
  {
    description: 'Result of removeUser.',
    outputFields: (t) => ({
      removedUserId: t.id({ description: 'The global ID the removed user had.', resolve: (p) => encodeParleyId('User', p.removedUserId) }),
    }),
  },
);

builder.relayMutationField(
  'createApiKey',
  {
    description: 'Input of createApiKey.',
    inputFields: (t) => ({
      name: t.string({ required: true, description: 'What the key is for.', validate: name }),
      role: t.field({ type: RoleEnum, required: true, description: 'What the key may do.' }),
    }),
  },
  {
    description: 'Create an API key (owners only). The key is in the payload once and never again.',
    authScopes: ownerOnly,
    errors: { types: [...baseMutationErrors], directResult: true },
    resolve: (_r, { input }, ctx) => createApiKey(domainOf(ctx), input),
  },
  {
    description: 'Result of createApiKey.',
    outputFields: (t) => ({
      apiKey: t.prismaField({ type: 'ApiKey', description: 'The key record.', resolve: (query, p, _args, ctx) => dbOf(ctx).apiKey.findUniqueOrThrow({ ...query, where: { id: p.apiKeyId } }) }),
      key: t.string({
        description: 'The secret key: send it as "Authorization: Bearer <key>". Shown only now.',
        resolve: (p) => p.key,
      }),
    }),
  },
);

builder.relayMutationField(
  'revokeApiKey',
  {
    description: 'Input of revokeApiKey.',
    inputFields: (t) => ({ apiKeyId: t.globalID({ required: true, description: 'Global ID of the ApiKey to revoke.' }) }),
  },
  {
    description: 'Revoke an API key at once (owners only).',
    authScopes: ownerOnly,
    errors: { types: [...baseMutationErrors, InvalidStateError], directResult: true },
    resolve: (_r, { input }, ctx) => revokeApiKey(domainOf(ctx), { apiKeyId: idOfType(input.apiKeyId, 'ApiKey', ['input', 'apiKeyId']) }),
  },
  { description: 'Result of revokeApiKey.', outputFields: (t) => ({ apiKey: t.prismaField({ type: 'ApiKey', description: 'The key, revoked.', resolve: (query, p, _args, ctx) => dbOf(ctx).apiKey.findUniqueOrThrow({ ...query, where: { id: p.apiKeyId } }) }) }) },
);
