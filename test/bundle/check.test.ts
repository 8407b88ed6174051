// The check menus on the built bundle: what they write (and only that), selections, staff's
// column order, real typed input, and a constant number of spreadsheet calls.
import { describe, expect, it } from 'vitest';
import { BOOKING, SHEET } from '../../src/core/schema';
import {
  SAMPLE_ROSTER,
  bookingRow,
  bookings,
  setUp,
  typeBookings,
  typeRoster,
  workbookWith,
  newEmulator,
} from './helpers';

const result = (row: Record<string, unknown>) => String(row[BOOKING.checkResult]);

describe('すべての予約をチェック', () => {
  it('writes OK, a 予約ID, 受付日時 and 相談月 for a clean row', () => {
    const emu = workbookWith([bookingRow()]);
    const run = emu.menu('すべての予約をチェック');
    expect(run.error).toBeUndefined();
    const [row] = bookings(emu);
    expect(result(row!)).toBe('OK');
    expect(row![BOOKING.id]).toMatch(/^Y\d{6}$/);
    expect(row![BOOKING.month]).toBe('2026-12');
    expect(row![BOOKING.takenAt]).toBeInstanceOf(Date);
  });

  it('finished rows keep no stale errors and are left out of the counts (issue 16 §2)', () => {
    const roster = SAMPLE_ROSTER.map((r, i) => (i === 1 ? { ...r, supportEnd: '2026/12/10' } : r));
    const emu = newEmulator();
    setUp(emu);
    typeRoster(emu, roster);
    typeBookings(emu, [
      bookingRow(),
      // 12/30 is 年末年始; 試験 花子's support ends 12/10: both stale once the row is over.
      bookingRow({ date: '2026/12/30', start: '11:00', status: 'キャンセル' }),
      bookingRow({
        seekerNo: '33010-00000002',
        name: '試験 花子',
        office: '倉敷中央',
        officer: '担当 乙',
        date: '2026/12/16',
        status: '実施',
      }),
      // Still 受付: the error stands.
      bookingRow({
        seekerNo: '33010-00000003',
        name: '例示 三郎',
        officer: '担当 丙',
        date: '2026/12/30',
        start: '14:00',
      }),
    ]);
    emu.menu('すべての予約をチェック');
    const rows = bookings(emu).map(result);
    expect(rows[0]).toBe('OK');
    expect(rows[1]).toBe('OK');
    expect(rows[2]).toBe('OK');
    expect(rows[3]).toMatch(/^エラー1件\nエラー:.*年末年始/);
    const told = emu.ui.dialogs.at(-1)?.message ?? '';
    expect(told).toMatch(/^2件をチェック（エラー1件・注意のみ0件、終了した予約2件は対象外）。/);
    expect(told).toContain('（5行目）: エラー1件');
    expect(told).not.toMatch(/（[34]行目）/);
  });

  it('explains each problem on its own row, in Japanese, naming the field', () => {
    const emu = workbookWith([
      bookingRow({ date: '2026/12/05' }), // Saturday
      bookingRow({ date: '2026/12/29', start: '11:00' }), // 年末年始
      bookingRow({ start: '13:00' }), // not a slot
      bookingRow({ seekerNo: '33010-99999999', start: '14:00' }), // not on the roster
      bookingRow({ email: 'a@example.jp, b@example.jp', start: '15:00' }),
      bookingRow({ meetingUrl: 'http://teleoffice.example.jp/x', date: '2026/12/03' }),
      bookingRow({
        seekerNo: '33010-00000003',
        name: '例示 三郎',
        officer: '担当 丙',
        date: '2026/12/01',
      }), // today
    ]);
    emu.menu('すべての予約をチェック');
    const rows = bookings(emu).map(result);
    expect(rows[0]).toMatch(/^エラー:.*「相談日」.*土/m);
    expect(rows[1]).toMatch(/年末年始/);
    expect(rows[2]).toMatch(/^エラー:.*「開始時刻」/m);
    expect(rows[3]).toMatch(/^エラー:.*対象者/m);
    expect(rows[4]).toMatch(/^エラー:.*「メールアドレス」/m);
    expect(rows[5]).toMatch(/^エラー:.*「会議URL」/m);
    expect(rows[6]).toMatch(/^エラー:.*「相談日」/m);
    for (const text of rows) {
      // A count first (never itself an エラー:/注意: line), then the messages, errors first.
      const [count, ...lines] = text.split('\n');
      expect(count).toMatch(/^エラー\d+件(・注意\d+件)?$/);
      for (const line of lines) expect(line).toMatch(/^(エラー|注意):/);
      const firstWarning = lines.findIndex((l) => l.startsWith('注意:'));
      if (firstWarning >= 0) expect(lines.slice(firstWarning).join('\n')).not.toMatch(/^エラー:/m);
      expect(lines[0]).toMatch(/^エラー:/);
    }
  });

  it('flags a slot over capacity naming the other booking, and a typo domain as an error', () => {
    const emu = workbookWith([
      bookingRow(),
      bookingRow({
        seekerNo: '33010-00000003',
        name: '例示 三郎',
        officer: '担当 丙',
        email: 'saburo@gmail.con',
      }),
    ]);
    emu.menu('すべての予約をチェック');
    const [first, second] = bookings(emu);
    expect(result(second!)).toContain(String(first![BOOKING.id]));
    expect(result(second!)).toMatch(/^エラー:.*「gmail\.con」は「gmail\.com」の打ち間違い/m);
    expect(result(second!)).toMatch(/^エラー2件\n/);
  });

  it('gives a booking pasted twice (identical rows) two different 予約ID and flags the clash', () => {
    const emu = workbookWith([bookingRow(), bookingRow()]);
    expect(emu.menu('すべての予約をチェック').error).toBeUndefined();
    const [first, second] = bookings(emu);
    expect(first![BOOKING.id]).toMatch(/^Y\d{6}$/);
    expect(second![BOOKING.id]).toMatch(/^Y\d{6}$/);
    expect(second![BOOKING.id]).not.toBe(first![BOOKING.id]);
    expect(result(second!)).toContain(String(first![BOOKING.id]));
  });

  it('never changes a staff-owned cell', () => {
    const emu = workbookWith([bookingRow({ start: '13:00', email: ' Ichiro@Example.jp ' })]);
    const staffHeaders = Object.values(BOOKING).filter(
      (h) =>
        ![
          BOOKING.id,
          BOOKING.takenAt,
          BOOKING.checkResult,
          BOOKING.month,
          BOOKING.updatedAt,
        ].includes(h as never),
    );
    const before = bookings(emu)[0]!;
    emu.menu('すべての予約をチェック');
    const after = bookings(emu)[0]!;
    for (const header of staffHeaders) expect(after[header], header).toEqual(before[header]);
  });

  it('reads typed input: full-width digits, dash variants, 和暦 and 〜時 times', () => {
    const emu = workbookWith([
      bookingRow({
        seekerNo: '３３０１０ー０００００００１',
        date: '令和8年12月2日',
        start: '１０時',
      }),
      bookingRow({
        seekerNo: '33010‐00000002',
        name: '試験 花子',
        office: '倉敷中央',
        officer: '担当 乙',
        email: 'hanako@example.jp',
        date: 'R8.12.3',
        start: '午後2時',
      }),
    ]);
    emu.menu('すべての予約をチェック');
    expect(bookings(emu).map(result)).toEqual(['OK', 'OK']);
  });

  it('finds columns by header after staff reorder them and insert their own', () => {
    const emu = newEmulator();
    setUp(emu);
    typeRoster(emu);
    // Move 氏名 to the far right and put a staff column in front of everything.
    const headers = emu.person.values(SHEET.bookings)[0]!.map(String);
    const reordered = ['電話メモ', ...headers.filter((h) => h !== BOOKING.name), BOOKING.name];
    emu.person.setValues(SHEET.bookings, 'A1', [reordered]);
    typeBookings(emu, [bookingRow()]);
    emu.menu('すべての予約をチェック');
    const [row] = bookings(emu);
    expect(result(row!)).toBe('OK');
    expect(row!['電話メモ']).toBe('');
  });

  it('uses a bounded number of spreadsheet calls, whether 3 rows or 300', () => {
    const calls = (n: number) => {
      const rows = Array.from({ length: n }, (_, i) =>
        bookingRow({
          date: `2026/12/${String(2 + (i % 3)).padStart(2, '0')}`,
          start: ['10:00', '11:00', '14:00', '15:00'][i % 4]!,
        }),
      );
      const emu = workbookWith(rows);
      return emu.menu('すべての予約をチェック').counters.spreadsheetCalls;
    };
    // Reads are one batch per sheet; writes are one per block of adjacent script-owned columns.
    for (const n of [3, 300]) expect(calls(n), `${n} rows`).toBeLessThanOrEqual(30);
  });
});

describe('選択行をチェック', () => {
  it('checks only the rows the selection touches, across several ranges', () => {
    const emu = workbookWith([
      bookingRow(),
      bookingRow({
        seekerNo: '33010-00000002',
        name: '試験 花子',
        office: '倉敷中央',
        officer: '担当 乙',
      }),
      bookingRow({
        seekerNo: '33010-00000003',
        name: '例示 三郎',
        officer: '担当 丙',
        start: '11:00',
      }),
      bookingRow({
        seekerNo: '33010-00000004',
        name: '仮名 四子',
        office: '倉敷中央',
        officer: '担当 丁',
        start: '14:00',
      }),
    ]);
    emu.person.select(SHEET.bookings, ['B2:C2', 'E4:E5']);
    emu.menu('選択行をチェック');
    expect(bookings(emu).map(result)).toEqual(['OK', '', 'OK', 'OK']);
  });

  it('asks for a selection on 予約 when another sheet is active', () => {
    const emu = workbookWith([bookingRow()]);
    emu.person.select(SHEET.roster, ['A2']);
    emu.menu('選択行をチェック');
    expect(emu.ui.dialogs[emu.ui.dialogs.length - 1]!.message).toContain('予約');
    expect(result(bookings(emu)[0]!)).toBe('');
  });
});

describe('onEdit', () => {
  it('stamps 最終更新 and 受付日時 on a row a person edits, and nothing for the header', () => {
    const emu = newEmulator();
    setUp(emu);
    typeBookings(emu, [bookingRow()]);
    const [row] = bookings(emu);
    expect(row![BOOKING.updatedAt]).toBeInstanceOf(Date);
    expect(row![BOOKING.takenAt]).toBeInstanceOf(Date);
    const headerBefore = emu.person.values(SHEET.bookings)[0];
    emu.edit(SHEET.bookings, 'R1', [['備考']]);
    expect(emu.person.values(SHEET.bookings)[0]).toEqual(
      headerBefore!.map((h, i) => (i === 17 ? '備考' : h)),
    );
    expect(bookings(emu)).toHaveLength(1);
  });

  it('stamps by 予約ID: a sort between the edit and the trigger stamps no other booking', () => {
    // The trigger reads the header, then the rows, then the rows again just before writing.
    for (const when of [1, 2, 3]) {
      const emu = newEmulator();
      setUp(emu);
      typeBookings(emu, [
        bookingRow({ name: 'あ 一', start: '10:00' }),
        bookingRow({ name: 'い 二', start: '11:00' }),
        bookingRow({ name: 'う 三', start: '14:00' }),
      ]);
      expect(emu.menu('すべての予約をチェック').error).toBeUndefined();
      const stamps = () =>
        new Map(
          bookings(emu).map((r) => [r[BOOKING.id], (r[BOOKING.updatedAt] as Date).getTime()]),
        );
      const before = stamps();
      const header = emu.sheetValues(SHEET.bookings)[0]!;
      const note = String.fromCharCode(65 + header.indexOf(BOOKING.note));
      const nameColumn = header.indexOf(BOOKING.name) + 1;
      emu.advance({ minutes: 5 });
      let fired = 0;
      // The person edits row 2 (あ 一), then someone sorts by 氏名 descending before onEdit acts.
      emu.hooks.before(
        'Sheet.getSheetValues',
        ({ emu: e }) => {
          fired++;
          e.person.sortRows(SHEET.bookings, { column: nameColumn, ascending: false });
        },
        { nth: when },
      );
      emu.edit(SHEET.bookings, `${note}2`, [['電話あり']]);
      expect(fired, `read ${when}`).toBe(1);
      const after = stamps();
      const edited = bookings(emu).find((r) => r[BOOKING.note] === '電話あり')!;
      for (const [id, at] of after) {
        if (id !== edited[BOOKING.id]) expect(at, `${when}: ${String(id)}`).toBe(before.get(id));
      }
    }
  });
});
