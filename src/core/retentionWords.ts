// What 保存期間を過ぎた個人情報を消去 says to staff and writes to 操作ログ (no personal data in the
// log: counts only). Built from the settings' values, never from literals duplicating them.
import type { ErasurePlan, RosterRetentionRow } from './retention';
import { SETTING } from './schema';
import { formatDayWithYear, type LocalDate } from './time';

/** 対象者 rows named in the dialog; the rest are counted. */
const MAX_LISTED = 20;

export function settingBlocksErasure(problems: readonly string[]): string {
  const mine = problems.filter((p) => p.includes(`「${SETTING.retentionYears}」`));
  return [
    ...mine,
    `「${SETTING.retentionYears}」が読めないため、何も消去していません。設定シートで 3 のように年数を入力してから、もう一度実行してください。`,
  ].join('\n');
}

export function confirmErasure(count: number, years: number, cutoff: LocalDate): string {
  return (
    `予約_保管のうち、相談日が${formatDayWithYear(cutoff)}より前（${SETTING.retentionYears}：${years}年）の予約${count}件の` +
    '氏名・メールアドレス・求職番号・会議URL・備考を消去します。\n' +
    '予約ID・相談日・窓口・担当者・状態などは残るので、月次集計の件数は変わりません。\n' +
    '消去した内容は元に戻せません（スプレッドシートの変更履歴には残ります）。消去しますか？'
  );
}

export const ERASURE_CANCELLED = '消去を取りやめました。何も変更していません。';

export interface ErasureOutcome {
  plan: ErasurePlan;
  years: number;
  /** Rows whose personal cells were blanked and read back blank. */
  erased: number;
  /** Planned rows not found again by 予約ID under the lock, or edited meanwhile to be recent. */
  skipped: number;
  /** Rows written but not read back blank: a person must look. */
  notVerified: number;
  /** Rows a sort carried under the write in its one-call window, given their cells back. */
  restored: number;
  /** Sheet rows blanked by mistake that the re-read did not know (typed meanwhile). */
  notRestored: number;
}

export function erasureReport(outcome: ErasureOutcome): string {
  const { plan } = outcome;
  const lines = [
    `相談日が${formatDayWithYear(plan.cutoff)}より前の予約${outcome.erased}件の個人情報を消去しました。`,
  ];
  if (plan.alreadyBlank > 0) lines.push(`${plan.alreadyBlank}件は消去済みでした。`);
  if (outcome.skipped > 0)
    lines.push(
      `${outcome.skipped}件は実行中に行が動いたか編集されたため消去していません。もう一度実行してください。`,
    );
  if (outcome.notVerified > 0)
    lines.push(
      `${outcome.notVerified}件は書き込み後の確認で空になっていませんでした。もう一度実行してください。`,
    );
  if (outcome.restored > 0)
    lines.push(
      `${outcome.restored}件は消去の最中に並べ替えで行が動いたため、消してしまった欄を元に戻しました。`,
    );
  if (outcome.notRestored > 0)
    lines.push(
      `${outcome.notRestored}行は消去の最中に入力された行の欄を空にしてしまい、戻せませんでした。予約_保管を確認し、版の履歴から戻してください。`,
    );
  if (plan.withoutUniqueId > 0)
    lines.push(
      `${plan.withoutUniqueId}件は予約IDが空か重複しているため消去していません。予約_保管の予約IDを確認してください。`,
    );
  if (plan.undated > 0) lines.push(`${plan.undated}件は相談日が読めないため消去していません。`);
  return lines.join('\n');
}

export function nothingToErase(plan: ErasurePlan): string {
  return erasureReport({
    plan,
    years: 0,
    erased: 0,
    skipped: 0,
    notVerified: 0,
    restored: 0,
    notRestored: 0,
  }).replace(/予約0件の個人情報を消去しました。/, '予約で、個人情報が残っているものはありません。');
}

/** The 操作ログ line: counts only. */
export function erasureLogLine(outcome: ErasureOutcome): string {
  const parts = [
    `${SETTING.retentionYears}${outcome.years}年、相談日${outcome.plan.cutoff}より前`,
    `消去${outcome.erased}件`,
  ];
  if (outcome.plan.alreadyBlank > 0) parts.push(`消去済み${outcome.plan.alreadyBlank}件`);
  if (outcome.skipped > 0) parts.push(`見送り${outcome.skipped}件`);
  if (outcome.notVerified > 0) parts.push(`確認できず${outcome.notVerified}件`);
  if (outcome.restored > 0) parts.push(`行の移動で書き戻し${outcome.restored}件`);
  if (outcome.notRestored > 0) parts.push(`書き戻せず${outcome.notRestored}行`);
  if (outcome.plan.withoutUniqueId > 0) parts.push(`予約ID不備${outcome.plan.withoutUniqueId}件`);
  if (outcome.plan.undated > 0) parts.push(`相談日不明${outcome.plan.undated}件`);
  return parts.join('、');
}

/** 対象者 rows to review, for the dialog only (row numbers and 求職番号; never in 操作ログ). */
export function rosterReviewText(rows: readonly RosterRetentionRow[], cutoff: LocalDate): string {
  if (rows.length === 0) return '';
  const listed = rows
    .slice(0, MAX_LISTED)
    .map((r) => `${r.rowNumber}行目${r.seekerNo === '' ? '' : `（${r.seekerNo}）`}`);
  const more = rows.length > MAX_LISTED ? ` ほか${rows.length - MAX_LISTED}件` : '';
  return (
    `\n\n対象者シートに、支援終了日が${formatDayWithYear(cutoff)}より前の方が${rows.length}人います: ` +
    `${listed.join('、')}${more}。\n不要になった行は、内容を確かめてから職員が削除してください（スクリプトは対象者を削除しません）。`
  );
}
