// The spreadsheet editor's Ui as the bundle uses it: one custom menu (items and separators),
// alert dialogs, an HtmlService sidebar and modal dialog. Nothing is drawn: menus become a model
// tests can list and click (emu.menu), dialogs are recorded and answered from a queue the test
// fills, or by a configurable default. prompt, submenus and modeless dialogs throw 'not emulated'.
import type { Execution, Runtime } from '../runtime.js';
import { Menu_METHODS, Ui_METHODS } from '../spreadsheet/gas-names.js';
import { notEmulatedBase } from '../spreadsheet/not-emulated.js';
import { makeEnum, type EnumValue, type ServiceContext } from './common.js';
import { EmuHtmlOutput } from './html.js';

export type ButtonName = 'CLOSE' | 'OK' | 'CANCEL' | 'YES' | 'NO';
export type ButtonSetName = 'OK' | 'OK_CANCEL' | 'YES_NO' | 'YES_NO_CANCEL';

export const BUTTON = makeEnum(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']);
export const BUTTON_SET = makeEnum(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL']);

const BUTTONS_OF: Record<ButtonSetName, ButtonName[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

const NO_UI_MESSAGE = 'Cannot call SpreadsheetApp.getUi() from this context.';

export type MenuEntry =
  { type: 'item'; caption: string; functionName: string } | { type: 'separator' };

export interface MenuModel {
  caption: string;
  entries: MenuEntry[];
}

/** One clickable item of a menu. */
export interface MenuItemInfo {
  caption: string;
  functionName: string;
  /** The caption of its menu, as a one-element path. */
  path: string[];
}

export interface DialogRecord {
  kind: 'alert';
  /** '' when the one- or two-argument form was used. */
  title: string;
  message: string;
  buttonSet: ButtonSetName;
  buttons: ButtonName[];
  /** What the person clicked (from the queue or the default). */
  response: ButtonName;
  /** Locks the run held when the dialog opened: released by the suspension ('script', …). */
  releasedLocks: string[];
  executionId: number;
  at: Date;
}

export interface ShownHtml {
  kind: 'sidebar' | 'modal';
  /** The dialog title argument, or the HtmlOutput's title for sidebars. */
  title: string;
  content: string;
  width: number | null;
  height: number | null;
  executionId: number;
  at: Date;
}

/** An answer for the next dialog: the button the person clicks. */
export type QueuedResponse = ButtonName;

/**
 * What the person answers when no response is queued: 'accept' clicks OK/YES, 'decline' clicks
 * CANCEL/NO (OK when it is the only button), 'close' closes the dialog (Button.CLOSE).
 */
export type DefaultChoice = 'accept' | 'decline' | 'close';

/** The editor's side of the Ui, shared by every execution; what tests inspect and script. */
export class UiState {
  readonly menus: MenuModel[] = [];
  readonly dialogs: DialogRecord[] = [];
  readonly shown: ShownHtml[] = [];
  defaultChoice: DefaultChoice = 'accept';
  private readonly queue: QueuedResponse[] = [];
  /** Mistakes in the test's script of responses, reported to the test by the facade. */
  readonly problems: string[] = [];
  /**
   * @internal Set by the facade: what a dialog's suspension does to the execution (releases
   * every lock it holds); returns the keys of the locks released.
   */
  onSuspend: (execution: Execution) => string[] = () => [];

  /** Answers for the next dialogs, in order. */
  queueResponse(...responses: QueuedResponse[]): void {
    this.queue.push(...responses);
  }

  /** Queued answers no dialog consumed: a test whose dialog never appeared proves nothing. */
  pendingResponses(): QueuedResponse[] {
    return [...this.queue];
  }

  setDefault(choice: DefaultChoice): void {
    this.defaultChoice = choice;
  }

  /**
   * The button the person clicks when nothing is queued: 'YES' clicks YES where the dialog has
   * it (else its first button), 'NO' clicks NO or CANCEL (else OK), 'CLOSE' closes it.
   */
  setDefaultResponse(button: ButtonName): void {
    const choice: Record<ButtonName, DefaultChoice> = {
      OK: 'accept',
      YES: 'accept',
      NO: 'decline',
      CANCEL: 'decline',
      CLOSE: 'close',
    };
    this.setDefault(choice[button]);
  }

  lastDialog(): DialogRecord | undefined {
    return this.dialogs[this.dialogs.length - 1];
  }

  sidebars(): ShownHtml[] {
    return this.shown.filter((s) => s.kind === 'sidebar');
  }

  /** Every clickable item of every menu added to the Ui. */
  menuItems(): MenuItemInfo[] {
    return this.menus.flatMap((menu) =>
      menu.entries.flatMap((entry) =>
        entry.type === 'item'
          ? [{ caption: entry.caption, functionName: entry.functionName, path: [menu.caption] }]
          : [],
      ),
    );
  }

  /** The document was closed: its custom menus go away (they are rebuilt by onOpen). */
  clearMenus(): void {
    this.menus.length = 0;
  }

  clear(): void {
    this.clearMenus();
    this.dialogs.length = 0;
    this.shown.length = 0;
    this.queue.length = 0;
    this.problems.length = 0;
  }

  /** @internal Adds a menu; one added again under the same caption replaces the old one. */
  addMenu(menu: MenuModel): void {
    const index = this.menus.findIndex((m) => m.caption === menu.caption);
    if (index >= 0) this.menus[index] = menu;
    else this.menus.push(menu);
  }

  /** @internal The person's answer to a dialog showing `buttons`. */
  answer(buttons: ButtonName[], dialog: string): ButtonName {
    const button = this.queue.shift();
    if (button === undefined) return this.defaultButton(buttons);
    if (button !== 'CLOSE' && !buttons.includes(button)) {
      const problem = `ui: the queued response ${button} is not a button of the dialog "${dialog}" (${buttons.join(', ')})`;
      this.problems.push(problem);
      throw new Error(problem);
    }
    return button;
  }

  private defaultButton(buttons: ButtonName[]): ButtonName {
    if (this.defaultChoice === 'close') return 'CLOSE';
    if (this.defaultChoice === 'accept') return buttons[0]!;
    return buttons.find((b) => b === 'NO' || b === 'CANCEL') ?? buttons[0]!;
  }
}

function describeArgs(args: readonly unknown[]): string {
  return args
    .map((a) => {
      if (typeof a === 'string') return 'String';
      if (typeof a === 'number') return 'number';
      if (typeof a === 'boolean') return 'Boolean';
      if (a === null) return 'null';
      if (a === undefined) return 'undefined';
      return Object.values(BUTTON_SET).includes(a as EnumValue) ? 'ButtonSet' : 'Object';
    })
    .join(',');
}

export class EmuMenu extends notEmulatedBase<GoogleAppsScript.Base.Menu>('Menu', Menu_METHODS) {
  /** @internal The entries so far; copied when the menu is added to the Ui. */
  readonly model: MenuModel;

  constructor(
    private readonly runtime: Runtime,
    private readonly state: UiState,
    caption: string,
  ) {
    super();
    this.model = { caption, entries: [] };
  }

  override addItem(caption: string, functionName: string): GoogleAppsScript.Base.Menu {
    return this.runtime.callWithArgs('Menu.addItem', [caption, functionName], () => {
      if (typeof caption !== 'string' || typeof functionName !== 'string') {
        throw new Error(
          `The parameters (${describeArgs([caption, functionName])}) don't match the method signature for Ui.Menu.addItem.`,
        );
      }
      this.model.entries.push({ type: 'item', caption, functionName });
      return this;
    });
  }

  override addSeparator(): GoogleAppsScript.Base.Menu {
    return this.runtime.call('Menu.addSeparator', () => {
      this.model.entries.push({ type: 'separator' });
      return this;
    });
  }

  override addToUi(): void {
    this.runtime.call('Menu.addToUi', () =>
      this.state.addMenu({
        caption: this.model.caption,
        entries: this.model.entries.map((e) => ({ ...e })),
      }),
    );
  }
}

interface DialogArgs {
  title: string;
  message: string;
  buttonSet: ButtonSetName;
}

export class EmuUi extends notEmulatedBase<GoogleAppsScript.Base.Ui>('Ui', Ui_METHODS) {
  override readonly Button = BUTTON as unknown as typeof GoogleAppsScript.Base.Button;
  override readonly ButtonSet = BUTTON_SET as unknown as typeof GoogleAppsScript.Base.ButtonSet;

  constructor(
    private readonly context: ServiceContext,
    private readonly state: UiState,
  ) {
    super();
  }

  private get runtime(): Runtime {
    return this.context.runtime;
  }

  override alert(prompt: string): GoogleAppsScript.Base.Button;
  override alert(
    prompt: string,
    buttons: GoogleAppsScript.Base.ButtonSet,
  ): GoogleAppsScript.Base.Button;
  override alert(
    title: string,
    prompt: string,
    buttons: GoogleAppsScript.Base.ButtonSet,
  ): GoogleAppsScript.Base.Button;
  override alert(...args: unknown[]): GoogleAppsScript.Base.Button {
    return this.runtime.callWithArgs('Ui.alert', args, () => {
      const button = this.show(this.dialogArgs(args));
      return BUTTON[button] as unknown as GoogleAppsScript.Base.Button;
    });
  }

  override createMenu(caption: string): GoogleAppsScript.Base.Menu {
    return this.runtime.callWithArgs('Ui.createMenu', [caption], () => {
      if (typeof caption !== 'string') throw new Error('Invalid argument: caption');
      return new EmuMenu(this.runtime, this.state, caption);
    });
  }

  override showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    this.runtime.callWithArgs('Ui.showSidebar', [userInterface], () =>
      this.showHtml('sidebar', userInterface, undefined),
    );
  }

  override showModalDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.runtime.callWithArgs('Ui.showModalDialog', [userInterface, title], () =>
      this.showHtml('modal', userInterface, title),
    );
  }

  private dialogArgs(args: unknown[]): DialogArgs {
    const set = (value: unknown): ButtonSetName | undefined => {
      const entry = Object.entries(BUTTON_SET).find(([, v]) => v === value);
      return entry?.[0] as ButtonSetName | undefined;
    };
    const mismatch = (): Error =>
      new Error(
        `The parameters (${describeArgs(args)}) don't match the method signature for Ui.alert.`,
      );
    const [a, b, c] = args;
    if (args.length === 1 && typeof a === 'string') {
      return { title: '', message: a, buttonSet: 'OK' };
    }
    if (args.length === 2 && typeof a === 'string' && set(b)) {
      return { title: '', message: a, buttonSet: set(b)! };
    }
    if (args.length === 3 && typeof a === 'string' && typeof b === 'string' && set(c)) {
      return { title: a, message: b, buttonSet: set(c)! };
    }
    throw mismatch();
  }

  /**
   * An alert suspends the script until the person answers; "LockService locks don't
   * persist across the suspension" (Ui reference), so every lock the run holds is released
   * before the dialog opens and the script must take it again afterwards.
   */
  private show(dialog: DialogArgs): ButtonName {
    const execution = this.runtime.current();
    const releasedLocks = execution ? this.state.onSuspend(execution) : [];
    const buttons = BUTTONS_OF[dialog.buttonSet];
    const answer = this.state.answer(buttons, dialog.title || dialog.message);
    this.state.dialogs.push({
      kind: 'alert',
      ...dialog,
      buttons,
      response: answer,
      executionId: this.runtime.innermost()?.id ?? 0,
      at: this.runtime.now(),
      releasedLocks,
    });
    return answer;
  }

  private showHtml(kind: ShownHtml['kind'], output: unknown, title: string | undefined): void {
    if (!(output instanceof EmuHtmlOutput)) throw new Error('Invalid argument: userInterface');
    if (title !== undefined && typeof title !== 'string')
      throw new Error('Invalid argument: title');
    const view = output.hostView();
    this.state.shown.push({
      kind,
      title: title ?? view.title,
      content: view.content,
      width: view.width,
      height: view.height,
      executionId: this.runtime.innermost()?.id ?? 0,
      at: this.runtime.now(),
    });
  }
}

/**
 * What SpreadsheetApp.getUi() hands out: the Ui, but only to executions that have one. A
 * time-driven run has no editor open, and Apps Script refuses with this exact message.
 */
export function uiProvider(
  context: ServiceContext,
  state: UiState,
): () => GoogleAppsScript.Base.Ui {
  const ui = new EmuUi(context, state);
  return () => {
    const execution = context.runtime.innermost();
    if (!execution || !execution.hasUi) throw new Error(NO_UI_MESSAGE);
    return ui;
  };
}
