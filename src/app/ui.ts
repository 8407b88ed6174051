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
