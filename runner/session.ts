// One runner session: a workbook file opened into the emulator running the built bundle, and
// everything written back at the end — the workbook, the outbox (.eml), and the script's own
// state (document properties), which Apps Script keeps beside the spreadsheet, not in it.
import { readFile } from 'node:fs/promises';
import { Emulator } from '../emulator/index';
import type { CellValue, WorkbookSnapshot } from '../emulator/snapshot';
import type { SentMail } from '../emulator/types';
import { SHEET } from '../src/core/schema';
import { writeOutbox } from './outbox';
import { fileProblem } from './problem';
import { TOKYO } from './tokyoTime';
import { readWorkbookFile, writeFileAtomically, writeWorkbookFile } from './workbookFile';

export interface SessionOptions {
  workbook: string;
  outbox: string;
  now: Date;
  bundle?: string;
  /** Where dialogs, toasts and warnings are shown (stdout by default). */
  say?: (line: string) => void;
}

/** What one menu item or trigger did: the 操作ログ rows it added and the mails it sent. */
export interface Activity {
  log: Record<string, CellValue>[];
  mails: SentMail[];
}

export interface Session {
  emu: Emulator;
  /** Runs a menu item as a person would, answering every question with はい. */
  menu(caption: string): Activity;
  /** Runs a trigger handler as Apps Script's clock would. */
  trigger(handler: string): Activity;
  /** Writes the workbook, its script state and the new mails (paths in the order sent). */
  save(): Promise<{ workbook: string; mails: string[] }>;
}

/** Each workbook's mails go to a folder beside it, so two workbooks never share an outbox. */
export function outboxFor(workbook: string): string {
  return `${workbook}.outbox`;
}

/** The script's document properties live in a JSON file next to the workbook. */
function stateFile(workbook: string): string {
  return `${workbook}.script-state.json`;
}

async function readState(workbook: string): Promise<Record<string, string>> {
  const path = stateFile(workbook);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  let properties: unknown = null;
  try {
    const parsed = JSON.parse(text) as { documentProperties?: unknown } | null;
    properties =
      parsed === null || typeof parsed !== 'object' ? null : (parsed.documentProperties ?? {});
  } catch {
    // properties stays null: reported below
  }
  if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) {
    throw fileProblem(
      `スクリプトの状態ファイル ${path} が壊れています（JSON として読めません）。バックアップから戻してください。戻せないときは削除すれば動きますが、スクリプトが覚えていたこと（予約IDの採番、送った通知の記録、トリガーの持ち主）は失われます。`,
      `The script state file ${path} is damaged (not valid JSON). Restore it from a backup; deleting it also works, but what the script remembered (the 予約ID counter, the alerts sent, the trigger owner) is lost.`,
    );
  }
  return properties as Record<string, string>;
}

/** The 操作ログ rows, or none before 初期設定 has made the sheet. */
function logRows(emu: Emulator): Record<string, CellValue>[] {
  try {
    return emu.records(SHEET.log);
  } catch {
    return [];
  }
}

/**
 * Runs `act` and returns what it did. New 操作ログ rows are those not there before (compared by
 * content, so a log the script trims from the top still yields exactly the new rows).
 */
function observe(emu: Emulator, act: () => void): Activity {
  const key = (row: Record<string, CellValue>) => JSON.stringify(Object.values(row));
  const before = new Map<string, number>();
  for (const row of logRows(emu)) before.set(key(row), (before.get(key(row)) ?? 0) + 1);
  const mailsBefore = emu.mail.sent.length;
  act();
  const log = logRows(emu).filter((row) => {
    const seen = before.get(key(row)) ?? 0;
    if (seen === 0) return true;
    before.set(key(row), seen - 1);
    return false;
  });
  return { log, mails: emu.mail.sent.slice(mailsBefore) };
}

function emptyWorkbook(name: string): WorkbookSnapshot {
  return { name, timeZone: TOKYO, sheets: [] };
}

export async function openSession(options: SessionOptions): Promise<Session> {
  const say = options.say ?? ((line: string) => console.log(line));
  const warn = (message: string) => say(`  （注意）${message}`);
  const snapshot =
    (await readWorkbookFile(options.workbook, warn)) ??
    emptyWorkbook(options.workbook.replace(/^.*\//, '').replace(/\.xlsx$/i, ''));
  const emu = new Emulator({
    now: options.now,
    workbook: snapshot,
    bundle: options.bundle ?? 'dist/Code.js',
    pagesDir: 'dist',
  });
  emu.properties.document.setAll(await readState(options.workbook));
  emu.open();
  const mailsBefore = emu.mail.sent.length;
  const dialogsSeen = { count: 0 };

  const toastsSeen = { count: 0 };
  /** What the person would have seen: dialogs in full, toasts as one line. */
  const showDialogs = () => {
    const dialogs = emu.ui.dialogs;
    for (const dialog of dialogs.slice(dialogsSeen.count)) {
      say(`  ┌ ${dialog.title}`);
      for (const line of dialog.message.split('\n')) say(`  │ ${line}`);
      say('  └');
    }
    dialogsSeen.count = dialogs.length;
    const toasts = emu.toasts();
    for (const toast of toasts.slice(toastsSeen.count)) say(`  （${toast.title}）${toast.message}`);
    toastsSeen.count = toasts.length;
  };
  const failIfError = (what: string, error: unknown) => {
    if (error)
      throw new Error(
        `${what} が失敗しました: ${error instanceof Error ? error.message : String(error)}`,
      );
  };

  return {
    emu,
    menu(caption) {
      emu.ui.setDefaultResponse('YES');
      return observe(emu, () => {
        const result = emu.menu(caption);
        showDialogs();
        failIfError(`メニュー「${caption}」`, result.error);
      });
    },
    trigger(handler) {
      return observe(emu, () => {
        const result = emu.run(handler, [], { kind: 'time' });
        failIfError(handler, result.error);
      });
    },
    async save() {
      await writeWorkbookFile(options.workbook, emu.snapshot(), warn);
      const state = { documentProperties: emu.properties.document.getAll() };
      await writeFileAtomically(
        stateFile(options.workbook),
        Buffer.from(JSON.stringify(state, null, 2)),
      );
      const mails = await writeOutbox(
        options.outbox,
        emu.mail.sent.slice(mailsBefore).map((mail) => ({ mail })),
      );
      return { workbook: options.workbook, mails };
    },
  };
}
