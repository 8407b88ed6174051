// The spreadsheet editor's Ui: custom menus, alert/prompt dialogs and HtmlService sidebars and
// dialogs. Nothing is drawn: menus become a model tests can list and click (emu.menu), dialogs
// are recorded and answered from a queue the test fills, or by a configurable default.
import type { Execution, Runtime } from '../runtime.js';
import { makeEnum, notEmulated, type EnumValue, type ServiceContext } from './common.js';
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
  | { type: 'item'; caption: string; functionName: string }
  | { type: 'separator' }
  | { type: 'submenu'; menu: MenuModel };

export interface MenuModel {
  caption: string;
  entries: MenuEntry[];
}

/** One clickable item, wherever it sits (top-level menu or submenu). */
export interface MenuItemInfo {
  caption: string;
  functionName: string;
  /** Captions of the menus leading to it, outermost first. */
  path: string[];
}

export interface DialogRecord {
  kind: 'alert' | 'prompt';
  /** '' when the one- or two-argument form was used. */
  title: string;
  message: string;
  buttonSet: ButtonSetName;
  buttons: ButtonName[];
  /** What the person clicked (from the queue or the default). */
  response: ButtonName;
  /** prompt only: what the person typed. */
  text?: string;
  /** Locks the run held when the dialog opened: released by the suspension ('script', …). */
  releasedLocks: string[];
  executionId: number;
  at: Date;
}

export interface ShownHtml {
  kind: 'sidebar' | 'modal' | 'modeless';
  /** The dialog title argument, or the HtmlOutput's title for sidebars. */
  title: string;
  content: string;
  width: number | null;
  height: number | null;
  executionId: number;
  at: Date;
}

/** An answer for the next dialog: a button, or for prompts the typed text (and button). */
export type QueuedResponse = ButtonName | { button?: ButtonName; text?: string };

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
  /** Text a prompt returns when no response with text is queued. */
  defaultPromptText = '';
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

  setDefault(choice: DefaultChoice, promptText = ''): void {
    this.defaultChoice = choice;
    this.defaultPromptText = promptText;
  }

  /**
   * The button the person clicks when nothing is queued: 'YES' clicks YES where the dialog has
   * it (else its first button), 'NO' clicks NO or CANCEL (else OK), 'CLOSE' closes it.
   */
  setDefaultResponse(button: ButtonName, promptText = ''): void {
    const choice: Record<ButtonName, DefaultChoice> = {
      OK: 'accept',
      YES: 'accept',
      NO: 'decline',
      CANCEL: 'decline',
      CLOSE: 'close',
    };
    this.setDefault(choice[button], promptText);
  }

  lastDialog(): DialogRecord | undefined {
    return this.dialogs[this.dialogs.length - 1];
  }

  sidebars(): ShownHtml[] {
    return this.shown.filter((s) => s.kind === 'sidebar');
  }

  /** Every clickable item of every menu added to the Ui, submenus flattened. */
  menuItems(): MenuItemInfo[] {
    const out: MenuItemInfo[] = [];
    const walk = (menu: MenuModel, path: string[]): void => {
      for (const entry of menu.entries) {
        if (entry.type === 'item') out.push({ ...entry, path });
        else if (entry.type === 'submenu') walk(entry.menu, [...path, entry.menu.caption]);
      }
    };
    for (const menu of this.menus) walk(menu, [menu.caption]);
    return out.map(({ caption, functionName, path }) => ({ caption, functionName, path }));
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
  answer(buttons: ButtonName[], dialog: string): { button: ButtonName; text: string } {
    const queued = this.queue.shift();
    if (queued === undefined)
      return { button: this.defaultButton(buttons), text: this.defaultPromptText };
    const button =
      typeof queued === 'string' ? queued : (queued.button ?? this.defaultButton(buttons));
    const text = typeof queued === 'string' ? this.defaultPromptText : (queued.text ?? '');
    if (button !== 'CLOSE' && !buttons.includes(button)) {
      const problem = `ui: the queued response ${button} is not a button of the dialog "${dialog}" (${buttons.join(', ')})`;
      this.problems.push(problem);
      throw new Error(problem);
    }
    return { button, text };
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

export class EmuMenu implements GoogleAppsScript.Base.Menu {
  /** @internal The entries so far; copied when the menu is added to the Ui. */
  readonly model: MenuModel;

  constructor(
    private readonly runtime: Runtime,
    private readonly state: UiState,
    caption: string,
  ) {
    this.model = { caption, entries: [] };
  }

  addItem(caption: string, functionName: string): GoogleAppsScript.Base.Menu {
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

  addSeparator(): GoogleAppsScript.Base.Menu {
    return this.runtime.call('Menu.addSeparator', () => {
      this.model.entries.push({ type: 'separator' });
      return this;
    });
  }

  addSubMenu(menu: GoogleAppsScript.Base.Menu): GoogleAppsScript.Base.Menu {
    return this.runtime.callWithArgs('Menu.addSubMenu', [menu], () => {
      if (!(menu instanceof EmuMenu)) throw new Error('Invalid argument: menu');
      this.model.entries.push({ type: 'submenu', menu: copyMenu(menu.model) });
      return this;
    });
  }

  addToUi(): void {
    this.runtime.call('Menu.addToUi', () => this.state.addMenu(copyMenu(this.model)));
  }
}

function copyMenu(menu: MenuModel): MenuModel {
  return {
    caption: menu.caption,
    entries: menu.entries.map((e) =>
      e.type === 'submenu' ? { type: 'submenu', menu: copyMenu(e.menu) } : { ...e },
    ),
  };
}

export class EmuPromptResponse implements GoogleAppsScript.Base.PromptResponse {
  constructor(
    private readonly runtime: Runtime,
    private readonly button: ButtonName,
    private readonly text: string,
  ) {}

  getResponseText(): string {
    return this.runtime.call('PromptResponse.getResponseText', () => this.text);
  }

  getSelectedButton(): GoogleAppsScript.Base.Button {
    return this.runtime.call(
      'PromptResponse.getSelectedButton',
      () => BUTTON[this.button] as unknown as GoogleAppsScript.Base.Button,
    );
  }
}

interface DialogArgs {
  title: string;
  message: string;
  buttonSet: ButtonSetName;
}

export class EmuUi implements GoogleAppsScript.Base.Ui {
  readonly Button = BUTTON as unknown as typeof GoogleAppsScript.Base.Button;
  readonly ButtonSet = BUTTON_SET as unknown as typeof GoogleAppsScript.Base.ButtonSet;

  constructor(
    private readonly context: ServiceContext,
    private readonly state: UiState,
  ) {}

  private get runtime(): Runtime {
    return this.context.runtime;
  }

  alert(prompt: string): GoogleAppsScript.Base.Button;
  alert(prompt: string, buttons: GoogleAppsScript.Base.ButtonSet): GoogleAppsScript.Base.Button;
  alert(
    title: string,
    prompt: string,
    buttons: GoogleAppsScript.Base.ButtonSet,
  ): GoogleAppsScript.Base.Button;
  alert(...args: unknown[]): GoogleAppsScript.Base.Button {
    return this.runtime.callWithArgs('Ui.alert', args, () => {
      const dialog = this.dialogArgs('alert', args);
      const { button } = this.show('alert', dialog);
      return BUTTON[button] as unknown as GoogleAppsScript.Base.Button;
    });
  }

  prompt(prompt: string): GoogleAppsScript.Base.PromptResponse;
  prompt(
    prompt: string,
    buttons: GoogleAppsScript.Base.ButtonSet,
  ): GoogleAppsScript.Base.PromptResponse;
  prompt(
    title: string,
    prompt: string,
    buttons: GoogleAppsScript.Base.ButtonSet,
  ): GoogleAppsScript.Base.PromptResponse;
  prompt(...args: unknown[]): GoogleAppsScript.Base.PromptResponse {
    return this.runtime.callWithArgs('Ui.prompt', args, () => {
      const dialog = this.dialogArgs('prompt', args);
      const { button, text } = this.show('prompt', dialog);
      return new EmuPromptResponse(this.runtime, button, button === 'CLOSE' ? '' : text);
    });
  }

  createMenu(caption: string): GoogleAppsScript.Base.Menu {
    return this.runtime.callWithArgs('Ui.createMenu', [caption], () => {
      if (typeof caption !== 'string') throw new Error('Invalid argument: caption');
      return new EmuMenu(this.runtime, this.state, caption);
    });
  }

  createAddonMenu(): GoogleAppsScript.Base.Menu {
    return notEmulated(this.runtime, 'Ui.createAddonMenu');
  }

  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    this.runtime.callWithArgs('Ui.showSidebar', [userInterface], () =>
      this.showHtml('sidebar', userInterface, undefined),
    );
  }

  showModalDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.runtime.callWithArgs('Ui.showModalDialog', [userInterface, title], () =>
      this.showHtml('modal', userInterface, title),
    );
  }

  showModelessDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.runtime.callWithArgs('Ui.showModelessDialog', [userInterface, title], () =>
      this.showHtml('modeless', userInterface, title),
    );
  }

  showDialog(): void {
    notEmulated(this.runtime, 'Ui.showDialog');
  }

  private dialogArgs(method: 'alert' | 'prompt', args: unknown[]): DialogArgs {
    const set = (value: unknown): ButtonSetName | undefined => {
      const entry = Object.entries(BUTTON_SET).find(([, v]) => v === value);
      return entry?.[0] as ButtonSetName | undefined;
    };
    const mismatch = (): Error =>
      new Error(
        `The parameters (${describeArgs(args)}) don't match the method signature for Ui.${method}.`,
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
   * alert and prompt suspend the script until the person answers; "LockService locks don't
   * persist across the suspension" (Ui reference), so every lock the run holds is released
   * before the dialog opens and the script must take it again afterwards.
   */
  private show(kind: 'alert' | 'prompt', dialog: DialogArgs): { button: ButtonName; text: string } {
    const execution = this.runtime.current();
    const releasedLocks = execution ? this.state.onSuspend(execution) : [];
    const buttons = BUTTONS_OF[dialog.buttonSet];
    const answer = this.state.answer(buttons, dialog.title || dialog.message);
    const record: DialogRecord = {
      kind,
      ...dialog,
      buttons,
      response: answer.button,
      executionId: this.runtime.innermost()?.id ?? 0,
      at: this.runtime.now(),
      releasedLocks,
    };
    if (kind === 'prompt') record.text = answer.button === 'CLOSE' ? '' : answer.text;
    this.state.dialogs.push(record);
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
