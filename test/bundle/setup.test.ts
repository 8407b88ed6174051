// 初期設定 on the built bundle: creates every sheet of the contract, is idempotent, keeps data,
// and repairs a sheet whose columns staff have reordered or extended.
import { describe, expect, it } from 'vitest';
import {
  BOOKING,
  BOOKING_HEADERS,
  CLOSED_DAY_HEADERS,
  LOG_HEADERS,
  ROSTER,
  ROSTER_HEADERS,
  SETTING,
  SETTINGS_HEADERS,
  SHEET,
  TRIGGER_HANDLERS,
} from '../../src/core/schema';
import { SETTING_DEFAULTS } from '../../src/core/settings';
import { bookingRow, newEmulator, setSetting, setUp, typeBookings, typeRoster } from './helpers';
import { typeRows } from '../../runner/staff';

describe('初期設定', () => {
  it('creates every sheet with the exact headers, frozen header row and filter', () => {
    const emu = newEmulator();
    setUp(emu);
    const snapshot = emu.snapshot();
    const sheet = (name: string) => snapshot.sheets.find((s) => s.name === name);
    const expected: [string, readonly string[]][] = [
      [SHEET.bookings, BOOKING_HEADERS],
      [SHEET.archive, BOOKING_HEADERS],
      [SHEET.roster, ROSTER_HEADERS],
      [SHEET.settings, SETTINGS_HEADERS],
      [SHEET.closedDays, CLOSED_DAY_HEADERS],
      [SHEET.log, LOG_HEADERS],
    ];
    for (const [name, headers] of expected) {
      expect(sheet(name)?.values[0], name).toEqual([...headers]);
      expect(sheet(name)?.frozenRows, name).toBe(1);
    }
    expect(sheet(SHEET.monthly), SHEET.monthly).toBeDefined();
    expect(sheet(SHEET.bookings)?.filterA1).toBeTruthy();
    // Every default setting has a row with a description.
    const settingRows = sheet(SHEET.settings)!.values.slice(1);
    for (const d of SETTING_DEFAULTS) {
      const row = settingRows.find((r) => r[0] === d.key);
      expect(row, d.key).toBeDefined();
      expect(String(row![2]).length, d.key).toBeGreaterThan(0);
    }
  });

  it('installs each time-driven trigger once, even when run twice', () => {
    const emu = newEmulator();
    setUp(emu);
    emu.menu('初期設定');
    const handlers = emu
      .triggers()
      .map((t) => t.handler)
      .sort();
    expect(handlers).toEqual(Object.values(TRIGGER_HANDLERS).sort());
  });

  it('changes nothing the second time, and keeps the data typed in between', () => {
    const emu = newEmulator();
    setUp(emu);
    typeRoster(emu);
    typeBookings(emu, [bookingRow(), bookingRow({ start: '11:00' })]);
    const before = emu.snapshot();
    const second = emu.menu('初期設定');
    expect(second.error).toBeUndefined();
    expect(emu.snapshot()).toEqual(before);
    expect(second.counters.cellsWritten).toBe(0);
    const last = emu.ui.dialogs[emu.ui.dialogs.length - 1]!;
    expect(last.message).toContain('変更はありませんでした');
  });

  it('adds 電話番号・差出人名・受付時間 rows for every 窓口 listed, and builds the 窓口 dropdowns from them', () => {
    const emu = newEmulator();
    setUp(emu);
    setSetting(emu, SETTING.offices, '本所,分室A,分室B');
    emu.ui.setDefault('accept');
    expect(emu.menu('初期設定').error).toBeUndefined();
    const settingRows = emu.person.values(SHEET.settings).slice(1);
    const valueOf = (key: string) => settingRows.find((r) => r[0] === key)?.[1];
    for (const office of ['本所', '分室A', '分室B']) {
      expect(valueOf(`電話番号（${office}）`), office).toBe('');
      expect(valueOf(`差出人名（${office}）`), office).toBe(`ハローワーク${office}`);
      expect(valueOf(`受付時間（${office}）`), office).toBe('');
    }
    // The shipped offices' rows stay as they were (nothing is deleted).
    expect(valueOf(SETTING.phoneWakamono)).toBe('086-430-0705');
    const report = emu.ui.dialogs[emu.ui.dialogs.length - 1]!.message;
    expect(report).toContain('電話番号（本所）');
    expect(report).toContain('本所の予約は、電話番号を入れるまで招待メールを送れません。');
    const snapshot = emu.snapshot();
    for (const name of [SHEET.bookings, SHEET.roster]) {
      const sheet = snapshot.sheets.find((s) => s.name === name)!;
      const column = sheet.values[0]!.indexOf(
        name === SHEET.bookings ? BOOKING.office : ROSTER.office,
      );
      const lists = Object.entries(sheet.validations ?? {})
        .filter(([a1]) => a1.replace(/\d+$/, '') === String.fromCharCode(65 + column))
        .map(([, v]) => v.values);
      expect(lists.length, name).toBeGreaterThan(0);
      for (const list of lists) expect(list, name).toEqual(['本所', '分室A', '分室B']);
    }
    // A second run adds nothing more.
    const before = emu.snapshot();
    expect(emu.menu('初期設定').counters.cellsWritten).toBe(0);
    expect(emu.snapshot()).toEqual(before);
  });

  it('takes a per-窓口 row typed with half-width brackets as that row, adding no second one', () => {
    const emu = newEmulator();
    setUp(emu);
    setSetting(emu, SETTING.offices, '本所');
    typeRows(emu, SHEET.settings, { key: '項目', value: '値' }, [
      { key: '電話番号(本所)', value: '099-000-0001' },
    ]);
    emu.ui.setDefault('accept');
    expect(emu.menu('初期設定').error).toBeUndefined();
    const keys = emu.person.values(SHEET.settings).map((r) => String(r[0]));
    expect(keys.filter((k) => k.startsWith('電話番号') && k.includes('本所'))).toEqual([
      '電話番号(本所)',
    ]);
    expect(keys).toContain('差出人名（本所）');
    const report = emu.ui.dialogs[emu.ui.dialogs.length - 1]!.message;
    expect(report).not.toContain('本所の予約は、電話番号を入れるまで');
  });

  it('adds missing columns at the end and leaves reordered and staff columns where they are', () => {
    const headers = ['氏名', '電話メモ', '予約ID', '相談日', 'メールアドレス', '求職番号'];
    const emu = newEmulator();
    emu.open();
    emu.person.insertSheet(SHEET.bookings);
    emu.person.setValues(SHEET.bookings, 'A1', [
      headers,
      ['見本 一郎', '夕方に折り返し', '', '2026/12/02', 'ichiro@example.jp', '33010-00000001'],
    ]);
    emu.menu('初期設定');
    const values = emu.person.values(SHEET.bookings);
    expect(values[0]!.slice(0, headers.length)).toEqual(headers);
    const added = values[0]!.slice(headers.length);
    expect([...headers, ...added].sort()).toEqual([...BOOKING_HEADERS, '電話メモ'].sort());
    expect(values[1]![0]).toBe('見本 一郎');
    expect(values[1]![1]).toBe('夕方に折り返し');
  });

  it('warns when the spreadsheet is not in Asia/Tokyo', () => {
    const emu = newEmulator();
    emu.open();
    emu.person.setTimeZone('America/New_York');
    emu.menu('初期設定');
    const last = emu.ui.dialogs[emu.ui.dialogs.length - 1]!;
    expect(last.message).toContain('タイムゾーン');
  });

  it('an unexpected error is a plain Japanese dialog: no stack, and no personal data in 操作ログ or the log', () => {
    const emu = newEmulator();
    setUp(emu);
    const address = 'yamada.taro@example.jp';
    const seekerNumber = '33010-12345678';
    // A service error that quotes personal data, as Google's sometimes do, in the middle of the
    // work under the lock.
    emu.faults.inject('Spreadsheet.getSpreadsheetTimeZone', {
      error: new Error(`Service error: ${address} ${seekerNumber}`),
    });
    const dialogsBefore = emu.ui.dialogs.length;
    const logBefore = emu.person.values(SHEET.log).length;
    const run = emu.menu('初期設定');
    expect(run.error).toBeUndefined();
    const shown = emu.ui.dialogs.slice(dialogsBefore);
    expect(shown).toHaveLength(1);
    expect(shown[0]!.message).toBe(
      '「初期設定」の途中で予期しないエラーが起きました。もう一度実行しても解決しない場合は、' +
        '管理者に連絡してください（詳細は実行ログにあります）。',
    );
    expect(shown[0]!.message).not.toMatch(/Error|Service|\bat\b/);
    const log = emu.person.values(SHEET.log);
    expect(log).toHaveLength(logBefore);
    expect(JSON.stringify(log)).not.toContain(address);
    expect(JSON.stringify(log)).not.toContain(seekerNumber);
    // The execution log keeps what happened, with the personal data masked.
    const text = run.logs.map((l) => l.text).join('\n');
    expect(text).toContain('menu 初期設定 failed: Service error: <メールアドレス> <求職番号>');
    expect(text).not.toContain(address);
    expect(text).not.toContain(seekerNumber);
  });
});
