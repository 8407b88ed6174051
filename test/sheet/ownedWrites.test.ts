// The owned-cell write (src/sheet/ownedWrites.ts through src/app/bookingWrites.ts) run directly
// against the emulator, without the rest of the bundle: exactly the cells that change are
// written, a row is found by its 予約ID after a person moved it, a person's edit since the read
// is left alone, and the verify read catches a row moved in the one call before the write.
// Every test that uses a hook asserts that it fired.
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/index';
import { MOVED_WRITE_ACTION } from '../../src/app/bookingWrites';
import { BOOKING, LOG, SHEET } from '../../src/core/schema';
import { bookingOf } from '../bundle/helpers';
import { writeCells, writeLayerWorld } from './writeLayer';

const WRITES = ['Range.setValue', 'Range.setValues', 'RangeList.setValue'] as const;
// bookingOf(0) ichiro, (1) hanako, (2) saburo: sorted by 宛先, hanako comes first.
const ROWS = [bookingOf(0), bookingOf(1), bookingOf(2, { start: '11:00' })];

function grid(emu: Emulator): unknown[][] {
  return emu.person.values(SHEET.bookings).map((row) => row.map((v) => String(v)));
}

function headerIndex(emu: Emulator, header: string): number {
  const index = (emu.person.values(SHEET.bookings)[0] ?? []).map(String).indexOf(header);
  if (index < 0) throw new Error(`no column ${header}`);
  return index;
}

function cell(emu: Emulator, rowNumber: number, header: string): unknown {
  return emu.person.values(SHEET.bookings)[rowNumber - 1]?.[headerIndex(emu, header)];
}

function rowOfId(emu: Emulator, id: string): number {
  const idIndex = headerIndex(emu, BOOKING.id);
  return emu.person.values(SHEET.bookings).findIndex((r) => String(r[idIndex]) === id) + 1;
}

function idAt(emu: Emulator, rowNumber: number): string {
  return String(cell(emu, rowNumber, BOOKING.id));
}

function a1(emu: Emulator, rowNumber: number, header: string): string {
  return `${String.fromCharCode(65 + headerIndex(emu, header))}${rowNumber}`;
}

function sortByEmail(emu: Emulator): void {
  emu.person.sortRows(SHEET.bookings, {
    column: headerIndex(emu, BOOKING.email) + 1,
    ascending: true,
  });
}

describe('the owned-cell write, run on its own against the emulator', () => {
  it('writes exactly the cells that change: one cell of three requested', () => {
    const emu = writeLayerWorld(ROWS);
    const [a, b] = [idAt(emu, 2), idAt(emu, 3)];
    const before = grid(emu);
    const { outcome, cellsWritten } = writeCells(emu, [
      {
        key: { id: a },
        header: BOOKING.checkResult,
        expected: String(cell(emu, 2, BOOKING.checkResult)),
        value: '要確認',
      },
      // Decided to keep as read: nothing to write, whatever the sheet holds.
      {
        key: { id: a },
        header: BOOKING.status,
        expected: String(cell(emu, 2, BOOKING.status)),
        value: String(cell(emu, 2, BOOKING.status)),
      },
      {
        key: { id: b },
        header: BOOKING.checkResult,
        expected: String(cell(emu, 3, BOOKING.checkResult)),
        value: String(cell(emu, 3, BOOKING.checkResult)),
      },
    ]);
    expect(outcome.written).toBe(1);
    expect(cellsWritten).toBe(1);
    const after = grid(emu);
    const changed = after.flatMap((row, r) =>
      row.flatMap((v, c) => (v === before[r]![c] ? [] : [a1(emu, r + 1, after[0]![c] as string)])),
    );
    expect(changed).toEqual([a1(emu, 2, BOOKING.checkResult)]);
    expect(cell(emu, 2, BOOKING.checkResult)).toBe('要確認');
  });

  it('finds the row by 予約ID after a person sorted the sheet since the decision', () => {
    const emu = writeLayerWorld(ROWS);
    const a = idAt(emu, 2);
    const expected = String(cell(emu, 2, BOOKING.month));
    sortByEmail(emu);
    const moved = rowOfId(emu, a);
    expect(moved).toBe(3); // hanako's row is first now
    const { outcome } = writeCells(emu, [
      { key: { id: a }, header: BOOKING.month, expected, value: '2027-01' },
    ]);
    expect(outcome).toMatchObject({ written: 1, rowsNotFound: 0, movedMeanwhile: 0 });
    expect(cell(emu, moved, BOOKING.month)).toBe('2027-01');
    expect(cell(emu, 2, BOOKING.month)).toBe(expected); // the row now at 2 is untouched
  });

  it("leaves a person's change alone: the cell edited since the read is not written", () => {
    const emu = writeLayerWorld(ROWS);
    const b = idAt(emu, 3);
    const expected = String(cell(emu, 3, BOOKING.status));
    emu.edit(SHEET.bookings, a1(emu, 3, BOOKING.status), [['キャンセル']]);
    const { outcome, cellsWritten } = writeCells(emu, [
      { key: { id: b }, header: BOOKING.status, expected, value: '確定' },
    ]);
    expect(outcome).toMatchObject({ written: 0, editedMeanwhile: 1 });
    expect(cellsWritten).toBe(0);
    expect(cell(emu, 3, BOOKING.status)).toBe('キャンセル');
  });

  it('a row gone or its 予約ID changed: nothing written, counted as not found', () => {
    const emu = writeLayerWorld(ROWS);
    const c = idAt(emu, 4);
    const expected = String(cell(emu, 4, BOOKING.month));
    emu.person.deleteRows(SHEET.bookings, 4, 1);
    const before = grid(emu);
    const { outcome, cellsWritten } = writeCells(emu, [
      { key: { id: c }, header: BOOKING.month, expected, value: '2027-01' },
    ]);
    expect(outcome).toMatchObject({ written: 0, rowsNotFound: 1 });
    expect(cellsWritten).toBe(0);
    expect(grid(emu)).toEqual(before);
  });

  it('the verify read catches a row moved in the one call before the write: put right, the row it landed on flagged', () => {
    const emu = writeLayerWorld(ROWS);
    const [a, b] = [idAt(emu, 2), idAt(emu, 3)];
    const expected = String(cell(emu, 2, BOOKING.month));
    const bMonth = String(cell(emu, 3, BOOKING.month));
    let sorted = 0;
    for (const method of WRITES) {
      emu.hooks.before(method, (ctx) => {
        if (sorted > 0) return;
        sorted++;
        sortByEmail(ctx.emu);
      });
    }
    const { outcome } = writeCells(emu, [
      { key: { id: a }, header: BOOKING.month, expected, value: '2027-01' },
    ]);
    expect(sorted).toBe(1);
    expect(outcome.moved).toEqual([
      { id: a, header: BOOKING.month, rowNumber: 2, putRight: true, restored: false },
    ]);
    expect(rowOfId(emu, b)).toBe(2); // the value landed on B's row
    expect(cell(emu, rowOfId(emu, a), BOOKING.month)).toBe('2027-01');
    // B's earlier 相談月 was not in the re-read (only the rows written are): B's row is flagged.
    expect(bMonth).not.toBe('2027-01');
    const flag = String(cell(emu, 2, BOOKING.checkResult));
    expect(flag).toMatch(/^エラー: 書き込みの確認（/);
    expect(flag).toContain(`「${BOOKING.month}」に予約ID ${a} の値`);
    expect(cell(emu, rowOfId(emu, a), BOOKING.checkResult)).toBe('OK');
    const logged = emu.records(SHEET.log).filter((r) => r[LOG.action] === MOVED_WRITE_ACTION);
    expect(logged.map((r) => r[LOG.bookingId])).toEqual([a]);
    expect(String(logged[0]![LOG.detail])).toContain('正しい行に書き直しました');
    expect(String(logged[0]![LOG.detail])).toContain('戻せませんでした');
  });

  it('refuses a staff column outright (a programming error, nothing written)', () => {
    const emu = writeLayerWorld(ROWS);
    const before = grid(emu);
    const run = emu.run('writeCells', [
      [{ key: { id: idAt(emu, 2) }, header: BOOKING.email, expected: '', value: 'x@example.jp' }],
    ]);
    expect(String(run.error?.message)).toContain('is not a script-owned column');
    expect(grid(emu)).toEqual(before);
  });
});
