// 予約締切, 確定期限 and 翌稼働日 (R5 "confirmed by the day before", R6 "invited by the next
// business day"): the one place that says when a booking can still be taken and when its missing
// invitation becomes the office's alarm, and how those deadlines are said in words (from the
// settings, never as typed numbers). settings.ts, check.ts, freeSlots.ts, overdue.ts, alerts.ts
// and the column notes all ask here.
//
// Decisions (README "Deadlines"):
// - 予約締切 (taking a booking) counts calendar days, as the terms say 前日: the invitation goes by
//   mail, automatic sends run on weekends too, so a Monday booking typed on Saturday can still be
//   confirmed the day before. With 前日 a booking for tomorrow is accepted, for today is not.
// - 確定期限 (the 前日15時 alarm) counts business days: staff are there to act only on business
//   days, so the alarm falls at 前日確定期限 (15:00) of the last business day of the booking's 窓口
//   before the consultation (with 2日前: the second-last). Booked Friday 15:30 for Monday 10:00, it
//   has already passed on Friday at 15:00 and is raised at once; booked 12/28 for 1/4, it is 12/28
//   15:00 (12/29–1/3 are closed).
// - 翌稼働日 (R6): 17:15 of the first business day after the day 受付日時 falls on. When that is
//   not before the consultation starts, waiting for it would be too late: the 確定期限 alarm,
//   which then falls on or before the day the booking was taken, is raised instead — at once
//   when it has passed (Friday 15:30 for Monday), else at 15:00 that day (Thursday 10:00 for
//   Friday). An alarm for every next-day booking the moment it is typed would teach staff to
//   ignore alarms, before the automatic send even had its chance.
import { businessDayBefore, nextBusinessDay, type ClosedDay } from './calendar';
import {
  addDays,
  daysBetween,
  formatTime,
  instantAt,
  tryDayOf,
  type LocalDate,
  type TimeOfDay,
} from './time';

/** What 設定「予約締切」 says, as days before the consultation: 前日 = 1, 前々日 = 2, 3日前 = 3. */
export function parseDeadlineDays(text: string): number | null {
  if (text === '前日') return 1;
  if (text === '前々日') return 2;
  const match = /^(\d{1,2})日前$/.exec(text);
  return match && Number(match[1]) >= 1 ? Number(match[1]) : null;
}

/** The inverse, for sentences: 1 → '前日', 3 → '3日前'. */
export function deadlineDaysWords(deadlineDays: number): string {
  return deadlineDays <= 1 ? '前日' : `${deadlineDays}日前`;
}

/** '相談日の前の稼働日の15:00' (with 2日前: '相談日の2つ前の稼働日の15:00'): the 確定期限 in words. */
export function confirmationDeadlineWords(settings: {
  deadlineDays: number;
  dayBeforeAlertAt: TimeOfDay;
}): string {
  const which = settings.deadlineDays <= 1 ? '前' : `${settings.deadlineDays}つ前`;
  return `相談日の${which}の稼働日の${formatTime(settings.dayBeforeAlertAt)}`;
}

/** '受付の翌稼働日17:15': the 翌稼働日 deadline (R6) in words. */
export function nextBusinessDayWords(settings: { officeClosesAt: TimeOfDay }): string {
  return `受付の翌稼働日${formatTime(settings.officeClosesAt)}`;
}

/** 予約締切: the first 相談日 that can still be booked on `today` (前日 = 1: tomorrow). */
export function firstBookableDay(today: LocalDate, deadlineDays: number): LocalDate {
  return addDays(today, Math.max(1, deadlineDays));
}

/** 予約締切 for one booking: 'today' (or past), 'tooClose' (within the deadline) or 'ok'. */
export function bookingDeadlineState(
  day: LocalDate,
  today: LocalDate,
  deadlineDays: number,
): 'notAfterToday' | 'tooClose' | 'ok' {
  if (daysBetween(today, day) <= 0) return 'notAfterToday';
  return day < firstBookableDay(today, deadlineDays) ? 'tooClose' : 'ok';
}

export interface Deadline {
  day: LocalDate;
  at: Date;
}

/** 確定期限: 前日確定期限 (15:00) of the deadlineDays-th business day before the consultation. */
export function confirmationDeadline(
  date: LocalDate,
  office: string,
  settings: { deadlineDays: number; dayBeforeAlertAt: TimeOfDay },
  closedDays: readonly ClosedDay[],
): Deadline {
  const day = businessDayBefore(
    date,
    settings.deadlineDays,
    office === '' ? null : office,
    closedDays,
  );
  return { day, at: instantAt(day, settings.dayBeforeAlertAt) };
}

/**
 * 翌稼働日: 受付終了時刻 (17:15) of the first business day after `takenOn`, and whether that comes
 * too late — not before the consultation starts — so the alarm is due at once.
 */
export function nextBusinessDayDeadline(
  takenOn: LocalDate,
  office: string,
  closesAt: TimeOfDay,
  consultation: Date | null,
  closedDays: readonly ClosedDay[],
): Deadline & { afterConsultation: boolean } {
  const day = nextBusinessDay(takenOn, office === '' ? null : office, closedDays);
  const at = instantAt(day, closesAt);
  return { day, at, afterConsultation: consultation !== null && at >= consultation };
}

/** The 翌稼働日 deadline of a booking taken at `takenAt`, with the day it was taken. */
export interface TakenDeadline extends Deadline {
  takenOn: LocalDate;
  afterConsultation: boolean;
}

/**
 * 翌稼働日 for one booking at `now`: null when 受付日時 is missing, still to come (a typo, not a
 * booking taken) or outside the calendar (1899 …): nothing can be overdue from it.
 */
export function takenDeadline(
  booking: {
    takenAt: Date | null;
    date: LocalDate | null;
    start: TimeOfDay | null;
    office: string;
  },
  now: Date,
  closesAt: TimeOfDay,
  closedDays: readonly ClosedDay[],
): TakenDeadline | null {
  if (booking.takenAt === null || booking.takenAt > now) return null;
  const takenOn = tryDayOf(booking.takenAt);
  if (takenOn === null) return null;
  const consultation = booking.date === null ? null : instantAt(booking.date, booking.start ?? 0);
  const found = nextBusinessDayDeadline(
    takenOn,
    booking.office,
    closesAt,
    consultation,
    closedDays,
  );
  return { takenOn, ...found };
}
