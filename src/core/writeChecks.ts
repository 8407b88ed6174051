// Lines the owned-cell write puts in チェック結果 when a person's act and the script's write met
// in the one call between the script's re-read and its write (a row moved, or a shared cell was
// edited just before the script wrote it). The window cannot be closed in Sheets, so the row is
// flagged; the check, which rewrites チェック結果 on every run, keeps such a line until a person
// edits the row after it (最終更新, stamped by onEdit, is later than the line's time).
import type { CheckResult } from './check';
import { normalizeInstant } from './normalize';
import { checkCellText } from './checkCell';
import { ERROR_PREFIX } from './schema';
import { formatInstant } from './time';

const TAG = '書き込みの確認';
const LINE = new RegExp(`^${ERROR_PREFIX} ${TAG}（([^）]+)）`);

/** `エラー: 書き込みの確認（2026/12/01 09:05）: …` — the time says when the collision was seen. */
export function writeCheckLine(at: Date, text: string): string {
  return `${ERROR_PREFIX} ${TAG}（${formatInstant(at)}）: ${text}`;
}

/**
 * The write-check lines of `previous` (the cell as the check read it) that still stand: those
 * written after the row's last edit. The line's time is to the minute, so an edit within that
 * minute keeps it (one more look for a person; never an edit overlooked).
 */
export function standingWriteChecks(previous: string, updatedAt: Date | null): string[] {
  return previous.split('\n').filter((line) => {
    const at = normalizeInstant(LINE.exec(line)?.[1] ?? '');
    if (at === null) return false;
    return updatedAt === null || updatedAt.getTime() < at.getTime() + 60_000;
  });
}

/** The check's result with the standing write-check lines of the cell kept, as errors. */
export function withCarriedWriteChecks(result: CheckResult, previous: string): CheckResult {
  if (result.text === '') return result;
  const kept = standingWriteChecks(previous, result.booking.updatedAt).filter(
    (line) => !result.errors.includes(line),
  );
  if (kept.length === 0) return result;
  const errors = [...result.errors, ...kept];
  return { ...result, errors, text: checkCellText(errors, result.warnings) };
}
