// What 自己診断 reads of the spreadsheet's structure: each sheet of sheetSpecs with its header row
// and grid size, and the protections 初期設定 puts on script-owned columns and sheets. Reading
// only: the judgement is src/core/selfCheck.ts.
import type { ProtectionState, SheetShape } from '../core/selfCheck';
import { ownedColumnProtection } from './setup';
import { ALL_SHEETS, type SheetSpec } from './sheetSpecs';
import { firstFreeRowNumber, readHeaderRow, readTable } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface StructureRead {
  sheets: SheetShape[];
  protections: ProtectionState[];
}

export function readStructure(spreadsheet: Spreadsheet): StructureRead {
  const sheets: SheetShape[] = [];
  const protections: ProtectionState[] = [];
  for (const spec of ALL_SHEETS) {
    const sheet = spreadsheet.getSheetByName(spec.name);
    const expected = spec.columns.map((c) => c.header);
    if (!sheet) {
      sheets.push({
        name: spec.name,
        exists: false,
        headers: [],
        expected,
        maxRows: 0,
        lastRow: 0,
      });
      continue;
    }
    const headers = expected.length > 0 ? readHeaderRow(sheet) : [];
    const maxRows = sheet.getMaxRows();
    sheets.push({
      name: spec.name,
      exists: true,
      headers,
      expected,
      maxRows,
      lastRow: lastRowInUse(sheet),
    });
    protections.push(...protectionStates(sheet, spec, headers, maxRows));
  }
  return { sheets, protections };
}

/**
 * The last row holding more than unticked checkboxes: a checkbox rule may fill FALSE down the
 * whole grid (getLastRow then says the sheet is full), but such rows are free for bookings.
 */
function lastRowInUse(sheet: Sheet): number {
  const last = sheet.getLastRow();
  if (last <= 1) return last;
  return firstFreeRowNumber(readTable(sheet)) - 1;
}

function protectionStates(
  sheet: Sheet,
  spec: SheetSpec,
  headers: readonly string[],
  maxRows: number,
): ProtectionState[] {
  const P = SpreadsheetApp.ProtectionType;
  const states: ProtectionState[] = [];
  if (spec.protectWholeSheet) {
    const whole = sheet.getProtections(P.SHEET);
    states.push({
      sheet: spec.name,
      header: null,
      found: whole.length > 0,
      warningOnly: whole.some((p) => p.isWarningOnly()),
      covers: true,
    });
  }
  const owned = spec.columns.filter((c) => c.scriptOwned);
  if (owned.length === 0) return states;
  const ranges = sheet.getProtections(P.RANGE).map((p) => ({ p, description: p.getDescription() }));
  for (const column of owned) {
    const index = headers.indexOf(column.header);
    if (index < 0) continue; // the missing header is reported under シートの構成
    const matching = ranges.filter((r) => r.description === ownedColumnProtection(column.header));
    const warned = matching.filter((r) => r.p.isWarningOnly());
    states.push({
      sheet: spec.name,
      header: column.header,
      found: matching.length > 0,
      warningOnly: matching.length > 0 && warned.length > 0,
      covers: warned.some(({ p }) => {
        const range = p.getRange();
        return range.getColumn() === index + 1 && range.getLastRow() >= maxRows;
      }),
    });
  }
  return states;
}
