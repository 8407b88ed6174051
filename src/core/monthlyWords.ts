// 月次集計を更新, decided and worded: which 相談月 cells are stale, which 設定 problems matter to
// the report, and what the person and 操作ログ are told.
import type { NormalizedBooking } from './booking';
import { FOLLOW_UP_LOG_ACTION } from './followUpWords';
import { SHEET } from './schema';
import { formatMonth, isValidInstant } from './time';

/** 月次集計's columns of the follow-up mails (issue 15), beside 無断キャンセル率. */
export const REMINDED_HEADER = 'リマインダー送信数';
export const CANCEL_NOTICED_HEADER = 'キャンセル通知数';

/** Their definition, printed with the others under the title. */
export const FOLLOW_UP_NOTE = `${REMINDED_HEADER}・${CANCEL_NOTICED_HEADER} = 「${SHEET.log}」の操作「${FOLLOW_UP_LOG_ACTION.reminder}」「${FOLLOW_UP_LOG_ACTION.cancelNotice}」の行を予約IDで予約に結び付け、その予約の相談月・窓口で数えた予約の数（同じ予約は1件）。無断キャンセル率を、リマインダーを送った月・窓口と送っていない月・窓口とで比べられます。`;

export interface MonthlyReportRun {
  /** Bookings counted (予約 + 予約_保管, with a readable 相談日). */
  counted: number;
  /** Rows left out: 相談日 unreadable. */
  undated: number;
  /** Months in the 月別・窓口別 table. */
  months: number;
  /** 相談月 cells brought up to date in 予約. */
  monthsFixed: number;
  /** 相談月 cells not fixed because the row moved or was edited meanwhile. */
  monthsSkipped: number;
  /** false when the tables were written but the chart could not be made. */
  chart: boolean;
  /** 設定 / 休業日 problems, for the person. */
  problems: string[];
}

/** A row of 予約 as the month refresh needs it (`booking` null: not a booking, 予約ID kept). */
export interface MonthRow<K> {
  booking: NormalizedBooking | null;
  key: K;
  month: string | number | boolean | Date | undefined;
}

/** 相談月 = 'yyyy-MM' of 相談日 on every booking row, as the check writes it: the stale cells. */
export function staleMonths<K>(
  rows: readonly MonthRow<K>[],
): { key: K; expected: string | Date; value: string }[] {
  return rows.flatMap(({ booking, key, month }) => {
    const wanted = booking?.date ? formatMonth(booking.date) : '';
    const current = isValidInstant(month) ? month : String(month ?? '');
    // A date the sheet made of the cell is never equal to text: it is rewritten as text.
    if (current === wanted) return [];
    return [{ key, expected: current, value: wanted }];
  });
}

/** Only the problems that change the report: slots, capacity and offices. */
export function settingsProblemsForReport(problems: readonly string[]): string[] {
  return problems.filter((p) => /「(開始時刻|各枠の定員|窓口)」/.test(p));
}

export function monthlyReportLogLine(run: MonthlyReportRun): string {
  const undated = run.undated > 0 ? `、相談日が読めず除外${run.undated}件` : '';
  return `${run.counted}件を集計（${run.months}か月分${undated}）、相談月を${run.monthsFixed}件更新`;
}

/** A toast when all is well (`needs` empty), else a dialog listing what to look at. */
export function monthlyReportWords(
  run: MonthlyReportRun,
  caption: string,
): { kind: 'toast' | 'dialog'; text: string } {
  const done = `月次集計を更新しました（予約${run.counted}件、${run.months}か月分）。`;
  const needs: string[] = [];
  if (run.undated > 0) {
    needs.push(
      `・相談日が読めない予約${run.undated}件は数えていません。「すべての予約をチェック」を実行し、「チェック結果」に「相談日」のエラーが出た行を直してください。`,
    );
  }
  if (run.monthsSkipped > 0) {
    needs.push(
      `・${run.monthsSkipped}行は更新中に編集・移動されたため「相談月」を書き直していません。絞り込みの件数と集計が合わないときは、もう一度「${caption}」を実行してください。`,
    );
  }
  if (!run.chart) {
    needs.push(
      '・表は更新しましたが、グラフを作れませんでした。もう一度実行しても直らない場合は管理者に連絡してください。',
    );
  }
  needs.push(...run.problems.map((p) => `・${p}`));
  if (needs.length === 0) return { kind: 'toast', text: done };
  return { kind: 'dialog', text: [done, '', '確認してください:', ...needs].join('\n') };
}
