// What 過去の予約を保管 says to staff: the confirmation, the dialog or toast at the end, the 操作ログ
// line, and the marks it puts in チェック結果. Booking ids and counts only. `caption` is the
// menu's caption (the dialogs' title, and how a person is told to run it again).
import type { ArchiveRun } from './archiveRun';
import { BOOKING, ERROR_PREFIX, SHEET } from './schema';
import { formatDayWithYear, type LocalDate } from './time';

/** Booking ids named in a dialog; the rest are counted. */
const MAX_LISTED = 10;

export const ARCHIVE_CANCELLED = '保管を取りやめました。何も変更していません。';

export const NO_ARCHIVE_SHEET = `「${SHEET.archive}」シートがありません。メニュー「初期設定」を実行してから、もう一度お試しください。`;

export const NO_ARCHIVE_ID_HEADER = `「${SHEET.archive}」シートの1行目に見出し「${BOOKING.id}」がありません。メニュー「初期設定」を実行してから、もう一度お試しください。`;

/** チェック結果 of a 予約_保管 row whose 予約 row was edited in the call before its deletion. */
export const EDITED_BEFORE_DELETE_MARK =
  `${ERROR_PREFIX} 保管の直前に「${SHEET.bookings}」でこの予約の行が編集されました。その編集はこの行に入っていない可能性があります。` +
  `この行の内容（「状態」「メールアドレス」など）を確かめて、違っていれば直してください（操作ログ参照）。`;

/** チェック結果 of a 予約_保管 row left in both sheets. */
export const IN_BOTH_MARK =
  `${ERROR_PREFIX} 同じ予約IDの行が「${SHEET.bookings}」にもあります（保管の途中で「${SHEET.bookings}」の行が編集・移動・コピーされました）。` +
  `2つの行を見比べ、この行を残すなら「${SHEET.bookings}」の行を、「${SHEET.bookings}」の行を残すならこの行を削除してください。`;

/** The write-check text of a 予約 row deleted in place of a moved block and rebuilt. */
export const restoredRowText = (caption: string) =>
  `「${caption}」の削除の直前に行が動いたため、この予約の行が「${SHEET.bookings}」から消えました。消える前に読んだ内容で、この行を作り直しました。` +
  `内容を確かめてください（その間にこの行を削除したのなら、もう一度削除してください）。`;

export function confirmText(preview: { count: number; cutoff: LocalDate; months: number }): string {
  return (
    `相談日が${formatDayWithYear(preview.cutoff)}より前（${preview.months}か月より前）で、` +
    `状態が「実施」「キャンセル」「無断キャンセル」の予約 ${preview.count}件を「${SHEET.archive}」シートに移します。\n\n` +
    `行は「${SHEET.archive}」に書き写して確かめてから「${SHEET.bookings}」から削除します。` +
    '月次集計と無断キャンセル回数には、移した後も数えられます。\n\nよろしいですか？'
  );
}

/** The 操作ログ detail of a run: counts only. */
export function countsLine(run: ArchiveRun): string {
  const parts = [`${run.deleted}件を予約から削除（うち今回書き写し${run.appended}件）`];
  const kept = run.notVerified.length + run.left.length + run.conflicting.length;
  if (kept > 0) parts.push(`移さなかった${kept}件`);
  const takenBack = run.notVerified.length + run.left.length;
  if (takenBack > 0) parts.push(`うち書き写しを予約_保管から取り消した${takenBack}件`);
  if (run.inBoth.length > 0) parts.push(`両方のシートに残った${run.inBoth.length}件`);
  if (run.displaced.length > 0) {
    parts.push(`削除の直前に行が動き別の行を削除した可能性${run.displaced.length}件`);
  }
  if (run.editedMeanwhile.length > 0) {
    parts.push(`削除の直前に編集された${run.editedMeanwhile.length}件に印`);
  }
  if (run.restored.length > 0) parts.push(`誤って消えた行を作り直した${run.restored.length}件`);
  if (run.deferred > 0) parts.push(`次回に回した${run.deferred}件`);
  return `${parts.join('、')}。基準日 ${run.cutoff}`;
}

function listIds(ids: readonly string[]): string {
  const shown = ids.slice(0, MAX_LISTED).join('、');
  return ids.length > MAX_LISTED ? `${shown} ほか${ids.length - MAX_LISTED}件` : shown;
}

/** What needs a person, one paragraph each; empty when all went as planned. */
export function followUps(run: ArchiveRun, caption: string): string[] {
  return [
    ...duringDeletion(run, caption),
    ...leftByPlan(run),
    ...run.settingProblems.map((p) => `・${p}`),
  ];
}

/** Rows a person's act during the run kept in 予約, left in both sheets, or rebuilt. */
function duringDeletion(run: ArchiveRun, caption: string): string[] {
  const lines: string[] = [];
  if (run.notVerified.length > 0) {
    lines.push(
      `・${run.notVerified.length}件（${listIds(run.notVerified)}）は「${SHEET.archive}」への書き込みを確認できなかったため、「${SHEET.bookings}」に残しました（書き込んだ行は取り消しました）。もう一度実行してください。続けて起きる場合は管理者に連絡してください。`,
    );
  }
  if (run.left.length > 0) {
    lines.push(
      `・${run.left.length}件（${listIds(run.left)}）は、保管の途中で「${SHEET.bookings}」の行が編集・移動・コピー・削除されたため、移していません（「${SHEET.archive}」に書き写した行は取り消しました。どの予約も片方のシートにだけあります）。` +
        `「${SHEET.bookings}」に残っている行は、もう一度「${caption}」を実行すると、その時の内容で移します。`,
    );
  }
  if (run.inBoth.length > 0) {
    lines.push(
      `・${run.inBoth.length}件（${listIds(run.inBoth)}）は「${SHEET.bookings}」と「${SHEET.archive}」の両方にあります（保管の途中で行が動いたかコピーされ、どちらを残すか決められませんでした）。` +
        `「${SHEET.archive}」のその行の「${BOOKING.checkResult}」に印を付けました。2つの行を見比べ、片方を削除してください。`,
    );
  }
  if (run.displaced.length > 0) {
    lines.push(
      `・削除の直前に「${SHEET.bookings}」の行が動いた（行の挿入・削除・並べ替え・コピー）ため、${listIds(run.displaced)} の行の代わりに別の行を削除した可能性があります。` +
        `「${SHEET.bookings}」から消えた予約がないか確かめ、あれば「ファイル」>「変更履歴」から戻してください。`,
    );
  }
  if (run.editedMeanwhile.length > 0) {
    lines.push(
      `・${listIds(run.editedMeanwhile)} は、「${SHEET.bookings}」から削除する直前に行が編集されました。「${SHEET.archive}」の行にその編集が入っていない可能性があるため、「${BOOKING.checkResult}」に印を付けました。内容を確かめてください。`,
    );
  }
  if (run.restored.length > 0) {
    lines.push(
      `・削除の直前に行が動いたため、${listIds(run.restored)} の行が「${SHEET.bookings}」から消えていました。消える前の内容で「${SHEET.bookings}」の下に作り直し、「${BOOKING.checkResult}」にエラーを付けました。内容を確かめてください（その間に自分で削除した行なら、もう一度削除してください）。`,
    );
  }
  return lines;
}

/** Rows the plan kept in 予約 (conflicts, ids, columns, the run's size) and the no-show record. */
function leftByPlan(run: ArchiveRun): string[] {
  const lines: string[] = [];
  if (run.conflicting.length > 0) {
    lines.push(
      `・${run.conflicting.length}件（${listIds(run.conflicting)}）は、「${SHEET.archive}」に同じ予約IDの行があるのに内容が違うため、「${SHEET.bookings}」に残しました。2つの行を見比べ、正しい内容を「${SHEET.archive}」に残してから「${SHEET.bookings}」の行を手で削除してください。`,
    );
  }
  if (run.duplicatedId.length > 0) {
    lines.push(
      `・予約ID ${listIds(run.duplicatedId)} は「${SHEET.bookings}」の複数の行にあるため移していません。コピーして作った行の「予約ID」を空にして「すべての予約をチェック」を実行してから、もう一度保管してください。`,
    );
  }
  if (run.unmatchedValues.length > 0) {
    lines.push(
      `・${run.unmatchedValues.length}件（${listIds(run.unmatchedValues)}）は、見出しのない列（または同じ見出しが2つある列）に値があるため移していません。その列に重ならない見出しを付けてから、もう一度実行してください。`,
    );
  }
  if (run.withoutId > 0) {
    lines.push(
      `・予約IDのない${run.withoutId}件は移していません。「すべての予約をチェック」で予約IDを付けてから、もう一度実行してください。`,
    );
  }
  if (run.deferred > 0) {
    lines.push(
      `・残りの${run.deferred}件は、もう一度実行すると移します（1回に移す量を区切っています）。`,
    );
  }
  if (!run.noShowsRecorded) {
    lines.push(
      `・「${SHEET.archive}」の無断キャンセル回数を記録できませんでした。対象者の「無断キャンセル回数」とチェックの注意に保管分が数えられていない可能性があります。管理者に連絡してください。`,
    );
  }
  return lines;
}

/** The end of a run for the person: a toast when all went as planned, else a dialog. */
export function reportOf(
  run: ArchiveRun,
  caption: string,
): { kind: 'toast' | 'alert'; text: string } {
  const attempted = run.appended > 0 || run.left.length + run.inBoth.length > 0;
  const done =
    run.deleted > 0
      ? `${run.deleted}件の予約を「${SHEET.archive}」に移しました（相談日が${formatDayWithYear(run.cutoff)}より前の終わった予約）。`
      : attempted
        ? `「${SHEET.archive}」に移した予約はありません。`
        : `保管する予約はありませんでした（相談日が${formatDayWithYear(run.cutoff)}より前の、終わった予約が対象です）。`;
  const added =
    run.addedHeaders.length > 0
      ? [`「${SHEET.archive}」に列を追加しました: ${run.addedHeaders.join('、')}`]
      : [];
  const needs = followUps(run, caption);
  if (needs.length === 0 && added.length === 0) return { kind: 'toast', text: done };
  const lines = [done, ...added];
  if (needs.length > 0) lines.push('', '確認してください:', ...needs);
  return { kind: 'alert', text: lines.join('\n') };
}
