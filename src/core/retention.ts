// 個人情報の保存年数 (issue 17 §1): which 予約_保管 rows are past the retention period, which of
// their cells are personal and still filled, and which 対象者 rows staff should review. Pure.
//
// "Older than the period": 相談日 < today (Asia/Tokyo) minus N years (same month and day, 2/29
// clamped to 2/28). A booking on exactly that day is kept one more day.
import { BOOKING } from './schema';
import { addMonths, compareDays, type LocalDate } from './time';

/** The cells erasure blanks. Everything else (予約ID, dates, 窓口, 担当者, 状態 …) stays. */
export const PERSONAL_HEADERS: readonly string[] = [
  BOOKING.name,
  BOOKING.email,
  BOOKING.seekerNo,
  BOOKING.meetingUrl,
  BOOKING.note,
];

/** The first day that is kept: rows whose 相談日 is before it are past the period. */
export function retentionCutoff(today: LocalDate, years: number): LocalDate {
  return addMonths(today, -12 * years);
}

/** One 予約_保管 row as the plan needs it. */
export interface RetentionRow {
  rowNumber: number;
  id: string;
  /** null when 相談日 cannot be read: such a row is never erased. */
  date: LocalDate | null;
  /** Header → whether that personal cell is non-blank now. */
  filled: readonly string[];
}

export interface ErasurePlan {
  cutoff: LocalDate;
  /** Per 予約ID past the period with personal cells still filled: the headers to blank. */
  erase: Map<string, readonly string[]>;
  /** Rows past the period already blank (an earlier run): not counted again. */
  alreadyBlank: number;
  /** Rows past the period that cannot be found again by id (none, or the id twice): left alone. */
  withoutUniqueId: number;
  /** Rows whose 相談日 cannot be read: left alone. */
  undated: number;
}

export function planErasure(rows: readonly RetentionRow[], cutoff: LocalDate): ErasurePlan {
  const idCount = new Map<string, number>();
  for (const r of rows) if (r.id !== '') idCount.set(r.id, (idCount.get(r.id) ?? 0) + 1);
  const plan: ErasurePlan = {
    cutoff,
    erase: new Map(),
    alreadyBlank: 0,
    withoutUniqueId: 0,
    undated: 0,
  };
  for (const r of rows) {
    if (r.date === null) {
      if (r.filled.length > 0) plan.undated++;
      continue;
    }
    if (compareDays(r.date, cutoff) >= 0) continue;
    if (r.filled.length === 0) {
      plan.alreadyBlank++;
      continue;
    }
    if (r.id === '' || idCount.get(r.id) !== 1) {
      plan.withoutUniqueId++;
      continue;
    }
    plan.erase.set(r.id, [...r.filled]);
  }
  return plan;
}

/** One 対象者 row: to be reviewed by staff when 支援終了日 is before the cutoff. */
export interface RosterRetentionRow {
  rowNumber: number;
  seekerNo: string;
  supportEnd: LocalDate | null;
}

/** 対象者 rows whose support ended before the cutoff, for staff to review (never deleted). */
export function rosterToReview(
  rows: readonly RosterRetentionRow[],
  cutoff: LocalDate,
): RosterRetentionRow[] {
  return rows.filter((r) => r.supportEnd !== null && compareDays(r.supportEnd, cutoff) < 0);
}
