// An account's settings with the defaults filled in: an account that never changed one has
// no row (account_settings), and the undo window's default comes from the configuration.
import type { AccountSettings } from '../../db/client.js';
import type { ScopedTransaction } from '../../db/scoped.js';
import type { DomainContext } from '../use-case-context.js';

export interface ResolvedSettings {
  /** Seconds every send waits, cancellable; 0 sends at once. */
  undoWindowSeconds: number;
  /** Whether the account chose it (false: the configured default applies). */
  undoWindowIsDefault: boolean;
  sendScheduledAfterReply: boolean;
  followUp: FollowUpPolicy;
}

export interface FollowUpPolicy {
  enabled: boolean;
  afterDays: number;
  maxFollowUps: number;
  /** UTC hours [startHour, endHour) in which follow-ups are drafted. */
  startHour: number;
  endHour: number;
  /** ISO weekdays (1 Monday .. 7 Sunday) on which follow-ups are drafted. */
  days: number[];
}

export const DEFAULT_FOLLOW_UP_POLICY: FollowUpPolicy = { enabled: false, afterDays: 3, maxFollowUps: 2, startHour: 0, endHour: 24, days: [1, 2, 3, 4, 5] };

export function resolveSettings(row: AccountSettings | null, defaultUndoWindowSeconds: number): ResolvedSettings {
  return {
    undoWindowSeconds: row?.undoWindowSeconds ?? defaultUndoWindowSeconds,
    undoWindowIsDefault: row?.undoWindowSeconds == null,
    sendScheduledAfterReply: row?.sendScheduledAfterReply ?? false,
    followUp: row
      ? {
          enabled: row.followUpEnabled,
          afterDays: row.followUpAfterDays,
          maxFollowUps: row.maxFollowUps,
          startHour: row.followUpStartHour,
          endHour: row.followUpEndHour,
          days: row.followUpDays,
        }
      : DEFAULT_FOLLOW_UP_POLICY,
  };
}

/** The viewer's account's settings (one statement), in or out of a transaction. */
export async function readSettings({ db, viewer, services }: DomainContext, tx: ScopedTransaction = db): Promise<ResolvedSettings> {
  const row = await tx.accountSettings.findUnique({ where: { accountId: viewer.accountId } });
  return resolveSettings(row, services.config.email.undoWindowSeconds);
}
