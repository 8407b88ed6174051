// HtmlService as the bundle uses it: a page from the pages folder (or given inline) or from a
// string, with a title and a size, shown through the Ui. Templates are not emulated.
import { describe, expect, it } from 'vitest';
import { emulate } from './fixtures/emulate';

const SCRIPT = `
function plain() {
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('Plain.html').setTitle('題'));
}
function missing() { return HtmlService.createHtmlOutputFromFile('Nothing'); }
function fromFile() { SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('Page')); }
function sized() {
  var o = HtmlService.createHtmlOutput('<p>プレビュー</p>').setWidth(400).setHeight(200);
  SpreadsheetApp.getUi().showModalDialog(o, '見本');
}
function badWidth() { HtmlService.createHtmlOutput('<p>').setWidth('wide'); }
function template() { return HtmlService.createTemplateFromFile('Page'); }
function content() { return HtmlService.createHtmlOutput('<p>').getContent(); }
`;

describe('HtmlService', () => {
  it('reads <name>.html from the pages folder, raw, with or without the extension', () => {
    const emu = emulate(SCRIPT);
    emu.runOk('plain', [], { kind: 'menu' });
    const [shown] = emu.ui.sidebars();
    expect(shown?.title).toBe('題');
    expect(shown?.content).toMatch(/^<p>\s*Hello\s*<\?= not evaluated \?>\s*<\/p>\n$/);
    expect(emu.run('missing').error?.message).toBe('No HTML file named Nothing was found.');
  });

  it('takes inline pages over the folder', () => {
    const emu = emulate(SCRIPT, { pages: { Page: '<p>inline</p>' } });
    emu.runOk('fromFile', [], { kind: 'menu' });
    expect(emu.ui.sidebars().map((s) => s.content)).toEqual(['<p>inline</p>']);
  });

  it('builds pages from a string with a size, and checks the arguments', () => {
    const emu = emulate(SCRIPT);
    emu.runOk('sized', [], { kind: 'menu' });
    expect(emu.ui.shown.map((s) => [s.kind, s.title, s.content, s.width, s.height])).toEqual([
      ['modal', '見本', '<p>プレビュー</p>', 400, 200],
    ]);
    expect(emu.run('badWidth').error?.message).toBe('Invalid argument: width');
  });

  it('throws "not emulated" for templates and the members the bundle never calls', () => {
    const emu = emulate(SCRIPT);
    expect(emu.run('template').error?.message).toBe(
      'not emulated: HtmlService.createTemplateFromFile',
    );
    expect(emu.run('content').error?.message).toBe('not emulated: HtmlOutput.getContent');
  });
});
