// Whether a checked booking may be sent its invitation now, and if not, why (SPEC §4 "Sending
// invitations"). Pure: the send service and the menu's confirmation dialog both ask this, so
// the dialog's counts and what is then sent follow one rule.
import type { NormalizedBooking } from './booking';
import type { InvitationInput } from './invitation';
import { awaitsInvitation } from './consultationBooking';
import { invitationKeyOf, sentDetailsOf } from './invitationLedger';
import { mailFooter } from './mailFooter';
import { isQuietSince } from './quiet';
import type { Settings } from './settings';
import type { LocalDate } from './time';

/** A booking as the check left it; `id` is the 予約ID it has after the check (may be new). */
export interface CheckedBooking {
  id: string;
  errors: readonly string[];
  booking: NormalizedBooking;
}

export interface ReadinessContext {
  today: LocalDate;
  now: Date;
  /** Automatic (trigger) sends also wait 送信待ち時間 after the last edit. */
  automatic: boolean;
  quietMinutes: number;
  /** 予約ID found on more than one row: such rows cannot be told apart, so none is sent. */
  duplicatedIds?: ReadonlySet<string>;
  /** 予約ID in the invitation ledger: mailed (or started) already, whatever the cells say. */
  invitedIds?: ReadonlySet<string>;
  /**
   * invitationKeyOf → 予約ID of every ledger entry: a row showing the address, day, time and URL
   * of an invitation mailed under another id (its 予約ID and 状態 cleared, a new id given) is
   * the same booking, and is never mailed again by a run.
   */
  invitedKeys?: ReadonlyMap<string, string>;
}

/** Why a booking is not ready, in the order they are tested (the first that applies wins). */
export const NOT_READY_REASONS = [
  'sending',
  'notTaken',
  'sendFailed',
  'alreadyInvited',
  'ledgered',
  'noId',
  'duplicateId',
  'errors',
  'dayPassed',
  'recentlyEdited',
] as const;
export type NotReadyReason = (typeof NOT_READY_REASONS)[number];

export type Readiness = { ready: true } | { ready: false; reason: NotReadyReason };

/** Staff-facing words for each reason (dialogs, the send report). */
export const NOT_READY_LABELS: Readonly<Record<NotReadyReason, string>> = {
  sending: '招待メール送信日時が「送信中」のまま（送られたかどうか確認が必要）',
  notTaken: '状態が「受付」以外（確定済み・キャンセルなど）',
  sendFailed: '前回の送信がメールサービスに断られたまま（行を直すと次のチェックで解除）',
  alreadyInvited: '招待メール送信日時が入力済み',
  ledgered: '招待メールの送信記録がある（送り直しは「招待メールを再送」で）',
  noId: '予約IDがまだない',
  duplicateId: '予約IDが他の行と重複',
  errors: 'チェック結果にエラーがある',
  dayPassed: '相談日が今日以前',
  recentlyEdited: '最後の編集から送信待ち時間が経っていない',
};

export function readinessOf(checked: CheckedBooking, ctx: ReadinessContext): Readiness {
  const reason = notReadyReason(checked, ctx);
  return reason === null ? { ready: true } : { ready: false, reason };
}

function notReadyReason(checked: CheckedBooking, ctx: ReadinessContext): NotReadyReason | null {
  const { booking } = checked;
  // A started send may have reached the job seeker: never again without a person (at most once).
  if (booking.sending) return 'sending';
  // 受付, or 確定 during a consultation with the invitation still to be sent (第6条(4)).
  if (!awaitsInvitation(booking)) return 'notTaken';
  if (booking.sendFailure !== null) return 'sendFailed';
  if (booking.invitationMarked) return 'alreadyInvited';
  const id = checked.id.trim();
  if (id !== '' && ctx.invitedIds?.has(id)) return 'ledgered';
  if (ctx.invitedKeys && ctx.invitedKeys.size > 0) {
    const details = sentDetailsOf(booking);
    const other = details === null ? undefined : ctx.invitedKeys.get(invitationKeyOf(details));
    if (other !== undefined && other !== id) return 'ledgered';
  }
  if (id === '') return 'noId';
  if (ctx.duplicatedIds?.has(id)) return 'duplicateId';
  if (checked.errors.length > 0) return 'errors';
  if (booking.date === null || booking.date <= ctx.today) return 'dayPassed';
  if (ctx.automatic && !isQuietSince(booking, ctx.now, ctx.quietMinutes)) return 'recentlyEdited';
  return null;
}

/** How many bookings are not ready, per reason (reasons with none are left out). */
export function countNotReady(
  verdicts: readonly Readiness[],
): Partial<Record<NotReadyReason, number>> {
  const counts: Partial<Record<NotReadyReason, number>> = {};
  for (const verdict of verdicts) {
    if (verdict.ready) continue;
    counts[verdict.reason] = (counts[verdict.reason] ?? 0) + 1;
  }
  return counts;
}

/** '・状態が…: 3件' lines in NOT_READY_REASONS order, for dialogs. */
export function notReadyLines(counts: Partial<Record<NotReadyReason, number>>): string[] {
  return NOT_READY_REASONS.filter((r) => (counts[r] ?? 0) > 0).map(
    (r) => `・${NOT_READY_LABELS[r]}: ${counts[r]}件`,
  );
}

/** The domain of the calendar UID when 返信先メール gives none usable. */
export const DEFAULT_UID_DOMAIN = 'online-soudan.kurashiki.invalid';

/**
 * What renderInvitation needs for one booking, from the checked row and 設定. Null when the day
 * or start time is unreadable (the check reports those as errors).
 */
export function invitationInputFor(
  id: string,
  booking: NormalizedBooking,
  settings: Settings,
  now: Date,
): InvitationInput | null {
  if (booking.date === null || booking.start === null) return null;
  const replyTo = settings.replyTo ?? '';
  const replyDomain = replyTo.slice(replyTo.lastIndexOf('@') + 1);
  const input: InvitationInput = {
    name: booking.name,
    day: booking.date,
    startMinutes: booking.start,
    durationMinutes: settings.durationMinutes,
    office: booking.office,
    officer: booking.officer,
    phone: settings.phones[booking.office] ?? '',
    meetingUrl: booking.meetingUrl ?? '',
    termsVersion: settings.termsVersion,
    senderName: settings.senderNames[booking.office] ?? '',
    bookingId: id,
    noShowMinutes: settings.noShowMinutes,
    officeClosesAt: settings.officeClosesAt,
    phoneHours: settings.phoneHours[booking.office] ?? '',
    subjectTemplate: settings.mailSubject,
    bodyTemplate: settings.mailBody,
    footer: mailFooter(settings),
    uidDomain: /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(replyDomain)
      ? replyDomain
      : DEFAULT_UID_DOMAIN,
    now,
  };
  if (settings.replyTo) input.organizerEmail = settings.replyTo;
  return input;
}
