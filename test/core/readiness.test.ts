import { describe, expect, it } from 'vitest';
import type { NormalizedBooking } from '../../src/core/booking';
import { renderInvitation } from '../../src/core/invitation';
import {
  countNotReady,
  DEFAULT_UID_DOMAIN,
  invitationInputFor,
  notReadyLines,
  readinessOf,
  type CheckedBooking,
  type ReadinessContext,
} from '../../src/core/readiness';
import { STATUS } from '../../src/core/schema';
import { defaultSettings } from '../../src/core/settings';
import { makeDay, type LocalDate } from '../../src/core/time';

const day = (y: number, m: number, d: number): LocalDate => makeDay(y, m, d)!;
const NOW = new Date('2026-12-01T09:00:00+09:00');
const context: ReadinessContext = {
  today: day(2026, 12, 1),
  now: NOW,
  automatic: false,
  quietMinutes: 10,
};

function booking(overrides: Partial<NormalizedBooking> = {}): NormalizedBooking {
  return {
    rowNumber: 2,
    id: 'R0001',
    name: '倉敷 太郎',
    seekerNo: '33010-12345678',
    email: 'taro@example.jp',
    date: day(2026, 12, 2),
    start: 600,
    office: '倉敷わかもの',
    officer: '担当 花子',
    meetingUrl: 'https://teleoffice.example.jp/join/abc',
    status: STATUS.taken,
    joined: false,
    invitedAt: null,
    sending: false,
    sendingSince: null,
    invitationMarked: false,
    sendFailure: null,
    takenAt: new Date('2026-11-30T10:00:00+09:00'),
    updatedAt: new Date('2026-11-30T10:05:00+09:00'),
    channel: '電話',
    ...overrides,
  };
}

function checked(
  overrides: Partial<NormalizedBooking> = {},
  errors: string[] = [],
): CheckedBooking {
  return { id: 'R0001', errors, booking: booking(overrides) };
}

describe('readinessOf', () => {
  it('a clean 受付 row for a later day with no invitation is ready', () => {
    expect(readinessOf(checked(), context)).toEqual({ ready: true });
  });

  it('a blank 状態 reads as 受付 (normalised by the booking reader), so it is ready too', () => {
    expect(readinessOf(checked({ status: STATUS.taken }), context).ready).toBe(true);
  });

  it.each([
    ['sending', { sending: true, invitationMarked: true }],
    ['notTaken', { status: STATUS.confirmed }],
    ['notTaken', { status: STATUS.cancelled }],
    [
      'sendFailed',
      { invitationMarked: true, sendFailure: { at: NOW, reason: '宛先がありません' } },
    ],
    ['alreadyInvited', { invitationMarked: true, invitedAt: NOW }],
    ['dayPassed', { date: day(2026, 12, 1) }],
    ['dayPassed', { date: day(2026, 11, 30) }],
    ['dayPassed', { date: null }],
  ] as const)('not ready: %s', (reason, overrides) => {
    expect(readinessOf(checked(overrides), context)).toEqual({ ready: false, reason });
  });

  it('a 送信中 row is never ready, even when everything else is fine (at most once)', () => {
    const row = checked({ sending: true, invitationMarked: true, status: STATUS.taken });
    expect(readinessOf(row, { ...context, automatic: true })).toEqual({
      ready: false,
      reason: 'sending',
    });
    expect(readinessOf(row, context)).toEqual({ ready: false, reason: 'sending' });
  });

  it('a row with エラー is not ready', () => {
    expect(readinessOf(checked({}, ['エラー: 会議URLがありません。']), context)).toEqual({
      ready: false,
      reason: 'errors',
    });
  });

  it('needs a 予約ID, and one that no other row carries', () => {
    expect(readinessOf({ ...checked(), id: '' }, context)).toEqual({
      ready: false,
      reason: 'noId',
    });
    const duplicatedIds = new Set(['R0001']);
    expect(readinessOf(checked(), { ...context, duplicatedIds })).toEqual({
      ready: false,
      reason: 'duplicateId',
    });
  });

  describe('送信待ち時間 (automatic sends only)', () => {
    const auto = { ...context, automatic: true };

    it('waits until the last edit is quietMinutes old', () => {
      const edited = (minutesAgo: number) =>
        checked({ updatedAt: new Date(NOW.getTime() - minutesAgo * 60_000), takenAt: null });
      expect(readinessOf(edited(9), auto)).toEqual({ ready: false, reason: 'recentlyEdited' });
      expect(readinessOf(edited(10), auto)).toEqual({ ready: true });
      // A menu send does not wait.
      expect(readinessOf(edited(1), context)).toEqual({ ready: true });
    });

    it('uses 受付日時 when 最終更新 is blank, and waits a run when both are blank', () => {
      const takenRecently = checked({ updatedAt: null, takenAt: new Date(NOW.getTime() - 60_000) });
      expect(readinessOf(takenRecently, auto).ready).toBe(false);
      const neither = checked({ updatedAt: null, takenAt: null });
      expect(readinessOf(neither, auto)).toEqual({ ready: false, reason: 'recentlyEdited' });
      expect(readinessOf(neither, { ...auto, quietMinutes: 0 })).toEqual({ ready: true });
    });

    it('takes the later of 最終更新 and 受付日時', () => {
      const row = checked({
        updatedAt: new Date(NOW.getTime() - 60 * 60_000),
        takenAt: new Date(NOW.getTime() - 2 * 60_000),
      });
      expect(readinessOf(row, auto)).toEqual({ ready: false, reason: 'recentlyEdited' });
    });
  });
});

describe('countNotReady / notReadyLines', () => {
  it('counts per reason and words them in Japanese', () => {
    const verdicts = [
      readinessOf(checked(), context),
      readinessOf(checked({ status: STATUS.confirmed }), context),
      readinessOf(checked({ status: STATUS.held }), context),
      readinessOf(checked({}, ['エラー: x']), context),
    ];
    const counts = countNotReady(verdicts);
    expect(counts).toEqual({ notTaken: 2, errors: 1 });
    expect(notReadyLines(counts)).toEqual([
      '・状態が「受付」以外（確定済み・キャンセルなど）: 2件',
      '・チェック結果にエラーがある: 1件',
    ]);
  });
});

describe('invitationInputFor', () => {
  const settings = { ...defaultSettings(), replyTo: 'soudan@hellowork.example.jp' };

  it('fills the invitation from the booking and 設定 (per-窓口 phone and sender)', () => {
    const input = invitationInputFor('R0001', booking(), settings, NOW)!;
    expect(input).toMatchObject({
      name: '倉敷 太郎',
      day: '2026-12-02',
      startMinutes: 600,
      durationMinutes: 30,
      office: '倉敷わかもの',
      phone: '086-430-0705',
      senderName: '倉敷わかものハローワーク',
      termsVersion: '令和4年5月30日制定（令和4年8月24日改正）',
      bookingId: 'R0001',
      uidDomain: 'hellowork.example.jp',
      organizerEmail: 'soudan@hellowork.example.jp',
    });
    const mail = renderInvitation(input);
    expect(mail.problems).toEqual([]);
    expect(mail.body).toContain('12月2日(水)');
    expect(mail.body).toContain('10:00～10:30');
  });

  it('without 返信先メール uses a reserved domain for the calendar UID and no organizer', () => {
    const input = invitationInputFor('R0001', booking(), { ...settings, replyTo: null }, NOW)!;
    expect(input.uidDomain).toBe(DEFAULT_UID_DOMAIN);
    expect(input.organizerEmail).toBeUndefined();
  });

  it('gives null when the day or time is unreadable', () => {
    expect(invitationInputFor('R0001', booking({ date: null }), settings, NOW)).toBeNull();
    expect(invitationInputFor('R0001', booking({ start: null }), settings, NOW)).toBeNull();
  });

  it('a 窓口 without a phone number yields a render problem, so it cannot be sent', () => {
    const input = invitationInputFor('R0001', booking({ office: '倉敷中央' }), settings, NOW)!;
    expect(input.phone).toBe('');
    expect(renderInvitation(input).problems.join('\n')).toContain('電話番号');
  });
});
