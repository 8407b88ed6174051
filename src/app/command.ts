// The one way a menu command runs. Whatever the command does, a person is never shown a raw
// error: the lock being busy, a NeedsPerson (a missing sheet or column) and an unexpected error
// each become one plain Japanese dialog titled with the command's caption, and the log gets a
// line without personal data. Commands say only what is theirs: the work, the questions, the words.
import { MENU_ITEMS } from '../core/schema';
import { actorName, AuditLog, type AuditEntry } from './auditLog';
import { NeedsPerson } from './checkService';
import { withScriptLock } from './lock';
import { describeError } from './runAction';
import { alert, BUSY_MESSAGE } from './ui';

/** The global function a menu item calls (core/schema's MENU_ITEMS, the contract). */
export type MenuHandler = (typeof MENU_ITEMS)[number]['handler'];

/** A menu item's caption, by the handler it calls: a handler with no menu item is a type error. */
export function captionOf(handler: MenuHandler): string {
  return MENU_ITEMS.find((item) => item.handler === handler)!.caption;
}

export interface Command {
  readonly caption: string;
  /**
   * Runs `work` holding the script lock. When the lock cannot be had, or the work throws
   * NeedsPerson, the person is told and the command ends here. Never ask a question (a dialog)
   * inside `work`: a dialog releases the script's locks.
   */
  locked<T>(work: () => T): T;
  /** Appends entries (action: the caption unless given) to 操作ログ in one write. */
  log(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, ...entries: CommandLogEntry[]): void;
}

export type CommandLogEntry = Omit<AuditEntry, 'action'> & { action?: string };

/** Thrown by `locked` once the person has been told; ends the command quietly. */
class Told extends Error {}

export function runCommand(handler: MenuHandler, body: (command: Command) => void): void {
  const caption = captionOf(handler);
  const command: Command = {
    caption,
    locked<T>(work: () => T): T {
      const result = withScriptLock(work);
      if (!result.ok) {
        alert(BUSY_MESSAGE, caption);
        throw new Told();
      }
      return result.value;
    },
    log(spreadsheet, ...entries) {
      const log = new AuditLog(actorName('menu'));
      for (const entry of entries) log.add({ ...entry, action: entry.action ?? caption });
      log.flush(spreadsheet);
    },
  };
  runMenuAction(caption, () => {
    try {
      body(command);
    } catch (error) {
      if (error instanceof Told) return;
      if (error instanceof NeedsPerson) return alert(error.message, caption);
      throw error;
    }
  });
}

/** An unexpected error becomes a plain Japanese dialog and a log line without personal data. */
function runMenuAction(caption: string, action: () => void): void {
  try {
    action();
  } catch (error) {
    console.error(`menu ${caption} failed: ${describeError(error)}`);
    alert(
      `「${caption}」の途中で予期しないエラーが起きました。もう一度実行しても解決しない場合は、` +
        '管理者に連絡してください（詳細は実行ログにあります）。',
    );
  }
}
