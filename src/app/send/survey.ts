// Which checked rows are ready to be sent now, and why the others are not (core/readiness
// decides; this reads the invitation ledger for it).
import type { NormalizedBooking } from '../../core/booking';
import {
  countNotReady,
  readinessOf,
  type NotReadyReason,
  type Readiness,
} from '../../core/readiness';
import type { Settings } from '../../core/settings';
import type { RowRef } from '../../core/sendSummary';
import { dayOf } from '../../core/time';
import type { CheckedRow, CheckRun } from '../checkService';
import { InvitationLedger } from '../invitationLedger';

export interface ReadyRow {
  checked: CheckedRow;
  booking: NormalizedBooking;
}

export interface Survey {
  ready: ReadyRow[];
  verdicts: { checked: CheckedRow; readiness: Readiness }[];
  notReady: Partial<Record<NotReadyReason, number>>;
  stuckSending: RowRef[];
}

export function refOf(checked: CheckedRow): RowRef {
  return { id: checked.id, rowNumber: checked.row.rowNumber };
}

/** Which checked rows are ready now, and why the others are not. */
export function surveyReadiness(
  run: CheckRun,
  settings: Settings,
  now: Date,
  automatic: boolean,
): Survey {
  const ledger = InvitationLedger.load();
  const context = {
    today: dayOf(now),
    now,
    automatic,
    quietMinutes: settings.quietMinutes,
    duplicatedIds: duplicatedIds(run.checked),
    invitedIds: ledger.ids(),
    invitedKeys: ledger.keys(),
  };
  const verdicts = run.checked.map((checked) => ({
    checked,
    readiness: readinessOf(
      { id: checked.id, errors: checked.result.errors, booking: checked.result.booking },
      context,
    ),
  }));
  return {
    ready: verdicts
      .filter((v) => v.readiness.ready)
      .map((v) => ({ checked: v.checked, booking: v.checked.result.booking })),
    verdicts,
    // Finished bookings (実施・キャンセル・無断キャンセル) are history, not "not sent".
    notReady: countNotReady(
      verdicts.filter((v) => !v.checked.result.finished).map((v) => v.readiness),
    ),
    stuckSending: verdicts
      .filter((v) => !v.readiness.ready && v.readiness.reason === 'sending')
      .map((v) => refOf(v.checked)),
  };
}

function duplicatedIds(checked: readonly CheckedRow[]): Set<string> {
  const idCounts = new Map<string, number>();
  for (const c of checked) if (c.id !== '') idCounts.set(c.id, (idCounts.get(c.id) ?? 0) + 1);
  return new Set([...idCounts].filter(([, n]) => n > 1).map(([id]) => id));
}
