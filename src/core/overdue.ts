// Missing invitations (R5, R6): bookings the office must notice because the job seeker has not
// been invited in time, and sends that never finished. Each finding has a level, so the alert
// mail can name a booking once per level instead of every 10 minutes, and a Japanese line that
// the check appends to チェック結果 (so every check run writes the same text).

import type { NormalizedBooking } from './booking';
import type { ClosedDay } from './calendar';
import { awaitsInvitation, isConfirmedPendingInvitation } from './consultationBooking';
import { confirmationDeadline, takenDeadline, type TakenDeadline } from './deadlines';
import { ERROR_PREFIX, SENDING_MARK, STATUS, WARNING_PREFIX } from './schema';
import type { Settings } from './settings';
import {
  addMinutes,
  dayOf,
  formatDay,
  formatInstant,
  formatTime,
  instantAt,
  type LocalDate,
} from './time';

/** Minutes after which a `送信中` mark means the send did not finish (a send takes seconds). */
const STUCK_SENDING_MINUTES = 10;

export type OverdueLevel = 'nextBusinessDay' | 'dayBefore' | 'stuckSending';

export interface OverdueFlag {
  level: OverdueLevel;
  /** One line for チェック結果, starting 注意: or エラー:. */
  message: string;
}

export interface OverdueContext {
  now: Date;
  settings: Pick<Settings, 'officeClosesAt' | 'dayBeforeAlertAt' | 'deadlineDays'>;
  closedDays: readonly ClosedDay[];
}

export type OverdueBooking = Pick<
  NormalizedBooking,
  | 'status'
  | 'channel'
  | 'date'
  | 'start'
  | 'office'
  | 'invitedAt'
  | 'sending'
  | 'sendingSince'
  | 'takenAt'
>;

/**
 * The findings for one booking at ctx.now, in level order:
 * - nextBusinessDay: 受付, not sent, and 受付終了時刻 (17:15) of the next business day after
 *   受付日時 has passed (R6: the job seeker would have to phone); when that time is not before
 *   the consultation, dayBefore (due on or before the day taken) raises it instead;
 * - dayBefore: 受付, not sent, and it is past 前日確定期限 (15:00) of the last business day before
 *   the consultation (core/deadlines.ts), or the day has come;
 * - stuckSending: 招待メール送信日時 has said `送信中` for 10 minutes or more (or its time is
 *   unreadable): the send may or may not have happened, a person must look.
 * A 受付 booking whose 相談日 has passed is no longer flagged: the check already reports it.
 * A 確定 booking made during a consultation with its invitation still to be sent (第6条(4),
 * core/consultationBooking.ts) is watched like a 受付 one: it is confirmed, so the 前日 deadline
 * is met, but the meeting URL must still reach the person, so both levels flag and alert it.
 */
export function overdueFlags(booking: OverdueBooking, ctx: OverdueContext): OverdueFlag[] {
  const flags: OverdueFlag[] = [];
  const today = dayOf(ctx.now);
  if (isUnsent(booking, today)) {
    const closesAt = ctx.settings.officeClosesAt;
    const deadline = takenDeadline(booking, ctx.now, closesAt, ctx.closedDays);
    // A 翌稼働日 not before the consultation would come too late: the 確定期限 alarm (dayBefore,
    // on or before the day the booking was taken, so at once or within hours) stands for it.
    if (deadline !== null && !deadline.afterConsultation && ctx.now >= deadline.at) {
      flags.push({ level: 'nextBusinessDay', message: nextBusinessDayMessage(deadline, closesAt) });
    }
    const dayBefore = dayBeforeFinding(booking, today, ctx);
    if (dayBefore !== null) flags.push({ level: 'dayBefore', message: dayBefore });
  }
  if (isStuckSending(booking, ctx.now)) {
    flags.push({ level: 'stuckSending', message: stuckSendingMessage(booking.sendingSince) });
  }
  return flags;
}

function isUnsent(booking: OverdueBooking, today: LocalDate): boolean {
  const stillToCome = booking.date === null || booking.date >= today;
  return awaitsInvitation(booking) && !booking.sending && booking.invitedAt === null && stillToCome;
}

/** A warning ahead of a deadline that falls today: in the morning, then before closing. */
export type DueTodayLevel = 'dueMorning' | 'dueBeforeClose';

export interface DueTodayFlag {
  level: DueTodayLevel;
  /** Which deadline comes next today, and when. */
  kind: 'nextBusinessDay' | 'dayBefore';
  at: Date;
}

export interface DueTodayContext extends OverdueContext {
  settings: OverdueContext['settings'] & Pick<Settings, 'dueDayMorningAt' | 'beforeCloseMinutes'>;
}

/**
 * Warns staff while they can still act, before the overdue alarms above (which for 翌稼働日 fall
 * at 受付終了時刻, when the office has closed). For a 受付 booking not yet sent whose next
 * deadline — 翌稼働日 (受付終了時刻) or 確定期限 (前日確定期限) — falls later today:
 * - dueBeforeClose from 受付終了時刻 − 受付終了前の通知（分） (when the deadline is later than that);
 * - else dueMorning from 期限当日の朝の通知時刻.
 * Each only for a booking taken before that moment (a booking typed after it has its automatic
 * send still to come), and none once an overdue alarm stands. Deadlines fall on business days
 * only, so nothing is warned on a closed day. null: nothing to warn of now.
 */
export function dueTodayFlag(booking: OverdueBooking, ctx: DueTodayContext): DueTodayFlag | null {
  const today = dayOf(ctx.now);
  const takenAt = booking.takenAt;
  if (takenAt === null || !isUnsent(booking, today)) return null;
  if (overdueFlags(booking, ctx).length > 0) return null;
  const next = nextDeadlineToday(booking, today, ctx);
  if (next === null) return null;
  const { settings } = ctx;
  if (settings.beforeCloseMinutes > 0) {
    const warnAt = instantAt(
      today,
      Math.max(0, settings.officeClosesAt - settings.beforeCloseMinutes),
    );
    if (ctx.now >= warnAt) {
      return takenAt < warnAt ? { level: 'dueBeforeClose', ...next } : null;
    }
  }
  const morning = instantAt(today, settings.dueDayMorningAt);
  return ctx.now >= morning && takenAt < morning ? { level: 'dueMorning', ...next } : null;
}

function nextDeadlineToday(
  booking: OverdueBooking,
  today: LocalDate,
  ctx: OverdueContext,
): Omit<DueTodayFlag, 'level'> | null {
  const found: Omit<DueTodayFlag, 'level'>[] = [];
  const taken = takenDeadline(booking, ctx.now, ctx.settings.officeClosesAt, ctx.closedDays);
  if (taken !== null && !taken.afterConsultation && taken.day === today) {
    found.push({ kind: 'nextBusinessDay', at: taken.at });
  }
  if (booking.date !== null && booking.date > today) {
    const confirm = confirmationDeadline(
      booking.date,
      booking.office,
      ctx.settings,
      ctx.closedDays,
    );
    if (confirm.day === today) found.push({ kind: 'dayBefore', at: confirm.at });
  }
  const ahead = found.filter((d) => ctx.now < d.at);
  ahead.sort((a, b) => a.at.getTime() - b.at.getTime());
  return ahead[0] ?? null;
}

/** The lines overdueFlags gives, for チェック結果. */
export function overdueMessages(booking: OverdueBooking, ctx: OverdueContext): string[] {
  return overdueFlags(booking, ctx).map((flag) => flag.message);
}

function dayBeforeFinding(
  booking: OverdueBooking,
  today: LocalDate,
  ctx: OverdueContext,
): string | null {
  const date = booking.date;
  if (date === null) return null;
  const pending = isConfirmedPendingInvitation(booking);
  if (date <= today) {
    if (pending) return warning(pendingOnTheDay(date));
    return warning(
      `「相談日」（${formatDay(date)}）になっても「招待メール送信日時」が空です（予約は確定していません）。` +
        'すぐにご本人へ電話で連絡し、実施するか決めてください。',
    );
  }
  const deadline = confirmationDeadline(date, booking.office, ctx.settings, ctx.closedDays);
  const deadlineDay = deadline.day;
  if (ctx.now < deadline.at) return null;
  if (pending)
    return warning(pendingPastDeadline(date, deadlineDay, ctx.settings.dayBeforeAlertAt));
  return warning(
    `「相談日」（${formatDay(date)}）の確定期限 ${formatDay(deadlineDay)} ${formatTime(ctx.settings.dayBeforeAlertAt)} を` +
      '過ぎても「招待メール送信日時」が空です。エラーを直して今すぐ送信するか、ご本人へ電話で連絡してください。',
  );
}

/** 第6条(4): confirmed in the consultation, so only the URL is missing (not the confirmation). */
function pendingOnTheDay(date: LocalDate): string {
  return (
    `「相談日」（${formatDay(date)}）になっても「招待メール送信日時」が空です（予約は相談中に確定していますが、会議URLが届いていません）。` +
    'すぐにご本人へ電話で連絡し、会議URLを伝えてください。'
  );
}

function pendingPastDeadline(date: LocalDate, deadlineDay: LocalDate, at: number): string {
  return (
    `「相談日」（${formatDay(date)}）の前日 ${formatDay(deadlineDay)} ${formatTime(at)} を過ぎても「招待メール送信日時」が空です。` +
    '予約は相談中に確定していますが、会議URLがまだご本人に届いていません。エラーを直して今すぐ送信するか、ご本人へ電話で会議URLを伝えてください。'
  );
}

function nextBusinessDayMessage(deadline: TakenDeadline, closesAt: number): string {
  return warning(
    `「受付日時」（${formatDay(deadline.takenOn)}）の翌稼働日 ${formatDay(deadline.day)} ${formatTime(closesAt)} を` +
      '過ぎても「招待メール送信日時」が空です。ご本人から問い合わせがある前に、エラーを直して送信してください。',
  );
}

function isStuckSending(booking: OverdueBooking, now: Date): boolean {
  if (!booking.sending) return false;
  if (booking.status !== STATUS.taken && booking.status !== STATUS.confirmed) return false;
  if (booking.sendingSince === null) return true; // unreadable time: assume the worst
  return now >= addMinutes(booking.sendingSince, STUCK_SENDING_MINUTES);
}

function stuckSendingMessage(since: Date | null): string {
  const when = since === null ? '' : `（${formatInstant(since)} から）`;
  return (
    `${ERROR_PREFIX} 「招待メール送信日時」が「${SENDING_MARK}」のままです${when}。送信が途中で止まった可能性があります。` +
    '送信済みメールを確かめ、届いていれば送信日時を入力して「状態」を確定に、届いていなければ「招待メール送信日時」を空にしてください（自動では再送しません）。'
  );
}

function warning(text: string): string {
  return `${WARNING_PREFIX} ${text}`;
}
