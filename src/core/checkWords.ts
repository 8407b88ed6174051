// What 選択行をチェック / すべての予約をチェック tell the person (and write to 操作ログ).
import { SHEET } from './schema';

/** Rows listed by name in the dialog; the rest are counted. */
const MAX_LISTED = 10;

/** One recorded row, as the words need it. */
export interface CheckedRowSummary {
  id: string;
  rowNumber: number;
  errors: number;
  warnings: number;
  /** 実施 / キャンセル / 無断キャンセル: not checked against the rules, not counted. */
  finished?: boolean;
}

export interface CheckReportInput {
  recorded: readonly CheckedRowSummary[];
  /** Cells not written because the row moved or was edited meanwhile. */
  skipped: number;
  /** 設定 / 対象者 / 休業日 / 予約 problems. */
  problems: readonly string[];
}

/** A toast when all is well; a dialog naming rows by 予約ID when a person must act. */
export type Told = { kind: 'toast' | 'dialog'; text: string };

export const SELECT_BOOKING_ROWS = `「${SHEET.bookings}」シートで、チェックしたい行（またはその中のセル）を選んでから実行してください。`;
export const NOT_THE_HEADER_ROW = '見出し行ではなく、予約の行を選んでから実行してください。';

/** The 操作ログ detail, also the first line the person reads. */
export function checkCountsLine(recorded: readonly CheckedRowSummary[]): string {
  const live = recorded.filter((c) => !c.finished);
  const finished = recorded.length - live.length;
  const errors = live.filter((c) => c.errors > 0).length;
  const warnings = live.filter((c) => c.errors === 0 && c.warnings > 0).length;
  const over = finished > 0 ? `、終了した予約${finished}件は対象外` : '';
  return `${live.length}件をチェック（エラー${errors}件・注意のみ${warnings}件${over}）`;
}

export function checkReport({ recorded, skipped, problems }: CheckReportInput): Told {
  const withErrors = recorded.filter((c) => !c.finished && c.errors > 0);
  const first = `${checkCountsLine(recorded)}。`;
  if (withErrors.length === 0 && problems.length === 0 && skipped === 0) {
    return { kind: 'toast', text: first };
  }
  const lines = [first];
  if (withErrors.length > 0) {
    lines.push('', 'エラーのある予約（「チェック結果」列を見て直してください）:');
    for (const { id, rowNumber, errors } of withErrors.slice(0, MAX_LISTED)) {
      lines.push(`・${id || '予約IDなし'}（${rowNumber}行目）: エラー${errors}件`);
    }
    if (withErrors.length > MAX_LISTED) lines.push(`・ほか${withErrors.length - MAX_LISTED}件`);
  }
  if (skipped > 0) {
    lines.push(
      '',
      `${skipped}か所は、チェック中に行が移動・編集されたため書き込みませんでした。もう一度チェックしてください。`,
    );
  }
  if (problems.length > 0) lines.push('', '確認してください:', ...problems.map((p) => `・${p}`));
  return { kind: 'dialog', text: lines.join('\n') };
}
