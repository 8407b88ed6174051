// 月次集計を更新 on the built bundle: the report's counts equal what a manager gets by filtering
// 予約 and 予約_保管 on 相談月 and 窓口; one chart however often it runs; constant calls.
import { describe, expect, it } from 'vitest';
import { NOT_EMULATED_GLOBALS, type Emulator } from '../../emulator/index';
import { BOOKING, LOG, SHEET, STATUS } from '../../src/core/schema';
import {
  bookingRow,
  newEmulator,
  typeArchivedBookings,
  typeBookings,
  workbookWith,
} from './helpers';

const CAPTION = '月次集計を更新';
const CENTRAL = '倉敷中央';
const WAKAMONO = '倉敷わかもの';

const central = {
  seekerNo: '33010-00000002',
  name: '試験 花子',
  office: CENTRAL,
  officer: '担当 乙',
};

/** A known data set on START (2026-12-01): three months live, two archived, one unreadable date. */
function knownWorkbook(): Emulator {
  const emu = workbookWith([
    bookingRow({ date: '2026/10/06', status: STATUS.held }),
    bookingRow({ date: '2026/10/07', status: STATUS.noShow, start: '11:00' }),
    bookingRow({
      date: '2026/10/08',
      status: STATUS.cancelled,
      start: '14:00',
      channel: 'オンライン相談中',
    }),
    bookingRow({ ...central, date: '2026/10/09', status: STATUS.held }),
    bookingRow({ date: '2026/11/04', status: STATUS.held }),
    bookingRow({ date: '2026/11/05', start: '15:00' }), // 状態 blank = 受付
    bookingRow({ ...central, date: '2026/11/06', status: STATUS.held, start: '14:00' }),
    bookingRow({ date: '2026/12/02' }),
    bookingRow({ ...central, date: '2026/12/03', status: STATUS.confirmed }),
    bookingRow({ date: 'あした', start: '11:00' }),
  ]);
  typeArchivedBookings(emu, [
    { ...bookingRow({ date: '2026/05/12', status: STATUS.held }), id: 'Y900001', month: '2026-05' },
    {
      ...bookingRow({
        ...central,
        date: '2026/10/02',
        status: STATUS.held,
        channel: 'オンライン相談中',
      }),
      id: 'Y900002',
      month: '2026-10',
    },
  ]);
  return emu;
}

interface ReportRow {
  month: string;
  office: string;
  values: Record<string, unknown>;
}

/** The 月別・窓口別 table (or another with 相談月 and a name first) as { header: value } rows. */
function officeTable(emu: Emulator, titleText = '月別・窓口別'): ReportRow[] {
  const grid = emu.sheetValues(SHEET.monthly);
  const title = grid.findIndex((row) => row[0] === titleText);
  expect(title).toBeGreaterThan(0);
  const headers = grid[title + 1]!.map(String);
  const rows: ReportRow[] = [];
  for (const row of grid.slice(title + 2)) {
    if (row.every((v) => v === '')) break;
    const values = Object.fromEntries(headers.map((h, i) => [h, row[i]]));
    rows.push({ month: String(row[0]), office: String(row[1]), values });
  }
  return rows;
}

/** Appends 操作ログ lines under its headers, as the tick's AuditLog writes them (no onEdit). */
function appendLog(emu: Emulator, lines: { action: string; bookingId: string }[]): void {
  const grid = emu.person.values(SHEET.log);
  const headers = grid[0]!.map(String);
  const rows = lines.map((line) => {
    const byHeader: Record<string, string> = {
      [LOG.at]: '2026/11/30 12:00:00',
      [LOG.actor]: '自動（時間主導トリガー）',
      [LOG.action]: line.action,
      [LOG.bookingId]: line.bookingId,
      [LOG.detail]: '',
    };
    return headers.map((h) => byHeader[h] ?? '');
  });
  emu.person.setValues(SHEET.log, `A${grid.length + 1}`, rows);
}

/** The 予約ID the check gave the live booking of this 相談日 (the check runs first). */
function idOn(emu: Emulator, date: string): string {
  const [y, m, d] = date.split('/').map(Number);
  const row = emu.records(SHEET.bookings).find((r) => {
    const v = r[BOOKING.date];
    if (!(v instanceof Date)) return false;
    const tokyo = new Date(v.getTime() + 9 * 3600 * 1000);
    return (
      tokyo.getUTCFullYear() === y && tokyo.getUTCMonth() + 1 === m && tokyo.getUTCDate() === d
    );
  });
  const id = String(row?.[BOOKING.id] ?? '');
  expect(id).toMatch(/^Y\d+$/);
  return id;
}

const RATES_TITLE = '月別・窓口別の無断キャンセル率とオンライン相談中の予約';

/** What a filter on 相談月 (and 窓口) shows, on 予約 and on 予約_保管 together. */
function filtered(emu: Emulator, month: string, office?: string): Record<string, unknown>[] {
  return [...emu.records(SHEET.bookings), ...emu.records(SHEET.archive)].filter(
    (r) => r[BOOKING.month] === month && (office === undefined || r[BOOKING.office] === office),
  );
}

describe('月次集計を更新', () => {
  it('gives, per month and 窓口, the counts a manager gets by filtering 相談月 and 窓口', () => {
    const emu = knownWorkbook();
    const run = emu.menu(CAPTION);
    expect(run.error).toBeUndefined();
    const table = officeTable(emu);
    expect(table.length).toBeGreaterThanOrEqual(12 * 3);
    let compared = 0;
    for (const row of table) {
      const rows = filtered(emu, row.month, row.office === '合計' ? undefined : row.office);
      const byStatus = (status: string) => rows.filter((r) => r[BOOKING.status] === status).length;
      expect(row.values['予約数'], `${row.month} ${row.office}`).toBe(rows.length);
      expect(row.values['実施']).toBe(byStatus(STATUS.held));
      expect(row.values['キャンセル']).toBe(byStatus(STATUS.cancelled));
      expect(row.values['無断キャンセル']).toBe(byStatus(STATUS.noShow));
      compared += rows.length;
    }
    expect(compared).toBe(2 * 11); // every dated booking twice: its 窓口 row and its 合計 row

    const get = (month: string, office: string) =>
      table.find((r) => r.month === month && r.office === office)!.values;
    expect(get('2026-10', WAKAMONO)).toMatchObject({
      予約数: 3,
      実施: 1,
      無断キャンセル: 1,
      キャンセル: 1,
    });
    expect(get('2026-10', CENTRAL)).toMatchObject({ 予約数: 2, 実施: 2 }); // one of them archived
    expect(get('2026-10', WAKAMONO)['実施率']).toBeCloseTo(1 / 3);
    // October 2026: 21 business days (10/12 スポーツの日) × 4 slots × 1.
    expect(get('2026-10', WAKAMONO)['提供枠数']).toBe(84);
    expect(get('2026-10', '合計')['提供枠数']).toBe(168);
    expect(get('2026-10', CENTRAL)['利用率']).toBeCloseTo(2 / 84);
    expect(get('2026-11', WAKAMONO)).toMatchObject({ 予約数: 2, 実施: 1, '受付・確定': 1 });
    expect(get('2026-12', '合計')).toMatchObject({ 予約数: 2, '受付・確定': 2, 実施率: '—' });
    expect(get('2026-05', WAKAMONO)).toMatchObject({ 予約数: 1, 実施: 1 });

    // The undated row is left out and the person is told why.
    const dialog = emu.ui.lastDialog();
    expect(dialog?.message).toMatch(/相談日が読めない予約1件/);
    const log = emu.records(SHEET.log).at(-1)!;
    expect(log['操作']).toBe(CAPTION);
    expect(String(log['内容'])).toContain('11件を集計');
  });

  it('gives the no-show rate and the オンライン相談中 share per 窓口 and 担当者, archive included', () => {
    const emu = knownWorkbook();
    expect(emu.menu(CAPTION).error).toBeUndefined();
    const rates = officeTable(emu, '月別・窓口別の無断キャンセル率とオンライン相談中の予約');
    const get = (month: string, office: string) =>
      rates.find((r) => r.month === month && r.office === office)!.values;
    // October at 倉敷わかもの: 実施 1, 無断キャンセル 1, キャンセル 1 (taken during a consultation).
    expect(get('2026-10', WAKAMONO)).toMatchObject({
      予約数: 3,
      実施: 1,
      無断キャンセル: 1,
      '実施＋無断キャンセル': 2,
      無断キャンセル率: 0.5,
      オンライン相談中: 1,
    });
    expect(get('2026-10', WAKAMONO)['オンライン相談中の割合']).toBeCloseTo(1 / 3);
    // 倉敷中央 in October: two 実施, one of them archived and taken during a consultation.
    expect(get('2026-10', CENTRAL)).toMatchObject({
      '実施＋無断キャンセル': 2,
      無断キャンセル率: 0,
      オンライン相談中: 1,
      オンライン相談中の割合: 0.5,
    });
    expect(get('2026-10', '合計')).toMatchObject({ 無断キャンセル率: 0.25, オンライン相談中: 2 });
    expect(get('2026-12', '合計')).toMatchObject({
      '実施＋無断キャンセル': 0,
      無断キャンセル率: '—',
    });
    expect(get('2026-09', CENTRAL)).toMatchObject({ 予約数: 0, オンライン相談中の割合: '—' });

    const officers = officeTable(emu, '月別・担当者別（予約のある月）');
    const officer = (month: string, name: string) =>
      officers.find((r) => r.month === month && r.office === name)!.values;
    expect(officer('2026-10', '担当 甲')).toMatchObject({
      '実施＋無断キャンセル': 2,
      無断キャンセル率: 0.5,
      オンライン相談中: 1,
    });
    expect(officer('2026-10', '担当 乙')).toMatchObject({
      無断キャンセル率: 0,
      オンライン相談中: 1,
    });
  });

  it('counts the bookings 操作ログ says were sent a reminder or a キャンセル通知, in their own month and 窓口', () => {
    const emu = knownWorkbook();
    expect(emu.menu('すべての予約をチェック').error).toBeUndefined();
    const noShow = idOn(emu, '2026/10/07'); // 倉敷わかもの, 無断キャンセル
    const cancelled = idOn(emu, '2026/10/08'); // 倉敷わかもの, キャンセル
    const heldNov = idOn(emu, '2026/11/04'); // 倉敷わかもの, 実施
    appendLog(emu, [
      { action: 'リマインダー送信', bookingId: noShow },
      { action: 'リマインダー送信', bookingId: noShow }, // one booking, however many lines
      { action: 'リマインダー送信', bookingId: 'Y900002' }, // archived: 倉敷中央, October
      { action: 'リマインダー送信', bookingId: 'Y123456' }, // in neither sheet: not counted
      { action: 'リマインダー送信失敗', bookingId: heldNov }, // not sent: not counted
      { action: 'キャンセル通知送信', bookingId: cancelled },
    ]);
    expect(emu.menu(CAPTION).error).toBeUndefined();
    const rates = officeTable(emu, RATES_TITLE);
    const get = (month: string, office: string) =>
      rates.find((r) => r.month === month && r.office === office)!.values;
    expect(get('2026-10', WAKAMONO)).toMatchObject({
      無断キャンセル率: 0.5,
      リマインダー送信数: 1,
      キャンセル通知数: 1,
    });
    expect(get('2026-10', CENTRAL)).toMatchObject({ リマインダー送信数: 1, キャンセル通知数: 0 });
    expect(get('2026-10', '合計')).toMatchObject({ リマインダー送信数: 2, キャンセル通知数: 1 });
    expect(get('2026-11', WAKAMONO)).toMatchObject({ リマインダー送信数: 0, キャンセル通知数: 0 });
    const totals = rates.filter((r) => r.office === '合計');
    const sum = (h: string) => totals.reduce((n, r) => n + Number(r.values[h]), 0);
    expect(sum('リマインダー送信数')).toBe(2);
    expect(sum('キャンセル通知数')).toBe(1);
    // Beside 無断キャンセル率, and explained under the title.
    const grid = emu.sheetValues(SHEET.monthly);
    const headers = grid[grid.findIndex((row) => row[0] === RATES_TITLE) + 1]!.map(String);
    expect(headers.indexOf('リマインダー送信数')).toBe(headers.indexOf('無断キャンセル率') + 1);
    expect(
      grid.some((row) => String(row[0]).startsWith('リマインダー送信数・キャンセル通知数 = ')),
    ).toBe(true);

    // The monthly trigger writes the same cells.
    emu.person.setValues(SHEET.monthly, 'A1', [['']]);
    expect(emu.fireTimeTrigger('onMonthlyTick').error).toBeUndefined();
    expect(emu.sheetValues(SHEET.monthly)[0]![0]).toBe('月次集計'); // rewritten by the trigger
    const again = officeTable(emu, RATES_TITLE);
    expect(again.find((r) => r.month === '2026-10' && r.office === '合計')!.values).toMatchObject({
      リマインダー送信数: 2,
      キャンセル通知数: 1,
    });
  });

  it('finds 操作 and 予約ID by header, and counts nothing when 操作ログ has neither', () => {
    const emu = knownWorkbook();
    emu.menu('すべての予約をチェック');
    appendLog(emu, [{ action: 'リマインダー送信', bookingId: idOn(emu, '2026/10/07') }]);
    const width = emu.person.values(SHEET.log)[0]!.length;
    // A person puts a column of their own first: everything moves one to the right.
    const moved = emu.person.values(SHEET.log).map((row) => ['', ...row]);
    moved[0]![0] = 'メモ';
    emu.person.setValues(SHEET.log, 'A1', moved);
    expect(emu.person.values(SHEET.log)[0]!.length).toBe(width + 1);
    expect(emu.menu(CAPTION).error).toBeUndefined();
    const rates = officeTable(emu, RATES_TITLE);
    expect(
      rates.find((r) => r.month === '2026-10' && r.office === WAKAMONO)!.values[
        'リマインダー送信数'
      ],
    ).toBe(1);
    // 予約ID header gone: no count, and the report is still written.
    const header = emu.person.values(SHEET.log)[0]!.map(String);
    const letter = String.fromCharCode(65 + header.indexOf(LOG.bookingId));
    emu.person.setValues(SHEET.log, `${letter}1`, [['']]);
    expect(emu.menu(CAPTION).error).toBeUndefined();
    const after = officeTable(emu, RATES_TITLE);
    expect(after.every((r) => r.values['リマインダー送信数'] === 0)).toBe(true);
    expect(
      after.find((r) => r.month === '2026-10' && r.office === WAKAMONO)!.values['予約数'],
    ).toBe(3);
  });

  it("recounts a false 無断キャンセル corrected to 実施 (the guide's steps) on the next run", () => {
    const emu = knownWorkbook();
    emu.menu(CAPTION);
    const rowNumber =
      emu.records(SHEET.bookings).findIndex((r) => r[BOOKING.status] === STATUS.noShow) + 2;
    const header = emu.sheetValues(SHEET.bookings)[0]!;
    const column = (h: string) => String.fromCharCode(65 + header.indexOf(h));
    emu.person.setValues(SHEET.bookings, `${column(BOOKING.status)}${rowNumber}`, [[STATUS.held]]);
    emu.person.setValues(SHEET.bookings, `${column(BOOKING.joined)}${rowNumber}`, [[true]]);
    const before = officeTable(emu, '月別・窓口別の無断キャンセル率とオンライン相談中の予約');
    expect(
      before.find((r) => r.month === '2026-10' && r.office === WAKAMONO)!.values[
        '無断キャンセル率'
      ],
    ).toBe(0.5); // the sheet is a snapshot until it is rebuilt
    expect(emu.menu(CAPTION).error).toBeUndefined();
    const after = officeTable(emu, '月別・窓口別の無断キャンセル率とオンライン相談中の予約');
    expect(after.find((r) => r.month === '2026-10' && r.office === WAKAMONO)!.values).toMatchObject(
      { 実施: 2, 無断キャンセル: 0, '実施＋無断キャンセル': 2, 無断キャンセル率: 0 },
    );
  });

  it('writes months as text and rates as numbers formatted as percentages', () => {
    const emu = knownWorkbook();
    emu.menu(CAPTION);
    const snapshot = emu.snapshot().sheets.find((s) => s.name === SHEET.monthly)!;
    const grid = snapshot.values;
    const title = grid.findIndex((row) => row[0] === '月別・窓口別');
    const first = grid[title + 2]!;
    expect(typeof first[0]).toBe('string');
    expect(first[0]).toMatch(/^\d{4}-\d{2}$/);
    const formats = Object.values(snapshot.numberFormats ?? {});
    expect(formats).toContain('0.0%');
    expect(formats).toContain('#,##0');
    expect(snapshot.formulas ?? {}).toEqual({});
  });

  it('sets 相談月 on rows where it is stale, so the filter agrees at once', () => {
    const emu = knownWorkbook();
    emu.menu('すべての予約をチェック');
    // A person moves a booking to another month; 相談月 still says October.
    const rowNumber =
      emu.records(SHEET.bookings).findIndex((r) => r[BOOKING.status] === STATUS.noShow) + 2;
    const dateColumn = String.fromCharCode(
      65 + emu.sheetValues(SHEET.bookings)[0]!.indexOf(BOOKING.date),
    );
    emu.person.setValues(SHEET.bookings, `${dateColumn}${rowNumber}`, [['2026/11/09']]);
    emu.menu(CAPTION);
    expect(emu.records(SHEET.bookings)[rowNumber - 2]![BOOKING.month]).toBe('2026-11');
    const table = officeTable(emu);
    const nov = table.find((r) => r.month === '2026-11' && r.office === WAKAMONO)!;
    expect(nov.values['予約数']).toBe(filtered(emu, '2026-11', WAKAMONO).length);
    expect(nov.values['無断キャンセル']).toBe(1);
  });

  it.skipIf(NOT_EMULATED_GLOBALS.includes('Charts' as never))(
    'keeps exactly one chart, of the last 12 months, after two runs',
    () => {
      const emu = knownWorkbook();
      expect(emu.menu(CAPTION).error).toBeUndefined();
      expect(emu.menu(CAPTION).error).toBeUndefined();
      const charts = emu.workbook.sheetByName(SHEET.monthly)!.charts;
      expect(charts).toHaveLength(1);
      expect(charts[0]!.chartType).toBe('COLUMN');
      expect(charts[0]!.ranges[0]!.rect.numRows).toBe(13);
    },
  );

  it('uses the same number of spreadsheet calls for 11 bookings and for 200', () => {
    const small = knownWorkbook();
    const large = knownWorkbook();
    const more = Array.from({ length: 190 }, (_, i) =>
      bookingRow({
        date: `2026/${(i % 9) + 1}/${(i % 20) + 1}`,
        status: i % 3 ? STATUS.held : STATUS.cancelled,
      }),
    );
    typeBookings(large, more);
    // Writes touch exactly the cells that change, one call per run of changed cells: row 10 has
    // no 相談日, so both workbooks need the rows after it to have the same runs (1–9, 11–).
    typeBookings(small, more.slice(0, 1));
    // 操作ログ read in the same calls however long it is.
    appendLog(small, [{ action: 'リマインダー送信', bookingId: 'Y000001' }]);
    appendLog(
      large,
      Array.from({ length: 300 }, (_, i) => ({
        action: i % 2 ? 'リマインダー送信' : 'キャンセル通知送信',
        bookingId: `Y${String(i + 1).padStart(6, '0')}`,
      })),
    );
    const a = small.menu(CAPTION);
    const b = large.menu(CAPTION);
    expect(a.error).toBeUndefined();
    expect(b.error).toBeUndefined();
    expect(b.spreadsheetCalls).toBe(a.spreadsheetCalls);
    expect(a.spreadsheetCalls).toBeLessThan(60);
  });

  it('asks for 初期設定 when 予約 is missing, and changes nothing', () => {
    const emu = newEmulator();
    emu.open();
    const before = emu.snapshot();
    const run = emu.menu(CAPTION);
    expect(run.error).toBeUndefined();
    expect(emu.ui.lastDialog()?.message).toMatch(/「予約」シートがありません。.*初期設定/);
    expect(emu.snapshot()).toEqual(before);
  });
});
