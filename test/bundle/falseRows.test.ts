// Google's undocumented answers the product must be right in, whatever the world (this file runs
// in every world of the matrix): rows holding only unticked checkboxes are no bookings, and the
// header row starts at A1 however an empty sheet reads.
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/index';
import { BOOKING, ROSTER, SHEET, STATUS } from '../../src/core/schema';
import { columnLetter } from '../../src/sheet/table';
import { ALL_SHEETS } from '../../src/sheet/sheetSpecs';
import type { AddBookingResult, BookingForm } from '../../src/ui/shared/sidebarApi';
import { bookings, newEmulator, READY_BOOKINGS, setUp, workbookWith } from './helpers';

/** 挿入 → チェックボックス over the whole column under `header`, as a person does it. */
function checkboxesDown(emu: Emulator, sheet: string, header: string): void {
  const headers = emu.sheetValues(sheet)[0]!.map(String);
  const letter = columnLetter(headers.indexOf(header) + 1);
  const maxRows = emu.spreadsheet.workbook.sheetByName(sheet)!.maxRows;
  emu.person.insertCheckboxes(sheet, `${letter}2:${letter}${maxRows}`);
}

/** Three ready bookings, with FALSE in every cell of 参加 and 停止 down to the last grid row. */
function falseFilled(): Emulator {
  const emu = workbookWith(READY_BOOKINGS);
  checkboxesDown(emu, SHEET.bookings, BOOKING.joined);
  checkboxesDown(emu, SHEET.roster, ROSTER.suspended);
  expect(emu.sheetValues(SHEET.bookings).length, 'getLastRow counts the FALSE rows').toBe(1000);
  return emu;
}

const withId = (emu: Emulator) => bookings(emu).filter((r) => r[BOOKING.id] !== '');

describe('rows holding only unticked checkboxes', () => {
  it('get no 予約ID and no チェック結果 from the check; the real rows do', () => {
    const emu = falseFilled();
    expect(emu.menu('すべての予約をチェック').error).toBeUndefined();
    expect(withId(emu)).toHaveLength(3);
    const rows = bookings(emu);
    expect(rows.slice(0, 3).map((r) => r[BOOKING.checkResult])).toEqual(['OK', 'OK', 'OK']);
    expect(rows.slice(3).filter((r) => r[BOOKING.checkResult] !== '')).toEqual([]);
  });

  it('are not counted in the send dialog, and only the real rows are sent', () => {
    const emu = falseFilled();
    emu.menu('すべての予約をチェック');
    const before = emu.ui.dialogs.length;
    emu.ui.setDefault('accept');
    expect(emu.menu('招待メールを送信').error).toBeUndefined();
    const question = emu.ui.dialogs[before]!.message;
    expect(question).toContain('3件の招待メールを送信します');
    expect(question).not.toMatch(/\d{2,}件/);
    expect(emu.mail.sent).toHaveLength(3);
  });

  it('are never marked 無断キャンセル; the unjoined real bookings are', () => {
    const emu = falseFilled();
    emu.ui.setDefault('accept');
    emu.menu('招待メールを送信');
    emu.setTime('2026-12-02T11:20:00+09:00');
    expect(emu.fireTimeTrigger('onTenMinuteTick').error).toBeUndefined();
    const rows = bookings(emu);
    expect(rows.slice(0, 3).map((r) => r[BOOKING.status])).toEqual([
      STATUS.noShow,
      STATUS.noShow,
      STATUS.noShow,
    ]);
    expect(rows.slice(3).filter((r) => r[BOOKING.status] !== '' || r[BOOKING.id] !== '')).toEqual(
      [],
    );
  });

  it('are not counted by 月次集計', () => {
    const emu = falseFilled();
    expect(emu.menu('月次集計を更新').error).toBeUndefined();
    const grid = emu.sheetValues(SHEET.monthly);
    const title = grid.findIndex((row) => row[0] === '月別・窓口別');
    const headers = grid[title + 1]!.map(String);
    const count = headers.indexOf('予約数');
    const december = grid.slice(title + 2).find((r) => r[0] === '2026-12' && r[1] === '合計');
    expect(december?.[count]).toBe(3);
  });

  it('are free rows for the sidebar: the new booking goes right below the last real one', () => {
    const emu = falseFilled();
    const form: BookingForm = {
      channel: '電話',
      name: '仮名 四子',
      seekerNo: '33010-00000004',
      email: 'shiko@example.jp',
      date: '2026-12-03',
      start: '14:00',
      office: '倉敷中央',
      meetingUrl: 'https://teleoffice.example.jp/meet/xyz789',
    };
    const run = emu.callServer<AddBookingResult>('sidebarAddBooking', form);
    expect(run.error).toBeUndefined();
    expect(run.value).toMatchObject({ ok: true, added: true, rowNumber: 5 });
    expect(bookings(emu)[3]![BOOKING.name]).toBe('仮名 四子');
    expect(emu.sheetValues(SHEET.bookings).length).toBe(1000);
  });
});

describe('the header row', () => {
  it('starts at A1 on every sheet of a fresh spreadsheet, whatever an empty read returns', () => {
    const emu = newEmulator();
    setUp(emu);
    for (const spec of ALL_SHEETS) {
      if (spec.columns.length === 0) continue;
      const headers = emu.sheetValues(spec.name)[0]!.map(String);
      expect(headers.slice(0, spec.columns.length), spec.name).toEqual(
        spec.columns.map((c) => c.header),
      );
    }
  });

  it('with a blank header between two others keeps that column, and adds the rest after the last', () => {
    const emu = newEmulator();
    emu.person.insertSheet(SHEET.bookings);
    emu.person.setValues(SHEET.bookings, 'A1', [[BOOKING.name, '', '職員メモ']]);
    setUp(emu);
    const headers = emu.sheetValues(SHEET.bookings)[0]!.map(String);
    expect(headers.slice(0, 4)).toEqual([BOOKING.name, '', '職員メモ', BOOKING.id]);
    expect(headers.filter((h) => h === '')).toHaveLength(1);
    expect(new Set(headers).size).toBe(headers.length);
  });
});
