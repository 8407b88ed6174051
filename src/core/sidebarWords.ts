// What the 空き枠 sidebar's server side says to staff (the page, 操作ログ, チェック結果 flags):
// booking ids and row numbers only, never a name, an address or a 求職番号.
import { error } from './checkMessages';
import { BOOKING, CHANNELS, SHEET } from './schema';

export const SIDEBAR_TITLE = '空き枠';

/** The form's fields and the 予約 header each one fills (the check names a field in 「」). */
export const FORM_FIELDS = {
  channel: BOOKING.channel,
  seekerNo: BOOKING.seekerNo,
  name: BOOKING.name,
  email: BOOKING.email,
  meetingUrl: BOOKING.meetingUrl,
} as const;
export type FormField = keyof typeof FORM_FIELDS;

/**
 * The form field a message is about: the one it names first in 「」 (every check message names
 * its field that way). Null when it names none: the booking as a whole (a full slot, a closed
 * day, the sheet), which the page shows without tying it to a field.
 */
export function messageField(message: string): FormField | null {
  let best: { field: FormField; at: number } | null = null;
  for (const [field, header] of Object.entries(FORM_FIELDS) as [FormField, string][]) {
    const at = message.indexOf(`「${header}」`);
    if (at >= 0 && (best === null || at < best.at)) best = { field, at };
  }
  return best?.field ?? null;
}

/** 操作ログ action of every booking the sidebar adds. */
export const SIDEBAR_AUDIT_ACTION = '空き枠から予約を追加';

export const SIDEBAR_UNEXPECTED =
  'サーバーで予期しないエラーが起きました。もう一度お試しください。続くときは管理者に連絡してください。';

export const BOOKINGS_NOT_READY = `「${SHEET.bookings}」シートが整っていません。メニュー「初期設定」を実行してください。`;

export const CHANNEL_PROBLEM = error(
  `「${BOOKING.channel}」を${CHANNELS.join('・')}から選んでください。`,
);

export const START_ONLY = error(
  `「${BOOKING.start}」は 10:00 のように時刻だけを選んでください（時刻の後ろに文字は付けられません）。`,
);

export const addedButNotChecked = (id: string) =>
  error(
    `予約は「${SHEET.bookings}」シートに追加されました（予約ID ${id}）が、その後のチェックか記録が途中で止まりました。もう一度追加せず、メニュー「すべての予約をチェック」を実行して、その行のチェック結果を確かめてください。`,
  );

export const NOT_VERIFIED_DETAIL = '追加後に行を確かめられませんでした';

export const addedButNotVerified = (id: string) =>
  error(
    `予約を「${SHEET.bookings}」シートの末尾に追加しましたが（予約ID ${id}）、追加した直後に別の人の入力や並べ替えで行が変わり、確かめられませんでした。` +
      `もう一度追加せず、シートで予約ID ${id} の行を探し、内容が正しいか確かめてから「すべての予約をチェック」を実行してください（行が見当たらなければ、もう一度追加してください）。`,
  );

export const addedWithErrors = (rowNumber: number, id: string) =>
  `予約は「${SHEET.bookings}」シートの${rowNumber}行目（予約ID ${id}）に追加されましたが、チェックでエラーになりました。行を直すか、「状態」をキャンセルにしてください。`;

/** チェック結果 text of a row the write into a free row overwrote, rebuilt from the re-read. */
export const overwrittenRowText = (rowNumber: number) =>
  `空き枠から予約を追加したとき、同時に行の挿入があり、この行の予約（${rowNumber}行目にあったもの）が上書きされました。上書きされる前の内容でこの行を作り直しました。内容が正しいか確かめてから「すべての予約をチェック」を実行してください。`;

/** チェック結果 text of the new booking when the row it overwrote could not be rebuilt. */
export const UNSEEN_ROW_TEXT =
  'この予約を書き込む直前に、すぐ上に行が挿入されました。その行に入力していた内容があれば、この予約で上書きされています。入力していた人に確かめ、消えた予約があれば入力し直してから「すべての予約をチェック」を実行してください（上書き前の内容は「ファイル」→「変更履歴」で見られます）。';

export const rebuiltDetail = (rowNumber: number) =>
  `追加と同時に行の挿入があり、${rowNumber}行目にあったこの予約の行を上書きしました。上書き前の内容で行を作り直し、エラーを付けました`;

export const overlappedDetail = (rowNumber: number) =>
  `${rowNumber}行目に追加（別の行と重なりました）`;

export const unseenDetail = (rowNumber: number) =>
  `${rowNumber}行目に追加。書き込みの直前に行の挿入があり、入力中の行を上書きした可能性があります`;

export const overwroteAndRebuilt = (rowNumber: number, id: string, lostId: string) =>
  error(
    `予約は「${SHEET.bookings}」シートの${rowNumber}行目に追加しました（予約ID ${id}）。ただし追加の瞬間に別の人が行を挿入したため、その行にあった予約（予約ID ${lostId || 'なし'}）を上書きしてしまいました。その予約は上書き前の内容でシートの下の方に作り直し、「${BOOKING.checkResult}」にエラーを付けました。その行の内容を確かめてから「すべての予約をチェック」を実行してください。この予約はもう一度追加しないでください。`,
  );

export const mayHaveOverwritten = (rowNumber: number, id: string) =>
  error(
    `予約は「${SHEET.bookings}」シートの${rowNumber}行目に追加しました（予約ID ${id}）が、書き込みの直前に別の人がすぐ上に行を挿入しました。その行に入力中の予約があれば上書きされています。シートを確かめ、消えた予約があれば入力し直してください。この予約はもう一度追加しないでください。`,
  );
