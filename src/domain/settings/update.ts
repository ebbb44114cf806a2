// Owners change how their account sends: the undo window every send waits, whether a
// scheduled send still goes after the lead replied, and the follow-up policy.
import { z } from 'zod';
import type { Prisma } from '../../db/client.js';
import { recordAudit } from '../audit.js';
import { ForbiddenError, ValidationError } from '../errors.js';
import type { DomainContext } from '../use-case-context.js';
import { resolveSettings, type ResolvedSettings } from './read.js';

/** The longest undo window: a send that waits longer is a scheduled send (sendAt). */
export const UNDO_WINDOW_MAX_SECONDS = 3600;
export const FOLLOW_UP_AFTER_DAYS_MAX = 90;
export const MAX_FOLLOW_UPS_LIMIT = 10;

export interface UpdateSendSettingsInput {
  /** null: back to the configured default; undefined: unchanged. */
  undoWindowSeconds?: number | null;
  sendScheduledAfterReply?: boolean | null;
}

export interface SetFollowUpPolicyInput {
  enabled: boolean;
  followUpAfterDays: number;
  maxFollowUps: number;
  sendWindowStartHour?: number | null;
  sendWindowEndHour?: number | null;
  sendWindowDays?: number[] | null;
}

function requireOwner(ctx: DomainContext) {
  if (ctx.viewer.role !== 'OWNER') throw new ForbiddenError('Only an owner changes the account settings.', 'OWNER');
}

function check<T>(schema: z.ZodType<T>, value: unknown, path: string[]): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw ValidationError.fromIssues(parsed.error.issues.map((issue) => ({ path: [...path, ...issue.path.map(String)], message: issue.message })));
  return parsed.data;
}

export const undoWindowSchema = z.number().int({ message: 'must be a whole number of seconds' }).min(0).max(UNDO_WINDOW_MAX_SECONDS);

export async function updateSendSettings(ctx: DomainContext, input: UpdateSendSettingsInput): Promise<ResolvedSettings> {
  requireOwner(ctx);
  const data: Prisma.AccountSettingsUncheckedUpdateInput = {};
  if (input.undoWindowSeconds !== undefined) {
    data.undoWindowSeconds = input.undoWindowSeconds === null ? null : check(undoWindowSchema, input.undoWindowSeconds, ['input', 'undoWindowSeconds']);
  }
  if (input.sendScheduledAfterReply != null) data.sendScheduledAfterReply = input.sendScheduledAfterReply;
  return save(ctx, data, 'account.send_settings_updated');
}

const hourSchema = z.number().int().min(0).max(24);
const policySchema = z
  .object({
    enabled: z.boolean(),
    followUpAfterDays: z.number().int().min(1).max(FOLLOW_UP_AFTER_DAYS_MAX),
    maxFollowUps: z.number().int().min(0).max(MAX_FOLLOW_UPS_LIMIT),
    sendWindowStartHour: hourSchema.max(23),
    sendWindowEndHour: hourSchema.min(1),
    sendWindowDays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
  })
  .refine((p) => p.sendWindowStartHour < p.sendWindowEndHour, { message: 'must end after it starts', path: ['sendWindowEndHour'] });

export async function setFollowUpPolicy(ctx: DomainContext, input: SetFollowUpPolicyInput): Promise<ResolvedSettings> {
  requireOwner(ctx);
  const policy = check(
    policySchema,
    {
      enabled: input.enabled,
      followUpAfterDays: input.followUpAfterDays,
      maxFollowUps: input.maxFollowUps,
      sendWindowStartHour: input.sendWindowStartHour ?? 0,
      sendWindowEndHour: input.sendWindowEndHour ?? 24,
      sendWindowDays: input.sendWindowDays ?? [1, 2, 3, 4, 5],
    },
    ['input'],
  );
  return save(
    ctx,
    {
      followUpEnabled: policy.enabled,
      followUpAfterDays: policy.followUpAfterDays,
      maxFollowUps: policy.maxFollowUps,
      followUpStartHour: policy.sendWindowStartHour,
      followUpEndHour: policy.sendWindowEndHour,
      followUpDays: [...new Set(policy.sendWindowDays)].sort(),
    },
    'account.follow_up_policy_set',
  );
}

async function save(
  ctx: DomainContext,
  data: Prisma.AccountSettingsUncheckedUpdateInput,
  action: 'account.send_settings_updated' | 'account.follow_up_policy_set',
): Promise<ResolvedSettings> {
  const { db, viewer, services } = ctx;
  const row = await db.$transaction(async (tx) => {
    const saved = await tx.accountSettings.upsert({
      where: { accountId: viewer.accountId },
      create: { ...(data as Prisma.AccountSettingsUncheckedCreateInput), accountId: viewer.accountId },
      update: data,
    });
    await recordAudit(tx, viewer, { action, entityType: 'Account', entityId: viewer.accountId, details: data as Prisma.InputJsonValue });
    return saved;
  });
  return resolveSettings(row, services.config.email.undoWindowSeconds);
}
