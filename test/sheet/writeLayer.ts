// The write layer on its own: src/app/bookingWrites.ts (over src/sheet/ownedWrites.ts) bundled
// into a small classic script, run against the emulator's SpreadsheetApp on a 予約 sheet that
// the real bundle set up (初期設定, roster, bookings, a check that gave every row its 予約ID).
import { buildSync } from 'esbuild';
import type { Emulator } from '../../emulator/index';
import type { OwnedChange } from '../../src/sheet/ownedWrites';
import { createEmulator } from '../world';
import { START, workbookWith, type bookingOf } from '../bundle/helpers';

const GLOBAL = 'WriteLayer';

/** What a test script sees of a WriteOutcome (plain data: it crosses the realm as JSON). */
export interface Outcome {
  written: number;
  rowsNotFound: number;
  editedMeanwhile: number;
  idsInUse: number;
  movedMeanwhile: number;
  moved: { id: string; header: string; rowNumber: number; putRight: boolean; restored: boolean }[];
  overlapped: { id: string; header: string; rowNumber: number }[];
}

const ENTRY = `
import { writeBookingCells } from './src/app/bookingWrites';
import { SHEET } from './src/core/schema';
export function writeCells(changes) {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SHEET.bookings);
  const o = writeBookingCells(sheet, changes);
  return JSON.stringify({
    written: o.written,
    rowsNotFound: o.rowsNotFound,
    editedMeanwhile: o.editedMeanwhile,
    idsInUse: o.idsInUse,
    movedMeanwhile: o.movedMeanwhile,
    moved: o.moved.map(({ id, header, rowNumber, putRight, restored }) =>
      ({ id, header, rowNumber, putRight, restored })),
    overlapped: o.overlapped,
  });
}
`;

let code: string | undefined;

/** The write layer as a classic script with one global function, writeCells(changes). */
export function writeLayerScript(): string {
  if (code !== undefined) return code;
  const built = buildSync({
    stdin: { contents: ENTRY, resolveDir: process.cwd(), loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    target: 'es2020',
    write: false,
  });
  const wrapper = `function writeCells() {\n  return ${GLOBAL}.writeCells.apply(this, arguments);\n}\n`;
  code = `${built.outputFiles[0]!.text}\n${wrapper}`;
  return code;
}

/**
 * An emulator running only the write layer, on the workbook (and document properties) the real
 * bundle left after 初期設定, the sample roster, `rows` typed and すべての予約をチェック.
 */
export function writeLayerWorld(rows: Parameters<typeof workbookWith>[0]): Emulator {
  const setUp = workbookWith(rows);
  setUp.ui.setDefault('accept');
  const check = setUp.menu('すべての予約をチェック');
  if (check.error) throw check.error;
  const emu = createEmulator({
    now: START,
    workbook: setUp.snapshot(),
    bundle: { code: writeLayerScript(), filename: 'WriteLayer.js' },
  });
  emu.properties.document.setAll(setUp.properties.document.getAll());
  return emu;
}

/** Runs writeCells as one execution: its outcome and the cells it wrote. */
export function writeCells(
  emu: Emulator,
  changes: readonly OwnedChange[],
): { outcome: Outcome; cellsWritten: number } {
  const run = emu.run<string>('writeCells', [changes]);
  if (run.error) throw run.error;
  return { outcome: JSON.parse(run.value!) as Outcome, cellsWritten: run.cellsWritten };
}

export type Booking = ReturnType<typeof bookingOf>;
