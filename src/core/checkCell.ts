// What a チェック結果 cell holds (SPEC §3, issue 16 §1): `OK`, or a one-line count such as
// 「エラー2件・注意1件」 followed by the messages one a line, errors before warnings. A cell shows
// its first line when it is not tall enough, so the count comes first and the first message is
// an error whenever there is one. Everything that writes or reads the cell goes through here.
import { CHECK_OK, ERROR_PREFIX, WARNING_PREFIX } from './schema';

const SUMMARY = /^(?:エラー\d+件(?:・注意\d+件)?|注意\d+件)$/;

/** 「エラー2件・注意1件」, 「エラー1件」 or 「注意3件」; '' when there is nothing. */
export function checkSummaryLine(errors: number, warnings: number): string {
  const parts = [
    ...(errors > 0 ? [`エラー${errors}件`] : []),
    ...(warnings > 0 ? [`注意${warnings}件`] : []),
  ];
  return parts.join('・');
}

/** The cell for a checked row: `OK` when nothing was found. */
export function checkCellText(errors: readonly string[], warnings: readonly string[]): string {
  if (errors.length === 0 && warnings.length === 0) return CHECK_OK;
  return [checkSummaryLine(errors.length, warnings.length), ...errors, ...warnings].join('\n');
}

/** The message lines of a cell, without its count line, `OK` or blank lines. */
export function checkCellLines(text: unknown): string[] {
  return String(text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && line !== CHECK_OK && !SUMMARY.test(line));
}

/**
 * The cell rebuilt from message lines (any order, counts and `OK` ignored): a line that does not
 * start with 注意: counts as an error, so a foreign line is never hidden below the warnings.
 */
export function checkCellOf(lines: readonly string[]): string {
  const messages = lines.flatMap((line) => checkCellLines(line));
  const warnings = messages.filter((line) => line.startsWith(WARNING_PREFIX));
  const errors = messages.filter((line) => !line.startsWith(WARNING_PREFIX));
  return checkCellText(errors, warnings);
}

/** The cell with one more message line, counts and order kept right. */
export function withCheckLine(current: unknown, line: string): string {
  return checkCellOf([...checkCellLines(current), line]);
}

/** Whether the cell carries an error (the count line says so, or a line starts with エラー:). */
export function hasCheckError(text: unknown): boolean {
  return checkCellLines(text).some((line) => line.startsWith(ERROR_PREFIX));
}
