import { describe, expect, it } from 'vitest';
import { STATUS } from '../../src/core/schema';
import {
  ALERT_SENDER_NAME,
  alertedDetail,
  TICK_LOG_ACTION,
  transitionAction,
  transitionDetail,
} from '../../src/core/tickWords';

/** 前日 15:00, 17:15, 09:00 and 60 minutes, as 設定 holds them by default. */
const ALERT_SETTINGS = {
  deadlineDays: 1,
  dayBeforeAlertAt: 15 * 60,
  officeClosesAt: 17 * 60 + 15,
  dueDayMorningAt: 9 * 60,
  beforeCloseMinutes: 60,
};

describe('tickWords', () => {
  it('names the automatic no-show and its minutes from the settings', () => {
    const t = { from: STATUS.confirmed, to: STATUS.noShow } as const;
    expect(transitionAction(t)).toBe('無断キャンセル（自動判定）');
    expect(transitionDetail(t, { noShowMinutes: 10 })).toBe(
      `状態 ${STATUS.confirmed} → ${STATUS.noShow}（開始から10分を過ぎても参加なし）`,
    );
    expect(transitionDetail(t, { noShowMinutes: 25 })).toContain('開始から25分を過ぎても');
  });

  it('names the automatic 実施', () => {
    const t = { from: STATUS.confirmed, to: STATUS.held } as const;
    expect(transitionAction(t)).toBe('実施（自動判定）');
    expect(transitionDetail(t, { noShowMinutes: 10 })).toBe(
      `状態 ${STATUS.confirmed} → ${STATUS.held}（参加あり・終了時刻を過ぎました）`,
    );
  });

  it('words the alert log lines and the digest sender', () => {
    expect(TICK_LOG_ACTION.alerted).toBe('送信漏れなどの通知');
    expect(alertedDetail('closedDay', ALERT_SETTINGS)).toBe(
      '通知先メールへ知らせました（確定済みの相談日が休業日になった）',
    );
    // Every level in Japanese, its deadline from 設定 (no code name such as dayBefore).
    const later = { ...ALERT_SETTINGS, dayBeforeAlertAt: 16 * 60, officeClosesAt: 17 * 60 };
    const levels = [
      'stuckSending',
      'dayBefore',
      'nextBusinessDay',
      'dueMorning',
      'dueBeforeClose',
      'closedDay',
    ] as const;
    for (const level of levels) {
      expect(alertedDetail(level, ALERT_SETTINGS)).not.toMatch(/[A-Za-z]/);
    }
    expect(alertedDetail('dayBefore', later)).toContain('16:00');
    expect(alertedDetail('nextBusinessDay', later)).toContain('17:00');
    // The warnings ahead of a deadline say their times from 設定 too.
    expect(alertedDetail('dueMorning', ALERT_SETTINGS)).toBe(
      '通知先メールへ知らせました（期限の当日09:00の時点で未送信）',
    );
    const otherTimes = { ...later, dueDayMorningAt: 8 * 60 + 30, beforeCloseMinutes: 45 };
    expect(alertedDetail('dueMorning', otherTimes)).toContain('08:30');
    expect(alertedDetail('dueBeforeClose', otherTimes)).toContain('受付終了時刻17:00の45分前');
    expect(ALERT_SENDER_NAME).toBe('オンライン相談 予約台帳');
  });
});
