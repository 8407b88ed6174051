// Writers that know their rows by 予約ID read only the header, the 予約ID column and the target
// rows (src/sheet/ownedWrites.ts, readRowsById). Here on a sheet of 2,100 rows, where reading it
// whole would cost far more, and where a duplicated id can sit 2,000 rows away from its twin.
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/index';
import { BOOKING, SHEET, STATUS } from '../../src/core/schema';
import { bookingOf, bookingRow, bookings, workbookWith } from './helpers';

const HISTORY = 2_100;

/** 2,100 finished bookings (ids typed in) and one ready booking at the very end. */
function largeWorkbook(): Emulator {
  const history = Array.from({ length: HISTORY }, (_, i) =>
    bookingRow({
      id: `Y${String(900_000 + i)}`,
      date: '2026/10/01',
      status: STATUS.held,
      invitedAt: '2026/09/30 10:00',
    }),
  );
  const emu = workbookWith([...history, bookingOf(1)]);
  emu.ui.setDefault('accept');
  return emu;
}

describe('a sheet of more than 2,000 rows', () => {
  it('sends the one ready invitation, reading far less than the whole sheet per write', () => {
    const emu = largeWorkbook();
    expect(emu.menu('すべての予約をチェック').error).toBeUndefined();
    const width = emu.sheetValues(SHEET.bookings)[0]!.length;
    const run = emu.menu('招待メールを送信');
    expect(run.error).toBeUndefined();
    expect(emu.mail.sent.map((m) => m.to)).toEqual(['hanako@example.jp']);
    const sent = bookings(emu).at(-1)!;
    expect(sent[BOOKING.status]).toBe(STATUS.confirmed);
    expect(sent[BOOKING.invitedAt]).toBeInstanceOf(Date);
    // The menu checks twice (before its question and again after, under a new lock hold); the
    // mark, re-read and result of the one mail read the id column and one row each. Reading the
    // whole sheet for those three would make it five whole sheets.
    const wholeSheet = (HISTORY + 2) * width;
    expect(run.cellsRead).toBeGreaterThan(2 * wholeSheet);
    expect(run.cellsRead).toBeLessThan(3 * wholeSheet);
  });

  it('still refuses to write to a row whose 予約ID another row (far away) also holds', () => {
    const emu = largeWorkbook();
    expect(emu.menu('すべての予約をチェック').error).toBeUndefined();
    const values = emu.sheetValues(SHEET.bookings);
    const idColumn = values[0]!.indexOf(BOOKING.id);
    const readyId = String(values.at(-1)![idColumn]);
    // A person copies the ready row's id into the first history row, 2,000 rows above it.
    const letter = String.fromCharCode(65 + idColumn);
    emu.person.setValues(SHEET.bookings, `${letter}2`, [[readyId]]);
    expect(emu.menu('招待メールを送信').error).toBeUndefined();
    expect(emu.mail.sent).toEqual([]);
    expect(bookings(emu).at(-1)![BOOKING.status]).toBe('');
  });
});
