// The 空き枠 sidebar's server side on the built bundle, called as google.script.run would call it
// (emu.callServer: JSON-like data in and out). The page is never trusted: these tests send what a
// tampered page could send.
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/index';
import { BOOKING, LOG, SETTING, SHEET } from '../../src/core/schema';
import type {
  AddBookingResult,
  FormField,
  BookingForm,
  FreeSlotsResponse,
  SeekerLookup,
} from '../../src/ui/shared/sidebarApi';
import {
  bookingRow,
  bookings,
  setSetting,
  sidebarForm,
  typeBookings,
  workbookWith,
} from './helpers';

const form = sidebarForm;

function add(emu: Emulator, value: unknown): AddBookingResult {
  const run = emu.callServer<AddBookingResult>('sidebarAddBooking', value);
  expect(run.error).toBeUndefined();
  return run.value!;
}

function slots(emu: Emulator, office = ''): FreeSlotsResponse {
  const run = emu.callServer<FreeSlotsResponse>('sidebarGetFreeSlots', { office });
  expect(run.error).toBeUndefined();
  return run.value!;
}

function lookup(emu: Emulator, seekerNo: unknown): SeekerLookup {
  const run = emu.callServer<SeekerLookup>('sidebarLookupSeeker', seekerNo);
  expect(run.error).toBeUndefined();
  return run.value!;
}

const slotIn = (view: FreeSlotsResponse, date: string, office: string, start: string) =>
  view.days
    .find((d) => d.date === date)
    ?.offices.find((o) => o.office === office)
    ?.slots.find((s) => s.start === start);

/** Calls `count` for each appendRow to 予約 (a one-line 操作ログ append is an appendRow too). */
function countBookingAppends(emu: ReturnType<typeof workbookWith>, count: () => void): void {
  let logRows = emu.sheetValues(SHEET.log).length;
  emu.hooks.after(
    'Sheet.appendRow',
    ({ emu: e }) => {
      const now = e.sheetValues(SHEET.log).length;
      if (now > logRows) logRows = now;
      else count();
    },
    { times: Infinity },
  );
}

describe('空き枠を表示 (menu)', () => {
  it('opens the built sidebar page titled 空き枠, with its client script inlined', () => {
    const emu = workbookWith([]);
    const run = emu.menu('空き枠を表示');
    expect(run.error).toBeUndefined();
    const [sidebar] = emu.ui.sidebars();
    expect(sidebar?.title).toBe('空き枠');
    expect(sidebar?.content).toContain('id="grid"');
    expect(sidebar?.content).not.toContain('<!-- CLIENT_SCRIPT -->');
    expect(sidebar?.content).toMatch(/<script>[\s\S]*sidebarGetFreeSlots[\s\S]*<\/script>/);
    expect(sidebar?.content).not.toMatch(/^\s*(import|export)\s/m);
  });
});

describe('sidebarGetFreeSlots', () => {
  it('answers plain data: days as yyyy-MM-dd, a full slot full, cancelled bookings not counted', () => {
    const emu = workbookWith([bookingRow(), bookingRow({ start: '11:00', status: 'キャンセル' })]);
    const view = slots(emu);
    expect(view.ok).toBe(true);
    expect(view.today).toBe('2026-12-01');
    expect(view.allOffices).toEqual(['倉敷中央', '倉敷わかもの']);
    expect(view.days[0]?.date).toBe('2026-12-02');
    expect(slotIn(view, '2026-12-02', '倉敷わかもの', '10:00')).toMatchObject({
      full: true,
      free: 0,
    });
    expect(slotIn(view, '2026-12-02', '倉敷わかもの', '11:00')).toMatchObject({
      full: false,
      free: 1,
    });
    expect(slotIn(view, '2026-12-02', '倉敷中央', '10:00')).toMatchObject({ full: false });
    expect(view.days.find((d) => d.date === '2026-12-05')?.closed).toBe('休み（土曜日）');
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  it('filters by 窓口 and ignores a 窓口 that is not in 設定', () => {
    const emu = workbookWith([]);
    expect(slots(emu, '倉敷中央').offices).toEqual(['倉敷中央']);
    expect(slots(emu, '倉敷中央').days[0]?.offices.map((o) => o.office)).toEqual(['倉敷中央']);
    expect(slots(emu, '<b>どこか</b>').offices).toEqual(['倉敷中央', '倉敷わかもの']);
  });

  it('uses a constant number of spreadsheet calls, whatever the number of bookings', () => {
    const few = workbookWith([bookingRow()]);
    const many = workbookWith(
      Array.from({ length: 120 }, (_, i) =>
        bookingRow({ date: `2027/01/${String((i % 20) + 5).padStart(2, '0')}`, start: '10:00' }),
      ),
    );
    const callsFew = few.callServer('sidebarGetFreeSlots', { office: '' }).spreadsheetCalls;
    const callsMany = many.callServer('sidebarGetFreeSlots', { office: '' }).spreadsheetCalls;
    expect(callsMany).toBe(callsFew);
  });
});

describe('sidebarLookupSeeker', () => {
  it('gives only what staff need: name, 窓口, 担当者 and the no-show count', () => {
    const emu = workbookWith([
      bookingRow({ date: '2026/11/20', status: '無断キャンセル' }),
      bookingRow({ date: '2026/11/24', status: '無断キャンセル' }),
    ]);
    const found = lookup(emu, '３３０１０－０００００００１');
    expect(found).toEqual({
      seekerNo: '33010-00000001',
      found: true,
      name: '見本 一郎',
      office: '倉敷わかもの',
      officer: '担当 甲',
      noShowCount: 2,
      messages: [expect.stringMatching(/^注意:.*無断キャンセルが2回/)],
    });
  });

  it('says so when the number is malformed or not on the roster, and tolerates a non-string', () => {
    const emu = workbookWith([]);
    expect(lookup(emu, '33010')).toMatchObject({
      found: false,
      messages: [expect.stringMatching(/^エラー:.*求職番号/)],
    });
    expect(lookup(emu, '33010-99999999')).toMatchObject({
      found: false,
      seekerNo: '33010-99999999',
      messages: [expect.stringMatching(/対象者シートにありません/)],
    });
    expect(lookup(emu, { toString: 'x' }).found).toBe(false);
  });
});

describe('sidebarAddBooking', () => {
  it('appends a checked row by header: 予約ID, OK, 担当者 from 対象者, 求職番号 kept as text', () => {
    const emu = workbookWith([bookingRow()]);
    emu.edit(SHEET.bookings, 'S1', [['職員メモ']]); // a column staff added themselves
    const result = add(
      emu,
      form({ seekerNo: '３３０１０ー０００００００３', email: ' Saburo@Example.JP ' }),
    );
    expect(result).toMatchObject({
      ok: true,
      added: true,
      rowNumber: 3,
      messages: [],
      fields: [],
    });
    expect(result.id).toMatch(/^Y\d{6}$/);
    expect(result.readBack[0]).toBe('12月2日(水) 11:00～11:30 倉敷わかもの');
    const row = bookings(emu)[1]!;
    expect(row).toMatchObject({
      [BOOKING.id]: result.id,
      [BOOKING.checkResult]: 'OK',
      [BOOKING.seekerNo]: '33010-00000003',
      [BOOKING.email]: 'Saburo@example.jp',
      [BOOKING.officer]: '担当 丙',
      [BOOKING.status]: '受付',
      [BOOKING.channel]: '電話',
      [BOOKING.month]: '2026-12',
      職員メモ: '',
    });
    expect(row[BOOKING.takenAt]).toBeInstanceOf(Date);
    const logs = emu.records(SHEET.log);
    const entry = logs.find((l) => l[LOG.bookingId] === result.id);
    expect(entry?.[LOG.action]).toBe('空き枠から予約を追加');
    const logText = JSON.stringify(logs) + emu.logText();
    for (const personal of ['例示', '33010-00000003', 'saburo', 'teleoffice']) {
      expect(logText).not.toContain(personal);
    }
  });

  it('refuses a booking the check rejects, saying why, and writes nothing', () => {
    const emu = workbookWith([bookingRow()]);
    const before = JSON.stringify(emu.sheetValues(SHEET.bookings));
    // The field each エラー: is tied to on the page (null: the booking as a whole).
    const cases: [Partial<BookingForm>, RegExp, FormField | null][] = [
      [{ start: '10:00' }, /定員/, null], // the slot is full
      [{ date: '2026-12-05' }, /土曜日/, null],
      [{ date: '2026-12-01' }, /今日/, null],
      [{ start: '13:00' }, /開始時刻/, null],
      [{ office: '岡山' }, /窓口/, null],
      [{ seekerNo: '33010-99999999' }, /対象者シート/, 'seekerNo'],
      [{ email: 'a@example.jp, b@example.jp' }, /メールアドレス/, 'email'],
      [{ meetingUrl: 'javascript:alert(1)' }, /会議URL/, 'meetingUrl'],
      [{ name: '' }, /氏名/, 'name'],
      [{ date: 'いつか' }, /相談日/, null],
      [{ channel: '<script>' }, /受付方法/, 'channel'],
    ];
    for (const [overrides, why, field] of cases) {
      const result = add(emu, form(overrides));
      const what = JSON.stringify(overrides);
      expect(result, what).toMatchObject({ ok: false, added: false, id: '' });
      expect(result.messages.join('\n'), what).toMatch(why);
      expect(result.messages.some((m) => m.startsWith('エラー:'))).toBe(true);
      expect(result.fields, what).toHaveLength(result.messages.length);
      const errorFields = result.fields.filter((_, i) => result.messages[i]!.startsWith('エラー:'));
      expect(errorFields, what).toEqual([field]);
    }
    // Several at once: each message tied to its own field, in the order of the messages.
    const both = add(emu, form({ email: 'saburo@example', meetingUrl: 'http://x.example/' }));
    expect(both.fields).toEqual(
      both.messages.map((m) => (m.includes('「メールアドレス」') ? 'email' : 'meetingUrl')),
    );
    expect(new Set(both.fields)).toEqual(new Set(['email', 'meetingUrl']));
    expect(JSON.stringify(emu.sheetValues(SHEET.bookings))).toBe(before);
  });

  it('survives a tampered request: missing or non-string fields are refused, not thrown', () => {
    const emu = workbookWith([]);
    for (const value of [null, 'x', 42, [], { date: 20261202 }, { ...form(), name: ['a'] }]) {
      const result = add(emu, value);
      expect(result.ok).toBe(false);
      expect(result.added).toBe(false);
    }
    expect(bookings(emu)).toHaveLength(0);
  });

  it('takes a booking whose 窓口 設定 blocks, and says so: the row is right, 設定 is not', () => {
    const emu = workbookWith([]);
    setSetting(emu, SETTING.phoneCentral, ''); // as shipped
    const result = add(
      emu,
      form({ office: '倉敷中央', name: '仮名 四子', seekerNo: '33010-00000004' }),
    );
    expect(result.added).toBe(true);
    expect(result.messages.join('\n')).toContain('設定「電話番号（倉敷中央）」');
    const [row] = bookings(emu);
    expect(row?.[BOOKING.checkResult]).toMatch(/^エラー1件\nエラー: 設定「電話番号（倉敷中央）」/);
  });

  it('refuses a likely-typo mail domain (it would never arrive)', () => {
    const emu = workbookWith([]);
    const result = add(emu, form({ email: 'saburo@gmail.con' }));
    expect(result.added).toBeFalsy();
    expect(result.messages.join('\n')).toMatch(/「gmail\.con」は「gmail\.com」の打ち間違い/);
    expect(bookings(emu)).toHaveLength(0);
  });

  it('stores a formula-looking name as text, never as a formula', () => {
    const emu = workbookWith([]);
    const name = '=HYPERLINK("https://evil.example/","x")';
    const result = add(emu, form({ name }));
    expect(result.added).toBe(true);
    const [row] = bookings(emu);
    expect(row?.[BOOKING.name]).toBe(name);
    expect(row?.[BOOKING.checkResult]).toMatch(/^注意:.*氏名/m); // differs from 対象者
    // The page ties that 注意 to the 氏名 field.
    expect(result.fields[result.messages.findIndex((m) => m.includes('「氏名」'))]).toBe('name');
  });

  it('a second booking of the same slot is refused once the first is in', () => {
    const emu = workbookWith([]);
    expect(add(emu, form()).ok).toBe(true);
    const second = add(
      emu,
      form({ seekerNo: '33010-00000001', name: '見本 一郎', email: 'ichiro@example.jp' }),
    );
    expect(second.ok).toBe(false);
    expect(second.messages.join('\n')).toMatch(/定員/);
    expect(bookings(emu)).toHaveLength(1);
    // Staff typing straight into the sheet meanwhile is seen too.
    typeBookings(emu, [bookingRow({ start: '14:00' })]);
    expect(add(emu, form({ start: '14:00' })).messages.join('\n')).toMatch(/定員/);
  });
});

/** Tests of the appendRow path: the world where empty 参加 cells stay empty (no FALSE rows). */
const APPEND_WORLD = { variants: { checkboxFill: 'none' as const } };

describe('sidebarAddBooking while people edit (issue 13, findings 3 and 5)', () => {
  it('never overwrites a row a person types just before the append: the booking goes below it', () => {
    const emu = workbookWith([bookingRow()], APPEND_WORLD);
    let fired = 0;
    emu.hooks.before('Sheet.appendRow', ({ emu: e }) => {
      fired++;
      typeBookings(e, [bookingRow({ start: '14:00', name: '見本 二郎' })]); // row 3
    });
    const result = add(emu, form());
    expect(fired).toBe(1);
    expect(result).toMatchObject({ ok: true, added: true, rowNumber: 4 });
    const rows = bookings(emu);
    expect(rows[1]![BOOKING.name]).toBe('見本 二郎');
    expect(rows[2]![BOOKING.id]).toBe(result.id);
    expect(rows[2]![BOOKING.name]).toBe('例示 三郎');
  });

  it('a row a person took right after the append is reported, not written again', () => {
    const emu = workbookWith([bookingRow()], APPEND_WORLD);
    let fired = 0;
    emu.hooks.after('Sheet.appendRow', ({ emu: e }) => {
      fired++;
      const name = String.fromCharCode(
        65 + e.sheetValues(SHEET.bookings)[0]!.indexOf(BOOKING.name),
      );
      e.person.setValues(SHEET.bookings, `${name}3`, [['見本 四郎']]);
    });
    const result = add(emu, form());
    expect(fired).toBe(1);
    expect(result).toMatchObject({ ok: false, added: true });
    expect(result.messages.join('\n')).toContain('もう一度追加せず');
    expect(result.messages.join('\n')).not.toContain('サーバー');
    expect(bookings(emu)).toHaveLength(2);
    expect(bookings(emu)[1]![BOOKING.name]).toBe('見本 四郎');
  });

  it('says the booking was added, never "server error", when a step after the append fails', () => {
    const emu = workbookWith([bookingRow()], APPEND_WORLD);
    emu.hooks.after('Sheet.appendRow', ({ emu: e }) => {
      e.faults.inject('Sheet.getSheetValues', { times: 100 });
    });
    const result = add(emu, form());
    expect(result).toMatchObject({ ok: false, added: true });
    expect(result.id).toMatch(/^Y\d{6}$/);
    expect(result.messages.join('\n')).toContain('もう一度追加せず');
    expect(result.messages.join('\n')).not.toContain('予期しない');
    expect(bookings(emu)).toHaveLength(2);
  });

  it('writes into the first row holding only unticked checkboxes (they are not bookings), not below them', () => {
    const emu = workbookWith([bookingRow()]);
    const joined = String.fromCharCode(
      65 + emu.sheetValues(SHEET.bookings)[0]!.indexOf(BOOKING.joined),
    );
    emu.person.setValues(SHEET.bookings, `${joined}3:${joined}5`, [[false], [false], [false]]);
    let appended = 0;
    countBookingAppends(emu, () => void appended++);
    const result = add(emu, form());
    expect(result).toMatchObject({ ok: true, added: true, rowNumber: 3 });
    expect(appended).toBe(0);
    expect(emu.sheetValues(SHEET.bookings)[2]![0]).toBe(result.id);
  });

  it('a person typing into that free row just before the re-read: the booking goes into the next free row', () => {
    const emu = workbookWith([bookingRow()]);
    const headers = emu.sheetValues(SHEET.bookings)[0]!;
    const column = (h: string) => String.fromCharCode(65 + headers.indexOf(h));
    emu.person.setValues(SHEET.bookings, `${column(BOOKING.joined)}3:${column(BOOKING.joined)}5`, [
      [false],
      [false],
      [false],
    ]);
    // The re-read of every row just before the write (from row 2, to the last row): the person
    // types into row 3, the free row of the sidebar's first read, just before it.
    let typed = 0;
    emu.hooks.before(
      'Sheet.getSheetValues',
      ({ emu: e, args }) => {
        if (args[0] !== 2 || args[2] !== -1 || typed > 0) return;
        typed++;
        e.person.setValues(SHEET.bookings, `${column(BOOKING.name)}3`, [['見本 五郎']]);
      },
      { times: 1000 },
    );
    let appended = 0;
    countBookingAppends(emu, () => void appended++);
    const result = add(emu, form());
    expect(typed).toBe(1);
    expect(appended).toBe(0);
    expect(result).toMatchObject({ ok: true, added: true, rowNumber: 4 });
    const rows = emu.sheetValues(SHEET.bookings);
    expect(rows[2]![headers.indexOf(BOOKING.name)]).toBe('見本 五郎');
    expect(rows[2]![headers.indexOf(BOOKING.id)]).toBe('');
    expect(rows[3]![headers.indexOf(BOOKING.id)]).toBe(result.id);
    expect(rows[3]![headers.indexOf(BOOKING.name)]).toBe('例示 三郎');
  });

  it('refuses a 開始時刻 with text after the time, and never logs that text', () => {
    const emu = workbookWith([]);
    const start = '10:00～ichiro@example.jp 33010-00000001 見本一郎';
    const result = add(emu, form({ start }));
    expect(result).toMatchObject({ ok: false, added: false });
    expect(result.messages.join('\n')).toMatch(/「開始時刻」は 10:00 のように時刻だけ/);
    expect(bookings(emu)).toHaveLength(0);
    const all = JSON.stringify(emu.sheetValues(SHEET.log)) + emu.logText();
    expect(all).not.toContain('ichiro@example.jp');
    expect(all).not.toContain('見本一郎');
    expect(add(emu, form({ start: '１１：００' })).ok).toBe(true);
    const entry = emu.records(SHEET.log).find((l) => l[LOG.action] === '空き枠から予約を追加');
    expect(String(entry?.[LOG.detail])).toContain('11:00');
  });
});
