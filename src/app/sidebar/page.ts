// 空き枠を表示 (menu): opens the sidebar staff keep open while on the phone.
import { SIDEBAR_TITLE } from '../../core/sidebarWords';
import { runCommand } from '../command';

const SIDEBAR_PAGE = 'sidebar';

export function menuShowFreeSlots(): void {
  runCommand('menuShowFreeSlots', () => {
    const page = HtmlService.createHtmlOutputFromFile(SIDEBAR_PAGE).setTitle(SIDEBAR_TITLE);
    SpreadsheetApp.getUi().showSidebar(page);
  });
}
