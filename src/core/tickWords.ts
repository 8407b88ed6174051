// What the time-driven work writes for people: 操作ログ actions and details of the automatic
// status changes and of the staff alert digest (booking ids and levels only), and the digest's
// sender name.
import { alertLevelName, type AlertLevel, type AlertSettings } from './alerts';
import type { StatusTransition } from './noShows';
import { STATUS } from './schema';
import type { Settings } from './settings';

export const TICK_LOG_ACTION = {
  noShow: '無断キャンセル（自動判定）',
  held: '実施（自動判定）',
  alerted: '送信漏れなどの通知',
} as const;

/** The name the staff alert digest is sent under. */
export const ALERT_SENDER_NAME = 'オンライン相談 予約台帳';

/** The 操作ログ action of an automatic status change. */
export function transitionAction(transition: StatusTransition): string {
  return transition.to === STATUS.noShow ? TICK_LOG_ACTION.noShow : TICK_LOG_ACTION.held;
}

/** The 操作ログ detail of an automatic status change. */
export function transitionDetail(
  transition: StatusTransition,
  settings: Pick<Settings, 'noShowMinutes'>,
): string {
  return transition.to === STATUS.noShow
    ? `状態 ${transition.from} → ${transition.to}（開始から${settings.noShowMinutes}分を過ぎても参加なし）`
    : `状態 ${transition.from} → ${transition.to}（参加あり・終了時刻を過ぎました）`;
}

/** The 操作ログ detail of one finding mailed to staff. */
export function alertedDetail(level: AlertLevel, settings: AlertSettings): string {
  return `通知先メールへ知らせました（${alertLevelName(level, settings)}）`;
}
