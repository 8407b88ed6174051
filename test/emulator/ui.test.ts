// Menus, alert dialogs answered from a queue, sidebars, and getUi's refusal in triggers.
import { describe, expect, it } from 'vitest';
import { emulate } from './fixtures/emulate';

const SCRIPT = `
function onOpen() {
  var ui = SpreadsheetApp.getUi();
  ui.createMenu('オンライン相談')
    .addItem('招待メールを送信', 'send')
    .addSeparator()
    .addItem('壊れた項目', 'missingFunction')
    .addToUi();
}
function send() {
  var ui = SpreadsheetApp.getUi();
  var answer = ui.alert('確認', '3件の招待メールを送信しますか？', ui.ButtonSet.YES_NO);
  if (answer !== ui.Button.YES) {
    ui.alert('送信を中止しました。');
    return 'cancelled';
  }
  return 'sent';
}
function unused(what) {
  var ui = SpreadsheetApp.getUi();
  var page = HtmlService.createHtmlOutput('<p>');
  var tries = {
    prompt: function () { ui.prompt('名前'); },
    subMenu: function () { ui.createMenu('a').addSubMenu(ui.createMenu('b')); },
    modeless: function () { ui.showModelessDialog(page, '題'); },
  };
  try { tries[what](); return 'no error'; } catch (e) { return e.message; }
}
function tick() { SpreadsheetApp.getUi(); return 'unreachable'; }
function twoStrings() { SpreadsheetApp.getUi().alert('題', '本文'); }
function sidebar() {
  var page = HtmlService.createHtmlOutput('<p>空き枠</p>').setTitle('空き枠').setWidth(300);
  SpreadsheetApp.getUi().showSidebar(page);
  SpreadsheetApp.getUi().showModalDialog(HtmlService.createHtmlOutput('<b>!</b>'), 'お知らせ');
}
`;

describe('Ui', () => {
  it('records the menu onOpen builds and lists its item captions', () => {
    const emu = emulate(SCRIPT);
    expect(emu.menuCaptions()).toEqual([]);
    const opened = emu.open();
    expect(opened.error).toBeUndefined();
    expect(opened.kind).toBe('simple');
    expect(emu.menuCaptions()).toEqual(['招待メールを送信', '壊れた項目']);
    expect(emu.ui.menus).toHaveLength(1);
    expect(emu.ui.menus[0]!.caption).toBe('オンライン相談');
    expect(emu.ui.menus[0]!.entries.map((e) => e.type)).toEqual(['item', 'separator', 'item']);
    expect(emu.ui.menuItems()[1]).toEqual({
      caption: '壊れた項目',
      functionName: 'missingFunction',
      path: ['オンライン相談'],
    });
    emu.open();
    expect(emu.ui.menus).toHaveLength(1); // reopening rebuilds, it does not duplicate
  });

  it('runs a menu item as a menu execution and answers dialogs from the queue', () => {
    const emu = emulate(SCRIPT);
    emu.open();
    emu.ui.queueResponse('NO');
    const result = emu.menu('招待メールを送信');
    expect(result.kind).toBe('menu');
    expect(result.value).toBe('cancelled');
    expect(
      emu.ui.dialogs.map(({ kind, title, message, buttons, response }) => ({
        kind,
        title,
        message,
        buttons,
        response,
      })),
    ).toEqual([
      {
        kind: 'alert',
        title: '確認',
        message: '3件の招待メールを送信しますか？',
        buttons: ['YES', 'NO'],
        response: 'NO',
      },
      {
        kind: 'alert',
        title: '',
        message: '送信を中止しました。',
        buttons: ['OK'],
        response: 'OK',
      },
    ]);
    expect(emu.ui.pendingResponses()).toEqual([]);
  });

  it('clicks the default button when nothing is queued (YES/OK unless configured)', () => {
    const emu = emulate(SCRIPT);
    emu.open();
    expect(emu.menu('招待メールを送信').value).toBe('sent');
    emu.ui.setDefaultResponse('NO');
    expect(emu.menu('招待メールを送信').value).toBe('cancelled');
    emu.ui.setDefault('close');
    expect(emu.menu('招待メールを送信').value).toBe('cancelled');
    expect(emu.ui.lastDialog()?.response).toBe('CLOSE');
  });

  it('does not emulate prompt, submenus or modeless dialogs (the bundle uses none)', () => {
    const emu = emulate(SCRIPT);
    expect(['prompt', 'subMenu', 'modeless'].map((w) => emu.runOk('unused', [w]))).toEqual([
      'not emulated: Ui.prompt',
      'not emulated: Menu.addSubMenu',
      'not emulated: Ui.showModelessDialog',
    ]);
    expect(emu.ui.dialogs).toEqual([]);
    expect(emu.ui.shown).toEqual([]);
  });

  it('fails the test loudly when a queued answer is not a button of the dialog', () => {
    const emu = emulate(SCRIPT);
    emu.open();
    emu.ui.queueResponse('OK');
    expect(() => emu.menu('招待メールを送信')).toThrow(/queued response OK is not a button/);
  });

  it('refuses menu captions that do not exist or call no global function', () => {
    const emu = emulate(SCRIPT);
    expect(() => emu.menu('招待メールを送信')).toThrow(/call open\(\) first/);
    emu.open();
    expect(() => emu.menu('存在しない')).toThrow(/no menu item "存在しない"/);
    expect(() => emu.menu('壊れた項目')).toThrow(/missingFunction, which is not a global function/);
  });

  it('has no Ui in time-driven executions', () => {
    const emu = emulate(SCRIPT);
    const result = emu.run('tick', [], { kind: 'time' });
    expect(result.error?.message).toBe('Cannot call SpreadsheetApp.getUi() from this context.');
    expect(emu.run('tick', [], { kind: 'run' }).value).toBe('unreachable');
  });

  it("rejects alert(title, message) without buttons, as Apps Script's signatures do", () => {
    const emu = emulate(SCRIPT);
    expect(emu.run('twoStrings').error?.message).toBe(
      "The parameters (String,String) don't match the method signature for Ui.alert.",
    );
  });

  it('records sidebars and dialogs with their HtmlOutput', () => {
    const emu = emulate(SCRIPT);
    emu.runOk('sidebar');
    expect(emu.ui.sidebars()).toEqual([
      expect.objectContaining({
        kind: 'sidebar',
        title: '空き枠',
        content: '<p>空き枠</p>',
        width: 300,
      }),
    ]);
    expect(emu.ui.shown[1]).toMatchObject({
      kind: 'modal',
      title: 'お知らせ',
      content: '<b>!</b>',
    });
  });
});
