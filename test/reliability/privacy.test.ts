// Privacy and injection on the built bundle (issue 8). The scan is deterministic: one workbook
// full of recognisable personal data goes through every menu, trigger and server function,
// including failure paths (a mail refused with the address in the error, a spreadsheet call
// failing, a killed run, a dialog reporting errors); then no log line (console) and no
// 操作ログ cell may hold a name, an address or a 求職番号 — as typed, NFKC-normalised, lower-cased
// or as bare digits. The other reliability files run the same scan over their own workbooks.
import { afterAll, describe, expect, it } from 'vitest';
import type { Emulator, RunResult } from '../../emulator/index';
import { LOG, SETTING, SHEET, STATUS } from '../../src/core/schema';
import { bookingRow, setSetting, workbookWith } from '../bundle/helpers';
import { expectClean, expectNoNewFormula, expectNoPersonalData, tally } from './harness';

const SEEKERS = [
  { name: '見本 一郎', seekerNo: '33010-00000001', email: 'ichiro.mihon@example.jp' },
  { name: '試験 花子', seekerNo: '33010-00000002', email: 'hanako_shiken@example.jp' },
  { name: '例示 三郎', seekerNo: '33010-00000003', email: 'saburo+reiji@example.jp' },
  { name: '仮名 四子', seekerNo: '33010-00000004', email: 'yotsuko.kamei@example.jp' },
];
const SECRETS = SEEKERS.flatMap((s) => [s.name, s.seekerNo, s.email, s.name.split(' ')[0]!]);

function personalWorkbook(): Emulator {
  const emu = workbookWith([
    bookingRow({ email: SEEKERS[0]!.email }),
    bookingRow({
      ...SEEKERS[1],
      office: '倉敷中央',
      officer: '担当 乙',
    }),
    // エラー rows: their dialogs and チェック結果 must not reach the logs.
    bookingRow({ ...SEEKERS[2], officer: '担当 丙', start: '10:30' }),
    bookingRow({
      ...SEEKERS[3],
      seekerNo: '３３０１０ー０００００００４',
      office: '倉敷中央',
      officer: '担当 丁',
      date: '2026/12/05',
    }),
    // Old and finished, for the archive and the monthly report.
    bookingRow({ ...SEEKERS[2], officer: '担当 丙', date: '2026/05/12', status: STATUS.held }),
  ]);
  setSetting(emu, SETTING.alertTo, 'staff@hellowork.example.jp');
  setSetting(emu, SETTING.autoSend, 'はい');
  setSetting(emu, SETTING.quietMinutes, '0');
  emu.ui.setDefault('accept');
  return emu;
}

function everyEntryPoint(emu: Emulator): RunResult[] {
  const runs: RunResult[] = [];
  runs.push(emu.menu('すべての予約をチェック'));
  emu.select(SHEET.bookings, ['A2:C6']);
  runs.push(emu.menu('選択行をチェック'));
  emu.select(SHEET.bookings, ['D4']);
  runs.push(emu.menu('招待メールをプレビュー'));
  emu.select(SHEET.bookings, ['D2']);
  runs.push(emu.menu('招待メールをプレビュー'));
  runs.push(emu.menu('空き枠を表示'));
  runs.push(emu.callServer('sidebarGetFreeSlots', { office: '' }));
  runs.push(emu.callServer('sidebarLookupSeeker', SEEKERS[0]!.seekerNo));
  runs.push(emu.callServer('sidebarLookupSeeker', '３３０１０－９９９９９９９９'));
  runs.push(
    emu.callServer('sidebarAddBooking', {
      date: '2026-12-03',
      start: '14:00',
      office: '倉敷わかもの',
      name: SEEKERS[2]!.name,
      seekerNo: SEEKERS[2]!.seekerNo,
      email: SEEKERS[2]!.email,
      meetingUrl: 'https://teleoffice.example.jp/meet/p1',
      channel: '電話',
    }),
  );
  runs.push(emu.callServer('sidebarAddBooking', { name: SEEKERS[3]!.name, date: 'x' }));
  runs.push(emu.menu('招待メールを送信'));
  runs.push(emu.fireTimeTrigger('onTenMinuteTick'));
  runs.push(emu.fireTimeTrigger('onDailyTick'));
  runs.push(emu.fireTimeTrigger('onMonthlyTick'));
  runs.push(emu.menu('月次集計を更新'));
  runs.push(emu.menu('過去の予約を保管'));
  runs.push(emu.menu('初期設定'));
  return runs;
}

describe('no personal data in the console log lines or 操作ログ', () => {
  it('every entry point, on the happy path', () => {
    const emu = personalWorkbook();
    const before = emu.snapshot();
    for (const run of everyEntryPoint(emu)) expectClean(run, run.handler);
    expect(emu.mail.sent.length).toBeGreaterThan(0);
    expect(emu.logs.length + emu.person.values(SHEET.log).length).toBeGreaterThan(5);
    expectNoPersonalData(emu, SECRETS);
    expectNoNewFormula(before, emu.snapshot());
  });

  it('failure paths: errors quoting an address, failing sheet calls, a killed run', () => {
    const emu = personalWorkbook();
    // Apps Script quotes the address in its message: the log must not.
    emu.mail.failFor(SEEKERS[0]!.email, `Invalid email: ${SEEKERS[0]!.email}`);
    emu.mail.failFor(SEEKERS[1]!.email, `Service error: could not send to ${SEEKERS[1]!.email}`);
    tally.faults += 2;
    expectClean(emu.menu('招待メールを送信'), 'send with refused addresses');
    for (const method of ['Range.setValues', 'Sheet.getSheetValues', 'SpreadsheetApp.flush']) {
      emu.faults.inject(method, {
        nth: 2,
        // Apps Script quotes values, not names, in its messages: an address and a 求職番号.
        error: `Service Spreadsheets failed: ${SEEKERS[2]!.email} ${SEEKERS[2]!.seekerNo}`,
      });
      tally.faults++;
      emu.fireTimeTrigger('onTenMinuteTick'); // may rethrow: the owner's failure mail
      emu.faults.clear();
    }
    emu.faults.failAtCall(30);
    tally.faults++;
    emu.menu('すべての予約をチェック');
    emu.faults.inject('Spreadsheet.getSheetByName', {
      error: `boom ${SEEKERS[3]!.email}`,
    });
    tally.faults++;
    expectClean(emu.menu('月次集計を更新'), 'monthly with a failing call');
    emu.faults.clear();
    for (const run of everyEntryPoint(emu)) expectClean(run, `${run.handler} after faults`);
    expect(emu.logs.some((l) => l.level === 'error')).toBe(true);
    expectNoPersonalData(emu, SECRETS);
  });
});

describe('dialogs do not echo other people’s data', () => {
  it('the check, send and archive dialogs name bookings by 予約ID and row only', () => {
    const emu = personalWorkbook();
    for (const run of everyEntryPoint(emu)) expectClean(run, run.handler);
    const dialogs = emu.ui.dialogs
      .filter((d) => !/プレビュー/.test(d.title ?? ''))
      .map((d) => d.message);
    expect(dialogs.length).toBeGreaterThan(3);
    for (const secret of SECRETS) {
      for (const message of dialogs) expect(message).not.toContain(secret);
    }
  });
});

describe('操作ログ: append-only, one batch per run', () => {
  it('rows are only ever added (no run changes or removes an existing row)', () => {
    const emu = personalWorkbook();
    const log = () => emu.person.values(SHEET.log).map((r) => JSON.stringify(r));
    let seen = log();
    for (const run of everyEntryPoint(emu)) {
      expectClean(run, run.handler);
      const now = log();
      expect(now.slice(0, seen.length), `${run.handler} changed an existing 操作ログ row`).toEqual(
        seen,
      );
      seen = now;
    }
    expect(seen.length).toBeGreaterThan(3);
    for (const row of emu.records(SHEET.log)) expect(row[LOG.at]).toBeInstanceOf(Date);
  });

  it('with its header row cleared, entries still go in (in the default column order)', () => {
    const emu = personalWorkbook();
    const width = emu.person.values(SHEET.log)[0]!.length;
    emu.person.setValues(SHEET.log, 'A1', [Array.from({ length: width }, () => '')]);
    const before = emu.person.values(SHEET.log).length;
    expectClean(emu.menu('すべての予約をチェック'), 'check');
    const added = emu.person.values(SHEET.log).slice(before);
    expect(added).toHaveLength(1);
    const [at, , action] = added[0]!;
    expect(at).toBeInstanceOf(Date);
    expect(action).toBe('すべての予約をチェック');
  });

  it('each run appends its rows to 操作ログ in one write (appendRow for one line, setValues for more)', () => {
    const emu = personalWorkbook();
    const rows = () => emu.person.values(SHEET.log).length;
    let last = rows();
    const writes = new Map<number, number>();
    // A write after which 操作ログ is longer was a write to 操作ログ.
    for (const method of ['Range.setValues', 'Sheet.appendRow']) {
      emu.hooks.after(
        method,
        ({ execution }) => {
          const now = rows();
          if (now > last) writes.set(execution.id, (writes.get(execution.id) ?? 0) + 1);
          last = now;
        },
        { times: Infinity },
      );
    }
    const steps: [string, () => RunResult][] = [
      ['check', () => emu.menu('すべての予約をチェック')],
      ['monthly', () => emu.menu('月次集計を更新')],
      ['archive', () => emu.menu('過去の予約を保管')],
      [
        'sidebar add',
        () =>
          emu.callServer('sidebarAddBooking', {
            date: '2026-12-04',
            start: '15:00',
            office: '倉敷わかもの',
            name: SEEKERS[0]!.name,
            seekerNo: SEEKERS[0]!.seekerNo,
            email: SEEKERS[0]!.email,
            meetingUrl: 'https://teleoffice.example.jp/meet/p2',
            channel: '電話',
          }),
      ],
      ['send', () => emu.menu('招待メールを送信')],
      ['tick', () => emu.fireTimeTrigger('onTenMinuteTick')],
    ];
    const seen: Record<string, { added: number; writes: number }> = {};
    for (const [name, step] of steps) {
      const before = rows();
      const run = step();
      expectClean(run, name);
      seen[name] = { added: rows() - before, writes: writes.get(run.executionId) ?? 0 };
    }
    for (const name of ['check', 'monthly', 'archive', 'sidebar add']) {
      expect(seen[name], name).toEqual({ added: 1, writes: 1 });
    }
    // The send logs the check, then every mail of the batch, in one append.
    expect(seen.send!.added).toBeGreaterThanOrEqual(2);
    expect(seen.send!.writes).toBe(1);
    expect(seen.tick!.writes).toBeLessThanOrEqual(1);
  });
});

afterAll(() => {
  console.log(`privacy: ${tally.runs} runs scanned, ${tally.faults} faults injected`);
});
