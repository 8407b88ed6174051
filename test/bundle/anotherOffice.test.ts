// Another office on the same bundle: three 窓口 (本所, 分室A, 分室B), slots 09:30/13:30/16:00, two
// places a slot, its own phones, sender names and hours, and 分室B closed on Friday for 研修
// (runner/profiles/mihon.ts). The week the demo runs (runner/demoWeek.ts) is played in the
// emulator; nothing in src/ names the office.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/index';
import type { SentMail } from '../../emulator/types';
import { mondayBookings, meetingUrl, runWeek, WEEK_START } from '../../runner/demoWeek';
import { mihon, MIHON_OFFICES } from '../../runner/profiles/mihon';
import { BOOKING, SHEET, STATUS } from '../../src/core/schema';
import { newEmulator } from './helpers';

const PHONE = { 本所: '099-000-0001', 分室A: '099-000-0002', 分室B: '099-000-0003' };
const SENDER = {
  本所: 'ハローワーク見本 本所',
  分室A: 'ハローワーク見本 分室A',
  分室B: 'ハローワーク見本 分室B',
};
const HOURS = {
  本所: '月～金 8:30～17:00',
  分室A: '月～金 9:00～16:00',
  分室B: '火・木 10:00～15:00',
};
type Office = (typeof MIHON_OFFICES)[number];

let emu: Emulator;
let afterCheck: Record<string, unknown>[] = [];
let mails: SentMail[] = [];
let ticks = 0;

/** The booking row typed with meeting URL n (the demo's booking n). */
const rowOf = (rows: Record<string, unknown>[], n: number) =>
  rows.find((r) => r[BOOKING.meetingUrl] === meetingUrl(n))!;

beforeAll(() => {
  emu = newEmulator({ now: WEEK_START.toISOString() });
  emu.open();
  emu.ui.setDefault('accept');
  const driver = {
    emu,
    menu: (caption: string) => {
      const result = emu.menu(caption);
      if (result.error) throw new Error(`${caption}: ${String(result.error)}`);
      return result;
    },
    trigger: (handler: string) => {
      const result = emu.run(handler, [], { kind: 'time' });
      if (result.error) throw new Error(`${handler}: ${String(result.error)}`);
      return result;
    },
  };
  ticks = runWeek(driver, mihon, {
    afterCheck: () => {
      afterCheck = emu.records(SHEET.bookings);
    },
  });
  mails = emu.mail.sent;
}, 120_000);

describe('another office (3 窓口, other slots, 定員 2, a 休業日) runs the demo week', () => {
  it('初期設定 made the per-窓口 rows for the three 窓口, and the sheets hold the office', () => {
    const settings = new Map(emu.person.values(SHEET.settings).map((r) => [String(r[0]), r[1]]));
    expect(settings.get('窓口')).toBe('本所,分室A,分室B');
    expect(settings.get('開始時刻')).toBe('09:30,13:30,16:00');
    for (const office of MIHON_OFFICES) {
      expect(settings.get(`電話番号（${office}）`), office).toBe(PHONE[office]);
      expect(settings.get(`差出人名（${office}）`), office).toBe(SENDER[office]);
    }
    expect(ticks).toBe(660);
  });

  it('the check accepts the new slots and refuses what the office does not offer', () => {
    const bookings = mondayBookings(mihon);
    expect(afterCheck).toHaveLength(bookings.length);
    const result = (n: number) => String(rowOf(afterCheck, n)[BOOKING.checkResult]);
    // Warnings only (the same person booked twice in the week, a carrier address), no error.
    for (const n of [1, 2, 3, 4, 5, 6, 10])
      expect(result(n), `booking ${n}`).not.toContain('エラー');
    expect(result(1)).toBe('OK');
    // 10:00, a slot as shipped, is none here; the message lists this office's slots.
    expect(result(8)).toContain(
      '「開始時刻」の10:00は予約枠ではありません。09:30、13:30、16:00のいずれかにしてください。',
    );
    expect(result(7)).toContain('12月5日(土)は土曜日');
    // 各枠の定員 2: 本所's Thursday 09:30 takes two (11, 12), the third (13) is refused; 分室B's
    // same slot has booking 5 and 14, within its own two.
    for (const n of [11, 12, 14]) expect(result(n), `booking ${n}`).not.toContain('エラー');
    expect(result(13)).toMatch(/定員/);
    expect(result(13)).toContain('エラー');
    // 分室B's 休業日 (研修) refuses its Friday, while 分室A is open that day (booking 10).
    expect(result(15)).toContain('12月4日(金)は分室Bの休業日（研修）です');
    expect(result(10)).not.toContain('休業日');
  });

  it('each invitation comes from its 窓口: sender name, phone and telephone hours', () => {
    const invitations = mails.filter(
      (m) =>
        m.subject.includes('オンライン職業相談のご案内') && !m.subject.startsWith('【日時変更】'),
    );
    const bookings = mondayBookings(mihon);
    const sentTo = invitations.map((m) => m.to).sort();
    const passed = [1, 2, 3, 4, 5, 6, 10, 11, 12, 14];
    expect(sentTo).toEqual(passed.map((n) => String(bookings[n - 1]!.email)).sort());
    for (const mail of invitations) {
      const n = Number(/^demo(\d+)@/.exec(mail.to)?.[1]);
      const office = String(bookings[n - 1]!.office) as Office;
      expect(mail.name, mail.to).toBe(SENDER[office]);
      expect(mail.body, mail.to).toContain(PHONE[office]);
      expect(mail.body, mail.to).toContain(HOURS[office]);
      for (const other of MIHON_OFFICES.filter((o) => o !== office)) {
        expect(mail.body, mail.to).not.toContain(PHONE[other]);
      }
      expect(mail.body, mail.to).not.toMatch(/倉敷|086-/);
      // The slot as the invitation prints it (9:30, no leading zero).
      expect(mail.body, mail.to).toContain(
        `時間：${String(bookings[n - 1]!.start).replace(/^0/, '')}～`,
      );
    }
    // Booking 3 (本所, Wednesday 09:30): the slot and its end with 相談時間 30 minutes.
    const third = invitations.find((m) => m.to === 'demo3@example.jp')!;
    expect(third.body).toContain('・時間：9:30～10:00');
  });

  it('the week ends with 参加 → 実施, nobody joining → 無断キャンセル, the phoned cancellation', () => {
    const rows = emu.records(SHEET.bookings);
    const status = (n: number) => String(rowOf(rows, n)[BOOKING.status] || STATUS.taken);
    expect([1, 3, 5, 6].map(status)).toEqual(Array(4).fill(STATUS.held));
    expect(status(4)).toBe(STATUS.cancelled);
    // 無断キャンセル 10 minutes after the start of this office's slots (13:30 for booking 2).
    expect([2, 10, 11, 12, 14].map(status)).toEqual(Array(5).fill(STATUS.noShow));
    expect([7, 8, 9, 13, 15].map(status)).toEqual(Array(5).fill(STATUS.taken));
  });

  it('月次集計 has a row for each 窓口, with 提供枠数 from this office’s slots × 定員 and its 休業日', () => {
    const values = emu.person.values(SHEET.monthly);
    const header = values.findIndex((r) => r[0] === '相談月' && r[1] === '窓口');
    expect(header).toBeGreaterThan(0);
    const headers = values[header]!.map(String);
    const end = values.findIndex((r, i) => i > header && r[0] === '');
    const rows = values
      .slice(header + 1, end < 0 ? undefined : end)
      .filter((r) => r[0] === '2026-12');
    const byOffice = new Map(rows.map((r) => [String(r[1]), r]));
    const cell = (office: string, name: string) => byOffice.get(office)?.[headers.indexOf(name)];
    expect([...byOffice.keys()].slice(0, 3)).toEqual([...MIHON_OFFICES]);
    // December 2026 has 20 business days before 年末年始 (12/29–31); 3 slots × 2 places a day.
    expect(cell('本所', '提供枠数')).toBe(20 * 3 * 2);
    expect(cell('分室A', '提供枠数')).toBe(20 * 3 * 2);
    // 分室B is closed one Friday: 19 days.
    expect(cell('分室B', '提供枠数')).toBe(19 * 3 * 2);
    expect(cell('合計', '提供枠数')).toBe(120 + 120 + 114);
    // Counted per 窓口 from the bookings: 本所 has 3, 4, 6, 11, 12, 13.
    expect(cell('本所', '予約数')).toBe(6);
    expect(cell('分室A', '予約数')).toBe(5);
    expect(cell('分室B', '予約数')).toBe(4);
    expect(cell('合計', '予約数')).toBe(15);
    expect(cell('本所', '実施')).toBe(2);
  });
});
