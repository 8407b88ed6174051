// 初期設定: make the spreadsheet match sheetSpecs, adding only what is missing. Idempotent by
// construction: every step first reads what is there and writes only a difference, so a second
// run writes nothing. It never deletes or reorders data; missing columns go at the end.
import { BOOKING, SHEET, STATUS } from '../core/schema';
import {
  ALL_SHEETS,
  CHANNEL_CHOICES,
  type ColumnSpec,
  isStaleNote,
  type NoteSettings,
  noteText,
  type SheetSpec,
  STATUS_CHOICES,
  type ValidationKind,
} from './sheetSpecs';
import {
  cellText,
  columnLetter,
  duplicatedHeaders,
  isBlankRow,
  readHeaderRow,
  readSheetValues,
} from './table';

/** What setup takes from 設定: the dropdown lists, and the settings the header notes mention. */
export interface DropdownChoices {
  slots: readonly string[];
  offices: readonly string[];
  notes: NoteSettings;
}

export interface SetupReport {
  /** What was created or repaired, one Japanese line each. Empty on a second run. */
  changes: string[];
  /** What a person should look at (not fixed automatically). */
  warnings: string[];
}

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Creates or repairs one sheet; returns it with its final header row. */
export function ensureSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  spec: SheetSpec,
  choices: DropdownChoices,
  report: SetupReport,
): Sheet {
  let sheet = spreadsheet.getSheetByName(spec.name);
  if (!sheet) {
    sheet = spreadsheet.insertSheet(spec.name);
    report.changes.push(`シート「${spec.name}」を作成しました。`);
  }
  if (spec.columns.length === 0) {
    // A sheet the script rebuilds whole (月次集計): no columns to repair, only its protection.
    ensureProtections(sheet, spec, [], report);
    return sheet;
  }
  const { headers, added } = ensureHeaders(sheet, spec, report);
  if (sheet.getFrozenRows() < 1) {
    sheet.setFrozenRows(1);
    report.changes.push(`「${spec.name}」の見出し行を固定しました。`);
  }
  const columns = spec.columns.map((column) => ({ column, index: headers.indexOf(column.header) }));
  ensureFormats(sheet, spec, columns, report);
  ensureValidations(sheet, spec, columns, choices, report);
  ensureNotes(sheet, headers, columns, choices.notes);
  for (const { column, index } of columns) {
    if (added.has(column.header)) sheet.setColumnWidth(index + 1, column.width);
  }
  if (spec.filter) ensureFilter(sheet, spec, headers.length, report);
  ensureProtections(sheet, spec, columns, report);
  return sheet;
}

function ensureHeaders(
  sheet: Sheet,
  spec: SheetSpec,
  report: SetupReport,
): { headers: string[]; added: Set<string> } {
  const headers = readHeaderRow(sheet);
  const missing = spec.columns.map((c) => c.header).filter((h) => !headers.includes(h));
  for (const header of duplicatedHeaders(headers)) {
    report.warnings.push(
      `「${spec.name}」に見出し「${header}」が2つあります。どちらか一方の見出しを別の名前に変えてください（最初の列が使われます）。`,
    );
  }
  if (missing.length > 0) {
    const needed = headers.length + missing.length - sheet.getMaxColumns();
    if (needed > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), needed);
    sheet
      .getRange(1, headers.length + 1, 1, missing.length)
      .setValues([missing])
      .setFontWeight('bold');
    report.changes.push(`「${spec.name}」に列を追加しました: ${missing.join('、')}`);
  }
  return { headers: [...headers, ...missing], added: new Set(missing) };
}

interface PlacedColumn {
  column: ColumnSpec;
  /** 0-based position in the header row. */
  index: number;
}

function dataRows(sheet: Sheet): number {
  return Math.max(sheet.getMaxRows() - 1, 0);
}

/**
 * The first and the last data row, read with `read`: rows added below the formatted area
 * (Sheets' "add rows", appendRow) carry no format or rule, so the last row is checked too and a
 * column is repaired when either differs.
 */
function firstAndLast<T>(
  sheet: Sheet,
  rows: number,
  width: number,
  read: (range: GoogleAppsScript.Spreadsheet.Range) => T[][],
): [T[], T[]] {
  const first = read(sheet.getRange(2, 1, 1, width))[0]!;
  const last = rows > 1 ? read(sheet.getRange(rows + 1, 1, 1, width))[0]! : first;
  return [first, last];
}

function ensureFormats(
  sheet: Sheet,
  spec: SheetSpec,
  columns: PlacedColumn[],
  report: SetupReport,
) {
  const rows = dataRows(sheet);
  const wanted = columns.filter((c) => c.column.numberFormat !== undefined);
  if (rows === 0 || wanted.length === 0) return;
  const width = Math.max(...wanted.map((c) => c.index + 1));
  const [first, last] = firstAndLast(sheet, rows, width, (r) => r.getNumberFormats());
  const fixed = wanted.filter(
    ({ column, index }) =>
      first[index] !== column.numberFormat || last[index] !== column.numberFormat,
  );
  for (const { column, index } of fixed) {
    sheet.getRange(2, index + 1, rows, 1).setNumberFormat(column.numberFormat!);
  }
  if (fixed.length > 0) {
    const names = fixed.map((c) => c.column.header).join('、');
    report.changes.push(`「${spec.name}」の表示形式を設定しました: ${names}`);
  }
}

function ensureValidations(
  sheet: Sheet,
  spec: SheetSpec,
  columns: PlacedColumn[],
  choices: DropdownChoices,
  report: SetupReport,
) {
  const rows = dataRows(sheet);
  const wanted = columns.filter((c) => c.column.validation !== undefined);
  if (rows === 0 || wanted.length === 0) return;
  const width = Math.max(...wanted.map((c) => c.index + 1));
  const [first, last] = firstAndLast(sheet, rows, width, (r) => r.getDataValidations());
  const fixed: string[] = [];
  for (const { column, index } of wanted) {
    const desired = buildValidation(column.validation!, choices);
    if (
      sameValidation(first[index] ?? null, desired) &&
      sameValidation(last[index] ?? null, desired)
    )
      continue;
    if (column.validation === 'checkbox') {
      if (ensureCheckboxes(sheet, spec, { index, header: column.header }, rows, desired, report))
        fixed.push(column.header);
      continue;
    }
    sheet.getRange(2, index + 1, rows, 1).setDataValidation(desired);
    fixed.push(column.header);
  }
  if (fixed.length > 0) {
    report.changes.push(`「${spec.name}」の入力規則を設定しました: ${fixed.join('、')}`);
  }
}

/**
 * The checkbox rule, put only on the rows of the column that lack it. Google documents what
 * requireCheckbox() accepts, not what it does to an empty cell; Range.insertCheckboxes documents
 * FALSE for itself, and the rule may do the same (emulator variant checkboxFill). So on a column
 * that already has the rule (a repair: rows inserted or added since), an empty 参加 cell of a row
 * holding a booking is left as typed — no rule, a warning naming the row — rather than turned
 * into FALSE by a rule set over it; blank rows get the rule (FALSE there makes no booking), and
 * cells holding a value keep it. A column with no rule at all (the first 初期設定) gets it
 * whole, as before. Returns whether any rule was set.
 */
function ensureCheckboxes(
  sheet: Sheet,
  spec: SheetSpec,
  { index, header }: { index: number; header: string },
  rows: number,
  desired: GoogleAppsScript.Spreadsheet.DataValidation,
  report: SetupReport,
): boolean {
  const column = sheet.getRange(2, index + 1, rows, 1);
  const rules = column.getDataValidations().map((r) => r[0] ?? null);
  if (!rules.some((rule) => sameValidation(rule, desired))) {
    column.setDataValidation(desired);
    return true;
  }
  // Re-read here, one call before the rules are set: the window a person's typing can fall in.
  const values = readSheetValues(sheet, 2, 1, -1, -1);
  const skipped: number[] = [];
  const runs: { from: number; count: number }[] = [];
  rules.forEach((rule, i) => {
    if (sameValidation(rule, desired)) return;
    const row = values[i] ?? [];
    const cell = row[index];
    const empty = cell === undefined || cell === null || cellText(cell) === '';
    if (empty && !isBlankRow(row, new Set())) {
      skipped.push(i + 2);
      return;
    }
    const run = runs[runs.length - 1];
    if (run && run.from + run.count === i) run.count++;
    else runs.push({ from: i, count: 1 });
  });
  for (const run of runs) {
    sheet.getRange(run.from + 2, index + 1, run.count, 1).setDataValidation(desired);
  }
  if (skipped.length > 0) {
    const shown = skipped
      .slice(0, 5)
      .map((n) => `${n}行目`)
      .join('、');
    const more = skipped.length > 5 ? ` ほか${skipped.length - 5}行` : '';
    report.warnings.push(
      `「${spec.name}」の ${shown}${more} の「${header}」にチェックボックスを付けませんでした（空欄のまま付けると値が FALSE に変わるため）。その行の「${header}」を選び、メニューの 挿入 → チェックボックス を押してください。`,
    );
  }
  return runs.length > 0;
}

export const DATE_HELP =
  '日付を入力してください（例: 2026/12/1、令和8年12月1日、R8.12.1）。読めない日付はチェックでお知らせします。';

/**
 * Checkboxes are a validation rule, not insertCheckboxes(): that writes FALSE into every empty
 * cell, and a sheet full of FALSE makes getLastRow() and every batch read span all 1,000 rows.
 */
export function buildValidation(
  kind: ValidationKind,
  choices: DropdownChoices,
): GoogleAppsScript.Spreadsheet.DataValidation {
  const builder = SpreadsheetApp.newDataValidation();
  switch (kind) {
    case 'checkbox':
      return builder.requireCheckbox().build();
    case 'date':
      // Warning only: "Reject input" would refuse 令和8年12月1日 or R8.12.1, which are
      // text to Sheets but dates to the check (core/normalize.ts); the check names a date it
      // cannot read. README "Behaviour decisions".
      return builder.requireDate().setAllowInvalid(true).setHelpText(DATE_HELP).build();
    case 'channel':
      return listRule(builder, CHANNEL_CHOICES, '受付方法を一覧から選んでください。');
    case 'status':
      return listRule(builder, STATUS_CHOICES, '状態を一覧から選んでください。');
    case 'slot':
      return listRule(
        builder,
        choices.slots,
        '開始時刻を一覧から選んでください（設定シート「開始時刻」）。',
      );
    case 'office':
    case 'officeOrBlank':
      return listRule(
        builder,
        choices.offices,
        '窓口を一覧から選んでください（設定シート「窓口」）。',
      );
  }
}

// Lists allow other values with a warning triangle rather than rejecting them: staff on the
// phone must never lose what they typed, and the check explains what is wrong in words.
function listRule(
  builder: GoogleAppsScript.Spreadsheet.DataValidationBuilder,
  values: readonly string[],
  help: string,
): GoogleAppsScript.Spreadsheet.DataValidation {
  return builder
    .requireValueInList([...values], true)
    .setAllowInvalid(true)
    .setHelpText(help)
    .build();
}

function sameValidation(
  a: GoogleAppsScript.Spreadsheet.DataValidation | null,
  b: GoogleAppsScript.Spreadsheet.DataValidation,
): boolean {
  if (!a) return false;
  return (
    String(a.getCriteriaType()) === String(b.getCriteriaType()) &&
    JSON.stringify(a.getCriteriaValues()) === JSON.stringify(b.getCriteriaValues()) &&
    a.getAllowInvalid() === b.getAllowInvalid() &&
    a.getHelpText() === b.getHelpText()
  );
}

/** Header notes explain each column; a note a person wrote is kept. */
function ensureNotes(sheet: Sheet, headers: string[], columns: PlacedColumn[], by: NoteSettings) {
  const range = sheet.getRange(1, 1, 1, headers.length);
  const notes = range.getNotes()[0]!;
  let changed = false;
  for (const { column, index } of columns) {
    const now = notes[index];
    if (now === undefined) continue;
    const note = noteText(column, by);
    if (now === '' || (now !== note && isStaleNote(column, now, by))) {
      notes[index] = note;
      changed = true;
    }
  }
  if (changed) range.setNotes([notes]);
}

function ensureFilter(sheet: Sheet, spec: SheetSpec, width: number, report: SetupReport) {
  const filter = sheet.getFilter();
  if (!filter) {
    sheet.getRange(1, 1, sheet.getMaxRows(), width).createFilter();
    report.changes.push(`「${spec.name}」にフィルタを付けました。`);
  } else if (filter.getRange().getNumColumns() < width) {
    // Recreating the filter would drop the criteria someone is using, so ask instead.
    report.warnings.push(
      `「${spec.name}」のフィルタが追加された列を含んでいません。フィルタを一度解除して付け直してください。`,
    );
  }
}

function ensureProtections(
  sheet: Sheet,
  spec: SheetSpec,
  columns: PlacedColumn[],
  report: SetupReport,
) {
  ensureSheetProtection(sheet, spec, report);
  const owned = columns.filter((c) => c.column.scriptOwned);
  if (owned.length === 0) return;
  const maxRows = sheet.getMaxRows();
  const ranged = sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE);
  for (const { column, index } of owned) {
    const description = ownedColumnProtection(column.header);
    // Ours by description; or, with no description, one over exactly this column from row 1:
    // what a run stopped between protect() and setDescription()/setWarningOnly() leaves.
    const mine = ranged.filter((p) => {
      const d = p.getDescription();
      if (d === description) return true;
      if (d !== '') return false;
      const r = p.getRange();
      return r.getRow() === 1 && r.getColumn() === index + 1 && r.getNumColumns() === 1;
    });
    const whole = sheet.getRange(1, index + 1, maxRows, 1);
    const [protection] = mine;
    if (!protection) {
      whole.protect().setDescription(description).setWarningOnly(true);
      report.changes.push(`「${spec.name}」の「${column.header}」列を保護しました（警告のみ）。`);
      continue;
    }
    const range = protection.getRange();
    const short = range.getRow() + range.getNumRows() - 1 < maxRows;
    if (short) protection.setRange(whole);
    if (protection.getDescription() !== description || !protection.isWarningOnly()) {
      protection.setDescription(description).setWarningOnly(true);
      report.changes.push(
        `「${spec.name}」の「${column.header}」列の保護を「警告のみ」に直しました。`,
      );
    } else if (short) {
      report.changes.push(`「${spec.name}」の「${column.header}」列の保護を最終行まで広げました。`);
    }
  }
}

/** A sheet the script alone fills is protected whole, warning only. */
function ensureSheetProtection(sheet: Sheet, spec: SheetSpec, report: SetupReport): void {
  if (!spec.protectWholeSheet) return;
  const [whole] = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET);
  if (!whole) {
    sheet.protect().setDescription(spec.protectWholeSheet).setWarningOnly(true);
    report.changes.push(`「${spec.name}」を保護しました（警告のみ）。`);
  } else if (!whole.isWarningOnly()) {
    // A run stopped between protect() and setWarningOnly(true) left staff locked out.
    whole.setDescription(spec.protectWholeSheet).setWarningOnly(true);
    report.changes.push(`「${spec.name}」の保護を「警告のみ」に直しました。`);
  }
}

export function ownedColumnProtection(header: string): string {
  return `スクリプトが書き込む列（${header}）`;
}

/**
 * Row colours on 予約: cancelled rows grey, errors red, warnings amber, today's bookings blue.
 * Formulas name the current column letters; Sheets rewrites them when columns move.
 */
export function ensureBookingFormatting(sheet: Sheet, report: SetupReport): void {
  const headers = readHeaderRow(sheet);
  const width = headers.length;
  const col = (header: string) => `$${columnLetter(headers.indexOf(header) + 1)}2`;
  const result = col(BOOKING.checkResult);
  const status = col(BOOKING.status);
  const day = col(BOOKING.date);
  const wanted = [
    {
      formula: `=OR(${status}="${STATUS.cancelled}",${status}="${STATUS.noShow}")`,
      background: '#eeeeee',
      fontColor: '#888888',
    },
    { formula: `=ISNUMBER(SEARCH("エラー:",${result}))`, background: '#f4cccc' },
    { formula: `=ISNUMBER(SEARCH("注意:",${result}))`, background: '#fce5cd' },
    { formula: `=AND(${day}<>"",${day}=TODAY())`, background: '#cfe2f3' },
  ];
  const maxRows = sheet.getMaxRows();
  const range = sheet.getRange(2, 1, Math.max(maxRows - 1, 1), width);
  const formulaOf = (rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule) =>
    String(rule.getBooleanCondition()?.getCriteriaValues()[0] ?? '');
  const ours = new Set(wanted.map((w) => w.formula));
  // Our colour rules stretched to the last row: rows added below the grid have none.
  let stretched = 0;
  const rules = sheet.getConditionalFormatRules().map((rule) => {
    if (!ours.has(formulaOf(rule))) return rule;
    const end = Math.max(...rule.getRanges().map((r) => r.getRow() + r.getNumRows() - 1));
    if (end >= maxRows) return rule;
    stretched += 1;
    return rule.copy().setRanges([range]).build();
  });
  const present = new Set(rules.map(formulaOf));
  const missing = wanted.filter((w) => !present.has(w.formula));
  if (stretched > 0) {
    report.changes.push(`「${SHEET.bookings}」の色分けを最終行まで広げました。`);
    if (missing.length === 0) sheet.setConditionalFormatRules(rules);
  }
  if (missing.length === 0) return;
  const added = missing.map((w) => {
    const builder = SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(w.formula)
      .setBackground(w.background)
      .setRanges([range]);
    return (w.fontColor ? builder.setFontColor(w.fontColor) : builder).build();
  });
  sheet.setConditionalFormatRules([...rules, ...added]);
  report.changes.push(`「${SHEET.bookings}」に色分けのルールを${added.length}件追加しました。`);
}

/** All sheets in tab order, each created or repaired. */
export function ensureAllSheets(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  choices: DropdownChoices,
  report: SetupReport,
): void {
  for (const spec of ALL_SHEETS) {
    const sheet = ensureSheet(spreadsheet, spec, choices, report);
    if (spec.name === SHEET.bookings) ensureBookingFormatting(sheet, report);
  }
}
