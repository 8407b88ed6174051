// The time-driven work end to end, on dist/Code.js in the emulator with the simulated clock:
// no-shows (R9), missing invitations and their alert mail (R5, R6), stuck sends, closed days,
// and the safe-write rules when a person edits, sorts, inserts or deletes during a run.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CellValue, Emulator, WorkbookSnapshot } from '../../emulator/index';
import { createEmulator } from '../world';
import {
  BOOKING,
  type BookingField,
  LOG,
  ROSTER,
  SETTING,
  SHEET,
  STATUS,
  TRIGGER_HANDLERS,
} from '../../src/core/schema';
import {
  bookingRow,
  newEmulator,
  SAMPLE_ROSTER,
  setSetting,
  typeBookings,
  typeRoster,
} from './helpers';

const TICK = TRIGGER_HANDLERS.everyTenMinutes;
const DAILY = TRIGGER_HANDLERS.daily;
const STAFF = 'staff@example.jp';

type Row = Partial<Record<BookingField, string | boolean>>;

/** After 初期設定 (answering its dialog), with the sample roster and 通知先メール typed in. */
function workbook(rows: readonly Row[], now = '2026-12-01T09:00:00+09:00'): Emulator {
  const emu = newEmulator({ now });
  emu.open();
  emu.menu('初期設定');
  typeRoster(emu);
  setSetting(emu, SETTING.alertTo, STAFF);
  if (rows.length > 0) typeBookings(emu, rows);
  return emu;
}

function fire(
  emu: Emulator,
  handler: string,
  at?: string,
): ReturnType<Emulator['fireTimeTrigger']> {
  if (at !== undefined) emu.setTime(at);
  const result = emu.fireTimeTrigger(handler);
  expect(result.error, `${handler} at ${emu.now().toISOString()}`).toBeUndefined();
  return result;
}

const tick = (emu: Emulator, at?: string) => fire(emu, TICK, at);
const bookings = (emu: Emulator) => emu.records(SHEET.bookings).filter((r) => r[BOOKING.id] !== '');
const only = (emu: Emulator) => {
  const [first, ...rest] = bookings(emu);
  expect(rest).toEqual([]);
  return first!;
};
const alerts = (emu: Emulator) => emu.mail.sent.filter((m) => m.to === STAFF);
const logRows = (emu: Emulator) => emu.records(SHEET.log);

/** Nothing about the job seeker (name, address, 求職番号) in a text meant for staff or logs. */
function expectNoPersonalData(text: string): void {
  for (const person of SAMPLE_ROSTER) {
    expect(text).not.toContain(String(person.name));
    expect(text).not.toContain(String(person.seekerNo));
  }
  expect(text).not.toContain('ichiro@example.jp');
  expect(text).not.toMatch(/\bp\d+@example\.jp/);
}

// Tuesday 2026-12-01: a 確定 booking at 10:00, typed in at 09:00.
const confirmedToday = (overrides: Row = {}): Row =>
  bookingRow({
    date: '2026/12/01',
    status: STATUS.confirmed,
    invitedAt: '2026/11/30 10:00',
    ...overrides,
  });

describe('no-shows (R9)', () => {
  it.each([
    ['10:09', STATUS.confirmed],
    ['10:10', STATUS.noShow],
    ['10:11', STATUS.noShow],
  ])('at %s a 確定 booking started at 10:00 without 参加 is %s', (time, expected) => {
    const emu = workbook([confirmedToday()]);
    tick(emu, `2026-12-01T${time}:00+09:00`);
    expect(only(emu)[BOOKING.status]).toBe(expected);
  });

  it('logs the change by 予約ID only and recounts 対象者.無断キャンセル回数', () => {
    const emu = workbook([confirmedToday()]);
    tick(emu, '2026-12-01T09:30:00+09:00');
    expect(emu.records(SHEET.roster)[0]![ROSTER.noShowCount]).toBe(0);
    tick(emu, '2026-12-01T10:10:00+09:00');
    const id = only(emu)[BOOKING.id];
    const entry = logRows(emu).find((r) => r[LOG.action] === '無断キャンセル（自動判定）');
    expect(entry?.[LOG.bookingId]).toBe(id);
    expect(entry?.[LOG.detail]).toContain('確定 → 無断キャンセル');
    expectNoPersonalData(JSON.stringify(logRows(emu)) + emu.logText());
    const roster = emu.records(SHEET.roster);
    expect(roster.map((r) => r[ROSTER.noShowCount])).toEqual([1, 0, 0, 0]);
    // A correction by staff counts: the count follows 予約 on the next tick.
    const row = emu.sheetValues(SHEET.bookings).findIndex((r) => r.includes(id!)) + 1;
    const column = headerColumn(emu, BOOKING.status);
    emu.edit(SHEET.bookings, `${column}${row}`, STATUS.cancelled);
    tick(emu, '2026-12-01T10:20:00+09:00');
    expect(emu.records(SHEET.roster)[0]![ROSTER.noShowCount]).toBe(0);
    expect(only(emu)[BOOKING.status]).toBe(STATUS.cancelled);
  });

  it('a false 無断キャンセル corrected to 実施 (the guide §1.4.1): count and 注意 follow on the next tick', () => {
    // Two earlier no-shows of the same person (目安 2), then a booking next week.
    const emu = workbook([
      bookingRow({ date: '2026/11/24', status: STATUS.noShow, invitedAt: '2026/11/20 10:00' }),
      bookingRow({ date: '2026/11/25', status: STATUS.noShow, invitedAt: '2026/11/20 10:00' }),
      bookingRow({ date: '2026/12/08' }),
    ]);
    tick(emu, '2026-12-01T09:10:00+09:00');
    expect(emu.records(SHEET.roster)[0]![ROSTER.noShowCount]).toBe(2);
    expect(String(bookings(emu)[2]![BOOKING.checkResult])).toContain('無断キャンセルが2回あります');
    // The 担当者 was in the meeting and forgot 参加: staff set 実施 and tick 参加 by hand.
    emu.edit(SHEET.bookings, `${headerColumn(emu, BOOKING.status)}3`, STATUS.held);
    emu.edit(SHEET.bookings, `${headerColumn(emu, BOOKING.joined)}3`, true);
    tick(emu, '2026-12-01T09:20:00+09:00');
    expect(emu.records(SHEET.roster)[0]![ROSTER.noShowCount]).toBe(1);
    expect(bookings(emu)[1]![BOOKING.status]).toBe(STATUS.held); // never put back
    expect(String(bookings(emu)[2]![BOOKING.checkResult])).not.toContain('無断キャンセルが');
  });

  it('does nothing more on later ticks: no writes, and the same few calls for 1 or 12 bookings', () => {
    const calls = (count: number) => {
      const emu = workbook(Array.from({ length: count }, () => confirmedToday()));
      tick(emu, '2026-12-01T10:10:00+09:00');
      // The 10:10 check still saw the rows 確定 (12 in one slot: over capacity); the next one
      // sees them 無断キャンセル and clears that. From then on nothing changes.
      tick(emu, '2026-12-01T10:20:00+09:00');
      const logged = logRows(emu).length;
      const before = emu.snapshot();
      tick(emu, '2026-12-01T10:30:00+09:00');
      const idle = tick(emu, '2026-12-01T10:40:00+09:00');
      expect(emu.snapshot()).toEqual(before);
      expect(logRows(emu).length).toBe(logged);
      expect(idle.cellsWritten).toBe(0);
      return idle.spreadsheetCalls;
    };
    const one = calls(1);
    expect(calls(12)).toBe(one);
    expect(one).toBeLessThan(40);
  });

  it('marks a joined booking 実施 once its 30 minutes are over, never 無断キャンセル', () => {
    const emu = workbook([confirmedToday({ joined: true })]);
    tick(emu, '2026-12-01T10:15:00+09:00');
    expect(only(emu)[BOOKING.status]).toBe(STATUS.confirmed);
    tick(emu, '2026-12-01T10:30:00+09:00');
    expect(only(emu)[BOOKING.status]).toBe(STATUS.held);
    expect(logRows(emu).some((r) => r[LOG.action] === '実施（自動判定）')).toBe(true);
  });

  it('never overrides キャンセル or 実施 set by a person', () => {
    const emu = workbook([
      confirmedToday(),
      confirmedToday({
        start: '11:00',
        seekerNo: '33010-00000003',
        name: '例示 三郎',
        officer: '担当 丙',
      }),
    ]);
    const column = headerColumn(emu, BOOKING.status);
    emu.setTime('2026-12-01T10:05:00+09:00');
    emu.edit(SHEET.bookings, `${column}2`, STATUS.cancelled);
    emu.edit(SHEET.bookings, `${column}3`, STATUS.held);
    for (const time of ['10:10', '10:20', '11:10', '11:40'])
      tick(emu, `2026-12-01T${time}:00+09:00`);
    expect(bookings(emu).map((r) => r[BOOKING.status])).toEqual([STATUS.cancelled, STATUS.held]);
  });
});

describe('automatic sending from the tick', () => {
  it('sends ready invitations when 招待メール自動送信 is はい, and not when いいえ', () => {
    const emu = workbook([bookingRow({ date: '2026/12/03' })]);
    tick(emu, '2026-12-01T09:30:00+09:00');
    expect(emu.mail.sent).toEqual([]);
    setSetting(emu, SETTING.autoSend, 'はい');
    tick(emu, '2026-12-01T09:50:00+09:00');
    expect(emu.mail.sent.map((m) => m.to)).toEqual(['ichiro@example.jp']);
    expect(only(emu)[BOOKING.status]).toBe(STATUS.confirmed);
    tick(emu, '2026-12-01T10:00:00+09:00');
    expect(emu.mail.sent).toHaveLength(1);
  });
});

describe('missing invitations (R5, R6): flagged and alerted once per level', () => {
  it('warns of a Friday booking on Monday morning, again before closing, then flags it after 17:15; each once', () => {
    const emu = workbook([bookingRow({ date: '2026/12/16' })], '2026-12-04T11:00:00+09:00');
    const mailsAt = (times: string[]) =>
      times.map((at) => {
        tick(emu, `${at}:00+09:00`);
        return alerts(emu).length;
      });
    // Nothing over the weekend (the deadline falls on Monday, a business day).
    expect(
      mailsAt(['2026-12-04T17:30', '2026-12-05T09:00', '2026-12-05T16:20', '2026-12-06T09:10']),
    ).toEqual([0, 0, 0, 0]);
    // Monday: 09:00 (期限当日の朝の通知時刻), 16:20 (the first tick from 17:15 − 60 minutes), 17:20.
    expect(
      mailsAt([
        '2026-12-07T08:50',
        '2026-12-07T09:00',
        '2026-12-07T09:10',
        '2026-12-07T12:00',
        '2026-12-07T16:10',
        '2026-12-07T16:20',
        '2026-12-07T16:30',
        '2026-12-07T17:10',
        '2026-12-07T17:20',
        '2026-12-07T17:30',
        '2026-12-08T09:00',
        '2026-12-08T16:20',
      ]),
    ).toEqual([0, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3]);
    const id = String(only(emu)[BOOKING.id]);
    const [morning, beforeClose, overdue] = alerts(emu);
    expect(morning!.body).toContain('09:00の時点で招待メールが未送信');
    expect(morning!.body).toContain(
      `予約ID ${id}（2行目）: 期限 12月7日(月) 17:15（受付の翌稼働日）`,
    );
    expect(beforeClose!.body).toContain('受付終了時刻17:15の60分前になっても');
    expect(overdue!.body).toContain(`予約ID ${id}（2行目）`);
    expect(overdue!.body).toContain('翌稼働日');
    for (const mail of alerts(emu)) expectNoPersonalData(mail.subject + mail.body);
    const logged = logRows(emu).filter(
      (r) => r[LOG.bookingId] === id && r[LOG.action] === '送信漏れなどの通知',
    );
    // 操作ログ names each level in the digest's words, not as a code name (issue 16 point 6).
    expect(logged.map((r) => r[LOG.detail])).toEqual([
      '通知先メールへ知らせました（期限の当日09:00の時点で未送信）',
      '通知先メールへ知らせました（期限の当日、受付終了時刻17:15の60分前になっても未送信）',
      '通知先メールへ知らせました（受付の翌稼働日17:15を過ぎても未送信）',
    ]);
  });

  it('takes the warning times from 設定 and warns no more once the invitation is sent', () => {
    const emu = workbook([bookingRow({ date: '2026/12/16' })], '2026-12-04T11:00:00+09:00');
    setSetting(emu, SETTING.dueDayMorningAt, '10:30');
    tick(emu, '2026-12-07T10:20:00+09:00');
    expect(alerts(emu)).toEqual([]);
    tick(emu, '2026-12-07T10:30:00+09:00');
    expect(alerts(emu)).toHaveLength(1);
    expect(alerts(emu)[0]!.body).toContain('10:30の時点で');
    emu.ui.queueResponse('YES');
    expect(emu.menu('招待メールを送信').error).toBeUndefined();
    const sent = alerts(emu).length;
    for (const at of ['2026-12-07T16:20', '2026-12-07T17:20']) tick(emu, `${at}:00+09:00`);
    expect(alerts(emu)).toHaveLength(sent);
  });

  it('writes the flag into チェック結果 (the check appends overdueMessages)', () => {
    const emu = workbook([bookingRow({ date: '2026/12/16' })], '2026-12-04T11:00:00+09:00');
    tick(emu, '2026-12-07T17:10:00+09:00');
    expect(String(only(emu)[BOOKING.checkResult])).not.toContain('翌稼働日');
    tick(emu, '2026-12-07T17:20:00+09:00');
    expect(String(only(emu)[BOOKING.checkResult])).toContain(
      '注意: 「受付日時」（12月4日(金)）の翌稼働日 12月7日(月) 17:15',
    );
  });

  it('a run killed right after the alert mail does not alert again (the mark is saved first)', () => {
    const emu = workbook([bookingRow({ date: '2026/12/07' })], '2026-12-04T15:30:00+09:00');
    let mailed = false;
    emu.hooks.after(
      'MailApp.sendEmail',
      () => {
        mailed = true;
      },
      { times: Infinity },
    );
    // Killed at the first call after the mail went (as the 6-minute limit would).
    emu.faults.failAtCall(1, { only: () => mailed });
    emu.setTime('2026-12-04T15:40:00+09:00');
    const killed = emu.fireTimeTrigger(TICK);
    expect(mailed).toBe(true);
    expect(killed.error).toBeDefined();
    expect(alerts(emu)).toHaveLength(1);
    tick(emu, '2026-12-04T15:50:00+09:00');
    tick(emu, '2026-12-04T16:00:00+09:00');
    expect(alerts(emu)).toHaveLength(1);
  });

  it('an alert mail MailApp refused is tried again by the next run', () => {
    const emu = workbook([bookingRow({ date: '2026/12/07' })], '2026-12-04T15:30:00+09:00');
    emu.faults.inject('MailApp.sendEmail', { times: 1 });
    emu.setTime('2026-12-04T15:40:00+09:00');
    expect(emu.fireTimeTrigger(TICK).error).toBeDefined(); // rethrown: the owner hears of it
    expect(alerts(emu)).toHaveLength(0);
    tick(emu, '2026-12-04T15:50:00+09:00');
    expect(alerts(emu)).toHaveLength(1);
  });

  it('booked Friday 15:30 for Monday 10:00: alerted at once, not on Sunday', () => {
    const emu = workbook([bookingRow({ date: '2026/12/07' })], '2026-12-04T15:30:00+09:00');
    tick(emu, '2026-12-04T15:40:00+09:00');
    expect(alerts(emu)).toHaveLength(1);
    expect(alerts(emu)[0]!.body).toContain('確定期限');
    tick(emu, '2026-12-06T15:00:00+09:00');
    expect(alerts(emu)).toHaveLength(1);
  });

  it('skips a holiday in between: taken Friday 2027-01-08, alerted Tuesday after 17:15', () => {
    const emu = workbook([bookingRow({ date: '2027/01/20' })], '2027-01-08T10:00:00+09:00');
    for (const at of ['2027-01-11T09:00', '2027-01-11T16:20', '2027-01-11T17:30']) {
      tick(emu, `${at}:00+09:00`); // 成人の日: no warning, no alarm
    }
    expect(alerts(emu)).toEqual([]);
    tick(emu, '2027-01-12T09:00:00+09:00');
    expect(alerts(emu)).toHaveLength(1);
    expect(alerts(emu)[0]!.body).toContain('期限 1月12日(火) 17:15');
    tick(emu, '2027-01-12T17:20:00+09:00');
    expect(alerts(emu)).toHaveLength(2);
    expect(alerts(emu)[1]!.body).toContain('翌稼働日');
  });

  it('alerts a booking still unsent at 15:00 of the business day before, once', () => {
    // Taken Monday for Wednesday: 翌稼働日 (Tuesday 17:15) comes after 確定期限 (Tuesday 15:00).
    // The morning of Tuesday warns first (15:00 is before closing: no second warning).
    const emu = workbook([bookingRow({ date: '2026/12/02' })], '2026-11-30T09:00:00+09:00');
    tick(emu, '2026-12-01T08:50:00+09:00');
    expect(alerts(emu)).toEqual([]);
    tick(emu, '2026-12-01T09:00:00+09:00');
    tick(emu, '2026-12-01T14:50:00+09:00');
    expect(alerts(emu)).toHaveLength(1);
    expect(alerts(emu)[0]!.body).toContain('期限 12月1日(火) 15:00（確定期限）');
    tick(emu, '2026-12-01T15:00:00+09:00');
    expect(alerts(emu)).toHaveLength(2);
    expect(alerts(emu)[1]!.body).toContain('確定期限（相談日の前の稼働日の15:00）');
    for (const at of ['2026-12-01T15:10', '2026-12-01T16:20', '2026-12-01T17:10']) {
      tick(emu, `${at}:00+09:00`);
    }
    expect(alerts(emu)).toHaveLength(2);
  });

  it('alerts a 送信中 left for 10 minutes, and never resends it', () => {
    const emu = workbook([
      bookingRow({ date: '2026/12/03', invitedAt: '送信中 2026/12/01 10:00' }),
    ]);
    setSetting(emu, SETTING.autoSend, 'はい');
    tick(emu, '2026-12-01T10:09:00+09:00');
    expect(alerts(emu)).toEqual([]);
    tick(emu, '2026-12-01T10:10:00+09:00');
    tick(emu, '2026-12-01T10:40:00+09:00');
    expect(alerts(emu)).toHaveLength(1);
    expect(alerts(emu)[0]!.body).toContain('送信中');
    expect(emu.mail.sent.filter((m) => m.to !== STAFF)).toEqual([]);
    expect(only(emu)[BOOKING.invitedAt]).toBe('送信中 2026/12/01 10:00');
  });

  it('keeps the alert for later when 通知先メール is empty, and sends it once it is set', () => {
    const emu = workbook([bookingRow({ date: '2026/12/02' })]);
    setSetting(emu, SETTING.alertTo, '');
    tick(emu, '2026-12-01T15:00:00+09:00');
    expect(emu.mail.sent).toEqual([]);
    setSetting(emu, SETTING.alertTo, STAFF);
    tick(emu, '2026-12-01T15:10:00+09:00');
    expect(alerts(emu)).toHaveLength(1);
  });
});

describe('a 休業日 added later (daily tick)', () => {
  it('flags bookings on the newly closed day and alerts the 確定 one', () => {
    const emu = workbook([
      bookingRow({ date: '2026/12/07' }),
      bookingRow({
        date: '2026/12/07',
        start: '11:00',
        status: STATUS.confirmed,
        invitedAt: '2026/12/01 09:30',
        seekerNo: '33010-00000003',
        name: '例示 三郎',
        officer: '担当 丙',
      }),
    ]);
    fire(emu, DAILY, '2026-12-01T09:10:00+09:00');
    expect(bookings(emu).map((r) => String(r[BOOKING.checkResult]))).not.toContain(
      expect.stringContaining('庁舎点検'),
    );
    emu.edit(SHEET.closedDays, 'A2', [['2026/12/07', '', '庁舎点検']]);
    fire(emu, DAILY, '2026-12-02T06:00:00+09:00');
    const [taken, confirmed] = bookings(emu);
    expect(String(taken![BOOKING.checkResult])).toContain('庁舎点検');
    const closedDayMails = () =>
      alerts(emu).filter((m) => m.body.includes('相談日が休業日になった'));
    expect(closedDayMails()).toHaveLength(1);
    expect(closedDayMails()[0]!.body).toContain(`予約ID ${confirmed![BOOKING.id]}（3行目）`);
    expect(closedDayMails()[0]!.body).not.toContain(`予約ID ${taken![BOOKING.id]}`);
    fire(emu, DAILY, '2026-12-03T06:00:00+09:00');
    fire(emu, DAILY, '2026-12-04T06:00:00+09:00');
    expect(closedDayMails()).toHaveLength(1);
  });
});

describe('locks and faults', () => {
  it('a tick that cannot get the lock exits quietly and says so in the log', () => {
    const emu = workbook([confirmedToday()]);
    emu.setTime('2026-12-01T10:10:00+09:00');
    let nested: ReturnType<Emulator['fireTimeTrigger']> | undefined;
    emu.hooks.after('Sheet.getSheetValues', (ctx) => {
      nested = ctx.emu.fireTimeTrigger(TICK);
    });
    tick(emu);
    expect(emu.hooks.pending()).toEqual([]);
    expect(nested?.error).toBeUndefined();
    expect(emu.logText()).toContain('onTenMinuteTick: another run holds the lock; skipped');
    expect(only(emu)[BOOKING.status]).toBe(STATUS.noShow);
  });

  it('a failing mail service fails only the alert: no-shows still written, error reported, lock released', () => {
    const emu = workbook([confirmedToday(), bookingRow({ date: '2026/12/02', start: '14:00' })]);
    emu.faults.inject('MailApp.sendEmail', { error: 'Service invoked too many times' });
    emu.setTime('2026-12-01T15:00:00+09:00');
    const failed = emu.fireTimeTrigger(TICK);
    expect(String(failed.error?.message)).toContain('Service invoked too many times');
    expect(bookings(emu)[0]![BOOKING.status]).toBe(STATUS.noShow);
    expect(alerts(emu)).toEqual([]);
    tick(emu, '2026-12-01T15:10:00+09:00'); // the lock was released, and the alert is retried
    expect(alerts(emu)).toHaveLength(1);
  });

  it('a malformed row affects only itself', () => {
    const emu = workbook([
      confirmedToday({ date: '令和ｘ年', start: 'そのうち' }),
      confirmedToday({
        start: '10:00',
        seekerNo: '33010-00000003',
        name: '例示 三郎',
        officer: '担当 丙',
      }),
    ]);
    tick(emu, '2026-12-01T10:10:00+09:00');
    expect(bookings(emu).map((r) => r[BOOKING.status])).toEqual([STATUS.confirmed, STATUS.noShow]);
  });
});

// ---------------------------------------------------------------------------------------------
// Interleavings: a person acts while a tick runs. The hook fires just before each of the run's
// reads (`getSheetValues`: a whole sheet, or a writer's re-read by 予約ID), which covers every
// window between a read the run decides on and the re-read it makes before writing.

const NOW = '2026-12-01T11:15:00+09:00';
interface Seed {
  status: string;
  joined: boolean;
  start: string;
  date: string;
  seeker: number;
}

/** 予約ID Y0000nn with a tag in 備考, so each row can be followed wherever it moves. */
function seededRows(seeds: readonly Seed[]): Row[] {
  return seeds.map((s, i) => {
    const person = SAMPLE_ROSTER[s.seeker % SAMPLE_ROSTER.length]!;
    return bookingRow({
      id: idOf(i),
      name: String(person.name),
      seekerNo: String(person.seekerNo),
      email: `p${i}@example.jp`,
      office: String(person.office),
      officer: String(person.officer),
      date: s.date,
      start: s.start,
      status: s.status,
      joined: s.joined,
      invitedAt: s.status === STATUS.taken ? '' : '2026/11/30 10:00',
      note: `row-${i}`,
    });
  });
}
const idOf = (i: number) => `Y${String(i + 1).padStart(6, '0')}`;

/** The status the tick must leave, from the office's rules alone (now = 11:15 on 12/1). */
function expectedStatus(s: Seed): string {
  if (s.status !== STATUS.confirmed) return s.status;
  const [h, m] = s.start.split(':').map(Number) as [number, number];
  const start = h * 60 + m;
  const now = 11 * 60 + 15;
  if (s.joined) return s.date === '2026/12/01' && now >= start + 30 ? STATUS.held : s.status;
  return s.date === '2026/12/01' && now >= start + 10 ? STATUS.noShow : s.status;
}

type Action =
  | { kind: 'status'; target: number; value: string }
  | { kind: 'note'; target: number; value: string }
  | { kind: 'checkResult'; target: number; value: string }
  | { kind: 'sort'; header: string; ascending: boolean }
  | { kind: 'insert'; before: number; count: number }
  | { kind: 'delete'; target: number };

let base: WorkbookSnapshot;
beforeAll(() => {
  const emu = newEmulator({ now: '2026-12-01T08:00:00+09:00' });
  emu.open();
  emu.menu('初期設定');
  typeRoster(emu);
  base = emu.snapshot();
});

function headerColumn(emu: Emulator, header: string): string {
  const index = (emu.sheetValues(SHEET.bookings)[0] ?? []).indexOf(header);
  if (index < 0) throw new Error(`no column ${header}`);
  return String.fromCharCode(65 + index);
}

function headerIndex(emu: Emulator, header: string): number {
  return (emu.sheetValues(SHEET.bookings)[0] ?? []).indexOf(header);
}

/** Sheet row (1-based) holding 予約ID `id` now, or -1. */
function rowOf(emu: Emulator, id: string): number {
  const idIndex = headerIndex(emu, BOOKING.id);
  return emu.sheetValues(SHEET.bookings).findIndex((r) => r[idIndex] === id) + 1 || -1;
}

interface Applied {
  statuses: Map<string, string>;
  notes: Map<string, string>;
  /** Text a person typed into チェック結果, and how many 予約 reads the run had made by then. */
  checkResults: Map<string, { value: string; readsBefore: number }>;
  deleted: Set<string>;
  insertedNotes: string[];
}

/** Does `action` as a person; records what the person's edit was, to check it survived. */
function act(
  emu: Emulator,
  action: Action,
  seeds: readonly Seed[],
  applied: Applied,
  n: number,
  readsBefore: number,
): void {
  const person = emu.person;
  const target = 'target' in action ? idOf(action.target % seeds.length) : '';
  const row = target === '' ? -1 : rowOf(emu, target);
  if (target !== '' && row < 0) return; // deleted earlier in this run
  const cell = (header: string) => `${headerColumn(emu, header)}${row}`;
  switch (action.kind) {
    case 'status':
      person.setValues(SHEET.bookings, cell(BOOKING.status), [[action.value]]);
      applied.statuses.set(target, action.value);
      break;
    case 'note':
      person.setValues(SHEET.bookings, cell(BOOKING.note), [[action.value]]);
      applied.notes.set(target, action.value);
      break;
    case 'checkResult': {
      // Typing the text the cell already shows changes nothing: there is no edit to keep.
      const current = emu.sheetValues(SHEET.bookings)[row - 1]?.[
        headerIndex(emu, BOOKING.checkResult)
      ];
      if (current === action.value) break;
      person.setValues(SHEET.bookings, cell(BOOKING.checkResult), [[action.value]]);
      applied.checkResults.set(target, { value: action.value, readsBefore });
      break;
    }
    case 'sort':
      person.sortRows(SHEET.bookings, {
        column: headerIndex(emu, action.header) + 1,
        ascending: action.ascending,
      });
      break;
    case 'insert': {
      const last = emu.sheetValues(SHEET.bookings).length;
      const before = 2 + (action.before % Math.max(1, last - 1));
      person.insertRows(SHEET.bookings, before, action.count);
      const note = `inserted-${n}`;
      person.setValues(SHEET.bookings, `${headerColumn(emu, BOOKING.note)}${before}`, [[note]]);
      applied.insertedNotes.push(note);
      break;
    }
    case 'delete':
      person.deleteRows(SHEET.bookings, row, 1);
      applied.deleted.add(target);
      break;
  }
}

/** Calls `then` just before every read of a sheet: where a person's edit lands between reads. */
function onReadStart(emu: Emulator, then: () => void): void {
  emu.hooks.before('Sheet.getSheetValues', then, { times: Infinity });
}

/** Runs one tick with `actions` done by a person at the given points (nth read start). */
function interleavedRun(
  seeds: readonly Seed[],
  actions: readonly { at: number; action: Action }[],
) {
  const emu = createEmulator({ now: '2026-12-01T09:00:00+09:00', workbook: base });
  emu.person.setValues(SHEET.bookings, 'A2', rowsUnderHeaders(emu, seededRows(seeds)));
  // As if the script had issued these ids itself (it keeps the last number issued).
  emu.properties.document.set('lastBookingNumber', String(seeds.length));
  emu.setTime(NOW);
  const applied: Applied = {
    statuses: new Map(),
    notes: new Map(),
    checkResults: new Map(),
    deleted: new Set(),
    insertedNotes: [],
  };
  let bookingReads = 0;
  const readsAtAction: number[] = [];
  emu.hooks.after(
    'Sheet.getSheetValues',
    (ctx) => {
      const result = ctx.result as unknown[][];
      if (
        Array.isArray(result) &&
        Array.isArray(result[0]) &&
        result[0].includes(BOOKING.checkResult)
      ) {
        bookingReads++;
      }
    },
    { times: Infinity },
  );
  let point = 0;
  onReadStart(emu, () => {
    point++;
    actions.forEach(({ at, action }, n) => {
      if (at !== point) return;
      act(emu, action, seeds, applied, n, bookingReads);
      readsAtAction.push(bookingReads);
    });
  });
  const result = emu.run(TICK, [], { kind: 'time' });
  return {
    emu,
    applied,
    result,
    readsAtAction,
    bookingReads: () => bookingReads,
  };
}

function rowsUnderHeaders(emu: Emulator, rows: readonly Row[]): CellValue[][] {
  const headers = (emu.sheetValues(SHEET.bookings)[0] ?? []).map(String);
  return rows.map((row) =>
    headers.map((h) => {
      const field = (Object.keys(BOOKING) as BookingField[]).find((f) => BOOKING[f] === h);
      return field === undefined ? '' : (row[field] ?? '');
    }),
  );
}

/**
 * Every person's edit is intact and every status sits on the right 予約ID. A run that lost track
 * of a row (it moved out of a read) may leave its status for the next tick, never set it wrong;
 * so `settled` (after a further, undisturbed tick) demands the status the rules give.
 */
function expectInvariants(
  run: ReturnType<typeof interleavedRun>,
  seeds: readonly Seed[],
  settled: boolean,
): void {
  const { emu, applied, result } = run;
  expect(result.error).toBeUndefined();
  const records = emu.records(SHEET.bookings);
  const original = seededRows(seeds);
  const byId = new Map<string, Record<string, CellValue>[]>();
  for (const r of records) {
    const id = String(r[BOOKING.id]);
    if (id !== '') byId.set(id, [...(byId.get(id) ?? []), r]);
  }
  seeds.forEach((seed, i) => {
    const id = idOf(i);
    const found = byId.get(id) ?? [];
    if (applied.deleted.has(id)) return expect(found, id).toEqual([]);
    expect(found, id).toHaveLength(1);
    const record = found[0]!;
    // The row's own staff cells are still its own (nothing written onto a moved row).
    expect(record[BOOKING.name], id).toBe(original[i]!.name);
    expect(record[BOOKING.email], id).toBe(original[i]!.email);
    expect(record[BOOKING.note], id).toBe(applied.notes.get(id) ?? `row-${i}`);
    const personal = applied.statuses.get(id);
    if (personal !== undefined) expect(record[BOOKING.status], id).toBe(personal);
    else if (settled) expect(record[BOOKING.status], id).toBe(expectedStatus(seed));
    else expect([seed.status, expectedStatus(seed)], id).toContain(record[BOOKING.status]);
    const typed = applied.checkResults.get(id);
    // A script-owned cell: the run may rewrite it only from a read that already showed the edit.
    if (!settled && typed !== undefined && typed.readsBefore > 0) {
      expect(record[BOOKING.checkResult], id).toBe(typed.value);
    }
  });
  const notes = records.map((r) => r[BOOKING.note]);
  for (const note of applied.insertedNotes) expect(notes, note).toContain(note);
}

/** The disturbed run's invariants, then the next tick's (undisturbed) ones. */
function expectRunAndNext(run: ReturnType<typeof interleavedRun>, seeds: readonly Seed[]): void {
  expectInvariants(run, seeds, false);
  run.emu.hooks.clear();
  run.emu.advance({ minutes: 1 });
  const next = run.emu.run(TICK, [], { kind: 'time' });
  expectInvariants({ ...run, result: next }, seeds, true);
}

const SCENARIO: Seed[] = [
  { status: STATUS.confirmed, joined: false, start: '10:00', date: '2026/12/01', seeker: 0 },
  { status: STATUS.confirmed, joined: true, start: '10:00', date: '2026/12/01', seeker: 1 },
  { status: STATUS.confirmed, joined: false, start: '11:00', date: '2026/12/01', seeker: 2 },
  { status: STATUS.confirmed, joined: false, start: '14:00', date: '2026/12/01', seeker: 3 },
  { status: STATUS.taken, joined: false, start: '10:00', date: '2026/12/03', seeker: 0 },
  { status: STATUS.cancelled, joined: false, start: '15:00', date: '2026/12/01', seeker: 1 },
];

describe('interleavings: a person acts between a read and the write', () => {
  /** Points (nth read start) an undisturbed run passes through. */
  let points: number[] = [];
  beforeAll(() => {
    const emu = createEmulator({ now: NOW, workbook: base });
    emu.person.setValues(SHEET.bookings, 'A2', rowsUnderHeaders(emu, seededRows(SCENARIO)));
    let count = 0;
    onReadStart(emu, () => count++);
    expect(emu.run(TICK, [], { kind: 'time' }).error).toBeUndefined();
    points = Array.from({ length: count }, (_, i) => i + 1);
  });

  const scenarios: [string, Action[]][] = [
    [
      'edits staff cells and script-owned cells',
      [
        { kind: 'status', target: 0, value: STATUS.cancelled },
        { kind: 'note', target: 2, value: '電話あり（遅れる）' },
        { kind: 'checkResult', target: 3, value: '確認済み（職員）' },
        { kind: 'status', target: 2, value: STATUS.held },
      ],
    ],
    ['sorts the rows in reverse', [{ kind: 'sort', header: BOOKING.id, ascending: false }]],
    ['inserts a row above', [{ kind: 'insert', before: 0, count: 1 }]],
    ['deletes a row', [{ kind: 'delete', target: 1 }]],
  ];

  it.each(scenarios)(
    'a person %s: every edit intact, every status on its 予約ID, at every point',
    (_, actions) => {
      expect(points.length).toBeGreaterThan(4);
      const readsCovered = new Set<number>();
      let keptForPerson = 0;
      let totalReads = 0;
      for (const at of points) {
        const run = interleavedRun(
          SCENARIO,
          actions.map((action) => ({ at, action })),
        );
        expect(run.emu.hooks.pending(), `point ${at}`).toEqual([]);
        expectRunAndNext(run, SCENARIO);
        run.readsAtAction.forEach((n) => readsCovered.add(n));
        totalReads = Math.max(totalReads, run.bookingReads());
        if (/left to a person's edit/.test(run.emu.logText())) keptForPerson++;
      }
      // The person acted before each of the run's reads of 予約: every read→write window was hit.
      for (let read = 0; read < totalReads; read++)
        expect(readsCovered, `before read ${read + 1}`).toContain(read);
      if (actions.some((a) => a.kind === 'status')) expect(keptForPerson).toBeGreaterThan(0);
    },
  );
});

describe('interleavings: property-based', () => {
  const seed = fc.record({
    status: fc.constantFrom(
      STATUS.confirmed,
      STATUS.confirmed,
      STATUS.taken,
      STATUS.cancelled,
      STATUS.held,
    ),
    joined: fc.boolean(),
    start: fc.constantFrom('10:00', '11:00', '14:00'),
    date: fc.constantFrom('2026/12/01', '2026/12/01', '2026/12/02'),
    seeker: fc.nat(3),
  });
  const action: fc.Arbitrary<Action> = fc.oneof(
    fc.record({
      kind: fc.constant('status' as const),
      target: fc.nat(9),
      value: fc.constantFrom(STATUS.cancelled, STATUS.held, STATUS.noShow),
    }),
    fc.record({
      kind: fc.constant('note' as const),
      target: fc.nat(9),
      value: fc.constantFrom('メモ', '折返し', '本人から電話'),
    }),
    fc.record({
      kind: fc.constant('checkResult' as const),
      target: fc.nat(9),
      value: fc.constant('職員メモ'),
    }),
    fc.record({
      kind: fc.constant('sort' as const),
      header: fc.constantFrom(BOOKING.id, BOOKING.name, BOOKING.start, BOOKING.note),
      ascending: fc.boolean(),
    }),
    fc.record({
      kind: fc.constant('insert' as const),
      before: fc.nat(9),
      count: fc.integer({ min: 1, max: 2 }),
    }),
    fc.record({ kind: fc.constant('delete' as const), target: fc.nat(9) }),
  );

  it('random bookings, random edits/sorts/inserts/deletes at random points: invariants hold', () => {
    let runs = 0;
    let actionsDone = 0;
    fc.assert(
      fc.property(
        fc.array(seed, { minLength: 2, maxLength: 6 }),
        fc.array(fc.record({ at: fc.integer({ min: 1, max: 14 }), action }), {
          minLength: 1,
          maxLength: 4,
        }),
        (seeds, actions) => {
          const run = interleavedRun(seeds, actions);
          runs++;
          actionsDone += run.readsAtAction.length;
          expectRunAndNext(run, seeds);
        },
      ),
      { numRuns: 150 },
    );
    // Most generated actions land inside the run (a point past the run's last read does not).
    expect(actionsDone).toBeGreaterThan(runs);
  }, 240_000); // a sweep of random runs, not a timing: two busy cores took 88 s
});
