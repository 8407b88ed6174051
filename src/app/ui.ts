// Messages to the person who chose a menu item. Triggers have no UI: they log instead.

const TOAST_SECONDS = 8;

export function alert(message: string, title = 'オンライン相談'): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, message, ui.ButtonSet.OK);
}

export function confirm(message: string, title = 'オンライン相談'): boolean {
  const ui = SpreadsheetApp.getUi();
  return ui.alert(title, message, ui.ButtonSet.YES_NO) === ui.Button.YES;
}

export function toast(message: string, title = 'オンライン相談'): void {
  SpreadsheetApp.getActiveSpreadsheet().toast(message, title, TOAST_SECONDS);
}

export const BUSY_MESSAGE =
  '別の処理（自動送信や他の方の操作）が実行中です。1分ほど待ってから、もう一度お試しください。';

/** A failure the person cannot fix: say so plainly, keep details (no personal data) in the log. */
export function unexpectedFailure(action: string, error: unknown): void {
  console.error(`${action} failed: ${error instanceof Error ? error.stack : String(error)}`);
  alert(
    `「${action}」の途中で予期しないエラーが起きました。データは変更前のまま、または途中までの状態です。` +
      'もう一度実行しても解決しない場合は、管理者に連絡してください。',
  );
}
