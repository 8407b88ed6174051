// 保存期間を過ぎた個人情報を消去 on the built bundle, on a known data set: on START (2026-12-01)
// with 個人情報の保存年数 3 the cutoff is 2023-12-01 (相談日 before it is past the period).
// 月次集計 is rebuilt before and after and must be identical; personal cells go only where old
// enough; 「いいえ」 changes nothing; killed at every call, a re-run finishes; ledger entries older
// than the cutoff go; one 操作ログ line with counts only.
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/index';
import { PERSONAL_HEADERS } from '../../src/core/retention';
import { BOOKING, ROSTER, SHEET, STATUS } from '../../src/core/schema';
import { typeRows } from '../../runner/staff';
import { createEmulator } from '../world';
import {
  bookingRow,
  setSetting,
  START,
  typeArchivedBookings,
  typeBookings,
  workbookWith,
} from './helpers';

const CAPTION = '保存期間を過ぎた個人情報を消去';
const SETTING_KEY = '個人情報の保存年数';

const central = {
  seekerNo: '33010-00000002',
  name: '試験 花子',
  office: '倉敷中央',
  officer: '担当 乙',
};

/** Which ids are past the period (and still have personal cells). */
const OLD = ['Y900001', 'Y900003', 'Y900006'];
const KEPT = ['Y900002', 'Y900004', 'Y900007'];

function knownWorkbook(): Emulator {
  const emu = workbookWith([]);
  typeArchivedBookings(emu, [
    {
      ...bookingRow({ date: '2023/11/30', status: STATUS.held, note: '電話で相談' }),
      id: 'Y900001',
      month: '2023-11',
    },
    // The cutoff day itself is kept.
    {
      ...bookingRow({ ...central, date: '2023/12/01', status: STATUS.held }),
      id: 'Y900002',
      month: '2023-12',
    },
    {
      ...bookingRow({ ...central, date: '2022/05/12', status: STATUS.noShow }),
      id: 'Y900003',
      month: '2022-05',
    },
    {
      ...bookingRow({ date: '2024/01/10', status: STATUS.cancelled }),
      id: 'Y900004',
      month: '2024-01',
    },
    // Already erased by an earlier run: not counted again.
    {
      ...bookingRow({
        date: '2023/06/01',
        status: STATUS.held,
        name: '',
        seekerNo: '',
        email: '',
        meetingUrl: '',
      }),
      id: 'Y900005',
      month: '2023-06',
    },
    // Only 備考 left: erased.
    {
      ...bookingRow({
        date: '2021/04/01',
        status: STATUS.held,
        name: '',
        seekerNo: '',
        email: '',
        meetingUrl: '',
        note: 'メモ',
      }),
      id: 'Y900006',
      month: '2021-04',
    },
    { ...bookingRow({ date: '2026/05/12', status: STATUS.held }), id: 'Y900007', month: '2026-05' },
  ]);
  typeBookings(emu, [bookingRow({ date: '2023/01/05' })]); // live rows are never touched
  typeRows(emu, SHEET.roster, ROSTER, [
    {
      seekerNo: '33010-00000099',
      name: '終了 太郎',
      office: '倉敷中央',
      officer: '担当 乙',
      supportStart: '2021/04/01',
      supportEnd: '2022/03/31',
    },
  ]);
  seedLedger(emu);
  return emu;
}

/** The invitation ledger (a document property, not part of a workbook snapshot). */
function seedLedger(emu: Emulator): void {
  emu.properties.document.set(
    'invitationLedger',
    JSON.stringify({
      v: 1,
      e: {
        Y900001: ['sent', '2023-11-30', 600, 'aaaa', 'bbbb', 'example.jp', 0],
        Y000042: ['sent', '2026-12-10', 600, 'cccc', 'dddd', 'example.jp', 0],
      },
    }),
  );
}

function monthly(emu: Emulator): unknown[][] {
  const run = emu.menu('月次集計を更新');
  expect(run.error).toBeUndefined();
  // The first rows hold the time of the update: compare the tables only.
  const grid = emu.sheetValues(SHEET.monthly);
  const title = grid.findIndex((row) => row[0] === '月別・窓口別');
  expect(title).toBeGreaterThan(0);
  return grid.slice(title);
}

function archived(emu: Emulator): Map<string, Record<string, unknown>> {
  return new Map(emu.records(SHEET.archive).map((r) => [String(r[BOOKING.id]), r]));
}

function personal(record: Record<string, unknown> | undefined): string[] {
  return PERSONAL_HEADERS.map((h) => String(record?.[h] ?? ''));
}

function erase(emu: Emulator) {
  emu.ui.queueResponse('YES', 'OK');
  const run = emu.menu(CAPTION);
  expect(emu.ui.pendingResponses()).toEqual([]);
  return run;
}

describe(CAPTION, () => {
  it('blanks personal cells of rows past the period only; 月次集計 is the same before and after', () => {
    const emu = knownWorkbook();
    const before = monthly(emu);
    // The report does count the old months (else comparing it would prove nothing).
    expect(before.some((row) => row[0] === '2022-05' && row[1] === '倉敷中央')).toBe(true);
    expect(before.some((row) => row[0] === '2021-04')).toBe(true);
    const rowsBefore = archived(emu);
    const liveBefore = emu.records(SHEET.bookings);
    const run = erase(emu);
    expect(run.error).toBeUndefined();
    const question = emu.ui.dialogs.at(-2)!;
    expect(question.buttonSet).toBe('YES_NO');
    expect(question.message).toContain('予約3件');
    expect(question.message).toContain('2023年12月1日');
    const report = emu.ui.lastDialog()!.message;
    expect(report).toContain('予約3件の個人情報を消去しました');
    expect(report).toContain('1件は消去済みでした');
    // 対象者 to review: row number and 求職番号 in the dialog only.
    expect(report).toMatch(/対象者シートに、支援終了日が.*1人います: \d+行目（33010-00000099）/);

    const after = archived(emu);
    expect(after.size).toBe(rowsBefore.size);
    for (const id of OLD)
      expect(personal(after.get(id)), id).toEqual(PERSONAL_HEADERS.map(() => ''));
    for (const id of KEPT) expect(after.get(id), id).toEqual(rowsBefore.get(id));
    for (const [id, row] of after) {
      for (const header of Object.keys(row)) {
        if (PERSONAL_HEADERS.includes(header)) continue;
        expect(row[header], `${id} ${header}`).toEqual(rowsBefore.get(id)![header]);
      }
    }
    expect(emu.records(SHEET.bookings)).toEqual(liveBefore);
    expect(monthly(emu)).toEqual(before);

    // One 操作ログ line, counts only.
    const lines = emu.records(SHEET.log).filter((r) => r['操作'] === CAPTION);
    expect(lines).toHaveLength(1);
    const detail = String(lines[0]!['内容']);
    expect(detail).toContain('消去3件');
    expect(detail).toContain('消去済み1件');
    expect(detail).not.toMatch(/33010|example\.jp|見本|試験|終了 太郎/);

    // Ledger: the entry older than the cutoff is gone, the future one kept.
    const ledger = JSON.parse(emu.properties.document.get('invitationLedger') ?? '{}');
    expect(Object.keys(ledger.e)).toEqual(['Y000042']);

    // A re-run finds nothing left and changes nothing.
    const again = emu.menu(CAPTION);
    expect(again.error).toBeUndefined();
    expect(emu.ui.lastDialog()!.message).toContain('個人情報が残っているものはありません');
    expect(archived(emu)).toEqual(after);
  });

  it('「いいえ」 changes nothing and logs nothing', () => {
    const emu = knownWorkbook();
    const before = emu.snapshot();
    emu.ui.queueResponse('NO');
    const run = emu.menu(CAPTION);
    expect(run.error).toBeUndefined();
    expect(emu.ui.pendingResponses()).toEqual([]);
    expect(emu.ui.lastDialog()!.response).toBe('NO');
    const after = emu.snapshot();
    expect(after.sheets).toEqual(before.sheets);
    expect(emu.properties.document.get('invitationLedger')).toContain('Y900001');
  });

  it('a malformed 個人情報の保存年数 blocks erasure with a message naming the row', () => {
    for (const value of ['三年', '0', '']) {
      const emu = knownWorkbook();
      setSetting(emu, SETTING_KEY, value);
      const before = emu.snapshot();
      const run = emu.menu(CAPTION);
      expect(run.error).toBeUndefined();
      const message = emu.ui.lastDialog()!.message;
      expect(message, value).toMatch(/設定「個人情報の保存年数」（\d+行目）/);
      expect(message).toContain('何も消去していません');
      expect(emu.ui.lastDialog()!.buttonSet).toBe('OK');
      expect(emu.snapshot().sheets).toEqual(before.sheets);
    }
  });

  it('killed at every call, loses nothing that should stay, and a re-run finishes', () => {
    const snapshot = knownWorkbook().snapshot();
    const fresh = (): Emulator => {
      const emu = createEmulator({ now: START, workbook: snapshot });
      seedLedger(emu);
      emu.ui.setDefault('accept');
      return emu;
    };
    const ERASE = (emu: Emulator) => emu.run('menuErasePersonalData', [], { kind: 'menu' });
    const reference = fresh();
    const total = ERASE(reference).counters.calls;
    const expected = archived(reference);
    expect(total).toBeGreaterThan(5);
    let killed = 0;
    for (let n = 1; n <= total; n++) {
      const emu = fresh();
      emu.faults.failAtCall(n);
      const run = ERASE(emu);
      if (run.error !== undefined) killed++;
      emu.faults.clear();
      // Whatever happened, nothing but personal cells of old rows changed.
      const mid = archived(emu);
      for (const id of KEPT) expect(mid.get(id), `kill ${n}: ${id}`).toEqual(expected.get(id));
      const rerun = ERASE(emu);
      expect(rerun.error, `re-run after kill ${n}`).toBeUndefined();
      expect(archived(emu), `after kill ${n} and a re-run`).toEqual(expected);
      expect(
        emu.properties.document.get('invitationLedger'),
        `ledger after kill ${n}`,
      ).not.toContain('Y900001');
    }
    expect(killed).toBeGreaterThan(0);
  });

  it('a sort in the one call before the write: the rows it carried under the blanks get their cells back', () => {
    const emu = knownWorkbook();
    const rowsBefore = archived(emu);
    const dateColumn = emu.sheetValues(SHEET.archive)[0]!.indexOf(BOOKING.date) + 1;
    let sorted = 0;
    for (const method of ['Range.setValue', 'Range.setValues', 'RangeList.setValue'] as const) {
      emu.hooks.before(method, (ctx) => {
        if (sorted > 0) return;
        sorted++;
        // 相談日 descending: kept Y900007 (2026) and Y900002 land on rows 2 and 4, where the
        // old Y900001 and Y900003 were to be blanked.
        ctx.emu.person.sortRows(SHEET.archive, { column: dateColumn, ascending: false });
      });
    }
    const run = erase(emu);
    expect(run.error).toBeUndefined();
    expect(sorted).toBe(1);
    const after = archived(emu);
    // Rows that were to stay hold exactly what they held (the blanks written on them are undone).
    for (const id of KEPT)
      expect(personal(after.get(id)), id).toEqual(personal(rowsBefore.get(id)));
    expect(emu.ui.lastDialog()!.message).toContain('消してしまった欄を元に戻しました');
    const line = emu.records(SHEET.log).find((r) => r['操作'] === CAPTION);
    expect(String(line?.['内容'])).toContain('行の移動で書き戻し2件');
    // A re-run finishes the rows the sort took out from under the write.
    erase(emu);
    const finished = archived(emu);
    for (const id of OLD)
      expect(personal(finished.get(id)), id).toEqual(PERSONAL_HEADERS.map(() => ''));
    for (const id of KEPT)
      expect(personal(finished.get(id)), id).toEqual(personal(rowsBefore.get(id)));
  });
});

describe(`${CAPTION} from the monthly trigger`, () => {
  it('runs only when 個人情報の自動消去 is はい, without a dialog, and logs one line', () => {
    const off = knownWorkbook();
    const before = archived(off);
    expect(off.fireTimeTrigger('onMonthlyTick').error).toBeUndefined();
    expect(archived(off)).toEqual(before);
    expect(off.records(SHEET.log).filter((r) => r['操作'] === CAPTION)).toHaveLength(0);

    const on = knownWorkbook();
    setSetting(on, '個人情報の自動消去', 'はい');
    const dialogs = on.ui.dialogs.length;
    expect(on.fireTimeTrigger('onMonthlyTick').error).toBeUndefined();
    expect(on.ui.dialogs.length).toBe(dialogs);
    const after = archived(on);
    for (const id of OLD)
      expect(personal(after.get(id)), id).toEqual(PERSONAL_HEADERS.map(() => ''));
    for (const id of KEPT) expect(after.get(id), id).toEqual(before.get(id));
    const lines = on.records(SHEET.log).filter((r) => r['操作'] === CAPTION);
    expect(lines).toHaveLength(1);
    expect(String(lines[0]!['内容'])).toContain('消去3件');
    expect(String(lines[0]!['実行者'])).toBe('自動（時間主導トリガー）');
  });
});
