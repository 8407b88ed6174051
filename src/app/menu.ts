// The 「オンライン相談」 menu. Captions and handler names live in core/schema (the contract).
import { MENU_ITEMS, MENU_TITLE } from '../core/schema';

export function onOpen(): void {
  const menu = SpreadsheetApp.getUi().createMenu(MENU_TITLE);
  MENU_ITEMS.forEach((item, i) => {
    // Setup is an administrator's action: set apart from daily work.
    if (i === MENU_ITEMS.length - 1) menu.addSeparator();
    menu.addItem(item.caption, item.handler);
  });
  menu.addToUi();
}
