// One runner session: a workbook file opened into the emulator running the built bundle, and
// everything written back at the end — the workbook, the outbox (.eml), and the script's own
// state (document properties), which Apps Script keeps beside the spreadsheet, not in it.
import { readFile } from 'node:fs/promises';
import { Emulator } from '../emulator/index';
import type { WorkbookSnapshot } from '../emulator/snapshot';
import { writeOutbox } from './outbox';
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

export interface Session {
  emu: Emulator;
  /** Runs a menu item as a person would, answering every question with はい. */
  menu(caption: string): void;
  /** Runs a trigger handler as Apps Script's clock would. */
  trigger(handler: string): void;
  save(): Promise<{ workbook: string; mails: string[] }>;
}

/** The script's document properties live in a JSON file next to the workbook. */
function stateFile(workbook: string): string {
  return `${workbook}.script-state.json`;
}

async function readState(workbook: string): Promise<Record<string, string>> {
  try {
    const parsed = JSON.parse(await readFile(stateFile(workbook), 'utf8')) as {
      documentProperties?: Record<string, string>;
    };
    return parsed.documentProperties ?? {};
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
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
      const result = emu.menu(caption);
      showDialogs();
      failIfError(`メニュー「${caption}」`, result.error);
    },
    trigger(handler) {
      const result = emu.run(handler, [], { kind: 'time' });
      failIfError(handler, result.error);
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
