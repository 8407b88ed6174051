// Setting values are never frozen into prose: with 無断キャンセル判定（分）, 受付終了時刻,
// 前日確定期限 and 予約締切 changed in 設定, every text that mentions them says the new value and
// none says the shipped one — the invitation mail and its .ics, the alert mail, チェック結果,
// and the header notes 初期設定 writes (a note it wrote under the old values is replaced).
import { describe, expect, it } from 'vitest';
import type { Emulator, SentMail } from '../../emulator/index';
import { BOOKING, SETTING, SHEET, TRIGGER_HANDLERS } from '../../src/core/schema';
import {
  bookingRow,
  bookings,
  newEmulator,
  setSetting,
  setUp,
  typeBookings,
  typeRoster,
} from './helpers';

const STAFF = 'staff@example.jp';

/** The shipped values and the ones this test types instead. */
const CHANGED = {
  [SETTING.noShowMinutes]: '15',
  [SETTING.officeClosesAt]: '17:00',
  [SETTING.dayBeforeAlertAt]: '14:30',
};

function changedWorkbook(now: string): Emulator {
  const emu = newEmulator({ now });
  setUp(emu);
  setSetting(emu, SETTING.phoneCentral, '086-000-0000');
  setSetting(emu, SETTING.alertTo, STAFF);
  for (const [key, value] of Object.entries(CHANGED)) setSetting(emu, key, value);
  typeRoster(emu);
  return emu;
}

function headerNote(emu: Emulator, sheet: string, header: string): string {
  const headers = (emu.person.values(sheet)[0] ?? []).map(String);
  const column = headers.indexOf(header);
  expect(column, header).toBeGreaterThanOrEqual(0);
  const snapshot = emu.snapshot().sheets.find((s) => s.name === sheet);
  return snapshot?.notes?.[`${String.fromCharCode(65 + column)}1`] ?? '';
}

function icsText(mail: SentMail): string {
  const attachment = mail.attachments.find((a) => a.fileName.endsWith('.ics'));
  expect(attachment).toBeDefined();
  // Unfolded, so a value split over lines reads whole.
  return new TextDecoder().decode(attachment!.bytes).replace(/\r\n /g, '');
}

describe('a changed 無断キャンセル判定（分） and 受付終了時刻', () => {
  it('are what the invitation mail and its .ics say', () => {
    const emu = changedWorkbook('2026-12-01T09:00:00+09:00');
    typeBookings(emu, [bookingRow()]);
    emu.ui.queueResponse('YES');
    expect(emu.menu('招待メールを送信').error).toBeUndefined();
    const [mail] = emu.mail.sent;
    expect(mail).toBeDefined();
    expect(mail!.body).toContain('予約時間を15分経過した場合は');
    expect(mail!.body).toContain('月～金 8:30～17:00');
    expect(mail!.body).not.toContain('10分');
    expect(mail!.body).not.toContain('17:15');
    expect(mail!.htmlBody).toContain('予約時間を15分経過した場合は');
    expect(mail!.htmlBody).not.toContain('17:15');
    const ics = icsText(mail!);
    expect(ics).toContain('予約時間を15分経過した場合');
    expect(ics).not.toContain('10分');
  });

  it('are what the header notes say once 初期設定 runs again, in 予約 and 予約_保管', () => {
    const emu = changedWorkbook('2026-12-01T09:00:00+09:00');
    setSetting(emu, SETTING.deadline, '2日前');
    const before = headerNote(emu, SHEET.bookings, BOOKING.joined);
    expect(before).toContain('開始10分後'); // written under the shipped settings
    expect(emu.menu('初期設定').error).toBeUndefined();
    for (const sheet of [SHEET.bookings, SHEET.archive]) {
      const joined = headerNote(emu, sheet, BOOKING.joined);
      expect(joined).toContain('開始15分後までにチェックがないと無断キャンセル');
      expect(joined).not.toContain('10分');
      const date = headerNote(emu, sheet, BOOKING.date);
      expect(date).toContain('2日前までに招待メールを送る');
      expect(date).not.toContain('前日');
    }
  });

  it('leave a note a person wrote alone', () => {
    const emu = changedWorkbook('2026-12-01T09:00:00+09:00');
    const headers = (emu.person.values(SHEET.bookings)[0] ?? []).map(String);
    const cell = `${String.fromCharCode(65 + headers.indexOf(BOOKING.joined))}1`;
    const own = '参加したら必ずチェック（10分ルール）';
    // As a person types it (the emulator's person has no note tool: the model takes it).
    emu.workbook.sheetByName(SHEET.bookings)!.notes.set(0, headers.indexOf(BOOKING.joined), own);
    expect(emu.menu('初期設定').error).toBeUndefined();
    expect(emu.snapshot().sheets.find((s) => s.name === SHEET.bookings)?.notes?.[cell]).toBe(own);
  });
});

describe('a changed 前日確定期限 and 受付終了時刻', () => {
  it('are what the alert mail and チェック結果 say', () => {
    // Taken Monday 11/30: one booking for Wednesday (確定期限 Tuesday 14:30), one for 12/10
    // (翌稼働日 Tuesday 17:00). Both are unsent on Tuesday at 17:05.
    const emu = changedWorkbook('2026-11-30T09:00:00+09:00');
    typeBookings(emu, [
      bookingRow({ date: '2026/12/02' }),
      bookingRow({ date: '2026/12/10', start: '11:00' }),
    ]);
    emu.setTime('2026-12-01T17:05:00+09:00');
    expect(emu.fireTimeTrigger(TRIGGER_HANDLERS.everyTenMinutes).error).toBeUndefined();
    const alerts = emu.mail.sent.filter((m) => m.to === STAFF);
    expect(alerts).toHaveLength(1);
    const body = alerts[0]!.body;
    expect(body).toContain('確定期限（相談日の前の稼働日の14:30）');
    expect(body).toContain('受付の翌稼働日17:00');
    for (const old of ['15:00', '15時', '17:15', '17時15分']) expect(body).not.toContain(old);
    const results = bookings(emu).map((r) => String(r[BOOKING.checkResult]));
    expect(results[0]).toContain('14:30');
    expect(results[1]).toContain('17:00');
    for (const text of results) {
      for (const old of ['15:00', '17:15']) expect(text).not.toContain(old);
    }
  });
});

describe('a changed 期限当日の朝の通知時刻 and 受付終了前の通知（分）', () => {
  it('are what the warnings ahead of the deadline say, and when they come', () => {
    // Taken Monday 11/30 for 12/10: 翌稼働日 Tuesday 12/1 at 17:00 (受付終了時刻 changed above).
    const emu = changedWorkbook('2026-11-30T09:00:00+09:00');
    setSetting(emu, SETTING.dueDayMorningAt, '08:40');
    setSetting(emu, SETTING.beforeCloseMinutes, '45');
    typeBookings(emu, [bookingRow({ date: '2026/12/10', start: '11:00' })]);
    const alertsAt = (time: string) => {
      emu.setTime(`2026-12-01T${time}:00+09:00`);
      expect(emu.fireTimeTrigger(TRIGGER_HANDLERS.everyTenMinutes).error).toBeUndefined();
      return emu.mail.sent.filter((m) => m.to === STAFF);
    };
    expect(alertsAt('08:30')).toHaveLength(0);
    expect(alertsAt('08:40')).toHaveLength(1);
    expect(alertsAt('16:10')).toHaveLength(1);
    const [morning, beforeClose] = alertsAt('16:20');
    expect(morning!.body).toContain('08:40の時点で');
    expect(morning!.body).toContain('期限 12月1日(火) 17:00（受付の翌稼働日）');
    expect(beforeClose!.body).toContain('受付終了時刻17:00の45分前');
    for (const mail of [morning!, beforeClose!]) {
      for (const old of ['09:00', '17:15', '60分']) expect(mail.body).not.toContain(old);
    }
  });
});
