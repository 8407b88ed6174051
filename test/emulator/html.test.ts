// HtmlService pages and templates: files from the pages folder, printing scriptlets escaped,
// raw ones not, code scriptlets run in the script's realm with the template's variables.
import { describe, expect, it } from 'vitest';
import { emulate } from './fixtures/emulate';

const SCRIPT = `
function greet(name) { return 'ようこそ ' + name; }
function render(title, name) {
  var t = HtmlService.createTemplateFromFile('Greeting');
  t.title = title;
  t.items = ['10:00', '<11:00>'];
  t.trusted = '<b>太字</b>';
  t.name = name;
  return t.evaluate().getContent();
}
function plain() { return HtmlService.createHtmlOutputFromFile('Plain.html').getContent(); }
function missing() { return HtmlService.createHtmlOutputFromFile('Nothing').getContent(); }
function inline() {
  var t = HtmlService.createTemplate('<i><?= x ?></i><? output.append("!"); ?>');
  t.x = 'a&b';
  return [t.evaluate().getContent(), t.getRawContent()];
}
function broken() {
  var t = HtmlService.createTemplate('<p><?= undefinedVariable ?></p>');
  return t.evaluate().getContent();
}
function outputs() {
  var o = HtmlService.createHtmlOutput('<p>')
    .append('<em>ok</em>')
    .appendUntrusted('<script>x</script>')
    .setTitle('題')
    .setWidth(400)
    .setHeight(200)
    .setSandboxMode(HtmlService.SandboxMode.IFRAME)
    .setXFrameOptionsMode(HtmlService.XFrameOptionsMode.ALLOWALL);
  return [o.getContent(), o.getTitle(), o.getWidth(), o.getHeight(), o.getBlob().getContentType()];
}
function fromFile() { return HtmlService.createTemplateFromFile('Page').evaluate().getContent(); }
`;

describe('HtmlService', () => {
  it('escapes <?= ?>, keeps <?!= ?> raw and runs <? ?> scriptlets with template variables', () => {
    const emu = emulate(SCRIPT);
    const html = emu.runOk<string>('render', ['<script>alert("x")</script>', '"山田" & 子']);
    expect(html).toContain('<h1>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</h1>');
    expect(html).not.toContain('<script>alert');
    expect(html).toMatch(/<li>10:00<\/li>\s*<li>&lt;11:00&gt;<\/li>/);
    expect(html).toContain('<div id="raw"><b>太字</b></div>');
    expect(html).toContain('<p>ようこそ &quot;山田&quot; &amp; 子</p>');
  });

  it('reads <name>.html from the pages folder, raw, with or without the extension', () => {
    const emu = emulate(SCRIPT);
    const plain = emu.runOk<string>('plain');
    expect(plain).toMatch(/^<p>\s*Hello\s*<\?= not evaluated \?>\s*<\/p>\n$/);
    expect(emu.run('missing').error?.message).toBe('No HTML file named Nothing was found.');
  });

  it('takes inline pages over the folder', () => {
    const emu = emulate(SCRIPT, { pages: { Page: '<p><?= 1 + 1 ?></p>' } });
    expect(emu.runOk('fromFile')).toBe('<p>2</p>');
  });

  it('evaluates templates from strings, with the output object', () => {
    const emu = emulate(SCRIPT);
    expect(emu.runOk('inline')).toEqual([
      '<i>a&amp;b</i>!',
      '<i><?= x ?></i><? output.append("!"); ?>',
    ]);
  });

  it("surfaces a scriptlet's error as the script's error", () => {
    const emu = emulate(SCRIPT);
    const result = emu.run('broken');
    expect(result.error?.name).toBe('ReferenceError');
    expect(result.error?.message).toMatch(/undefinedVariable/);
  });

  it('builds HtmlOutput pages with title, size, modes and a blob', () => {
    const emu = emulate(SCRIPT);
    expect(emu.runOk('outputs')).toEqual([
      '<p><em>ok</em>&lt;script&gt;x&lt;/script&gt;',
      '題',
      400,
      200,
      'text/html',
    ]);
  });
});
