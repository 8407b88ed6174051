// The 「オンライン相談」 menu. Captions and handler names live in core/schema (the contract).
import { MENU_ITEMS, MENU_TITLE } from '../core/schema';
import { stoppedToast } from '../core/selfCheck';
import { readHeartbeat } from './tickService';
import { describeError } from './runAction';
import { toast } from './ui';

export function onOpen(): void {
  const menu = SpreadsheetApp.getUi().createMenu(MENU_TITLE);
  MENU_ITEMS.forEach((item) => {
    // Setup and the self-check are an administrator's actions: set apart from daily work.
    if (item.handler === 'menuSetup') menu.addSeparator();
    menu.addItem(item.caption, item.handler);
  });
  menu.addToUi();
  warnIfRunsStopped();
}

/**
 * A simple trigger may read document properties and show a toast (no mail, no triggers): enough
 * to tell whoever opens the sheet that the 10-minute runs have stopped.
 */
function warnIfRunsStopped(): void {
  try {
    const message = stoppedToast(readHeartbeat(), new Date());
    if (message !== null) toast(message, '自動処理の確認');
  } catch (error) {
    console.warn(`onOpen: heartbeat not checked: ${describeError(error)}`);
  }
}
